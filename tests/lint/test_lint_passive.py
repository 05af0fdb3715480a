"""English passive voice as Yoast's assessment reads it: an auxiliary (be, get, have) starts a
clause and a past participle follows in that clause; adjectives that look like participles
are not passive (Yoast/javascript#903)."""

from __future__ import annotations

import pytest

from storefront.lint.passive import is_passive

PASSIVE = [
    "He was fit with hearing aids.",  # irregular participle
    "We sell apps that are constantly cling wrapped.",  # words between the auxiliary and the participle
    "She is having the house painted.",  # have-passive
    "The dough is shaped by hand.",
    "The loaves were baked in a stone oven.",
    "This glass has been broken.",
    "The fruit was eaten.",
    "The shop was quickly and carefully rebuilt after the fire.",
    "It's made from rye.",
    "The order got delivered late.",
    "The work was done by our team.",
    "Bread isn't baked on Sundays.",
    "The plugin is going to be built into the theme.",
]

ACTIVE = [
    "I was annoyed.",  # adjectives, not passives (Yoast/javascript#903)
    "She is depressed.",
    "I am disappointed.",
    "We are upset.",
    "We are excited about the new shop.",
    "You're done.",
    "We are done with the renovation.",
    "He was an accomplished pianist.",  # a determiner before the -ed word
    "How do I get help with my broken computer?",  # a possessive before it
    "We need seed and a red oven.",
    "Our bakers start at four and shape the dough by hand.",
    "The baker is fit and healthy.",
    "It is baking now, and we opened at seven.",
    "They were working when we called.",
    "The bread is in the oven and we baked it.",
    "As with all built-in plugins, getting started with the plugin is straightforward.",
    "You are of course welcome to attach generated reports to your issue.",
    "This is the page we created last year.",
]


@pytest.mark.parametrize("sentence", PASSIVE)
def test_passive(sentence):
    assert is_passive(sentence)


@pytest.mark.parametrize("sentence", ACTIVE)
def test_not_passive(sentence):
    assert not is_passive(sentence)
