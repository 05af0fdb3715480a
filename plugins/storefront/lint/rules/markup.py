"""Markup rules: text the reader never sees because Markdown took it for HTML.

Python-Markdown passes anything shaped like a tag through as raw HTML, so a placeholder in
prose (`EESSI_<VERSION>_OVERRIDE`, `module show <this module name>`, `ssh <your_user>@host`)
becomes an element: the browser hides the word, and the element can swallow the rest of the
paragraph and upset the layout (and a minifier's reading of the page). A backslash does not
help in Python-Markdown (`\\<VERSION>` shows the backslash and still hides the word); backticks
do.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...core.htmltags import is_html_tag
from ..prepare import prepare
from . import rule

# What Python-Markdown takes for raw inline HTML (its HTML_RE, comments aside).
_PM_TAG = re.compile(r"<(/?)([a-zA-Z][^<>@ ]*)(?: [^<>]*)?>")
_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_RAW_BLOCKS = re.compile(r"<!--.*?-->|<(script|style|pre|code|textarea)\b.*?</\1\s*>",
                         re.DOTALL | re.IGNORECASE)
_TRAILING = ".,;:!?)]}\"'"
_LEADING = "([{\"'\\"


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # Without text_join an escaped character stays a token of its own, so an escaped `\>`
    # or `&lt;` is never read as part of a tag.
    return MarkdownIt("commonmark").enable("table").disable("text_join")


@rule("raw-tag-not-html", "readability", "warning",
      "Text in angle brackets that is not an HTML tag (`<VERSION>`, `<this module name>`): "
      "Markdown passes it through as raw HTML, so the browser hides it and it can break the "
      "layout; code spans and blocks, autolinks and custom elements (`<my-card>`) are fine.")
def raw_tag_not_html(page, options):
    for line, tag, context in raw_tags(page.input.source):
        yield line, (f"{tag} is not an HTML tag: Markdown passes it through as raw HTML and the "
                     f"browser hides it; wrap it in backticks: `{context}`")


def raw_tags(source: str) -> list[tuple[int, str, str]]:
    """(line, tag, the word around it) of every tag-shaped text in the Markdown that is not
    an HTML, SVG, MathML or custom element, outside code."""
    if "<" not in source:
        return []
    lines = prepare(source)[0]
    # Python-Markdown does not take `\<` for an escape: the backslash shows and the tag stays.
    text = "\n".join(line.replace("\\<", "\\\\<") for line in lines)
    found: list[tuple[int, str, str]] = []
    for token in _parser().parse(text):
        if not token.map:
            continue
        first = token.map[0]
        if token.type == "html_block":
            _scan_block(token.content, first, lines, found)
        elif token.type == "inline":
            _scan_inline(token.children or [], first, lines, found)
    return found


def _scan_inline(children, first: int, lines: list[str], found: list) -> None:
    row = first
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            row += 1
        elif kind == "html_inline":
            name = _NAME.match(child.content)
            if name and not is_html_tag(name.group(1)):
                found.append(_finding(row, child.content, lines))
            row += child.content.count("\n")
        elif kind == "text" and "<" in child.content:
            # Tags CommonMark refuses but Python-Markdown passes through (`<your_user>`,
            # `<path/to/file>`): always placeholders unless the name is plain HTML.
            for match in _PM_TAG.finditer(child.content):
                tag = _NAME.match(match.group(0))
                tag_name = tag.group(1) if tag else ""
                if not (tag_name.isalnum() and is_html_tag(tag_name, foreign=False)):
                    found.append(_finding(row, match.group(0), lines))


def _scan_block(content: str, first: int, lines: list[str], found: list) -> None:
    def blank(match: re.Match) -> str:  # keep the line count
        return "\n" * match.group(0).count("\n")

    content = _CODE_SPAN.sub(blank, _RAW_BLOCKS.sub(blank, content))
    for match in _NAME.finditer(content):
        if not is_html_tag(match.group(1)):
            end = content.find(">", match.end())
            tag = content[match.start():end + 1] if end != -1 else match.group(0)
            found.append(_finding(first + content.count("\n", 0, match.start()), tag, lines))


def _finding(row: int, tag: str, lines: list[str]) -> tuple[int, str, str]:
    """The 1-based line, the tag as written and the word it sits in (for the fix)."""
    tag = " ".join(tag.split())
    line = lines[row] if row < len(lines) else ""
    at = line.find(tag)
    if at == -1:
        return row + 1, tag, tag
    start, end = at, at + len(tag)
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    context = line[start:end].rstrip(_TRAILING).lstrip(_LEADING)
    return row + 1, tag, context if tag in context else tag
