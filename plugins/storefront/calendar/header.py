"""A Markdown file's YAML front matter, read without reading the whole file: only the
header's lines, and of them only the keys the calendar uses when the header allows it."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import BinaryIO

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

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
        stream, close = io.BytesIO(data_or_path), False
    else:
        stream, close = open(data_or_path, "rb"), True  # noqa: SIM115 - closed below
    try:
        lines, closed = _header_lines(stream)
        meta: dict = {}
        error = None
        if closed:
            meta, error = _load(lines[1:-1], keys)
        elif lines and _OPEN.match(lines[0]):
            lines = lines[:1]
        else:
            lines = []
        header = b"".join(lines).decode("utf-8", errors="replace")
        heading = None
        if want_heading:
            if not lines:
                stream.seek(0)
            heading = _first_heading(stream)
        return meta, header, heading, error
    finally:
        if close:
            stream.close()


def _header_lines(stream: BinaryIO) -> tuple[list[bytes], bool]:
    """The first line (without a byte-order mark) and, when it opens front matter, the lines up
    to the closing fence; and whether that fence was found (within `_MAX_HEADER` bytes)."""
    first = stream.readline()
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    lines = [first]
    if not _OPEN.match(first):
        return lines, False
    size = len(first)
    while size < _MAX_HEADER:
        line = stream.readline()
        if not line:
            break
        lines.append(line)
        size += len(line)
        if _CLOSE.match(line):
            return lines, True
    return lines, False


def _load(body: list[bytes], keys: frozenset[str] | None) -> tuple[dict, str | None]:
    """The header's YAML as a mapping ({} when it is none), and why it is not valid YAML."""
    part = _subset(body, keys) if keys is not None else None
    loaded = None
    error = None
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
    return (loaded if isinstance(loaded, dict) else {}), error


def _first_heading(stream: BinaryIO) -> str | None:
    """The first `# Heading` within the next 200 lines."""
    for _ in range(200):
        raw = stream.readline()
        if not raw:
            break
        match = _HEADING.match(raw.decode("utf-8", errors="replace").rstrip("\r\n"))
        if match:
            return match.group(1)
    return None


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
