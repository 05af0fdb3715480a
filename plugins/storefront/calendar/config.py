"""Options of storefront/calendar."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..core import clock
from ..support import Days


class Timezone(c.Type[str]):
    """An IANA timezone name, checked against the system's zone database."""

    def __init__(self, default: str = "UTC") -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            clock.zone(text)
        except clock.ClockError as error:
            raise ValidationError(f"{error} (or leave timezone out for UTC)") from None
        return text


class Instant(c.BaseConfigOption):
    """An optional ISO 8601 datetime (text or a YAML timestamp), kept as text with an offset.

    A value without an offset is read in the site timezone (the `timezone` option), so the
    shared build clock, which reads this text, agrees with what the author meant.
    """

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, (str, dt.date)):
            raise ValidationError(
                "expected a datetime like 2026-12-03T09:00:00-05:00; remove it to use the real clock")
        try:
            clock.parse_when(value)
        except clock.ClockError as error:
            raise ValidationError(f"{error}; or remove it to use the real clock") from None
        return value if isinstance(value, str) else value.isoformat()

    def post_validation(self, config: Config, key_name: str) -> None:
        value = config[key_name]
        if value is None:
            return
        try:
            tz = clock.zone(config.get("timezone"))
        except clock.ClockError:
            tz = clock.UTC
        config[key_name] = clock.isoformat(clock.parse_when(value, tz))


class CalendarConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off: every page is then built whatever its dates say."""

    timezone = Timezone()
    """The site timezone (an IANA name like `America/New_York`). Dates and datetimes without
    an offset, in front matter and in the plan, are in this zone; it is also used for the
    publish cutoff, displayed dates, feeds and calendar files. Read by every storefront plugin."""

    now = Instant()
    """The build's "now" as an ISO 8601 datetime, for previews and reproducible builds.
    The `STOREFRONT_NOW` environment variable wins over it; without either, `SOURCE_DATE_EPOCH`
    and then the real clock are used."""

    show_unpublished = c.Optional(c.Type(bool))
    """In `mkdocs serve`, build draft, scheduled and expired pages with a banner saying so.
    Unset: follow Material's blog plugin `draft_on_serve` when that plugin is enabled, else
    true. Set it to true in tests or previews that call MkDocs' build with a serve URL."""

    banner = c.Type(bool, default=True)
    """Show the banner ("Scheduled for Thu 3 Dec 2026, 09:00") on unpublished pages in serve."""

    plan = c.Type(str, default="seo/calendar.yml")
    """The editorial plan: items that have no page yet. Relative to mkdocs.yml; a missing
    file is fine."""

    output_dir = c.Type(str, default=".storefront/calendar")
    """Where the private calendar (calendar.html, calendar.ics, calendar.json) is written,
    relative to mkdocs.yml. It must be outside site_dir: the calendar names unpublished work."""

    cache_dir = c.Type(str, default=".cache/storefront/calendar")
    """Where the calendar keeps its cache, relative to mkdocs.yml: the parsed front matter of
    each page (by file modification time and size) and the signature of the last HTML and
    iCalendar files (an unchanged calendar is not written again)."""

    formats = c.ListOfItems(c.Choice(("html", "ics", "json")), default=["html", "ics", "json"])
    """Which calendar files to write; an empty list writes none."""

    history_days = Days(default=60)
    """How far back the HTML and iCalendar files go: items dated more than this many days
    ago are left out of them (the JSON export keeps everything). Upcoming and unscheduled
    items are always in."""

    cadence_days = Days(default=7)
    """Report when nothing is scheduled in the next this-many days (0 turns the check off)."""

    overdue = c.Type(bool, default=True)
    """Report planned items and drafts whose date has passed."""

    cadence_level = c.Choice(("warning", "info"), default="info")
    """How cadence and overdue messages are logged: `info` (never fails a build: a notice
    about the editorial schedule must not fail an adopter's first strict build) or `warning`
    (fails `mkdocs build --strict`)."""
