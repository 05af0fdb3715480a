"""Opening hours: ranges, split shifts, all-day, overnight, special hours and "open now"."""

from __future__ import annotations

import datetime as dt

import pytest

from storefront.schema import hours


def test_split_shift_and_all_day():
    day = hours.parse_day(["13:00-18:00", "07:00-11:30"])
    assert [(f"{r.opens:%H:%M}", r.schema_closes()) for r in day.ranges] == [("07:00", "11:30"), ("13:00", "18:00")]
    assert hours.parse_day("open_24_hours") is hours.ALL_DAY
    assert hours.parse_day("00:00-24:00") is hours.ALL_DAY
    assert hours.parse_day("Closed").closed


@pytest.mark.parametrize("value, message", [
    ("9-5pm", "is not a time range like 09:00-17:00"),
    ("25:00-26:00", "is not a time of day"),
    ("09:00-09:00", "same time"),
    (["07:00-12:00", "11:00-15:00"], "overlap"),
    (420, "quote the range"),
    ({"opens": "07:00"}, "is not opening hours"),
])
def test_bad_hours_say_what_to_write(value, message):
    with pytest.raises(hours.HoursError, match=message):
        hours.parse_day(value)


def test_is_open_with_split_shift_overnight_and_special_closure():
    table = hours.Timetable(weekly={"friday": hours.parse_day(["07:00-11:30", "13:00-18:00"]),
                                    "saturday": hours.parse_day("22:00-02:00")})
    friday = dt.datetime(2026, 11, 27)
    assert table.is_open(friday.replace(hour=8))
    assert not table.is_open(friday.replace(hour=12))
    assert table.is_open(friday.replace(hour=17, minute=59))
    assert not table.is_open(friday.replace(hour=18))
    assert table.is_open(dt.datetime(2026, 11, 28, 23))
    assert table.is_open(dt.datetime(2026, 11, 29, 1, 30))  # Saturday's late shift, after midnight
    assert not table.is_open(dt.datetime(2026, 11, 29, 2, 30))
    table.special.append(hours.SpecialHours(dt.date(2026, 11, 27), dt.date(2026, 11, 27), hours.CLOSED, "Holiday"))
    assert not table.is_open(friday.replace(hour=8))


def test_upcoming_special_hours_window():
    specials = [hours.SpecialHours(dt.date(2026, 11, 1), dt.date(2026, 11, 1), hours.CLOSED),
                hours.SpecialHours(dt.date(2026, 12, 25), dt.date(2026, 12, 26), hours.CLOSED),
                hours.SpecialHours(dt.date(2027, 6, 1), dt.date(2027, 6, 1), hours.CLOSED)]
    table = hours.Timetable(special=specials)
    today = dt.date(2026, 11, 23)
    assert [s.first.isoformat() for s in table.upcoming(today, 60)] == ["2026-12-25"]
    assert [s.first.isoformat() for s in table.current_special(today)] == ["2026-12-25", "2027-06-01"]


def test_visitor_time_formats():
    assert hours.format_time(dt.time(7, 0), "12h") == "7 am"
    assert hours.format_time(dt.time(13, 30), "12h") == "1:30 pm"
    assert hours.format_time(dt.time(13, 30)) == "13:30"
    assert hours.format_date(dt.date(2026, 12, 25)) == "Friday 25 December 2026"


def test_an_hours_error_carries_problem_and_fix_as_fields():
    with pytest.raises(hours.HoursError) as caught:
        hours.parse_day(700)  # YAML reads an unquoted 07:00 as a number of minutes
    assert caught.value.problem == "700 is a number (YAML read an unquoted time)"
    assert caught.value.fix == 'quote the range, e.g. "07:00-12:00"'
    with pytest.raises(hours.HoursError) as caught:
        hours.parse_day("9-5pm")
    assert (caught.value.problem, caught.value.fix) == ('"9-5pm" is not a time range like 09:00-17:00', "")
