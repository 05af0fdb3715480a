"""Events: where they take place (the business, a branch, a place or online) and when."""

from __future__ import annotations

import datetime as dt

from .commerce import offer_node
from .nodes import SCHEMA, Node, PagePiece, Site, clean, ref
from .page_model import Event


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
        postal = clean({"@type": "PostalAddress", "streetAddress": address.get("street"),
                         "addressLocality": address.get("locality"), "addressRegion": address.get("region"),
                         "postalCode": address.get("postal_code"), "addressCountry": address.get("country")})
        return clean({"@type": "Place", "name": place.get("name"), "address": postal,
                       "url": place.get("url")}), "OfflineEventAttendanceMode"
    return clean({"@type": "VirtualLocation", "name": place.get("name"), "url": place["url"]}), \
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
        return clean(node)
