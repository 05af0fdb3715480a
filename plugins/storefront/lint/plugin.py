"""storefront/lint: the MkDocs adapter of the lint.

Per page (on_page_content, late so other plugins' blocks are in place) it gathers the
page's inputs, takes the result from the cache or analyses the page; per built page
(on_post_page) it records the internal links of the final HTML for the orphan check; at the
end (on_post_build) it runs the site-wide rules once, logs every finding at its file and
line, and writes the reports. After a build, `reports` (every page, sorted by path) and
`findings` (every finding, before the baseline) are what `storefront lint` reads.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import posixpath
import re
import time
from dataclasses import astuple
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import support
from ..core.frontmatter import key_lines
from ..core.processes import default_workers
from ..core.progress import Progress
from ..core.urls import relative_path
from . import syllables
from .analysis import PageInput, PageResult
from .cache import ResultCache, fingerprint, page_key
from .config import LintConfig
from .engine import format_finding, reports
from .findings import Finding, PageReport
from .html import ContentFacts, content_facts, link_targets
from .meta import read_lint_meta
from .rules import load
from .rules.site import SiteFacts
from .settings import resolve
from .source import reference_definitions
from .text import language_root
from .workers import Analyser, inline_first

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)

_THEMES_PRINTING_TITLE = {"material"}  # their content template prints the title as h1 when the page has none


def _version() -> str:
    try:
        return version("mkdocs-storefront")
    except PackageNotFoundError:
        return "0"


class LintPlugin(BasePlugin[LintConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.reports: list[PageReport] = []
        self.findings: list[Finding] = []
        self.stats = {"analysed": 0, "cached": 0}
        self._progress = Progress("linting pages", total=None, say=log.info)
        self._seconds = 0.0
        self._results: dict[str, PageResult | str] = {}  # path -> result, or the cache key of a pending one
        self._inbound: dict[str, set[str]] = {}
        self._cache: ResultCache | None = None

    # --- set-up -------------------------------------------------------------------------

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        if self.config.enabled and self.config.baseline:  # rebuild when the baseline changes
            support.watch_data_files(server, support.project_path(config, self.config.baseline))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.reports, self.findings = [], []
        self.stats = {"analysed": 0, "cached": 0}
        self._results, self._inbound = {}, {}
        self._site_pages: list[Page] = []
        self._next_steps: list[Page] = []
        self._sections: dict[str, list[Page]] = {}
        self._seconds = 0.0
        if not self.config.enabled:
            return None
        support.refuse_inside_site(config, "storefront/lint", self.config, "cache_dir", "reports_dir")
        self._settings = resolve(self.config.rules)
        self._rule_ids = frozenset(load())
        self._version = _version()
        self._fingerprint = fingerprint(self._settings, self._version)
        cache_dir = support.project_path(config, self.config.cache_dir) if self.config.cache else None
        syllables.use_table_dir(cache_dir)
        self._cache = ResultCache(cache_dir)
        self._cache_dir = cache_dir
        theme = config.theme
        self._theme_h1 = theme.name in _THEMES_PRINTING_TITLE
        self._site_lang = language_root(str(theme.get("language") or theme.get("locale") or "en"))
        self._exclude = [pattern.strip() for pattern in self.config.exclude if pattern.strip()]
        self._appended = _appended_definitions(config)
        return None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        pages = sum(1 for _ in files.documentation_pages())
        workers = self.config.workers if self.config.workers is not None else default_workers()
        inline = inline_first(pages, self._cache.loaded if self._cache else 0)
        self._analyser = Analyser(self._settings, workers=max(0, workers), table_dir=self._cache_dir,
                                  inline=inline)
        self._progress = Progress("linting pages", total=pages, say=log.info)
        return None

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Keep the site's pages: messages suggest links to real pages of the site."""
        if self.config.enabled:
            pages = [file.page for file in files.documentation_pages() if file.page is not None]
            # next-step pages first (contact, order, …), as `_related`'s last resort reads them
            self._site_pages = sorted(pages, key=lambda p: not _NEXT_STEP.search(p.file.name))
            self._sections = {}  # each folder's pages, in that order (a per-page scan was quadratic)
            for site_page in self._site_pages:
                self._sections.setdefault(posixpath.dirname(site_page.file.src_uri), []).append(site_page)
            # Worked out once per build, not once per page (a per-page scan was quadratic):
            # the next-step pages (contact, order, …), then the home page.
            self._next_steps = [p for p in pages if _NEXT_STEP.search(p.file.name)] + [
                p for p in pages if p.is_homepage]
        return nav

    # --- per page -----------------------------------------------------------------------

    @event_priority(-50)  # after other plugins (storefront/cta) have placed their blocks
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or page.file.generated_by or not page.file.abs_src_path:
            return None
        started = time.process_time()
        try:
            self._page(html, page, config)
        finally:
            self._seconds += time.process_time() - started
            self._progress.advance()  # every page, excluded and listing pages too: the total counts them
        return None

    def _page(self, html: str, page: Page, config: MkDocsConfig) -> None:
        path = support.source_path(page, config)
        if path in self._results:
            return  # a copy of a page already analysed (e.g. a blog index's later pages)
        kind = support.page_kind(page)
        if kind in ("listing", "redirect") or _excluded(page.file.src_uri, self._exclude):
            log.debug("%s: not analysed (%s)", path, "excluded" if kind not in ("listing", "redirect") else kind)
            return  # a list of posts, a forwarding stub or an excluded page is not an article
        source = support.page_source(page)
        if source is None:
            return
        meta, shared_problems = support.page_meta(page, config)  # reports shared front-matter problems once
        unread = any(problem.key == "front matter" for problem in shared_problems)
        lint_meta, problems = read_lint_meta(page.meta or {}, path=path, source=source, rule_ids=self._rule_ids)
        for problem in problems:
            support.report(log, problem)
        if not lint_meta.enabled:
            return
        title = support.search_title(page, config)  # the <title> search results show
        lines = key_lines(source)
        rendered = (ContentFacts(*self._cache.fact("content", html, lambda text: list(astuple(content_facts(text)))))
                    if self._cache else content_facts(html))
        page_input = PageInput(
            path=path,
            src_uri=page.file.src_uri,
            url=page.url,
            source=source,
            title=title.text,
            title_origin=title.origin,
            appended=self._appended,
            front_matter_unread=unread,
            link_example=_link_example(page, _related(page, self._site_pages, self._sections)),
            cta_example=_link_example(page, _next_step(page, self._next_steps, self._site_pages, self._sections)),
            title_from_meta=bool(meta.title),
            title_line=lines.get("title", 0),
            description=meta.description,
            description_line=lines.get("description", 1),
            keyword=lint_meta.keyword,
            keyword_line=lines.get("keyword", 1),
            keywords=lint_meta.keywords,
            lang=language_root(meta.lang) if meta.lang else self._site_lang,
            indexable=meta.indexable and not support.is_404(page),
            rendered_h1=rendered.h1,
            theme_h1=self._theme_h1,
            rendered_cta=rendered.cta,
            ignore=lint_meta.ignore,
        )
        key = page_key(page_input, self._fingerprint)
        result = self._cache.get(key) if self._cache else None
        if result is None:
            self._analyser.add(key, page_input)
            self._results[path] = key
        else:
            self.stats["cached"] += 1
            self._results[path] = result
        return

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Record which pages this page links to (content, navigation and blog listings alike)."""
        if not self.config.enabled:
            return None
        started = time.process_time()
        here = _page_url(page.url)
        folder = page.url.rsplit("/", 1)[0] + "/" if "/" in page.url else ""
        targets = (self._cache.fact("links", output, lambda text: sorted(link_targets(text)))
                   if self._cache else link_targets(output))
        for href in targets:
            target = _link_target(folder, href)
            if target is not None and target != here:
                self._inbound.setdefault(target, set()).add(here)
        self._seconds += time.process_time() - started
        return None

    # --- the end of the build -----------------------------------------------------------

    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        started = time.process_time()
        fresh = dict(self._analyser.results())
        self._progress.finish()
        self.stats["analysed"] = self._analyser.count
        for path, value in self._results.items():
            if isinstance(value, str):
                self._results[path] = fresh[value]
                if self._cache:
                    self._cache.put(value, fresh[value])
        results: list[PageResult] = list(self._results.values())  # type: ignore[arg-type]  # all resolved above
        for result in results:
            result.url = _page_url(result.url)
        site = SiteFacts(inbound=self._inbound, home="")
        self.reports = reports(results, site, self._settings)
        self.findings = [finding for report in self.reports for finding in report.findings]
        if self._cache:
            self._cache.save()
        self._log(config)
        self._write_reports(config)
        self._seconds += time.process_time() - started
        log.debug("analysed %d pages, %d from the cache; %.2f s of CPU in the build process",
                  self.stats["analysed"], self.stats["cached"], self._seconds)

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "_analyser", None) is not None:
            self._analyser.close()

    def _log(self, config: MkDocsConfig) -> None:
        new = set(self.findings)
        if self.config.baseline:
            from . import baseline as baseline_file

            path = support.project_path(config, self.config.baseline)
            try:
                recorded = baseline_file.load(path, display=support.display_path(config, path))
            except baseline_file.BaselineError as error:
                support.report(log, error.diagnostic)
            else:
                new = set(recorded.new(self.findings))
        failing = {"warning": ("error", "warning"), "error": ("error",), "never": ()}[self.config.fail_on]
        for finding in self.findings:
            level = logging.WARNING if finding.severity in failing and finding in new else logging.INFO
            log.log(level, format_finding(finding))
        # Under GitHub Actions: workflow annotations at file and line (not when the CLI runs
        # the build: it prints its own).
        if os.environ.get("GITHUB_ACTIONS"):
            from .reports.github import print_annotations

            print_annotations([f for f in self.findings if f in new], project_dir=support.project_dir(config))

    def _write_reports(self, config: MkDocsConfig) -> None:
        formats = list(self.config.report_formats)
        if not formats:
            return
        folder = support.project_path(config, self.config.reports_dir)
        # A build that changed nothing the reports show leaves them as they are.
        digest = hashlib.sha256(repr((self.reports, formats, _version())).encode("utf-8")).hexdigest()
        stamp = support.project_path(config, self.config.cache_dir) / "reports.sha256" if self.config.cache else None
        if stamp is not None:
            try:
                recorded, *paths = stamp.read_text(encoding="utf-8").splitlines()
            except (OSError, ValueError):
                recorded, paths = "", []
            if recorded == digest and paths and all(Path(path).exists() for path in paths):
                return
        from .reports import write_reports

        try:
            written = write_reports(self.reports, folder, formats, tool_version=_version())
        except OSError as error:
            raise PluginError(f"storefront/lint: cannot write the reports to {folder}: {error}; "
                              f"set reports_dir to a writable folder") from None
        for path in written:
            log.debug("report written: %s", support.display_path(config, path))
        if stamp is not None:
            try:
                stamp.parent.mkdir(parents=True, exist_ok=True)
                stamp.write_text("\n".join([digest, *map(str, written)]), encoding="utf-8")
            except OSError:
                pass


def _related(page: Page, pages: list[Page], sections: dict[str, list[Page]]) -> Page | None:
    """A real page of the site to suggest linking to: a nav neighbour, else a page of the same
    section (`sections`: each folder's pages, in the order of `pages`), else the home page,
    else any other page."""
    candidates = chain([page.next_page, page.previous_page],
                       sections.get(posixpath.dirname(page.file.src_uri), ()),
                       (p for p in pages if p.is_homepage), pages)  # lazy: usually the first one fits
    return next((p for p in candidates if p is not None and p is not page
                 and support.page_kind(p) != "redirect"), None)


_NEXT_STEP = re.compile(r"contact|order|book|shop|pricing|prices|buy|subscribe|sign-?up|"
                        r"get(?:ting)?-started|quick-?start|install|download|demo|trial", re.IGNORECASE)


def _next_step(page: Page, next_steps: list[Page], pages: list[Page],
               sections: dict[str, list[Page]]) -> Page | None:
    """A page a call to action would point to: a contact, order, pricing or getting-started
    page of the site, else the home page (`next_steps`, in that order), else a related page."""
    return next((p for p in next_steps if p is not page), None) or _related(page, pages, sections)


def _link_example(page: Page, target: Page | None) -> str:
    """`[Title](relative/path.md)`: a Markdown link from `page` to `target`."""
    if target is None:
        return ""
    start = posixpath.dirname(page.file.src_uri) or "."
    href = relative_path(target.file.src_uri, start)
    title = support.page_title(target) if target.title is not None else ""
    if not title:
        title = target.file.name.replace("-", " ").replace("_", " ")  # as MkDocs names a page
        title = "Home" if title == "index" and target.is_homepage else \
            title.capitalize() if title.lower() == title else title
    title = title.replace("[", "").replace("]", "")
    return f"[{title}]({href})"


def _excluded(src_uri: str, patterns: list[str]) -> bool:
    """Whether the page matches an `exclude` pattern (a glob under docs_dir, or a folder)."""
    return any(fnmatch.fnmatchcase(src_uri, pattern) or src_uri.startswith(pattern.rstrip("/") + "/")
               for pattern in patterns)


def _appended_definitions(config: MkDocsConfig) -> str:
    """The link reference definitions pymdownx.snippets appends to every page (`auto_append`),
    so `[MkDocs][mkdocs]` reads as the link the site renders. Its `base_path` is taken relative
    to mkdocs.yml's folder, then to the working directory (where snippets itself looks)."""
    options = (config.mdx_configs or {}).get("pymdownx.snippets") or {}
    files = options.get("auto_append") or []
    if "pymdownx.snippets" not in (config.markdown_extensions or []) or not files:
        return ""
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else list(bases)
    roots = [support.project_dir(config), Path.cwd()]
    out = []
    for name in files:
        for base in bases:
            candidates = [Path(base) / name] if Path(base).is_absolute() else [root / base / name for root in roots]
            found = next((path for path in candidates if path.is_file()), None)
            if found is not None:
                try:
                    out.append(reference_definitions(found.read_text(encoding="utf-8")))
                except (OSError, UnicodeDecodeError):
                    pass
                break
    return "\n".join(part for part in out if part)


def _link_target(folder: str, href: str) -> str | None:
    """The page URL a relative link (no scheme, query or fragment) from a page in `folder`
    points to, in `_page_url` form; None for assets and links out of the site."""
    if not href or href.startswith("//"):
        return None
    last = href.rsplit("/", 1)[-1]
    if "." in last and last.rpartition(".")[2] in _ASSET_SUFFIXES:
        return None
    path = posixpath.normpath(href.lstrip("/") if href.startswith("/") else folder + href)
    if path.startswith(".."):
        return None
    if path == ".":
        return ""
    return _page_url(path + "/" if href.endswith("/") else path)


_ASSET_SUFFIXES = frozenset(["css", "js", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "xml", "json",
                             "txt", "pdf", "woff", "woff2", "ics"])


def _page_url(url: str) -> str:
    """A page URL in one comparable form: "" for the home page, "about/" or "about.html"."""
    url = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    url = url.removesuffix("index.html")
    return url
