"""Publishing state: which pages are public at the build's "now".

A page is a draft (`draft: true`), scheduled (its `date` is after now), expired (its
`expires` is at or before now) or published. Only the YAML header of each Markdown file is
read, so deciding the state of a thousand pages costs a few milliseconds. The plugin and the
`storefront calendar` command share this module, so both always agree.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import PageMeta, key_line, read_meta
from .header import KEYS, read_header
from .header_cache import HeaderCache

__all__ = [
    "HIDDEN",
    "KEYS",
    "HeaderCache",
    "PageEntry",
    "Promotion",
    "State",
    "next_change",
    "page_entry",
    "read_header",
    "state_of",
]


class State(str, enum.Enum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    EXPIRED = "expired"


HIDDEN = frozenset({State.DRAFT, State.SCHEDULED, State.EXPIRED})


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
                problems.append(Diagnostic(path, f"{key}.date", error.problem, error.fix, line))
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
    if isinstance(raw_date, dict):
        raw_date = raw_date.get("created")
    title = typed.title or heading or _title_from_uri(src_uri)
    promotions, more = (_promotions(meta["promote"], path=path, source=header, tz=tz)
                        if meta.get("promote") is not None else ([], []))
    entry = PageEntry(
        src_uri=src_uri, path=path, title=title, state=state,
        published=typed.published, expires=typed.expires, draft=typed.draft,
        all_day=clock.is_date_only(raw_date) if raw_date is not None else False,
        owner=_text(meta.get("owner")) or (typed.authors[0] if typed.authors else None),
        campaign=_text(meta.get("campaign")), promotions=promotions,
        unreadable_date=unreadable,
        line=key_line(header, "draft" if typed.draft else "date"),
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
