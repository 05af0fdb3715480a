"""Flesch reading ease with the formula of the page's language, without global state.

textstat keeps one global language (`textstat.set_lang`); a site with pages in several
languages would race on it. The formula constants are read per language from textstat's own
table (`textstat/backend/utils/constants.py`, `LANG_CONFIGS`, the data behind its
`get_lang_cfg`), and the syllables come from `syllables` (offline). Importing the `textstat`
package itself would import NLTK (over a second) for nothing: the table module has no
imports of its own, so it is loaded on its own.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache, lru_cache
from pathlib import Path

from .syllables import syllables


@lru_cache(maxsize=1)
def _language_table() -> dict[str, dict[str, float]]:
    loaded = sys.modules.get("textstat.backend.utils.constants")
    if loaded is not None:
        return loaded.LANG_CONFIGS
    spec = importlib.util.find_spec("textstat")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "backend" / "utils" / "constants.py"
        if path.exists():
            module_spec = importlib.util.spec_from_file_location("_storefront_textstat_constants", path)
            if module_spec is None or module_spec.loader is None:
                break
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            return module.LANG_CONFIGS
    from textstat.backend.utils import constants  # another layout: import it the slow way

    return constants.LANG_CONFIGS


@cache
def constants(lang: str) -> tuple[float, float, float] | None:
    """(base, per word of sentence length, per syllable per word) of the language's Flesch
    formula, or None when textstat has none for it (its English defaults would mislead)."""
    table = _language_table()
    default = table["en"]
    own = table.get(lang, {})
    if lang != "en" and "fre_base" not in own:
        return None
    return (own.get("fre_base", default["fre_base"]),
            own.get("fre_sentence_length", default["fre_sentence_length"]),
            own.get("fre_syll_per_word", default["fre_syll_per_word"]))


def flesch(sentences: list[list[str]], lang: str) -> float | None:
    """The Flesch reading ease of the sentences (each a list of words), or None when the
    language has no formula or there is no text."""
    formula = constants(lang)
    words = [word for sentence in sentences for word in sentence]
    if formula is None or not words:
        return None
    base, per_length, per_syllable = formula
    return base - per_length * (len(words) / len(sentences)) - per_syllable * (syllables(words, lang) / len(words))
