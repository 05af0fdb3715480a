"""core/clock.py: the build clock, the site timezone and date parsing."""

from __future__ import annotations

import datetime as dt

import pytest

from storefront.core.clock import UTC, ClockError, build_now, display, is_date_only, isoformat, parse_when, zone

PARIS = zone("Europe/Paris")


def test_zone():
    assert zone(None) is UTC and zone("UTC") is UTC
    assert str(PARIS) == "Europe/Paris"
    with pytest.raises(ClockError, match="is not a known timezone; use an IANA name"):
        zone("Mars/Olympus")
    with pytest.raises(ClockError, match="is not a timezone name"):
        zone(5)


@pytest.mark.parametrize("value, expected", [
    (dt.date(2026, 12, 3), dt.datetime(2026, 12, 3, tzinfo=PARIS)),
    ("2026-12-03", dt.datetime(2026, 12, 3, tzinfo=PARIS)),
    ("2026-12-03 09:00", dt.datetime(2026, 12, 3, 9, tzinfo=PARIS)),
    ("2026-12-03T09:00:00", dt.datetime(2026, 12, 3, 9, tzinfo=PARIS)),
    (dt.datetime(2026, 12, 3, 9), dt.datetime(2026, 12, 3, 9, tzinfo=PARIS)),
    ("2026-12-03T09:00:00Z", dt.datetime(2026, 12, 3, 9, tzinfo=UTC)),
    ("2026-12-03T09:00:00+01:00", dt.datetime(2026, 12, 3, 8, tzinfo=UTC)),
])
def test_parse_when_reads_in_the_site_timezone(value, expected):
    parsed = parse_when(value, PARIS)
    assert parsed.tzinfo is not None
    assert parsed == expected


@pytest.mark.parametrize("value", ["someday", "2026-13-45", "03/12/2026", 20261203, None, ["2026-12-03"]])
def test_parse_when_rejects_with_a_fix(value):
    with pytest.raises(ClockError, match="is not a date; write 2026-12-03"):
        parse_when(value)


def test_is_date_only():
    assert is_date_only(dt.date(2026, 1, 1)) and is_date_only("2026-01-01")
    assert not is_date_only(dt.datetime(2026, 1, 1)) and not is_date_only("2026-01-01 10:00")


def test_build_now_order():
    assert build_now(environ={"STOREFRONT_NOW": "2026-11-23T12:00:00+01:00"}, override="2020-01-01") == \
        dt.datetime(2026, 11, 23, 11, tzinfo=UTC)
    assert build_now("2026-05-01", environ={"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(2026, 5, 1, tzinfo=UTC)
    assert build_now(environ={"SOURCE_DATE_EPOCH": "1764748800"}) == dt.datetime(2025, 12, 3, 8, tzinfo=UTC)
    real = build_now(environ={})
    assert real.tzinfo is UTC and abs(real - dt.datetime.now(UTC)) < dt.timedelta(minutes=1)


def test_build_now_bad_values_name_their_source():
    with pytest.raises(ClockError, match=r"^STOREFRONT_NOW: "):
        build_now(environ={"STOREFRONT_NOW": "tomorrow"})
    with pytest.raises(ClockError, match=r"^now: "):
        build_now("tomorrow", environ={})
    with pytest.raises(ClockError, match=r"SOURCE_DATE_EPOCH: .* is not a Unix timestamp"):
        build_now(environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_isoformat_and_display():
    moment = dt.datetime(2026, 12, 3, 8, 0, 30, 123456, tzinfo=UTC)
    assert isoformat(moment) == "2026-12-03T08:00:30+00:00"
    assert isoformat(moment, PARIS) == "2026-12-03T09:00:30+01:00"
    assert display(moment, PARIS) == "Thu 3 Dec 2026, 09:00"


def test_a_clock_error_carries_problem_and_fix_as_fields():
    with pytest.raises(ClockError) as caught:
        parse_when("tomorrow", UTC)
    assert caught.value.problem == '"tomorrow" is not a date'
    assert caught.value.fix == "write 2026-12-03, 2026-12-03 09:00 or 2026-12-03T09:00:00+01:00"
    assert str(caught.value) == f"{caught.value.problem}; {caught.value.fix}"
    with pytest.raises(ClockError) as caught:
        build_now(environ={"STOREFRONT_NOW": "tomorrow"})
    assert (caught.value.problem, caught.value.fix) == (
        'STOREFRONT_NOW: "tomorrow" is not a date', "write 2026-12-03, 2026-12-03 09:00 or 2026-12-03T09:00:00+01:00")
    with pytest.raises(ClockError) as caught:
        zone("Mars/Base")
    assert caught.value.problem == '"Mars/Base" is not a known timezone'
    assert caught.value.fix.startswith("use an IANA name")
