"""Products and their offers, return policies and shipping (schema.org Product, Offer)."""

from __future__ import annotations

from ..core import clock
from .nodes import SCHEMA, Node, PageFacts, PagePiece, Site, clean, ref
from .page_model import Offer, Product, ReturnPolicy, Shipping


def offer_node(site: Site, offer: Offer, page: PageFacts) -> Node:
    seller = ref(site.ids.business) if site.business else None
    return clean({
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
        return clean({"@type": "MerchantReturnPolicy", "applicableCountry": policy.country or country,
                       "returnPolicyCategory": SCHEMA + "MerchantReturnNotPermitted"})
    return clean({
        "@type": "MerchantReturnPolicy", "applicableCountry": policy.country or country,
        "returnPolicyCategory": SCHEMA + ("MerchantReturnFiniteReturnWindow" if policy.days is not None
                                          else "MerchantReturnUnlimitedWindow"),
        "merchantReturnDays": policy.days, "returnMethod": policy.method, "returnFees": policy.fees})


def shipping_node(shipping: Shipping, currency: str, country: str) -> Node:
    delivery = clean({"@type": "ShippingDeliveryTime", "handlingTime": _days_value(shipping.handling),
                       "transitTime": _days_value(shipping.transit)})
    return clean({
        "@type": "OfferShippingDetails",
        "shippingRate": {"@type": "MonetaryAmount", "value": shipping.price, "currency": shipping.currency or currency},
        "shippingDestination": clean({"@type": "DefinedRegion", "addressCountry": shipping.country or country}),
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
            offer = clean(offer)
        node = {
            "@type": "Product", "@id": self.ids.product(page.url, index), "name": product.name,
            "description": product.description, "image": image, "sku": product.sku,
            "gtin": product.gtin, "mpn": product.mpn,
            "brand": {"@type": "Brand", "name": product.brand} if product.brand else None,
            "url": page.url, "mainEntityOfPage": ref(self.ids.webpage(page.url)),
            "offers": offer,
        }
        return clean(node)
