"""The business profile (`seo/business.yml`): read, checked and typed.

Every problem is a `Diagnostic` naming the file, the line and the dotted key
(`branches[0].hours.tuesday`); a bad value is left out and the rest of the profile is used.
Unknown keys are reported, never ignored.
"""

from __future__ import annotations

import re
import unicodedata

from ..core import clock, datafile
from ..core.diagnostics import Diagnostic, describe
from . import hours as hours_mod
from . import vocabulary
from .model import BRANCH_KEYS, BUSINESS_KEYS, Address, Business, Geo, Location
from .places import read_address, read_geo
from .reader import ProfileReader, as_list
from .timetable import read_timetable

__all__ = ["Address", "Business", "Geo", "Location", "completeness", "load_profile", "read_profile"]


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]+$")


def slugify(text: str) -> str:
    """A branch's name as an @id fragment: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _read_type(reader: ProfileReader, value: object, key: str, default: str) -> str:
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


def _read_location(reader: ProfileReader, data: dict, prefix: str, location: Location) -> None:
    key = prefix.rstrip(".")
    location.key_path = key
    location.name = reader.text(data.get("name"), f"{prefix}name")
    location.description = reader.text(data.get("description"), f"{prefix}description")
    location.url = reader.url(data.get("url"), f"{prefix}url")
    location.telephone = _read_telephone(reader, data.get("telephone"), f"{prefix}telephone")
    location.email = _read_email(reader, data.get("email"), f"{prefix}email")
    location.address = read_address(reader, data.get("address"), f"{prefix}address")
    location.area_served = reader.texts(data.get("area_served"), f"{prefix}area_served")
    location.geo = read_geo(reader, data.get("geo"), f"{prefix}geo")
    images = data.get("images")
    location.images = [url for index, item in enumerate(as_list(images))
                       if (url := reader.url(item, f"{prefix}images[{index}]" if isinstance(images, list)
                                             else f"{prefix}images"))]
    location.timetable = read_timetable(reader, data.get("hours"), data.get("special_hours"), prefix)
    if not location.is_local:
        for name in ("hours", "special_hours", "geo"):
            if data.get(name) is not None:
                reader.report(f"{prefix}{name}", f"needs a LocalBusiness type, not {location.type}",
                              "set type to the LocalBusiness subtype that fits (Plumber, Dentist…) or remove it")
        location.timetable = hours_mod.Timetable()
        location.geo = None


def _read_telephone(reader: ProfileReader, value: object, key: str) -> str:
    telephone = reader.text(value, key)
    if telephone and (not _PHONE.match(telephone) or len(re.sub(r"\D", "", telephone)) < 5):
        reader.report(key, f"{describe(telephone)} is not a telephone number",
                      "write it with the country code, e.g. +1 802-555-0142")
        return ""
    return telephone


def _read_email(reader: ProfileReader, value: object, key: str) -> str:
    email = reader.text(value, key)
    if email and not _EMAIL.match(email):
        reader.report(key, f"{describe(email)} is not an email address", "write it like hello@example.com")
        return ""
    return email


def read_profile(text: str, path: str) -> tuple[Business | None, list[Diagnostic]]:
    """Parse and check a business profile's YAML text; `path` names the file in messages."""
    parsed = datafile.read(text, path, dates=False, syntax_fix="fix the YAML syntax (indentation, a colon "
                           "after each key, quotes around text with ': ')")
    if parsed.problems:
        return None, parsed.problems
    reader = ProfileReader(path, parsed.data, parsed.lines, parsed.raw)
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


def _read_business_facts(reader: ProfileReader, data: dict, business: Business) -> None:
    """What only the business has: logo, price range, profiles elsewhere, payment, timezone."""
    business.logo = reader.url(data.get("logo"), "logo")
    business.price_range = reader.text(data.get("price_range"), "price_range")
    if len(business.price_range) > 100:
        reader.report("price_range", "is longer than 100 characters", "write a short range like $$ or $5-$30")
        business.price_range = ""
    business.same_as = [url for index, item in enumerate(as_list(data.get("same_as")))
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


def _read_extras(reader: ProfileReader, data: dict, business: Business) -> None:
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


def _read_branches(reader: ProfileReader, data: dict, business: Business) -> None:
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
    reader = ProfileReader(path, lines=lines)
    for location in [business, *business.branches]:
        _assess(reader, location, business)
    return reader.problems


def _assess(reader: ProfileReader, location: Location, business: Business) -> None:
    prefix = f"{location.key_path}." if location.key_path else ""
    if not location.name:
        reader.report(f"{prefix}name", "is missing", "give the business name as on the shop sign")
    if not location.is_local:
        return
    _assess_address(reader, location, prefix)
    if location is business and not business.images:
        reader.report("images", "the profile has no photo of the business"
                      + (" (the logo stands in, and a logo is not a photo)" if business.logo else ""),
                      "add images: with one or more photos (the shop front, the inside, your work), "
                      "at least 1200 px wide; Google shows them in local results")
    missing = [name for name, have in (("geo", location.geo is not None), ("telephone", location.telephone),
                                       ("hours", location.timetable.weekly)) if not have]
    if missing:
        reader.report(prefix.rstrip(".") or "business", "recommended for local results: " + ", ".join(missing),
                      "add them to show map, call and opening-hours details in search", severity="info")


def _assess_address(reader: ProfileReader, location: Location, prefix: str) -> None:
    address = location.address or Address()
    if not address.street and not location.area_served:
        reader.report(f"{prefix}address.street", "is missing",
                      "give the street address, or area_served for a service-area business that hides it")
    for part, example in (("locality", "Springfield"), ("country", "US")):
        if not getattr(address, part) and not address.refused.get(part):
            reader.report(f"{prefix}address.{part}", "is missing", f"write it like {part}: {example}")


def load_profile(text: str, path: str) -> tuple[Business | None, list[Diagnostic]]:
    """Parse, check and assess a profile: its problems, then what it lacks."""
    business, problems = read_profile(text, path)
    if business is not None:
        problems += completeness(business, path, datafile.key_lines(text))
    return business, problems
