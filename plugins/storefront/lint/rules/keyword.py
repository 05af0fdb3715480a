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
        example = page.frequent_phrase
        yield 1, ("set the page's focus keyphrase in the front matter" +
                  (f", e.g. `keyword: {example}` (this page's most used words)" if example else
                   ": the words people would search for to find this page"))


@rule("keyword-length", "keyword", "warning",
      "The keyphrase has more than `max` content words, or only function words (Yoast: 1-4).",
      search_only=True, max=4)
def keyword_length(page, options):
    if not page.keyphrases:
        return
    focus = page.keyphrases[0]
    if focus.only_function_words:
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" has only words like \"the\", \"to\" or "
                                        f"\"how\"; add the words that say what the page is about")
    elif not focus.exact and len(focus.words) > options["max"]:
        yield page.input.keyword_line, (f"the keyphrase \"{_phrase(page)}\" has {len(focus.words)} content words; "
                                        f"keep it to at most {options['max']:g} (people search in short phrases)")


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


@rule("keyword-subheading-overuse", "keyword", "warning",
      "The keyphrase is in more than `max_percent` % of the h2 and h3 subheadings (Yoast: 30-75 %).",
      search_only=True, max_percent=75)
def keyword_subheading_overuse(page, options):
    subheadings = [h for h in page.headings if h.level in (2, 3)]
    if not page.keyphrases or len(subheadings) < 2:
        return
    with_keyphrase = [h for h in subheadings if page.mentions_keyword(h.text)]
    share = 100 * len(with_keyphrase) / len(subheadings)
    if share > options["max_percent"]:
        yield with_keyphrase[0].line, (f"{len(with_keyphrase)} of {len(subheadings)} subheadings use the keyphrase "
                                       f"\"{_phrase(page)}\" (at most {options['max_percent']:g} % should); "
                                       f"name the other topics of those sections instead")


@rule("keyword-not-in-image-alt", "keyword", "warning",
      "The page has images and no alternative text holds the keyphrase.", search_only=True)
def keyword_not_in_image_alt(page, options):
    images = page.doc.images
    if not page.keyphrases or not images:
        return
    if not any(page.mentions_keyword(image.alt) for image in images):
        image = next((image for image in images if image.alt.strip()), images[0])
        yield image.line, (f"describe an image that shows the topic with the keyphrase \"{_phrase(page)}\" "
                           f"in its alternative text")


@rule("keyword-competing-links", "keyword", "warning",
      "A link to another page has the page's own keyphrase as its text (Yoast: competing links).",
      search_only=True)
def keyword_competing_links(page, options):
    if not page.keyphrases:
        return
    for link in page.doc.links:
        if _links_elsewhere(link.href, page.input.src_uri) and page.mentions_keyword(link.text):
            yield link.line, (f"this link to another page uses the keyphrase \"{_phrase(page)}\" as its text, "
                              f"so it competes with this page; describe the other page in its own words")


def _links_elsewhere(href: str, src_uri: str) -> bool:
    target = href.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return False  # a link to a section of this page
    name = src_uri.rsplit("/", 1)[-1]
    return target not in (name, "./" + name, "./", ".")


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
