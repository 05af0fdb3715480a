"""Words, sentences and keyword normalisation: the plain-text helpers of the analysis.

Pure functions over strings; language-aware only where it must be (sentence ends are the
same for the Latin-script languages the lint supports).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word: letters or digits, with inner apostrophes or hyphens ("don't", "well-known").
WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
# Where a sentence ends: . ! ? … followed by space and an upper-case letter, digit or quote.
# Abbreviations ("e.g.", "Dr.") are protected first.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[\w¿¡])")
_ENDS = re.compile(r"[.!?…]")  # each match of _SENTENCE_END and _ABBREVIATIONS holds one
_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|prof|st|no|approx|incl|ca|z\.b|u\.a|bzw|usw|p\.ex|mme|sr|sra)\.",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """The words of a text (URLs and e-mail addresses left out)."""
    if "://" in text or "www." in text or "@" in text:
        text = URL.sub(" ", text)
    return WORD.findall(text)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """A text's sentences as (start offset, sentence), in order."""
    if not _ENDS.search(text):  # no sentence end at all (most titles and headings): one sentence
        chunk = text.strip()
        return [(_leading_space(text, 0), chunk)] if chunk else []
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\0"), text)
    out: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(protected):
        chunk = text[start:match.start()].strip()
        if chunk:
            out.append((start + _leading_space(text, start), chunk))
        start = match.end()
    chunk = text[start:].strip()
    if chunk:
        out.append((start + _leading_space(text, start), chunk))
    return out


def _leading_space(text: str, start: int) -> int:
    return len(text[start:]) - len(text[start:].lstrip())


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold a lower-case, accent-free word's plural to its singular (English and the common
    Romance/Germanic -s/-es endings): "leaves" -> "leaf", "parties" -> "party",
    "pipes" -> "pipe", "boxes" -> "box"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ves") and len(word) > 4:
        return word[:-3] + "f"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def language_root(lang: str | None) -> str:
    """"en-GB" / "pt_BR" / "EN" -> "en"."""
    return re.split(r"[-_]", (lang or "en").strip().lower() or "en")[0] or "en"
