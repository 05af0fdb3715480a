"""The business profile (`seo/business.yml`): read, checked and typed.

Every problem is a `Diagnostic` naming the file, the line and the dotted key
(`branches[0].hours.tuesday`); a bad value is left out and the rest of the profile is used.
Unknown keys are reported, never ignored.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..core import clock, datafile
from ..core.diagnostics import Diagnostic, describe
from ..core.secrets import SECRET_FIX, secret_kind
from ..core.suggest import closest
from ..core.urls import clean_text, text_problem, url_problem
from . import hours as hours_mod
from . import vocabulary

__all__ = ["Address", "Business", "Geo", "Location", "completeness", "load_profile", "read_profile"]


@dataclass
class Address:
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    refused: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    """Parts whose value was reported as wrong (so not reported as missing too)."""

    @property
    def lines(self) -> list[str]:
        """The address as visitors read it (US/UK order: street, town region postcode, country)."""
        town = " ".join(part for part in (self.locality + ("," if self.region else ""), self.region,
                                           self.postal_code) if part)
        return [part for part in (self.street, town.strip(" ,"), self.country) if part]


@dataclass
class Geo:
    latitude: float
    longitude: float


@dataclass
class Location:
    """What the business and each branch have: a place with a name, an address and hours."""

    key: str
    type: str
    name: str = ""
    description: str = ""
    url: str = ""
    telephone: str = ""
    email: str = ""
    address: Address | None = None
    area_served: list[str] = field(default_factory=list)
    geo: Geo | None = None
    images: list[str] = field(default_factory=list)
    timetable: hours_mod.Timetable = field(default_factory=hours_mod.Timetable)
    key_path: str = ""  # where it is in the file: "" for the business, "branches[0]"

    @property
    def is_local(self) -> bool:
        return self.type != vocabulary.ORGANIZATION

    @property
    def telephone_uri(self) -> str:
        """`tel:` URI: the digits and a leading +, as RFC 3966 global numbers are written."""
        digits = re.sub(r"[^\d+]", "", self.telephone)
        return "tel:" + (("+" + digits.replace("+", "")) if digits.startswith("+") else digits.replace("+", ""))


@dataclass
class Business(Location):
    logo: str = ""
    price_range: str = ""
    same_as: list[str] = field(default_factory=list)
    payment_accepted: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # schema.org property -> value
    branches: list[Location] = field(default_factory=list)
    timezone: dt.tzinfo | None = None  # None: the site timezone (the plugin fills it in)


LOCATION_KEYS = ("name", "description", "url", "telephone", "email", "address", "area_served", "geo",
                 "images", "hours", "special_hours")
BUSINESS_KEYS = ("type", *LOCATION_KEYS, "logo", "price_range", "timezone", "same_as", "payment_accepted",
                 *vocabulary.EXTRA_PROPERTIES, "branches")
BRANCH_KEYS = ("type", *LOCATION_KEYS)
ADDRESS_KEYS = ("street", "locality", "region", "postal_code", "country")
SPECIAL_KEYS = ("date", "until", "hours", "label")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]+$")


def slugify(text: str) -> str:
    """A branch's name as an @id fragment: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Reader(datafile.DataFile):
    """The profile's reading of values: text is published, so it is checked for secrets and
    control characters, and an absent or bad value is empty text."""

    def text(self, value: object, key: str, *, fix: str = "write a single line of text") -> str:
        if value is None or value == "":
            return ""
        text = super().text(value, key, fix=fix)  # a number as written: 05401 is not 2817
        if text is None:
            return ""
        return self.published(text, key) if isinstance(value, str) else text

    def published(self, text: str, key: str) -> str:
        """Text shown on the page and in the structured data: no secrets, no control characters."""
        kind = secret_kind(text)
        if kind:
            self.report(key, f"this looks like {kind}, which must never be published in a page", SECRET_FIX)
            return ""
        problem = text_problem(text)
        if problem:
            self.report(key, problem, "remove it (retype the text or paste it as plain text)")
            return clean_text(text).strip()
        return text

    def texts(self, value: object, key: str) -> list[str]:
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        out = []
        for index, item in enumerate(items):
            text = self.text(item, f"{key}[{index}]" if isinstance(value, list) else key)
            if text:
                out.append(text)
        return out

    def url(self, value: object, key: str) -> str:
        text = self.text(value, key)
        if text:
            problem = url_problem(text)
            if problem:
                self.report(key, problem, SECRET_FIX if "@" in problem else
                            "write an https:// address or a path inside the docs folder")
                return ""
        return text


def _read_address(reader: _Reader, value: object, key: str) -> Address | None:
    data = reader.mapping(value, key, "{street: 12 High Street, locality: Springfield, country: US}")
    if data is None:
        return None
    reader.known(data, ADDRESS_KEYS, key)
    address = Address(**{name: reader.text(data.get(name), f"{key}.{name}") for name in ADDRESS_KEYS})  # type: ignore[arg-type]
    if address.country:
        code = address.country.strip().upper()
        if code not in country_codes():
            near = closest(address.country, [*country_codes(), *country_codes().values()],
                           aliases=_COUNTRY_ALIASES)
            near = country_code(near) if near else None
            what = ("is not a two-letter country code" if not re.fullmatch(r"[A-Za-z]{2}", address.country)
                    else "is not an ISO 3166-1 country code")
            fix = f"did you mean {near}? Use" if near else "use"
            reader.report(f"{key}.country", f"{describe(address.country)} {what}",
                          f"{fix} the ISO 3166-1 alpha-2 code, e.g. US, GB, FR")
            address.country = ""
            address.refused["country"] = True  # reported once: not "missing" as well
        else:
            address.country = code
    return address


# Codes people write that ISO 3166-1 reserves for another use, and common names.
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "England": "GB", "Scotland": "GB", "Wales": "GB",
                    "Northern Ireland": "GB", "Great Britain": "GB", "USA": "US", "U.S.A.": "US",
                    "America": "US", "UAE": "AE", "Holland": "NL"}


@cache
def country_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> name (the tz database's iso3166.tab, vendored)."""
    text = (Path(__file__).parent / "data" / "iso3166.tab").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def country_code(code_or_name: str) -> str | None:
    """The code of a code or a country name from the table."""
    if code_or_name.upper() in country_codes():
        return code_or_name.upper()
    by_name = {name.casefold(): code for code, name in country_codes().items()}
    return by_name.get(code_or_name.casefold())


def _read_geo(reader: _Reader, value: object, key: str) -> Geo | None:
    data = reader.mapping(value, key, "{latitude: 44.4778, longitude: -73.2121}")
    if data is None:
        return None
    reader.known(data, ("latitude", "longitude"), key)
    numbers = {}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        raw = data.get(name)
        if isinstance(raw, str) and re.fullmatch(r"-?\d{1,3}(\.\d+)?", raw.strip()):
            raw = float(raw)  # quoted to keep trailing zeros ("44.47810")
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not -limit <= raw <= limit:
            reader.report(f"{key}.{name}", f"{describe(raw)} is not a {name}",
                          f"write decimal degrees between -{limit} and {limit}, "
                          f"e.g. {44.4778 if limit == 90 else -73.2121}")
            return None
        numbers[name] = float(raw)
    # Google asks for at least 5 decimals (about a metre); fewer place the pin a street away.
    written = {name: reader.raw.get(f"{key}.{name}", repr(numbers[name])) for name in numbers}
    decimals = {name: len(text.split(".", 1)[1]) if "." in text else 0 for name, text in written.items()}
    short = [name for name in numbers if decimals[name] < 5]
    if short:
        name = short[0]
        precision = {0: "110 km", 1: "11 km", 2: "1.1 km", 3: "110 m", 4: "11 m"}[min(decimals[name], 4)]
        reader.report(f"{key}.{name}", f"{written[name]} has {decimals[name]} decimals, so the map pin may be "
                      f"{precision} off; Google asks for at least 5",
                      "copy the coordinates of the entrance from a map with 5 or more decimals, "
                      "e.g. latitude: 44.47812 (quote a value that ends in 0: \"44.47810\")")
    return Geo(**numbers)


def _read_date(reader: _Reader, value: object, key: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    reader.report(key, f"{describe(value)} is not a date", "write it like 2026-12-25")
    return None


def _read_timetable(reader: _Reader, weekly: object, special: object, prefix: str) -> hours_mod.Timetable:
    timetable = hours_mod.Timetable()
    key = f"{prefix}hours"
    data = reader.mapping(weekly, key, "{monday: 07:00-15:00, tuesday: [07:00-11:30, 13:00-18:00]}")
    for day, value in (data or {}).items():
        name = str(day).strip().lower()
        if name not in hours_mod.DAYS:
            close = difflib.get_close_matches(name, hours_mod.DAYS, n=1)
            reader.report(f"{key}.{day}", "is not a day of the week",
                          f"did you mean {close[0]}?" if close else "use monday … sunday")
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            value = reader.raw.get(f"{key}.{day}", value)  # an unquoted 07:00 is a base-60 number in YAML
        try:
            timetable.weekly[name] = hours_mod.parse_day(value)
        except hours_mod.HoursError as error:
            reader.report(f"{key}.{day}", str(error),
                          'write a range like 09:00-17:00, a list of ranges for a split shift, '
                          '"closed" or "open_24_hours"')
    key = f"{prefix}special_hours"
    if special is not None and not isinstance(special, list):
        reader.report(key, f"{describe(special)} is not a list",
                      "write a list of {date: 2026-12-25, hours: closed, label: Christmas Day}")
        special = []
    for index, entry in enumerate(special or []):
        item_key = f"{key}[{index}]"
        entry = reader.mapping(entry, item_key, "{date: 2026-12-25, hours: closed, label: Christmas Day}")
        if entry is None:
            continue
        reader.known(entry, SPECIAL_KEYS, item_key)
        if "date" not in entry:
            reader.report(f"{item_key}.date", "is missing", "give the day (date: 2026-12-25), and until: for a range")
            continue
        first = _read_date(reader, entry.get("date"), f"{item_key}.date")
        last = _read_date(reader, entry["until"], f"{item_key}.until") if "until" in entry else first
        if first is None or last is None:
            continue
        if last < first:
            reader.report(f"{item_key}.until", "is before date", "set until to the last day of the period")
            continue
        if "hours" not in entry:
            reader.report(f"{item_key}.hours", "is missing", 'write hours: closed, or hours: 09:00-13:00')
            continue
        value = entry["hours"]
        if isinstance(value, int) and not isinstance(value, bool):
            value = reader.raw.get(f"{item_key}.hours", value)
        try:
            day_hours = hours_mod.parse_day(value)
        except hours_mod.HoursError as error:
            reader.report(f"{item_key}.hours", str(error),
                          'write "closed", a range like 09:00-13:00 or a list of ranges')
            continue
        label = reader.text(entry.get("label"), f"{item_key}.label")
        timetable.special.append(hours_mod.SpecialHours(first, last, day_hours, label))
    timetable.special.sort(key=lambda s: s.first)
    return timetable


def _read_type(reader: _Reader, value: object, key: str, default: str) -> str:
    if value is None:
        return default
    name = reader.text(value, key)
    if not name:
        return default
    if name == vocabulary.ORGANIZATION or vocabulary.is_business_type(name):
        if vocabulary.is_pending(name):
            reader.report(key, f"{name} is a pending schema.org type; search engines may ignore it",
                          "use a more established type if one fits", severity="info")
        return name
    hint = vocabulary.suggest(name)
    reader.report(key, f'"{name}" is not a schema.org LocalBusiness type',
                  f"did you mean {hint}?" if hint else
                  "use the most specific LocalBusiness subtype (Plumber, Dentist, HairSalon…) or Organization")
    return default


def _read_location(reader: _Reader, data: dict, prefix: str, location: Location) -> None:
    key = prefix.rstrip(".")
    location.key_path = key
    location.name = reader.text(data.get("name"), f"{prefix}name")
    location.description = reader.text(data.get("description"), f"{prefix}description")
    location.url = reader.url(data.get("url"), f"{prefix}url")
    location.telephone = reader.text(data.get("telephone"), f"{prefix}telephone")
    if location.telephone and (not _PHONE.match(location.telephone)
                               or len(re.sub(r"\D", "", location.telephone)) < 5):
        reader.report(f"{prefix}telephone", f"{describe(location.telephone)} is not a telephone number",
                      "write it with the country code, e.g. +1 802-555-0142")
        location.telephone = ""
    location.email = reader.text(data.get("email"), f"{prefix}email")
    if location.email and not _EMAIL.match(location.email):
        reader.report(f"{prefix}email", f"{describe(location.email)} is not an email address",
                      "write it like hello@example.com")
        location.email = ""
    location.address = _read_address(reader, data.get("address"), f"{prefix}address")
    location.area_served = reader.texts(data.get("area_served"), f"{prefix}area_served")
    location.geo = _read_geo(reader, data.get("geo"), f"{prefix}geo")
    images = data.get("images")
    location.images = [url for index, item in enumerate(_as_list(images))
                       if (url := reader.url(item, f"{prefix}images[{index}]" if isinstance(images, list)
                                             else f"{prefix}images"))]
    location.timetable = _read_timetable(reader, data.get("hours"), data.get("special_hours"), prefix)
    if not location.is_local:
        for name in ("hours", "special_hours", "geo"):
            if data.get(name) is not None:
                reader.report(f"{prefix}{name}", f"needs a LocalBusiness type, not {location.type}",
                              "set type to the LocalBusiness subtype that fits (Plumber, Dentist…) or remove it")
        location.timetable = hours_mod.Timetable()
        location.geo = None


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def read_profile(text: str, path: str) -> tuple[Business | None, list[Diagnostic]]:
    """Parse and check a business profile's YAML text; `path` names the file in messages."""
    parsed = datafile.read(text, path, dates=False, syntax_fix="fix the YAML syntax (indentation, a colon "
                           "after each key, quotes around text with ': ')")
    if parsed.problems:
        return None, parsed.problems
    reader = _Reader(path, parsed.data, parsed.lines, parsed.raw)
    data = parsed.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        reader.report("", "is not a mapping of keys", "start with type: LocalBusiness and name: Your Business")
        return None, reader.problems
    reader.known(data, BUSINESS_KEYS, "")
    if data.get("type") is None:
        reader.report("type", "is missing",
                      "give the most specific schema.org LocalBusiness type, e.g. type: Plumber (or Organization)")
    business = Business(key="business", type=_read_type(reader, data.get("type"), "type", vocabulary.ROOT_TYPE))
    _read_location(reader, data, "", business)
    business.key_path = ""
    _read_business_facts(reader, data, business)
    _read_extras(reader, data, business)
    _read_branches(reader, data, business)
    return business, reader.problems


def _read_business_facts(reader: _Reader, data: dict, business: Business) -> None:
    """What only the business has: logo, price range, profiles elsewhere, payment, timezone."""
    business.logo = reader.url(data.get("logo"), "logo")
    business.price_range = reader.text(data.get("price_range"), "price_range")
    if len(business.price_range) > 100:
        reader.report("price_range", "is longer than 100 characters", "write a short range like $$ or $5-$30")
        business.price_range = ""
    business.same_as = [url for index, item in enumerate(_as_list(data.get("same_as")))
                        if (url := reader.url(item, f"same_as[{index}]"))]
    for index, link in enumerate(list(business.same_as)):
        if not link.startswith(("https://", "http://")):
            reader.report(f"same_as[{index}]", f"{describe(link)} is not an absolute URL",
                          "give the full address of the profile, e.g. https://www.instagram.com/yourbusiness")
            business.same_as.remove(link)
    business.payment_accepted = reader.texts(data.get("payment_accepted"), "payment_accepted")
    if data.get("timezone") is not None:
        try:
            business.timezone = clock.zone(reader.text(data.get("timezone"), "timezone") or None)
        except clock.ClockError as error:
            reader.report("timezone", error.problem, error.fix)


def _read_extras(reader: _Reader, data: dict, business: Business) -> None:
    """The properties only some types have (`serves_cuisine` for a restaurant)."""
    for key, prop in vocabulary.EXTRA_PROPERTIES.items():
        value = data.get(key)
        if value is None:
            continue
        if not vocabulary.allows(business.type, prop):
            reader.report(key, f"is not a property of {business.type}",
                          f"remove it, or use a type under {' or '.join(vocabulary.types_with(prop))}")
            continue
        if key == "accepts_reservations" and isinstance(value, bool):
            business.extras[prop] = value
        elif key == "serves_cuisine":
            if cuisines := reader.texts(value, key):
                business.extras[prop] = cuisines
        elif key == "accepts_reservations" and not isinstance(value, str):
            reader.report(key, f"{describe(value)} is not true, false or a URL",
                          "write accepts_reservations: true, or the address of the booking page")
        elif text := reader.url(value, key):
            business.extras[prop] = text


def _read_branches(reader: _Reader, data: dict, business: Business) -> None:
    """`branches`: the other locations, each with its own name, address and hours."""
    branches = data.get("branches")
    if branches is not None and not isinstance(branches, list):
        reader.report("branches", f"{describe(branches)} is not a list",
                      "write a list of locations, each with name, address and hours")
        branches = []
    seen: set[str] = {"business"}
    for index, entry in enumerate(branches or []):
        prefix = f"branches[{index}]"
        entry = reader.mapping(entry, prefix, "{name: …, address: {…}, hours: {…}}")
        if entry is None:
            continue
        reader.known(entry, BRANCH_KEYS, prefix)
        branch_type = _read_type(reader, entry.get("type"), f"{prefix}.type", business.type)
        branch = Location(key="", type=branch_type)
        _read_location(reader, entry, prefix + ".", branch)
        if not branch.name:
            reader.report(f"{prefix}.name", "is missing",
                          "give each branch its own name, e.g. the business name and the branch's town")
            continue
        slug = "branch-" + (slugify(branch.name) or str(index + 1))
        while slug in seen:
            slug += f"-{index + 1}"
        seen.add(slug)
        branch.key = slug
        business.branches.append(branch)


def completeness(business: Business, path: str, lines: dict[str, int] | None = None) -> list[Diagnostic]:
    """What Google requires (warnings) and recommends (info) for the business's rich result."""
    reader = _Reader(path, lines=lines)
    for location in [business, *business.branches]:
        prefix = f"{location.key_path}." if location.key_path else ""
        if not location.name:
            reader.report(f"{prefix}name", "is missing", "give the business name as on the shop sign")
        if not location.is_local:
            continue
        address = location.address or Address()
        if not address.street and not location.area_served:
            reader.report(f"{prefix}address.street", "is missing",
                          "give the street address, or area_served for a service-area business that hides it")
        for part, example in (("locality", "Springfield"), ("country", "US")):
            if not getattr(address, part) and not address.refused.get(part):
                reader.report(f"{prefix}address.{part}", "is missing", f"write it like {part}: {example}")
        missing = []
        if location.geo is None:
            missing.append("geo")
        if not location.telephone:
            missing.append("telephone")
        if not location.timetable.weekly:
            missing.append("hours")
        if location is business and not business.images:
            reader.report("images", "the profile has no photo of the business"
                          + (" (the logo stands in, and a logo is not a photo)" if business.logo else ""),
                          "add images: with one or more photos (the shop front, the inside, your work), "
                          "at least 1200 px wide; Google shows them in local results")
        if missing:
            reader.report(prefix.rstrip(".") or "business", "recommended for local results: " + ", ".join(missing),
                          "add them to show map, call and opening-hours details in search", severity="info")
    return reader.problems


def load_profile(text: str, path: str) -> tuple[Business | None, list[Diagnostic]]:
    """Parse, check and assess a profile: its problems, then what it lacks."""
    business, problems = read_profile(text, path)
    if business is not None:
        problems += completeness(business, path, datafile.key_lines(text))
    return business, problems
