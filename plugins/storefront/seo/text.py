"""The page's title and description as plain text."""

from __future__ import annotations

import html
import re

from ..core.titles import compose_title  # the one title composer (support.search_title uses it)

__all__ = ["compose_title", "derive_description", "first_paragraph", "shorten"]


_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_FOOTNOTE_REF = re.compile(r"<sup\b[^>]*\bid=[\"']?fnref[^>]*>.*?</sup>", re.S | re.I)
_BREAKS = frozenset({"br", "img", "wbr", "hr", "input", "iframe", "video", "audio", "svg", "div", "p",
                     "li", "ul", "ol", "table", "tr", "td", "th", "blockquote", "pre"})


def _tag_gap(match: re.Match) -> str:
    name = re.match(r"</?\s*([A-Za-z0-9]+)", match.group(0))
    return " " if name and name.group(1).lower() in _BREAKS else ""


_SKIP_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\badmonition-title\b""", re.I)


def first_paragraph(content_html: str, *, scan: int = 12) -> str:
    """The text of the first paragraph with words in it: tags stripped, entities decoded,
    whitespace collapsed. Admonition titles and image-only paragraphs are skipped."""
    for number, match in enumerate(_PARAGRAPH.finditer(content_html)):
        if number >= scan:
            break
        if _SKIP_CLASS.search(match.group(0)[: match.group(0).find(">")]):
            continue
        inner = _FOOTNOTE_REF.sub("", match.group(1))
        # Inline markup (`code`, _emphasis_, links) goes without a trace, so "a `.gitignore`
        # file" keeps its spaces and "(_summary_)" gains none; a line break or an image
        # separates words.
        text = _SPACE.sub(" ", html.unescape(_TAG.sub(_tag_gap, inner))).strip()
        if any(char.isalnum() for char in text):
            return text
    return ""


def shorten(text: str, limit: int = 160, ellipsis: str = "…") -> str:
    """Cut text at a word boundary so that it, with the ellipsis, fits in `limit` characters."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    cut = text[: room + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else text[:room]
    return cut.rstrip(" ,;:.-–—") + ellipsis


def derive_description(front_matter: str | None, content_html: str, site_description: str | None,
                       limit: int = 160) -> str:
    """Front matter `description`, else the first paragraph (shortened), else the site's."""
    if front_matter and front_matter.strip():
        return _SPACE.sub(" ", front_matter).strip()
    paragraph = first_paragraph(content_html)
    if paragraph:
        return shorten(paragraph, limit)
    return _SPACE.sub(" ", site_description or "").strip()
