"""`read_header` results kept between builds (`HeaderCache`), stored as JSON with tagged dates."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from .header import KEYS, read_header


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
