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
from ..core.secrets import SECRET_FIX, secret_kind
from ..core.urls import clean_text, text_problem, url_fix, url_problem
from .model import ADDRESS_KEYS

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
PRODUCT_KEYS = ("name", "description", "image", "sku", "brand", "gtin", "mpn", "condition", "price", "currency",
                "availability", "valid_from", "valid_until", "return_policy", "shipping")
CONDITION = {"new": "NewCondition", "used": "UsedCondition", "refurbished": "RefurbishedCondition",
             "damaged": "DamagedCondition"}
RETURN_KEYS = ("days", "country", "fees", "method")
RETURN_FEES = {"free": "FreeReturn", "customer": "ReturnFeesCustomerResponsibility"}
RETURN_METHOD = {"mail": "ReturnByMail", "store": "ReturnInStore", "kiosk": "ReturnAtKiosk"}
SHIPPING_KEYS = ("price", "currency", "country", "handling_days", "transit_days")
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
class ReturnPolicy:
    allowed: bool = True
    days: int | None = None  # None with allowed: unlimited window
    country: str = ""
    fees: str = ""  # schema.org URL
    method: str = ""  # schema.org URL


@dataclass
class Shipping:
    price: str
    currency: str = ""
    country: str = ""
    handling: tuple[int, int] | None = None
    transit: tuple[int, int] | None = None


@dataclass
class Product:
    name: str
    description: str = ""
    image: str = ""
    sku: str = ""
    brand: str = ""
    gtin: str = ""
    mpn: str = ""
    condition: str = ""  # schema.org URL
    offer: Offer | None = None
    return_policy: ReturnPolicy | None = None
    shipping: Shipping | None = None


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
        text = str(value).strip()
        kind = secret_kind(text) if isinstance(value, str) else None
        if kind:
            self.report(f"{key}.{name}", f"this looks like {kind}, which must never be published in a page",
                        SECRET_FIX)
            return ""
        if text_problem(text):
            self.report(f"{key}.{name}", text_problem(text) or "", "the character is left out; retype the text")
            return clean_text(text).strip()
        return text

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
            self.report(key, error.problem, error.fix)
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
                reader.report(f"{key}[{index}]", f"{describe(item)} is not a mapping",
                              f"give each {key} its keys (name: …)")
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
        reader.report(f"{key}.currency", f"{describe(currency)} is not a currency code",
                      "use a code like USD, EUR, GBP")
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


def _days(reader: _PageReader, value: object, key: str) -> tuple[int, int] | None:
    """`2`, `1-3` or `[1, 3]`: a number of days or a range."""
    if value is None:
        return None
    numbers: list = value if isinstance(value, list) else (
        str(value).split("-") if isinstance(value, str) else [value])
    try:
        parts = [int(str(n).strip()) for n in numbers]
    except ValueError:
        parts = []
    if len(parts) == 1:
        parts = parts * 2
    if len(parts) != 2 or parts[0] < 0 or parts[1] < parts[0]:
        reader.report(key, f"{describe(value)} is not a number of days", "write it like 2, or a range like 1-3")
        return None
    return parts[0], parts[1]


def _read_return_policy(reader: _PageReader, value: object, key: str) -> ReturnPolicy | None:
    if value is False or (isinstance(value, str) and value.strip().lower() in ("none", "no")):
        return ReturnPolicy(allowed=False)
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a return policy",
                      "write it like {days: 30, fees: free, method: mail}, or none when nothing can be returned")
        return None
    reader.known(value, RETURN_KEYS, key)
    policy = ReturnPolicy(country=reader.text(value, "country", key).upper())
    if policy.country and not re.fullmatch(r"[A-Z]{2}", policy.country):
        reader.report(f"{key}.country", f"{describe(policy.country)} is not a two-letter country code",
                      "use the ISO 3166-1 alpha-2 code, e.g. US")
        policy.country = ""
    days = value.get("days")
    if days is not None:
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            reader.report(f"{key}.days", f"{describe(days)} is not a number of days", "write it like days: 30")
        else:
            policy.days = days
    for name, table in (("fees", RETURN_FEES), ("method", RETURN_METHOD)):
        raw = value.get(name)
        if raw is None:
            continue
        code = table.get(str(raw).strip().lower())
        if code is None:
            reader.report(f"{key}.{name}", f"{describe(raw)} is not a return {name}", "use one of " + ", ".join(table))
        else:
            setattr(policy, name, SCHEMA + code)
    return policy


def _read_shipping(reader: _PageReader, value: object, key: str) -> Shipping | None:
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a shipping rate",
                      "write it like {price: 4.95, country: US, handling_days: 0-1, transit_days: 1-5}")
        return None
    reader.known(value, SHIPPING_KEYS, key)
    price_value = value.get("price")
    price = f"{price_value:.2f}" if isinstance(price_value, float) else str(price_value or "").strip()
    if isinstance(price_value, bool) or not _PRICE.match(price):
        reader.report(f"{key}.price", f"{describe(price_value)} is not a price",
                      "write the shipping cost as a number, e.g. price: 4.95 (0 for free shipping)")
        return None
    shipping = Shipping(price=price, currency=reader.text(value, "currency", key).upper(),
                        country=reader.text(value, "country", key).upper())
    if shipping.country and not re.fullmatch(r"[A-Z]{2}", shipping.country):
        reader.report(f"{key}.country", f"{describe(shipping.country)} is not a two-letter country code",
                      "use the ISO 3166-1 alpha-2 code, e.g. US")
        shipping.country = ""
    shipping.handling = _days(reader, value.get("handling_days"), f"{key}.handling_days")
    shipping.transit = _days(reader, value.get("transit_days"), f"{key}.transit_days")
    return shipping


def _recommended(reader: _PageReader, product: Product, key: str) -> None:
    """What Google's merchant listing and product snippet guidelines recommend, when missing:
    info, so a strict build never fails on it."""
    missing = [name for name, present in (
        ("brand", product.brand), ("gtin or mpn", product.gtin or product.mpn),
        ("valid_until (priceValidUntil)", product.offer and product.offer.valid_until),
        ("condition", product.condition), ("return_policy", product.return_policy),
        ("shipping", product.shipping)) if not present]
    if missing:
        reader.report(key, f"Google recommends for {product.name}: " + ", ".join(missing),
                      "add them to show price, returns and delivery in product results "
                      "(see the storefront/schema README, Products)", severity="info")


def _read_location(reader: _PageReader, value: object, key: str) -> dict | str | None:
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
    if meta.get("product") is not None:
        today = now.astimezone(tz).date()
        data.products = [product for key, item in _items(reader, meta["product"], "product")
                         if (product := _read_product(reader, item, key, tz, today)) is not None]
    if meta.get("event") is not None:
        data.events = [event for key, item in _items(reader, meta["event"], "event")
                       if (event := _read_event(reader, item, key, tz, now)) is not None]
    if meta.get("faq") is not None:
        data.faq = _read_faq(reader, meta["faq"])
    return data, reader.problems


def _read_product(reader: _PageReader, item: Mapping, key: str, tz: dt.tzinfo, today: dt.date) -> Product | None:
    """One `product`, or None when it cannot be shown (no name, no valid offer, the offer over)."""
    reader.known(item, PRODUCT_KEYS, key)
    name = reader.text(item, "name", key, required="give the product name, e.g. name: Boiler service")
    if not name:
        return None
    product = Product(name=name, description=reader.text(item, "description", key),
                      image=reader.url(item, "image", key, image=True), sku=reader.text(item, "sku", key),
                      brand=reader.text(item, "brand", key), mpn=reader.text(item, "mpn", key))
    gtin = reader.text(item, "gtin", key).replace(" ", "").replace("-", "")
    if gtin and not re.fullmatch(r"\d{8}|\d{12,14}", gtin):
        reader.report(f"{key}.gtin", f"{describe(gtin)} is not a GTIN",
                      "write the 8, 12, 13 or 14 digits under the barcode (GTIN-8, UPC, EAN, GTIN-14)")
    elif gtin:
        product.gtin = gtin
    condition = item.get("condition")
    if condition is not None:
        code = CONDITION.get(str(condition).strip().lower())
        if code is None:
            reader.report(f"{key}.condition", f"{describe(condition)} is not a condition",
                          "use one of " + ", ".join(CONDITION))
        else:
            product.condition = SCHEMA + code
    if item.get("return_policy") is not None:
        product.return_policy = _read_return_policy(reader, item["return_policy"], f"{key}.return_policy")
    if item.get("shipping") is not None:
        product.shipping = _read_shipping(reader, item["shipping"], f"{key}.shipping")
    product.offer = _read_offer(reader, item, key, tz, product=True)
    if product.offer is None:
        return None
    until = product.offer.valid_until
    if until is not None and until.astimezone(tz).date() < today:
        reader.report(f"{key}.valid_until", f"the offer ended on {until.date().isoformat()}, so "
                      f"{name} is left out of the structured data",
                      "update price and valid_until, or remove valid_until", severity="info")
        return None
    _recommended(reader, product, key)
    return product


def _read_event(reader: _PageReader, item: Mapping, key: str, tz: dt.tzinfo, now: dt.datetime) -> Event | None:
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
    last = end or (start + dt.timedelta(days=1) if date_only else start)
    if last <= now:
        reader.report(key, f"{name} is over, so it is left out of the structured data",
                      "remove the event: block or move it to a new date", severity="info")
        return None
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
    return event


def _read_faq(reader: _PageReader, faq: object) -> list[Question]:
    """`faq`: the questions with their answers."""
    questions: list[Question] = []
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
            questions.append(Question(question, answer))
    return questions
