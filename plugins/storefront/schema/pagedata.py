"""Structured front matter of one page: `product:`, `event:` and `faq:`, read and checked.

Pure: the caller passes the page's meta, its source (for line numbers), the site timezone
and the build's "now"; out come typed values and `Diagnostic`s. Expired offers and past
events are dropped here, with an info message, so nothing stale is emitted as current.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import key_line
from ..core.urls import url_fix, url_problem
from .profile import ADDRESS_KEYS

__all__ = ["AVAILABILITY", "Event", "Offer", "PageData", "Product", "Question", "read_page_data"]

SCHEMA = "https://schema.org/"
AVAILABILITY = {
    "in_stock": "InStock",
    "out_of_stock": "OutOfStock",
    "preorder": "PreOrder",
    "presale": "PreSale",
    "backorder": "BackOrder",
    "limited": "LimitedAvailability",
    "sold_out": "SoldOut",
    "discontinued": "Discontinued",
    "online_only": "OnlineOnly",
    "in_store_only": "InStoreOnly",
    "made_to_order": "MadeToOrder",
}
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved_online": "EventMovedOnline",
}
PRODUCT_KEYS = ("name", "description", "image", "sku", "brand", "price", "currency", "availability",
                "valid_from", "valid_until")
OFFER_KEYS = ("name", "price", "currency", "availability", "valid_from", "valid_until", "url")
EVENT_KEYS = ("name", "description", "image", "start", "end", "location", "offers", "status")
LOCATION_KEYS = ("name", "address", "url")
FAQ_KEYS = ("question", "answer")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PRICE = re.compile(r"^\d+(\.\d+)?$")


@dataclass
class Offer:
    price: str
    currency: str
    availability: str = ""  # schema.org URL
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None
    url: str = ""
    name: str = ""


@dataclass
class Product:
    name: str
    description: str = ""
    image: str = ""
    sku: str = ""
    brand: str = ""
    offer: Offer | None = None


@dataclass
class Event:
    name: str
    start: dt.datetime
    end: dt.datetime | None = None
    description: str = ""
    image: str = ""
    location: dict | str | None = None  # None: the business; str: a branch name; dict: a place
    offers: list[Offer] = field(default_factory=list)
    status: str = ""
    date_only: bool = False


@dataclass
class Question:
    question: str
    answer: str


@dataclass
class PageData:
    products: list[Product] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    faq: list[Question] = field(default_factory=list)


class _PageReader:
    def __init__(self, path: str, source: str | None):
        self.path, self.source = path, source
        self.problems: list[Diagnostic] = []

    def report(self, key: str, problem: str, fix: str, severity: str = "warning") -> None:
        self.problems.append(Diagnostic(self.path, key, problem, fix, key_line(self.source, key),
                                        severity))  # type: ignore[arg-type]

    def known(self, data: Mapping, allowed: tuple[str, ...], key: str) -> None:
        for name in data:
            if name not in allowed:
                self.report(f"{key}.{name}", "unknown key", "known keys are " + ", ".join(allowed))

    def text(self, data: Mapping, name: str, key: str, *, required: str = "") -> str:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.report(f"{key}.{name}", "is missing", required)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.report(f"{key}.{name}", f"{describe(value)} is not text", "write a single line of text")
            return ""
        return str(value).strip()

    def url(self, data: Mapping, name: str, key: str, *, image: bool = False) -> str:
        """A URL-typed key through the suite's URL check (refused: reported and left out)."""
        text = self.text(data, name, key)
        problem = url_problem(text, path_spaces=image) if text else None
        if problem:
            self.report(f"{key}.{name}", problem, url_fix(image=image))
            return ""
        return text

    def when(self, value: object, key: str, tz: dt.tzinfo) -> dt.datetime | None:
        try:
            return clock.parse_when(value, tz)
        except clock.ClockError as error:
            problem, _, fix = str(error).partition("; ")
            self.report(key, problem, fix)
            return None


def _items(reader: _PageReader, value: object, key: str) -> list[tuple[str, Mapping]]:
    """A mapping or a list of mappings, each with the key it is reported under."""
    if isinstance(value, Mapping):
        return [(key, value)]
    if isinstance(value, list):
        out = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                out.append((f"{key}[{index}]", item))
            else:
                reader.report(f"{key}[{index}]", f"{describe(item)} is not a mapping", f"give each {key} its keys (name: …)")
        return out
    reader.report(key, f"{describe(value)} is not a mapping or a list", f"write {key}: with keys under it (name: …)")
    return []


def _read_offer(reader: _PageReader, data: Mapping, key: str, tz: dt.tzinfo, *, product: bool) -> Offer | None:
    price_value = data.get("price")
    if price_value is None:
        reader.report(f"{key}.price", "is missing",
                      "give the price as a number, e.g. price: 8.50 (0 for free)")
        return None
    # YAML reads 8.50 as the float 8.5; a price is written with its cents again.
    price = f"{price_value:.2f}" if isinstance(price_value, float) else str(price_value).strip()
    if isinstance(price_value, bool) or not _PRICE.match(price):
        reader.report(f"{key}.price", f"{describe(price_value)} is not a price",
                      "write a plain number with a dot for decimals, e.g. 8.50, and the currency separately")
        return None
    currency = reader.text(data, "currency", key, required="give the ISO 4217 code, e.g. currency: USD").upper()
    if currency and not _CURRENCY.match(currency):
        reader.report(f"{key}.currency", f"{describe(currency)} is not a currency code", "use a code like USD, EUR, GBP")
        currency = ""
    availability = ""
    raw = data.get("availability")
    if raw is not None:
        name = str(raw).strip()
        code = AVAILABILITY.get(name.lower().replace(" ", "_").replace("-", "_"))
        if code is None and name in AVAILABILITY.values():
            code = name
        if code is None:
            reader.report(f"{key}.availability", f"{describe(raw)} is not an availability",
                          "use one of " + ", ".join(AVAILABILITY))
        else:
            availability = SCHEMA + code
    if not currency:
        return None
    offer = Offer(price=price, currency=currency, availability=availability)
    for name in ("valid_from", "valid_until"):
        if data.get(name) is not None:
            setattr(offer, name, reader.when(data.get(name), f"{key}.{name}", tz))
    if not product:
        offer.url = reader.url(data, "url", key)
        offer.name = reader.text(data, "name", key)
    return offer


def _read_location(reader: _PageReader, value: object, key: str) -> dict | str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a place",
                      "leave it out (the business), name a branch, or give {name, address} or {url} for an online event")
        return None
    reader.known(value, LOCATION_KEYS, key)
    place: dict = {"name": reader.text(value, "name", key), "url": reader.url(value, "url", key)}
    address = value.get("address")
    example = "{street: 12 High Street, locality: Springfield, postal_code: \"01101\", country: US}"
    if address is not None and not isinstance(address, (str, Mapping)):
        reader.report(f"{key}.address", f"{describe(address)} is not an address", f"write it like {example}")
        address = None
    structured: dict[str, str] = {}
    if isinstance(address, Mapping):
        reader.known(address, ADDRESS_KEYS, f"{key}.address")
        structured = {name: text for name in ADDRESS_KEYS if (text := reader.text(address, name, f"{key}.address"))}
        country = structured.get("country", "")
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            reader.report(f"{key}.address.country", f"{describe(country)} is not a two-letter country code",
                          "use the ISO 3166-1 alpha-2 code, e.g. US, GB, FR")
            structured.pop("country")
        elif country:
            structured["country"] = country.upper()
    elif isinstance(address, str) and address.strip():
        structured = {"street": address.strip()}
        reader.report(f"{key}.address", "is one line, so search engines cannot tell its street, town and country "
                      "apart", f"write it like {example}", severity="info")
    place["address"] = structured
    place["address_text"] = ", ".join(structured.values())
    if not place["url"] and not place["address"]:
        reader.report(key, "has neither an address nor a url",
                      "give address: for a place, or url: for an online event")
        return None
    return place


def read_page_data(meta: Mapping, *, path: str, source: str | None, tz: dt.tzinfo,
                   now: dt.datetime) -> tuple[PageData, list[Diagnostic]]:
    reader = _PageReader(path, source)
    data = PageData()
    today = now.astimezone(tz).date()

    if meta.get("product") is not None:
        for key, item in _items(reader, meta["product"], "product"):
            reader.known(item, PRODUCT_KEYS, key)
            name = reader.text(item, "name", key, required="give the product name, e.g. name: Boiler service")
            if not name:
                continue
            product = Product(name=name, description=reader.text(item, "description", key),
                              image=reader.url(item, "image", key, image=True), sku=reader.text(item, "sku", key),
                              brand=reader.text(item, "brand", key))
            product.offer = _read_offer(reader, item, key, tz, product=True)
            if product.offer is None:
                continue
            until = product.offer.valid_until
            if until is not None and until.astimezone(tz).date() < today:
                reader.report(f"{key}.valid_until", f"the offer ended on {until.date().isoformat()}, so "
                              f"{name} is left out of the structured data",
                              "update price and valid_until, or remove valid_until", severity="info")
                continue
            data.products.append(product)

    if meta.get("event") is not None:
        for key, item in _items(reader, meta["event"], "event"):
            reader.known(item, EVENT_KEYS, key)
            name = reader.text(item, "name", key, required="give the event name")
            if item.get("start") is None:
                reader.report(f"{key}.start", "is missing", "give the start, e.g. start: 2026-12-12 10:00")
                continue
            start = reader.when(item.get("start"), f"{key}.start", tz)
            end = reader.when(item.get("end"), f"{key}.end", tz) if item.get("end") is not None else None
            if not name or start is None:
                continue
            if end is not None and end < start:
                reader.report(f"{key}.end", "is before start", "set end after start, or remove it")
                end = None
            date_only = clock.is_date_only(item.get("start")) and (end is None or clock.is_date_only(item.get("end")))
            last = end or (start + dt.timedelta(days=1) if date_only else start)
            if last <= now:
                reader.report(key, f"{name} is over, so it is left out of the structured data",
                              "remove the event: block or move it to a new date", severity="info")
                continue
            event = Event(name=name, start=start, end=end, date_only=date_only,
                          description=reader.text(item, "description", key),
                          image=reader.url(item, "image", key, image=True),
                          location=_read_location(reader, item.get("location"), f"{key}.location"))
            status = item.get("status")
            if status is not None:
                code = EVENT_STATUS.get(str(status).strip().lower())
                if code is None:
                    reader.report(f"{key}.status", f"{describe(status)} is not an event status",
                                  "use one of " + ", ".join(EVENT_STATUS))
                else:
                    event.status = SCHEMA + code
            if item.get("offers") is not None:
                for offer_key, offer_data in _items(reader, item["offers"], f"{key}.offers"):
                    reader.known(offer_data, OFFER_KEYS, offer_key)
                    offer = _read_offer(reader, offer_data, offer_key, tz, product=False)
                    if offer is not None and not (offer.valid_until and offer.valid_until <= now):
                        event.offers.append(offer)
            data.events.append(event)

    if meta.get("faq") is not None:
        faq = meta["faq"]
        if not isinstance(faq, list):
            reader.report("faq", f"{describe(faq)} is not a list",
                          "write a list of {question: …, answer: …} pairs")
            faq = []
        for index, item in enumerate(faq):
            key = f"faq[{index}]"
            if not isinstance(item, Mapping):
                reader.report(key, f"{describe(item)} is not a question", "write - question: … and answer: … under faq:")
                continue
            reader.known(item, FAQ_KEYS, key)
            question = reader.text(item, "question", key, required="write the question as visitors ask it")
            answer = reader.text(item, "answer", key, required="write the answer shown under the question")
            if question and answer:
                data.faq.append(Question(question, answer))
    return data, reader.problems
