"""Focus keyphrase rules of one page (front matter `keyword`, synonyms in `keywords`)."""

from __future__ import annotations

import math

from .. import keyphrase
from . import rule


def _phrase(page) -> str:
    return page.input.keyword or ""


@rule("keyword-missing", "keyword", "info", "No focus keyphrase is set.", search_only=True)
def keyword_missing(page, options):
    if not page.keyphrases:
        yield 1, "set the page's focus keyphrase in the front matter, e.g. `keyword: sourdough bread`"


@rule("keyword-not-in-title", "keyword", "warning", "The title does not contain the keyphrase.",
      search_only=True)
def keyword_not_in_title(page, options):
    if page.keyphrases and not page.mentions_keyword(page.input.title):
        yield page.title_line, (f"use the keyphrase \"{_phrase(page)}\" in the title \"{page.input.title}\" "
                                f"({page.input.title_origin})")


@rule("keyword-not-in-description", "keyword", "warning",
      "The description does not contain the keyphrase.", search_only=True)
def keyword_not_in_description(page, options):
    if page.keyphrases and page.input.description and not page.mentions_keyword(page.input.description):
        yield page.input.description_line, f"use the keyphrase \"{_phrase(page)}\" in the description"


@rule("keyword-not-in-intro", "keyword", "warning",
      "The first paragraph has no sentence holding the keyphrase's content words.", search_only=True)
def keyword_not_in_intro(page, options):
    if not page.keyphrases or not page.intro or page.mentions_keyword(page.intro.text):
        return
    if keyphrase.found_anywhere(page.intro.text, page.keyphrases, page.lang):
        yield page.intro.line, (f"the words of the keyphrase \"{_phrase(page)}\" are in the first paragraph "
                                f"but not in one sentence; bring them together in one sentence")
    else:
        yield page.intro.line, f"use the keyphrase \"{_phrase(page)}\" in the first paragraph"


@rule("keyword-not-in-slug", "keyword", "warning", "The page URL does not contain the keyphrase.",
      search_only=True)
def keyword_not_in_slug(page, options):
    if not page.keyphrases:
        return
    slug = page.input.url.strip("/").rsplit("/", 1)[-1]
    slug = slug.removesuffix(".html")
    if not slug or slug == "index":
        return  # the home page and section indexes have no slug of their own
    if not keyphrase.in_slug(slug, page.keyphrases, page.lang):
        yield page.input.keyword_line, (f"put the keyphrase in the page's file name or slug, e.g. "
                                        f"{keyphrase.slug_suggestion(page.keyphrases[0])}")


@rule("keyword-not-in-subheading", "keyword", "warning",
      "No h2 or h3 subheading contains the keyphrase.", search_only=True)
def keyword_not_in_subheading(page, options):
    subheadings = [h for h in page.headings if h.level in (2, 3)]
    if page.keyphrases and subheadings and not any(page.mentions_keyword(h.text) for h in subheadings):
        yield subheadings[0].line, f"use the keyphrase \"{_phrase(page)}\" (or a synonym) in a subheading"


@rule("keyword-density", "keyword", "warning",
      "The keyphrase (or a synonym) is used too rarely or too often: its density, weighted by "
      "Yoast's keyphrase length factor, is outside `min`-`max` % (texts of `min_words` or more).",
      search_only=True, min=0.5, max=3.5, min_words=100)
def keyword_density(page, options):
    # Yoast's KeywordDensityAssessment: density = uses / words * 100 * (0.7 + length / 3),
    # bounds 0.5-3.5 % where word forms are matched, and at least two uses in any text it
    # applies to (recommendedKeywordCount.js); the length counts the content words.
    if not page.keyphrases or page.word_count < options["min_words"]:
        return
    words = page.word_count
    factor = keyphrase.length_factor(len(page.keyphrases[0].keys))
    count = page.keyword_count(page.keyphrases)
    density = 100 * count * factor / words
    least = max(2, math.ceil(options["min"] * words / (100 * factor)))
    most = max(2, math.floor(options["max"] * words / (100 * factor)))
    uses = "once" if count == 1 else f"{count} times"
    if count < least:
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" is used {uses} in {words} words; "
                                        f"use it at least {least} times (its words in one sentence, in any order)")
    elif density > options["max"] and count > most:
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" is used {uses} in {words} words; "
                                        f"use it at most {most} times so the text does not read as stuffed")
