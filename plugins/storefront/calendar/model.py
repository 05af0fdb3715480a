"""The editorial calendar: pages, planned items and promotions as one list of items.

Every output (HTML, iCalendar, JSON, the CLI table) and the cadence checks read this list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from ..core import clock
from .plan import PlannedItem
from .schedule import PageEntry, State

__all__ = ["CalendarItem", "build_items", "sort_key"]


@dataclass
class CalendarItem:
    uid: str  # stable across builds: derived from the source, never from the title or date
    kind: str  # "page", "planned" or "promotion"
    title: str
    when: dt.datetime | None
    all_day: bool
    status: str  # draft, scheduled, published, expired; a plan status; or a promotion's state
    source: str  # the file it comes from (relative to mkdocs.yml)
    line: int | None = None
    owner: str | None = None
    channel: str | None = None
    campaign: str | None = None
    note: str | None = None
    url: str | None = None
    expires: dt.datetime | None = None

    @property
    def scheduled(self) -> bool:
        return self.when is not None

    def to_dict(self, tz: dt.tzinfo) -> dict:
        """The item as JSON-ready values, dates in `tz` (a plain dict: `asdict` deep-copies)."""
        data = {name: getattr(self, name) for name in _FIELDS}
        when = data.pop("when")
        if when is not None:
            when = when.astimezone(tz).date().isoformat() if self.all_day else clock.isoformat(when, tz)
        data["date"] = when
        if self.expires is not None:
            data["expires"] = clock.isoformat(self.expires, tz)
        return data


_FIELDS = tuple(f.name for f in fields(CalendarItem))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "item"


def _uid(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{digest}@storefront-calendar"


def build_items(pages: Iterable[PageEntry], planned: Iterable[PlannedItem], *, now: dt.datetime,
                plan_name: str) -> list[CalendarItem]:
    """Join the pages that belong on a calendar (dated, drafts or expiring) with the plan and
    each page's planned promotions, sorted by date (unscheduled items last)."""
    items: list[CalendarItem] = []
    for page in pages:
        if page.dated or page.state is not State.PUBLISHED or page.expires is not None:
            items.append(CalendarItem(
                uid=_uid("page", page.src_uri), kind="page", title=page.title,
                when=page.published, all_day=page.all_day, status=page.state.value,
                source=page.path, line=page.line, owner=page.owner, channel=page.channel,
                campaign=page.campaign,
                url=page.url, expires=page.expires))
        for index, promotion in enumerate(page.promotions):
            when = promotion.when or page.published
            if page.state is State.DRAFT:
                status = "planned"
            elif when is not None and when <= now:
                status = "past"
            else:
                status = "scheduled"
            items.append(CalendarItem(
                uid=_uid("promote", page.src_uri, promotion.channel, str(index)),
                kind="promotion", title=page.title, when=when,
                all_day=promotion.all_day if promotion.when else page.all_day, status=status,
                source=page.path, line=promotion.line, owner=page.owner, channel=promotion.channel,
                campaign=page.campaign, note=promotion.note, url=page.url))
    seen: dict[str, int] = {}
    for item in planned:
        base = item.id or _slug(item.title)
        seen[base] = seen.get(base, 0) + 1
        key = base if seen[base] == 1 else f"{base}-{seen[base]}"
        items.append(CalendarItem(
            uid=_uid("plan", key), kind="planned", title=item.title, when=item.when,
            all_day=item.all_day, status=item.status, source=plan_name, line=item.line,
            owner=item.owner, channel=item.channel, campaign=item.campaign, note=item.note))
    items.sort(key=sort_key)
    return items


def sort_key(item: CalendarItem) -> tuple:
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return (item.when is None, item.when or far, item.title.lower(), item.uid)
