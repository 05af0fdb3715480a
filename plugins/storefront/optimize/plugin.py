"""storefront/optimize: the MkDocs adapter.

Runs last (`on_post_page` at priority -100), on the page every other plugin has finished:
sizes images, marks those below the first screen lazy, adds WebP variants, then minifies.
Each page is scanned once for `<img>` tags and handed once to minify-html; image facts and
WebP variants are worked out once per file and build (and cached on disk across builds). The
minified page is kept only when a browser would build the same element tree from it as from
the page before (structure.py); else the page is written unminified, with a warning.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import support
from ..core.diagnostics import Diagnostic
from ..core.images import ImageError, image_info
from ..core.processes import default_workers
from ..core.progress import Progress
from ..core.urls import relative_path
from .background import Job, Minified, Minifier, csp_facts
from .config import OptimizeConfig
from .headers import add_sources, render_headers
from .images import (
    WEBP_SOURCES,
    ImageFacts,
    PageStats,
    Settings,
    VariantStore,
    displayed_size,
    rewrite_images,
)
from .pagecache import Entry, PageCache, code_salt
from .rewrites import Rewrite, RewriteIndex, css_answer, image_answer, rewrite_salt
from .styles import can_inline, inline_stylesheets

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Literal

    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class OptimizePlugin(BasePlugin[OptimizeConfig]):
    def __init__(self) -> None:
        self._files_by_dest: dict[str, str] = {}
        self._facts: dict[tuple[str, bool], ImageFacts | None] = {}
        self._styles: dict[str, str | None] = {}
        self._link_tags: dict[str, tuple[str, str] | None] = {}  # <link> tag -> (href, media)
        self._relative_facts: dict[tuple[tuple[str, bool], str], ImageFacts] = {}
        self._published: set[str] = set()
        self._reported: set = set()
        self._totals = PageStats()
        self._pages = 0
        self._store: VariantStore | None = None
        self._settings = Settings()
        self._site_dir = Path()
        self._site_prefix = "/"
        self._config: MkDocsConfig | None = None
        self._headers_template: Path | None = None
        self._script_hashes: set[str] = set()
        self._form_origins: set[str] = set()
        self._pages_cache: PageCache | None = None
        self._rewrites: RewriteIndex | None = None
        self._css_answers: dict[str, str | None] = {}  # a stylesheet's CSS -> its hash
        self._minifier = Minifier(0, css=True, js=False, policy=False)
        self._dirty = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._dirty = dirty  # a dirty build builds some pages only: keep the other pages' entries

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        if self.config.enabled and self.config.headers:  # rebuild when the _headers template changes
            support.watch_data_files(server, support.project_path(config, self.config.headers))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        options = self.config
        support.refuse_inside_site(config, "storefront/optimize", options, "cache_dir")
        for problem in support.neighbour_problems(config, minify=options.minify):
            support.report(log, problem)
        self._settings = Settings(
            dimensions=options.image_dimensions, lazy=options.lazy_loading,
            eager=options.eager_images, priority=options.fetch_priority, webp=options.webp,
            sizes=options.sizes)
        self._store = VariantStore(
            support.project_path(config, options.cache_dir), options.widths, options.quality)
        self._store.progress = Progress("writing WebP variants", total=None, say=log.info)
        self._site_dir = Path(config.site_dir)
        self._config = config
        site_path = urlsplit(config.site_url or "/").path or "/"
        self._site_prefix = site_path if site_path.endswith("/") else site_path + "/"
        self._headers_template = (support.project_path(config, options.headers)
                                  if options.headers else None)
        salt = code_salt(options.minify_css, options.minify_js)
        self._pages_cache = PageCache(
            support.project_path(config, options.cache_dir) / "pages", salt) if options.minify else None
        # a record names a page-cache key: the page cache's salt is part of the record's
        self._rewrites = RewriteIndex(
            support.project_path(config, options.cache_dir) / "page-rewrites.json",
            rewrite_salt((self._settings, options.inline_css, salt))) if options.minify else None
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._facts.clear()
        self._styles.clear()
        self._link_tags.clear()
        self._relative_facts.clear()
        self._css_answers.clear()
        self._published.clear()
        self._reported.clear()
        self._totals = PageStats()
        self._pages = 0
        self._script_hashes.clear()
        self._form_origins.clear()
        if self._pages_cache is not None:
            self._pages_cache.start_build()
        options = self.config
        workers = options.workers if options.workers is not None else default_workers()
        self._minifier.close()
        self._minifier = Minifier(max(0, workers), options.minify_css, options.minify_js,
                                  policy=self._headers_template is not None)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        # Every file is known by now (theme files and plugins' generated ones included).
        self._files_by_dest = {
            file.dest_uri: file.abs_src_path for file in files if file.abs_src_path}
        return env

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        return self._optimize(output, page.url, support.source_path(page, config), dest=page.file.abs_dest_path)

    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """Theme pages rendered without a Markdown source (Material's 404.html): optimized as
        every other page is. Their URLs are site-absolute (a 404 page is served at any path)."""
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return self._optimize(output_content, template_name, template_name, absolute=True)

    def _optimize(self, output: str, page_url: str, name: str, *, absolute: bool = False,
                  dest: str | None = None) -> str:
        """One page through every step: images, stylesheets, minifying, CSP facts.

        A page seen in an earlier build whose image and stylesheet lookups all answer as they
        did then is taken from the cache without being rewritten again (`rewrites.py`)."""
        self._pages += 1
        settings, cache, rewrites = self._settings, self._pages_cache, self._rewrites
        record_key = None
        if cache is not None and rewrites is not None:
            record_key = rewrites.key(output, page_url, absolute)
            record = rewrites.get(record_key)
            if record is not None and self._still_holds(record, page_url, absolute):
                cached = self._from_cache(record.key, cache)
                if cached is not None:
                    images, sized, lazy, pictures, missing = record.stats
                    self._count(PageStats(images, sized, lazy, pictures, list(missing)), page_url, name)
                    return cached
        images_seen: list[tuple[str, bool, Any]] = []
        sheets_seen: list[tuple[str, str | None]] = []
        stats = PageStats()
        if settings.dimensions or settings.lazy or settings.webp:
            def lookup(src: str, variants: bool) -> ImageFacts | None:
                facts = self._lookup(src, variants, page_url, absolute)
                images_seen.append((src, variants, image_answer(facts)))
                return facts

            output = rewrite_images(output, lookup, settings, stats)
            self._count(stats, page_url, name)
        if self.config.inline_css:
            def read(href: str) -> str | None:
                css = self._stylesheet(href, page_url)
                sheets_seen.append((href, self._css_answer(css)))
                return css

            output, _ = inline_stylesheets(output, read, self._link_tags)
        if cache is not None:  # minify on
            key = cache.key(output)
            if rewrites is not None and record_key is not None:  # both exist with minify
                rewrites.put(record_key, Rewrite(
                    key, tuple(images_seen), tuple(sheets_seen),
                    (stats.images, stats.sized, stats.lazy, stats.pictures, tuple(stats.missing))))
            return self._minified(output, key, name, cache, dest)
        self._collect_policy(output)
        return output

    def _still_holds(self, record: Rewrite, page_url: str, absolute: bool) -> bool:
        """Whether every image and stylesheet lookup the page made answers as it did."""
        return (all(image_answer(self._lookup(src, variants, page_url, absolute)) == answer
                    for src, variants, answer in record.images)
                and all(self._css_answer(self._stylesheet(href, page_url)) == answer
                        for href, answer in record.sheets))

    def _css_answer(self, css: str | None) -> str | None:
        if css is None:
            return None
        answer = self._css_answers.get(css)
        if answer is None:
            answer = self._css_answers[css] = css_answer(css)
        return answer

    def _from_cache(self, key: str, cache: PageCache) -> str | None:
        """The minified page cached under `key` (its CSP facts collected), if there is one."""
        entry = cache.get(key)
        if entry is not None and (self._headers_template is None or entry.script_hashes is not None):
            self._script_hashes |= entry.script_hashes or frozenset()
            self._form_origins |= entry.form_origins or frozenset()
            return entry.html
        return None

    def _minified(self, html: str, key: str, name: str, cache: PageCache, dest: str | None) -> str:
        """The page minified (from the cache when this very page was minified before), its
        CSP facts collected. In a cold build the helper process minifies it and the file MkDocs
        writes (`dest`) is rewritten once that is done (`_write_back`)."""
        cached = self._from_cache(key, cache)
        if cached is not None:
            return cached
        minifier = self._minifier
        if dest is not None and minifier.wants():
            self._write_back(wait=False)  # the earlier pages: MkDocs has written their files
            if minifier.submit(Job(key, dest, name), html):
                return html
        return self._use(minifier.inline(html), key, name, cache) or html

    def _use(self, result: Minified, key: str, name: str, cache: PageCache) -> str | None:
        """Take one page's result: its CSP facts, the warning when it stays unminified, the
        cache entry when it is minified; the minified text, or None."""
        self._script_hashes |= result.script_hashes
        self._form_origins |= result.form_origins
        if result.text is None:
            log.warning("%s: %s", name, result.problem)  # checked again next build
            return None
        policy = self._headers_template is not None
        cache.put(key, Entry(result.text, result.script_hashes if policy else None,
                             result.form_origins if policy else None))
        return result.text

    def _write_back(self, *, wait: bool) -> None:
        """Rewrite the files of the pages the helper has minified (all of them with `wait`).
        A file that no longer holds the text MkDocs was handed (another plugin rewrote it, or
        the page was empty and not written) is left as it is."""
        cache = self._pages_cache
        if cache is None:
            return
        for job, result in self._minifier.done(wait=wait, read=_read_text):
            current = _read_text(job.dest)
            if current is None or cache.key(current) != job.key:
                if current is not None:
                    self._collect_policy(current)
                continue
            text = self._use(result, job.key, job.name, cache)
            if text is not None:
                try:
                    with open(job.dest, "wb") as out:
                        out.write(text.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes
                except OSError as error:
                    log.warning("%s: the minified page could not be written (%s); it stays as it was",
                                job.name, error)

    def _collect_policy(self, html: str) -> None:
        if self._headers_template is not None:
            scripts, origins = csp_facts(html)
            self._script_hashes |= scripts
            self._form_origins |= origins

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            self._write_back(wait=True)  # every page the helper minified, before the CSP hashes are used
        finally:
            self._minifier.close()
        self._write_headers(config)
        if self._pages_cache is not None and not self._dirty:
            self._pages_cache.prune()
        if self._rewrites is not None:
            self._rewrites.save(prune=not self._dirty)
        if self._store is not None and self._store.progress is not None:
            self._store.progress.finish()
        totals = self._totals
        log.info("optimized %d pages: %d images, %d sized, %d lazy, %d with WebP variants "
                 "(%d variant files)", self._pages, totals.images, totals.sized, totals.lazy,
                 totals.pictures, len(self._published))

    def on_build_error(self, *, error: Exception) -> None:
        self._minifier.close()

    def _write_headers(self, config: MkDocsConfig) -> None:
        template_path = self._headers_template
        if template_path is None:
            return
        try:
            template = template_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            support.report(log, Diagnostic(
                file="mkdocs.yml", key="plugins.storefront/optimize.headers",
                problem=f"{support.display_path(config, template_path)} cannot be read "
                        f"({error.__class__.__name__})",
                fix="point headers: at a _headers template, e.g. deploy/_headers, or remove it"))
            return
        text = render_headers(template, self._script_hashes, self._form_origins)
        text = add_sources(text, support.csp_sources(config))  # an analytics provider's origins
        (self._site_dir / "_headers").write_text(text, encoding="utf-8")

    # --- images ---------------------------------------------------------------------------

    def _count(self, stats: PageStats, page_url: str, name: str) -> None:
        totals = self._totals
        totals.images += stats.images
        totals.sized += stats.sized
        totals.lazy += stats.lazy
        totals.pictures += stats.pictures
        for src in stats.missing:
            local = not urlsplit(src).scheme and not src.startswith(("//", "data:"))
            if local and (page_url, src) not in self._reported:
                self._reported.add((page_url, src))
                log.info("%s: image %s was not found in the site; it is left as it is", name, src)

    def _stylesheet(self, href: str, page_url: str) -> str | None:
        """A local stylesheet's CSS if it may be inlined (read once per build)."""
        dest = self._dest_uri(href, page_url)
        if dest is None:
            return None
        if dest not in self._styles:
            css = None
            path = self._files_by_dest.get(dest) or str(self._site_dir / dest)
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read(self.config.inline_css + 1)
                css = text if can_inline(text, self.config.inline_css) else None
            except (OSError, UnicodeDecodeError):
                css = None
            self._styles[dest] = css
        return self._styles[dest]

    def _dest_uri(self, src: str, page_url: str) -> str | None:
        """The image's path in the built site (`assets/images/x.png`), or None if external."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            path = path.removeprefix(self._site_prefix)
            return posixpath.normpath(path.lstrip("/"))
        page_url = "/" + page_url
        base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
        joined = posixpath.normpath(posixpath.join(base, path))
        return joined.lstrip("/") if not joined.startswith("/..") else None

    def _lookup(self, src: str, want_variants: bool, page_url: str,
                absolute: bool = False) -> ImageFacts | None:
        dest = self._dest_uri(src, page_url)
        if dest is None:
            return None
        key = (dest, want_variants)
        if key not in self._facts:
            self._facts[key] = self._facts_for(dest, want_variants)
        facts = self._facts[key]
        if facts is None or not facts.srcset:
            return facts
        if absolute:
            srcset = [(self._site_prefix + url, width) for url, width in facts.srcset]
            return ImageFacts(facts.width, facts.height, srcset)
        # Variant URLs were stored relative to the site root; make them relative to this page
        # (once per image and folder: every page of a folder gets the same URLs).
        page_dir = posixpath.dirname("/" + page_url) if not page_url.endswith("/") \
            else "/" + page_url.rstrip("/")
        relative = self._relative_facts.get((key, page_dir))
        if relative is None:
            srcset = [(relative_path("/" + url, page_dir or "/"), width)
                      for url, width in facts.srcset]
            if len(self._relative_facts) >= 1024:  # kept for the folders at hand, not the whole site
                self._relative_facts.clear()
            relative = self._relative_facts[(key, page_dir)] = ImageFacts(facts.width, facts.height, srcset)
        return relative

    def _facts_for(self, dest: str, want_variants: bool) -> ImageFacts | None:
        path = self._files_by_dest.get(dest)
        if path is None:
            candidate = self._site_dir / dest
            if not candidate.is_file():
                return None
            path = str(candidate)
        try:
            info = image_info(path)
        except ImageError:
            self._report_bad_image(path, "the file is not an image that can be read")
            return ImageFacts(0, 0)  # known, but of no size: left as it is
        width, height = displayed_size(path, info.width, info.height, info.mime)
        srcset: list[tuple[str, int]] = []
        if want_variants and info.mime in WEBP_SOURCES and width and height and self._store:
            try:
                variants = self._store.variants(path, width, height)
            except (OSError, ValueError) as error:
                self._report_bad_image(path, f"no WebP variant could be made ({error})")
                variants = []
            for variant in variants:
                url = posixpath.join(self.config.output_dir.strip("/"), variant.name)
                if url not in self._published:
                    VariantStore.publish(variant, self._site_dir / url)
                    self._published.add(url)
                srcset.append((url, variant.width))
        return ImageFacts(width, height, srcset)

    def _report_bad_image(self, path: str, problem: str) -> None:
        if path in self._reported:
            return
        self._reported.add(path)
        support.report(log, Diagnostic(
            file=support.display_path(self._config, path), key="image", problem=problem,  # type: ignore[arg-type]  # set in on_config
            fix="replace the file with a PNG, JPEG, GIF, WebP or SVG image that opens"))


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None
