"""`storefront.markdown.cta`: the `/// cta | <id>` block as a Python-Markdown extension, for
engines that skip MkDocs plugins (Zensical).

    markdown_extensions:
      - storefront.markdown.cta:
          file: seo/ctas.yml              # the named CTAs, relative to the build folder
          site_url: https://example.com/  # tells external links from the site's own (UTM tags)
          timezone: Europe/London         # for `until` without an offset (default UTC)

The block renders the same partial as storefront/cta, with the same UTM tags on external
links (`utm_source` the site's host, `utm_medium=cta`, `utm_campaign` the CTA's campaign or
id); a CTA linking a Markdown page (`contact.md`) links the address that page has with
directory URLs under site_url (`/contact/`). What needs the plugin: placement by rules, a
variant per page (here every page shows the same variant), and `utm_content` per page.
Add `assets/storefront/cta.css` (a copy of the suite's `cta/assets/cta.css`) to extra_css.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markdown import Extension, Markdown

from ..core import clock, partials
from ..core.diagnostics import Diagnostic, describe, emit
from ..core.urls import page_address
from .blocks import rendered_blocks_extension

if TYPE_CHECKING:
    from ..cta.model import Cta

log = logging.getLogger("mkdocs.plugins.storefront.markdown")

BLOCK_OPTIONS = ("label", "heading", "text", "style")


class CtaExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "file": ["seo/ctas.yml", "the named CTAs, relative to the build folder"],
            "site_url": ["", "the site's address, to tell external links from the site's own"],
            "timezone": ["", "the timezone of dates without an offset (default UTC)"],
            "templates": ["", "a folder whose partials/storefront/cta.html overrides the suite's"],
            "utm": [True, "tag external CTA links with utm_source, utm_medium and utm_campaign"],
        }
        super().__init__(**kwargs)
        self._ctas: dict[str, Any] | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        rendered_blocks_extension("cta", self.render).extendMarkdown(md)

    def ctas(self) -> dict[str, Any]:
        """The named CTAs, read once per build."""
        if self._ctas is not None:
            return self._ctas
        from ..cta.model import read_cta_file

        self._ctas = {}
        path = Path(str(self.getConfig("file")))
        shown = path.as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            emit(log, Diagnostic(shown, "", "the CTA file is not found",
                                 "create it, or set the storefront.markdown.cta extension's file: option"))
            return self._ctas
        except (OSError, UnicodeDecodeError) as error:
            emit(log, Diagnostic(shown, "", f"cannot be read ({error})", "save it as UTF-8 text"))
            return self._ctas
        try:
            tz = clock.zone(str(self.getConfig("timezone") or "") or None)
        except clock.ClockError as error:
            emit(log, Diagnostic("markdown_extensions", "storefront.markdown.cta.timezone",
                                 error.problem, "use an IANA name like Europe/London"))
            tz = clock.UTC
        self._ctas, problems = read_cta_file(text, source=shown, tz=tz)
        for problem in problems:
            emit(log, problem)
        return self._ctas

    def render(self, argument: str | None, options: dict[str, Any]) -> str:
        from ..cta.model import choose_variant, partial_context

        ctas = self.ctas()
        where = f"/// cta | {argument or ''}".rstrip(" |")
        if not argument:
            emit(log, Diagnostic("page", where, "the cta block needs a CTA id",
                                 "write it like /// cta | " + next(iter(sorted(ctas)), "<id>")))
            return ""
        cta = ctas.get(argument)
        if cta is None:
            emit(log, Diagnostic("page", where, f"{describe(argument)} is not a named CTA",
                                 "use one of "
                                 f"{', '.join(sorted(ctas)) or 'the ids in ' + str(self.getConfig('file'))}"))
            return ""
        for key in options:
            if key not in BLOCK_OPTIONS:
                emit(log, Diagnostic("page", where, f"{describe(key)} is not a cta block option",
                                     f"use {', '.join(BLOCK_OPTIONS)}"))
        try:
            now = clock.build_now()
        except clock.ClockError:
            now = clock.build_now(environ={})
        if not cta.live(now):
            emit(log, Diagnostic("page", where, f"the CTA ended on {clock.display(cta.until)} and is not shown",
                                 f"remove the block, or move `until` of {cta.id} in {cta.source} later"))
            return ""
        site_url = str(self.getConfig("site_url") or "")
        site_host = urlsplit(site_url).hostname
        href = self._href(cta, site_url, site_host)
        variant = choose_variant(cta, "") if cta.variants else None
        context = partial_context(cta, variant, options, "block", site_host)
        templates = str(self.getConfig("templates") or "")
        return str(partials.render((templates,) if templates else (), "cta", cta={**context, "href": href}))


    def _href(self, cta: Cta, site_url: str, site_host: str | None) -> str:
        """The CTA's link: a Markdown page as its address on the site (which needs site_url),
        another site's URL with the UTM parameters."""
        from ..cta.model import is_external, with_utm

        href = cta.url
        page, rest = _split(href)
        if page.endswith(".md") and not urlsplit(href).scheme:
            if site_url:
                return page_address(site_url, page) + rest
            emit(log, Diagnostic(cta.source, f"{cta.id}.url", f"{describe(href)} is a Markdown page, "
                                 "whose address needs the site's site_url",
                                 "set the extension's site_url: option, or write the page's URL "
                                 "like /contact/", line=cta.line))
        elif self.getConfig("utm") and cta.utm and site_host and is_external(href, site_host):
            return with_utm(href, {"utm_source": site_host, "utm_medium": "cta",
                                   "utm_campaign": cta.campaign or cta.id})
        return href

def _split(url: str) -> tuple[str, str]:
    """(the path, the ?query and #fragment after it)."""
    for index, char in enumerate(url):
        if char in "?#":
            return url[:index], url[index:]
    return url, ""


def makeExtension(**kwargs: Any) -> CtaExtension:
    return CtaExtension(**kwargs)
