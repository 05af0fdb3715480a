"""storefront/schema: schema.org JSON-LD from one business profile, and the same data shown
on the page (footer, `/// business | …` blocks, visible FAQ)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .. import support
from ..core.diagnostics import Diagnostic
from ..core.escape import plain_text
from ..core.frontmatter import key_line
from ..core.urls import url_problem
from . import graph
from .blocks import KINDS, LazyBusinessBlocks
from .config import SchemaConfig
from .pagedata import PageData
from .profile import Business, load_profile
from .view import business_view

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

CSS_PATH = "assets/storefront/business.css"
CSS_SOURCE = Path(__file__).parent / "assets" / "business.css"
NO_DATA = PageData()  # shared by the pages without product, event or faq (never changed)


class SchemaPlugin(BasePlugin[SchemaConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.business: Business | None = None
        self.profile_path: Path | None = None
        self.mkdocs_config: MkDocsConfig | None = None
        self.site: graph.Site | None = None
        self.site_fragment: str | None = None
        self.view: dict[str, Any] | None = None
        self.homepage: Page | None = None
        self.current: Page | None = None
        self.page_data: dict[str, PageData] = {}
        self.faq_placed: set[str] = set()
        self.events_placed: set[str] = set()
        self.files: Files | None = None
        self.blocks_wanted = True  # until a page says otherwise (Material renders excerpts too)
        self.crumb_cache: dict[int, tuple[str, str, int] | None] = {}
        self.footer = ""  # the business footer, for a theme that does not print it

    # --- build-wide ---------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.business, self.site_fragment, self.view, self.site = None, None, None, None
        self.page_data, self.faq_placed, self.homepage, self.current = {}, set(), None, None
        self.events_placed = set()
        self.crumb_cache = {}
        self.footer = ""
        self.mkdocs_config = config
        if not self.config.enabled:
            return config
        if self.config.footer and self.config.css:
            support.use_stylesheet(config, CSS_PATH)
        self.profile_path = support.project_path(config, self.config.business)
        shown = support.display_path(config, self.profile_path)
        if not self.profile_path.is_file():
            support.report(log, Diagnostic(shown, "", "business profile not found",
                                           "create it (see the storefront/schema README section) or set the "
                                           "plugin's business: option to its path"))
        else:
            try:
                text = self.profile_path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                support.report(log, Diagnostic(shown, "", f"cannot be read ({error})", "save it as UTF-8 text"))
            else:
                self.business, problems = load_profile(text, shown)
                for problem in problems:
                    support.report(log, problem)
                if self.business is not None and self.business.timezone is None:
                    self.business.timezone = support.site_timezone(config)
                elif self.business is not None:
                    self._check_timezone(config, shown)
        support.check_site_url(config)
        if self.config.json_ld and not config.site_url:
            support.report(log, Diagnostic("mkdocs.yml", "site_url", "is not set, so storefront/schema leaves the "
                                           "JSON-LD out (schema.org @ids must be absolute URLs)",
                                           "set site_url to the address the site is published at"))
        config.markdown_extensions.append(LazyBusinessBlocks(self.render_block, lambda: self.blocks_wanted))
        return config

    def _check_timezone(self, config: MkDocsConfig, shown: str) -> None:
        """The timezone is said once: the profile's own must agree with storefront/calendar's."""
        assert self.business is not None and self.profile_path is not None
        calendar = config.plugins.get(support.CALENDAR_PLUGIN) if config.plugins else None
        site_name = getattr(getattr(calendar, "config", None), "timezone", None)
        own = getattr(self.business.timezone, "key", str(self.business.timezone))
        if not site_name or site_name == own:
            return
        support.report(log, Diagnostic(
            shown, "timezone", f"is {own}, but storefront/calendar's timezone is {site_name}",
            "say the timezone once: remove timezone: from the profile (it then follows the calendar's), "
            "or make the two the same", _profile_line(self.profile_path, "timezone")))

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        if self.config.enabled and self.profile_path is not None:
            support.watch_data_files(server, self.profile_path)
        return server

    def _now(self) -> dt.datetime:
        assert self.mkdocs_config is not None
        return support.site_now(self.mkdocs_config)

    def _view(self) -> dict[str, Any] | None:
        if self.view is None and self.business is not None:
            self.view = business_view(self.business, self._now(), self.config.upcoming_days, self.config.clock)
        return self.view

    def _site(self, config: MkDocsConfig) -> graph.Site:
        if self.site is None:
            self.site = graph.Site(
                url=config.site_url or "", name=plain_text(config.site_name),
                description=plain_text(config.site_description),
                language=_language(config), business=self.business,
                resolve=lambda path: self._site_link(config, path), now=self._now())
        return self.site

    def _site_fragment(self, config: MkDocsConfig) -> str:
        if self.site_fragment is None:  # website, business and branches: the same on every page
            self.site_fragment = graph.serialise_nodes(graph.site_nodes(self._site(config)))
        return self.site_fragment

    @event_priority(-50)  # after the theme and other plugins add their globals
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return env
        footer = Markup("")
        if self._view() is not None and self.config.footer:
            footer = support.render_partial(config, "business-footer", business=self.view)
        env.globals.setdefault("storefront", {})["business_footer"] = footer  # type: ignore[index]
        self.footer = str(footer)
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        self.files = files
        if self.config.enabled and self.config.footer and self.config.css:
            support.add_asset(files, config, CSS_PATH, CSS_SOURCE)
        if self.config.enabled and self.business is not None and self.business.logo:
            self._check_logo(config, files, self.business.logo)
        return files

    def _check_logo(self, config: MkDocsConfig, files: Files, logo: str) -> None:
        """Google's logo rule: a raster image (PNG, JPG, WebP, GIF) of at least 112x112 px."""
        assert self.profile_path is not None
        shown = support.display_path(config, self.profile_path)
        line = _profile_line(self.profile_path, "logo")
        fix = ("add a PNG of the logo, at least 112x112 px (square works best), and point logo: at it; "
               "the SVG can stay the theme's logo")
        path = urlsplit(logo).path
        if path.lower().endswith((".svg", ".svgz")):
            support.report(log, Diagnostic(shown, "logo", f'"{logo}" is an SVG, which Google does not accept '
                                           "as a logo", fix, line))
            return
        if urlsplit(logo).scheme:
            return  # another site's image: its size cannot be checked at build time
        file = files.get_file_from_path(logo.lstrip("/"))
        if file is None or not file.abs_src_path:
            return
        try:
            from PIL import Image, UnidentifiedImageError

            with Image.open(file.abs_src_path) as image:
                width, height = image.size
        except (OSError, UnidentifiedImageError, ValueError):
            support.report(log, Diagnostic(shown, "logo", f'"{logo}" cannot be read as an image', fix, line))
            return
        if width < 112 or height < 112:
            support.report(log, Diagnostic(shown, "logo", f'"{logo}" is {width}x{height} px; Google needs a logo '
                                           "of at least 112x112 px", fix, line))

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.homepage = nav.homepage
        return nav

    # --- per page -----------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.current = page
        self.blocks_wanted = "business" in markdown and "///" in markdown
        if not self.config.enabled:
            return markdown
        support.page_meta(page, config)  # reports the page's shared front-matter problems once
        meta = page.meta or {}
        if any(key in meta for key in ("product", "event", "faq")):
            from .pagedata import (
                read_page_data,  # only pages with products, events or a FAQ need it
            )

            data, problems = read_page_data(meta, path=support.source_path(page, config),
                                            source=support.page_source(page),
                                            tz=support.site_timezone(config), now=self._now())
            for problem in problems:
                support.report(log, problem)
            self._resolve_images(page, config, data)
            self._resolve_links(page, config, data)
            self.page_data[page.file.src_uri] = data
            self._check_event_places(page, config, data)
        return markdown

    def _resolve_images(self, page: Page, config: MkDocsConfig, data: PageData) -> None:
        """Product and event images as storefront/seo reads `image`: a URL, a path relative to
        the page, or a path from the docs folder; made absolute, or reported and left out."""
        for key, items in (("product", data.products), ("event", data.events)):
            for item in items:
                if not item.image or urlsplit(item.image).scheme:
                    continue
                absolute = _page_relative(page, self.files, config, item.image)
                if absolute is None and self.files is not None and config.site_url:
                    support.report(log, Diagnostic(
                        support.source_path(page, config), f"{key}.image",
                        f'"{item.image}" is not a file in {support.display_path(config, config.docs_dir)}',
                        "put the image there, or write its path relative to this page "
                        "or to the docs folder (/images/x.jpg)",
                        key_line(support.page_source(page), key)))
                item.image = absolute or ""

    def _site_link(self, config: MkDocsConfig, path: str) -> str | None:
        """A profile field's path as Markdown resolves links from the docs folder: a page's
        source (`menu.md`) becomes that page's URL; other paths and URLs are made absolute."""
        if not urlsplit(path).scheme and self.files is not None:
            target, _, fragment = path.partition("#")
            file = self.files.get_file_from_path(target.lstrip("/")) if target else None
            if file is not None:
                return (support.absolute_url(config, file.url) or "") + (f"#{fragment}" if fragment else "")
        return support.absolute_url(config, path)

    def _resolve_links(self, page: Page, config: MkDocsConfig, data: PageData) -> None:
        """Links in data fields (an event offer's or online location's `url`) as Markdown
        resolves `[text](contact.md)`: relative to the page, or from the docs folder with a
        leading `/`; a page's source becomes its URL. A missing page is reported and dropped."""
        for index, event in enumerate(data.events):
            key = "event" if len(data.events) == 1 and isinstance(page.meta.get("event"), dict) else f"event[{index}]"
            for number, offer in enumerate(event.offers):
                if offer.url:
                    offer.url = self._data_link(page, config, offer.url, f"{key}.offers[{number}].url")
            if isinstance(event.location, dict) and event.location.get("url"):
                event.location["url"] = self._data_link(page, config, event.location["url"], f"{key}.location.url")

    def _data_link(self, page: Page, config: MkDocsConfig, target: str, key: str) -> str:
        if urlsplit(target).scheme:
            return target
        path, _, fragment = target.partition("#")
        absolute = _page_relative(page, self.files, config, path) if path else support.canonical_url(page, config)
        if absolute is None:
            if self.files is not None:
                support.report(log, Diagnostic(
                    support.source_path(page, config), key, f'"{target}" is not a page or file of the site',
                    "link a page by its Markdown file as in a Markdown link (contact.md, ../about.md), "
                    "or write a full https:// URL",
                    key_line(support.page_source(page), key.split(".")[0].split("[")[0])))
            return ""
        return absolute + (f"#{fragment}" if fragment else "")

    def _check_event_places(self, page: Page, config: MkDocsConfig, data: PageData) -> None:
        if not config.site_url or not self.config.json_ld:
            return
        site = self._site(config)
        for index, event in enumerate(data.events):
            location, _ = graph.event_location(site, event)
            if location is not None:
                continue
            key = "event" if len(data.events) == 1 and isinstance(page.meta.get("event"), dict) else f"event[{index}]"
            what = f'"{event.location}" is not the business or one of its branches' if isinstance(event.location, str) \
                else "is missing, and the business has no address to default to"
            support.report(log, Diagnostic(support.source_path(page, config), f"{key}.location", what,
                                           "name a branch from the business profile, or give {name, address}; "
                                           "the event is left out of the structured data",
                                           key_line(support.page_source(page), "event")))

    def render_block(self, kind: str, branch: str, body: str) -> str:
        """HTML for `/// business | <kind>` in the page being rendered."""
        config, page = self.mkdocs_config, self.current
        assert config is not None
        if kind not in KINDS:
            self._block_problem(page, kind, f'"{kind}" is not a business block',
                                "use hours, contact, faq, events or processors")
            return ""
        if body:
            self._block_problem(page, kind, "has text inside the block",
                                "close the block with /// on the line after the header; the text was left out")
        if kind == "events":
            data = self.page_data.get(page.file.src_uri) if page is not None else None
            if not data or not data.events:
                self._block_problem(page, kind, "the page has no upcoming event: front matter",
                                    "add event: with name and start, or remove the block")
                return ""
            self.events_placed.add(page.file.src_uri)  # type: ignore[union-attr]  # no page: returned above
            return self._events_html(data)
        if kind == "processors":
            # The third parties the site's plugins declared (newsletter, analytics), from the
            # configuration, so the privacy page never falls out of date.
            return str(support.render_partial(config, "business-processors",
                                              processors=support.processors(config)))
        if kind == "faq":
            data = self.page_data.get(page.file.src_uri) if page is not None else None
            if not data or not data.faq:
                self._block_problem(page, kind, "the page has no faq: front matter",
                                    "add faq: with question/answer pairs, or remove the block")
                return ""
            self.faq_placed.add(page.file.src_uri)  # type: ignore[union-attr]  # no page: returned above
            return self._faq_html(data)
        view = self._view()
        if view is None:
            self._block_problem(page, kind, "there is no business profile to show",
                                f"create {self.config.business} (see the storefront/schema README section)")
            return ""
        location = view
        if branch:
            matches = [b for b in view["branches"] if b["name"].casefold() == branch.strip().casefold()]
            if not matches:
                self._block_problem(page, kind, f'"{branch}" is not a branch in the business profile',
                                    "use a branch name exactly as in " + self.config.business)
                return ""
            location = matches[0]
        return str(support.render_partial(config, f"business-{kind}", business=view, location=location))

    def _block_problem(self, page: Page | None, kind: str, problem: str, fix: str) -> None:
        config = self.mkdocs_config
        assert config is not None
        line = None
        source = support.page_source(page) if page is not None else None
        if source:
            for number, text in enumerate(source.splitlines(), start=1):
                if text.lstrip().startswith("///") and "business" in text and kind in text.lower():
                    line = number
                    break
        path = support.source_path(page, config) if page is not None else "?"
        support.report(log, Diagnostic(path, f"/// business | {kind}", problem, fix, line))

    def _faq_html(self, data: PageData) -> str:
        assert self.mkdocs_config is not None
        questions = [{"question": q.question, "answer": q.answer} for q in data.faq]
        return str(support.render_partial(self.mkdocs_config, "business-faq", questions=questions,
                                          heading=self.config.faq_heading))

    def _events_html(self, data: PageData) -> str:
        assert self.mkdocs_config is not None
        from .view import events_view

        return str(support.render_partial(self.mkdocs_config, "business-events",
                                          events=events_view(data.events, self.business, self.config.clock),
                                          heading=self.config.events_heading))

    @event_priority(-50)  # after content plugins, so the events and the FAQ land at the very end
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        data = self.page_data.get(page.file.src_uri)
        if not data:
            return html
        uri = page.file.src_uri
        if self.config.events_auto and data.events and uri not in self.events_placed:
            self.events_placed.add(uri)
            html += self._events_html(data)
        if self.config.faq_auto and data.faq and uri not in self.faq_placed:
            html += self._faq_html(data)
        return html

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """The theme's 404.html is a template, not a page: it gets the footer here."""
        if self.config.enabled and template_name == "404.html":
            return self._with_footer(output_content)
        return output_content

    def _with_footer(self, output: str) -> str:
        if self.footer and 'class="sf-business-footer"' not in output:
            # The theme's templates do not print storefront.business_footer (a stock theme).
            output = support.add_to_footer(output, self.footer, part="meta")
        return output

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        output = self._with_footer(output)
        if not self.config.json_ld or not config.site_url or support.is_404(page):
            return output
        url = support.canonical_url(page, config)
        if not url:
            return output
        facts = self._facts(page, config, url)
        page_fragment = graph.serialise_nodes(graph.page_nodes(self._site(config), facts))
        return support.insert_head(output, graph.script(self._site_fragment(config), page_fragment))

    def _facts(self, page: Page, config: MkDocsConfig, url: str) -> graph.PageFacts:
        meta, _ = support.page_meta(page, config)
        name = _name(page) or plain_text(config.site_name)
        home = page.is_homepage
        facts = graph.PageFacts(
            url=url, title=support.search_title(page, config).text or name,
            description=meta.description or (plain_text(config.site_description) if home else "") or "",
            is_home=home, crumbs=self._crumbs(page, config, url, name), image=self._image(page, config, meta),
            data=self._shown_data(page),
        )
        if meta.published is not None:
            facts.article = graph.Article(
                headline=support.page_title(page), published=meta.published, modified=meta.updated,
                authors=self._authors(page, config, meta.authors), keywords=list(meta.tags),
                section=meta.categories[0] if meta.categories else "")
        return facts

    def _shown_data(self, page: Page) -> PageData:
        """The page's data as far as the page shows it: an event that is not listed on the
        page (events_auto off and no block) is left out of the JSON-LD too."""
        data = self.page_data.get(page.file.src_uri, NO_DATA)
        if data.events and page.file.src_uri not in self.events_placed:
            return PageData(products=data.products, events=[], faq=data.faq)
        return data

    def _image(self, page: Page, config: MkDocsConfig, meta) -> graph.Image | None:
        image = support.page_image(page)
        if image is not None and image.url:
            return graph.Image(url=image.url, width=image.width, height=image.height,
                               alt=support.plain_text(image.alt or ""))
        if meta.image:
            absolute = _page_relative(page, self.files, config, meta.image)
            if absolute:
                return graph.Image(url=absolute, alt=meta.image_alt or "")
        return None

    def _authors(self, page: Page, config: MkDocsConfig, names: list[str]) -> list[dict[str, str]]:
        authors = getattr(page, "authors", None)  # Material's blog resolves .authors.yml onto posts
        if authors:
            out = []
            for author in authors:
                name = getattr(author, "name", None)
                if name:
                    url = getattr(author, "url", None)
                    safe = url and url_problem(str(url)) is None  # a Person's url, never javascript: or the like
                    absolute = (support.absolute_url(config, str(url)) or "") if safe else ""
                    out.append({"name": str(name), "url": absolute})
            if out:
                return out
        return [{"name": name} for name in names]

    def _crumbs(self, page: Page, config: MkDocsConfig, url: str, name: str) -> list[tuple[str, str]]:
        """Home, then each enclosing section that has an index page (named as the nav names
        the section), then the page. The crumbs of sections are the same for all their pages,
        so each is worked out once per build."""
        trail: list[tuple[str, str]] = []
        seen: set[int] = {id(page)}
        node = page.parent
        while node is not None:
            crumb = self._crumb_of(node, config)
            if crumb is not None and crumb[2] not in seen:
                seen.add(crumb[2])
                trail.insert(0, crumb[:2])
            node = node.parent
        home = self.homepage
        if home is not None and id(home) not in seen:
            crumb = self._crumb_of(home, config)
            if crumb is not None:
                trail.insert(0, crumb[:2])
        trail.append((name, url))
        return trail

    def _crumb_of(self, node: Page | Section, config: MkDocsConfig) -> tuple[str, str, int] | None:
        key = id(node)
        if key not in self.crumb_cache:
            crumb = None
            target = _section_index(node) if isinstance(node, Section) else node if isinstance(node, Page) else None
            if target is not None:
                name = (support.plain_text(node.title) if isinstance(node, Section) else "") or _name(target)
                absolute = support.absolute_url(config, target.url or "")
                if absolute:
                    crumb = (name or plain_text(config.site_name), absolute, id(target))
            self.crumb_cache[key] = crumb
        return self.crumb_cache[key]


def _profile_line(path: Path, key: str) -> int | None:
    try:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if text.startswith(f"{key}:"):
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _name(page: Page) -> str:
    """The page's plain title; for a section index MkDocs could only name after its file
    ("Index"), the section's title."""
    title = support.page_title(page)
    parent = page.parent
    if (title == "Index" and not (page.meta or {}).get("title") and isinstance(parent, Section)
            and page.file.src_uri.rsplit("/", 1)[-1] == "index.md"):
        return support.plain_text(parent.title) or title
    return title


def _section_index(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.src_uri.rsplit("/", 1)[-1] in ("index.md", "README.md"):
            return child
    return None


def _page_relative(page: Page, files: Files | None, config: MkDocsConfig, image: str) -> str | None:
    """Front matter `image` as storefront/seo reads it: a URL, a path relative to the page's
    Markdown file, or a path from the docs folder (`/images/x.png`), made absolute."""
    if urlsplit(image).scheme:
        return image
    file = support.page_file(page, files, image)
    return support.absolute_url(config, file.url) if file is not None else None


def _language(config: MkDocsConfig) -> str:
    theme = config.theme
    language = theme.get("language") if hasattr(theme, "get") else None
    return str(language or theme.locale or "") if hasattr(theme, "locale") else str(language or "")
