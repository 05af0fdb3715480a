"""Publishing state: which pages are public at the build's "now".

A page is a draft (`draft: true`), scheduled (its `date` is after now), expired (its
`expires` is at or before now) or published. Only the YAML header of each Markdown file is
read, so deciding the state of a thousand pages costs a few milliseconds. The plugin and the
`storefront calendar` command share this module, so both always agree.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import PageMeta, key_line, read_meta

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = [
    "State", "Promotion", "PageEntry", "read_header", "page_entry", "state_of", "next_change",
    "HIDDEN",
]


class State(str, enum.Enum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    EXPIRED = "expired"


HIDDEN = frozenset({State.DRAFT, State.SCHEDULED, State.EXPIRED})

_OPEN = re.compile(rb"^-{3}[ \t]*\r?\n")
_CLOSE = re.compile(rb"^(?:-{3}|\.{3})[ \t]*\r?\n?$")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_MAX_HEADER = 64 * 1024


def read_header(data_or_path: Path | str | bytes, *, want_heading: bool = False
                ) -> tuple[dict, str, str | None, str | None]:
    """Read a Markdown file's YAML front matter without reading the whole file.

    Returns (meta, header_text, first_heading, yaml_error). `meta` is {} when the file has no
    front matter or it is not valid YAML (MkDocs itself then reports nothing and uses no
    meta; `yaml_error` says why). `header_text` is the front matter block with its fences,
    for line numbers. The first `# Heading` after it is read only when `want_heading`.
    """
    if isinstance(data_or_path, bytes):
        import io
        stream = io.BytesIO(data_or_path)
        close = False
    else:
        stream = open(data_or_path, "rb")  # noqa: SIM115 - closed below
        close = True
    try:
        first = stream.readline()
        if first.startswith(b"\xef\xbb\xbf"):
            first = first[3:]
        lines = [first]
        meta: dict = {}
        error = None
        if _OPEN.match(first):
            size = len(first)
            closed = False
            while size < _MAX_HEADER:
                line = stream.readline()
                if not line:
                    break
                lines.append(line)
                size += len(line)
                if _CLOSE.match(line):
                    closed = True
                    break
            if closed:
                try:
                    loaded = yaml.load(b"".join(lines[1:-1]).decode("utf-8"), _Loader)
                    meta = loaded if isinstance(loaded, dict) else {}
                except (yaml.YAMLError, UnicodeDecodeError) as problem:
                    error = str(problem).splitlines()[0] if str(problem) else "not valid YAML"
            else:
                lines = lines[:1]
        else:
            lines = []
        header = b"".join(lines).decode("utf-8", errors="replace")
        heading = None
        if want_heading:
            if not lines and first:
                stream.seek(0)
            for _ in range(200):
                raw = stream.readline()
                if not raw:
                    break
                match = _HEADING.match(raw.decode("utf-8", errors="replace").rstrip("\r\n"))
                if match:
                    heading = match.group(1)
                    break
        return meta, header, heading, error
    finally:
        if close:
            stream.close()


@dataclass
class Promotion:
    """A planned promotion of a page: `promote: [{channel: newsletter, date: …}]`."""

    channel: str
    when: dt.datetime | None
    all_day: bool = False
    note: str | None = None
    line: int | None = None


@dataclass
class PageEntry:
    """One Markdown page's publishing state, as the calendar and the plugin see it."""

    src_uri: str
    path: str  # as named in messages (relative to mkdocs.yml)
    title: str
    state: State
    published: dt.datetime | None = None
    expires: dt.datetime | None = None
    draft: bool = False
    all_day: bool = False
    owner: str | None = None
    campaign: str | None = None
    promotions: list[Promotion] = field(default_factory=list)
    url: str | None = None
    unreadable_date: bool = False
    line: int | None = None  # the line of `draft` (or `date`) in the source, for messages
    channel: str = "site"  # "blog" for posts of Material's blog plugin

    @property
    def hidden(self) -> bool:
        return self.state in HIDDEN

    @property
    def dated(self) -> bool:
        return self.published is not None


def state_of(meta: PageMeta, now: dt.datetime) -> State:
    """The state of a page at `now` (publish and expiry instants are inclusive: a post dated
    09:00 is public from 09:00:00 on, an expired one is gone from its expiry on)."""
    if meta.draft:
        return State.DRAFT
    if meta.published is not None and meta.published > now:
        return State.SCHEDULED
    if meta.expires is not None and meta.expires <= now:
        return State.EXPIRED
    return State.PUBLISHED


_PROMOTE_KEYS = {"channel", "date", "note"}


def _promotions(value: object, *, path: str, source: str, tz: dt.tzinfo
                ) -> tuple[list[Promotion], list[Diagnostic]]:
    out: list[Promotion] = []
    problems: list[Diagnostic] = []
    line = key_line(source, "promote")
    example = "write promote: [{channel: newsletter, date: 2026-12-04 08:00}]"
    if value is None:
        return out, problems
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        return out, [Diagnostic(path, "promote", f"{describe(value)} is not a list", example, line)]
    for index, item in enumerate(value):
        key = f"promote[{index}]"
        if not isinstance(item, Mapping):
            problems.append(Diagnostic(path, key, f"{describe(item)} is not a mapping", example, line))
            continue
        for unknown in sorted(set(map(str, item)) - _PROMOTE_KEYS):
            problems.append(Diagnostic(path, f"{key}.{unknown}", "is not a promote key",
                                       "use channel, date and note", line))
        channel = item.get("channel")
        if not isinstance(channel, str) or not channel.strip():
            problems.append(Diagnostic(path, f"{key}.channel", "is missing or not text",
                                       "name the channel, e.g. channel: newsletter", line))
            continue
        when = None
        raw = item.get("date")
        if raw is not None:
            try:
                when = clock.parse_when(raw, tz)
            except clock.ClockError as error:
                problem, _, fix = str(error).partition("; ")
                problems.append(Diagnostic(path, f"{key}.date", problem, fix, line))
                continue
        note = item.get("note")
        out.append(Promotion(channel.strip(), when, clock.is_date_only(raw) if raw is not None else False,
                             str(note).strip() if note is not None else None, line))
    return out, problems


def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def page_entry(src_uri: str, meta: Mapping, *, path: str, header: str, now: dt.datetime,
               tz: dt.tzinfo, heading: str | None = None) -> tuple[PageEntry, list[Diagnostic]]:
    """The publishing state of one page from its front matter, with the problems found.

    A page whose `date` cannot be read is kept out (as a draft) until it is fixed: publishing
    it could leak a post meant for later.
    """
    typed, problems = read_meta(meta, path=path, source=header, tz=tz)
    state = state_of(typed, now)
    unreadable = meta.get("date") is not None and typed.published is None
    if unreadable and state is State.PUBLISHED:
        state = State.DRAFT
        problems = [
            Diagnostic(d.file, d.key, d.problem,
                       d.fix + "; the page is left out of the site until then", d.line)
            if d.key == "date" else d
            for d in problems
        ]
    raw_date = meta.get("date")
    if isinstance(raw_date, Mapping):
        raw_date = raw_date.get("created")
    title = typed.title or heading or _title_from_uri(src_uri)
    promotions, more = _promotions(meta.get("promote"), path=path, source=header, tz=tz)
    entry = PageEntry(
        src_uri=src_uri, path=path, title=title, state=state,
        published=typed.published, expires=typed.expires, draft=typed.draft,
        all_day=clock.is_date_only(raw_date) if raw_date is not None else False,
        owner=_text(meta.get("owner")) or (typed.authors[0] if typed.authors else None),
        campaign=_text(meta.get("campaign")), promotions=promotions,
        unreadable_date=unreadable,
        line=key_line(header, "draft") if typed.draft else key_line(header, "date"),
    )
    return entry, problems + more


def _title_from_uri(src_uri: str) -> str:
    stem = src_uri.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem in ("index", "README"):
        stem = src_uri.rsplit("/", 2)[-2] if "/" in src_uri else "Home"
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or src_uri


def next_change(entries: Iterable[PageEntry], now: dt.datetime) -> dt.datetime | None:
    """The next instant after `now` at which the public site changes: a scheduled page is
    published or a published (or scheduled) page expires. Drafts never change by themselves."""
    moments = []
    for entry in entries:
        if entry.draft or entry.unreadable_date:
            continue
        if entry.published is not None and entry.published > now:
            moments.append(entry.published)
        if entry.expires is not None and entry.expires > now:
            moments.append(entry.expires)
    return min(moments) if moments else None
