"""The private editorial calendar as one self-contained HTML file.

A month grid and a list view of every dated item, coloured by status, and the unscheduled
drafts and ideas listed apart. Rendered with an autoescaping Jinja environment: every value
is plain text, escaped exactly once.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..core import clock
from .model import CalendarItem

__all__ = ["to_html"]

_TEMPLATES = Path(__file__).parent / "templates"
_MAX_MONTHS = 24


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def _time(item: CalendarItem, tz: dt.tzinfo) -> str:
    return "all day" if item.all_day or item.when is None else f"{item.when.astimezone(tz):%H:%M}"


def _row(item: CalendarItem, tz: dt.tzinfo) -> dict:
    local = item.when.astimezone(tz) if item.when else None
    return {
        "item": item,
        "day": local.date() if local else None,
        "when": (f"{local:%a} {local.day} {local:%b %Y}" + ("" if item.all_day else f", {local:%H:%M}"))
        if local else "",
        "time": _time(item, tz) if local else "",
        "label": "promote" if item.kind == "promotion" else item.kind,
        "expires": clock.display(item.expires, tz) if item.expires else "",
    }


def _months(rows: Sequence[dict], today: dt.date) -> list[dict]:
    days = [row["day"] for row in rows if row["day"]]
    if not days:
        return []
    first = min(min(days), today).replace(day=1)
    last = max(max(days), today)
    by_day: dict[dt.date, list[dict]] = {}
    for row in rows:
        if row["day"]:
            by_day.setdefault(row["day"], []).append(row)
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        has_items = any(day.year == year and day.month == month for day in by_day)
        if has_items or (year, month) == (today.year, today.month):
            weeks = []
            for week in _calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
                weeks.append([{"date": day, "in_month": day.month == month, "today": day == today,
                               "rows": by_day.get(day, []) if day.month == month else []}
                              for day in week])
            months.append({"label": f"{dt.date(year, month, 1):%B %Y}", "id": f"m{year}-{month:02d}",
                           "weeks": weeks})
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months[-_MAX_MONTHS:]


def to_html(items: Sequence[CalendarItem], *, site_name: str, tz: dt.tzinfo, tz_name: str,
            now: dt.datetime, next_change: dt.datetime | None) -> str:
    rows = [_row(item, tz) for item in items]
    dated = [row for row in rows if row["day"]]
    unscheduled = [row for row in rows if not row["day"]]
    today = now.astimezone(tz).date()
    statuses = sorted({row["item"].status for row in rows})
    return _env().get_template("calendar.html").render(
        site_name=site_name, tz_name=tz_name, generated=clock.display(now, tz),
        next_change=clock.display(next_change, tz) if next_change else None,
        months=_months(dated, today), dated=dated, unscheduled=unscheduled, statuses=statuses,
        weekdays=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    )
