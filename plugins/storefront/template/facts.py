"""The facts a new site is written from (name, schema.org type, timezone, URL, locale,
newsletter provider, brand colour), and how a value is quoted for each file it goes in."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field

from .brand import DEFAULT_COLOUR

PLACEHOLDER = "PLACEHOLDER"
TITLE_LENGTH = 60
LONGEST_PAGE_TITLE = "Welcome to our new website"
PHOTO = "assets/images/business-photo.png"
"""A brand-coloured stand-in for the profile's photo (search engines want one), marked as such."""
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


def is_store(business_type: str) -> bool:
    from ..schema import vocabulary

    return "Store" in vocabulary.lineage(business_type) or business_type == "Store"


def offer_page(facts: Facts) -> tuple[str, str]:
    """(file name, nav title) of the page saying what the business offers."""
    return ("products.md", "Products") if is_store(facts.type) else ("services.md", "Services")
