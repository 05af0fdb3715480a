"""Focus keyphrase rules of one page (front matter `keyword`, synonyms in `keywords`)."""

from __future__ import annotations

from .. import text as textmod
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
        yield page.title_line, f"use the keyphrase \"{_phrase(page)}\" in the title"


@rule("keyword-not-in-description", "keyword", "warning",
      "The description does not contain the keyphrase.", search_only=True)
def keyword_not_in_description(page, options):
    if page.keyphrases and page.input.description and not page.mentions_keyword(page.input.description):
        yield page.input.description_line, f"use the keyphrase \"{_phrase(page)}\" in the description"


@rule("keyword-not-in-intro", "keyword", "warning",
      "The first paragraph does not contain the keyphrase.", search_only=True)
def keyword_not_in_intro(page, options):
    if page.keyphrases and page.intro and not page.mentions_keyword(page.intro.text):
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
    tokens = textmod.normalise_tokens(slug)
    if not any(textmod.contains_all(tokens, phrase) for phrase in page.keyphrases):
        yield page.input.keyword_line, (f"put the keyphrase in the page's file name or slug, e.g. "
                                        f"{'-'.join(textmod.normalise_tokens(_phrase(page)))}")


@rule("keyword-not-in-subheading", "keyword", "warning",
      "No h2 or h3 subheading contains the keyphrase.", search_only=True)
def keyword_not_in_subheading(page, options):
    subheadings = [h for h in page.headings if h.level in (2, 3)]
    if page.keyphrases and subheadings and not any(page.mentions_keyword(h.text) for h in subheadings):
        yield subheadings[0].line, f"use the keyphrase \"{_phrase(page)}\" (or a synonym) in a subheading"


@rule("keyword-density", "keyword", "warning",
      "The keyphrase is used too rarely or too often (outside `min`-`max` % of the words, "
      "for texts of `min_words` or more).", search_only=True, min=0.5, max=3.0, min_words=100)
def keyword_density(page, options):
    if not page.keyphrases or page.word_count < options["min_words"]:
        return
    count = sum(textmod.count_phrase(page.body_tokens, phrase) for phrase in page.keyphrases)
    density = 100 * count / page.word_count
    if density < options["min"]:
        wanted = max(1, round(options["min"] * page.word_count / 100 + 0.4999))
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" appears {count} times in "
                                        f"{page.word_count} words ({density:.1f} %); use it about {wanted} times "
                                        f"({options['min']:g}-{options['max']:g} %)")
    elif density > options["max"]:
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" appears {count} times in "
                                        f"{page.word_count} words ({density:.1f} %); use it less, "
                                        f"at most {options['max']:g} %")
