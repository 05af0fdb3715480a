"""The calendar as an iCalendar file (RFC 5545) editors can subscribe to.

Each item is a VEVENT whose UID never changes between builds (so a calendar app updates an
event rather than adding a copy); DTSTAMP is the build clock; timed items carry the site
timezone (TZID, with its VTIMEZONE), all-day items are DATE values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from .model import CalendarItem

__all__ = ["to_ics"]

_KIND_LABEL = {"page": "", "planned": "Planned", "promotion": "Promote"}


def _summary(item: CalendarItem) -> str:
    label = _KIND_LABEL.get(item.kind, "")
    if item.kind == "promotion":
        return f"Promote on {item.channel}: {item.title}"
    prefix = item.status.capitalize() if not label else f"{label} ({item.status})"
    return f"[{prefix}] {item.title}"


def _description(item: CalendarItem) -> str:
    lines = [f"Status: {item.status}"]
    for label, value in (("Owner", item.owner), ("Channel", item.channel),
                         ("Campaign", item.campaign), ("Note", item.note), ("URL", item.url)):
        if value:
            lines.append(f"{label}: {value}")
    source = f"{item.source}:{item.line}" if item.line else item.source
    lines.append(f"Source: {source}")
    return "\n".join(lines)


def to_ics(items: Iterable[CalendarItem], *, name: str, tz: dt.tzinfo, tz_name: str,
           stamp: dt.datetime) -> bytes:
    """Serialise the dated items (unscheduled ones have no place in a calendar app)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//mkdocs-storefront//storefront calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz_name)
    stamp = stamp.astimezone(dt.timezone.utc).replace(microsecond=0)
    for item in items:
        if item.when is None:
            continue
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        local = item.when.astimezone(tz)
        # No DTEND: a timed item is an instant (a publish time), an all-day item one day.
        event.add("dtstart", local.date() if item.all_day else local.replace(microsecond=0))
        event.add("summary", _summary(item))
        event.add("description", _description(item))
        if item.url:
            event.add("url", item.url)
        event.add("status", "CANCELLED" if item.status == "cancelled"
                  else "CONFIRMED" if item.status in ("scheduled", "published", "done") else "TENTATIVE")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
