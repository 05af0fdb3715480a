"""`product:` front matter: the product, its offer, return policy and shipping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..core.diagnostics import describe
from .page_model import (
    AVAILABILITY,
    CONDITION,
    PRODUCT_KEYS,
    RETURN_FEES,
    RETURN_KEYS,
    RETURN_METHOD,
    SCHEMA,
    SHIPPING_KEYS,
    Offer,
    Product,
    ReturnPolicy,
    Shipping,
)
from .page_reader import PageReader

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PRICE = re.compile(r"^\d+(\.\d+)?$")


def read_product(reader: PageReader, item: Mapping, key: str, tz: dt.tzinfo, today: dt.date) -> Product | None:
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
    if item.get("condition") is not None:
        product.condition = reader.choice(item["condition"], f"{key}.condition", CONDITION, "a condition")
    if item.get("return_policy") is not None:
        product.return_policy = _read_return_policy(reader, item["return_policy"], f"{key}.return_policy")
    if item.get("shipping") is not None:
        product.shipping = _read_shipping(reader, item["shipping"], f"{key}.shipping")
    product.offer = read_offer(reader, item, key, tz, product=True)
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


def read_offer(reader: PageReader, data: Mapping, key: str, tz: dt.tzinfo, *, product: bool) -> Offer | None:
    price_value = data.get("price")
    if price_value is None:
        reader.report(f"{key}.price", "is missing",
                      "give the price as a number, e.g. price: 8.50 (0 for free)")
        return None
    price = _price(reader, price_value, f"{key}.price",
                   "write a plain number with a dot for decimals, e.g. 8.50, and the currency separately")
    if price is None:
        return None
    currency = reader.text(data, "currency", key, required="give the ISO 4217 code, e.g. currency: USD").upper()
    if currency and not _CURRENCY.match(currency):
        reader.report(f"{key}.currency", f"{describe(currency)} is not a currency code",
                      "use a code like USD, EUR, GBP")
        currency = ""
    availability = _availability(reader, data.get("availability"), f"{key}.availability")
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


def _price(reader: PageReader, value: object, key: str, fix: str) -> str | None:
    """A price as written: YAML reads 8.50 as the float 8.5, so a price gets its cents again."""
    price = f"{value:.2f}" if isinstance(value, float) else str(value).strip()
    if isinstance(value, bool) or not _PRICE.match(price):
        reader.report(key, f"{describe(value)} is not a price", fix)
        return None
    return price


def _availability(reader: PageReader, value: object, key: str) -> str:
    """`in_stock`, `in stock`, `in-stock` or schema.org's own `InStock`, as its URL."""
    if value is None:
        return ""
    name = str(value).strip()
    code = AVAILABILITY.get(name.lower().replace(" ", "_").replace("-", "_"))
    if code is None and name in AVAILABILITY.values():
        code = name
    if code is None:
        reader.report(key, f"{describe(value)} is not an availability", "use one of " + ", ".join(AVAILABILITY))
        return ""
    return SCHEMA + code


def _days(reader: PageReader, value: object, key: str) -> tuple[int, int] | None:
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


def _read_return_policy(reader: PageReader, value: object, key: str) -> ReturnPolicy | None:
    if value is False or (isinstance(value, str) and value.strip().lower() in ("none", "no")):
        return ReturnPolicy(allowed=False)
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a return policy",
                      "write it like {days: 30, fees: free, method: mail}, or none when nothing can be returned")
        return None
    reader.known(value, RETURN_KEYS, key)
    policy = ReturnPolicy(country=reader.country(value, key))
    days = value.get("days")
    if days is not None:
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            reader.report(f"{key}.days", f"{describe(days)} is not a number of days", "write it like days: 30")
        else:
            policy.days = days
    for name, table in (("fees", RETURN_FEES), ("method", RETURN_METHOD)):
        if value.get(name) is not None:
            setattr(policy, name, reader.choice(value[name], f"{key}.{name}", table, f"a return {name}"))
    return policy


def _read_shipping(reader: PageReader, value: object, key: str) -> Shipping | None:
    if not isinstance(value, Mapping):
        reader.report(key, f"{describe(value)} is not a shipping rate",
                      "write it like {price: 4.95, country: US, handling_days: 0-1, transit_days: 1-5}")
        return None
    reader.known(value, SHIPPING_KEYS, key)
    price = _price(reader, value.get("price"), f"{key}.price",
                   "write the shipping cost as a number, e.g. price: 4.95 (0 for free shipping)")
    if price is None:
        return None
    shipping = Shipping(price=price, currency=reader.text(value, "currency", key).upper(),
                        country=reader.country(value, key))
    shipping.handling = _days(reader, value.get("handling_days"), f"{key}.handling_days")
    shipping.transit = _days(reader, value.get("transit_days"), f"{key}.transit_days")
    return shipping


def _recommended(reader: PageReader, product: Product, key: str) -> None:
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
