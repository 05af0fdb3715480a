"""What the partials print: the profile turned into plain values for visitors.

The partials (`partials/storefront/business-*.html`) and the JSON-LD read the same
profile, so what a visitor reads and what a search engine reads cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .hours import DAY_NAMES, DAYS, DayHours, SpecialHours, Timetable, format_date, format_time
from .model import Business, Location


def _ranges(day: DayHours, clock: str) -> list[dict[str, str | bool]]:
    return [{
        "opens": f"{r.opens:%H:%M}",
        "opens_text": format_time(r.opens, clock),
        "closes": "24:00" if r.until_midnight else f"{r.closes:%H:%M}",
        "closes_text": format_time(r.closes, clock, midnight=r.until_midnight),
        "all_day": r.all_day,
    } for r in day.ranges]


def weekly_rows(timetable: Timetable, clock: str) -> list[dict[str, Any]]:
    """One row per day, Monday first; a day the profile leaves out is closed."""
    rows = []
    for day in DAYS:
        hours = timetable.weekly.get(day, DayHours())
        rows.append({"day": DAY_NAMES[day], "short": DAY_NAMES[day][:3], "closed": hours.closed,
                     "ranges": _ranges(hours, clock)})
    return rows


def special_rows(specials: list[SpecialHours], clock: str) -> list[dict[str, Any]]:
    return [{
        "first": s.first.isoformat(),
        "first_text": format_date(s.first),
        "last": s.last.isoformat(),
        "last_text": format_date(s.last),
        "single_day": s.first == s.last,
        "label": s.label,
        "closed": s.hours.closed,
        "ranges": _ranges(s.hours, clock),
    } for s in specials]


def location_view(location: Location, today: dt.date, upcoming_days: int, clock: str) -> dict[str, Any]:
    address = location.address
    return {
        "key": location.key,
        "name": location.name,
        "description": location.description,
        "street": address.street if address else "",
        "address_lines": [line for line in address.lines if line != address.country] if address else [],
        "country": address.country if address else "",
        "area_served": location.area_served,
        "telephone": location.telephone,
        "telephone_uri": location.telephone_uri if location.telephone else "",
        "email": location.email,
        "has_hours": bool(location.timetable.weekly),
        "hours": weekly_rows(location.timetable, clock),
        "upcoming": special_rows(location.timetable.upcoming(today, upcoming_days), clock),
    }


def business_view(business: Business, now: dt.datetime, upcoming_days: int, clock: str) -> dict[str, Any]:
    """The business and its branches as the partials receive them (`business`)."""
    today = now.astimezone(business.timezone).date()
    view = location_view(business, today, upcoming_days, clock)
    view["branches"] = [location_view(b, today, upcoming_days, clock) for b in business.branches]
    view["today"] = today.isoformat()
    return view


_STATUS_TEXT = {"EventCancelled": "cancelled", "EventPostponed": "postponed", "EventRescheduled": "rescheduled",
                "EventMovedOnline": "moved online"}


def _moment_text(value: dt.datetime, date_only: bool, clock: str) -> str:
    if date_only:
        return format_date(value.date())
    return f"{format_date(value.date())}, {format_time(value.timetz(), clock)}"


def _place_text(business: Business | None, location: dict | str | None) -> tuple[str, str]:
    """What the visitor reads as the event's place, and a URL for it (online events)."""
    if location is None or isinstance(location, str):
        places = [business, *business.branches] if business is not None else []
        match = places[0] if location is None and places else next(
            (p for p in places if isinstance(location, str) and p.name.casefold() == location.casefold()), None)
        if match is None:
            return location or "", ""
        lines = [line for line in match.address.lines if line] if match.address else []
        return ", ".join([match.name, *lines]), ""
    parts = [part for part in (location.get("name"), location.get("address_text")) if part]
    return ", ".join(parts) or ("Online" if location.get("url") else ""), location.get("url") or ""


def events_view(events: list, business: Business | None, clock: str) -> list[dict[str, Any]]:
    """The page's events as the `business-events` partial receives them (plain values)."""
    out = []
    for event in events:
        place, place_url = _place_text(business, event.location)
        status = (event.status or "").rsplit("/", 1)[-1]
        out.append({
            "name": event.name,
            "start": event.start.date().isoformat() if event.date_only else event.start.isoformat(),
            "start_text": _moment_text(event.start, event.date_only, clock),
            "end": (event.end.date().isoformat() if event.date_only else event.end.isoformat()) if event.end else "",
            "end_text": _moment_text(event.end, event.date_only, clock) if event.end else "",
            "status_text": _STATUS_TEXT.get(status, ""),
            "place": place, "place_url": place_url, "place_link": "online" if place_url else "",
            "description": event.description,
            "offers": [{"name": offer.name,
                        "price_text": "Free" if float(offer.price) == 0 else f"{offer.price} {offer.currency}",
                        "url": offer.url, "link": "details"} for offer in event.offers],
        })
    return out
