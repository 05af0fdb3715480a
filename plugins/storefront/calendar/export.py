"""The calendar as JSON, for scripts and dashboards."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from ..core import clock
from .model import CalendarItem

__all__ = ["to_json"]


def to_json(items: Sequence[CalendarItem], *, tz: dt.tzinfo, tz_name: str, now: dt.datetime,
            next_change: dt.datetime | None) -> str:
    head = {
        "generated": clock.isoformat(now, tz),
        "timezone": tz_name,
        "next_change": clock.isoformat(next_change, tz) if next_change else None,
    }
    # One item a line: readable and diffable, and written by json's C encoder (`indent`
    # would switch to the pure-Python one, ten times slower on a big site).
    lines = [json.dumps(item.to_dict(tz), ensure_ascii=False) for item in items]
    text = json.dumps(head, ensure_ascii=False)[:-1]
    body = ",\n  ".join(lines)
    return f'{text}, "items": [\n  {body}\n]}}\n' if lines else f'{text}, "items": []}}\n'
