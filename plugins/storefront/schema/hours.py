"""Opening hours: the weekly timetable, special (holiday) hours, and what is upcoming.

Pure values and parsing; the profile module reports problems with file, line and key.
Times are wall-clock times in the business's timezone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = {day: day.capitalize() for day in DAYS}
CLOSED_WORDS = {"closed"}
ALL_DAY_WORDS = {"open_24_hours", "24h", "24 hours", "all day", "open all day"}

_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})\s*$")


class HoursError(ValueError):
    """A value that is not an opening-hours range: `problem` says what is wrong and `fix` (when
    there is one) what to write; the message joins them with "; "."""

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(f"{problem}; {fix}" if fix else problem)
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class TimeRange:
    """One opening: `opens`..`closes`; `closes` before `opens` means after midnight."""

    opens: dt.time
    closes: dt.time
    until_midnight: bool = False  # written as 24:00

    @property
    def all_day(self) -> bool:
        return self.opens == dt.time(0, 0) and self.until_midnight

    def schema_closes(self) -> str:
        return "23:59" if self.until_midnight else f"{self.closes:%H:%M}"


@dataclass(frozen=True)
class DayHours:
    """A day's hours: closed (no ranges) or one or more ranges (a split shift)."""

    ranges: tuple[TimeRange, ...] = ()

    @property
    def closed(self) -> bool:
        return not self.ranges


CLOSED = DayHours()
ALL_DAY = DayHours((TimeRange(dt.time(0, 0), dt.time(0, 0), until_midnight=True),))


@dataclass(frozen=True)
class SpecialHours:
    """Other hours from `first` to `last` (inclusive): a holiday closure or changed hours."""

    first: dt.date
    last: dt.date
    hours: DayHours
    label: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass
class Timetable:
    """The weekly hours (a day left out is closed) and the special hours."""

    weekly: dict[str, DayHours] = field(default_factory=dict)
    special: list[SpecialHours] = field(default_factory=list)

    @property
    def stated(self) -> bool:
        return bool(self.weekly) or bool(self.special)

    def hours_on(self, day: dt.date) -> DayHours:
        for special in self.special:
            if special.covers(day):
                return special.hours
        return self.weekly.get(DAYS[day.weekday()], CLOSED)

    def is_open(self, moment: dt.datetime) -> bool:
        """Whether the business is open at a local wall-clock moment; a range that runs past
        midnight belongs to the day it opens."""
        today, now = moment.date(), moment.time()
        for time_range in self.hours_on(today).ranges:
            if time_range.until_midnight or time_range.closes < time_range.opens:
                if now >= time_range.opens:
                    return True
            elif time_range.opens <= now < time_range.closes:
                return True
        for time_range in self.hours_on(today - dt.timedelta(days=1)).ranges:
            if not time_range.until_midnight and time_range.closes < time_range.opens and now < time_range.closes:
                return True
        return False

    def current_special(self, today: dt.date) -> list[SpecialHours]:
        """Special hours that are not over yet (for the structured data)."""
        return [s for s in self.special if s.last >= today]

    def upcoming(self, today: dt.date, days: int) -> list[SpecialHours]:
        """Special hours that touch the next `days` days, soonest first (for visitors)."""
        horizon = today + dt.timedelta(days=days)
        return sorted((s for s in self.special if s.last >= today and s.first <= horizon),
                      key=lambda s: s.first)


def parse_time(hours: str, minutes: str, *, closing: bool) -> tuple[dt.time, bool]:
    h, m = int(hours), int(minutes)
    if closing and h == 24 and m == 0:
        return dt.time(0, 0), True
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise HoursError(f"{hours}:{minutes} is not a time of day")
    return dt.time(h, m), False


def parse_range(text: str) -> TimeRange:
    match = _RANGE.match(text)
    if not match:
        raise HoursError(f'"{text}" is not a time range like 09:00-17:00')
    opens, _ = parse_time(match[1], match[2], closing=False)
    closes, midnight = parse_time(match[3], match[4], closing=True)
    if not midnight and closes == opens:
        raise HoursError(f'"{text}" opens and closes at the same time')
    return TimeRange(opens, closes, midnight)


def parse_day(value: object) -> DayHours:
    """`closed`, an all-day word, one range, or a list of ranges (a split shift)."""
    if value is False or value is None:
        return CLOSED
    if isinstance(value, str):
        word = value.strip().lower()
        if word in CLOSED_WORDS:
            return CLOSED
        if word in ALL_DAY_WORDS:
            return ALL_DAY
        time_range = parse_range(value)
        return ALL_DAY if time_range.all_day else DayHours((time_range,))
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        ranges = sorted((parse_range(item) for item in value), key=lambda r: r.opens)
        for before, after in pairwise(ranges):
            if before.until_midnight or (before.closes > before.opens and after.opens < before.closes):
                raise HoursError(f"the ranges {', '.join(value)} overlap")
        return DayHours(tuple(ranges))
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 07:00 as the number 420 (minutes in base 60).
        raise HoursError(f"{value} is a number (YAML read an unquoted time)", 'quote the range, e.g. "07:00-12:00"')
    raise HoursError(f"{value!r} is not opening hours")


def format_time(moment: dt.time, clock: str = "24h", *, midnight: bool = False) -> str:
    """A time for visitors: 07:00 / 19:30 (24h), or 7 am / 7:30 pm (12h)."""
    if midnight:
        return "24:00" if clock == "24h" else "midnight"
    if clock == "24h":
        return f"{moment:%H:%M}"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}:{moment.minute:02d} {suffix}" if moment.minute else f"{hour} {suffix}"


def format_date(day: dt.date) -> str:
    """A day for visitors, locale-independent: Friday 25 December 2026."""
    return f"{day:%A} {day.day} {day:%B %Y}"
