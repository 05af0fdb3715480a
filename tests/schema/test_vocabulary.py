"""The shipped LocalBusiness type list and the vocabulary checker the other tests rely on."""

from __future__ import annotations

import json

import pytest
from vocabulary_check import Vocabulary

from storefront.schema import vocabulary


@pytest.fixture(scope="module")
def checker(schemaorg_vocabulary):
    return Vocabulary(schemaorg_vocabulary)


def test_shipped_types_equal_what_the_vocabulary_says(schemaorg_vocabulary):
    shipped = json.loads(vocabulary.DATA.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(vocabulary.generate(schemaorg_vocabulary)))


def test_shipped_types_hold_local_businesses_only(schemaorg_vocabulary, checker):
    types = vocabulary.shipped()["types"]
    assert {"LocalBusiness", "Bakery", "Plumber", "HairSalon", "Restaurant", "Dentist"} <= set(types)
    assert "Organization" not in types and "Place" not in types and "Product" not in types
    for name in types:
        assert "LocalBusiness" in checker.supertypes(name)
    assert vocabulary.allows("Bakery", "hasMenu") and vocabulary.allows("Restaurant", "acceptsReservations")
    assert not vocabulary.allows("Plumber", "hasMenu")
    assert vocabulary.suggest("Bakey") == "Bakery" and vocabulary.suggest("bakery") == "Bakery"


def _doc(*nodes):
    return {"@context": "https://schema.org", "@graph": list(nodes)}


def test_checker_accepts_a_valid_graph(checker):
    report = checker.check(_doc(
        {"@type": "Bakery", "@id": "x#b", "name": "B", "telephone": "1", "geo": {"@type": "GeoCoordinates",
         "latitude": 1.5, "longitude": 2}, "acceptsReservations": False, "subOrganization": {"@id": "x#c"}},
        {"@type": "Bakery", "@id": "x#c", "name": "C", "parentOrganization": {"@id": "x#b"}},
        {"@type": "Product", "@id": "x#p", "name": "Loaf", "offers": {"@type": "Offer", "price": "8.50",
         "priceCurrency": "USD", "availability": "https://schema.org/InStock"}},
        {"@type": "BreadcrumbList", "@id": "x#l", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://a.example/"}]},
    ))
    assert report.problems == []


@pytest.mark.parametrize("node, expected", [
    ({"@type": "Bakeri", "@id": "x#1", "name": "B"}, "unknown type Bakeri"),
    ({"@type": "Plumber", "@id": "x#1", "hasMenu": "https://a.example/menu"}, "hasMenu is not a property of Plumber"),
    ({"@type": "Bakery", "@id": "x#1", "branchOf": {"@id": "x#1"}}, "branchOf is superseded"),
    ({"@type": "Bakery", "@id": "x#1", "menu": "https://a.example/menu"}, "menu is superseded"),
    ({"@type": "Bakery", "@id": "x#1", "colour": "red"}, "unknown property colour"),
    ({"@type": "Bakery", "@id": "x#1", "parentOrganization": {"@id": "x#missing"}}, "not in the @graph"),
    ({"@type": "Product", "@id": "x#1", "offers": {"@type": "Person", "name": "p"}}, "Person is not in the range"),
    ({"@type": "Offer", "@id": "x#1", "availability": "https://schema.org/EventScheduled"}, "not a member"),
    ({"@type": "BlogPosting", "@id": "x#1", "author": "Maria"}, "text where the range is"),
    ({"@type": "Bakery", "@id": "x#1", "address": {"streetAddress": "1 Street"}}, "node without @type"),
])
def test_checker_finds_each_kind_of_problem(checker, node, expected):
    report = checker.check(_doc(node))
    assert any(expected in problem for problem in report.problems), report.problems


def test_checker_finds_repeated_nodes_and_notes_pending_terms(checker):
    report = checker.check(_doc({"@type": "Bakery", "@id": "x#1"}, {"@type": "Bakery", "@id": "x#1"}))
    assert any("repeated" in p for p in report.problems)
    report = checker.check(_doc({"@type": "ArchiveOrganization", "@id": "x#2", "name": "A"}))
    assert report.problems == [] and any("pending" in n for n in report.notes)
