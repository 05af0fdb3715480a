"""storefront/calendar: decides what is public, and keeps the editorial calendar.

Runs first. In `on_files` it reads the front matter of every Markdown page (the YAML header
only) and excludes drafts, scheduled and expired pages from `mkdocs build` before any other
plugin sees them; in `mkdocs serve` it shows them with a banner instead. At the end of the
build it writes the private calendar (HTML, iCalendar, JSON) outside site_dir.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .. import support
from ..core.diagnostics import Diagnostic, Severity
from . import cadence, export
from .config import CalendarConfig
from .links import UnpublishedLinks
from .model import build_items
from .plan import load_plan
from .schedule import HeaderCache, PageEntry
from .states import blog_post_dirs, describe_state, read_states, site_next_change
from .views import signature, write_views

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Literal

    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

# The publishing state lives in states.py (shared with the `storefront calendar` and `check` commands).

# --- the plugin -----------------------------------------------------------------------

class CalendarPlugin(BasePlugin[CalendarConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.entries: dict[str, PageEntry] = {}
        self.showing = False
        self.links: UnpublishedLinks | None = None

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        if self.config.enabled:  # mkdocs serve rebuilds when the plan changes
            support.watch_data_files(server, support.project_path(config, self.config.plan))
        return server

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.is_serve = command == "serve"

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.entries = {}
        self.links = None
        if not self.config.enabled:
            return None
        self.tz = support.site_timezone(config)
        self.now = support.site_now(config)
        self.showing = self.is_serve and self._show_unpublished(config)
        self._check_output_dir(config)
        support.refuse_inside_site(config, "storefront/calendar", self.config, "cache_dir")
        self._check_neighbours(config)
        if not self.showing:
            self._config = config
            self.links = UnpublishedLinks(current=self._current_src, report=self._report_link)
            config.markdown_extensions.append(self.links)
        return config

    def _show_unpublished(self, config: MkDocsConfig) -> bool:
        if self.config.show_unpublished is not None:
            return self.config.show_unpublished
        blog = config.plugins.get("material/blog")
        if blog is not None and getattr(blog.config, "enabled", False):
            return bool(blog.config.draft_on_serve)
        return True

    def _check_output_dir(self, config: MkDocsConfig) -> None:
        if not self.config.formats:
            return
        output = support.project_path(config, self.config.output_dir).resolve()
        site = Path(config.site_dir).resolve()
        if output == site or site in output.parents:
            raise PluginError(
                f"storefront/calendar: output_dir \"{self.config.output_dir}\" is inside site_dir, so the "
                "calendar of unpublished work would be deployed; set output_dir to a folder outside "
                "site_dir, like .storefront/calendar")

    def _check_neighbours(self, config: MkDocsConfig) -> None:
        """Keep Material's blog plugin and mkdocs-rss-plugin in step with our clock and zone."""
        config_name = support.display_path(config, config.config_file_path or "mkdocs.yml")
        for name, plugin in config.plugins.items():
            module = type(plugin).__module__
            options: Any = getattr(plugin, "config", None)
            if module.startswith("mkdocs_rss_plugin") and getattr(options, "enabled", False):
                zone_name = options.date_from_meta.default_timezone
                if zone_name != self.config.timezone and not (
                        zone_name in ("UTC", "Etc/UTC") and self.config.timezone in ("UTC", "Etc/UTC")):
                    support.report(log, Diagnostic(
                        config_name, f"plugins.{name}.date_from_meta.default_timezone",
                        f'is "{zone_name}" but the site timezone is "{self.config.timezone}", so feed '
                        "dates would differ from the site's",
                        f"set date_from_meta: {{default_timezone: {self.config.timezone}}} under {name}"))
            if module.startswith("material.plugins.blog") and getattr(options, "enabled", False):
                if options.draft_if_future_date:
                    log.info(f"{config_name}: plugins.{name}.draft_if_future_date: storefront/calendar "
                             "already keeps future posts out, in the site timezone and on the build "
                             "clock; you can remove draft_if_future_date")
                if self.config.show_unpublished and not options.draft_on_serve and self.is_serve:
                    support.report(log, Diagnostic(
                        config_name, "plugins.storefront/calendar.show_unpublished",
                        f"is true but {name} has draft_on_serve: false, so drafts would be hidden "
                        "while scheduled posts show",
                        "set both the same, or leave show_unpublished out to follow draft_on_serve"))

    # -- deciding what is public --------------------------------------------------------

    @event_priority(100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        cache = HeaderCache(support.project_path(config, self.config.cache_dir) / "headers.json")
        self.entries, problems = read_states(files, config, tz=self.tz, now=self.now, cache=cache)
        cache.save()
        # storefront/seo, lint, schema and cta report the shared front-matter keys of every
        # page they render (support.page_meta): leave those to them, so each problem is
        # reported once (they never see the pages kept out).
        shared_by_seo = support.reads_shared_meta(config)
        for problem in problems:
            entry = self.entries.get(problem.extra.get("src_uri", ""))
            rendered = entry is not None and (not entry.hidden or self.showing)
            if shared_by_seo and rendered and problem.extra.get("shared"):
                continue
            support.report(log, problem)
        hidden = {}
        for src_uri, entry in self.entries.items():
            if not entry.hidden:
                continue
            hidden[src_uri] = entry
            if not self.showing:
                file = files.get_file_from_path(src_uri)
                if file is not None:
                    file.inclusion = InclusionLevel.EXCLUDED
        if self.links is not None:
            self.links.hidden = hidden
        self._private_media = {} if self.showing else self._media_of(hidden, files)
        self._linked: set[str] = set()
        if hidden:
            shown = "shown with a banner (serve)" if self.showing else "left out of the site"
            log.info(f"{len(hidden)} unpublished page(s) {shown}: "
                     + ", ".join(f"{e.src_uri} ({e.state.value})" for e in list(hidden.values())[:10])
                     + (" …" if len(hidden) > 10 else ""))
        return files

    def _media_of(self, hidden: dict, files: Files) -> dict[str, Any]:
        """The media files the unpublished pages point to (candidates to leave out)."""
        from .media import source_targets

        found: dict[str, Any] = {}
        for src_uri in hidden:
            file = files.get_file_from_path(src_uri)
            if file is None:
                continue
            try:
                text = file.content_string
            except (OSError, UnicodeDecodeError, TypeError):
                continue
            for path in source_targets(text, src_uri):
                target = files.get_file_from_path(path)
                if target is not None and not target.is_documentation_page() and target.inclusion.is_included():
                    found[target.src_uri] = target
        return found

    @event_priority(100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Drop nav entries (from mkdocs.yml's nav) that point to pages left out of the site,
        and mend the previous/next links around them."""
        if not self.config.enabled or self.showing:
            return None
        hidden = {uri for uri, entry in self.entries.items() if entry.hidden}
        if not hidden:
            return None

        def keep(item: Any) -> bool:
            file = getattr(item, "file", None)
            return not (isinstance(item, Page) and file is not None and file.src_uri in hidden)

        def prune(items: list) -> list:
            kept = []
            for item in items:
                if isinstance(item, Section):
                    item.children = prune(item.children)
                if keep(item):
                    kept.append(item)
            return kept

        before = len(nav.pages)
        nav.items = prune(nav.items)
        nav.pages = [page for page in nav.pages if keep(page)]
        if len(nav.pages) != before:
            for index, page in enumerate(nav.pages):
                page.previous_page = nav.pages[index - 1] if index else None
                page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
        return nav

    # -- links to unpublished pages -------------------------------------------------------

    def _current_src(self) -> str | None:
        page = getattr(getattr(self, "_config", None), "_current_page", None)
        file = getattr(page, "file", None)
        return getattr(file, "src_uri", None)

    def _report_link(self, source_uri: str, href: str, target_uri: str) -> None:
        source = self.entries.get(source_uri)
        target = self.entries.get(target_uri)
        path = source.path if source else source_uri
        line = None
        file_path = None
        if source is not None:
            file_path = support.project_path(self._config, source.path)
        if file_path is not None and file_path.is_file():
            text = file_path.read_text(encoding="utf-8-sig", errors="replace")
            index = text.find(href)
            if index != -1:
                line = text.count("\n", 0, index) + 1
        state = describe_state(target, self.tz) if target else "unpublished"
        state = state[:1].lower() + state[1:]
        support.report(log, Diagnostic(
            path, "link", f'"{href}" points to {target.path if target else target_uri}, '
            f"which is {state}; the built page keeps the link text without the link",
            "remove the link, or add it when that page is published", line))

    @event_priority(100)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Links to hidden pages go before anything reads the Markdown (feed abstracts,
        Material's excerpts); the tree processor catches what this misses (reference links)."""
        if self.links is None or not self.links.hidden:
            return None
        return self.links.strip(markdown, page.file.src_uri)

    # -- serve: the banner --------------------------------------------------------------

    @event_priority(-100)  # the final content, after plugins that add to it
    def _links_of_published(self, html_: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        if not self.config.enabled or not getattr(self, "_private_media", None):
            return
        from .media import html_targets, source_targets

        self._linked |= html_targets(html_, page.url)
        image = (page.meta or {}).get("image")
        if isinstance(image, str):  # the social image (written into <head>, not the content)
            for path in source_targets(f"image: {image}", page.file.src_uri):
                target = files.get_file_from_path(path)
                if target is not None:
                    self._linked.add(unquote(target.url).lstrip("/"))

    def _banner(self, html_: str, *, page: Page, config: MkDocsConfig, files: Files
                ) -> str | None:
        if not self.config.enabled or not self.showing or not self.config.banner:
            return None
        entry = self.entries.get(page.file.src_uri)
        if entry is None or not entry.hidden:
            return None
        banner = support.render_partial(config, "calendar-banner", state=entry.state.value,
                                        text=describe_state(entry, self.tz), timezone=self.config.timezone)
        return str(banner) + html_

    on_page_content = CombinedEvent(_banner, _links_of_published)

    # -- the editorial calendar ---------------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        files = {file.src_uri: file for file in getattr(self, "_files", None) or ()}
        for entry in self.entries.values():
            file = files.get(entry.src_uri)
            page = file.page if file is not None else None
            if page is not None and not entry.hidden and page.title and "title" not in (page.meta or {}):
                entry.title = support.page_title(page)
            if page is not None and not entry.hidden:
                entry.url = page.canonical_url or page.url
        plan_path = support.project_path(config, self.config.plan)
        plan_name = support.display_path(config, plan_path)
        planned, problems = load_plan(plan_path, name=plan_name, tz=self.tz)
        for problem in problems:
            support.report(log, problem)
        items = build_items(self.entries.values(), planned, now=self.now, plan_name=plan_name)
        severity: Severity = self.config.cadence_level  # type: ignore[assignment]
        config_name = support.display_path(config, config.config_file_path or "mkdocs.yml")
        messages = cadence.quiet_stretch(items, now=self.now, days=self.config.cadence_days, tz=self.tz,
                                         config_name=config_name, plan_name=plan_name, severity=severity)
        if self.config.overdue:
            messages += cadence.overdue(items, now=self.now, tz=self.tz, severity=severity)
        for message in messages:
            support.report(log, message)
        self._write(config, items)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self._files = files
        # Every page has been rendered, no file has been copied yet: leave out the media only
        # unpublished pages use.
        private = getattr(self, "_private_media", None) or {}
        left_out = [file for file in private.values() if unquote(file.url).lstrip("/") not in self._linked]
        for file in left_out:
            file.inclusion = InclusionLevel.EXCLUDED
        if left_out:
            log.info(f"{len(left_out)} file(s) only unpublished pages use left out of the site: "
                     + ", ".join(file.src_uri for file in left_out[:10]) + (" …" if len(left_out) > 10 else ""))
        return None

    def _write(self, config: MkDocsConfig, items: list) -> None:
        if not self.config.formats:
            return
        output = support.project_path(config, self.config.output_dir)
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            support.report(log, Diagnostic(
                "mkdocs.yml", "plugins.storefront/calendar.output_dir",
                f"{support.display_path(config, output)} cannot be created ({error.strerror or error}), "
                "so the editorial calendar was not written",
                "make the folder writable, remove the file in its way, or set output_dir: to another folder"))
            return
        upcoming = site_next_change(config, self.entries, self.now)
        name = config.site_name or "Site"
        # The HTML and iCalendar files are for the work ahead: old items only slow them down.
        since = self.now - dt.timedelta(days=max(self.config.history_days, 0))
        recent = [item for item in items if item.when is None or item.when >= since]
        written = []
        if "json" in self.config.formats:
            (output / "calendar.json").write_text(export.to_json(
                items, tz=self.tz, tz_name=self.config.timezone, now=self.now, next_change=upcoming),
                encoding="utf-8")
            written.append("calendar.json")
        views = [fmt for fmt in ("html", "ics") if fmt in self.config.formats]
        # The HTML and iCalendar files change only when an item, the day or the next change
        # does: a build that would write the same calendar again keeps the files it has.
        shown = signature(recent, views, tz=self.tz, tz_name=self.config.timezone, site_name=name,
                          now=self.now, upcoming=upcoming)
        stamp = support.project_path(config, self.config.cache_dir) / "calendar.sha256"
        targets = [output / f"calendar.{fmt}" for fmt in views]
        fresh = all(target.exists() for target in targets) and _read(stamp) == shown
        if views and not fresh:
            write_views(output, views, recent, site_name=name, tz=self.tz, tz_name=self.config.timezone,
                        now=self.now, upcoming=upcoming)
            self._save_stamp(config, stamp, shown)
        written += [target.name + ("" if not fresh else " (unchanged)") for target in targets]
        log.info(f"Editorial calendar written to {support.display_path(config, output)}: "
                 + ", ".join(written))


    def _save_stamp(self, config: MkDocsConfig, stamp: Path, signature: str) -> None:
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(signature, encoding="utf-8")
        except OSError as error:  # the cache only saves work: say so once, go on
            support.report(log, Diagnostic(
                "mkdocs.yml", "plugins.storefront/calendar.cache_dir",
                f"{support.display_path(config, stamp.parent)} cannot be written ({error.strerror or error}), "
                "so the calendar is rewritten on every build",
                "make the folder writable, remove the file in its way (an empty .cache file?), "
                "or set cache_dir: to another folder"))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


__all__ = ["CalendarPlugin", "blog_post_dirs", "describe_state", "read_states"]
