"""What each page's image and stylesheet rewriting gave, kept across builds, so an unchanged page
is not searched for images and stylesheets again before its minified form is read from the cache.

A record is keyed by a hash of the page as the theme rendered it (with its URL, and the options
and code of the rewriting), and holds the key of its rewritten text in the page cache, what
each lookup it made answered (an image's size and WebP variants, a stylesheet's CSS by hash)
and the page's image counts. The record is used only when every lookup answers the same in
this build: the rewritten text is then the same, since rewriting is a function of the page and
those answers. Anything else (a changed image, stylesheet or option) rewrites the page as if
there were no record. One JSON file beside the page cache, each record kept as its JSON text
until a page asks for it (a few hundred bytes a page, not a tree of objects); unused records
are dropped after a full build; a file that cannot be read or written costs only time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .pagecache import code_digest, write_atomically

_FORMAT = 2  # bump when the record layout changes
_CODE = ("images.py", "styles.py", "rewrites.py")


@dataclass(frozen=True)
class Rewrite:
    """One page's rewriting: the page-cache key of its result, each image lookup as
    (src, wants variants, answer) with the answer as `image_answer` gives it, each stylesheet
    read as (href, `css_answer`), and the counts (images, sized, lazy, pictures, missing)."""

    key: str
    images: tuple[tuple[str, bool, Any], ...]
    sheets: tuple[tuple[str, str | None], ...]
    stats: tuple[int, int, int, int, tuple[str, ...]]


def image_answer(facts: Any) -> Any:
    """An image lookup's answer as plain JSON-like data (None for no image)."""
    if facts is None:
        return None
    return [facts.width, facts.height, [[url, width] for url, width in facts.srcset]]


def css_answer(css: str | None) -> str | None:
    """A stylesheet read's answer, by hash (None: not inlined)."""
    return None if css is None else hashlib.blake2b(css.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def rewrite_salt(options: object) -> str:
    """What besides the page decides its rewriting: the options and the rewriting code."""
    digest = code_digest(*_CODE)
    digest.update(repr((_FORMAT, options)).encode())
    return digest.hexdigest()


class RewriteIndex:
    def __init__(self, file: Path, salt: str) -> None:
        self.file = Path(file)
        self._salt = salt.encode()
        self._records: dict[str, str] = {}  # key -> the record as JSON text
        self._used: set[str] = set()
        self._changed = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("pages"), dict):
                self._records = data["pages"]
        except (OSError, ValueError):
            pass

    def key(self, html: str, page_url: str, absolute: bool) -> str:
        digest = hashlib.blake2b(self._salt, digest_size=20)
        digest.update(f"{page_url}\0{int(absolute)}\0".encode("utf-8", "surrogatepass"))
        digest.update(html.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Rewrite | None:
        text = self._records.get(key)
        if text is None:
            return None
        self._used.add(key)
        try:
            final, images, sheets, stats = json.loads(text)
            counts = (int(stats[0]), int(stats[1]), int(stats[2]), int(stats[3]), tuple(stats[4]))
            return Rewrite(str(final), tuple((str(src), bool(want), answer) for src, want, answer in images),
                           tuple((str(href), answer) for href, answer in sheets), counts)
        except (TypeError, ValueError, IndexError):
            return None

    def put(self, key: str, record: Rewrite) -> None:
        self._used.add(key)
        text = json.dumps([record.key, [list(item) for item in record.images],
                           [list(item) for item in record.sheets], [*record.stats[:4], list(record.stats[4])]],
                          ensure_ascii=False, separators=(",", ":"))
        if self._records.get(key) != text:
            self._records[key] = text
            self._changed = True

    def save(self, *, prune: bool) -> None:
        """Write the records (after a full build, `prune`, only those this build used)."""
        if prune and set(self._records) - self._used:
            self._records = {key: value for key, value in self._records.items() if key in self._used}
            self._changed = True
        self._used = set()
        if not self._changed:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.file, json.dumps({"format": _FORMAT, "pages": self._records},
                                                   ensure_ascii=False).encode("utf-8", "surrogatepass"))
            self._changed = False
        except OSError:
            pass
