"""The Markdown source of a page as prose units, headings, links and images, each with
the source line it starts on.

The source is parsed once with markdown-it (CommonMark plus tables). Python-Markdown
extensions that CommonMark does not know (admonitions, content tabs, `///` blocks,
attribute lists, abbreviations) are rewritten line for line first, so every token's line
range still matches the file. Code (fenced, indented, inline), URLs, raw HTML and front
matter never reach the prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .prepare import prepare


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt  # imported on the first page to analyse, not by warm builds

    return MarkdownIt("commonmark").enable("table")


_CODE_WORD = re.compile(r"[^\W_]+")
# a task-list box at the start of a list item (pymdownx.tasklist): not a word
_TASK_BOX = re.compile(r"^\s*\[[ xX]\]\s+")
# an emoji or icon shortcode (pymdownx.emoji: `:smile:`, `:octicons-arrow-right-24:`): not words
_SHORTCODE = re.compile(r"(?<![\w:/]):(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):(?![\w:/])")
_ATTR_LIST = re.compile(r"\{:?\s*[.#:][^}\n]*\}|\{:\s*\}")
_BUTTON_ATTR = re.compile(r"\{[^}\n]*\.md-button\b[^}\n]*\}")
# an opening <a>, <img> or <h1> tag (quoted values may hold ">"); its attributes are parsed
_HTML_TAG = re.compile(r"<(a|img|h1)(?=[\s>/])(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.IGNORECASE)


@dataclass
class Unit:
    """A run of prose: a paragraph, a list item, a table cell or a block quote paragraph."""

    kind: str  # "p", "li" (list items and definitions), "cell", "dt" (a definition list's term)
    text: str
    line: int  # source line of the first character
    breaks: list[tuple[int, int]] = field(default_factory=list)  # (text offset, line) after each line break
    aside: bool = False  # inside an admonition or a block quote

    def line_at(self, offset: int) -> int:
        line = self.line
        for position, number in self.breaks:
            if position > offset:
                break
            line = number
        return line


@dataclass
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Link:
    href: str
    text: str
    line: int
    button: bool = False


@dataclass
class Image:
    src: str
    alt: str
    line: int


@dataclass
class Document:
    headings: list[Heading] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    ctas: list[int] = field(default_factory=list)  # lines of calls to action written in the source
    html_h1: list[int] = field(default_factory=list)  # lines of raw <h1> tags
    code_blocks: int = 0  # fenced and indented code blocks
    code_words: int = 0  # the words in them (Yoast counts them in a text's length)
    order: list[object] = field(default_factory=list)  # headings and units in document order


# a Markdown link reference definition: `[mkdocs]: https://www.mkdocs.org`
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S")


def reference_definitions(text: str) -> str:
    """The link reference definitions of a file a site appends to every page (pymdownx.snippets
    `auto_append`), one a line: all that such a file adds that the lint reads."""
    return "\n".join(line for line in text.splitlines() if _REFERENCE.match(line))


def parse(source: str, appended: str = "") -> Document:
    """The page's prose, headings, links, images and calls to action, with source lines.

    `appended`: link reference definitions the site's Markdown extensions add to every page
    (placed after the page, so its line numbers stay)."""
    lines, asides, cta_lines, terms = prepare(source)
    doc = Document(ctas=list(cta_lines))
    text = "\n".join(lines)
    if appended:
        text += "\n\n\n" + appended + "\n"
    tokens = _parser().parse(text)

    stack: list[str] = []
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind.endswith("_open"):
            stack.append(kind[:-5])
            if kind == "heading_open":
                heading_level = int(token.tag[1])
        elif kind.endswith("_close"):
            if stack:
                stack.pop()
        elif kind == "html_block":
            _scan_html(doc, token.content, token.map[0] + 1 if token.map else 1)
        elif kind in ("fence", "code_block"):
            doc.code_blocks += 1
            doc.code_words += len(_CODE_WORD.findall(token.content))
        elif kind == "inline" and token.map:
            _add_inline(doc, token, stack, heading_level, lines, asides, terms)
    return doc


def _add_inline(doc: Document, token, stack: list[str], heading_level: int, lines: list[str],
                asides: list[tuple[int, int]], terms: set[int]) -> None:
    """An inline token as a heading or a unit of prose (none for an image, a button or raw
    HTML alone, or an empty task box)."""
    row = token.map[0]
    text, breaks = _read_inline(doc, token, row, lines)
    if "heading" in stack:
        heading = Heading(heading_level, " ".join(text.split()), row + 1)
        doc.headings.append(heading)
        doc.order.append(heading)
        return
    box = _TASK_BOX.match(text)
    if not text.strip() or (box and not text[box.end():].strip()):
        return
    kind = "cell" if ("th" in stack or "td" in stack) else "li" if "list_item" in stack else \
        "dt" if row in terms else "p"
    aside = any(start <= row < end for start, end in asides) or "blockquote" in stack
    unit = _unit(kind, text, row, breaks, aside=aside)
    doc.units.append(unit)
    doc.order.append(unit)


def _read_inline(doc: Document, token, row: int, lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """One inline token's links, images, buttons and raw tags added to `doc`; its text (an
    attribute list taken out) and line breaks."""
    text, breaks, links, images = _inline(token.children or [], row + 1, lines)
    doc.links.extend(links)
    doc.images.extend(images)
    for link in links:
        if link.button:
            doc.ctas.append(link.line)
    child_line = row + 1  # each raw tag at its own line, past the line breaks before it
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            child_line += 1
        elif child.type == "html_inline":
            _scan_html(doc, child.content, child_line)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    return text, breaks


def _unit(kind: str, text: str, row: int, breaks: list[tuple[int, int]], *, aside: bool) -> Unit:
    """A unit of prose, its leading space (and a list item's task box) left out."""
    stripped = len(text) - len(text.lstrip())
    if kind == "li" and text.lstrip().startswith("["):
        box = _TASK_BOX.match(text)
        if box:
            stripped = box.end()
    return Unit(kind, text[stripped:].strip(), row + 1,
                [(max(0, offset - stripped), number) for offset, number in breaks], aside=aside)


def _inline(children, first_line: int, lines: list[str]):
    """Plain text of an inline token (code, images, raw HTML and bare URLs left out), the
    line breaks in it, and its links and images."""
    parts: list[str] = []
    size = 0
    line = first_line
    breaks: list[tuple[int, int]] = []
    links: list[Link] = []
    images: list[Image] = []
    open_link: Link | None = None
    link_text: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            line += 1
            parts.append(" ")
            size += 1
            breaks.append((size, line))
            continue
        if kind == "link_open":
            href = str(child.attrs.get("href", ""))
            open_link = Link(href, "", line)
            link_text = []
            continue
        if kind == "link_close":
            if open_link is not None:
                open_link.text = " ".join("".join(link_text).split())
                source_line = lines[open_link.line - 1] if open_link.line - 1 < len(lines) else ""
                open_link.button = _button_after(source_line, open_link)
                links.append(open_link)
            open_link = None
            continue
        if kind == "image":
            images.append(Image(str(child.attrs.get("src", "")), child.content or "", line))
            continue
        if kind == "text":
            content = child.content
            if ":" in content:
                content = _SHORTCODE.sub("", content)
            if open_link is not None:
                link_text.append(content)
                if content.strip() == open_link.href.strip() or content.startswith(("http://", "https://", "mailto:")):
                    continue  # an autolink or a URL as its own text is not prose
            parts.append(content)
            size += len(content)
            continue
        # code_inline, html_inline and anything else: not prose
    return "".join(parts), breaks, links, images


def _button_after(source_line: str, link: Link) -> bool:
    """Whether the link is written with an attribute list making it a button:
    `[Order](order.md){ .md-button }`."""
    if not source_line or ".md-button" not in source_line:
        return False
    target = source_line.find(link.href) if link.href else -1
    tail = source_line[target:] if target >= 0 else source_line
    match = _BUTTON_ATTR.search(tail)
    return match is not None and ("](" not in tail[:match.start()].split(")", 1)[-1])


def _scan_html(doc: Document, html: str, first_line: int) -> None:
    """Images, links, calls to action and h1 tags written as raw HTML in the Markdown.

    Each tag is found for its line and read with an HTML parser (`html.tag_attributes`), so
    unquoted or reordered attributes (`<a class=md-button href=x>`) read the same."""
    from .html import tag_attributes, text_of

    for match in _HTML_TAG.finditer(html):
        name = match.group(1).lower()
        line = first_line + html.count("\n", 0, match.start())
        if name == "h1":
            doc.html_h1.append(line)
            continue
        attributes = tag_attributes(match.group(0))
        if name == "img":
            doc.images.append(Image(attributes.get("src") or "", (attributes.get("alt") or "").strip(), line))
            continue
        if "href" not in attributes:
            continue
        end = html.lower().find("</a>", match.end())
        inner = text_of(html[match.end():end if end > 0 else None])
        classes = (attributes.get("class") or "").split()
        link = Link((attributes.get("href") or "").strip(), " ".join(inner.split()), line,
                    bool({"md-button", "storefront-cta"}.intersection(classes)))
        doc.links.append(link)
        if link.button:
            doc.ctas.append(line)
