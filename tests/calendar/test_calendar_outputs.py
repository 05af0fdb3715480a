"""The editorial calendar: iCalendar, JSON, HTML, cadence messages and the CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
from calendar_helpers import HOSTILE, NY, calendar_plugin, post

from storefront.calendar import cli

NOW = "2026-12-03T14:00:00Z"
PLAN = f"""\
items:
  - id: holiday-guide
    title: Holiday pre-order guide
    date: 2026-12-07 10:30
    owner: Maria
    status: assigned
    channel: blog
    campaign: Holidays 2026
  - title: {json.dumps(HOSTILE)}
    date: 2026-12-10
    owner: Sam
    status: writing
    channel: newsletter
  - title: Bread class video
    status: idea
    channel: youtube
"""


def _files() -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "posts/stollen.md": post("Stollen season opens", date="2026-12-05 09:00", extra=(
            "promote:\n  - channel: newsletter\n    date: 2026-12-06 08:00\n"
            "  - channel: instagram\n")),
        "posts/rye.md": post("Rye is back", date="2026-11-20",
                             extra="expires: 2026-12-20 18:00"),
        "posts/idea.md": post("Panettone diary", extra="draft: true"),
        "about.md": "# About\n",
        "/seo/calendar.yml": PLAN,
    }


def _config(**options) -> dict:
    return {"theme": "mkdocs", "site_url": "https://bakery.example/",
            "plugins": [calendar_plugin(**options)]}


@pytest.fixture
def built(site):
    result = site(_files(), config=_config(), strict=True, env={"STOREFRONT_NOW": NOW})
    assert result.ok, result.messages
    return result


def _events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ics_parses_back_with_timezone_and_stable_uids(site, built):
    output = built.root / ".storefront/calendar/calendar.ics"
    calendar, events = _events(output)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [NY]
    summaries = {str(event["SUMMARY"]): event for event in events.values()}
    stollen = summaries["[Scheduled] Stollen season opens"]
    start = stollen.decoded("DTSTART")
    assert start == dt.datetime(2026, 12, 5, 9, 0, tzinfo=ZoneInfo(NY))
    assert stollen["DTSTART"].params["TZID"] == NY
    assert stollen.decoded("DTSTAMP") == dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.timezone.utc)
    hostile = next(e for s, e in summaries.items() if HOSTILE in s)
    assert hostile.decoded("DTSTART") == dt.date(2026, 12, 10)  # an all-day item
    assert "Promote on newsletter: Stollen season opens" in summaries
    assert "Promote on instagram: Stollen season opens" in summaries  # on the publish date
    assert summaries["Promote on instagram: Stollen season opens"].decoded("DTSTART") == start
    assert not any("Panettone" in s or "Bread class" in s for s in summaries)  # unscheduled
    # the UIDs do not change with the clock, the dates or a rebuild
    files = _files()
    files["posts/stollen.md"] = files["posts/stollen.md"].replace("2026-12-05 09:00", "2026-12-08 09:00")
    again = site(files, config=_config(), env={"STOREFRONT_NOW": "2026-12-04T10:00:00Z"})
    _, events_again = _events(again.root / ".storefront/calendar/calendar.ics")
    assert set(events_again) == set(events)
    assert len(events) == len(summaries)


def test_json_export(built):
    data = json.loads((built.root / ".storefront/calendar/calendar.json").read_text())
    assert data["timezone"] == NY
    assert data["generated"] == "2026-12-03T09:00:00-05:00"
    assert data["next_change"] == "2026-12-05T09:00:00-05:00"
    by_title = {(item["title"], item["kind"], item["channel"]): item for item in data["items"]}
    rye = by_title[("Rye is back", "page", "site")]
    assert rye["status"] == "published" and rye["date"] == "2026-11-20"
    assert rye["expires"] == "2026-12-20T18:00:00-05:00"
    assert rye["url"] == "https://bakery.example/posts/rye/"
    assert by_title[("Panettone diary", "page", "site")]["date"] is None
    guide = by_title[("Holiday pre-order guide", "planned", "blog")]
    assert guide == {**guide, "owner": "Maria", "status": "assigned", "campaign": "Holidays 2026",
                     "source": "seo/calendar.yml", "line": 2, "date": "2026-12-07T10:30:00-05:00"}
    assert ("About", "page", "site") not in by_title  # undated published pages are not events
    dates = [item["date"] for item in data["items"] if item["date"]]
    assert len(dates) == 6


def test_html_calendar_is_self_contained_and_escaped_once(built):
    path = built.root / ".storefront/calendar/calendar.html"
    raw = path.read_text()
    assert "<script>alert(1)</script>" not in raw
    assert "&amp;amp;" not in raw and "&amp;lt;" not in raw  # never escaped twice
    assert "<link" not in raw and "src=" not in raw  # self-contained
    doc = lxml.html.fromstring(raw)
    assert any(HOSTILE in (el.text_content()) for el in doc.iter("span", "td"))
    month = doc.xpath("//section[@id='month']")[0]
    assert [h.text for h in month.xpath(".//h3")] == ["November 2026", "December 2026"]
    december = month.xpath(".//h3[.='December 2026']/following-sibling::table[1]")[0]
    day5 = next(td for td in december.xpath(".//td[not(contains(@class,'out'))]")
                if td.xpath("string(span[@class='num'])") == "5")
    assert day5.xpath(".//span[contains(@class,'status-scheduled')][contains(., 'Stollen season opens')]")
    assert december.xpath(".//td[contains(@class,'today')]/span[@class='num']")[0].text == "3"
    unscheduled = doc.xpath("//section[@id='unscheduled']")[0].text_content()
    assert "Panettone diary" in unscheduled and "Bread class video" in unscheduled
    listing = doc.xpath("//section[@id='list']//tbody/tr")
    assert len(listing) == 6
    assert "site" not in path.relative_to(built.root).parts  # never under site_dir
    assert not (built.site / "calendar.html").exists()


def test_formats_option_limits_outputs(site):
    result = site(_files(), config=_config(formats=["ics"], output_dir="private/cal"),
                  env={"STOREFRONT_NOW": NOW})
    assert result.ok
    assert sorted(p.name for p in (result.root / "private/cal").iterdir()) == ["calendar.ics"]


# --- cadence ---------------------------------------------------------------------------

def test_quiet_week_is_reported(site):
    files = {"index.md": "# Home\n", "posts/a.md": post("A", date="2026-12-20")}
    result = site(files, config=_config(cadence_days=7, cadence_level="warning"), env={"STOREFRONT_NOW": NOW})
    messages = [m for m in result.warnings if "nothing is scheduled" in m]
    assert len(messages) == 1, result.messages
    assert "mkdocs.yml: cadence_days:" in messages[0]
    assert "Thu 3 Dec 2026, 09:00" in messages[0] and "Thu 10 Dec 2026, 09:00" in messages[0]
    busy = site(files, config=_config(cadence_days=30), env={"STOREFRONT_NOW": NOW})
    assert not [m for m in busy.messages if "nothing is scheduled" in m]


def test_overdue_plan_items_and_drafts_are_reported(site):
    files = {
        "index.md": "# Home\n",
        "late.md": post("Late draft", date="2026-12-01", extra="draft: true"),
        "/seo/calendar.yml": "items:\n  - title: Missed guide\n    date: 2026-12-02\n    status: writing\n"
                             "  - title: Done guide\n    date: 2026-12-02\n    status: done\n",
    }
    result = site(files, config=_config(overdue=True, cadence_level="warning"), env={"STOREFRONT_NOW": NOW})
    overdue = [m for m in result.warnings if "still" in m]
    assert len(overdue) == 2, result.messages
    assert any(m.startswith("storefront: seo/calendar.yml:2: date:") and "Missed guide" in m
               for m in overdue)
    assert any("docs/late.md:4: draft:" in m and "Late draft" in m for m in overdue)
    quiet = site(files, config=_config(overdue=True, cadence_level="info"), env={"STOREFRONT_NOW": NOW})
    assert not [m for m in quiet.warnings if "still" in m]
    assert len([m for m in quiet.infos if "still" in m]) == 2


def test_cadence_and_overdue_are_info_by_default_so_a_first_strict_build_passes(site):
    """An adopter's first `mkdocs build --strict` never fails on the editorial schedule."""
    files = {"index.md": "# Home\n", "posts/a.md": post("A", date="2026-12-20"),
             "late.md": post("Late draft", date="2026-12-01", extra="draft: true")}
    # the plugin's own defaults for the checks (the helper turns them off)
    defaults = {"cadence_days": 7, "overdue": True}
    result = site(files, config=_config(**defaults), strict=True, env={"STOREFRONT_NOW": NOW})
    assert result.ok, result.warnings
    assert not [m for m in result.warnings if "nothing is scheduled" in m or "still" in m]
    assert len([m for m in result.infos if "nothing is scheduled" in m]) == 1
    assert len([m for m in result.infos if "still" in m]) == 1
    # the old level on request: the same schedule fails a strict build
    loud = site(files, config=_config(**defaults, cadence_level="warning"), strict=True, env={"STOREFRONT_NOW": NOW})
    assert not loud.ok
    assert [m for m in loud.warnings if "nothing is scheduled" in m]


# --- the CLI ---------------------------------------------------------------------------

def _cli(root, *argv, env=None, monkeypatch=None):
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["calendar", "-f", str(root / "mkdocs.yml"), *argv])
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(args, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("now, expected", [
    ("2026-12-03T14:00:00Z", "2026-12-05T14:00:00Z"),  # the stollen post is published
    ("2026-12-05T14:00:00Z", "2026-12-20T23:00:00Z"),  # then the rye post expires
    ("2026-12-20T23:00:00Z", ""),  # nothing is pending (the draft never publishes by itself)
])
def test_next_prints_the_next_public_change(built, now, expected):
    code, out, err = _cli(built.root, "--next", "--now", now)
    assert code == 0, err
    assert out.strip() == expected


def test_next_reads_the_build_clock_from_the_environment(built, monkeypatch):
    monkeypatch.setenv("STOREFRONT_NOW", "2026-12-05T13:59:59Z")
    code, out, _ = _cli(built.root, "--next")
    assert (code, out) == (0, "2026-12-05T14:00:00Z\n")


def test_table_lists_pages_plan_and_promotions(built):
    code, out, _ = _cli(built.root, "--now", NOW)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Editorial calendar at Thu 3 Dec 2026, 09:00 (America/New_York)"
    assert lines[1].split() == ["When", "Status", "Kind", "Title", "Owner", "Channel", "Source"]
    body = "\n".join(lines[3:])
    assert "Sat  5 Dec 2026 09:00  scheduled" in body
    assert "Holiday pre-order guide" in body and "seo/calendar.yml:2" in body
    assert body.index("Stollen") < body.index("Holiday pre-order") < body.index("(unscheduled)")
    assert "next changes Sat 5 Dec 2026, 09:00" in out


def test_cli_reports_a_bad_config_without_a_traceback(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nplugins:\n  - storefront/calendar:\n      timezone: Nowhere/Land\n")
    (tmp_path / "docs").mkdir()
    code, out, err = _cli(tmp_path, "--next")
    assert code == 2 and out == ""
    assert "timezone" in err and "Nowhere/Land" in err and "Traceback" not in err


def test_storefront_command_dispatches_to_calendar(built, capsys):
    from storefront.cli import main

    assert main(["calendar", "-f", str(built.root / "mkdocs.yml"), "--next", "--now", NOW]) == 0
    assert capsys.readouterr().out == "2026-12-05T14:00:00Z\n"


def test_unchanged_calendar_is_not_written_again_but_changes_are(tmp_path):
    from conftest import build_site

    root = tmp_path / "project"
    build_site(root, _files(), config=_config(), env={"STOREFRONT_NOW": NOW})
    ics_file = root / ".storefront/calendar/calendar.ics"
    first = ics_file.stat().st_mtime_ns
    again = build_site(root, config=_config(), env={"STOREFRONT_NOW": NOW})
    assert any("calendar.ics (unchanged)" in m for m in again.infos)
    assert ics_file.stat().st_mtime_ns == first
    (root / "seo/calendar.yml").write_text(PLAN.replace("Holiday pre-order guide", "Holiday guide"))
    changed = build_site(root, config=_config(), env={"STOREFRONT_NOW": NOW})
    assert not any("(unchanged)" in m for m in changed.infos)
    _, events = _events(ics_file)
    assert any(str(e["SUMMARY"]).endswith("Holiday guide") for e in events.values())
    (root / ".storefront/calendar/calendar.html").unlink()
    build_site(root, config=_config(), env={"STOREFRONT_NOW": NOW})
    assert (root / ".storefront/calendar/calendar.html").exists()


def test_history_days_trims_html_and_ics_but_not_json(site):
    files = _files()
    files["posts/old.md"] = post("Summer rye notes", date="2026-06-01")
    result = site(files, config=_config(history_days=30), env={"STOREFRONT_NOW": NOW})
    root = result.root / ".storefront/calendar"
    assert "Summer rye notes" not in (root / "calendar.html").read_text()
    _, events = _events(root / "calendar.ics")
    assert not any("Summer rye" in str(e["SUMMARY"]) for e in events.values())
    assert "Summer rye notes" in (root / "calendar.json").read_text()


def test_next_includes_changes_other_plugins_announce(built, monkeypatch):
    """A plugin with `storefront_next_change(config, now)` (a CTA that expires) counts too."""
    from storefront.calendar.plugin import CalendarPlugin

    expiry = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(CalendarPlugin, "storefront_next_change",
                        lambda self, config, now: expiry, raising=False)
    code, out, _ = _cli(built.root, "--next", "--now", NOW)
    assert (code, out) == (0, "2026-12-04T17:00:00Z\n")
    code, out, _ = _cli(built.root, "--next", "--now", "2026-12-05T00:00:00Z")
    assert out == "2026-12-05T14:00:00Z\n"  # a past announcement is ignored
