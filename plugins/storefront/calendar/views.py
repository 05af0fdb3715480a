"""The editorial calendar's views of the work ahead, calendar.html and calendar.ics, and the
signature that says whether a build would write them the same again."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from ..core import clock
from . import html


def signature(recent: list, views: Sequence[str], *, tz: dt.tzinfo, tz_name: str, site_name: str,
              now: dt.datetime, upcoming: dt.datetime | None) -> str:
    """What the views show: the items, the formats, the timezone, the site, the day and the
    next change."""
    return hashlib.sha256(json.dumps([
        [item.to_dict(tz) for item in recent], list(views), tz_name, site_name,
        now.astimezone(tz).date().isoformat(),
        clock.isoformat(upcoming) if upcoming else None,
    ], sort_keys=True).encode("utf-8")).hexdigest()


def write_views(output: Path, views: Sequence[str], recent: list, *, site_name: str, tz: dt.tzinfo,
                tz_name: str, now: dt.datetime, upcoming: dt.datetime | None) -> None:
    """calendar.html and calendar.ics: the work ahead (and the recent past)."""
    if "html" in views:
        (output / "calendar.html").write_text(html.to_html(
            recent, site_name=site_name, tz=tz, tz_name=tz_name, now=now, next_change=upcoming),
            encoding="utf-8")
    if "ics" in views:
        from . import ics  # icalendar takes a while to import: only when writing

        (output / "calendar.ics").write_bytes(ics.to_ics(
            recent, name=f"{site_name} editorial calendar", tz=tz, tz_name=tz_name, stamp=now))
