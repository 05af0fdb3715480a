"""Unsafe URLs and secrets on built fixture sites: each is refused with one message naming the
file and key (strict fails), a plain build goes on, and the value is published nowhere.

Each case is one that was accepted before the suite had one URL check and one secret check
(issue 10, "Unsafe URLs accepted" and "Secrets published").
"""

from __future__ import annotations

import textwrap

import pytest

SITE_URL = "https://bakery.example/"
NOW = "2026-11-23T12:00:00Z"
STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
BREVO = "xkeysib-" + "0123456789abcdef" * 4 + "-AbCdEfGh12345678"
PROFILE = """\
type: Bakery
name: Hearth and Crumb
description: Sourdough baked daily.
telephone: +1 802-555-0142
address: {street: 118 Church Street, locality: Burlington, region: VT, postal_code: "05401", country: US}
images: [images/shop.jpg]
hours:
  tuesday: 07:00-15:00
"""
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5f6c2a40000000049454e44ae426082")


def published(built) -> str:
    """Every text file the build wrote, joined (HTML, XML, JSON, robots.txt, _headers)."""
    out = []
    for path in built.all_files():
        if path.suffix in (".png", ".gz", ".jpg", ".woff2", ".woff", ".ttf", ".eot"):
            continue
        try:
            out.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return "\n".join(out)


def check_refused(site, files, config, *, key: str, value: str, env=None):
    """Strict fails with a message naming the key; a plain build completes and `value` appears in
    no output file."""
    strict = site(files, config=config, strict=True, env=env)
    assert not strict.ok, strict.messages
    named = [w for w in strict.warnings if key in w]
    assert named, strict.warnings
    assert all("Traceback" not in w for w in strict.messages)
    plain = site(files, config=config, env=env)
    assert plain.ok, plain.error
    assert value not in published(plain)
    return named[0]


# --- newsletter -----------------------------------------------------------------------------

def newsletter(form=None, **options):
    plugin = {"provider": "buttondown", "form": form or {"username": "hearthandcrumb"}, "after_posts": False,
              **options}
    return {"theme": {"name": "mkdocs"}, "site_url": SITE_URL, "plugins": [{"storefront/newsletter": plugin}]}


NEWSLETTER_PAGES = {"index.md": "# Home\n\n/// newsletter\n///\n", "privacy.md": "# Privacy\n"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "JavaScript:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)",
                                 "//evil.example/privacy"])
def test_newsletter_privacy_url_must_be_a_page_or_https(site, url):
    message = check_refused(site, NEWSLETTER_PAGES, newsletter(consent={"privacy_url": url}),
                            key="consent.privacy_url", value=url.strip())
    assert message.startswith("storefront: mkdocs.yml: plugins.storefront/newsletter.consent.privacy_url:")
    assert "https://" in message  # the fix says what to write


def test_newsletter_custom_action_with_credentials(site):
    action = f"https://user:{STRIPE}@forms.example/s"
    files = {**NEWSLETTER_PAGES, "/deploy/_headers": "/*\n  Content-Security-Policy: form-action 'self' "
                                                       "{form_origins}\n"}
    config = newsletter({"action": action, "email": "email"})
    config["plugins"][0]["storefront/newsletter"]["provider"] = "custom"
    config["plugins"].append({"storefront/optimize": {"headers": "deploy/_headers"}})
    message = check_refused(site, files, config, key="form.action", value=STRIPE)
    assert "environment variables" in message and "dashboard" in message


def test_newsletter_interest_value_with_a_provider_key(site):
    config = newsletter(interests=[{"label": "Bread", "value": BREVO}])
    message = check_refused(site, NEWSLETTER_PAGES, config, key="interests[0].value", value=BREVO)
    assert "Brevo API key" in message and "environment variables" in message


@pytest.mark.parametrize("option", ["heading", "text", "button"])
def test_newsletter_texts_with_a_key(site, option):
    config = newsletter(**{option: f"Join us {STRIPE}"})
    check_refused(site, NEWSLETTER_PAGES, config, key=f"newsletter.{option}", value=STRIPE)


def test_newsletter_text_with_a_control_character(site):
    config = newsletter(heading="News\x00letter")
    check_refused(site, NEWSLETTER_PAGES, config, key="newsletter.heading", value="\x00")


# --- seo: options and site_url ---------------------------------------------------------------

def seo(**options):
    return {"theme": {"name": "mkdocs"}, "site_url": SITE_URL, "plugins": [{"storefront/seo": options}]}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,AAAA", "tel:+15550100999",
                                 "//evil.example/card.png", "https://user:pw@img.example/card.png"])
def test_seo_default_image(site, url):
    message = check_refused(site, {"index.md": "# Home\n"}, seo(default_image=url, cards=False),
                            key="plugins.storefront/seo.default_image", value=url)
    assert "image" in message.split(":", 3)[-1]


def test_site_url_with_spaces(site):
    config = seo()
    config["site_url"] = "https://bakery example.com/"
    message = check_refused(site, {"index.md": "# Home\n"}, config, key="site_url",
                            value="bakery example.com")
    assert "mkdocs.yml: site_url:" in message


@pytest.mark.parametrize("locale", ["<script>alert(1)</script>", "any text at all", "en_GB; x"])
def test_seo_locale_must_be_a_locale(site, locale):
    message = check_refused(site, {"index.md": "# Home\n"}, seo(locale=locale),
                            key="plugins.storefront/seo.locale", value=locale)
    assert "en_GB" in message


def test_seo_locale_accepts_locales(site):
    for locale, expected in (("en_GB", "en_GB"), ("pt-BR", "pt_BR"), ("fr", "fr_FR")):
        built = site({"index.md": "# Home\n"}, config=seo(locale=locale), strict=True)
        assert built.ok, built.warnings
        assert built.html().xpath('//meta[@property="og:locale"]/@content') == [expected]


# --- front matter: product and event URLs ----------------------------------------------------

def schema_site(page: str, profile: str = PROFILE):
    files = {"/seo/business.yml": profile, "images/logo.png": PNG, "index.md": "# Home\n",
             "events.md": textwrap.dedent(page)}
    return files, {"theme": {"name": "mkdocs"}, "site_url": SITE_URL, "plugins": ["storefront/schema"]}


PRODUCT = """\
---
product:
  name: Sourdough loaf
  price: 8.50
  currency: USD
  image: {url}
---
# Bread
"""
EVENT = """\
---
event:
  name: Bread class
  start: 2027-01-10 10:00
  image: {image}
  location: {{name: Bakery, url: {location}}}
  offers: {{price: 20, currency: USD, url: {offer}}}
---
# Class
"""
OK_EVENT = {"image": "images/logo.png", "location": "https://meet.example/class", "offer": "https://tickets.example/x"}


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "tel:+15550100999", "//evil.example/x", "data:x,1"])
def test_product_image(site, bad):
    files, config = schema_site(PRODUCT.format(url=f'"{bad}"'))
    message = check_refused(site, files, config, key="product.image", value=bad, env={"STOREFRONT_NOW": NOW})
    assert message.startswith("storefront: docs/events.md:")


@pytest.mark.parametrize("key, name", [("event.image", "image"), ("event.location.url", "location"),
                                       ("event.offers.url", "offer")])
@pytest.mark.parametrize("bad", ["javascript:alert(1)", "tel:+15550100999"])
def test_event_urls(site, key, name, bad):
    values = {**OK_EVENT, name: f'"{bad}"'}
    files, config = schema_site(EVENT.format(**values))
    check_refused(site, files, config, key=key, value=bad, env={"STOREFRONT_NOW": NOW})


# --- business.yml ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, key, value", [
    ("logo: tel:+15550100999", "logo", "tel:+15550100999"),
    ("logo: javascript:alert(1)", "logo", "javascript:alert(1)"),
    ("menu: //evil.example/x", "menu", "evil.example/x"),
    ("url: https://user:secret@bakery.example/", "url", "user:secret"),
    (f"description: Call us {STRIPE}", "description", STRIPE),
    ('name: "Hearth\\0 and Crumb"', "name", "\x00"),
])
def test_business_profile_urls_and_texts(site, line, key, value):
    name = line.split(":", 1)[0]
    profile = "\n".join(row for row in PROFILE.splitlines() if not row.startswith(f"{name}:")) + "\n" + line + "\n"
    files, config = schema_site("# Page\n", profile)
    message = check_refused(site, files, config, key=f"business.yml:{len(profile.splitlines())}: {key}",
                            value=value, env={"STOREFRONT_NOW": NOW})
    assert message.startswith("storefront: seo/business.yml:")


# --- ctas.yml --------------------------------------------------------------------------------------

def cta_site(definition: str):
    files = {"/seo/ctas.yml": textwrap.dedent(definition), "order.md": "# Order\n",
             "index.md": "# Home\n\n/// cta | order\n///\n"}
    return files, {"theme": {"name": "mkdocs"}, "site_url": SITE_URL, "plugins": ["storefront/cta"]}


def test_cta_heading_with_a_raw_nul(site):
    # YAML's "\0" escape: the NUL used to be written raw into the page
    files, config = cta_site("order:\n  label: Order\n  url: order.md\n  heading: \"Bake\\0d daily\"\n")
    message = check_refused(site, files, config, key="order.heading", value="\x00")
    assert message.startswith("storefront: seo/ctas.yml:4: order.heading: contains a control character")
    plain = site(files, config=config)
    assert "Baked daily" in plain.text("index.html")  # the character is left out, the heading kept


@pytest.mark.parametrize("key", ["heading", "text", "label"])
def test_cta_texts_with_a_key(site, key):
    fields = {"label": "Order", "url": "order.md", key: f"Use {STRIPE}"}
    files, config = cta_site("order:\n" + "".join(f"  {k}: {v}\n" for k, v in fields.items()))
    message = check_refused(site, files, config, key=f"order.{key}", value=STRIPE)
    assert "environment variables" in message


def test_cta_url_with_credentials(site):
    files, config = cta_site(f"order:\n  label: Order\n  url: https://shop:{STRIPE}@shop.example/\n")
    check_refused(site, files, config, key="order.url", value=STRIPE)


@pytest.mark.parametrize("url", ["tel:+15550100999", "mailto:hello@bakery.example"])
def test_cta_may_be_a_phone_or_mail_link(site, url):
    files, config = cta_site(f"order:\n  label: Call us\n  url: \"{url}\"\n")
    built = site(files, config=config, strict=True)
    assert built.ok, built.warnings
    assert url in built.text("index.html")


# --- clean values stay accepted -----------------------------------------------------------------

def test_clean_values_build_strict(site):
    files, config = schema_site(EVENT.format(**OK_EVENT))
    files["/seo/ctas.yml"] = ("order:\n  label: Order a cake\n  url: https://shop.example/cakes?size=8#top\n"
                              "  heading: Spring sale 2026 — 20% off #8a4b2d cakes\n"
                              "  text: See https://www.youtube.com/watch?v=dQw4w9WgXcQ or spring-sale-2026-final\n")
    files["index.md"] = "# Home\n\n/// cta | order\n///\n\n/// newsletter\n///\n"
    files["privacy.md"] = "# Privacy\n"
    config["plugins"] = [
        "storefront/schema", "storefront/cta",
        {"storefront/seo": {"default_image": "images/logo.png", "locale": "en_GB"}},
        {"storefront/newsletter": {"provider": "buttondown", "form": {"username": "hearthandcrumb"},
                                   "after_posts": False, "heading": "News from the oven, weekly",
                                   "consent": {"privacy_url": "privacy.md"},
                                   "interests": [{"label": "Bread", "value": "bread-lovers"}]}}]
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.warnings
    index = built.text("index.html")
    assert "https://shop.example/cakes" in index and "privacy/" in index and "bread-lovers" in index


# --- found by the fuzz test -----------------------------------------------------------------------

@pytest.mark.parametrize("days", [10**12, -1])
def test_schema_upcoming_days_out_of_range_is_a_config_error(site, days):
    files, config = schema_site("# Page\n", PROFILE + "special_hours:\n  - {date: 2026-12-24, hours: closed}\n")
    config["plugins"] = [{"storefront/schema": {"upcoming_days": days}}]
    built = site(files, config=config, env={"STOREFRONT_NOW": NOW})
    assert not built.ok
    assert any("upcoming_days" in m and "number of days from 0 to 36500" in m for m in built.messages), built.messages


@pytest.mark.parametrize("field, value", [("name", f"Class {STRIPE}"), ("description", "Bring\\0 an apron")])
def test_event_texts_refuse_secrets_and_control_characters(site, field, value):
    page = EVENT.format(**OK_EVENT).replace("  name: Bread class\n", "  name: Bread class\n  description: x\n")
    page = page.replace(f"  {field}: " + ("Bread class" if field == "name" else "x"), f"  {field}: \"{value}\"")
    files, config = schema_site(page)
    check_refused(site, files, config, key=f"event.{field}", value=STRIPE if "sk_" in value else "\x00",
                  env={"STOREFRONT_NOW": NOW})


def test_seo_texts_with_a_key(site):
    message = check_refused(site, {"index.md": "# Home\n"}, seo(default_image_alt=f"Shop {STRIPE}", cards=False,
                                                                default_image="https://img.example/x.png"),
                            key="plugins.storefront/seo.default_image_alt", value=STRIPE)
    assert "environment variables" in message
