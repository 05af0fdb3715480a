"""Minify a finished HTML page with minify-html (a Rust library: about a millisecond a page).

minify-html leaves the content of `<pre>`, `<textarea>` and scripts that are not JavaScript
(JSON-LD, templates) byte for byte, and minifies inline SVG as SVG; the tests check each.
The doctype, `<html>`/`<head>` opening tags and closing tags are kept so the page stays in
standards mode and any later tool that looks for `</head>` or `</body>` still finds them.
"""

from __future__ import annotations

import minify_html


def minify_page(html: str, *, css: bool = True, js: bool = False) -> str:
    """The page minified; `css`/`js` also minify inline `<style>`/`<script>` code."""
    return minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        keep_comments=False,
        keep_ssi_comments=True,
        minify_css=css,
        minify_js=js,
        minify_doctype=False,
        remove_processing_instructions=False,
    )
