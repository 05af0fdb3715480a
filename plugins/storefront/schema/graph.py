"""The JSON-LD graph: one builder ("piece") per node kind, linked by @id.

Every @id is made in `Ids`, so a node and the references to it always agree. Each piece
says whether the page needs it (`is_needed`) and builds plain data (`generate`); the
plugin serialises the site-wide pieces (website, business, branches) once per build and
the page pieces once per page, into one `<script type="application/ld+json">` @graph.
"""

from __future__ import annotations

from ..core.escape import json_for_script
from .business_nodes import BranchPieces, BusinessPiece, WebSitePiece
from .commerce import ProductPieces
from .events import EventPieces, event_location
from .nodes import Article, Ids, Image, Node, PageFacts, PagePiece, Site, clean, ref

__all__ = ["Article", "Image", "PageFacts", "Site", "event_location", "page_nodes", "script", "serialise_nodes",
           "site_nodes"]

CONTEXT = "https://schema.org"
HEADLINE_LIMIT = 110


SITE_PIECES = (WebSitePiece, BusinessPiece, BranchPieces)


def site_nodes(site: Site) -> list[Node]:
    nodes: list[Node] = []
    for piece_class in SITE_PIECES:
        piece = piece_class(site)
        if piece.is_needed():
            nodes += piece.generate()
    return nodes


def image_node(page: PageFacts) -> Node | None:
    image = page.image
    if image is None:
        return None
    return clean({"@type": "ImageObject", "@id": Ids.primary_image(page.url), "url": image.url,
                   "contentUrl": image.url, "width": pixels(image.width), "height": pixels(image.height),
                   "caption": image.alt})


def pixels(value: int | None) -> Node | None:
    """A size in pixels as schema.org types it (width/height expect a QuantitativeValue;
    E37 is UN/CEFACT's code for pixel)."""
    return {"@type": "QuantitativeValue", "value": value, "unitCode": "E37"} if value else None


class WebPagePiece(PagePiece):
    def is_needed(self) -> bool:
        return True

    def generate(self) -> list[Node]:
        page, ids = self.page, self.ids
        business = ref(ids.business) if self.site.business else None
        node: Node = {
            "@type": ["WebPage", "FAQPage"] if page.data.faq else "WebPage",
            "@id": ids.webpage(page.url), "url": page.url, "name": page.title,
            "description": page.description, "isPartOf": ref(ids.website), "inLanguage": self.site.language,
            "about": business if page.is_home else None, "publisher": business,
            "primaryImageOfPage": image_node(page),
            "breadcrumb": ref(ids.breadcrumb(page.url)) if len(page.crumbs) > 1 else None,
        }
        if page.article:
            node["datePublished"], node["dateModified"] = page.article.dates
        if page.data.faq:
            node["mainEntity"] = [{"@type": "Question", "name": q.question,
                                   "acceptedAnswer": {"@type": "Answer", "text": q.answer}}
                                  for q in page.data.faq]
        return [clean(node)]


class BreadcrumbPiece(PagePiece):
    def is_needed(self) -> bool:
        return len(self.page.crumbs) > 1

    def generate(self) -> list[Node]:
        items = [{"@type": "ListItem", "position": position, "name": name, "item": url}
                 for position, (name, url) in enumerate(self.page.crumbs, start=1)]
        return [{"@type": "BreadcrumbList", "@id": self.ids.breadcrumb(self.page.url), "itemListElement": items}]


def headline(text: str, limit: int = HEADLINE_LIMIT) -> str:
    """At most `limit` characters (Google's headline limit), cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


class BlogPostingPiece(PagePiece):
    def is_needed(self) -> bool:
        return self.page.article is not None

    def generate(self) -> list[Node]:
        page, ids, article = self.page, self.ids, self.page.article
        assert article is not None
        business = ref(ids.business) if self.site.business else None
        authors: list[Node] | Node | None = [clean({"@type": "Person", "name": a["name"], "url": a.get("url")})
                                             for a in article.authors] or business
        # url, description and language are on the WebPage it is the main entity of
        node = {
            "@type": "BlogPosting", "@id": ids.article(page.url), "headline": headline(article.headline),
            "datePublished": article.dates[0], "dateModified": article.dates[1],
            "author": authors, "publisher": business,
            "image": ref(ids.primary_image(page.url)) if page.image else None,
            "keywords": article.keywords, "articleSection": article.section,
            "mainEntityOfPage": ref(ids.webpage(page.url)),
        }
        return [clean(node)]


PAGE_PIECES = (WebPagePiece, BreadcrumbPiece, BlogPostingPiece, ProductPieces, EventPieces)


def page_nodes(site: Site, page: PageFacts) -> list[Node]:
    nodes: list[Node] = []
    for piece_class in PAGE_PIECES:
        piece = piece_class(site, page)
        if piece.is_needed():
            nodes.extend(piece.generate())
    return nodes


def serialise_nodes(nodes: list[Node]) -> str:
    """The nodes as JSON safe in <script>, without the surrounding brackets (to be joined)."""
    return json_for_script(nodes)[1:-1]


def script(site_fragment: str, page_fragment: str) -> str:
    """The one JSON-LD script element of a page, from the cached site nodes and the page's own."""
    parts = ",".join(part for part in (site_fragment, page_fragment) if part)
    return ('<script type="application/ld+json">{"@context":"' + CONTEXT + '","@graph":[' + parts + ']}</script>')
