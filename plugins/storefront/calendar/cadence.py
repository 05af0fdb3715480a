"""Cadence checks: a quiet stretch ahead, and planned work whose date has passed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..core import clock
from ..core.diagnostics import Diagnostic, Severity
from .model import CalendarItem
from .plan import OPEN_STATUSES

__all__ = ["overdue", "quiet_stretch"]


def quiet_stretch(items: Iterable[CalendarItem], *, now: dt.datetime, days: int, tz: dt.tzinfo,
                  config_name: str, plan_name: str, severity: Severity = "warning"
                  ) -> list[Diagnostic]:
    """One message when nothing (no scheduled page, no open planned item) falls in the next
    `days` days."""
    if days <= 0:
        return []
    until = now + dt.timedelta(days=days)
    for item in items:
        if item.when is None or not (now < item.when <= until):
            continue
        if item.kind == "page" and item.status == "scheduled":
            return []
        if item.kind == "page" and item.status == "draft":
            return []
        if item.kind == "planned" and item.status in OPEN_STATUSES | {"done"}:
            return []
    return [Diagnostic(
        config_name, "cadence_days",
        f"nothing is scheduled between {clock.display(now, tz)} and {clock.display(until, tz)}",
        f"date a post or add an item to {plan_name} within the next {days} days "
        "(or set cadence_days: 0 to turn this check off)",
        severity=severity)]


def overdue(items: Iterable[CalendarItem], *, now: dt.datetime, tz: dt.tzinfo,
            severity: Severity = "warning") -> list[Diagnostic]:
    """Open planned items and drafts whose date has passed."""
    problems: list[Diagnostic] = []
    for item in items:
        if item.when is None or item.when > now:
            continue
        if item.kind == "planned" and item.status in OPEN_STATUSES:
            when = clock.display(item.when, tz)
            problems.append(Diagnostic(
                item.source, "date",
                f'"{item.title}" was planned for {when} and is still "{item.status}"',
                "publish it, move its date, or set status: done (or cancelled)",
                item.line, severity))
        elif item.kind == "page" and item.status == "draft":
            when = clock.display(item.when, tz)
            problems.append(Diagnostic(
                item.source, "draft",
                f'"{item.title}" was due {when} and is still a draft',
                "publish it (remove draft: true) or move its date",
                item.line, severity))
    return problems
