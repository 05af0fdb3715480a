"""What every storefront plugin needs from MkDocs, written once.

This is the only shared module that imports mkdocs: it reads a page's source and typed front
matter, the site's clock and timezone, canonical URLs, renders the suite's Jinja partials
(with autoescaping, overridable from the theme's custom_dir) and inserts tags into `<head>`.
The pure work lives in `storefront.core`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .core import clock, partials
from .core.diagnostics import Diagnostic, emit
from .core.escape import html_attr, plain_text
from .core.frontmatter import PageMeta, read_meta, unread_front_matter
from .core.images import SocialImage
from .core.suggest import closest, did_you_mean
from .core.titles import compose_title, theme_title
from .core.urls import check_url

PACKAGE_TEMPLATES = partials.PACKAGE_TEMPLATES
CALENDAR_PLUGIN = "storefront/calendar"

T = TypeVar("T")
log = get_plugin_logger(__name__)


# --- options shared by plugins ------------------------------------------------------------

class Days(c.Type):
    """A number of days, 0 to 36500 (a hundred years: the dates around it stay computable)."""

    MAXIMUM = 36500

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or not 0 <= number <= self.MAXIMUM:
            raise ValidationError(f"{number!r} is not a number of days from 0 to {self.MAXIMUM}; "
                                  "write a number of days like 60")
        return number


# --- where things are -------------------------------------------------------------------

def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml; relative plugin paths are resolved against it."""
    return _project_dir(config.config_file_path or ".", os.getcwd())


@lru_cache(maxsize=16)
def _project_dir(config_file: str, _cwd: str) -> Path:
    return Path(config_file).resolve().parent  # resolve() stats every component: once


def project_path(config: MkDocsConfig, path: str | os.PathLike) -> Path:
    """A configured path, resolved against the folder of mkdocs.yml."""
    candidate = Path(path)
    return candidate if candidate.is_absolute() else project_dir(config) / candidate


def display_path(config: MkDocsConfig, path: str | os.PathLike) -> str:
    """A path as the user sees it in messages: relative to mkdocs.yml's folder when inside it."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(project_dir(config)).as_posix()
    except ValueError:
        return absolute.as_posix()


def refuse_inside_site(config: MkDocsConfig, plugin: str, options: Any, *keys: str) -> None:
    """Stop the build (on_config) when a plugin's cache or output folder is inside site_dir:
    everything there is deployed, and these folders hold drafts' front matter, lint reports
    and other work that is not public."""
    site = Path(config.site_dir).resolve()
    for key in keys:
        value = getattr(options, key, None)
        if not value:
            continue
        folder = project_path(config, value).resolve()
        if folder == site or site in folder.parents:
            raise PluginError(
                f"{plugin}: {key} \"{value}\" is inside site_dir, so what it holds would be deployed; "
                f"set {key} to a folder outside site_dir, like the default")


def watch_data_files(server: Any, *paths: Path | None) -> None:
    """`mkdocs serve` rebuilds when a data file the suite reads changes (on_serve): each file,
    or, while it does not exist yet, the nearest folder that does (so creating it counts)."""
    for path in paths:
        if path is None:
            continue
        target = Path(path).absolute()
        recursive = True
        while not target.exists() and target.parent != target:
            target, recursive = target.parent, False
        if target.exists():
            server.watch(str(target), recursive=recursive)


def source_path(page: Page, config: MkDocsConfig) -> str:
    """The page's Markdown file as named in messages, e.g. `content/blog/posts/opening.md`
    (worked out once per page and build: every plugin names the page in its messages)."""
    return _per_page(page, "_storefront_source_path", (config, page.file), lambda: _source_path(page, config))


def _per_page(page: Page, name: str, inputs: tuple, work: Callable[[], T]) -> T:
    """`work()` once per page and build: kept on the page (MkDocs makes new Page objects for
    every build) with the `inputs` it was worked out from, and worked out again when one of
    them changed (compared by identity first: a plugin replaced the Markdown or front matter)."""
    cached = getattr(page, name, None)
    if cached is not None and cached[0] == inputs:
        return cached[1]
    value = work()
    setattr(page, name, (inputs, value))
    return value


def _source_path(page: Page, config: MkDocsConfig) -> str:
    if page.file.abs_src_path:
        if page.file.src_dir and os.path.normpath(page.file.src_dir) == os.path.normpath(config.docs_dir):
            # the usual case, by string work (display_path resolves symlinks: slow per page)
            docs = _docs_display(config.config_file_path or ".", config.docs_dir, os.getcwd())
            return f"{docs}/{page.file.src_uri}"
        return display_path(config, page.file.abs_src_path)
    return page.file.src_uri


@lru_cache(maxsize=16)
def _docs_display(config_file: str, docs_dir: str, _cwd: str) -> str:
    absolute = Path(docs_dir).resolve()
    try:
        return absolute.relative_to(_project_dir(config_file, _cwd)).as_posix()
    except ValueError:
        return absolute.as_posix()


def page_source(page: Page) -> str | None:
    """The page's whole source text, front matter included (for line numbers).

    Read once per page while the page is being worked on: MkDocs' `File.content_string` reads
    the file again on every call, and several plugins ask for it. The last few pages' texts
    are kept (not every page's: a site of thousands of pages would hold all its sources for
    the whole build); a page asked for again later is read again. (MkDocs makes new Page
    objects for every build, so `mkdocs serve` sees an edited file.)
    """
    cached = _SOURCES.get(id(page))
    if cached is not None and cached[0]() is page:
        return cached[1]
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        return None
    try:
        reference = weakref.ref(page)
    except TypeError:  # an object that cannot be referenced weakly: not kept
        return source
    _SOURCES[id(page)] = (reference, source)
    while len(_SOURCES) > _KEEP_SOURCES:
        del _SOURCES[next(iter(_SOURCES))]  # the oldest
    return source


_KEEP_SOURCES = 16
_SOURCES: dict[int, tuple[weakref.ref, str]] = {}  # id(page) -> (the page, its source), oldest first


# --- the build clock and the site timezone ---------------------------------------------

def _calendar_config(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get(CALENDAR_PLUGIN) if config.plugins else None
    return getattr(plugin, "config", None)


def site_timezone(config: MkDocsConfig) -> dt.tzinfo:
    """The site timezone: storefront/calendar's `timezone` option, else UTC.

    A bad name is reported by the calendar plugin when it validates its config; here it
    falls back to UTC so no other plugin fails on it a second time.
    """
    calendar = _calendar_config(config)
    name = getattr(calendar, "timezone", None) if calendar is not None else None
    try:
        return clock.zone(name)
    except clock.ClockError:
        return clock.UTC


def site_now(config: MkDocsConfig) -> dt.datetime:
    """The build's "now" (aware, UTC), the same for every plugin in one build.

    `STOREFRONT_NOW`, else storefront/calendar's `now` option, else `SOURCE_DATE_EPOCH`,
    else the real clock, read once and kept on the config for the rest of the build.
    """
    cached = config.get("_storefront_now") if hasattr(config, "get") else None
    if cached is not None:
        return cached
    calendar = _calendar_config(config)
    override = getattr(calendar, "now", None) if calendar is not None else None
    try:
        now = clock.build_now(override)
    except clock.ClockError as error:
        raise PluginError(str(error)) from None
    config["_storefront_now"] = now
    return now


# --- pages ----------------------------------------------------------------------------

def page_meta(page: Page, config: MkDocsConfig) -> tuple[PageMeta, list[Diagnostic]]:
    """The page's shared front matter, typed, with its problems (read once per page and build)."""
    cached = getattr(page, "_storefront_meta", None)
    if cached is not None and cached[0] is page.meta:
        return cached[1], cached[2]
    meta, problems = read_meta(
        page.meta or {},
        path=source_path(page, config),
        source=lambda: page_source(page),  # read from disk only when a problem needs a line
        tz=site_timezone(config),
    )
    if not page.meta:
        unread = unread_front_matter(page.markdown)
        if unread is not None:
            problems = [Diagnostic(source_path(page, config), "front matter", f"{unread[0]}, so all of it was ignored",
                                   'fix the YAML: quote values holding ": " or " #", write dates like 2026-12-03',
                                   unread[1]), *problems]
    page._storefront_meta = (page.meta, meta, problems)  # type: ignore[attr-defined]
    _report_once(config, source_path(page, config), problems)
    return meta, problems


def _report_once(config: MkDocsConfig, path: str, problems: list[Diagnostic]) -> None:
    """Log a page's shared front-matter problems the first time any storefront plugin reads
    the page in this build (a per-build set kept on the config), so a site using only lint,
    schema or cta hears of them too, and a site using several hears of them once."""
    reported = config.get("_storefront_meta_reported") if hasattr(config, "get") else None
    if reported is None:
        reported = set()
        try:
            config["_storefront_meta_reported"] = reported
        except (TypeError, KeyError):
            return
    if path in reported:
        return
    reported.add(path)
    for problem in problems:
        report(log, problem)


# Plugins that read every page they render through `page_meta` (so its shared problems are
# reported); storefront/calendar leaves a rendered page's shared problems to them.
SHARED_META_READERS = ("storefront/seo", "storefront/lint", "storefront/schema", "storefront/cta")


def reads_shared_meta(config: MkDocsConfig) -> bool:
    """Whether a plugin that reports shared front-matter problems per rendered page is on."""
    plugins: dict[str, Any] = config.plugins or {}
    return any(getattr(getattr(plugins.get(name), "config", None), "enabled", False)
               for name in SHARED_META_READERS)


def page_title(page: Page) -> str:
    """The page title as plain text, whichever form MkDocs or a plugin left it in.

    Front matter `title` is plain text; a title MkDocs took from the rendered `<h1>` is HTML
    text (entities kept); a title hardened by `harden_title` is a `Markup` object.
    """
    title = page.title
    if isinstance(title, Markup):
        return title.unescape()
    if title is None:
        return ""
    meta_title = (page.meta or {}).get("title")
    if meta_title is not None and meta_title is title:
        return str(title)  # front matter: plain text, whatever YAML made of it (2026, a list)
    if meta_title is not None and str(meta_title) == title:
        return str(title)
    title = str(title)
    return Markup(title).unescape() if "&" in title else title


SEO_PLUGIN = "storefront/seo"


@dataclass(frozen=True)
class SearchTitle:
    """The title search results show for a page (plain text) and what writes it."""

    text: str
    by: str  # "storefront/seo writes", "Material prints", "the mkdocs theme prints"

    @property
    def origin(self) -> str:
        """For messages: "the <title> storefront/seo writes", "the title Material prints"."""
        return f"the <title> {self.by}" if self.by.startswith(SEO_PLUGIN) else f"the title {self.by}"


def search_title(page: Page, config: MkDocsConfig) -> SearchTitle:
    """The title search results show: the `<title>` storefront/seo writes from its `title` /
    `home_title` pattern when it is on (the site name included, as Yoast judges the SEO
    title), else the page title the theme prints there (Material: front matter first; the
    " - site name" every page gets alike is left out; the home page: the site name).

    The one place the shipped title is worked out: storefront/seo writes it, storefront/lint
    judges it, storefront/schema names the WebPage with it.
    """
    meta, _ = page_meta(page, config)
    own = page_title(page)
    # Worked out once per page and build (seo, lint and schema all ask); again only when the
    # front matter or the page title changed since.
    return _per_page(page, "_storefront_search_title", (meta, own, config),
                     lambda: _search_title(page, config, meta, own))


def _search_title(page: Page, config: MkDocsConfig, meta: PageMeta, own: str) -> SearchTitle:
    # plain_text: storefront/seo hands the theme an escaped copy while templates render
    site = plain_text(config.site_name)
    seo = config.plugins.get(SEO_PLUGIN) if config.plugins else None
    options = getattr(seo, "config", None)
    if options is not None and getattr(options, "enabled", False):
        page_part = meta.title or own
        home = page.is_homepage and (not meta.title or meta.title == site)
        text = compose_title(options.home_title if home else options.title, page=page_part, site=site,
                             site_description=plain_text(config.site_description))
        return SearchTitle(text, f"{SEO_PLUGIN} writes")
    theme = str(config.theme.name or "")
    text = theme_title(theme, meta_title=meta.title or "", page_title=own, is_home=page.is_homepage, site=site)
    return SearchTitle(text, "Material prints" if theme == "material" else f"the {theme or 'custom'} theme prints")


def harden_title(page: Page) -> None:
    """Replace `page.title` (and front matter `title`, which Material prints in its header)
    with an escaped `Markup` so a theme printing `{{ page.title }}` (MkDocs renders templates
    without autoescaping) prints text, never markup. Quotes are escaped too, as themes also
    print titles inside attributes (`aria-label="{{ page.title | e }}"`).

    Idempotent; every storefront plugin reads the plain title through `page_title`.
    """
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = Markup(html_attr(page_title(page)))
    harden_meta(page, "title")


def harden_meta(page: Page, *keys: str) -> None:
    """Replace plain-text front-matter values a theme prints raw (Material prints `title`,
    `description` and `author`) with escaped `Markup`, in place. `page_meta` and `page_title`
    still read them as plain text; read front matter through them, not `page.meta`.
    """
    meta = page.meta
    if not meta:
        return
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = Markup(html_attr(value))


def check_site_url(config: MkDocsConfig) -> None:
    """Refuse a site_url the URL check refuses (spaces, a password in it): it is reported once
    and dropped, so no plugin publishes it (as if it were not set)."""
    if not config.site_url:
        return
    problem = check_url(config.site_url, file=display_path(config, config.config_file_path or "mkdocs.yml"),
                        key="site_url", relative=False,
                        fix="write the address the site is published at, like https://www.example.com/")
    if problem is not None:
        report(log, problem)
        config.site_url = None


def canonical_url(page: Page, config: MkDocsConfig) -> str | None:
    """The page's absolute canonical URL: front matter `canonical` (made absolute against
    `site_url`), else `site_url` + the page URL; None without `site_url`."""
    meta, _ = page_meta(page, config)
    site_url = config.site_url
    if meta.canonical:
        if urlsplit(meta.canonical).scheme in ("http", "https"):
            return meta.canonical
        return urljoin(site_url, meta.canonical) if site_url else None
    if not site_url:
        return None
    return _join(site_url if site_url.endswith("/") else site_url + "/", page.url)


def absolute_url(config: MkDocsConfig, url: str) -> str | None:
    """A site-relative URL or path (`assets/x.png`, `/about/`) made absolute against site_url."""
    if urlsplit(url).scheme:
        return url
    if not config.site_url:
        return None
    base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    return _join(base, url.lstrip("/"))


def _join(base: str, path: str) -> str:
    """`urljoin(base, path)` for a base ending in "/", by concatenation when that gives the
    same answer (a plain relative path: no dot segments, no scheme), as it is per page."""
    first = path.split("/", 1)[0]
    if path and not path.startswith(("/", ".", "?", "#")) and "/." not in path and ":" not in first:
        return base + path
    return urljoin(base, path)


def is_404(page: Page) -> bool:
    return page.file.src_uri == "404.md" or page.file.dest_uri == "404.html"


def is_blog_post(page: Page) -> bool:
    """Whether Material's blog plugin made this page a post (not a view, index or archive)."""
    kind = type(page)
    return kind.__name__ == "Post" and kind.__module__.startswith("material.plugins.blog")


# --- third parties the site sends visitors' data to ------------------------------------

@dataclass(frozen=True)
class Processor:
    """A third party the built site sends visitors' data to, declared (on_config) by the
    plugin that configures it. storefront/schema lists them on the privacy page
    (`/// business | processors`); storefront/optimize allows exactly their origins in the
    Content-Security-Policy of `_headers`. Plugins never import each other: this is the contract."""

    plugin: str  # the declaring plugin, e.g. "storefront/analytics"
    name: str  # the provider, as the visitor knows it ("Plausible Analytics")
    purpose: str
    cookies: bool = False
    consent: bool = False  # loads only after the visitor agrees
    when: str = ""  # when data is sent, if not on every visit ("when you subscribe")
    script_src: tuple[str, ...] = ()
    connect_src: tuple[str, ...] = ()
    img_src: tuple[str, ...] = ()


PROCESSORS_KEY = "_storefront_processors"


def declare_processor(config: MkDocsConfig, processor: Processor) -> None:
    """Record the processor a plugin configures for this build (one per plugin)."""
    declared = config.get(PROCESSORS_KEY) or {}
    declared[processor.plugin] = processor
    config[PROCESSORS_KEY] = declared


def processors(config: MkDocsConfig) -> list[Processor]:
    """Every processor declared for this build, in the order the plugins run."""
    return list((config.get(PROCESSORS_KEY) or {}).values())


def csp_sources(config: MkDocsConfig) -> dict[str, list[str]]:
    """The origins each CSP directive must allow for the declared processors, sorted."""
    sources: dict[str, set[str]] = {"script-src": set(), "connect-src": set(), "img-src": set()}
    for item in processors(config):
        sources["script-src"].update(item.script_src)
        sources["connect-src"].update(item.connect_src)
        sources["img-src"].update(item.img_src)
    return {directive: sorted(values) for directive, values in sources.items()}


_TAGS_MARKER = re.compile(r"^\[TAGS\]\s*$", re.M)  # the tags index marker of Material before 9.6


def page_kind(page: Page) -> str:
    """What the page is for: "listing" (a Material blog index, archive or category page, or a
    tags index: it lists pages), "redirect" (front matter `template: redirect.html`: a stub that forwards),
    "post" (a Material blog post) or "page". Listings and redirects are not articles.

    Worked out once per page and build (several plugins ask, for every page and its
    neighbours), again only if a plugin replaced the page's Markdown or front matter since."""
    return _per_page(page, "_storefront_kind", (page.markdown, page.meta), lambda: _page_kind(page))


def _page_kind(page: Page) -> str:
    kind = type(page)
    if kind.__module__.startswith("material.plugins.blog"):
        return "post" if kind.__name__ == "Post" else "listing"
    markdown = page.markdown or ""
    if _lists_tags(markdown):
        return "listing"  # Material's tags plugin writes the tag index here
    template = (page.meta or {}).get("template")
    if isinstance(template, str) and template.rsplit("/", 1)[-1].split(".", 1)[0] == "redirect":
        return "redirect"
    # The tags plugin may already have replaced its marker in page.markdown: look at the
    # Markdown as written.
    try:
        source = page_source(page)
    except AttributeError:  # a page object without a file
        source = None
    if source is None:
        source = page.markdown or ""
    return "listing" if _lists_tags(source) else "page"


def _lists_tags(markdown: str) -> bool:
    """Whether the Markdown holds a Material tags index marker (the literal checks first: a
    multi-line search of every page's text is the slow part)."""
    return "<!-- material/tags" in markdown or ("[TAGS]" in markdown and _TAGS_MARKER.search(markdown) is not None)


# --- output ---------------------------------------------------------------------------

def use_stylesheet(config: MkDocsConfig, dest: str) -> None:
    """Link a plugin's stylesheet from every page (on_config), once."""
    if dest not in config.extra_css:
        config.extra_css.append(dest)


def add_asset(files: Files, config: MkDocsConfig, dest: str, source: Path) -> None:
    """Publish a file the plugin ships (its stylesheet) at `dest`, unless the site has its own
    file there (on_files)."""
    if files.get_file_from_path(dest) is None:
        files.append(File.generated(config, dest, content=source.read_bytes()))


def report(logger: logging.Logger | logging.LoggerAdapter, diagnostic: Diagnostic) -> None:
    """Log one diagnostic (warnings fail `mkdocs build --strict`; info never does)."""
    emit(logger, diagnostic)


def insert_head(output: str, tags: str) -> str:
    """Insert tags just before `</head>` (cheap: no parse of the page)."""
    index = output.find("</head>")
    if index == -1:
        return output
    return output[:index] + tags + output[index:]


_FOOTER_PLACES = {
    # Material: above the dark meta row / inside it, before the copyright.
    "top": ('<div class="md-footer-meta',
            ('<div class="sf-footer-added sf-footer__newsletter md-typeset">'
             '<div class="md-grid sf-footer__grid">{html}</div></div>')),
    "meta": ('<div class="md-footer-meta__inner',
             ('<div class="sf-footer-added md-grid sf-footer__grid sf-footer__meta">'
              '<div class="sf-footer__business">{html}</div></div>')),
}


def add_to_footer(output: str, html: str, *, part: str) -> str:
    """Put a block in the footer of a finished page whose theme templates do not print it
    (a stock Material, mkdocs or readthedocs site: no template work needed).

    `part` "top" goes above Material's footer meta row (the newsletter form), "meta" into
    it, before the copyright (the business). Other themes get the block at the end of their
    `<footer>`, else before `</body>`. Cheap: str.find, no parse of the page."""
    anchor, wrapper = _FOOTER_PLACES[part]
    block = wrapper.format(html=html)
    index = output.find(anchor)
    if index == -1:
        index = output.rfind("</footer>")
        block = f'<div class="sf-footer-added">{html}</div>'
    if index == -1:
        index = output.rfind("</body>")
    if index == -1:
        return output
    return output[:index] + block + output[index:]


def partials_env(config: MkDocsConfig) -> jinja2.Environment:
    """An autoescaping Jinja environment over the theme's folders (custom_dir first) and the
    suite's own templates, so a site overrides `partials/storefront/<name>.html` from its
    custom_dir."""
    return partials.environment(tuple(config.theme.dirs))


def render_partial(config: MkDocsConfig, name: str, **context: Any) -> Markup:
    """Render `partials/storefront/<name>.html` with autoescaping, as Markup for the theme."""
    return partials.render(tuple(config.theme.dirs), name, **context)


__all__ = [
    "AnnouncesChanges",
    "Choice",
    "Processor",
    "absolute_url",
    "add_asset",
    "add_to_footer",
    "announced_changes",
    "canonical_url",
    "csp_sources",
    "declare_processor",
    "display_path",
    "harden_meta",
    "harden_title",
    "insert_head",
    "is_404",
    "is_blog_post",
    "load_config_quietly",
    "log",
    "page_file",
    "page_image",
    "page_meta",
    "page_source",
    "page_title",
    "partials_env",
    "plain_text",
    "processors",
    "project_dir",
    "project_path",
    "reads_shared_meta",
    "refuse_inside_site",
    "render_partial",
    "report",
    "search_title",
    "set_page_image",
    "site_now",
    "site_timezone",
    "source_path",
    "use_stylesheet",
    "watch_data_files",
]


# --- what other plugins and the theme would do too ----------------------------------------

def _option(plugin: Any, name: str, default: Any = None) -> Any:
    """A plugin's option, whether its config is typed (attributes) or legacy (a mapping)."""
    options = getattr(plugin, "config", None)
    try:
        return options[name]  # type: ignore[index]
    except (KeyError, TypeError):
        return getattr(options, name, default)


def _enabled_plugin(config: MkDocsConfig, *names: str) -> Any:
    """The first enabled plugin of those names (`social` or `material/social`), else None."""
    for name, plugin in (config.plugins or {}).items():
        if name.split(" #")[0] in names and _option(plugin, "enabled", True) is not False:
            return plugin
    return None


def neighbour_problems(config: MkDocsConfig, *, cards: bool = False, minify: bool = False,
                       language: bool = False) -> list[Diagnostic]:
    """What another plugin or the theme would do that clashes with ours: two social-card
    makers (two og:image sets), two HTML minifiers, a theme language Material cannot build."""
    where = display_path(config, config.config_file_path or "mkdocs.yml")
    problems = []
    social = _enabled_plugin(config, "social", "material/social") if cards else None
    if social is not None and _option(social, "cards", True):
        problems.append(Diagnostic(
            where, "plugins.social", "Material's social plugin and storefront/seo both make social cards "
            "(two og:image sets; storefront/seo writes the page's tags, so Material's cards go unused)",
            "turn one off: social: {cards: false}, or storefront/seo cards: false"))
    minifier = _enabled_plugin(config, "minify") if minify else None
    if minifier is not None and _option(minifier, "minify_html", False):
        problems.append(Diagnostic(
            where, "plugins.minify", "mkdocs-minify-plugin (minify_html: true) and storefront/optimize both "
            "minify every page's HTML", "keep one: minify_html: false, or storefront/optimize minify: false"))
    lang = config.theme.get("language") if language and config.theme.name == "material" else None
    if isinstance(lang, str) and lang:
        available = {path.stem for folder in config.theme.dirs
                     for path in Path(folder, "partials", "languages").glob("*.html")}
        if available and lang not in available:
            base = lang.replace("_", "-").split("-")[0].lower()
            near = base if base in available else closest(lang, available)
            locale = lang.replace("-", "_")
            fallback = near or "en"
            problems.append(Diagnostic(
                where, "theme.language", f'"{lang}" is not a language Material for MkDocs has, and its '
                f"build would stop on it (this build uses {fallback})", (f"did you mean {near}? " if near else "")
                + "Set the theme's language to one of Material's"
                + (f", and storefront/seo's locale: {locale} for og:locale" if "_" in locale else "")))
            config.theme["language"] = fallback  # so the build goes on and says what is wrong
    return problems


# --- options ------------------------------------------------------------------------------

class Choice(c.Choice):
    """MkDocs' `Choice`, whose error names the nearest choice: "did you mean mailchimp?"."""

    def run_validation(self, value: object) -> Any:
        try:
            return super().run_validation(value)
        except ValidationError as error:
            if isinstance(value, str):
                raise ValidationError(f"{error}{did_you_mean(value, self.choices)}") from None
            raise


# --- for the `storefront` commands ------------------------------------------------------

def load_config_quietly(config_file: str) -> tuple[MkDocsConfig | None, str | None]:
    """Load mkdocs.yml as MkDocs does, for a command: MkDocs' INFO chatter is kept out of its
    output, its warnings go to stderr; on failure, (None, what MkDocs said is wrong)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    class Collect(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    collect = Collect()
    old_level, old_propagate = logger.level, logger.propagate
    # MkDocs' INFO chatter must not end up in a `--next` capture; its problems are kept.
    logger.setLevel(logging.WARNING)
    logger.addHandler(collect)
    logger.propagate = False
    try:
        config = load_config(config_file=config_file)
    except (ConfigurationError, Abort) as error:
        return None, "; ".join(collect.messages) or str(error) or "the configuration is not valid"
    except (OSError, SystemExit) as error:  # a missing file
        return None, f"cannot read {config_file} ({error})"
    finally:
        logger.removeHandler(collect)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
    for message in collect.messages:
        print(f"WARNING: {message}", file=sys.stderr)
    return config, None


# Typed contracts between plugins: what one plugin hands another goes through these, never
# through guessing at attributes.


def set_page_image(page: Page, image: SocialImage | None) -> None:
    """Record the image a page is shared with (storefront/seo does, once per page)."""
    page.storefront_image = image  # type: ignore[attr-defined]


def page_image(page: Page) -> SocialImage | None:
    """The image storefront/seo chose for sharing the page, or None (no seo, or no image)."""
    image = getattr(page, "storefront_image", None)
    return image if isinstance(image, SocialImage) else None


@runtime_checkable
class AnnouncesChanges(Protocol):
    """A plugin whose output changes at a moment of its own (a CTA promotion that ends):
    `storefront calendar --next` and the calendar's exports count that moment."""

    def storefront_next_change(self, config: MkDocsConfig, now: dt.datetime) -> dt.datetime | None: ...


def announced_changes(config: MkDocsConfig, now: dt.datetime) -> list[dt.datetime]:
    """The next change each `AnnouncesChanges` plugin announces, later than `now`. A plugin
    whose method fails is skipped with a warning."""
    moments = []
    for name, plugin in (config.plugins or {}).items():
        if not isinstance(plugin, AnnouncesChanges) or not callable(plugin.storefront_next_change):
            continue
        try:
            moment = plugin.storefront_next_change(config, now)
        except Exception as error:  # noqa: BLE001 - another plugin's bug must not stop ours
            log.warning(f"{name}: storefront_next_change failed ({error}); its changes are left out")
            continue
        if isinstance(moment, dt.datetime) and moment.tzinfo is not None and moment > now:
            moments.append(moment)
    return moments


def page_file(page: Page, files: Files | None, path: str) -> File | None:
    """The file a page's front matter names (`image: pic.png`): a path relative to the page's
    Markdown file, else from the docs folder; `/images/x.png` is from the docs folder only.
    A query or fragment is ignored."""
    if files is None:
        return None
    path = path.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        candidates = [path.lstrip("/")]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path)), path]
    return next((file for candidate in candidates if (file := files.get_file_from_path(candidate)) is not None),
                None)
