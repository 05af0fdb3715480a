"""storefront/cta: named calls to action, placed by hand or by rule.

CTAs are defined once (options `ctas`, file `seo/ctas.yml`) and placed with a
`/// cta | <id>` block, by `rules` after the content of matching pages, or by front matter
`cta: <id>` (`cta: false` turns automatic placement off). Each renders through the
`cta.html` partial as a real link styled as a button.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .. import support
from ..core.clock import display
from ..core.diagnostics import Diagnostic, describe
from ..core.escape import html_attr
from ..core.frontmatter import key_line
from ..core.slots import fill_slots
from ..markdown.blocks import block_line, mentions_block, rendered_blocks_extension
from .config import CtaConfig
from .model import (
    STYLES,
    TEXT_KEYS,
    Cta,
    choose_variant,
    config_lines,
    has_query_key,
    is_external,
    partial_context,
    read_cta_file,
    read_ctas,
    with_utm,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

CSS_PATH = "assets/storefront/cta.css"
CSS_SOURCE = Path(__file__).parent / "assets" / "cta.css"
BLOCK_OPTIONS = (*TEXT_KEYS, "style")
HREF_SLOT = "storefront-cta-href-slot"
SLOT_START = "<!-- storefront:cta "


class CtaPlugin(BasePlugin[CtaConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.ctas: dict[str, Cta] = {}
        self.files: Files | None = None
        self.page: Page | None = None
        self.problems: list[tuple[str | None, str, str]] = []
        self.missing_targets: set[str] = set()
        self.told_expired: set[str] = set()
        self._config: MkDocsConfig | None = None
        self.site_host: str | None = None
        self.wants_blocks = True
        self.rendered: dict[tuple, tuple[str, ...] | None] = {}
        self.utm_links: dict[str, tuple[str, bool]] = {}
        self.slots: dict[str, str] = {}  # marker key -> the CTA's HTML, put in the final page

    # --- configuration ------------------------------------------------------------------

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        if self.config.enabled:  # mkdocs serve rebuilds when the CTA file changes
            support.watch_data_files(server, support.project_path(config, self.config.file))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._config = config
        self.told_expired = set()
        self.site_host = urlsplit(config.site_url or "").hostname
        self.ctas = self._load(config)
        self.rendered, self.slots = {}, {}
        self.utm_links = {}
        for index, rule in enumerate(self.config.rules):
            if rule.cta not in self.ctas:
                self._report_unknown_in_config(config, f"rules[{index}].cta", rule.cta)
        config.markdown_extensions.append(
            rendered_blocks_extension("cta", self._render_block, wanted=lambda: self.wants_blocks))
        if self.config.css:
            support.use_stylesheet(config, CSS_PATH)
        return config

    def storefront_next_change(self, config: MkDocsConfig, now: dt.datetime) -> dt.datetime | None:
        """When the next CTA promotion ends: `storefront calendar --next` counts it as a change
        of the public site, so a scheduled rebuild takes the CTA down on time."""
        if not self.config.enabled:
            return None
        ctas = self.ctas or self._load(config)  # the CLI reads the config without a build
        return min((cta.until for cta in ctas.values() if cta.until and cta.until > now), default=None)

    def _load(self, config: MkDocsConfig) -> dict[str, Cta]:
        tz = support.site_timezone(config)
        config_file = config.config_file_path or "mkdocs.yml"
        config_text = _read(config_file)
        ctas, problems = read_ctas(self.config.ctas, source=support.display_path(config, config_file),
                                   lines=config_lines(config_text), tz=tz, key_prefix="plugins.storefront/cta.ctas.")
        path = support.project_path(config, self.config.file)
        if path.is_file():
            text = _read(path)
            shown = support.display_path(config, path)
            more, more_problems = read_cta_file(text or "", source=shown, tz=tz)
            problems += more_problems
            for cta_id, cta in more.items():
                if cta_id in ctas:
                    problems.append(Diagnostic(shown, cta_id, "is also defined in mkdocs.yml",
                                               "keep one definition (the one in mkdocs.yml is used)",
                                               line=cta.line))
                else:
                    ctas[cta_id] = cta
        elif self.config.file != "seo/ctas.yml":
            problems.append(Diagnostic(support.display_path(config, config_file), "plugins.storefront/cta.file",
                                       f"{describe(self.config.file)} does not exist",
                                       "create it or remove the option"))
        for problem in problems:
            support.report(log, problem)
        return ctas

    def _report_unknown_in_config(self, config: MkDocsConfig, key: str, cta_id: str) -> None:
        config_file = config.config_file_path or "mkdocs.yml"
        support.report(log, Diagnostic(
            support.display_path(config, config_file), f"plugins.storefront/cta.{key}",
            f"{describe(cta_id)} is not a named CTA", self._known_fix(),
            line=_find_line(_read(config_file), rf"cta\s*:\s*['\"]?{re.escape(cta_id)}")))

    def _known_fix(self) -> str:
        known = ", ".join(sorted(self.ctas)) or "none defined yet"
        return f"use one of: {known} (or define it under `ctas` or in {self.config.file})"

    # --- files ----------------------------------------------------------------------------

    @event_priority(-60)  # after the blog plugin has added its files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        self.files = files
        if self.config.css:
            support.add_asset(files, config, CSS_PATH, CSS_SOURCE)
        self.missing_targets = set()
        for cta in self.ctas.values():
            target = _site_target(cta.url)
            if target and self._file_for(target) is None:
                self.missing_targets.add(cta.id)
                support.report(log, Diagnostic(
                    cta.source, f"{cta.id}.url", f"{describe(cta.url)} is not a page or file of the site",
                    f"write a path under {Path(config.docs_dir).name}/ like order.md, "
                    "or a full URL like https://shop.example.com/offers",
                    line=cta.extra.get("url_line") or cta.line))
        return files

    def _file_for(self, target: str) -> File | None:
        if self.files is None:
            return None
        path = target.removeprefix("./")
        return self.files.get_file_from_path(path)

    # --- rendering ------------------------------------------------------------------------

    def _href(self, cta: Cta, page: Page, config: MkDocsConfig) -> str:
        url = cta.url
        target = _site_target(url)
        if target is not None:
            file = self._file_for(target)
            if file is None:
                return url
            rest = url[len(target):]  # ?query and #fragment, kept
            return file.url_relative_to(page.file) + rest
        tagged = self.utm_links.get(cta.id)
        if tagged is None:  # what does not depend on the page, once per CTA and build
            tagged = self.utm_links[cta.id] = self._utm_base(cta, config)
        base, per_page = tagged
        if not per_page:
            return base
        # Only utm_content depends on the page: add it to the tagged URL, before any #fragment.
        head, hash_, fragment = base.partition("#")
        content = quote("/" + page.url.lstrip("/"), safe="/")
        return f"{head}{'&' if '?' in head else '?'}utm_content={content}{hash_}{fragment}"

    def _utm_base(self, cta: Cta, config: MkDocsConfig) -> tuple[str, bool]:
        """The CTA's URL with its site-wide UTM tags, and whether utm_content is still to add."""
        utm = self.config.utm
        if not (cta.utm and utm.enabled and is_external(cta.url, self.site_host)):
            return cta.url, False
        from slugify import slugify  # only for a site without site_url and utm.source

        params = {
            "utm_source": utm.source or self.site_host or slugify(config.site_name or "site"),
            "utm_medium": utm.medium,
            "utm_campaign": utm.campaign or cta.campaign or cta.id,
        }
        return with_utm(cta.url, params), bool(utm.content) and not has_query_key(cta.url, "utm_content")

    def _render(self, config: MkDocsConfig, page: Page, cta: Cta,
                overrides: dict[str, Any] | None = None, placement: str = "block") -> Markup:
        variant = choose_variant(cta, page.url)
        href = self._href(cta, page, config)
        # Only the href differs from page to page: the partial is rendered once per CTA,
        # variant, placement and wording, and the page's href (escaped once) goes into its
        # slot. A partial that does more with the href than print it is rendered per page.
        key = (cta.id, variant.id if variant else None, placement,
               tuple(sorted(overrides.items(), key=lambda item: str(item[0]))) if overrides else ())
        parts = self.rendered.get(key, ())
        if parts == ():
            context = self._context(cta, variant, overrides or {}, placement)
            html = str(support.render_partial(config, "cta", cta={**context, "href": HREF_SLOT}))
            split = tuple(html.split(HREF_SLOT))
            parts = self.rendered[key] = split if len(split) == 2 else None
        if parts is None:
            context = self._context(cta, variant, overrides or {}, placement)
            return support.render_partial(config, "cta", cta={**context, "href": href})
        return Markup(parts[0] + html_attr(href) + parts[1])

    def _context(self, cta: Cta, variant, overrides: dict[str, Any], placement: str) -> dict[str, Any]:
        return partial_context(cta, variant, overrides, placement, self.site_host)

    def _render_block(self, argument: str | None, options: dict[str, Any]) -> str:
        page, config = self.page, self._config
        if page is None or config is None:
            return ""
        if not argument:
            self.problems.append((None, "the cta block needs a CTA id", "write it like /// cta | " +
                                  (next(iter(sorted(self.ctas)), "book-a-visit"))))
            return ""
        cta = self.ctas.get(argument)
        if cta is None:
            self.problems.append((argument, f"{describe(argument)} is not a named CTA", self._known_fix()))
            return ""
        unknown = [key for key in options if key not in BLOCK_OPTIONS]
        if unknown:
            self.problems.append((argument, f"{describe(unknown[0])} is not a cta block option",
                                  f"use {', '.join(BLOCK_OPTIONS)}"))
        if "style" in options and options["style"] not in STYLES:
            self.problems.append((argument, f"style {describe(options['style'])} is not a CTA style",
                                  "use primary or secondary"))
        now = support.site_now(config)
        if not cta.live(now):
            ended = display(cta.until, support.site_timezone(config))  # type: ignore[arg-type]  # not live: until is set
            self.problems.append((argument, f"the CTA ended on {ended} and is no longer shown",
                                  f"remove the block, or move `until` of {cta.id} in {cta.source} later"))
            return ""
        return self._slot(str(self._render(config, page, cta, options, placement="block")))

    # --- pages ----------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.page, self._config, self.problems = page, config, []
        self.wants_blocks = mentions_block(markdown, "cta")
        if self.config.enabled:
            support.page_meta(page, config)  # reports the page's shared front-matter problems once
        return None

    @event_priority(-30)  # after the content is final, before the newsletter form is appended
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        self._report_block_problems(page, config)
        if page is not self.page:
            return None
        placed = self._placed(page, config)
        if not placed:
            return None
        rendered = [self._slot(str(self._render(config, page, cta, placement="after")))
                    for cta in placed]
        return html + "\n" + "\n".join(rendered)

    def _slot(self, html: str) -> str:
        """A marker standing for the CTA in `page.content`, replaced in the final page.

        As the newsletter form does, the CTA stays out of what reads `page.content` (the
        search index of MkDocs and Material, feeds, descriptions taken from the content):
        it is a call to act on the page, not text of the page.
        """
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=8).hexdigest()
        self.slots[key] = html
        return f"{SLOT_START}{key} -->"

    @event_priority(50)  # before plugins that rewrite or minify the final HTML
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        start = output.find(SLOT_START)
        if start == -1:
            return None
        return fill_slots(output, SLOT_START, self.slots, start)

    def _placed(self, page: Page, config: MkDocsConfig) -> list[Cta]:
        """The CTAs placed after this page's content: front matter first, else the rules."""
        value = (page.meta or {}).get("cta", None)
        if value is False or support.is_404(page):
            return []
        now = support.site_now(config)
        if value is not None and value is not True:
            ids = value if isinstance(value, list) else [value]
            chosen = []
            for cta_id in ids:
                problem = self._front_matter_problem(cta_id, now, config)
                if problem:
                    source = support.page_source(page)
                    support.report(log, Diagnostic(support.source_path(page, config), "cta", problem[0],
                                                   problem[1], line=key_line(source, "cta")))
                else:
                    chosen.append(self.ctas[cta_id])
            return chosen
        for rule in self.config.rules:
            cta = self.ctas.get(rule.cta)
            if cta is None or not self._matches(rule, page, config):
                continue
            if not cta.live(now):
                if cta.id not in self.told_expired:
                    self.told_expired.add(cta.id)
                    support.report(log, Diagnostic(
                        cta.source, f"{cta.id}.until",
                        f"the CTA ended on {display(cta.until, support.site_timezone(config))}; "  # type: ignore[arg-type]
                        "its placement rule is skipped", "remove the rule or move `until` later",
                        line=cta.line, severity="info"))
                continue
            return [cta]
        return []

    def _front_matter_problem(self, cta_id: object, now, config: MkDocsConfig) -> tuple[str, str] | None:
        if not isinstance(cta_id, str) or cta_id not in self.ctas:
            return f"{describe(cta_id)} is not a named CTA", self._known_fix() + "; or cta: false for none"
        cta = self.ctas[cta_id]
        if not cta.live(now):
            ended = display(cta.until, support.site_timezone(config))  # type: ignore[arg-type]  # not live: until is set
            return (f"the CTA {cta_id} ended on {ended} and is no longer shown",
                    f"remove `cta: {cta_id}`, or move its `until` in {cta.source} later")
        return None

    def _matches(self, rule, page: Page, config: MkDocsConfig) -> bool:
        if rule.blog_posts and support.is_blog_post(page):
            return True
        if any(fnmatch.fnmatch(page.file.src_uri, pattern) for pattern in rule.pages):
            return True
        if rule.tags or rule.categories:
            meta, _ = support.page_meta(page, config)
            wanted_tags = {t.lower() for t in rule.tags}
            wanted_categories = {t.lower() for t in rule.categories}
            if wanted_tags & {t.lower() for t in meta.tags}:
                return True
            if wanted_categories & {t.lower() for t in meta.categories}:
                return True
        return False

    def _report_block_problems(self, page: Page, config: MkDocsConfig) -> None:
        if not self.problems:
            return
        source = support.page_source(page) or ""
        for cta_id, problem, fix in self.problems:
            line = block_line(source, "cta", cta_id)
            support.report(log, Diagnostic(support.source_path(page, config), "/// cta", problem, fix, line=line))
        self.problems = []


def _site_target(url: str) -> str | None:
    """The file path part of a link into the site (`order.md` of `order.md#offers`), or None for
    external, mailto:, tel:, fragment-only and site-absolute links."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
        return None
    return parts.path


def _read(path: str | Path) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _find_line(text: str | None, pattern: str) -> int | None:
    if not text:
        return None
    regex = re.compile(pattern)
    for number, line in enumerate(text.splitlines(), start=1):
        if regex.search(line):
            return number
    return None
