"""A page's Markdown rewritten line for line for CommonMark: the Python-Markdown extensions
CommonMark does not know (admonitions, content tabs, `///` blocks, abbreviations, definition
lists) and what renders to nothing (front matter, template statements, scripts, styles) are
blanked or reshaped, so every token's line range still matches the file."""

from __future__ import annotations

import re

from ..core.frontmatter import body_offset

_ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+")
_TAB = re.compile(r"^(?P<indent>\s*)===!?\s+\"")
_BLOCK = re.compile(r"^(?P<indent>\s*)(?P<fence>/{3,})\s*(?P<name>[\w-]+)?")
_BLOCK_END = re.compile(r"^\s*/{3,}\s*$")
_SCRIPT = re.compile(r"^\s*(?:<[^>]*>\s*)*<(?P<tag>script|style)\b[^>]*>", re.IGNORECASE)
_TEMPLATE_LINE = re.compile(r"^\s*(?:\{%.*?%\}|\{#.*?#\})\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
# a definition (Python-Markdown def_list): ":" then spaces, under a term line
_DEFINITION = re.compile(r"^(?P<indent> {0,3}):(?=[ \t]+\S)")
_ASIDE_BLOCKS = {
    "admonition", "details", "note", "abstract", "info", "tip", "success", "question", "warning",
    "failure", "danger", "bug", "example", "quote", "html", "caption",
}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def prepare(source: str) -> tuple[list[str], list[tuple[int, int]], list[int], set[int]]:
    """The source lines rewritten for CommonMark (same line count), the aside line ranges
    (0-based, end exclusive), the lines of `/// cta` blocks (1-based) and the rows (0-based)
    of definition-list terms. A definition (`:   text`) becomes a list item, so it is read
    as one, never merged with its term into a paragraph."""
    lines = source.split("\n")
    for index in range(min(body_offset(source), len(lines))):
        lines[index] = ""
    asides: list[tuple[int, int]] = []
    ctas: list[int] = []
    terms: set[int] = set()
    definitions: set[int] = set()
    index = 0
    fence: str | None = None  # the open code fence, if any
    while index < len(lines):
        line = lines[index]
        fence = _fence_after(line, fence)
        if fence is None and _TEMPLATE_LINE.match(line):
            lines[index] = ""  # a template statement (mkdocs-macros `{% set x = … %}`) renders to nothing
            index += 1
            continue
        script = None if fence is not None else _SCRIPT.match(line)
        if script:
            index = _blank_script(lines, index, script)
            continue
        if _ADMONITION.match(line) or _TAB.match(line):
            _open_container(lines, index, asides)
            index += 1
            continue
        block = _BLOCK.match(line)
        if block and block.group("name"):
            _blank_block(lines, index, block, asides, ctas)
            index += 1
            continue
        if _BLOCK_END.match(line) or _ABBREVIATION.match(line):
            lines[index] = ""
        elif _DEFINITION.match(line):
            _definition(lines, index, terms, definitions)
        index += 1
    return lines, asides, ctas, terms


def _fence_after(line: str, fence: str | None) -> str | None:
    """The code fence open after `line`, given the one open before it."""
    mark = _FENCE.match(line)
    if mark:
        marker = mark.group("fence")
        if fence is None:
            return marker
        if marker.startswith(fence[0]) and len(marker) >= len(fence):
            return None
    return fence


def _blank_script(lines: list[str], index: int, script: re.Match) -> int:
    """Blank a `<script>` or `<style>` from its opening line to its closing tag; the index after.

    Python-Markdown keeps their bodies raw up to the closing tag, blank lines included;
    CommonMark would end the HTML block at the first blank line and read the code after it
    as prose."""
    closing = re.compile(rf"</{script.group('tag')}\s*>", re.IGNORECASE)
    end = index
    while end < len(lines) and not closing.search(lines[end][script.end() if end == index else 0:]):
        end += 1
    for row in range(index, min(end + 1, len(lines))):
        lines[row] = ""
    return end + 1


def _open_container(lines: list[str], index: int, asides: list[tuple[int, int]]) -> None:
    """An admonition or a content tab: its header blanked, its body dedented one level (an
    admonition's body is an aside)."""
    line = lines[index]
    base = _indent(line)
    lines[index] = ""
    end = index + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
        text = lines[end]
        lines[end] = text[:base] + text[base + 4:] if _indent(text) >= base + 4 else text.strip() and text
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1
    if _ADMONITION.match(line):
        asides.append((index, end))


def _blank_block(lines: list[str], index: int, block: re.Match, asides: list[tuple[int, int]],
                 ctas: list[int]) -> None:
    """A `///` block: its header, YAML options and closing line blanked; a cta or newsletter
    block's line recorded, an aside block's range too."""
    line = lines[index]
    name = block.group("name").lower()
    lines[index] = ""
    if name in ("cta", "newsletter"):  # storefront/cta and storefront/newsletter blocks
        ctas.append(index + 1)
    # the block's YAML options are the indented lines right after the header
    end = index + 1
    while end < len(lines) and lines[end].strip() and _indent(lines[end]) > _indent(line):
        lines[end] = ""
        end += 1
    close = end
    depth = len(block.group("fence"))
    while close < len(lines) and not (_BLOCK_END.match(lines[close])
                                      and len(lines[close].strip()) == depth):
        close += 1
    if close < len(lines):
        lines[close] = ""
    if name in _ASIDE_BLOCKS:
        asides.append((index, close))


def _definition(lines: list[str], index: int, terms: set[int], definitions: set[int]) -> None:
    """A definition (`:   text`) as a list item, its term's row recorded."""
    line = lines[index]
    term = index - 1
    if term >= 0 and not lines[term].strip():
        term -= 1  # "Term", a blank line, ":   definition"
    if term >= 0 and lines[term].strip():
        if term not in definitions and _indent(lines[term]) < 4:
            terms.add(term)
        lines[index] = _DEFINITION.sub(lambda m: m.group("indent") + "-", line, count=1)
        definitions.add(index)
