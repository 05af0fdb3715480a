"""Options of storefront/seo (validated by MkDocs' config_options)."""

from __future__ import annotations

import re
import string

from mkdocs.config import base
from mkdocs.config import config_options as c

TITLE_FIELDS = ("page", "site", "site_description")


class SiteFolder(c.Type[str]):
    """A folder inside site_dir, as a relative path without control characters or `..`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        parts = text.replace("\\", "/").strip("/").split("/")
        if any(ord(char) < 32 or ord(char) == 127 for char in text):
            raise base.ValidationError(f"{text!r} holds a control character; write a folder like "
                                       "assets/storefront/cards")
        if not text.strip("/ ") or ".." in parts or text.startswith(("/", "\\")) or ":" in parts[0]:
            raise base.ValidationError(f"{text!r} is not a folder inside site_dir; write a relative "
                                       "folder like assets/storefront/cards")
        return text


class TitlePattern(c.Type[str]):
    """A title pattern using only `{page}`, `{site}` and `{site_description}`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
        except ValueError as error:
            raise base.ValidationError(
                f"{text!r} is not a valid pattern ({error}); write braces only around "
                f"{', '.join('{' + f + '}' for f in TITLE_FIELDS)}, e.g. '{{page}} | {{site}}'") from error
        unknown = [name for name in fields if name not in TITLE_FIELDS]
        if unknown:
            raise base.ValidationError(
                f"unknown placeholder {{{unknown[0]}}} in {text!r}; use only "
                f"{', '.join('{' + f + '}' for f in TITLE_FIELDS)}")
        return text


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class Colour(c.Type[str]):
    """A CSS hex colour, `#rgb` or `#rrggbb`."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not _HEX.match(text.strip()):
            raise base.ValidationError(f"{text!r} is not a hex colour; write it like '#1f5fa8'")
        return text.strip()


class TwitterHandle(c.Type[str]):
    """A Twitter/X account, `@name` (the `@` is added when missing)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        name = text[1:] if text.startswith("@") else text
        if not re.fullmatch(r"[A-Za-z0-9_]{1,15}", name):
            raise base.ValidationError(
                f"{text!r} is not a Twitter/X handle; write it like '@yourbusiness'")
        return "@" + name


class VerificationConfig(base.Config):
    """Site ownership verification codes, as the search engines hand them out."""

    google = c.Optional(c.Type(str))
    """Google Search Console: `<meta name="google-site-verification">`."""
    bing = c.Optional(c.Type(str))
    """Bing Webmaster Tools: `<meta name="msvalidate.01">`."""
    yandex = c.Optional(c.Type(str))
    """Yandex Webmaster: `<meta name="yandex-verification">`."""
    pinterest = c.Optional(c.Type(str))
    """Pinterest: `<meta name="p:domain_verify">`."""
    facebook = c.Optional(c.Type(str))
    """Facebook domain verification: `<meta name="facebook-domain-verification">`."""


class RobotsRule(base.Config):
    """One group of robots.txt rules."""

    user_agent = c.Type(str, default="*")
    """The crawler the rules are for (`*`: all)."""
    allow = c.ListOfItems(c.Type(str), default=[])
    """Paths crawlers may fetch."""
    disallow = c.ListOfItems(c.Type(str), default=[])
    """Paths crawlers must not fetch."""


class RobotsTxtConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Write robots.txt (a robots.txt in docs_dir is copied as is and always wins)."""
    rules = c.ListOfItems(c.SubConfig(RobotsRule), default=[{"user_agent": "*"}])
    """Groups of rules; a group with no allow and no disallow allows everything."""


class SeoConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""
    title = TitlePattern("{page} | {site}")
    """`<title>` pattern of every page but the home page."""
    home_title = TitlePattern("{site} – {site_description}")
    """`<title>` pattern of the home page (just `{site}` when there is no site_description)."""
    description_length = c.Type(int, default=160)
    """Longest derived description, in characters, ellipsis included."""
    locale = c.Optional(c.Type(str))
    """og:locale (e.g. `en_GB`); default: from the theme language."""
    default_image = c.Optional(c.Type(str))
    """Social image of pages without `image`, a path in docs_dir or an absolute URL."""
    default_image_alt = c.Optional(c.Type(str))
    """Alt text of `default_image` (default: the page title)."""
    cards = c.Type(bool, default=True)
    """Draw a 1200×630 PNG card for pages with no image and no default image."""
    card_colour = c.Optional(Colour())
    """Background (brand) colour of generated cards; default: the theme palette's primary
    colour, else a neutral slate."""
    card_text_colour = c.Optional(Colour())
    """Text colour of cards; default: white or near-black, whichever contrasts more."""
    cards_dir = SiteFolder(default="assets/storefront/cards")
    """Where cards are written inside site_dir."""
    cache_dir = c.Type(str, default=".cache/storefront/seo")
    """Card cache, relative to mkdocs.yml; unchanged cards are never redrawn."""
    twitter_site = c.Optional(TwitterHandle())
    """twitter:site, the site's account, e.g. `@yourbusiness`."""
    twitter_creator = c.Optional(TwitterHandle())
    """twitter:creator, the authors' account."""
    verification = c.SubConfig(VerificationConfig)
    """Site verification codes (`google`, `bing`, `yandex`, `pinterest`, `facebook`)."""
    sitemap = c.Type(bool, default=True)
    """Replace MkDocs' sitemap.xml and sitemap.xml.gz."""
    robots_txt = c.SubConfig(RobotsTxtConfig)
    """robots.txt: `enabled`, `rules`."""
