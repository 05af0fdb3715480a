"""The one keyphrase matcher every keyword rule uses (Yoast's per-word matching): the
keyphrase's content words within one sentence, in any order, function words ignored,
English word forms folded; synonyms; density with Yoast's keyphrase length factor."""

from __future__ import annotations

import pytest
from lint_helpers import findings, lint_site, where, words

from storefront.lint import keyphrase as kp


def phrase(text, lang="en"):
    return kp.parse(text, lang)


def test_content_words_and_function_words():
    assert phrase("emergency plumber in Leeds").words == ("emergency", "plumber", "leeds")
    assert phrase("how to decorate a room").words == ("decorate", "room")
    # a keyphrase of function words only keeps them (there is nothing else to look for)
    assert phrase("how to").words == ("how", "to")
    assert phrase("in the") .only_function_words
    # other languages: no function-word list, every word counts
    assert phrase("pain au levain", "fr").words == ("pain", "au", "levain")


@pytest.mark.parametrize("sentence", [
    "Emergency plumber in Leeds.",
    "Leeds has an emergency plumber on call.",
    "Our plumbers handle every emergency in Leeds.",
    "We are Leeds's emergency plumbers.",
    "An EMERGENCY-plumber for leeds",
])
def test_any_order_and_word_forms_within_one_sentence(sentence):
    assert kp.found(sentence, [phrase("emergency plumber Leeds")], "en")


def test_not_across_sentences_and_not_partial():
    keyphrase = [phrase("emergency plumber Leeds")]
    assert not kp.found("Call an emergency plumber. We are in Leeds.", keyphrase, "en")
    assert not kp.found("A plumber in Leeds.", keyphrase, "en")


@pytest.mark.parametrize(("a", "b"), [
    ("bake", "baked"), ("bake", "baking"), ("bake", "bakes"), ("box", "boxes"), ("pastry", "pastries"),
    ("loaf", "loaves"), ("stop", "stopped"), ("run", "running"), ("child", "children"), ("man", "men"),
    ("person", "people"), ("buy", "bought"), ("make", "made"), ("write", "written"), ("mouse", "mice"),
    ("try", "tried"), ("class", "classes"), ("dish", "dishes"), ("plumber", "plumber's"),
])
def test_english_word_forms(a, b):
    assert kp.key(a, "en") == kp.key(b, "en")


@pytest.mark.parametrize(("a", "b"), [("plumber", "plumbing"), ("bread", "breadth"), ("thing", "th"),
                                      ("need", "ne"), ("news", "new")])
def test_distinct_words_stay_distinct(a, b):
    assert kp.key(a, "en") != kp.key(b, "en")


def test_count_per_sentence_and_synonyms():
    phrases = [phrase("sourdough bread"), phrase("naturally leavened loaf")]
    text = ("Our sourdough bread and a second sourdough bread. A loaf, naturally leavened. "
            "Bread only.")
    assert kp.count(text, phrases, "en") == 3


def test_quoted_keyphrase_is_matched_exactly():
    exact = [phrase('"SEO analysis"')]
    assert kp.found("Our SEO analysis tool.", exact, "en")
    assert not kp.found("The analysis of SEO.", exact, "en")


def test_length_factor_cited_from_yoast():
    # Yoast's keyphraseLengthFactor: 0.7 + words / 3
    assert kp.length_factor(1) == pytest.approx(1.0333, abs=1e-3)
    assert kp.length_factor(3) == pytest.approx(1.7)


def test_slug_suggestion_keeps_the_writers_words():
    assert kp.slug_suggestion(phrase("Emergency plumbers in Leeds")) == "emergency-plumbers-leeds"
    assert kp.slug_suggestion(phrase("Baker's dozen rolls")) == "bakers-dozen-rolls"
    assert kp.slug_suggestion(phrase("Crème brûlée recipes")) == "creme-brulee-recipes"


def test_density_counts_the_words_in_any_order(site):
    body = words(150) + " Emergency plumber in Leeds, day and night. Call the emergency plumber in Leeds today."
    built = lint_site(site, {"plumber.md": "---\nkeyword: emergency plumber Leeds\n---\n\n# Plumber\n\n" + body + "\n"})
    assert built.ok, built.error
    assert where(findings(built, "keyword-density")) == [], [f.message for f in findings(built, "keyword-density")]


def test_intro_needs_the_words_in_one_sentence(site):
    built = lint_site(site, {
        "split.md": ("---\nkeyword: emergency plumber Leeds\n---\n\n# Plumber\n\n"
                     "We are an emergency plumber. We work in Leeds.\n"),
        "together.md": ("---\nkeyword: emergency plumber Leeds\n---\n\n# Plumber\n\n"
                        "We are the plumbers Leeds calls in an emergency.\n"),
    })
    assert built.ok, built.error
    found = findings(built, "keyword-not-in-intro")
    assert where(found) == [("split.md", 7)]
    assert "one sentence" in found[0].message


def test_slug_rule_matches_word_forms_and_suggests_the_keyphrase(site):
    built = lint_site(site, {
        "leeds-emergency-plumbers.md": ("---\ntitle: Emergency plumber in Leeds\n"
                                        "keyword: emergency plumber in Leeds\n---\n"),
        "contact.md": "---\ntitle: Emergency plumbers in Leeds\nkeyword: Emergency plumbers in Leeds\n---\n",
    })
    assert built.ok, built.error
    found = findings(built, "keyword-not-in-slug")
    assert where(found) == [("contact.md", 3)]
    assert "emergency-plumbers-leeds" in found[0].message
