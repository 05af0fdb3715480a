"""Site-wide rules: they compare pages with each other, once, after every page is analysed.

Each check is `(pages: list[PageResult], site: SiteFacts, options) -> iterable of
(page, line, message)`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import rule


@dataclass
class SiteFacts:
    """What the site rules need beyond the pages' results."""

    inbound: dict[str, set[str]] = field(default_factory=dict)  # page URL -> URLs of pages linking to it
    home: str = ""  # the home page URL (never an orphan)


def _groups(pages, key):
    groups = defaultdict(list)
    for page in pages:
        value = key(page)
        if value:
            groups[value].append(page)
    return [group for group in groups.values() if len(group) > 1]


def _others(page, group) -> str:
    names = [other.path for other in group if other is not page]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


@rule("title-duplicate", "seo", "warning", "Another page has the same title.", site=True, search_only=True)
def title_duplicate(pages, site, options):
    for group in _groups(pages, lambda p: " ".join(p.title.casefold().split())):
        for page in group:
            yield (page, page.title_line,
                   f"the title \"{page.title}\" is also used by {_others(page, group)}; make it unique")


@rule("description-duplicate", "seo", "warning", "Another page has the same description.", site=True,
      search_only=True)
def description_duplicate(pages, site, options):
    for group in _groups(pages, lambda p: " ".join((p.description or "").casefold().split())):
        for page in group:
            yield page, page.description_line, (f"the description is also used by {_others(page, group)}; "
                                                f"write one for this page")


@rule("keyword-cannibalization", "keyword", "warning",
      "Two pages target the same keyphrase (the same content words and word forms).",
      site=True, search_only=True)
def keyword_cannibalization(pages, site, options):
    for group in _groups(pages, lambda p: p.keyword_norm):
        for page in group:
            yield page, page.keyword_line, (f"{_others(page, group)} also targets the keyphrase \"{page.keyword}\"; "
                                            f"give each page its own keyphrase or merge them")


@rule("page-orphan", "seo", "warning", "No other page of the site links to this page.", site=True,
      search_only=True)
def page_orphan(pages, site, options):
    for page in pages:
        if page.url == site.home:
            continue
        if not site.inbound.get(page.url, set()) - {page.url}:
            yield page, 1, "no page of the site links here; link to it from a related page or the navigation"
