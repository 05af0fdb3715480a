"""storefront/schema against Google's structured-data guidelines (issue 13).

Sources: https://developers.google.com/search/docs/appearance/structured-data/sd-policies
("Don't mark up content that is not visible to readers of the page"),
https://developers.google.com/search/docs/appearance/structured-data/event (location.address
a PostalAddress), https://developers.google.com/search/docs/appearance/structured-data/local-business,
https://developers.google.com/search/docs/appearance/structured-data/logo (logo: at least
112x112 px, a format Google Images supports), https://developers.google.com/search/docs/appearance/structured-data/merchant-listing
and /product-snippet (recommended: brand, gtin/mpn, priceValidUntil, itemCondition,
hasMerchantReturnPolicy, shippingDetails).
"""

from __future__ import annotations

from .helpers import NOW, SITE_URL, config, files, json_ld, of_type

EVENT_PAGE = """---
title: Workshops
event:
  - name: Sourdough class
    start: 2026-12-12 10:00
    end: 2026-12-12 13:00
    description: Bring an apron.
    location:
      name: Town hall
      address: {street: 1 Main Street, locality: Burlington, region: VT, postal_code: "05401", country: us}
    offers: {price: 45, currency: USD, url: contact.md#booking}
  - name: Online chat
    start: 2026-12-08 19:00
    location: {url: ../live.md}
---
# Workshops

Come along.
"""


def build(site, pages, strict=True, **schema):
    plugins = [{"storefront/schema": schema}] if schema else ["storefront/schema"]
    return site(files(pages), config=config(plugins=plugins), env={"STOREFRONT_NOW": NOW}, strict=strict)


def test_events_are_shown_on_the_page_they_describe(site):
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": EVENT_PAGE,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"})
    assert built.ok, built.warnings
    html = built.html("events/workshops/index.html")
    section = html.xpath('//section[@class="sf-events"]')
    assert len(section) == 1
    names = [h.text_content() for h in section[0].xpath('.//h3[@class="sf-events__name"]')]
    structured = [e["name"] for e in of_type(json_ld(built, "events/workshops/index.html"), "Event")]
    assert names == structured == ["Sourdough class", "Online chat"]
    item = section[0].xpath('.//div[@class="sf-events__item"]')[0]
    assert item.xpath('.//time/@datetime') == ["2026-12-12T10:00:00+00:00", "2026-12-12T13:00:00+00:00"]
    assert "Saturday 12 December 2026" in item.text_content()
    assert "Town hall, 1 Main Street, Burlington, VT, 05401, US" in item.text_content()
    assert item.xpath('.//p[@class="sf-events__offer"]')[0].text_content().startswith("45 USD")
    # the list is after the page's own text
    assert html.xpath('//section[@class="sf-events"]/preceding::p[text()="Come along."]')


def test_no_event_node_without_the_event_on_the_page(site):
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": EVENT_PAGE,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"}, events_auto=False)
    assert built.ok, built.warnings
    assert not built.html("events/workshops/index.html").xpath('//section[@class="sf-events"]')
    assert of_type(json_ld(built, "events/workshops/index.html"), "Event") == []
    # placed by the block instead: shown there, and structured
    page = EVENT_PAGE.replace("Come along.\n", "/// business | events\n///\n\nCome along.\n")
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": page,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"}, events_auto=False)
    html = built.html("events/workshops/index.html")
    assert len(html.xpath('//section[@class="sf-events"]')) == 1
    assert html.xpath('//section[@class="sf-events"]/following::p[text()="Come along."]')
    assert len(of_type(json_ld(built, "events/workshops/index.html"), "Event")) == 2


def test_page_links_in_data_fields_are_resolved_like_markdown_links(site):
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": EVENT_PAGE,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"})
    events = {e["name"]: e for e in of_type(json_ld(built, "events/workshops/index.html"), "Event")}
    assert events["Sourdough class"]["offers"][0]["url"] == SITE_URL + "contact/#booking"  # not …/contact.md
    assert events["Online chat"]["location"]["url"] == SITE_URL + "live/"
    # a page that does not exist is reported with the key and not published
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": EVENT_PAGE, "live.md": "# Live\n"})
    assert not built.ok
    assert any("event[0].offers[0].url: \"contact.md#booking\" is not a page or file of the site" in w
               for w in built.warnings), built.warnings


def test_event_place_address_is_a_postal_address(site):
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": EVENT_PAGE,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"})
    event = of_type(json_ld(built, "events/workshops/index.html"), "Event")[0]
    assert event["location"]["address"] == {
        "@type": "PostalAddress", "streetAddress": "1 Main Street", "addressLocality": "Burlington",
        "addressRegion": "VT", "postalCode": "05401", "addressCountry": "US"}
    one_line = EVENT_PAGE.replace(
        'address: {street: 1 Main Street, locality: Burlington, region: VT, postal_code: "05401", country: us}',
        "address: 1 Main Street, Burlington")
    built = build(site, {"index.md": "# Home\n", "events/workshops.md": one_line,
                         "contact.md": "# Contact\n", "live.md": "# Live\n"})
    event = of_type(json_ld(built, "events/workshops/index.html"), "Event")[0]
    assert event["location"]["address"] == {"@type": "PostalAddress", "streetAddress": "1 Main Street, Burlington"}
    assert any("event[0].location.address: is one line" in m and "street:" in m for m in built.infos), built.infos
