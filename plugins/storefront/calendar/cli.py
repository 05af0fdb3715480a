"""`storefront calendar`: the schedule as a table, or the next instant the public site changes.

    storefront calendar [-f mkdocs.yml]          # every dated page, planned item and promotion
    storefront calendar --next                    # e.g. 2026-12-03T14:00:00Z, or nothing

It reads mkdocs.yml and the pages' front matter (no site build), with the same state logic
as the plugin, so `--next` is exactly when a rebuild would change what is public.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TextIO

from ..cli import site_config, site_now, subcommand
from ..core import clock
from ..core.diagnostics import Diagnostic

__all__ = ["format_table", "register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subcommand(
        subparsers, "calendar", help="print the editorial calendar, or when the public site next changes",
        description=__doc__.splitlines()[0],
        epilog="examples:\n"
               "  storefront calendar                           # every dated page, plan item and promotion\n"
               "  storefront calendar --next                    # e.g. 2026-12-03T14:00:00Z, or nothing\n"
               "  storefront calendar --now 2026-12-24T09:00:00Z -f mkdocs.yml", run=run)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="FILE",
                        help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--next", action="store_true",
                        help="print only the next publish or expiry instant (ISO 8601, UTC), or "
                             "nothing when none is pending")
    parser.add_argument("--now", metavar="DATETIME",
                        help="evaluate at this instant instead of the build clock "
                             "(STOREFRONT_NOW, the plugin's now option, SOURCE_DATE_EPOCH, the clock)")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    from .. import support

    config = site_config("calendar", args.config_file, err)
    if config is None:
        return 2

    from mkdocs.structure.files import get_files

    from .model import build_items
    from .plan import load_plan
    from .states import read_states, site_next_change

    tz = support.site_timezone(config)
    plugin = config.plugins.get(support.CALENDAR_PLUGIN)
    tz_name = getattr(getattr(plugin, "config", None), "timezone", None) or "UTC"
    if plugin is None or not getattr(plugin.config, "enabled", False):
        print(f"storefront calendar: note: storefront/calendar is not enabled in {args.config_file}, "
              "so `mkdocs build` publishes every page whatever its dates say", file=err)
    now = site_now("calendar", config, args.now, err)  # None: a bad --now, STOREFRONT_NOW or now option
    if now is None:
        return 2

    entries, problems = read_states(get_files(config), config, tz=tz, now=now)
    upcoming = site_next_change(config, entries, now)
    for diagnostic in problems:
        _warn(diagnostic, err)
    if args.next:
        if upcoming is not None:
            print(upcoming.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), file=out)
        return 0

    plan_option = getattr(getattr(plugin, "config", None), "plan", None) or "seo/calendar.yml"
    plan_path = support.project_path(config, plan_option)
    plan_name = support.display_path(config, plan_path)
    planned, plan_problems = load_plan(plan_path, name=plan_name, tz=tz)
    for diagnostic in plan_problems:
        _warn(diagnostic, err)
    items = build_items(entries.values(), planned, now=now, plan_name=plan_name)
    print(f"Editorial calendar at {clock.display(now, tz)} ({tz_name})", file=out)
    print(format_table(items, tz), file=out)
    if upcoming is not None:
        print(f"\nThe public site next changes {clock.display(upcoming, tz)} "
              f"({clock.isoformat(upcoming, dt.timezone.utc)}).", file=out)
    else:
        print("\nNo publish or expiry is pending.", file=out)
    return 0


def _warn(diagnostic: Diagnostic, err: TextIO) -> None:
    print(f"WARNING: {diagnostic}", file=err)


_COLUMNS = ("When", "Status", "Kind", "Title", "Owner", "Channel", "Source")


def format_table(items, tz: dt.tzinfo) -> str:
    """A plain-text table, one item a row, dated items first."""
    rows = []
    for item in items:
        if item.when is None:
            when = "(unscheduled)"
        else:
            local = item.when.astimezone(tz)
            when = f"{local:%a} {local.day:>2} {local:%b %Y}" + ("" if item.all_day else f" {local:%H:%M}")
        source = f"{item.source}:{item.line}" if item.line else item.source
        kind = "promote" if item.kind == "promotion" else item.kind
        rows.append((when, item.status, kind, _cut(item.title, 44), _cut(item.owner or "", 16),
                     _cut(item.channel or "", 14), source))
    if not rows:
        return "(nothing dated, drafted or planned)"
    widths = [max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(_COLUMNS)]
    lines = ["  ".join(column.ljust(widths[i]) for i, column in enumerate(_COLUMNS)).rstrip(),
             "  ".join("-" * width for width in widths)]
    lines += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
