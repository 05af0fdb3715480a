"""storefront/seo, the MkDocs adapter: reads each page once, writes its head tags once.

Order of work in a build:
- on_config: one warning when site_url is missing.
- on_page_content (early): harden the title for the theme, report the page's front-matter
  problems (this plugin reports the shared keys for the whole suite), resolve the social
  image (`page.storefront_image`) and prepare the page's head tags.
- on_post_page: take the theme's title, description, canonical (and any Open Graph/Twitter
  copies) out of `<head>` with string operations and insert ours; note the page for the
  sitemap (only pages actually built get there).
- on_post_build: draw missing social cards (cached), write sitemap.xml(.gz), robots.txt.
"""

from __future__ import annotations

import json
import mimetypes
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import support
from ..core import clock
from ..core.diagnostics import Diagnostic
from ..core.escape import url_path
from ..core.frontmatter import PageMeta, key_line
from ..core.progress import Progress
from ..core.secrets import find_secrets
from ..core.urls import check_url, locale_problem, url_problem
from . import cards, posts, theme
from .config import SeoConfig
from .locales import og_locale
from .robots import render_robots
from .sitemap import SitemapEntry, gzip_bytes, render_sitemap
from .tags import VERIFICATION_NAMES, HeadData, SocialImage, render_head, strip_theme_tags
from .text import derive_description

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)

PLUGIN = "storefront/seo"


class SeoPlugin(BasePlugin[SeoConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.sitemap: list[SitemapEntry] = []
        self.cards: dict[str, cards.Card] = {}  # target path in site_dir -> card
        self.reported: set[str] = set()
        self.user_robots = False
        self.default_image: SocialImage | None = None
        self.drawn = 0
        self.theme_saved: list = []  # site names and authors escaped for the theme (theme.py)
        self.tags_plugins: list = []
        self.escaped_tags: dict[str, str] = {}

    # --- set-up ------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._reset()
        support.refuse_inside_site(config, PLUGIN, self.config, "cache_dir")
        support.check_site_url(config)
        shown = support.display_path(config, config.config_file_path or "mkdocs.yml")
        for problem in find_secrets({key: self.config[key] for key in ("title", "home_title", "default_image_alt")},
                                    file=shown, key=f"plugins.{PLUGIN}"):
            support.report(log, problem)
            name = problem.key.rsplit(".", 1)[-1]
            self.config[name] = dict(SeoConfig._schema)[name].default  # not published: the default instead
        for problem in support.neighbour_problems(config, cards=self.config.cards, language=True):
            support.report(log, problem)
        if not config.site_url:
            log.warning(
                "mkdocs.yml: site_url is not set, so canonical links, og:url, absolute image URLs "
                "and the sitemap are left out; set site_url: https://www.example.com/")
        if self.config.sitemap:
            # ours replaces it: MkDocs need not render and gzip its own
            config.theme.static_templates.discard("sitemap.xml")
        theme_language = config.theme.get("language") or config.theme.get("locale")
        locale = self.config.locale.strip() if isinstance(self.config.locale, str) else self.config.locale
        if locale is not None and locale_problem(locale):
            support.report(log, Diagnostic(
                support.display_path(config, config.config_file_path or "mkdocs.yml"), f"plugins.{PLUGIN}.locale",
                locale_problem(locale) or "", "write a language and territory like en_GB or fr_FR, or remove it "
                "to use the theme language"))
            locale = None
        self.locale = og_locale(locale) if locale else og_locale(str(theme_language) if theme_language else None)
        self.tz = support.site_timezone(config)
        self.cache_dir = support.project_path(config, self.config.cache_dir) / "cards"
        self.cards_dir = self.config.cards_dir.strip("/")
        # option values read once: a Config attribute lookup per page and tag adds up
        options = self.config
        self.title_pattern, self.home_pattern = options.title, options.home_title
        self.description_length = options.description_length
        self.twitter = (options.twitter_site, options.twitter_creator)
        card_colour = (options.card_colour or cards.palette_primary(config.theme.get("palette"))
                       or cards.NEUTRAL_CARD_COLOUR)
        self.card_style = (card_colour, options.card_text_colour) if options.cards else None
        self.site_dir = str(config.site_dir)
        self.site = (config.site_name or "", config.site_description or "", config.site_author or "")
        self.verification = {
            engine: code.strip() for engine in VERIFICATION_NAMES
            if (code := getattr(self.config.verification, engine)) and code.strip()
        }
        self.tags_plugins = theme.tags_plugins(config)
        for plugin in self.tags_plugins:
            theme.prepare_tags_plugin(plugin, config, self.escaped_tags)
        return None

    # After storefront/calendar (100) has kept drafts out, before Material's blog (-50) reads
    # its posts from disk: each post's front-matter problems are reported here, and Material
    # reads a mended copy (posts.py); the real path is put back once it has read them.
    @event_priority(50)
    def _check_posts(self, files: Files, *, config: MkDocsConfig) -> None:
        self.mended: list[tuple[File, str]] = []
        self.post_dates: list[tuple[File, dict]] = []
        if not self.config.enabled:
            return
        blogs = theme.material_plugins(config, "material.plugins.blog")
        if not blogs:
            return
        import tempfile

        folder: str | None = None
        for blog in blogs:
            options = blog.config
            root = posixpath.normpath(options.blog_dir)
            post_dir = posixpath.normpath(options.post_dir.format(blog=root)) + "/"
            authors = set(getattr(blog, "authors", None) or {}) if options.authors else None
            allowed = list(options.categories_allowed or [])
            for file in files.documentation_pages():
                if not file.src_uri.startswith(post_dir) or not file.abs_src_path:
                    continue
                source = support.display_path(config, file.abs_src_path)
                try:
                    with open(file.abs_src_path, encoding="utf-8-sig") as handle:
                        text = handle.read()
                except (OSError, UnicodeDecodeError):
                    continue  # reported when the page is read
                checked = posts.check_post(text, path=source, authors=authors, categories_allowed=allowed)
                if checked.date is not None:
                    self.post_dates.append((file, checked.date))
                for problem in checked.problems:
                    support.report(log, problem)
                if checked.exclude:
                    file.inclusion = InclusionLevel.EXCLUDED
                elif checked.source is not None:
                    folder = folder or tempfile.mkdtemp(prefix="storefront-posts-")
                    copy = Path(folder, file.src_uri)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    copy.write_text(checked.source, encoding="utf-8")
                    self.mended.append((file, file.abs_src_path))
                    file.abs_src_path = str(copy)
        self.mended_dir = folder

    @event_priority(-100)
    def _restore_posts(self, files: Files, *, config: MkDocsConfig) -> None:
        for file, original in getattr(self, "mended", []):
            file.abs_src_path = original
        self.mended = []
        # Material's blog turns the dates under `date: {created: …}` of page.meta into UTC
        # datetimes in place (a plain `date:` it copies): give the page back what was written,
        # so a date means midnight in the site timezone everywhere, not midnight in UTC.
        for file, written in getattr(self, "post_dates", []):
            page = file.page
            if page is not None and isinstance(page.meta.get("date"), dict):
                page.meta["date"] = dict(written)
        self.post_dates = []
        folder = getattr(self, "mended_dir", None)
        if folder:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
            self.mended_dir = None

    def _files(self, files: Files, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self.user_robots = files.get_file_from_path("robots.txt") is not None
        if self.config.default_image:
            self.default_image = self._default_image(files, config)

    on_files = CombinedEvent(_check_posts, _files, _restore_posts)

    def _default_image(self, files: Files, config: MkDocsConfig) -> SocialImage | None:
        value = (self.config.default_image or "").strip()
        where = f"mkdocs.yml: plugins.{PLUGIN}.default_image"
        problem = check_url(value, file=support.display_path(config, config.config_file_path or "mkdocs.yml"),
                            key=f"plugins.{PLUGIN}.default_image", path_spaces=True, image=True)
        if problem is not None:
            support.report(log, problem)
            return None
        if urlsplit(value).scheme:
            return SocialImage(url=url_path(value), mime=mimetypes.guess_type(value)[0],
                               alt=self.config.default_image_alt or "", source="default")
        file = files.get_file_from_path(value.lstrip("/"))
        if file is None:
            log.warning(f'{where}: "{value}" is not a file in {support.display_path(config, config.docs_dir)}; '
                        "put the image there or fix the path (relative to the docs folder)")
            return None
        try:
            image = self._local_image(file, config, self.config.default_image_alt or "", "default")
        except ValueError:  # core.images.ImageError
            log.warning(f'{where}: "{value}" is not an image that can be read; use a PNG, JPEG or WebP file')
            return None
        return image

    # --- what the theme prints (theme.py) ------------------------------------------------

    @event_priority(-100)  # after plugins that add sections (Material's blog: -50)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.config.enabled:
            theme.harden_nav(nav.items)
        return None

    @event_priority(-100)  # every page has been read; templates render next
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.config.enabled:
            self.theme_saved = theme.harden_for_theme(config, report=lambda d: support.report(log, d))
        return None

    # Before Material's tags plugin (-50) reads the tags, and after it (-100) to put them back.
    @event_priority(0)
    def _tags_for_plugin(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        if self.tags_plugins:
            for problem in theme.tags_as_lists(page, self.tags_plugins, support.source_path(page, config),
                                               lambda: support.page_source(page)):
                support.report(log, problem)
            page._storefront_tags = theme.escape_tags(page, self.tags_plugins, self.escaped_tags)  # type: ignore[attr-defined]
        return None

    @event_priority(-100)
    def _plain_tags(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        saved = getattr(page, "_storefront_tags", None)
        if saved:
            theme.restore_tags(page, saved)
        return theme.view_heading(page, markdown)

    on_page_markdown = CombinedEvent(_tags_for_plugin, _plain_tags)

    # --- per page ----------------------------------------------------------------------

    # Early (50): before plugins that add blocks to the content, so the description comes from
    # the author's first paragraph and not from an inserted call to action.
    @event_priority(50)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        # The title as MkDocs settled it (front matter, nav or rendered <h1>), escaped for the
        # theme, which prints it without autoescaping in nav, header, breadcrumbs and <h1>.
        support.harden_title(page)
        support.harden_meta(page, "description", "author")

        meta, _ = support.page_meta(page, config)  # reports the page's front-matter problems once
        source = support.source_path(page, config)

        title = meta.title or support.page_title(page)
        description = derive_description(meta.description, html, self.site[1], self.description_length)
        image = self._page_image(page, meta, title, files, config, source)
        support.set_page_image(page, image)
        page._storefront_seo = self._head(page, meta, title, description, image, config)  # type: ignore[attr-defined]
        return None

    def _page_image(self, page: Page, meta: PageMeta, title: str, files: Files,
                    config: MkDocsConfig, source: str) -> SocialImage | None:
        alt = meta.image_alt or title
        if meta.image:
            value = meta.image
            if urlsplit(value).scheme:
                return SocialImage(url=url_path(value), mime=mimetypes.guess_type(value)[0], alt=alt)
            image = self._front_matter_image(page, value, alt, files, config, source)
            if image is not None:
                return image
        if self.default_image is not None:
            default = self.default_image
            return SocialImage(url=default.url, width=default.width, height=default.height,
                               mime=default.mime, alt=default.alt or title, path=default.path,
                               source="default")
        if self.card_style is None:
            return None
        # the card's file is named from the decoded URL ("BLAST+", not "BLAST%2B"): its own URL
        # is then encoded once, and a server finds the file the URL names
        slug = unquote(page.url).strip("/").removesuffix(".html").removesuffix("/index") or "index"
        path = f"{self.cards_dir}/{slug}.png"
        self.cards[os.path.join(self.site_dir, path)] = cards.Card(title, self.site[0], *self.card_style)
        return SocialImage(url=support.absolute_url(config, _url(path)), width=cards.WIDTH,
                           height=cards.HEIGHT, mime=cards.MIME, alt=title, path=path, source="card")

    def _front_matter_image(self, page: Page, value: str, alt: str, files: Files,
                            config: MkDocsConfig, source: str) -> SocialImage | None:
        file = support.page_file(page, files, value)
        line = key_line(support.page_source(page), "image")
        if file is None:
            support.report(log, Diagnostic(
                source, "image", f'"{value}" is not a file in {support.display_path(config, config.docs_dir)}',
                "put the image there, or write its path relative to this page (images/card.png) "
                "or to the docs folder (/images/card.png)", line))
            return None
        try:
            return self._local_image(file, config, alt, "page")
        except ValueError:  # core.images.ImageError
            support.report(log, Diagnostic(
                source, "image", f'"{value}" is not an image that can be read',
                "use a PNG, JPEG or WebP file (1200×630 shows best when shared)", line))
            return None

    def _local_image(self, file: File, config: MkDocsConfig, alt: str, origin: str) -> SocialImage:
        width = height = None
        mime = mimetypes.guess_type(file.src_uri)[0]
        if file.abs_src_path:
            from ..core.images import image_info  # Pillow loads only for sites with images

            info = image_info(file.abs_src_path)
            width, height, mime = info.width, info.height, info.mime
        return SocialImage(url=support.absolute_url(config, _url(file.url)), width=width,
                           height=height, mime=mime, alt=alt, path=file.url, source=origin)

    def _head(self, page: Page, meta: PageMeta, title: str, description: str,
              image: SocialImage | None, config: MkDocsConfig) -> tuple[str, SitemapEntry | None]:
        site, _site_description, site_author = self.site
        html_title = support.search_title(page, config).text  # the title storefront/lint judges too
        robots = meta.robots_directives
        if support.is_404(page) and "noindex" not in robots:
            robots = ["noindex", *robots]
        canonical = support.canonical_url(page, config)
        data = HeadData(title=html_title, page_title=title, description=description,
                        site_name=site, locale=og_locale(meta.lang) if meta.lang else self.locale,
                        canonical=canonical, robots=robots, image=image,
                        twitter_site=self.twitter[0], twitter_creator=self.twitter[1],
                        verification=self.verification)
        changed = meta.updated or meta.published
        changed_iso = clock.isoformat(changed, self.tz) if changed else None
        if meta.is_dated:
            data.og_type = "article"
            data.published = clock.isoformat(meta.published, self.tz) if meta.published else None
            data.modified = changed_iso
            data.authors = _author_names(page, meta, config) or ([site_author] if site_author else [])
            data.section = meta.categories[0] if meta.categories else None
            data.tags = meta.tags

        entry = None
        own = support.absolute_url(config, page.url) if config.site_url else None
        elsewhere = bool(meta.canonical) and canonical != own
        if own and canonical and meta.indexable and not elsewhere and not support.is_404(page):
            entry = SitemapEntry(canonical, changed_iso)
        return render_head(data), entry

    @event_priority(-50)  # after plugins that add head tags, before storefront/optimize (-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        prepared = getattr(page, "_storefront_seo", None)
        if not self.config.enabled or prepared is None:
            return None
        tags, entry = prepared
        del page._storefront_seo  # type: ignore[attr-defined]  # used once: not held for the rest of the build
        end = output.find("</head>")
        if end == -1:
            return None
        if entry is not None:
            self.sitemap.append(entry)
        return support.insert_head(strip_theme_tags(output[:end]) + output[end:], tags)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        # The theme's own 404.html (no 404.md in the docs) is no page, but must not be indexed.
        if not self.config.enabled or template_name != "404.html":
            return None
        end = output_content.find("</head>")
        if end == -1:
            return None
        head = output_content[:end]
        head = strip_theme_tags(head) if 'name="robots"' in head else head
        return support.insert_head(head + output_content[end:], '<meta name="robots" content="noindex">\n')

    # --- site-wide, once ---------------------------------------------------------------

    @event_priority(100)  # before feed writers and plugins that read the site's names again
    def _plain_names(self, *, config: MkDocsConfig) -> None:
        theme.restore_after_theme(self.theme_saved)

    @event_priority(-50)  # after plugins that write feeds (mkdocs-rss-plugin), to check them
    def _post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        theme.plain_tags_export(config.site_dir, self.tags_plugins, self.escaped_tags)
        self._write_cards()
        site_dir = Path(config.site_dir)
        self._check_feeds(config, site_dir)
        if self.config.sitemap:
            xml, gz = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
            if config.site_url:
                text = render_sitemap(self.sitemap)
                xml.write_text(text, encoding="utf-8")
                gz.write_bytes(gzip_bytes(text))
            else:  # no absolute URLs, no sitemap (MkDocs' own would list "None" as each URL)
                xml.unlink(missing_ok=True)
                gz.unlink(missing_ok=True)
        if self.config.robots_txt.enabled and not self.user_robots:
            sitemap_url = (support.absolute_url(config, "sitemap.xml")
                           if self.config.sitemap and config.site_url else None)
            rules = [dict(rule) for rule in self.config.robots_txt.rules]
            (site_dir / "robots.txt").write_text(render_robots(rules, sitemap_url), encoding="utf-8")

    on_post_build = CombinedEvent(_plain_names, _post_build)

    def _check_feeds(self, config: MkDocsConfig, site_dir: Path) -> None:
        """Every XML file at the site root is well-formed (unescaped text mended) and, if it is
        RSS, valid RSS 2.0 where it can be made so; JSON feeds lose their nulls. The rest is
        reported."""
        paths = [path for path in sorted(site_dir.glob("*.xml")) if path.name != "sitemap.xml"]
        json_feeds = sorted(site_dir.glob("feed*.json"))
        if not paths and not json_feeds:
            return
        from . import feeds  # lxml only when there is a feed to check

        for path in paths:
            text = path.read_bytes().decode("utf-8", "replace")
            original = text
            if "<url>None</url>" in text:
                text = feeds.drop_empty_image(text)
            problem = feeds.xml_problem(text.encode("utf-8"))
            if problem is not None:
                mended = feeds.mend_text_elements(text)
                problem = feeds.xml_problem(mended.encode("utf-8"))
                if problem is None:
                    text = mended
                    log.debug(f"{path.name}: escaped text another plugin left unescaped")
            if problem is None and "<rss" in text[:2000]:
                text, done = feeds.mend_rss(text, lambda url: self._site_file_size(config, site_dir, url))
                if done:
                    log.debug(f"{path.name}: " + "; ".join(sorted(set(done))))
                problem = feeds.xml_problem(text.encode("utf-8"))
            if text != original and problem is None:
                path.write_text(text, encoding="utf-8")
            shown = support.display_path(config, path)
            if problem is not None:
                support.report(log, Diagnostic(
                    shown, "", f"is not well-formed XML ({problem})",
                    "check the plugin that writes it; feed readers will reject the file"))
                continue
            remaining = feeds.rss_problems(text.encode("utf-8"))
            if remaining:
                support.report(log, Diagnostic(
                    shown, "", f"is not valid RSS 2.0: {'; '.join(remaining[:3])}",
                    "set site_description in mkdocs.yml (the channel's description) and check the feed "
                    "plugin's options (mkdocs-rss-plugin); feed readers may reject the file"))
        for path in json_feeds:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not (isinstance(data, dict) and str(data.get("version", "")).startswith("https://jsonfeed.org/")):
                continue
            cleaned, removed = feeds.mend_json_feed(data)
            if removed:
                path.write_text(json.dumps(cleaned, ensure_ascii=False), encoding="utf-8")
                log.debug(f"{path.name}: {removed} null value(s) of optional fields taken out")

    @staticmethod
    def _site_file_size(config: MkDocsConfig, site_dir: Path, url: str) -> int | None:
        """The size of a file of this site named by an absolute URL, or None."""
        base = config.site_url or ""
        if not base or not url.startswith(base if base.endswith("/") else base + "/"):
            return None
        relative = unquote(urlsplit(url[len(base.rstrip("/")) + 1:]).path)
        target = (site_dir / relative).resolve()
        if site_dir.resolve() not in target.parents:
            return None
        try:
            return target.stat().st_size if target.is_file() else None
        except OSError:
            return None

    def _write_cards(self) -> None:
        if not self.cards:
            return
        jobs = [(Path(target), card) for target, card in self.cards.items()]
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # e.g. an empty file named .cache: draw without the cache
            log.warning(f"mkdocs.yml: plugins.{PLUGIN}.cache_dir: {self.cache_dir} cannot be created "
                        f"({error.strerror or error}), so social cards are not cached; make the folder "
                        "writable, remove the file in its way, or set cache_dir: to another folder")
            import tempfile

            self.cache_dir = Path(tempfile.mkdtemp(prefix="storefront-cards-"))
        for folder in {target.parent for target, _ in jobs}:  # once per folder, not per card
            folder.mkdir(parents=True, exist_ok=True)
        # Cards already in the cache are only linked into the site, here (most of a warm build);
        # the rest are drawn in threads.
        missing = []
        for job in jobs:
            cached = self.cache_dir / f"{job[1].key}.png"
            if os.path.exists(cached):
                cards.place(cached, job[0])
            else:
                missing.append(job)
        progress = Progress("drawing social cards", total=len(missing), say=log.info)

        def place(job: tuple[Path, Any]) -> bool:
            drawn = cards.ensure_card(job[1], self.cache_dir, job[0])
            if drawn:
                progress.advance()
            return drawn

        # Drawing and PNG encoding release the GIL for most of their time.
        drawn = []
        if missing:
            with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, len(missing))) as pool:
                drawn = list(pool.map(place, missing))
        progress.finish()
        self.drawn = sum(drawn)
        log.debug(f"{len(jobs)} social cards, {self.drawn} drawn, {len(jobs) - self.drawn} from cache")


_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/-]*")


def _url(path: str) -> str:
    """A site path percent-encoded for a URL (most are plain ASCII: nothing to do)."""
    return path if _PLAIN_PATH.fullmatch(path) else url_path(path)


def _author_names(page: Page, meta: PageMeta, config: MkDocsConfig | None = None) -> list[str]:
    """`article:author` values: Material's blog resolves `authors` to profiles; a profile with a
    `url` (`.authors.yml`) gives that profile URL, as Open Graph's `article:author` (a profile)
    wants; else the name. Front matter authors without a profile are names."""
    profiles = getattr(page, "authors", None)
    if isinstance(profiles, list) and profiles and all(hasattr(a, "name") for a in profiles):
        out = []
        for author in profiles:
            url = getattr(author, "url", None)
            safe = url and config is not None and url_problem(str(url)) is None
            absolute = support.absolute_url(config, str(url)) if safe and config is not None else None
            if absolute or author.name:
                out.append(absolute or str(author.name))
        return out
    return meta.authors
