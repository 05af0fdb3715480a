"""What is public: the publishing state of every page and the next change of the site.

Used by storefront/calendar's plugin and by the `storefront calendar` and `storefront check`
commands. No mkdocs import: MkDocs' config and files are read through their attributes.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import support
from ..core import clock
from ..core.diagnostics import Diagnostic
from .schedule import KEYS, HeaderCache, PageEntry, State, next_change, page_entry, read_header

if TYPE_CHECKING:
    from ..support import File, Files, MkDocsConfig

log = support.log

_OWN_KEYS = ("date", "expires", "draft", "promote")
"""Front-matter keys whose problems this plugin reports (other plugins report the rest)."""


def blog_post_dirs(config: MkDocsConfig) -> list[str]:
    """The posts folders (docs-relative, ending in /) of every enabled Material blog plugin."""
    dirs = []
    for name, plugin in (config.plugins or {}).items():
        if not name.split(" #")[0].endswith("blog") or not hasattr(plugin, "config"):
            continue
        options = plugin.config
        if not getattr(options, "enabled", False) or not hasattr(options, "post_dir"):
            continue
        blog = posixpath.normpath(options.blog_dir)
        dirs.append(posixpath.normpath(options.post_dir.format(blog=blog)) + "/")
    return dirs


def read_states(files: Files, config: MkDocsConfig, *, tz: dt.tzinfo, now: dt.datetime,
                cache: HeaderCache | None = None) -> tuple[dict[str, PageEntry], list[Diagnostic]]:
    """The publishing state of every included Markdown page, and the problems found.

    Only our keys' problems are returned (other plugins report titles, robots and so on).
    """
    cache = cache or HeaderCache(None)
    entries: dict[str, PageEntry] = {}
    problems: list[Diagnostic] = []
    post_dirs = blog_post_dirs(config)
    docs_dir = str(Path(config.docs_dir).resolve())
    docs_name = support.display_path(config, docs_dir)
    for file in files.documentation_pages():
        source: Any = file.abs_src_path
        if source is None:
            try:
                source = file.content_bytes
            except (OSError, TypeError):
                continue
        path = _shown_path(file, config, docs_dir, docs_name)
        try:
            meta, header, _, yaml_error = (cache.read(source) if isinstance(source, str)
                                           else read_header(source, keys=KEYS))
        except OSError as error:
            problems.append(Diagnostic(path, "", f"cannot be read ({error.strerror})", "check the file"))
            continue
        if yaml_error:
            entries[file.src_uri] = PageEntry(file.src_uri, path, _fallback_title(file), State.DRAFT,
                                              unreadable_date=True, line=1)
            problems.append(_yaml_problem(path, yaml_error))
            continue
        entry, found = page_entry(file.src_uri, meta, path=path, header=header, now=now, tz=tz)
        problems += _own_problems(found, file.src_uri)
        if any(file.src_uri.startswith(d) for d in post_dirs):
            entry.channel = "blog"
            problem = _blog_date_problem(entry, meta, path)
            if problem is not None:
                problems.append(problem)
        if "title" not in meta and (entry.dated or entry.hidden or entry.expires or entry.promotions):
            _, _, heading, _ = (cache.read(source, want_heading=True) if isinstance(source, str)
                                else read_header(source, want_heading=True))
            if heading:
                entry.title = heading
        entries[file.src_uri] = entry
    return entries, problems


_IMPOSSIBLE = re.compile(r"^line (\d+), ([\w-]+): (.*)$")


def _own_problems(found: list[Diagnostic], src_uri: str) -> list[Diagnostic]:
    """The problems with the calendar's keys: those read_meta checks for every plugin are
    "shared" (reported once by whichever plugin comes first); `promote` is ours alone."""
    own = []
    for d in found:
        top = d.key.split(".")[0].split("[")[0]
        if top in _OWN_KEYS:
            own.append(replace(d, extra={"src_uri": src_uri, "shared": top != "promote"}))
    return own


def _shown_path(file: Any, config: MkDocsConfig, docs_dir: str, docs_name: str) -> str:
    """The page's source as messages name it (`docs/blog/posts/x.md`)."""
    if not file.abs_src_path:
        return file.src_uri
    if file.abs_src_path == os.path.join(docs_dir, *file.src_uri.split("/")):
        return f"{docs_name}/{file.src_uri}"  # no resolve() per file: it is 1/4 of the cost
    return support.display_path(config, file.abs_src_path)


def _yaml_problem(path: str, yaml_error: str) -> Diagnostic:
    """A header that is not valid YAML: the page is a draft until it is fixed."""
    impossible = _IMPOSSIBLE.match(yaml_error)
    if impossible:
        return Diagnostic(path, impossible.group(2), impossible.group(3),
                          "write a date that exists, like 2026-02-28; the page is left out of the site "
                          "until then", int(impossible.group(1)))
    return Diagnostic(path, "front matter", f"is not valid YAML ({yaml_error})",
                      "fix the YAML between the --- lines; the page is left out of the site until then", 1)


def _blog_date_problem(entry: PageEntry, meta: dict, path: str) -> Diagnostic | None:
    """Material's blog plugin stops the build on a date written as text: the post is a draft."""
    text_date = _text_date(meta)
    if text_date is None or entry.state is State.DRAFT:
        return None
    entry.state, entry.unreadable_date = State.DRAFT, True
    return Diagnostic(path, "date", f'"{text_date}" is text, which Material\'s blog plugin cannot read',
                      f"write it as a YAML date or datetime, like {_suggest(text_date)}; "
                      "the post is left out of the site until then", entry.line)


def site_next_change(config: MkDocsConfig, entries: dict[str, PageEntry], now: dt.datetime
                     ) -> dt.datetime | None:
    """The next instant the public site changes: a page's publish or expiry, or a change
    another plugin announces (`support.AnnouncesChanges`, e.g. a CTA that expires)."""
    moments = [next_change(entries.values(), now), *support.announced_changes(config, now)]
    known = [moment for moment in moments if moment is not None]
    return min(known) if known else None


def _text_date(meta: dict) -> str | None:
    value = meta.get("date")
    if isinstance(value, dict):
        value = value.get("created")
    return value if isinstance(value, str) else None


def _suggest(text: str) -> str:
    try:
        moment = clock.parse_when(text)
    except clock.ClockError:
        return "2026-12-03 09:00:00"
    return f"{moment:%Y-%m-%d %H:%M:%S}" if not clock.is_date_only(text) else f"{moment:%Y-%m-%d}"


def _fallback_title(file: File) -> str:
    return file.src_uri.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("-", " ").capitalize()


def describe_state(entry: PageEntry, tz: dt.tzinfo) -> str:
    """The banner text: "Scheduled for Thu 3 Dec 2026, 09:00", "Draft", "Expired on …"."""
    if entry.state is State.SCHEDULED and entry.published:
        return f"Scheduled for {clock.display(entry.published, tz)}"
    if entry.state is State.EXPIRED and entry.expires:
        return f"Expired on {clock.display(entry.expires, tz)}"
    if entry.state is State.DRAFT:
        if entry.unreadable_date:
            return "Draft: its date cannot be read"
        if entry.published:
            return f"Draft, planned for {clock.display(entry.published, tz)}"
        return "Draft"
    return "Published"
