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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.yamltext import DataLoader

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


class _LineLoader(DataLoader):
    """A safe loader that remembers the line of every mapping (for messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = _LineMap(loader.construct_mapping(node))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {
        key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }
    return mapping


class _LineMap(dict):
    line: int | None = None
    key_lines: dict


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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
    try:
        data = yaml.load(text, _LineLoader)
    except ValueError as error:  # a date that does not exist, like 2026-02-30
        return [], [Diagnostic(name, "", f"has a date that does not exist ({error})",
                               "fix the date (month 1-12, a day that month has)")]
    except yaml.YAMLError as error:
        # Where an unclosed bracket or quote starts is more useful than the end of the file.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "is not valid YAML"
        return [], [Diagnostic(name, "", f"is not valid YAML ({problem})",
                               "fix the YAML syntax (indentation, a missing colon or quote)",
                               mark.line + 1 if mark else None)]
    if data is None:
        return [], []
    items_line: int | None
    if isinstance(data, list):
        items_data, items_line = data, 1
    elif isinstance(data, _LineMap):
        problems = [Diagnostic(name, str(key), "is not a calendar key", "put planned items under items:",
                               data.key_lines.get(key)) for key in data if key != "items"]
        items_data = data.get("items") or []
        items_line = data.key_lines.get("items")
        if not isinstance(items_data, list):
            return [], [*problems, Diagnostic(name, "items", f"{describe(items_data)} is not a list",
                                              _EXAMPLE, items_line)]
        items, more = _items(items_data, name=name, tz=tz)
        return items, problems + more
    else:
        return [], [Diagnostic(name, "", f"{describe(data)} is not a list of planned items",
                               "start the file with items: and list the items under it", 1)]
    return _items(items_data, name=name, tz=tz, default_line=items_line)


def _items(data: list, *, name: str, tz: dt.tzinfo, default_line: int | None = None
           ) -> tuple[list[PlannedItem], list[Diagnostic]]:
    items: list[PlannedItem] = []
    problems: list[Diagnostic] = []
    for index, raw in enumerate(data):
        key = f"items[{index}]"
        if not isinstance(raw, Mapping):
            problems.append(Diagnostic(name, key, f"{describe(raw)} is not a mapping", _EXAMPLE,
                                       default_line))
            continue
        lines = getattr(raw, "key_lines", {})
        line = getattr(raw, "line", default_line)
        bad = False

        def report(field: str, problem: str, fix: str, key: str = key, lines: dict = lines,
                   line: int | None = line) -> None:
            problems.append(Diagnostic(name, f"{key}.{field}", problem, fix, lines.get(field, line)))

        for unknown in raw:
            if unknown not in _KEYS:
                report(str(unknown), "is not a calendar item key",
                       "use " + ", ".join(_KEYS[1:7]) + " (and optionally id, note, page)")
        texts: dict[str, str | None] = {}
        for field in ("id", "title", "owner", "channel", "campaign", "note", "page"):
            value = raw.get(field)
            if value is None:
                texts[field] = None
            elif isinstance(value, (Mapping, list, bool)):
                report(field, f"{describe(value)} is not text", f"write {field} as one line of text")
                texts[field] = None
            else:
                texts[field] = str(value).strip() or None
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
            continue
        items.append(PlannedItem(
            title=texts["title"] or "", when=when,
            all_day=clock.is_date_only(raw_date) if raw_date is not None else False,
            status=status, owner=texts["owner"], channel=texts["channel"],
            campaign=texts["campaign"], note=texts["note"], id=texts["id"], page=texts["page"],
            line=line, index=index))
    return items, problems
