"""The on-disk cache of page results, keyed by a hash of everything the analysis reads.

One JSON file per site: loaded once when a build starts, written once at its end (only
when something changed), keeping only the pages of the last build. Each page's result is
kept as its JSON text until a page asks for it (a text is a fraction of the memory of the
parsed objects, and a site of thousands of pages holds them all for the whole build). The key covers the page's
inputs (source, title, front matter values, rendered facts), the rule settings and the
package version, so any change re-analyses the page and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .analysis import PageInput, PageResult

FORMAT = 4  # bump when PageResult, the rules' output or a fact's shape changes


def fingerprint(settings: dict, version: str) -> str:
    """The part of every key that depends on the configuration and the code."""
    data = {rule_id: [s.enabled, s.severity, s.options] for rule_id, s in sorted(settings.items())}
    text = json.dumps([FORMAT, version, data], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_key(page: PageInput, config_fingerprint: str) -> str:
    """The page's cache key: the source is hashed as is, the other (small, plain) inputs by
    their repr, in field order."""
    others = [(name, value) for name, value in vars(page).items() if name != "source"]
    digest = hashlib.sha256(config_fingerprint.encode("ascii"))
    digest.update(repr(others).encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(page.source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path | None):
        self.file = folder / "pages.json" if folder else None
        self.entries: dict[str, str] = {}  # key -> the page result as JSON text, until asked for
        self.loaded = 0  # how many entries the file had
        self.kept: set[str] = set()  # entries asked for (their text is read again when saving)
        self.used: dict[str, str] = {}  # new results, as JSON text
        self.facts: dict[str, Any] = {}
        self.facts_used: dict[str, Any] = {}
        self.fact_misses = 0
        self.hits = 0
        self.misses = 0
        if self.file and self.file.exists():
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if data.get("format") == FORMAT:
                    self.entries = data.get("pages", {})
                    self.facts = data.get("facts", {})
                if not isinstance(self.entries, dict) or not isinstance(self.facts, dict):
                    self.entries, self.facts = {}, {}
                self.loaded = len(self.entries)
            except (OSError, ValueError, AttributeError):
                self.entries, self.facts = {}, {}  # a damaged cache is only a slower build

    def get(self, key: str) -> PageResult | None:
        data = self.entries.pop(key, None)
        if data is None:
            self.misses += 1
            return None
        try:
            result = PageResult.from_json(json.loads(data))
        except (TypeError, KeyError, ValueError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        self.kept.add(key)
        return result

    def put(self, key: str, result: PageResult) -> None:
        self.used[key] = json.dumps(result.to_json(), ensure_ascii=False)

    def fact(self, kind: str, text: str, compute: Callable[[str], Any]) -> Any:
        """`compute(text)` (a small JSON value: what lint reads from a page's HTML), kept
        across builds by a hash of the text, so an unchanged page is not parsed again."""
        digest = hashlib.blake2b(kind.encode(), digest_size=16)
        digest.update(text.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        if key in self.facts:
            value = self.facts[key]
        else:
            self.fact_misses += 1
            value = compute(text)
        self.facts_used[key] = value
        return value

    def save(self) -> None:
        if not self.file or (self.misses == 0 and self.fact_misses == 0 and not self.used
                             and len(self.kept) == self.loaded and set(self.facts_used) == set(self.facts)):
            return
        pages = dict(self.used)
        if self.kept:  # the results taken from the cache, as the file has them
            try:
                old = json.loads(self.file.read_text(encoding="utf-8")).get("pages", {})
                pages.update((key, old[key]) for key in self.kept if key in old and key not in pages)
            except (OSError, ValueError, AttributeError, TypeError):
                pass  # those pages are analysed again next time
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"format": FORMAT, "pages": pages, "facts": self.facts_used},
                                            ensure_ascii=False),
                                 encoding="utf-8")
            temporary.replace(self.file)
        except OSError:
            pass  # a read-only cache folder only costs time
