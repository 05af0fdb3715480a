"""The one keyphrase matcher of every keyword rule, as Yoast's per-word matching works: the
keyphrase's content words within one sentence, in any order, function words left out,
English word forms folded ("plumbers", "plumber's" and "plumber" match; "painted", "painting"
and "paints" match "paint"; "children" matches "child"). Synonyms (`keywords`) are phrases of
their own: any of them counts. A keyphrase written in double quotes (`keyword: '"SEO
analysis"'`) is matched exactly, as in Yoast.

Pure functions over strings; languages other than English fold plurals only and keep every
word (there is no function-word list for them).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from . import language
from . import text as textmod


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Words ending in -s that are not plurals (their -s stays).
_NOT_PLURAL = frozenset(["news", "series", "species", "means", "lens", "physics", "economics", "mathematics",
                         "politics", "always", "perhaps", "towards", "afterwards", "whereas", "besides", "sometimes"])
_VOWEL = re.compile(r"[aeiouy]")


@dataclass(frozen=True)
class Keyphrase:
    text: str  # as written
    words: tuple[str, ...]  # the content words (lower case, accents folded), in order
    keys: tuple[str, ...]  # their comparable forms
    exact: bool = False  # written in double quotes: the exact word sequence only
    only_function_words: bool = False


@cache
def function_words(lang: str) -> frozenset[str]:
    return language.word_list("function_words_en.txt") if lang == "en" else frozenset()


@cache
def _irregular() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (language.DATA / "word_forms_en.txt").read_text(encoding="utf-8").splitlines():
        forms = line.split("#", 1)[0].split()
        for form in forms:
            out.setdefault(form, forms[0])
    return out


def tokens(text: str) -> list[str]:
    """A text's words as lower-case, accent-free tokens (hyphens and underscores split words)."""
    plain = textmod.strip_accents(text.casefold()).replace("-", " ").replace("_", " ").replace("’", "'")
    return _TOKEN.findall(plain)


def _undouble(base: str) -> str:
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz" and base[-1] not in "aeiou":
        return base[:-1]
    return base


@lru_cache(maxsize=65536)
def key(word: str, lang: str = "en") -> str:
    """The form a word is compared as: plurals folded in every language; in English also
    possessives, -ed, -ing, a final -e and the common irregular forms."""
    word = textmod.strip_accents(word.casefold()).replace("’", "'")
    if lang != "en":
        return textmod.stem(word)
    word = word.removesuffix("'s")
    word = word.rstrip("'")
    word = _irregular().get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    if (word.endswith("ies") and len(word) > 4) or (word.endswith("ied") and len(word) > 4):
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word[:-3]) >= 3 and _VOWEL.search(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("ed") and not word.endswith("eed") and len(word[:-2]) >= 3 and _VOWEL.search(word[:-2]):
        word = _undouble(word[:-2])
    elif word.endswith(("ches", "shes", "xes", "zes", "sses")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_PLURAL:
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def parse(text: str | None, lang: str = "en") -> Keyphrase | None:
    """A keyphrase as the matcher uses it (None for an empty one)."""
    raw = (text or "").strip()
    exact = len(raw) > 2 and raw[0] in "\"“" and raw[-1] in "\"”"
    if exact:
        raw = raw[1:-1]
    found = tokens(raw)
    if not found:
        return None
    if exact:
        return Keyphrase((text or "").strip(), tuple(found), tuple(found), exact=True)
    function = function_words(lang)
    content = [word for word in found if word not in function]
    only_function = not content
    kept = tuple(content or found)
    return Keyphrase((text or "").strip(), kept, tuple(key(word, lang) for word in kept),
                     only_function_words=only_function and bool(function))


def _in_sentence(sentence: list[str], keys: Counter, phrase: Keyphrase) -> int:
    """How often the keyphrase occurs in one sentence (its tokens and their keys)."""
    if phrase.exact:
        size = len(phrase.words)
        return sum(1 for index in range(len(sentence) - size + 1)
                   if tuple(sentence[index:index + size]) == phrase.words)
    need = Counter(phrase.keys)
    return min(keys[item] // times for item, times in need.items())


def sentences(text: str, lang: str = "en", *, split: list[tuple[int, str]] | None = None
              ) -> list[tuple[list[str], Counter]]:
    """A text's sentences as (tokens, key counts); `split`: the text's sentences as
    `text.split_sentences` gives them, when the caller has them already."""
    out = []
    for _, sentence in (textmod.split_sentences(text or "") if split is None else split):
        found = tokens(sentence)
        if found:
            out.append((found, Counter(map(key, found, itertools.repeat(lang)))))
    return out


def count(text: str, phrases: list[Keyphrase], lang: str = "en", *, parsed=None) -> int:
    """How often the keyphrases occur in a text: per sentence, each as often as its rarest
    content word occurs there (Yoast's keyphrase count)."""
    parsed = sentences(text, lang) if parsed is None else parsed
    return sum(_in_sentence(tokens_, keys, phrase) for tokens_, keys in parsed for phrase in phrases)


def found(text: str | None, phrases: list[Keyphrase], lang: str = "en", *, parsed=None) -> bool:
    """Whether one sentence of the text holds every content word of one keyphrase
    (`parsed`: the text's `sentences`, when the caller has them already)."""
    parsed = sentences(text or "", lang) if parsed is None else parsed
    return any(_in_sentence(tokens_, keys, phrase) for tokens_, keys in parsed for phrase in phrases)


def found_anywhere(text: str | None, phrases: list[Keyphrase], lang: str = "en") -> bool:
    """Whether the text holds every content word of one keyphrase, in any sentences."""
    words = tokens(text or "")
    present = {key(word, lang) for word in words}
    for phrase in phrases:
        if phrase.exact:
            if found(text, [phrase], lang):
                return True
        elif all(item in present for item in phrase.keys):
            return True
    return False


def in_slug(slug: str, phrases: list[Keyphrase], lang: str = "en") -> bool:
    """Whether a URL slug holds every content word of one keyphrase (in any order)."""
    present = {key(word, lang) for word in tokens(slug)}
    return any(all(item in present for item in (phrase.keys if not phrase.exact
                                                 else [key(w, lang) for w in phrase.words]))
               for phrase in phrases)


def slug_suggestion(phrase: Keyphrase) -> str:
    """The writer's own keyphrase words as a slug: lower case, no accents, no apostrophes,
    no function words ("Plumber's dozen tips" -> plumbers-dozen-tips)."""
    return "-".join(word.replace("'", "") for word in phrase.words)


def length_factor(words: int) -> float:
    """Yoast's keyphrase length factor of the keyphrase density: a base weight of 0.7 plus
    the keyphrase's length in words over 3, so a longer keyphrase needs fewer uses
    (Yoast/YoastSEO.js src/helpers/keyphraseLengthFactor.js, used by getKeywordDensity.js
    and recommendedKeywordCount.js; the length counts content words only)."""
    return 0.7 + max(1, words) / 3
