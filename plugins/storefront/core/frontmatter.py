"""Typed page front matter shared by the plugins, with the source line of each key.

MkDocs has already parsed the YAML into `page.meta`; this module checks the keys that more
than one plugin reads (dates, robots, image, authors, tags) and turns them into plain
Python values. Each problem is a `Diagnostic` naming the file, the line and the key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .clock import UTC, ClockError, parse_when
from .diagnostics import Diagnostic, describe
from .escape import plain_text
from .secrets import SECRET_FIX, secret_kind
from .urls import clean_text, text_problem, url_fix, url_problem

__all__ = ["PageMeta", "as_list", "body_offset", "key_line", "key_lines", "read_meta", "unread_front_matter"]

_FENCE = re.compile(r"^-{3}[ \t]*$")


def body_offset(source: str) -> int:
    """How many source lines come before the Markdown body (the front matter block and its fences)."""
    lines = source.splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line) or line.strip() == "...":
            return number + 1
    return 0


def unread_front_matter(markdown: str | None) -> tuple[str, int] | None:
    """Why a front-matter block at the top of `markdown` could not be read, and its line.

    MkDocs drops front matter it cannot parse without a word (the YAML then shows as text
    on the page), so a page whose meta is empty but whose Markdown still starts with a
    `---` block is checked here.
    """
    if not markdown or not _FENCE.match(markdown.split("\n", 1)[0]):
        return None
    end = body_offset(markdown)
    if end < 2:
        return None
    import yaml

    block = "\n".join(markdown.splitlines()[1:end - 1])
    try:
        data = yaml.safe_load(block)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        return f"is not valid YAML ({error.problem})", (mark.line + 2 if mark else 1)
    except ValueError as error:  # a date that does not exist (2026-02-30): name its key and line
        return _impossible_date(markdown, end, error)
    except (yaml.YAMLError, TypeError) as error:
        return f"could not be read ({error})", 1
    if data is not None and not isinstance(data, Mapping):
        return "is not a set of key: value pairs", 2
    return None


def _impossible_date(markdown: str, end: int, error: ValueError) -> tuple[str, int]:
    import yaml

    lines = markdown.splitlines()
    where = sorted(key_lines(markdown).items(), key=lambda item: item[1])
    for index, (key, line) in enumerate(where):
        last = where[index + 1][1] - 1 if index + 1 < len(where) else end - 1
        try:
            yaml.safe_load("\n".join(lines[line - 1:last]))
        except ValueError:
            return f"could not be read ({key}: a date that does not exist: {error})", line
        except yaml.YAMLError:
            continue
    return f"could not be read ({error})", 1


def key_lines(source: str | None) -> dict[str, int]:
    """The 1-based line of every top-level front-matter key, in one pass over the front
    matter only (the body is never split)."""
    if not source or not source.startswith("---"):
        return {}
    lines: dict[str, int] = {}
    start = 0
    number = 0
    while True:
        end = source.find("\n", start)
        line = source[start:] if end == -1 else source[start:end]
        number += 1
        if number > 1:
            stripped = line.rstrip()
            if stripped in ("---", "..."):
                return lines
            if line[:1] not in (" ", "\t", "-", "#", "") and ":" in line:
                lines.setdefault(line.split(":", 1)[0].strip(), number)
        if end == -1:
            return {}  # no closing fence: not front matter
        start = end + 1


def key_line(source: str | None, key: str) -> int | None:
    """The 1-based source line of a top-level front-matter key (`date`, `image`), or of a dotted
    key's first part; None when the key is not written in the front matter."""
    return key_lines(source).get(key.split(".", 1)[0].split("[", 1)[0])


def as_list(value: object) -> list[str]:
    """A string, a comma-free list or None as a list of non-empty strings."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [plain_text(item).strip() for item in value if item is not None and plain_text(item).strip()]
    return [plain_text(value).strip()]


@dataclass
class PageMeta:
    """The shared front-matter keys of one page, as plain values."""

    title: str | None = None
    description: str | None = None
    image: str | None = None
    image_alt: str | None = None
    canonical: str | None = None
    robots: str | None = None
    noindex: bool = False
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    expires: dt.datetime | None = None
    draft: bool = False
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    lang: str | None = None

    @property
    def is_dated(self) -> bool:
        return self.published is not None

    @property
    def robots_directives(self) -> list[str]:
        """The robots directives as a lower-case list, with `noindex: true` folded in."""
        items = [part.strip().lower() for part in (self.robots or "").split(",") if part.strip()]
        if self.noindex and "noindex" not in items:
            items.insert(0, "noindex")
        return items

    @property
    def indexable(self) -> bool:
        return "noindex" not in self.robots_directives and "none" not in self.robots_directives


_TEXT_KEYS = ("title", "description", "image", "image_alt", "canonical", "robots", "lang")
_ROBOTS = {
    "index", "noindex", "follow", "nofollow", "none", "all", "noarchive", "nosnippet",
    "noimageindex", "notranslate", "indexifembedded", "max-snippet", "max-image-preview",
    "max-video-preview", "unavailable_after",
}


def read_meta(
    meta: Mapping,
    *,
    path: str,
    source: str | Callable[[], str | None] | None = None,
    tz: dt.tzinfo = UTC,
) -> tuple[PageMeta, list[Diagnostic]]:
    """Check and convert the shared keys of one page's front matter.

    `path` names the file in messages; `source` (the file's text, or a function returning it,
    called only when there is a problem to place) gives line numbers.
    A bad value is left out of the result and reported; it never raises.
    """
    out = PageMeta()
    problems: list[Diagnostic] = []
    text: list[str | None] = []

    def report(key: str, problem: str, fix: str) -> None:
        if not text:
            text.append(source() if callable(source) else source)
        problems.append(Diagnostic(path, key, problem, fix, key_line(text[0], key)))

    _read_texts(meta, out, report)
    _read_robots(out, report)
    _read_flags(meta, out, report)
    created, updated = _date_parts(meta, report)

    for key, raw, attr in (("date", created, "published"), ("updated", updated, "updated"),
                           ("expires", meta.get("expires"), "expires")):
        if raw is None:
            continue
        try:
            setattr(out, attr, parse_when(raw, tz))
        except ClockError as error:
            report(key, error.problem, error.fix)

    if out.published and out.updated and out.updated < out.published:
        report("updated", "is earlier than date", "set updated to the day of the last change, after date")
        out.updated = None
    if out.published and out.expires and out.expires <= out.published:
        report("expires", "is not after date", "set expires to a later time than date, or remove it")
        out.expires = None

    _read_names(meta, out, report)
    return out, problems


_Report = Callable[[str, str, str], None]


def _read_texts(meta: Mapping, out: PageMeta, report: _Report) -> None:
    """The text keys, with URL checks (`canonical`, `image`) and published-text checks."""
    for key in _TEXT_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list, tuple, bool)):
            report(key, f"{describe(value)} is not text", f"write {key} as a single line of text")
            continue
        # plain_text: a theme-facing copy may already be escaped Markup (support.harden_meta)
        setattr(out, key, plain_text(value).strip() or None)

    for key, fix in (("canonical", "write an absolute URL like https://example.com/page/ or a path like /page/"),
                     ("image", url_fix(image=True))):
        value = getattr(out, key)
        problem = url_problem(value, path_spaces=key == "image") if value else None
        if problem:
            report(key, problem, SECRET_FIX if "user name or password" in problem else fix)
            setattr(out, key, None)

    for key in ("title", "description", "image_alt"):  # published in <head> and structured data
        value = getattr(out, key)
        if not value:
            continue
        kind = secret_kind(value)
        if kind:
            report(key, f"this looks like {kind}, which must never be published in a page", SECRET_FIX)
            setattr(out, key, None)
        elif text_problem(value):
            report(key, text_problem(value) or "", "the character is left out; retype the text")
            setattr(out, key, clean_text(value).strip() or None)


def _read_robots(out: PageMeta, report: _Report) -> None:
    """`robots`: known directives only."""
    if out.robots:
        for part in out.robots.split(","):
            name = part.strip().split(":", 1)[0].strip().lower()
            if name and name not in _ROBOTS:
                report("robots", f'"{part.strip()}" is not a robots directive',
                       "use directives like noindex, nofollow, noarchive, max-snippet:50")
                out.robots = None
                break


def _read_flags(meta: Mapping, out: PageMeta, report: _Report) -> None:
    """`noindex` and `draft`: true or false."""
    for key in ("noindex", "draft"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, bool):
            report(key, f"{describe(value)} is not true or false", f"write {key}: true or {key}: false")
            continue
        setattr(out, key, value)


def _date_parts(meta: Mapping, report: _Report) -> tuple[object, object]:
    """The raw `date` (or `date: {created, updated}`) and `updated` values."""
    date = meta.get("date")
    created = updated = None
    if isinstance(date, Mapping):
        unknown = set(date) - {"created", "updated"}
        if unknown:
            report("date", f"unknown key {sorted(map(str, unknown))[0]!r} under date",
                   "use date: {created: 2026-12-03, updated: 2026-12-10}")
        created, updated = date.get("created"), date.get("updated")
    elif date is not None:
        created = date
    if meta.get("updated") is not None:
        updated = meta.get("updated")
    return created, updated


def _read_names(meta: Mapping, out: PageMeta, report: _Report) -> None:
    """`authors` (or `author`), `tags` and `categories`: lists of names."""
    authors = meta.get("authors", meta.get("author"))
    author_key = "authors" if "authors" in meta else "author"  # name the key the user wrote
    for key, value, attr in ((author_key, authors, "authors"), ("tags", meta.get("tags"), "tags"),
                             ("categories", meta.get("categories"), "categories")):
        if value is None:
            continue
        if isinstance(value, Mapping) or (
            isinstance(value, (list, tuple)) and any(isinstance(item, (Mapping, list)) for item in value)
        ):
            report(key, f"{describe(value)} is not a list of names", f"write {key}: [first, second]")
            continue
        setattr(out, attr, as_list(value))
