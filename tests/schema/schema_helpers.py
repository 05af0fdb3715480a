"""Shared fixture data and readers for the storefront/schema tests."""

from __future__ import annotations

import json
import textwrap

import lxml.html

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"
NOW = "2026-11-23T12:00:00Z"
SITE_URL = "https://bakery.example/"

PROFILE = """
type: Bakery
name: Hearth & Crumb Bakery
description: Sourdough baked daily.
logo: images/logo.png
images: [images/shop.jpg]
telephone: +1 802-555-0142
email: hello@bakery.example
price_range: $$
address:
  street: 118 Church Street
  locality: Burlington
  region: VT
  postal_code: "05401"
  country: US
geo: {latitude: 44.47812, longitude: -73.21251}
timezone: America/New_York
hours:
  monday: closed
  tuesday: 07:00-15:00
  friday: [07:00-11:30, 13:00-18:00]
  sunday: open_24_hours
special_hours:
  - {date: 2026-11-26, hours: closed, label: Thanksgiving}
  - {date: 2026-12-24, hours: 07:00-12:00, label: Christmas Eve}
  - {date: 2026-11-01, hours: closed, label: Long gone}
same_as: [https://www.instagram.com/bakery.example]
payment_accepted: [Cash, Credit Card]
accepts_reservations: false
menu: products/
branches:
  - name: Hearth & Crumb Winooski
    address: {street: 24 Main Street, locality: Winooski, region: VT, postal_code: "05404", country: US}
    geo: {latitude: 44.49143, longitude: -73.18571}
    telephone: +1 802-555-0178
    hours:
      saturday: [07:30-11:00, 12:00-15:00]
"""

def _png(size: int) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (122, 62, 18)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png(112)  # Google's smallest logo (https://developers.google.com/search/docs/appearance/structured-data/logo)
TINY_PNG = _png(16)


def config(**extra) -> dict:
    settings = {"site_url": SITE_URL, "theme": {"name": "mkdocs"}, "plugins": ["storefront/schema"]}
    settings.update(extra)
    return settings


def files(pages: dict[str, str], profile: str | None = PROFILE) -> dict:
    out: dict = {"images/logo.png": PNG, **pages}
    if profile is not None:
        out["/seo/business.yml"] = textwrap.dedent(profile)
    return out


def json_ld(built, path: str = "index.html") -> dict:
    """The page's one JSON-LD object (asserts there is exactly one script)."""
    tree = lxml.html.fromstring(built.text(path))
    scripts = tree.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts in {path}"
    return json.loads(scripts[0].text)


def nodes(data: dict) -> dict[str, dict]:
    """The @graph nodes by @id (asserts no node is repeated)."""
    ids = [node["@id"] for node in data["@graph"]]
    assert len(ids) == len(set(ids)), f"repeated nodes: {ids}"
    return {node["@id"]: node for node in data["@graph"]}


def of_type(data: dict, kind: str) -> list[dict]:
    return [n for n in data["@graph"] if n.get("@type") == kind or kind in (n.get("@type") or [])]
