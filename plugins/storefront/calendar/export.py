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
    data = {
        "generated": clock.isoformat(now, tz),
        "timezone": tz_name,
        "next_change": clock.isoformat(next_change, tz) if next_change else None,
        "items": [item.to_dict(tz) for item in items],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
