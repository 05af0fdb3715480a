"""The site-wide nodes: the WebSite, the business and its branches, with their opening hours."""

from __future__ import annotations

import datetime as dt

from .hours import DAYS, DayHours, Timetable
from .model import Location
from .nodes import SCHEMA, Node, Piece, Site, clean, ref


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
        extra = clean({"name": special.label, "validFrom": special.first.isoformat(),
                        "validThrough": special.last.isoformat()})
        specs += _day_specs(special.hours, extra)
    return specs


class WebSitePiece(Piece):
    def is_needed(self) -> bool:
        return True

    def generate(self) -> list[Node]:
        publisher = ref(self.ids.business) if self.site.business else None
        return [clean({"@type": "WebSite", "@id": self.ids.website, "url": self.ids.site, "name": self.site.name,
                        "description": self.site.description, "inLanguage": self.site.language,
                        "publisher": publisher})]


def _address(location: Location) -> Node | None:
    address = location.address
    if address is None:
        return None
    return clean({"@type": "PostalAddress", "streetAddress": address.street, "addressLocality": address.locality,
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
        return [clean(node)]


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
            nodes.append(clean(node))
        return nodes
