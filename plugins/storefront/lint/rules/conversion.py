"""Conversion rules: does the page ask the reader to do something?"""

from __future__ import annotations

from ..settings import matches
from . import rule


@rule("cta-missing", "conversion", "warning",
      "A page matching `pages` (path patterns under docs_dir) has no call to action: no "
      "storefront/cta block and no link styled as a button.", pages=["blog/posts/*"])
def cta_missing(page, options):
    if not matches(page.input.src_uri, options["pages"]):
        return
    if page.doc.ctas or page.input.rendered_cta:
        return
    line = page.doc.units[-1].line if page.doc.units else 1
    example = page.input.cta_example or "[What to do next](page.md)"
    yield line, ("end the page with a call to action: a `/// cta` block or a button link like "
                 f"{example}{{ .md-button }}")
