"""Conversion rules: does the page ask the reader to do something?"""

from __future__ import annotations

from ..paths import matches
from . import rule


@rule("cta-missing", "conversion", "warning",
      "A page matching `pages` (path patterns under docs_dir) has no call to action: no "
      "storefront/cta block, no link styled as a button, no e-mail or phone link in the last paragraph.",
      pages=["blog/posts/*"])
def cta_missing(page, options):
    if not matches(page.input.src_uri, options["pages"]):
        return
    if page.doc.ctas or page.input.rendered_cta or _contact_link_at_end(page):
        return
    line = page.doc.units[-1].line if page.doc.units else 1
    example = page.input.cta_example or "[What to do next](page.md)"
    yield line, ("end the page with a call to action: a `/// cta` block or a button link like "
                 f"{example}{{ .md-button }}")


def _contact_link_at_end(page) -> bool:
    """An e-mail or phone link in the page's last paragraph or list ("send me a message") is a
    call to action too."""
    if not page.doc.units:
        return False
    last = page.doc.units[-1].line
    return any(link.href.lower().startswith(("mailto:", "tel:")) and link.line >= last for link in page.doc.links)
