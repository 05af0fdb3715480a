"""Publishing state: which pages are public at the build's "now".

A page is a draft (`draft: true`), scheduled (its `date` is after now), expired (its
`expires` is at or before now) or published. Only the YAML header of each Markdown file is
read, so deciding the state of a thousand pages costs a few milliseconds. The plugin and the
`storefront calendar` command share this module, so both always agree.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import yaml

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import PageMeta, key_line, read_meta

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

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

_OPEN = re.compile(rb"^-{3}[ \t]*\r?\n")
_CLOSE = re.compile(rb"^(?:-{3}|\.{3})[ \t]*\r?\n?$")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_MAX_HEADER = 64 * 1024


KEYS = frozenset({"date", "draft", "expires", "promote", "title", "owner", "campaign",
                  "authors", "author"})
"""The front-matter keys the calendar reads (the rest of the header need not be parsed)."""

_TOP_KEY = re.compile(rb"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|\r?\n|$)")


def _subset(lines: list[bytes], keys: frozenset[str]) -> bytes | None:
    """The top-level entries of a block-style YAML mapping whose keys are in `keys`, with
    their continuation lines; None when the header is not plain enough to slice safely
    (flow mappings, quoted or complex keys, aliases), and the whole of it must be parsed."""
    out: list[bytes] = []
    keep = False
    for line in lines:
        first = line[:1]
        if first in (b" ", b"\t", b"-", b"#", b"\r", b"\n") or not line.strip():
            if keep:
                out.append(line)
            continue
        match = _TOP_KEY.match(line)
        if match is None:
            return None
        keep = match.group(1).decode("ascii") in keys
        if keep:
            out.append(line)
    text = b"".join(out)
    return None if b"*" in text or b"<<" in text else text


def read_header(data_or_path: Path | str | bytes, *, want_heading: bool = False,
                keys: frozenset[str] | None = None) -> tuple[dict, str, str | None, str | None]:
    """Read a Markdown file's YAML front matter without reading the whole file.

    Returns (meta, header_text, first_heading, yaml_error). `meta` is {} when the file has no
    front matter or it is not valid YAML (MkDocs itself then reports nothing and uses no
    meta; `yaml_error` says why). `header_text` is the front matter block with its fences,
    for line numbers. The first `# Heading` after it is read only when `want_heading`.
    With `keys`, only those top-level keys are parsed when the header allows it (a third of
    the cost for a typical post); `meta` then holds just them.
    """
    stream: BinaryIO
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
                body = lines[1:-1]
                part = _subset(body, keys) if keys is not None else None
                loaded = None
                if part is not None:
                    try:
                        loaded = yaml.load(part.decode("utf-8"), _Loader) if part else {}
                    except Exception:  # noqa: BLE001 - PyYAML raises ValueError for 2026-02-30
                        part = None  # parse it all, for the right message
                if part is None:
                    try:
                        loaded = yaml.load(b"".join(body).decode("utf-8"), _Loader)
                    except Exception as problem:  # noqa: BLE001 - as MkDocs: any error means no meta
                        error = str(problem).splitlines()[0] if str(problem) else "not valid YAML"
                        if not isinstance(problem, yaml.YAMLError):
                            error = _impossible_date(body) or error
                meta = loaded if isinstance(loaded, dict) else {}
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


_DATE_VALUE = re.compile(rb"^\s*-?\s*([\w-]+)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _impossible_date(body: list[bytes]) -> str | None:
    """PyYAML raises a bare ValueError for a date like 2026-02-30: say which key and line."""
    for number, line in enumerate(body, start=2):
        match = _DATE_VALUE.match(line)
        if not match:
            continue
        try:
            dt.date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
        except ValueError as problem:
            key = match.group(1).decode("utf-8", "replace")
            return f"line {number}, {key}: that date does not exist ({problem})"
    return None


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


class HeaderCache:
    """`read_header` results kept between builds, keyed by file path, mtime and size.

    A stat per file instead of opening and parsing it: the state of a thousand pages is then
    decided in a few milliseconds. Stored as JSON with tagged dates (never pickle).
    """

    VERSION = 1

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.records: dict[str, dict] = {}
        self.dirty = False
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == self.VERSION and isinstance(data.get("files"), dict):
                    self.records = data["files"]
            except (OSError, ValueError, AttributeError):
                pass
        self.seen: set[str] = set()

    def read(self, filename: str, *, want_heading: bool = False
             ) -> tuple[dict, str, str | None, str | None]:
        stat = os.stat(filename)
        self.seen.add(filename)
        record = self.records.get(filename)
        if (record and record["m"] == stat.st_mtime_ns and record["s"] == stat.st_size
                and (not want_heading or "t" in record)):
            return _decode(record["meta"]), record["h"], record.get("t"), record["e"]  # type: ignore[return-value]
        meta, header, heading, error = read_header(filename, keys=KEYS, want_heading=want_heading)
        encoded = _encode(meta)
        if encoded is not _UNCACHEABLE:
            fresh = {"m": stat.st_mtime_ns, "s": stat.st_size, "meta": encoded, "h": header,
                     "e": error}
            if want_heading:
                fresh["t"] = heading
            self.records[filename] = fresh
            self.dirty = True
        return meta, header, heading, error

    def save(self) -> None:
        stale = set(self.records) - self.seen
        for filename in stale:
            del self.records[filename]
        if self.path is None or not (self.dirty or stale):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps({"version": self.VERSION, "files": self.records},
                                            ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs time


_UNCACHEABLE = object()


def _encode(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, list):
        items = [_encode(item) for item in value]
        return _UNCACHEABLE if any(item is _UNCACHEABLE for item in items) else items
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        members = {key: _encode(item) for key, item in value.items()}
        return _UNCACHEABLE if any(item is _UNCACHEABLE for item in members.values()) else {"$m": members}
    return _UNCACHEABLE


def _decode(value: object) -> object:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if "$t" in value:
            return dt.datetime.fromisoformat(value["$t"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
        return {key: _decode(item) for key, item in value["$m"].items()}
    return value
