"""The JSON-LD graph: one builder ("piece") per node kind, linked by @id.

Every @id is made in `Ids`, so a node and the references to it always agree. Each piece
says whether the page needs it (`is_needed`) and builds plain data (`generate`); the
plugin serialises the site-wide pieces (website, business, branches) once per build and
the page pieces once per page, into one `<script type="application/ld+json">` @graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core import clock
from ..core.escape import json_for_script
from .hours import DAYS, DayHours, Timetable
from .model import Business, Location
from .pagedata import Event, Offer, PageData, Product, ReturnPolicy, Shipping

SCHEMA = "https://schema.org/"
CONTEXT = "https://schema.org"
HEADLINE_LIMIT = 110

Node = dict[str, Any]
Resolve = Callable[[str], "str | None"]


class Ids:
    """The one place @ids are defined."""

    def __init__(self, site_url: str):
        self.site = site_url if site_url.endswith("/") else site_url + "/"

    @property
    def website(self) -> str:
        return f"{self.site}#website"

    @property
    def business(self) -> str:
        return f"{self.site}#business"

    def branch(self, key: str) -> str:
        return f"{self.site}#{key}"

    @staticmethod
    def webpage(url: str) -> str:
        return f"{url}#webpage"

    @staticmethod
    def breadcrumb(url: str) -> str:
        return f"{url}#breadcrumb"

    @staticmethod
    def primary_image(url: str) -> str:
        return f"{url}#primaryimage"

    @staticmethod
    def article(url: str) -> str:
        return f"{url}#article"

    @staticmethod
    def product(url: str, index: int) -> str:
        return f"{url}#product-{index + 1}"

    @staticmethod
    def products(url: str) -> str:
        return f"{url}#products"

    @staticmethod
    def event(url: str, index: int) -> str:
        return f"{url}#event-{index + 1}"


def ref(node_id: str) -> Node:
    return {"@id": node_id}


def _clean(node: Node) -> Node:
    """Leave out empty values: a property is either stated or absent, never blank."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


# --- site-wide facts ----------------------------------------------------------------------

@dataclass
class Site:
    url: str
    name: str
    description: str = ""
    language: str = ""
    business: Business | None = None
    resolve: Resolve = lambda path: path  # a path in the docs -> absolute URL
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def __post_init__(self) -> None:
        self.ids = Ids(self.url)

    def absolute(self, path: str) -> str:
        return (self.resolve(path) or "") if path else ""


@dataclass
class Image:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""


@dataclass
class Article:
    headline: str
    published: dt.datetime
    modified: dt.datetime | None = None
    authors: list[dict[str, str]] = field(default_factory=list)  # {"name", "url"}
    keywords: list[str] = field(default_factory=list)
    section: str = ""

    def __post_init__(self) -> None:
        # ISO 8601 with the offset they were read in (the site timezone unless written)
        self.dates = (clock.isoformat(self.published), clock.isoformat(self.modified or self.published))


@dataclass
class PageFacts:
    url: str
    title: str
    description: str = ""
    is_home: bool = False
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (name, absolute url)
    image: Image | None = None
    article: Article | None = None
    data: PageData = field(default_factory=PageData)


# --- opening hours ------------------------------------------------------------------------

def _day_specs(day: DayHours, extra: Node) -> list[Node]:
    if day.closed:
        return [{"@type": "OpeningHoursSpecification", **extra, "opens": "00:00", "closes": "00:00"}]
    return [{"@type": "OpeningHoursSpecification", **extra, "opens": f"{r.opens:%H:%M}",
             "closes": r.schema_closes()} for r in day.ranges]


def opening_hours(timetable: Timetable, today: dt.date) -> list[Node]:
    """Weekly ranges grouped by identical hours, then special hours that are not over."""
    grouped: dict[tuple, list[str]] = {}
    for day in DAYS:
        hours = timetable.weekly.get(day)
        if hours is None or hours.closed:
            continue
        for r in hours.ranges:
            grouped.setdefault((f"{r.opens:%H:%M}", r.schema_closes()), []).append(SCHEMA + day.capitalize())
    specs: list[Node] = [{"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": opens, "closes": closes}
                         for (opens, closes), days in grouped.items()]
    for special in timetable.current_special(today):
        extra = _clean({"name": special.label, "validFrom": special.first.isoformat(),
                        "validThrough": special.last.isoformat()})
        specs += _day_specs(special.hours, extra)
    return specs


# --- site-wide pieces ---------------------------------------------------------------------

class Piece:
    def __init__(self, site: Site):
        self.site, self.ids = site, site.ids

    def is_needed(self) -> bool:  # pragma: no cover - every piece overrides it
        return True

    def generate(self) -> list[Node]:  # pragma: no cover
        return []


class WebSitePiece(Piece):
    def is_needed(self) -> bool:
        return True

    def generate(self) -> list[Node]:
        publisher = ref(self.ids.business) if self.site.business else None
        return [_clean({"@type": "WebSite", "@id": self.ids.website, "url": self.ids.site, "name": self.site.name,
                        "description": self.site.description, "inLanguage": self.site.language,
                        "publisher": publisher})]


def _address(location: Location) -> Node | None:
    address = location.address
    if address is None:
        return None
    return _clean({"@type": "PostalAddress", "streetAddress": address.street, "addressLocality": address.locality,
                   "addressRegion": address.region, "postalCode": address.postal_code,
                   "addressCountry": address.country}) if any(address.lines) else None


def _location_node(site: Site, location: Location, node_id: str, today: dt.date) -> Node:
    node: Node = {
        "@type": location.type, "@id": node_id, "name": location.name, "description": location.description,
        "url": site.absolute(location.url) if location.url else None,
        "telephone": location.telephone, "email": location.email, "address": _address(location),
        "areaServed": location.area_served,
        "image": [site.absolute(i) for i in location.images if site.absolute(i)],
    }
    if location.is_local:
        if location.geo:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": location.geo.latitude,
                           "longitude": location.geo.longitude}
        node["openingHoursSpecification"] = opening_hours(location.timetable, today)
    return node


class BusinessPiece(Piece):
    def is_needed(self) -> bool:
        return self.site.business is not None

    def generate(self) -> list[Node]:
        business = self.site.business
        assert business is not None
        today = self.site.now.astimezone(business.timezone).date()
        node = _location_node(self.site, business, self.ids.business, today)
        node["url"] = node["url"] or self.ids.site
        logo = self.site.absolute(business.logo)
        if logo:
            node["logo"] = {"@type": "ImageObject", "url": logo, "contentUrl": logo}
            node["image"] = node["image"] or [logo]
        if business.is_local:
            node["priceRange"] = business.price_range
            node["paymentAccepted"] = ", ".join(business.payment_accepted)
        node["sameAs"] = business.same_as
        for prop, value in business.extras.items():
            node[prop] = self.site.absolute(value) if prop == "hasMenu" else value
        node["subOrganization"] = [ref(self.ids.branch(b.key)) for b in business.branches]
        return [_clean(node)]


class BranchPieces(Piece):
    def is_needed(self) -> bool:
        return bool(self.site.business and self.site.business.branches)

    def generate(self) -> list[Node]:
        business = self.site.business
        assert business is not None
        today = self.site.now.astimezone(business.timezone).date()
        nodes = []
        for branch in business.branches:
            node = _location_node(self.site, branch, self.ids.branch(branch.key), today)
            node["parentOrganization"] = ref(self.ids.business)
            nodes.append(_clean(node))
        return nodes


SITE_PIECES = (WebSitePiece, BusinessPiece, BranchPieces)


def site_nodes(site: Site) -> list[Node]:
    nodes: list[Node] = []
    for piece_class in SITE_PIECES:
        piece = piece_class(site)
        if piece.is_needed():
            nodes += piece.generate()
    return nodes


# --- page pieces --------------------------------------------------------------------------

class PagePiece(Piece):
    def __init__(self, site: Site, page: PageFacts):
        super().__init__(site)
        self.page = page

    @staticmethod
    def moment(value: dt.datetime) -> str:
        """With the offset it was read in (the site timezone unless the author wrote one)."""
        return clock.isoformat(value)


def image_node(page: PageFacts) -> Node | None:
    image = page.image
    if image is None:
        return None
    return _clean({"@type": "ImageObject", "@id": Ids.primary_image(page.url), "url": image.url,
                   "contentUrl": image.url, "width": pixels(image.width), "height": pixels(image.height),
                   "caption": image.alt})


def pixels(value: int | None) -> Node | None:
    """A size in pixels as schema.org types it (width/height expect a QuantitativeValue;
    E37 is UN/CEFACT's code for pixel)."""
    return {"@type": "QuantitativeValue", "value": value, "unitCode": "E37"} if value else None


class WebPagePiece(PagePiece):
    def is_needed(self) -> bool:
        return True

    def generate(self) -> list[Node]:
        page, ids = self.page, self.ids
        business = ref(ids.business) if self.site.business else None
        node: Node = {
            "@type": ["WebPage", "FAQPage"] if page.data.faq else "WebPage",
            "@id": ids.webpage(page.url), "url": page.url, "name": page.title,
            "description": page.description, "isPartOf": ref(ids.website), "inLanguage": self.site.language,
            "about": business if page.is_home else None, "publisher": business,
            "primaryImageOfPage": image_node(page),
            "breadcrumb": ref(ids.breadcrumb(page.url)) if len(page.crumbs) > 1 else None,
        }
        if page.article:
            node["datePublished"], node["dateModified"] = page.article.dates
        if page.data.faq:
            node["mainEntity"] = [{"@type": "Question", "name": q.question,
                                   "acceptedAnswer": {"@type": "Answer", "text": q.answer}}
                                  for q in page.data.faq]
        return [_clean(node)]


class BreadcrumbPiece(PagePiece):
    def is_needed(self) -> bool:
        return len(self.page.crumbs) > 1

    def generate(self) -> list[Node]:
        items = [{"@type": "ListItem", "position": position, "name": name, "item": url}
                 for position, (name, url) in enumerate(self.page.crumbs, start=1)]
        return [{"@type": "BreadcrumbList", "@id": self.ids.breadcrumb(self.page.url), "itemListElement": items}]


def headline(text: str, limit: int = HEADLINE_LIMIT) -> str:
    """At most `limit` characters (Google's headline limit), cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


class BlogPostingPiece(PagePiece):
    def is_needed(self) -> bool:
        return self.page.article is not None

    def generate(self) -> list[Node]:
        page, ids, article = self.page, self.ids, self.page.article
        assert article is not None
        business = ref(ids.business) if self.site.business else None
        authors: list[Node] | Node | None = [_clean({"@type": "Person", "name": a["name"], "url": a.get("url")})
                                             for a in article.authors] or business
        # url, description and language are on the WebPage it is the main entity of
        node = {
            "@type": "BlogPosting", "@id": ids.article(page.url), "headline": headline(article.headline),
            "datePublished": article.dates[0], "dateModified": article.dates[1],
            "author": authors, "publisher": business,
            "image": ref(ids.primary_image(page.url)) if page.image else None,
            "keywords": article.keywords, "articleSection": article.section,
            "mainEntityOfPage": ref(ids.webpage(page.url)),
        }
        return [_clean(node)]


def offer_node(site: Site, offer: Offer, page: PageFacts) -> Node:
    seller = ref(site.ids.business) if site.business else None
    return _clean({
        "@type": "Offer", "name": offer.name, "price": offer.price, "priceCurrency": offer.currency,
        "availability": offer.availability, "url": site.absolute(offer.url) if offer.url else page.url,
        "validFrom": clock.isoformat(offer.valid_from) if offer.valid_from else None,
        "priceValidUntil": offer.valid_until.date().isoformat() if offer.valid_until else None,
        "seller": seller,
    })


def _days_value(days: tuple[int, int] | None) -> Node | None:
    if days is None:
        return None
    return {"@type": "QuantitativeValue", "minValue": days[0], "maxValue": days[1], "unitCode": "DAY"}


def return_policy_node(policy: ReturnPolicy, country: str) -> Node:
    if not policy.allowed:
        return _clean({"@type": "MerchantReturnPolicy", "applicableCountry": policy.country or country,
                       "returnPolicyCategory": SCHEMA + "MerchantReturnNotPermitted"})
    return _clean({
        "@type": "MerchantReturnPolicy", "applicableCountry": policy.country or country,
        "returnPolicyCategory": SCHEMA + ("MerchantReturnFiniteReturnWindow" if policy.days is not None
                                          else "MerchantReturnUnlimitedWindow"),
        "merchantReturnDays": policy.days, "returnMethod": policy.method, "returnFees": policy.fees})


def shipping_node(shipping: Shipping, currency: str, country: str) -> Node:
    delivery = _clean({"@type": "ShippingDeliveryTime", "handlingTime": _days_value(shipping.handling),
                       "transitTime": _days_value(shipping.transit)})
    return _clean({
        "@type": "OfferShippingDetails",
        "shippingRate": {"@type": "MonetaryAmount", "value": shipping.price, "currency": shipping.currency or currency},
        "shippingDestination": _clean({"@type": "DefinedRegion", "addressCountry": shipping.country or country}),
        "deliveryTime": delivery if len(delivery) > 1 else None})


class ProductPieces(PagePiece):
    def is_needed(self) -> bool:
        return bool(self.page.data.products)

    def generate(self) -> list[Node]:
        nodes = []
        for index, product in enumerate(self.page.data.products):
            nodes.append(self.product(index, product))
        if len(nodes) > 1:
            # Google's product snippets want one product per page; a page listing several is a
            # list of products (schema.org ItemList), each still a full Product node.
            nodes.append({"@type": "ItemList", "@id": self.ids.products(self.page.url), "name": self.page.title,
                          "numberOfItems": len(nodes),
                          "itemListElement": [{"@type": "ListItem", "position": number, "item": ref(node["@id"])}
                                              for number, node in enumerate(nodes, start=1)]})
        return nodes

    def product(self, index: int, product: Product) -> Node:
        page = self.page
        image = self.site.absolute(product.image) if product.image else (page.image.url if page.image else "")
        offer = offer_node(self.site, product.offer, page) if product.offer else None
        if offer is not None:
            business = self.site.business
            country = business.address.country if business is not None and business.address else ""
            offer["itemCondition"] = product.condition or None
            if product.return_policy is not None:
                offer["hasMerchantReturnPolicy"] = return_policy_node(product.return_policy, country)
            if product.shipping is not None:
                offer["shippingDetails"] = shipping_node(product.shipping, offer.get("priceCurrency", ""), country)
            offer = _clean(offer)
        node = {
            "@type": "Product", "@id": self.ids.product(page.url, index), "name": product.name,
            "description": product.description, "image": image, "sku": product.sku,
            "gtin": product.gtin, "mpn": product.mpn,
            "brand": {"@type": "Brand", "name": product.brand} if product.brand else None,
            "url": page.url, "mainEntityOfPage": ref(self.ids.webpage(page.url)),
            "offers": offer,
        }
        return _clean(node)


def event_location(site: Site, event: Event) -> tuple[Node | None, str]:
    """The event's location node and its attendance mode; (None, "") when it cannot be placed."""
    business = site.business
    ids = site.ids
    if event.location is None:
        if business is not None and business.is_local:
            return ref(ids.business), "OfflineEventAttendanceMode"
        return None, ""
    if isinstance(event.location, str):
        wanted = event.location.casefold()
        if business is not None:
            if business.is_local and business.name.casefold() == wanted:
                return ref(ids.business), "OfflineEventAttendanceMode"
            for branch in business.branches:
                if branch.name.casefold() == wanted and branch.is_local:
                    return ref(ids.branch(branch.key)), "OfflineEventAttendanceMode"
        return None, ""
    place = event.location
    if place.get("address"):
        address = place["address"]
        postal = _clean({"@type": "PostalAddress", "streetAddress": address.get("street"),
                         "addressLocality": address.get("locality"), "addressRegion": address.get("region"),
                         "postalCode": address.get("postal_code"), "addressCountry": address.get("country")})
        return _clean({"@type": "Place", "name": place.get("name"), "address": postal,
                       "url": place.get("url")}), "OfflineEventAttendanceMode"
    return _clean({"@type": "VirtualLocation", "name": place.get("name"), "url": place["url"]}), \
        "OnlineEventAttendanceMode"


class EventPieces(PagePiece):
    def is_needed(self) -> bool:
        return bool(self.page.data.events)

    def generate(self) -> list[Node]:
        nodes = []
        for index, event in enumerate(self.page.data.events):
            location, mode = event_location(self.site, event)
            if location is None:
                continue  # the plugin reported it
            nodes.append(self.event(index, event, location, mode))
        return nodes

    def when(self, event: Event, value: dt.datetime) -> str:
        return value.date().isoformat() if event.date_only else self.moment(value)

    def event(self, index: int, event: Event, location: Node, mode: str) -> Node:
        page = self.page
        image = self.site.absolute(event.image) if event.image else (page.image.url if page.image else "")
        node = {
            "@type": "Event", "@id": self.ids.event(page.url, index), "name": event.name,
            "description": event.description, "image": image,
            "startDate": self.when(event, event.start),
            "endDate": self.when(event, event.end) if event.end else None,
            "eventStatus": event.status or SCHEMA + "EventScheduled",
            "eventAttendanceMode": SCHEMA + mode, "location": location,
            "organizer": ref(self.ids.business) if self.site.business else None,
            "offers": [offer_node(self.site, o, page) for o in event.offers],
            "url": page.url,
        }
        return _clean(node)


PAGE_PIECES = (WebPagePiece, BreadcrumbPiece, BlogPostingPiece, ProductPieces, EventPieces)


def page_nodes(site: Site, page: PageFacts) -> list[Node]:
    nodes: list[Node] = []
    for piece_class in PAGE_PIECES:
        piece = piece_class(site, page)
        if piece.is_needed():
            nodes.extend(piece.generate())
    return nodes


def serialise_nodes(nodes: list[Node]) -> str:
    """The nodes as JSON safe in <script>, without the surrounding brackets (to be joined)."""
    return json_for_script(nodes)[1:-1]


def script(site_fragment: str, page_fragment: str) -> str:
    """The one JSON-LD script element of a page, from the cached site nodes and the page's own."""
    parts = ",".join(part for part in (site_fragment, page_fragment) if part)
    return ('<script type="application/ld+json">{"@context":"' + CONTEXT + '","@graph":[' + parts + ']}</script>')
