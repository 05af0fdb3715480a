"""Flesch reading ease with the formula of the page's language, without global state.

textstat keeps one global language (`textstat.set_lang`); a site with pages in several
languages would race on it. The formula constants are read per call from textstat's own
per-language table (`get_lang_cfg`) and the syllables come from `syllables` (offline).
"""

from __future__ import annotations

from functools import lru_cache

from .syllables import syllables


@lru_cache(maxsize=None)
def constants(lang: str) -> tuple[float, float, float] | None:
    """(base, per word of sentence length, per syllable per word) for the language, or None
    when textstat has no Flesch formula for it."""
    from textstat.backend.utils import constants as textstat_constants
    from textstat.backend.utils import get_lang_cfg

    if lang not in textstat_constants.LANG_CONFIGS or "fre_base" not in textstat_constants.LANG_CONFIGS[lang]:
        if lang != "en":
            return None
    return (get_lang_cfg(lang, "fre_base"), get_lang_cfg(lang, "fre_sentence_length"),
            get_lang_cfg(lang, "fre_syll_per_word"))


def flesch(sentences: list[list[str]], lang: str) -> float | None:
    """The Flesch reading ease of the sentences (each a list of words), or None when the
    language has no formula or there is no text."""
    formula = constants(lang)
    words = [word for sentence in sentences for word in sentence]
    if formula is None or not words:
        return None
    base, per_length, per_syllable = formula
    return base - per_length * (len(words) / len(sentences)) - per_syllable * (syllables(words, lang) / len(words))
