"""The build clock and the site timezone.

One "now" per build, shared by every plugin (publish cutoffs, CTA expiry, past events,
upcoming holiday closures), and one site timezone in which every date or datetime
without an offset is read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .suggest import closest

UTC = dt.timezone.utc

__all__ = [
    "UTC",
    "ClockError",
    "build_now",
    "display",
    "is_date_only",
    "isoformat",
    "parse_when",
    "zone",
]


class ClockError(ValueError):
    """A date, datetime or timezone the user wrote that cannot be read: `problem` says what is
    wrong and `fix` what to write instead; the message joins them with "; "."""

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(f"{problem}; {fix}" if fix else problem)
        self.problem = problem
        self.fix = fix


# Years the suite computes with: far enough from datetime's limits (years 1 and 9999) that
# converting to any timezone, adding a cadence or a history window never overflows.
MIN_YEAR, MAX_YEAR = 1000, 8999


def zone(name: str | None) -> dt.tzinfo:
    """The tzinfo for an IANA name (`Europe/Paris`); `UTC` for None or "UTC"."""
    if name in (None, "", "UTC", "Etc/UTC"):
        return UTC
    if not isinstance(name, str):
        raise ClockError(f"{name!r} is not a timezone name", "use an IANA name like Europe/Paris")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        near = closest(name, _zone_names())
        fix = (f"did you mean {near}? Write an IANA name" if near else "use an IANA name")
        raise ClockError(
            f'"{name}" is not a known timezone', f"{fix} like Europe/Paris or America/New_York"
        ) from None


@cache
def _zone_names() -> frozenset[str]:
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def is_date_only(value: object) -> bool:
    """Whether a front-matter value names a day rather than an instant."""
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    return isinstance(value, str) and bool(_DATE_ONLY.match(value.strip()))


def parse_when(value: object, tz: dt.tzinfo = UTC) -> dt.datetime:
    """Read a date, a datetime or an ISO 8601 string as an aware datetime.

    A value without an offset is in `tz`; a date alone means the start of that day in `tz`.
    Raises `ClockError` with a message that says what to write instead.
    """
    return _in_range(_parse(value, tz), value)


def _in_range(moment: dt.datetime, value: object) -> dt.datetime:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ClockError(
            f"{_show(value)} is too far in the past or future (years {MIN_YEAR} to {MAX_YEAR})",
            "write the real date, like 2026-12-03")
    return moment


def _parse(value: object, tz: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        parsed: dt.datetime | None = None
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            for fmt in _FORMATS:
                try:
                    parsed = dt.datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
        day = _DAY.match(text)
        if day:
            try:
                dt.date(*(int(part) for part in day.groups()))
            except ValueError:
                raise ClockError(f"{_show(value)} is not a date", "write 2026-12-03, 2026-12-03 09:00 or "
                                 "2026-12-03T09:00:00+01:00 (that day does not exist: a month from 1 to 12, "
                                 "a day that month has)") from None
    raise ClockError(
        f"{_show(value)} is not a date", "write 2026-12-03, 2026-12-03 09:00 or 2026-12-03T09:00:00+01:00"
    )


def _show(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def build_now(override: object = None, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The build's "now", as an aware UTC datetime.

    In order: the `STOREFRONT_NOW` environment variable (ISO 8601), then `override` (a plugin
    option), then `SOURCE_DATE_EPOCH` (reproducible builds), then the real clock.
    """
    env = os.environ if environ is None else environ
    raw = env.get("STOREFRONT_NOW") or override
    if raw:
        try:
            return parse_when(raw, UTC).astimezone(UTC)
        except ClockError as error:
            source = "STOREFRONT_NOW" if env.get("STOREFRONT_NOW") else "now"
            raise ClockError(f"{source}: {error.problem}", error.fix) from None
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise ClockError(
                f'SOURCE_DATE_EPOCH: "{epoch}" is not a Unix timestamp', "set it to whole seconds like 1764748800"
            ) from None
    return dt.datetime.now(UTC)


def isoformat(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """ISO 8601 with an explicit offset, to the second, in `tz` if given."""
    if tz is not None:
        moment = moment.astimezone(tz)
    return moment.replace(microsecond=0).isoformat()


def display(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """A short human form, like `Tue 3 Dec 2026, 09:00`, locale-independent."""
    if tz is not None:
        moment = moment.astimezone(tz)
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"
