"""What a page's structured front matter holds once read: products with their offers, return
policies and shipping, events, FAQ questions; and the keys and codes each one takes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
