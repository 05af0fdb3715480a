"""A neutral client starter for `storefront new`: the pages, profile and configuration of a new
business's site, written from a few facts (name, schema.org type, timezone, URL, locale,
newsletter provider, brand colour).

The theme overrides (site_template/) and the deploy files come from the template; everything
that names the business is written here, from the facts, with every value the owner still has
to give marked `PLACEHOLDER` (and listed by `placeholders()`).
"""

from __future__ import annotations

import colorsys
import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

PLACEHOLDER = "PLACEHOLDER"
TITLE_LENGTH = 60
LONGEST_PAGE_TITLE = "Welcome to our new website"
PHOTO = "assets/images/business-photo.png"
"""A brand-coloured stand-in for the profile's photo (search engines want one), marked as such."""
DEFAULT_COLOUR = "#1f5fa8"
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
LOCALE = re.compile(r"^([a-z]{2,3})(?:[_-]([A-Z]{2}))?$")


@dataclass
class Facts:
    name: str = "Your Business"
    type: str = "LocalBusiness"
    timezone: str = "UTC"
    url: str = "https://www.example.com/"
    locale: str = "en"
    provider: str | None = None
    colour: str = DEFAULT_COLOUR
    given: set[str] = field(default_factory=set)  # the facts the user gave (flags or answers)

    @property
    def language(self) -> str:
        return LOCALE.match(self.locale).group(1)  # type: ignore[union-attr]

    @property
    def country(self) -> str | None:
        match = LOCALE.match(self.locale)
        return match.group(2) if match else None


# --- quoting, once per output context ------------------------------------------------------

def site_today(facts: Facts) -> dt.date:
    """Today in the site's timezone, by the build clock (STOREFRONT_NOW, SOURCE_DATE_EPOCH or
    the real one): the example post is dated so that the first build publishes it."""
    from ..core import clock

    try:
        now = clock.build_now()
    except clock.ClockError:  # a malformed STOREFRONT_NOW: the build reports it, not `new`
        now = dt.datetime.now(dt.timezone.utc)
    return now.astimezone(clock.zone(facts.timezone)).date()


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown unescapes


def md_text(value: str) -> str:
    """Plain text in Markdown prose: HTML characters as entities, Markdown ones backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(value.split()), quote=False))


# --- brand colours ---------------------------------------------------------------------------

def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _with_lightness(colour: str, lightness: float, saturation: float | None = None) -> str:
    h, _, s = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(colorsys.hls_to_rgb(h, lightness, s if saturation is None else saturation))


def _darken_until(colour: str, background: str, ratio: float) -> str:
    """The colour, darkened just enough for `ratio` contrast against `background`."""
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    while contrast(_hex(colorsys.hls_to_rgb(h, lightness, s)), background) < ratio and lightness > 0:
        lightness = max(0.0, lightness - 0.01)
    return _hex(colorsys.hls_to_rgb(h, lightness, s))


def palette(colour: str) -> dict[str, str]:
    """The brand variables of site_template/stylesheets/brand.css from one colour, with the
    text pairs at WCAG AA (4.5:1): brand on white, white on brand, ink on cream, link on white."""
    brand = _darken_until(colour.lower(), "#ffffff", 4.5)
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(brand))
    return {
        "--sf-brand": brand,
        "--sf-brand-dark": _hex(colorsys.hls_to_rgb(h, lightness * 0.75, s)),
        "--sf-brand-light": _hex(colorsys.hls_to_rgb(h, min(0.9, lightness + (1 - lightness) * 0.2), s)),
        "--sf-accent": _darken_until(_hex(colorsys.hls_to_rgb((h + 0.5) % 1.0, 0.4, max(s, 0.5))), "#ffffff", 4.5),
        "--sf-cream": _with_lightness(brand, 0.965, min(s, 0.45)),
        "--sf-cream-dark": _with_lightness(brand, 0.9, min(s, 0.4)),
        "--sf-ink": _with_lightness(brand, 0.12, min(s, 0.3)),
        "--sf-link": _darken_until(brand, "#ffffff", 7.0),
    }


def brand_css(template_css: str, colour: str) -> str:
    """The template's brand.css with its `--sf-…` colour variables set from `colour`."""
    values = palette(colour)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return f"{name}: {values[name]};" if name in values else match.group(0)

    head, sep, rest = template_css.partition("}")
    head = re.sub(r"(--sf-[a-z-]+):\s*[^;]+;(?:[ \t]*/\*[^*]*\*/)?", replace, head)
    return head + sep + rest


# --- the files -------------------------------------------------------------------------------

def is_store(business_type: str) -> bool:
    from ..schema import vocabulary

    return "Store" in vocabulary.lineage(business_type) or business_type == "Store"


def offer_page(facts: Facts) -> tuple[str, str]:
    """(file name, nav title) of the page saying what the business offers."""
    return ("products.md", "Products") if is_store(facts.type) else ("services.md", "Services")


def requirements() -> str:
    """requirements.txt: this suite as installed here, and the versions it was built with."""
    lines = ["# What the site needs to build, pinned to the versions it was created with.",
             "# Upgrade deliberately: change a pin, build with --strict, commit."]
    suite = _suite_requirement()
    lines.append(suite)
    if "==" in suite:
        lines += ["# Before the suite is on PyPI (or for your own fork), pin the repository or a wheel",
                  "# instead of the line above:",
                  "#   mkdocs-storefront @ git+https://github.com/<owner>/mkdocs-storefront@<tag or commit>",
                  "#   ./wheels/mkdocs_storefront-<version>-py3-none-any.whl",
                  "#   (a wheel: python -m pip wheel --no-deps -w wheels/ <clone of the suite>)"]
    for name in ("mkdocs", "mkdocs-material", "mkdocs-rss-plugin"):
        try:
            lines.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - dependencies of the suite
            lines.append(name)
    return "\n".join(lines) + "\n"


def _suite_requirement() -> str:
    """The suite itself, pinned: the exact commit of a git install, else the released version
    (see the README, "Deploying", for installing from a repository before a release)."""
    from .. import __version__

    try:
        dist = metadata.distribution("mkdocs-storefront")
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    if isinstance(direct, dict):
        vcs = direct.get("vcs_info") or {}
        url = str(direct.get("url", ""))
        if vcs.get("vcs") == "git" and vcs.get("commit_id") and url.startswith("https://"):
            return f"mkdocs-storefront @ git+{url}@{vcs['commit_id']}"
        if url.startswith("file://"):
            pinned = _clone_pin(Path(url[len("file://"):]))
            if pinned:
                return pinned
    return f"mkdocs-storefront=={__version__}"


def _clone_pin(folder: Path) -> str | None:
    """`mkdocs-storefront @ git+https://…@<commit>` for a clone with a public https origin whose
    checked-out commit is pushed there; None otherwise (a local or unpushed checkout)."""
    import subprocess

    def git(*argv: str) -> str:
        result = subprocess.run(["git", "-C", str(folder), *argv], capture_output=True, text=True,
                                timeout=10, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    try:
        origin, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
        pushed = bool(commit) and bool(git("branch", "-r", "--contains", commit))
    except (OSError, subprocess.SubprocessError):
        return None
    if origin.startswith("https://") and "@" not in origin and pushed:
        return f"mkdocs-storefront @ git+{origin}@{commit}"
    return None


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

    return f"""\
# {facts.name}: built with MkDocs and the mkdocs-storefront plugins.
# Every value marked {PLACEHOLDER} is yours to fill in (`grep -rn {PLACEHOLDER} .`).
site_name: {yaml_str(facts.name)}
site_url: {yaml_str(facts.url)}
site_description: {yaml_str(site_description)}   # {PLACEHOLDER}: one sentence about the business
site_author: {yaml_str(facts.name)}
copyright: {yaml_str(html.escape(f"© {site_today(facts).year} {facts.name}"))}   # HTML (the theme prints it as is)
docs_dir: content
site_dir: site

theme:
  name: material
  custom_dir: site_template
  language: {facts.language}
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
  theme_color: {yaml_str(palette(facts.colour)["--sf-brand"])}
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
      timezone: {facts.timezone}
  - search
  - blog:
      blog_dir: blog
      post_url_format: "{{slug}}"
{newsletter}  - storefront/seo:
      card_colour: {yaml_str(palette(facts.colour)["--sf-brand"])}
{seo_locale}  - storefront/schema
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
        default_timezone: {facts.timezone}
      categories: [categories, tags]
  - storefront/optimize:
      headers: deploy/_headers
"""


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


FILLERS = (" We look forward to hearing from you.", " Ask us if you need anything else.",
           " Get in touch today.", " Thank you for visiting.")


def description(facts: Facts, *variants: str) -> str:
    """A meta description of 120-160 characters (what the lint asks for): the longest variant
    that fits with the business name, lengthened by a short sentence if it is too short."""
    texts = [variant.format(name=facts.name) for variant in variants]
    text = next((text for text in texts if len(text) <= 160), texts[-1])
    for filler in FILLERS:
        if len(text) < 120 and len(text) + len(filler) <= 160:
            text += filler
    return text


def _front(title: str, description: str, extra: str = "") -> str:
    return f"---\ntitle: {yaml_str(title)}\ndescription: {yaml_str(description)}\n{extra}---\n\n"


def pages(facts: Facts) -> dict[str, str]:
    """The Markdown pages under content/, by path. Each is a short, marked placeholder that
    already passes storefront/lint: a description of the right length, a link to another
    page, short sentences, and a call to action where the lint expects one."""
    name = md_text(facts.name)
    offer, offer_title = offer_page(facts)
    what = "products" if offer == "products.md" else "services"
    one = what[:-1]
    today = site_today(facts).isoformat()
    d = lambda *variants: description(facts, *variants)  # noqa: E731
    return {
        "index.md": _front(facts.name, d(
            "{name}: what we offer, who we work for, where to find us and how to get in touch. "
            "Opening hours, contact details and news on one site.",
            "{name}: what we offer, where to find us and how to get in touch, with our opening hours.",
            "{name}: what we offer and how to reach us."), "hide:\n  - navigation\n  - toc\n")
        + f"# Welcome to {name}\n\n"
        f"<!-- {PLACEHOLDER}: say in two sentences what you do and for whom. -->\n"
        f"Say here what {name} does and for whom. Add where you work and when.\n\n"
        f"[Our {what}]({offer}){{ .md-button .md-button--primary }}\n"
        "[Contact us](contact.md){ .md-button }\n",
        offer: _front(offer_title, d(
            f"The {what} of {{name}}: what each one includes, what it costs and how to book or order it. "
            "Ask us if you need something else.",
            f"The {what} of {{name}}: what each one includes, what it costs and how to book or order it.",
            f"{{name}}: our {what}."))
        + f"# {offer_title}\n\n"
        f"<!-- {PLACEHOLDER}: one section per {one}: what it is, what it costs, how to get it. -->\n"
        f"List your {what} here, one section each.\n\n"
        f"## A first {one}\n\nSay what it is and what it costs. Then say how to get it.\n\n"
        "[Ask us about it](contact.md){ .md-button .md-button--primary }\n",
        "about.md": _front("About us", d(
            "Who is behind {name}, how we started, how we work and what we care about, "
            "and how to get in touch with us.",
            "Who is behind {name}, how we work and what we care about."))
        + "# About us\n\n"
        f"<!-- {PLACEHOLDER}: who you are, how you started, what you care about. -->\n"
        f"Tell your visitors who is behind {name}. Say how you work.\n\n"
        f"See our [{what}]({offer}) or [contact us](contact.md).\n",
        "contact.md": _front("Contact", d(
            "How to reach {name}: our address, telephone number and email, our opening hours, "
            "and how to find us.",
            "How to reach {name}: address, telephone, email and opening hours."))
        + "# Contact\n\n"
        f"Call us, write to us or visit us. See our [{what}]({offer}) first.\n\n"
        "/// business | contact\n///\n\n"
        "## Opening hours\n\n"
        f"<!-- {PLACEHOLDER}: the hours come from seo/business.yml (hours:). -->\n"
        "/// business | hours\n///\n",
        "privacy.md": _front("Privacy policy", d(
            "What personal data {name} collects through this website, why we collect it, "
            "and how to see it or have it deleted.",
            "What personal data {name} collects through this website and why."))
        + "# Privacy policy\n\n"
        f"<!-- {PLACEHOLDER}: check this against what your site really collects. -->\n"
        "This website sets no tracking cookies. It loads no advertising or third-party scripts.\n"
        "If you write to us, we keep your address only to answer you.\n"
        "We delete it when you ask us to.\n\n"
        "Questions? [Contact us](contact.md).\n",
        "blog/index.md": _front("Blog", d(
            "News and notes from {name}: what is new, what we are working on, and tips from our work "
            "for our customers.",
            "News and notes from {name}: what is new and what we are working on."))
        + "# Blog\n\n"
        f"News from {name}. See also our [{what}](../{offer}).\n",
        "blog/posts/welcome.md": _front(LONGEST_PAGE_TITLE, d(
            "{name} has a new website: what you will find on it, where to read our news, "
            "and how to reach us.",
            "{name} has a new website: what you will find on it and how to reach us."),
            f"date: {today}\ncategories: [News]\n")
        + "# Welcome to our new website\n\n"
        f"<!-- {PLACEHOLDER}: an example post; edit it or delete it. -->\n"
        "This is the first post on our new website.\n\n<!-- more -->\n\n"
        f"Here you will find our [{what}](../../{offer}) and our opening hours.\n\n"
        "[Contact us](../../contact.md){ .md-button .md-button--primary }\n",
    }


def placeholder_photo(facts: Facts) -> bytes:
    """A 1200×800 PNG in the brand colour saying it stands in for a photo."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    brand = palette(facts.colour)["--sf-brand"]
    image = Image.new("RGB", (1200, 800), tuple(round(c * 255) for c in _rgb(brand)))
    font_path = Path(__file__).resolve().parent.parent / "seo" / "fonts" / "DejaVuSans-Bold.ttf"
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(str(font_path), 56)
    except OSError:  # pragma: no cover - the font ships with the package
        font = ImageFont.load_default()
    ImageDraw.Draw(image).text((600, 400), "Your photo here", fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def placeholders(facts: Facts) -> list[str]:
    """What the owner still has to fill in, for the message after `storefront new`."""
    missing = []
    for key, label in (("name", "the business name (--name)"), ("type", "the schema.org type (--type)"),
                       ("timezone", "the timezone (--timezone)"), ("url", "the site's address (--url)")):
        if key not in facts.given:
            missing.append(f"{label}: using {getattr(facts, key)!r}")
    if not facts.country:
        missing.append("seo/business.yml: address.country (give --locale with a region, e.g. en_GB)")
    missing.append("seo/business.yml: address, telephone, email, opening hours, photos "
                   f"(content/{PHOTO} stands in for one)")
    missing.append("mkdocs.yml: site_description")
    if facts.provider:
        missing.append(f"mkdocs.yml: the {facts.provider} form ids (storefront/newsletter is off until then)")
    missing.append("content/: the text of every page (marked <!-- PLACEHOLDER -->)")
    return missing


def write(facts: Facts, target: Path, template: Path) -> None:
    """Write the starter into `target` (new or empty), taking site_template/ and deploy/ from
    the template folder `template`."""
    import shutil

    from .skeleton import GITIGNORE, IGNORED

    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns(*IGNORED)
    shutil.copytree(template / "site_template", target / "site_template", ignore=ignore)
    shutil.copytree(template / "deploy", target / "deploy", ignore=ignore)
    css = target / "site_template" / "stylesheets" / "brand.css"
    css.write_text(brand_css(css.read_text(encoding="utf-8"), facts.colour), encoding="utf-8")
    workflow = (template / "deploy" / "github-pages.yml").read_text(encoding="utf-8")
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / ".github" / "workflows" / "deploy.yml").write_text(workflow, encoding="utf-8")
    (target / "deploy" / "github-pages.yml").unlink()  # it is the workflow now
    (target / "mkdocs.yml").write_text(mkdocs_yml(facts), encoding="utf-8")
    (target / "seo").mkdir()
    (target / "seo" / "business.yml").write_text(business_yml(facts), encoding="utf-8")
    for path, text in pages(facts).items():
        file = target / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    photo = target / "content" / PHOTO
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(placeholder_photo(facts))
    (target / "requirements.txt").write_text(requirements(), encoding="utf-8")
    (target / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
