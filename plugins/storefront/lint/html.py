"""What the lint reads from built HTML: `<h1>` elements, calls to action and internal links.

Read with a real HTML parser (selectolax's lexbor), so quoting, minification (`href=../x/`,
`class=md-button`), attribute order and case cannot matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.htmltags import parse as parse_html

_CTA_CLASSES = frozenset(["md-button", "storefront-cta"])
_CTA_SLOT = "<!-- storefront:cta "


@dataclass(frozen=True)
class ContentFacts:
    h1: int  # <h1> elements in the page content
    cta: bool  # a button link (class md-button) or a storefront/cta block


def content_facts(html: str) -> ContentFacts:
    """The `<h1>` count and whether there is a call to action, in a page's rendered content."""
    # storefront/cta's blocks are markers in page.content, filled in the final page.
    placed = _CTA_SLOT in html
    if "<h1" not in html.lower() and "md-button" not in html and "storefront-cta" not in html:
        return ContentFacts(0, placed)  # the usual page: no parse needed
    tree = parse_html(html)
    h1 = len(tree.css("h1"))
    cta = placed or any(_CTA_CLASSES.intersection((node.attributes.get("class") or "").split())
                        for node in tree.css("[class]"))
    return ContentFacts(h1, cta)


def link_targets(html: str) -> set[str]:
    """The `href` of every `<a>` of a built page that may point to another page of the site:
    relative or root-relative, without a scheme, with the query and fragment cut off."""
    out: set[str] = set()
    for node in parse_html(html).css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "//")) or ":" in href.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
            continue
        href = href.split("#", 1)[0].split("?", 1)[0]
        if href:
            out.add(href)
    return out


def tag_attributes(tag: str) -> dict[str, str | None]:
    """The attributes of one opening tag written in Markdown (`<a class=md-button href=x>`)."""
    node = parse_html(tag).css_first("a, img, h1")
    return dict(node.attributes) if node is not None else {}


def text_of(html: str) -> str:
    """The text of an HTML fragment (a link's content), tags left out."""
    if "<" not in html:
        return html
    return parse_html(html).text(deep=True, separator="")
