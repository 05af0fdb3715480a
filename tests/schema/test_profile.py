"""The business profile: every validation message names the file, the line, the key and the fix."""

from __future__ import annotations

import textwrap

import pytest
from schema_helpers import PROFILE

from storefront.schema.profile import load_profile, read_profile

PATH = "seo/business.yml"


def problems(text: str) -> list[str]:
    _, found = load_profile(textwrap.dedent(text), PATH)
    return [str(p) for p in found if p.severity != "info"]


def test_the_fixture_profile_is_clean():
    business, found = load_profile(textwrap.dedent(PROFILE), PATH)
    assert [str(p) for p in found] == []
    assert business.type == "Bakery" and business.branches[0].key == "branch-hearth-crumb-winooski"
    assert len(business.timetable.weekly["friday"].ranges) == 2
    assert business.extras == {"acceptsReservations": False, "hasMenu": "products/"}


@pytest.mark.parametrize("text, expected", [
    ("type: Bakery\nname: B\nhours:\n  tuesday: 9-5pm\n",
     'seo/business.yml:4: hours.tuesday: "9-5pm" is not a time range like 09:00-17:00; write a range like 09:00-17:00'),
    ("type: Bakery\nname: B\nhours:\n  tusday: 09:00-17:00\n",
     "seo/business.yml:4: hours.tusday: is not a day of the week; did you mean tuesday?"),
    ("type: Bakeri\nname: B\n",
     'seo/business.yml:1: type: "Bakeri" is not a schema.org LocalBusiness type; did you mean Bakery?'),
    ("type: Bakery\nnmae: B\n", "seo/business.yml:2: nmae: unknown key; did you mean name?"),
    ("type: Bakery\nname: B\naddress:\n  street: 1 Main St\n  zip: 1\n",
     "seo/business.yml:5: address.zip: unknown key"),
    ("type: Bakery\nname: B\naddress: {street: x, locality: y, country: USA}\n",
     'seo/business.yml:3: address.country: "USA" is not a two-letter country code'),
    ("type: Bakery\nname: B\ngeo: {latitude: 120, longitude: 3}\n",
     "seo/business.yml:3: geo.latitude: 120 is not a latitude"),
    ("type: Bakery\nname: B\ntelephone: call us\n", 'telephone: "call us" is not a telephone number'),
    ("type: Bakery\nname: B\nemail: nope\n", 'email: "nope" is not an email address'),
    ("type: Bakery\nname: B\ntimezone: Mars/Base\n",
     'seo/business.yml:3: timezone: "Mars/Base" is not a known timezone'),
    ("type: Bakery\nname: B\nspecial_hours:\n  - {date: 2026-13-01, hours: closed}\n",
     "special_hours[0].date: \"2026-13-01\" is not a date; write it like 2026-12-25"),
    ("type: Bakery\nname: B\nspecial_hours:\n  - {date: 2026-12-26, until: 2026-12-24, hours: closed}\n",
     "seo/business.yml:4: special_hours[0].until: is before date"),
    ("type: Bakery\nname: B\nspecial_hours:\n  - date: 2026-12-26\n", "special_hours[0].hours: is missing"),
    ("type: Plumber\nname: B\nmenu: menu/\n",
     "seo/business.yml:3: menu: is not a property of Plumber; remove it, or use a type under FoodEstablishment"),
    ("type: Organization\nname: B\nhours: {monday: 09:00-17:00}\n",
     "hours: needs a LocalBusiness type, not Organization"),
    ("type: Bakery\nname: B\nsame_as: [instagram.com/x]\n", "same_as[0]: \"instagram.com/x\" is not an absolute URL"),
    ("type: Bakery\nname: B\nbranches:\n  - address: {street: x}\n",
     "seo/business.yml:4: branches[0].name: is missing"),
    ("type: Bakery\nname: B\nbranches:\n  - name: Two\n    hours: {friday: 8-4}\n",
     'seo/business.yml:5: branches[0].hours.friday: "8-4" is not a time range'),
    ("type: Bakery\nname: B\nhours:\n  monday: [07:00-12:00, 11:00-15:00]\n",
     "hours.monday: the ranges 07:00-12:00, 11:00-15:00 overlap"),
    ("type: Bakery\nname: B\nhours:\n  monday: 07:00\n", 'hours.monday: "07:00" is not a time range like 09:00-17:00'),
    ("name: [a, b]\n", "name: ['a', 'b'] is not text"),
    ("name: B\n", "seo/business.yml: type: is missing"),
    ("type: Bakery\nname: B\naccepts_reservations: [maybe]\n",
     "accepts_reservations: ['maybe'] is not true, false or a URL"),
])
def test_each_validation_error(text, expected):
    found = problems(text)
    assert any(expected in p for p in found), found


def test_required_missing_is_a_warning_and_recommended_missing_is_info():
    _, found = load_profile("type: Bakery\nname: B\naddress: {locality: Burlington}\n", PATH)
    warnings = [str(p) for p in found if p.severity == "warning"]
    infos = [str(p) for p in found if p.severity == "info"]
    assert "seo/business.yml:3: address.street: is missing; give the street address, or area_served for a " \
           "service-area business that hides it" in warnings
    assert any("address.country: is missing" in w for w in warnings)
    assert infos == [("seo/business.yml: business: recommended for local results: geo, telephone, hours; "
                      "add them to show map, call and opening-hours details in search")]
    # no photo is a warning of its own (Google shows photos in local results; a logo is not one)
    assert any(w.startswith("seo/business.yml: images: the profile has no photo of the business") for w in warnings)


def test_service_area_business_may_hide_its_street():
    text = ("type: Plumber\nname: Pipes\ntelephone: +1 802 555 0100\ngeo: {latitude: 44.47812, longitude: -73.21251}\n"
            "address: {locality: Burlington, region: VT, country: US}\narea_served: [Burlington, Winooski]\n"
            "hours: {monday: 08:00-17:00}\nlogo: logo.png\nimages: [van.jpg]\n")
    business, found = load_profile(text, PATH)
    assert [str(p) for p in found] == []
    assert business.address.street == "" and business.area_served == ["Burlington", "Winooski"]


def test_invalid_yaml_is_one_message_with_a_line():
    business, found = read_profile("type: Bakery\nname: [unclosed\n", PATH)
    assert business is None and len(found) == 1
    assert str(found[0]).startswith("seo/business.yml:") and "is not valid YAML" in str(found[0])


def test_a_bad_value_is_left_out_and_the_rest_is_used():
    business, _ = load_profile("type: Bakery\nname: B\ntelephone: nope\nhours: {monday: 9-5, tuesday: 09:00-17:00}\n",
                               PATH)
    assert business.telephone == "" and list(business.timetable.weekly) == ["tuesday"]


def test_unquoted_numbers_are_kept_as_written():
    business, _ = load_profile("type: Bakery\nname: B\naddress: {street: x, locality: y, country: US, "
                               "postal_code: 05401}\ntelephone: 8025550142\n", PATH)
    assert business.address.postal_code == "05401" and business.telephone == "8025550142"
