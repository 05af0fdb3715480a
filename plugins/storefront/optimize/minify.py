"""Minify a finished HTML page with minify-html (a Rust library: about a millisecond a page).

minify-html leaves the content of `<pre>`, `<textarea>` and scripts that are not JavaScript
(JSON-LD, templates) byte for byte, and minifies inline SVG as SVG; the tests check each.
The doctype, `<html>`/`<head>` opening tags and closing tags are kept so the page stays in
standards mode and any later tool that looks for `</head>` or `</body>` still finds them.
"""

from __future__ import annotations

import re

# Elements whose content is text, not markup: a `</br>` in them is not a tag.
_RAW_TEXT = re.compile(r"(<(script|style|textarea|title|xmp|noscript|plaintext)\b.*?</\2\s*>)",
                       re.IGNORECASE | re.DOTALL)
_END_BR = re.compile(r"</br\s*>", re.IGNORECASE)


def read_as_browsers_do(html: str) -> str:
    """The page with the parse errors browsers repair in a fixed way written out as they
    repair them, so minify-html reads the same document: `</br>` is a `<br>` (HTML standard,
    "an end tag whose tag name is br"), which minify-html would drop."""
    if not _END_BR.search(html):
        return html
    parts = _RAW_TEXT.split(html)
    # split() with two groups yields: text, raw element, its name, text, …
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_END_BR.sub("<br>", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def minify_page(html: str, *, css: bool = True, js: bool = False) -> str:
    """The page minified; `css`/`js` also minify inline `<style>`/`<script>` code."""
    import minify_html  # on the first page to minify: a warm build takes every page from the cache

    return minify_html.minify(
        read_as_browsers_do(html),
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        keep_comments=False,
        keep_ssi_comments=True,
        minify_css=css,
        minify_js=js,
        minify_doctype=False,
        remove_processing_instructions=False,
    )
