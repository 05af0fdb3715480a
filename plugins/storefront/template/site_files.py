"""mkdocs.yml and seo/business.yml of a new site, written from its facts."""

from __future__ import annotations

import html

from .brand import palette
from .facts import LONGEST_PAGE_TITLE, PHOTO, PLACEHOLDER, TITLE_LENGTH, Facts, offer_page, site_today, yaml_str

_MKDOCS_YML = """\
# {name}: built with MkDocs and the mkdocs-storefront plugins.
# Every value marked {placeholder} is yours to fill in (`grep -rn {placeholder} .`).
site_name: {name_yaml}
site_url: {url}
site_description: {description}   # {placeholder}: one sentence about the business
site_author: {name_yaml}
copyright: {copyright}   # HTML (the theme prints it as is)
docs_dir: content
site_dir: site

theme:
  name: material
  custom_dir: site_template
  language: {language}
  # System fonts: no request to a font service. Colours: site_template/stylesheets/brand.css.
  font: false
  features:
    - navigation.tabs
    - navigation.top

nav:
  - Home: index.md
  - {offer_title}: {offer}
  - About: about.md
  - Contact: contact.md
  - Blog:
      - blog/index.md

# Linked from the footer (site_template/partials/footer.html), not from the tabs.
not_in_nav: |
  /privacy.md

extra_css:
  - stylesheets/brand.css

extra:
  # The browser's toolbar colour (meta theme-color): the brand colour.
  theme_color: {brand}
  footer_links:
    - title: Privacy policy
      url: privacy/
    - title: Contact
      url: contact/

markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - toc:
      permalink: false

# storefront/calendar first (it decides what is public), storefront/optimize last.
plugins:
  - storefront/calendar:
      timezone: {timezone}
  - search
  - blog:
      blog_dir: blog
      post_url_format: "{{slug}}"
{newsletter}  - storefront/seo:
      card_colour: {brand}
{seo_options}  - storefront/schema
  - storefront/lint:
      rules:
        text-too-short:
          # Starter pages are short; write them out and raise these to the 300-word default.
          sections:
            index.md: 0
            {offer}: 0
            about.md: 0
            contact.md: 0
            privacy.md: 0
            blog/index.md: 0
            blog/posts/welcome.md: 0
  - rss:
      match_path: "blog/posts/.*"
      use_git: false
      date_from_meta:
        as_creation: date
        as_update: updated
        datetime_format: "%Y-%m-%d"
        default_timezone: {timezone}
      categories: [categories, tags]
  - storefront/optimize:
      headers: deploy/_headers
"""
"""mkdocs.yml of a new site: `str.format` fields, braces of the file itself doubled."""


def mkdocs_yml(facts: Facts) -> str:
    offer, offer_title = offer_page(facts)
    newsletter = ""
    if facts.provider:
        from ..newsletter.providers import PROVIDERS

        params = [p for p in PROVIDERS[facts.provider].params if p.required]
        ids = "".join(f"        {p.name}: {yaml_str(p.example)}   # {PLACEHOLDER}: {p.where}\n"
                      for p in params)
        newsletter = (
            "  - storefront/newsletter:\n"
            f"      # {PLACEHOLDER}: put the public ids of your {facts.provider} signup form below\n"
            "      # (README, storefront/newsletter), then set enabled: true.\n"
            "      enabled: false\n"
            f"      provider: {facts.provider}\n"
            "      form:\n" + ids +
            "      consent:\n"
            "        privacy_url: privacy.md\n")
    seo_locale = f"      locale: {facts.language}_{facts.country}\n" if facts.country else ""
    # Titles search results show in full (60 characters): the home page's is
    # "{site} – {site_description}", the others "{page} | {site}".
    room = TITLE_LENGTH - len(facts.name) - 3
    site_description = next((text for text in (f"{offer_title}, opening hours and news",
                                               f"{offer_title} and news", offer_title)
                             if len(text) <= room), offer_title)
    if len(site_description) > room:
        seo_locale += '      home_title: "{site}"   # the name alone: with the description it is too long\n'
    if len(LONGEST_PAGE_TITLE) > room:
        seo_locale += '      title: "{page}"        # the page alone: with the name it is too long\n'

    return _MKDOCS_YML.format(
        name=facts.name, name_yaml=yaml_str(facts.name), url=yaml_str(facts.url), placeholder=PLACEHOLDER,
        description=yaml_str(site_description), language=facts.language, timezone=facts.timezone,
        copyright=yaml_str(html.escape(f"© {site_today(facts).year} {facts.name}")),
        brand=yaml_str(palette(facts.colour)["--sf-brand"]), offer=offer, offer_title=offer_title,
        newsletter=newsletter, seo_options=seo_locale)


def business_yml(facts: Facts) -> str:
    country = facts.country
    country_line = (f"  country: {country}\n" if country else
                    f"  country: US            # {PLACEHOLDER}: your country's two-letter code (GB, DE, FR…)\n")
    return f"""\
# The business profile: the single source of the structured data (JSON-LD) and of the name,
# address, telephone and opening hours shown in the footer and on the contact page.
# Reference: README.md, section "storefront/schema". Lines marked {PLACEHOLDER} are yours to fill in.
type: {facts.type}
name: {yaml_str(facts.name)}
description: {yaml_str(f"{facts.name}: what we do and where.")}   # {PLACEHOLDER}: one or two sentences
address:
  street: "Your street address"        # {PLACEHOLDER}
  locality: "Your town"                # {PLACEHOLDER}
{country_line}images:
  - {PHOTO}   # {PLACEHOLDER}: replace with photos of your business, 1200 px wide or more
# {PLACEHOLDER}s, recommended for local search results (uncomment and fill in):
# telephone: +44 20 7946 0000
# email: hello@example.com
# postal_code: "AB1 2CD"   (under address:)
# geo: {{latitude: 51.5, longitude: -0.12}}
# hours:
#   monday: 09:00-17:00
#   saturday: closed
"""
