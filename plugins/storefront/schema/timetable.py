"""A location's opening hours: the week (`hours`) and the days that differ (`special_hours`)."""

from __future__ import annotations

import difflib

from ..core.diagnostics import describe
from . import hours as hours_mod
from .reader import ProfileReader, read_date

SPECIAL_KEYS = ("date", "until", "hours", "label")


def read_timetable(reader: ProfileReader, weekly: object, special: object, prefix: str) -> hours_mod.Timetable:
    timetable = hours_mod.Timetable()
    _read_week(reader, weekly, f"{prefix}hours", timetable)
    key = f"{prefix}special_hours"
    if special is not None and not isinstance(special, list):
        reader.report(key, f"{describe(special)} is not a list",
                      "write a list of {date: 2026-12-25, hours: closed, label: Christmas Day}")
        special = []
    for index, entry in enumerate(special or []):
        day = _read_special(reader, entry, f"{key}[{index}]")
        if day is not None:
            timetable.special.append(day)
    timetable.special.sort(key=lambda s: s.first)
    return timetable


def _as_written(reader: ProfileReader, value: object, key: str) -> object:
    """An unquoted 07:00 is a base-60 number in YAML: the text as written stands for it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return reader.raw.get(key, value)
    return value


def _read_week(reader: ProfileReader, weekly: object, key: str, timetable: hours_mod.Timetable) -> None:
    data = reader.mapping(weekly, key, "{monday: 07:00-15:00, tuesday: [07:00-11:30, 13:00-18:00]}")
    for day, value in (data or {}).items():
        name = str(day).strip().lower()
        if name not in hours_mod.DAYS:
            close = difflib.get_close_matches(name, hours_mod.DAYS, n=1)
            reader.report(f"{key}.{day}", "is not a day of the week",
                          f"did you mean {close[0]}?" if close else "use monday … sunday")
            continue
        try:
            timetable.weekly[name] = hours_mod.parse_day(_as_written(reader, value, f"{key}.{day}"))
        except hours_mod.HoursError as error:
            reader.report(f"{key}.{day}", str(error),
                          'write a range like 09:00-17:00, a list of ranges for a split shift, '
                          '"closed" or "open_24_hours"')


def _read_special(reader: ProfileReader, value: object, key: str) -> hours_mod.SpecialHours | None:
    """One `special_hours` entry: a day or a period (`date`, `until`) with its hours and label."""
    entry = reader.mapping(value, key, "{date: 2026-12-25, hours: closed, label: Christmas Day}")
    if entry is None:
        return None
    reader.known(entry, SPECIAL_KEYS, key)
    if "date" not in entry:
        reader.report(f"{key}.date", "is missing", "give the day (date: 2026-12-25), and until: for a range")
        return None
    first = read_date(reader, entry.get("date"), f"{key}.date")
    last = read_date(reader, entry["until"], f"{key}.until") if "until" in entry else first
    if first is None or last is None:
        return None
    if last < first:
        reader.report(f"{key}.until", "is before date", "set until to the last day of the period")
        return None
    if "hours" not in entry:
        reader.report(f"{key}.hours", "is missing", 'write hours: closed, or hours: 09:00-13:00')
        return None
    try:
        day_hours = hours_mod.parse_day(_as_written(reader, entry["hours"], f"{key}.hours"))
    except hours_mod.HoursError as error:
        reader.report(f"{key}.hours", str(error),
                      'write "closed", a range like 09:00-13:00 or a list of ranges')
        return None
    label = reader.text(entry.get("label"), f"{key}.label")
    return hours_mod.SpecialHours(first, last, day_hours, label)
