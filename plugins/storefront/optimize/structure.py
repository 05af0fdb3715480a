"""Does the minified page build the same document as the original?

minify-html reads HTML with its own, simpler parser. Where that parser and a browser disagree
the minified page is a different document: Python-Markdown passes a placeholder such as
`EESSI_<VERSION>_OVERRIDE` through as raw HTML, a browser opens an element `<version>` and
closes it again at the end of the paragraph, but minify-html keeps it open and then drops the
closing tags it no longer expects (`</p>`, `</div>`, `</article>`), so the site footer moves
into the content column.

`same_document` parses both texts with lexbor (an HTML5 spec parser, as browsers use) and
compares the element trees: the same elements in the same nesting with the same text,
whitespace and empty paragraphs aside. Attributes are left out (minify-html drops redundant ones such as
`type="text/javascript"` and unquotes values), and so are comments and the code inside
`<script>` and `<style>` (minified on purpose).
"""

from __future__ import annotations

import re

from ..core.htmltags import is_html_tag
from ..core.htmltags import parse as parse_html

# The HTML serialiser writes every attribute as name="value" with `"` escaped, so a start tag
# of the serialised document is matched exactly by this pattern (lexbor escapes `<` and `>`
# in attribute values too).
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)[^>]*>")
_CODE = re.compile(r"<(script|style)>.*?</\1>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def document_shape(html: str) -> str:
    """The element tree a browser builds from `html`, as text: tags and text only, without
    attributes, comments, script or style code and whitespace."""
    serialised = parse_html(html).html or ""
    # Start tags without their attributes. split puts each tag's name at the odd places: the
    # same text as _START_TAG.sub(r"<\1>", …), without expanding a template for every tag.
    parts = _START_TAG.split(serialised)
    parts[1::2] = [f"<{name}>" for name in parts[1::2]]
    shape = _CODE.sub(r"<\1></\1>", "".join(parts))
    shape = _COMMENT.sub("", shape)
    # A stray `</p>` (Python-Markdown writes `<p>` around a block such as `<div>`) makes an
    # empty paragraph in a browser and nothing in minify-html: it shows nothing either way.
    return "".join(shape.split()).replace("<p></p>", "")


def same_document(original: str, minified: str) -> bool:
    """True when a browser builds the same element tree (elements, nesting and text,
    whitespace aside) from both texts."""
    return document_shape(original) == document_shape(minified)


def first_difference(original: str, minified: str, context: int = 60) -> str:
    """Where the two documents part, as a short excerpt of each shape (for messages)."""
    before, after = document_shape(original), document_shape(minified)
    index = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                 min(len(before), len(after)))
    start = max(0, index - context)
    return f"{before[start:index + context]!r} became {after[start:index + context]!r}"


def non_html_tags(html: str) -> list[str]:
    """The element names in the parsed page that are not HTML, SVG, MathML or custom
    elements (`version` of `EESSI_<VERSION>_OVERRIDE`), sorted."""
    tree = parse_html(html)
    nodes = tree.root.traverse() if tree.root is not None else ()
    names = {node.tag for node in nodes if node.tag and node.tag[0] != "-"}
    return sorted(name for name in names if not is_html_tag(name))
