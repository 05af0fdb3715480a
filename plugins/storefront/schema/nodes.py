"""What every JSON-LD piece is made of: the @ids (`Ids`, the one place they are defined), the
site's and the page's facts, and the `Piece` a builder of one node kind extends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core import clock
from .model import Business
from .page_model import PageData

SCHEMA = "https://schema.org/"

Node = dict[str, Any]
Resolve = Callable[[str], "str | None"]


class Ids:
    """The one place @ids are defined."""

    def __init__(self, site_url: str):
        self.site = site_url if site_url.endswith("/") else site_url + "/"

    @property
    def website(self) -> str:
        return f"{self.site}#website"

    @property
    def business(self) -> str:
        return f"{self.site}#business"

    def branch(self, key: str) -> str:
        return f"{self.site}#{key}"

    @staticmethod
    def webpage(url: str) -> str:
        return f"{url}#webpage"

    @staticmethod
    def breadcrumb(url: str) -> str:
        return f"{url}#breadcrumb"

    @staticmethod
    def primary_image(url: str) -> str:
        return f"{url}#primaryimage"

    @staticmethod
    def article(url: str) -> str:
        return f"{url}#article"

    @staticmethod
    def product(url: str, index: int) -> str:
        return f"{url}#product-{index + 1}"

    @staticmethod
    def products(url: str) -> str:
        return f"{url}#products"

    @staticmethod
    def event(url: str, index: int) -> str:
        return f"{url}#event-{index + 1}"


def ref(node_id: str) -> Node:
    return {"@id": node_id}


def clean(node: Node) -> Node:
    """Leave out empty values: a property is either stated or absent, never blank."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


# --- site-wide facts ----------------------------------------------------------------------

@dataclass
class Site:
    url: str
    name: str
    description: str = ""
    language: str = ""
    business: Business | None = None
    resolve: Resolve = lambda path: path  # a path in the docs -> absolute URL
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def __post_init__(self) -> None:
        self.ids = Ids(self.url)

    def absolute(self, path: str) -> str:
        return (self.resolve(path) or "") if path else ""


@dataclass
class Image:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""


@dataclass
class Article:
    headline: str
    published: dt.datetime
    modified: dt.datetime | None = None
    authors: list[dict[str, str]] = field(default_factory=list)  # {"name", "url"}
    keywords: list[str] = field(default_factory=list)
    section: str = ""

    def __post_init__(self) -> None:
        # ISO 8601 with the offset they were read in (the site timezone unless written)
        self.dates = (clock.isoformat(self.published), clock.isoformat(self.modified or self.published))


@dataclass
class PageFacts:
    url: str
    title: str
    description: str = ""
    is_home: bool = False
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (name, absolute url)
    image: Image | None = None
    article: Article | None = None
    data: PageData = field(default_factory=PageData)


class Piece:
    def __init__(self, site: Site):
        self.site, self.ids = site, site.ids

    def is_needed(self) -> bool:  # pragma: no cover - every piece overrides it
        return True

    def generate(self) -> list[Node]:  # pragma: no cover
        return []


class PagePiece(Piece):
    def __init__(self, site: Site, page: PageFacts):
        super().__init__(site)
        self.page = page

    @staticmethod
    def moment(value: dt.datetime) -> str:
        """With the offset it was read in (the site timezone unless the author wrote one)."""
        return clock.isoformat(value)
