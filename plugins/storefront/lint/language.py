"""Per-language data of the readability rules, read once from the package's data files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@cache
def _settings() -> dict:
    return yaml.safe_load((DATA / "languages.yml").read_text(encoding="utf-8"))


def setting(lang: str, key: str, default=None):
    data = _settings()
    return data.get(lang, {}).get(key, data["default"].get(key, default))


@cache
def word_list(name: str) -> frozenset[str]:
    """A data file of one entry per line (`#` comments), lower case."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def vague_link_texts(lang: str) -> frozenset[str]:
    return frozenset(setting(lang, "vague_links", None) or setting("en", "vague_links"))


def sentence_limit(lang: str) -> int:
    return int(setting(lang, "sentence_words", 20))


@cache
def first_word_exceptions(lang: str) -> frozenset[str]:
    """Words that begin a sentence together with the next one ("The dog"), per language."""
    table = yaml.safe_load((DATA / "first_word_exceptions.yml").read_text(encoding="utf-8"))
    return frozenset(str(word).lower() for word in table.get(lang, []))
