"""The editorial plan: `seo/calendar.yml`, items that have no page yet.

    items:
      - title: Holiday pre-order guide
        date: 2026-12-01 09:00
        owner: Maria
        status: assigned
        channel: blog
        campaign: Holidays 2026

Every problem is reported with the file, the line and the key (`items[2].date`), and the
item is kept out of the calendar until it is fixed; the rest of the plan still counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core import clock, datafile
from ..core.diagnostics import Diagnostic, describe

__all__ = ["OPEN_STATUSES", "STATUSES", "PlannedItem", "load_plan", "parse_plan"]

STATUSES = ("idea", "planned", "assigned", "writing", "review", "ready", "done", "cancelled")
"""The lifecycle of a planned item; `done` and `cancelled` are closed."""

OPEN_STATUSES = frozenset(STATUSES) - {"done", "cancelled"}

_KEYS = ("id", "title", "date", "owner", "status", "channel", "campaign", "note", "page")
_EXAMPLE = ("write each item like {title: Holiday guide, date: 2026-12-01, owner: Maria, "
            "status: assigned, channel: blog}")


@dataclass
class PlannedItem:
    title: str
    when: dt.datetime | None
    all_day: bool
    status: str
    owner: str | None
    channel: str | None
    campaign: str | None
    note: str | None
    id: str | None
    page: str | None
    line: int | None
    index: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def load_plan(path: Path, *, name: str, tz: dt.tzinfo) -> tuple[list[PlannedItem], list[Diagnostic]]:
    """Read the plan file (`name` is how messages call it). A missing file is an empty plan."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError) as error:
        return [], [Diagnostic(name, "", f"cannot be read ({error.__class__.__name__})",
                               "save it as UTF-8 text")]
    return parse_plan(text, name=name, tz=tz)


def parse_plan(text: str, *, name: str, tz: dt.tzinfo) -> tuple[list[PlannedItem], list[Diagnostic]]:
    file = datafile.read(text, name)
    data = file.data
    if file.problems or data is None:
        return [], file.problems
    if isinstance(data, list):  # the items alone, without `items:`
        file.lines = {f"items{key}": line for key, line in file.lines.items()}
        return _items(file, data, tz=tz, default_line=1)
    if not isinstance(data, Mapping):
        file.report("", f"{describe(data)} is not a list of planned items",
                    "start the file with items: and list the items under it", line=1)
        return [], file.problems
    file.known(data, ("items",), "", problem="is not a calendar key", fix="put planned items under items:")
    items_data = data.get("items") or []
    if not isinstance(items_data, list):
        file.report("items", f"{describe(items_data)} is not a list", _EXAMPLE, line=file.lines.get("items"))
        return [], file.problems
    return _items(file, items_data, tz=tz)


def _items(file: datafile.DataFile, data: list, *, tz: dt.tzinfo,
           default_line: int | None = None) -> tuple[list[PlannedItem], list[Diagnostic]]:
    """The planned items under `items`, each problem reported on `file`."""
    items: list[PlannedItem] = []
    for index, raw in enumerate(data):
        key = f"items[{index}]"
        if not isinstance(raw, Mapping):
            file.report(key, f"{describe(raw)} is not a mapping", _EXAMPLE, line=default_line)
            continue
        item = _item(file, raw, key, index, file.lines.get(key, default_line), tz)
        if item is not None:
            items.append(item)
    return items, file.problems


def _item(file: datafile.DataFile, raw: Mapping, key: str, index: int, line: int | None,
          tz: dt.tzinfo) -> PlannedItem | None:
    """One planned item; None (reported) without a title or with a date that is none."""

    def report(field: str, problem: str, fix: str) -> None:
        file.report(f"{key}.{field}", problem, fix, line=file.lines.get(f"{key}.{field}", line))

    for unknown in raw:
        if unknown not in _KEYS:
            report(str(unknown), "is not a calendar item key",
                   "use " + ", ".join(_KEYS[1:7]) + " (and optionally id, note, page)")
    texts = {field: _text(raw.get(field), field, report)
             for field in ("id", "title", "owner", "channel", "campaign", "note", "page")}
    bad = False
    if not texts["title"]:
        report("title", "is missing", "give every planned item a title")
        bad = True
    status = raw.get("status", "planned")
    status = str(status).strip().lower() if status is not None else "planned"
    if status not in STATUSES:
        report("status", f'"{raw.get("status")}" is not a status', "use one of " + ", ".join(STATUSES))
        status = "planned"
    when = None
    raw_date = raw.get("date")
    if raw_date is not None:
        try:
            when = clock.parse_when(raw_date, tz)
        except clock.ClockError as error:
            report("date", error.problem, error.fix)
            bad = True
    if bad:
        return None
    return PlannedItem(
        title=texts["title"] or "", when=when,
        all_day=clock.is_date_only(raw_date) if raw_date is not None else False,
        status=status, owner=texts["owner"], channel=texts["channel"],
        campaign=texts["campaign"], note=texts["note"], id=texts["id"], page=texts["page"],
        line=line, index=index)


def _text(value: object, field: str, report: Callable[[str, str, str], None]) -> str | None:
    """An item's text field: one line of text, or None."""
    if value is None:
        return None
    if isinstance(value, (Mapping, list, bool)):
        report(field, f"{describe(value)} is not text", f"write {field} as one line of text")
        return None
    return str(value).strip() or None
