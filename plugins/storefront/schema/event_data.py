"""`event:` front matter: the event, where it takes place, when, and its offers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..core import clock
from ..core.diagnostics import describe
from .model import ADDRESS_KEYS
from .page_model import EVENT_KEYS, EVENT_STATUS, LOCATION_KEYS, OFFER_KEYS, Event, Offer
from .page_reader import PageReader, items
from .product_data import read_offer


def read_event(reader: PageReader, item: Mapping, key: str, tz: dt.tzinfo, now: dt.datetime) -> Event | None:
    """One `event`, or None when it cannot be shown (no name or start, or it is over)."""
    reader.known(item, EVENT_KEYS, key)
    name = reader.text(item, "name", key, required="give the event name")
    if item.get("start") is None:
        reader.report(f"{key}.start", "is missing", "give the start, e.g. start: 2026-12-12 10:00")
        return None
    start = reader.when(item.get("start"), f"{key}.start", tz)
    end = reader.when(item.get("end"), f"{key}.end", tz) if item.get("end") is not None else None
    if not name or start is None:
        return None
    if end is not None and end < start:
        reader.report(f"{key}.end", "is before start", "set end after start, or remove it")
        end = None
    date_only = clock.is_date_only(item.get("start")) and (end is None or clock.is_date_only(item.get("end")))
    if (end or (start + dt.timedelta(days=1) if date_only else start)) <= now:
        reader.report(key, f"{name} is over, so it is left out of the structured data",
                      "remove the event: block or move it to a new date", severity="info")
        return None
    event = Event(name=name, start=start, end=end, date_only=date_only,
                  description=reader.text(item, "description", key),
                  image=reader.url(item, "image", key, image=True),
                  location=_read_location(reader, item.get("location"), f"{key}.location"))
    if item.get("status") is not None:
        event.status = reader.choice(item["status"], f"{key}.status", EVENT_STATUS, "an event status")
    if item.get("offers") is not None:
        event.offers = _read_offers(reader, item["offers"], f"{key}.offers", tz, now)
    return event


def _read_offers(reader: PageReader, value: object, key: str, tz: dt.tzinfo, now: dt.datetime) -> list[Offer]:
    """The event's tickets: those whose sale is over are left out."""
    offers = []
    for offer_key, offer_data in items(reader, value, key):
        reader.known(offer_data, OFFER_KEYS, offer_key)
        offer = read_offer(reader, offer_data, offer_key, tz, product=False)
        if offer is not None and not (offer.valid_until and offer.valid_until <= now):
            offers.append(offer)
    return offers


def _read_location(reader: PageReader, value: object, key: str) -> dict | str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a place",
                      "leave it out (the business), name a branch, "
                      "or give {name, address} or {url} for an online event")
        return None
    reader.known(value, LOCATION_KEYS, key)
    place: dict = {"name": reader.text(value, "name", key), "url": reader.url(value, "url", key)}
    structured = _read_address(reader, value.get("address"), f"{key}.address")
    place["address"] = structured
    place["address_text"] = ", ".join(structured.values())
    if not place["url"] and not place["address"]:
        reader.report(key, "has neither an address nor a url",
                      "give address: for a place, or url: for an online event")
        return None
    return place


_ADDRESS_EXAMPLE = "{street: 12 High Street, locality: Springfield, postal_code: \"01101\", country: US}"


def _read_address(reader: PageReader, address: object, key: str) -> dict[str, str]:
    """A place's address: its parts (a country as its two-letter code), or one line as the street."""
    if address is not None and not isinstance(address, (str, Mapping)):
        reader.report(key, f"{describe(address)} is not an address", f"write it like {_ADDRESS_EXAMPLE}")
        return {}
    structured: dict[str, str] = {}
    if isinstance(address, Mapping):
        reader.known(address, ADDRESS_KEYS, key)
        structured = {name: text for name in ADDRESS_KEYS if (text := reader.text(address, name, key))}
        country = structured.get("country", "")
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            reader.report(f"{key}.country", f"{describe(country)} is not a two-letter country code",
                          "use the ISO 3166-1 alpha-2 code, e.g. US, GB, FR")
            structured.pop("country")
        elif country:
            structured["country"] = country.upper()
    elif isinstance(address, str) and address.strip():
        structured = {"street": address.strip()}
        reader.report(key, "is one line, so search engines cannot tell its street, town and country "
                      "apart", f"write it like {_ADDRESS_EXAMPLE}", severity="info")
    return structured
