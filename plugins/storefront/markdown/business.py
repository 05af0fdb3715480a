"""`storefront.markdown.business`: the `/// business | hours` and `/// business | contact`
blocks as a Python-Markdown extension, for engines that skip MkDocs plugins (Zensical).

    markdown_extensions:
      - storefront.markdown.business:
          profile: seo/business.yml   # relative to the folder the build runs in
          timezone: Europe/London     # when the profile has none (default UTC)
          templates: overrides        # a folder with partials/storefront/*.html overrides

The blocks render from the same profile and partials as storefront/schema, so the page
reads the same on either engine. What needs the plugin: the JSON-LD, the footer, and
`/// business | faq` (it reads the page's `faq:` front matter, which Markdown does not
see). Problems are logged as warnings on the `mkdocs.plugins.storefront` logger.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown

from ..core import clock, partials
from ..core.diagnostics import Diagnostic, emit

log = logging.getLogger("mkdocs.plugins.storefront.markdown")


class BusinessExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "profile": ["seo/business.yml", "the business profile, relative to the build folder"],
            "timezone": ["", "the site timezone when the profile has none (default UTC)"],
            "templates": ["", "a folder whose partials/storefront/*.html override the suite's"],
            "clock": ["24h", "opening times as 07:00-15:00 (24h) or 7 am-3 pm (12h)"],
            "upcoming_days": [60, "how many days ahead special hours are announced"],
        }
        super().__init__(**kwargs)
        self._view: dict[str, Any] | None = None
        self._loaded = False

    def extendMarkdown(self, md: Markdown) -> None:
        from ..schema.blocks import LazyBusinessBlocks

        LazyBusinessBlocks(self.render).extendMarkdown(md)

    def _dirs(self) -> tuple[str, ...]:
        templates = str(self.getConfig("templates") or "")
        return (templates,) if templates else ()

    def view(self) -> dict[str, Any] | None:
        """The profile as the partials receive it, read once per build."""
        if self._loaded:
            return self._view
        self._loaded = True
        from ..schema.profile import load_profile
        from ..schema.view import business_view

        path = Path(str(self.getConfig("profile")))
        shown = path.as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            emit(log, Diagnostic(shown, "", "business profile not found",
                                 "create it, or set the storefront.markdown.business extension's "
                                 "profile: option to its path"))
            return None
        except (OSError, UnicodeDecodeError) as error:
            emit(log, Diagnostic(shown, "", f"cannot be read ({error})", "save it as UTF-8 text"))
            return None
        business, problems = load_profile(text, shown)
        for problem in problems:
            emit(log, problem)
        if business is None:
            return None
        if business.timezone is None:
            try:
                business.timezone = clock.zone(str(self.getConfig("timezone") or "") or None)
            except clock.ClockError as error:
                emit(log, Diagnostic("markdown_extensions", "storefront.markdown.business.timezone",
                                     error.problem,
                                     "use an IANA name like Europe/London"))
                business.timezone = clock.UTC
        try:
            now = clock.build_now()
        except clock.ClockError as error:
            emit(log, Diagnostic("STOREFRONT_NOW", "", str(error), "write an ISO 8601 instant"))
            now = clock.build_now(environ={})
        self._view = business_view(business, now, int(self.getConfig("upcoming_days")),
                                   str(self.getConfig("clock")))
        return self._view

    def render(self, kind: str, branch: str, body: str) -> str:
        from ..schema.blocks import KINDS

        where = f"/// business | {kind}"
        if kind not in KINDS:
            emit(log, Diagnostic("page", where, f'"{kind}" is not a business block', "use hours or contact"))
            return ""
        if kind == "faq":
            emit(log, Diagnostic("page", where, "needs the storefront/schema plugin (it reads the "
                                 "page's faq: front matter)", "build with MkDocs or ProperDocs and the "
                                 "plugin, or write the questions as Markdown"))
            return ""
        if body:
            emit(log, Diagnostic("page", where, "has text inside the block",
                                 "close the block with /// on the line after the header"))
        view = self.view()
        if view is None:
            return ""
        location = view
        if branch:
            matches = [b for b in view["branches"] if b["name"].casefold() == branch.strip().casefold()]
            if not matches:
                emit(log, Diagnostic("page", where, f'"{branch}" is not a branch in the business profile',
                                     "use a branch name exactly as in " + str(self.getConfig("profile"))))
                return ""
            location = matches[0]
        return str(partials.render(self._dirs(), f"business-{kind}", business=view, location=location))


def makeExtension(**kwargs: Any) -> BusinessExtension:
    return BusinessExtension(**kwargs)
