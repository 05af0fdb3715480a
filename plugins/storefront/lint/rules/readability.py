"""Readability rules of one page (Yoast's readability assessments)."""

from __future__ import annotations

from .. import language, wording
from ..passive import is_passive
from ..readability import flesch
from ..wording import clamp_score
from . import rule


@rule("readability-score", "readability", "warning",
      "Flesch reading ease under `min` (the formula of the page's language), "
      "for texts of `min_words` or more.", min=60, min_words=50)
def readability_score(page, options):
    if page.word_count < options["min_words"] or not page.sentences:
        return
    score = flesch([sentence.words for sentence in page.sentences], page.lang)
    if score is not None and score < options["min"]:
        line = page.intro.line if page.intro else page.sentences[0].line
        yield line, (f"the text is hard to read (Flesch reading ease {clamp_score(score):.0f}, "
                     f"aim for {options['min']:g} "
                     f"or more): use shorter sentences and shorter words")


@rule("sentence-length", "readability", "warning",
      "More than `max_percent` % of the sentences are longer than `words` words "
      "(0: the language's limit, 20 in English).", max_percent=25, words=0)
def sentence_length(page, options):
    limit = options["words"] or language.sentence_limit(page.lang)
    sentences = page.sentences
    long = [sentence for sentence in sentences if len(sentence.words) > limit]
    if sentences and 100 * len(long) / len(sentences) > options["max_percent"]:
        share = 100 * len(long) / len(sentences)
        yield long[0].line, (f"{wording.share(share, options['max_percent'], above=True)} % of the sentences "
                             f"have more than {limit} words (at most "
                             f"{options['max_percent']:g} % should): split long sentences, starting with this one")


@rule("paragraph-length", "readability", "warning", "A paragraph is longer than `max` words.", max=150)
def paragraph_length(page, options):
    for unit in page.paragraphs:
        count = len(page.unit_words[id(unit)])
        if count > options["max"]:
            yield unit.line, f"this paragraph has {count} words; split it into paragraphs of at most {options['max']:g}"


@rule("passive-voice", "readability", "warning",
      "More than `max_percent` % of the sentences are in the passive voice (English).", max_percent=10)
def passive_voice(page, options):
    if page.lang != "en" or not page.sentences:
        return
    passive = [sentence for sentence in page.sentences if is_passive(sentence.text)]
    share = 100 * len(passive) / len(page.sentences)
    if share > options["max_percent"]:
        yield passive[0].line, (f"{wording.share(share, options['max_percent'], above=True)} % of the sentences "
                                f"are passive (at most {options['max_percent']:g} %): "
                                f"say who does what, starting with \"{_clip(passive[0].text)}\"")


@rule("subheading-distribution", "readability", "warning",
      "More than `max` words follow each other without a subheading.", max=300)
def subheading_distribution(page, options):
    count, start = 0, None
    for item in page.doc.order:
        if hasattr(item, "level"):
            if item.level > 1:
                count, start = 0, None
            continue
        if start is None:
            start = item.line
        before = count
        count += len(page.unit_words[id(item)])
        if before <= options["max"] < count:
            yield start, (f"more than {options['max']:g} words follow without a subheading; "
                          f"add a `##` subheading to break up the text starting here")


@rule("consecutive-sentences", "readability", "warning",
      "`run` or more sentences in a row start with the same word (in paragraphs; list items, "
      "headings and tables end a run; an article or number joins the next word, as Yoast does).", run=3)
def consecutive_sentences(page, options):
    run = max(2, int(options["run"]))
    joiners = language.first_word_exceptions(page.lang)
    # Runs are counted within the paragraphs between two headings; list items, definitions
    # and cells are parallel by design ("Added …" in a changelog) and end a run.
    segment_of: dict[int, int] = {}
    segment = 0
    for item in page.doc.order:
        if getattr(item, "kind", None) == "p":
            segment_of[id(item)] = segment
        else:
            segment += 1
    beginnings = []
    for sentence in page.sentences:
        where = segment_of.get(id(sentence.unit))
        words = sentence.words
        first = words[0]
        if len(words) > 1 and first.lower() in joiners:
            first = f"{first} {words[1]}"
        beginnings.append((where, first.lower(), first, sentence))
    index = 0
    while index < len(beginnings):
        where, key, shown, sentence = beginnings[index]
        end = index + 1
        while end < len(beginnings) and where is not None and beginnings[end][:2] == (where, key):
            end += 1
        if where is not None and end - index >= run:
            yield sentence.line, f"{end - index} sentences in a row start with \"{shown}\"; vary how they begin"
        index = end


@rule("transition-words", "readability", "warning",
      "Under `min_percent` % of the sentences of the paragraphs use a transition word, when the "
      "paragraphs hold over `min_words` words (English; list items and table cells are items, not "
      "a flow of sentences).", min_percent=30, min_words=200)
def transition_words(page, options):
    sentences = [sentence for sentence in page.sentences if sentence.unit.kind == "p"]
    if page.lang != "en" or sum(len(s.words) for s in sentences) <= options["min_words"]:
        return
    vocabulary = language.word_list("transition_words_en.txt")
    phrases = [f" {entry} " for entry in vocabulary if " " in entry]
    with_transition = 0
    for sentence in sentences:
        lower = [word.lower() for word in sentence.words]
        if not vocabulary.isdisjoint(lower):
            with_transition += 1
            continue
        joined = f" {' '.join(lower)} "
        if any(phrase in joined for phrase in phrases):
            with_transition += 1
    share = 100 * with_transition / len(sentences)
    if share < options["min_percent"]:
        line = page.intro.line if page.intro else sentences[0].line
        yield line, (f"{wording.share(share, options['min_percent'], above=False)} % of the sentences "
                     f"use a transition word (aim for {options['min_percent']:g} %): "
                     f"link ideas with words like \"because\", \"however\", \"for example\"")


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
