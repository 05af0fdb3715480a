"""The business profile as the schema plugin uses it: the business, its branches, their
addresses, coordinates and hours (read from `seo/business.yml` by `profile`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import hours as hours_mod
from . import vocabulary


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
