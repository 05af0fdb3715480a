"""The one line-aware reader of the suite's data files (business.yml, calendar.yml, ctas.yml)."""

from __future__ import annotations

import datetime as dt

import pytest

from storefront.calendar.plan import parse_plan
from storefront.core import datafile
from storefront.cta.model import config_lines, read_cta_file
from storefront.schema.profile import read_profile


def test_lines_of_nested_keys_and_items():
    file = datafile.read("a:\n  b: 1\nlist:\n  - x: 2\n  - y: 3\n", "f.yml")
    assert file.problems == []
    assert file.lines == {"a": 1, "a.b": 2, "list": 3, "list[0]": 4, "list[0].x": 4, "list[1]": 5,
                          "list[1].y": 5}
    assert file.line("list[1].missing") == 5 and file.line("nothing") is None


def test_syntax_error_is_one_problem_with_its_line():
    file = datafile.read("a: 1\nb: [1, 2\nc: 3\n", "f.yml", syntax_fix="fix it")
    assert file.data is None and len(file.problems) == 1
    problem = file.problems[0]
    assert problem.file == "f.yml" and problem.line == 2 and "is not valid YAML" in problem.problem
    assert problem.fix == "fix it"


def test_impossible_date_stays_text_and_dates_can_be_off():
    assert datafile.read("d: 2026-02-30\ne: 2026-02-03\n", "f").data == {"d": "2026-02-30",
                                                                         "e": dt.date(2026, 2, 3)}
    assert datafile.read("e: 2026-02-03\n", "f", dates=False).data == {"e": "2026-02-03"}


def test_known_keys_suggest_the_nearest():
    file = datafile.read("nmae: x\nzzz: 1\n", "f.yml")
    assert file.known(file.data, ("name", "url"), "") == ["nmae", "zzz"]
    assert [(p.key, p.line, p.fix) for p in file.problems] == [
        ("nmae", 1, "did you mean name?"), ("zzz", 2, "remove it; known keys are name, url")]


def test_text_keeps_numbers_as_written_and_refuses_mappings():
    file = datafile.read("zip: 05401\nbad: {a: 1}\n", "f.yml")
    assert file.text(file.data["zip"], "zip") == "05401"
    assert file.text(file.data["bad"], "bad") is None
    assert [(p.key, p.line) for p in file.problems] == [("bad", 2)]


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01"])
def test_impossible_unquoted_date_is_one_message_in_each_data_file(date):
    _, plan_problems = parse_plan(f"items:\n  - title: Guide\n    date: {date}\n", name="seo/calendar.yml",
                                  tz=dt.UTC)
    _, cta_problems = read_cta_file(f"sale:\n  label: Go\n  url: https://shop.example/\n  until: {date}\n",
                                    source="seo/ctas.yml", tz=dt.UTC)
    _, profile_problems = read_profile(
        "type: Bakery\nname: B\nspecial_hours:\n"
        f"  - date: {date}\n    hours: closed\n", "seo/business.yml")
    assert [(p.key, p.line) for p in plan_problems] == [("items[0].date", 3)]
    assert [(p.key, p.line) for p in cta_problems] == [("sale.until", 4)]
    assert [(p.key, p.line) for p in profile_problems] == [("special_hours[0].date", 4)]


def test_cta_lines_in_mkdocs_yml_and_variant_lines():
    config = "site_name: X\nplugins:\n  - search\n  - storefront/cta:\n      ctas:\n        buy:\n          url: /x\n"
    assert config_lines(config) == {"buy": 6, "buy.url": 7}
    _, problems = read_cta_file("buy:\n  label: Buy\n  url: https://shop.example/\n  variants:\n"
                                "    - label: Buy now\n    - label: \"Buy\\x00\"\n", source="c.yml", tz=dt.UTC)
    assert [(p.key, p.line) for p in problems] == [("buy.variants[1].label", 6)]
