"""A location's address (with its ISO 3166-1 country code) and its coordinates."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..core.diagnostics import describe
from ..core.suggest import closest
from .model import ADDRESS_KEYS, Address, Geo
from .reader import ProfileReader


def read_address(reader: ProfileReader, value: object, key: str) -> Address | None:
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


def read_geo(reader: ProfileReader, value: object, key: str) -> Geo | None:
    data = reader.mapping(value, key, "{latitude: 44.4778, longitude: -73.2121}")
    if data is None:
        return None
    reader.known(data, ("latitude", "longitude"), key)
    numbers = {}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        number = _degrees(reader, data.get(name), f"{key}.{name}", name, limit)
        if number is None:
            return None
        numbers[name] = number
    _check_precision(reader, numbers, key)
    return Geo(**numbers)


def _degrees(reader: ProfileReader, raw: object, key: str, name: str, limit: int) -> float | None:
    if isinstance(raw, str) and re.fullmatch(r"-?\d{1,3}(\.\d+)?", raw.strip()):
        raw = float(raw)  # quoted to keep trailing zeros ("44.47810")
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not -limit <= raw <= limit:
        reader.report(key, f"{describe(raw)} is not a {name}",
                      f"write decimal degrees between -{limit} and {limit}, "
                      f"e.g. {44.4778 if limit == 90 else -73.2121}")
        return None
    return float(raw)


def _check_precision(reader: ProfileReader, numbers: dict[str, float], key: str) -> None:
    """Google asks for at least 5 decimals (about a metre); fewer place the pin a street away."""
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
