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

from schema_helpers import NOW, SITE_URL, config, files, json_ld, of_type

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


def profile_site(site, profile_edit, extra_files=None, strict=True):
    from schema_helpers import PROFILE

    profile = profile_edit(PROFILE)
    pages = {"index.md": "# Home\n", **(extra_files or {})}
    return site(files(pages, profile=profile), config=config(), env={"STOREFRONT_NOW": NOW}, strict=strict)


def test_logo_must_be_a_raster_image_of_112_px(site):
    from schema_helpers import TINY_PNG

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"/>'
    built = profile_site(site, lambda p: p.replace("logo: images/logo.png", "logo: images/logo.svg"),
                         {"images/logo.svg": svg})
    assert not built.ok
    assert any('seo/business.yml:4: logo: "images/logo.svg" is an SVG, which Google does not accept as a logo; '
               "add a PNG of the logo, at least 112x112 px" in w for w in built.warnings), built.warnings
    built = profile_site(site, lambda p: p.replace("logo: images/logo.png", "logo: images/tiny.png"),
                         {"images/tiny.png": TINY_PNG})
    assert any('logo: "images/tiny.png" is 16x16 px; Google needs a logo of at least 112x112 px' in w
               for w in built.warnings), built.warnings
    built = profile_site(site, lambda p: p)  # 112x112: fine
    assert built.ok, built.warnings


def test_photos_not_the_logo_are_the_business_image(site):
    from schema_helpers import nodes

    built = profile_site(site, lambda p: p)
    business = nodes(json_ld(built))[SITE_URL + "#business"]
    assert business["image"] == [SITE_URL + "images/shop.jpg"]
    assert business["logo"]["url"] == SITE_URL + "images/logo.png"
    built = profile_site(site, lambda p: p.replace("images: [images/shop.jpg]\n", ""))
    assert not built.ok
    assert any("seo/business.yml: images: the profile has no photo of the business (the logo stands in, and a "
               "logo is not a photo); add images:" in w for w in built.warnings), built.warnings


def test_geo_with_fewer_than_5_decimals_is_a_warning_with_the_fix(site):
    built = profile_site(site, lambda p: p.replace("latitude: 44.47812", "latitude: 44.4781"))
    assert not built.ok
    assert any("geo.latitude: 44.4781 has 4 decimals, so the map pin may be 11 m off; Google asks for at least 5; "
               "copy the coordinates of the entrance from a map with 5 or more decimals" in w
               for w in built.warnings), built.warnings
    # a quoted value keeps its trailing zero
    built = profile_site(site, lambda p: p.replace("latitude: 44.47812", 'latitude: "44.47810"'))
    assert built.ok, built.warnings


FULL_PRODUCT = """---
title: Bread knife
product:
  name: Bread knife
  brand: Hearth & Crumb
  gtin: "0012345678905"
  mpn: BK-24
  condition: new
  price: 39.00
  currency: USD
  valid_until: 2026-12-31
  return_policy: {days: 30, fees: free, method: mail}
  shipping: {price: 4.95, country: US, handling_days: 0-1, transit_days: [2, 5]}
---
# Bread knife
"""


def test_product_recommended_keys_follow_googles_merchant_listing(site, schemaorg_vocabulary):
    from vocabulary_check import Vocabulary

    built = build(site, {"index.md": "# Home\n", "knife.md": FULL_PRODUCT})
    assert built.ok, built.warnings
    assert not [m for m in built.infos if "Google recommends" in m], built.infos
    data = json_ld(built, "knife/index.html")
    assert Vocabulary(schemaorg_vocabulary).check(data).problems == []
    product = of_type(data, "Product")[0]
    assert product["gtin"] == "0012345678905" and product["mpn"] == "BK-24"
    assert product["brand"] == {"@type": "Brand", "name": "Hearth & Crumb"}
    offer = product["offers"]
    assert offer["itemCondition"] == "https://schema.org/NewCondition"
    assert offer["priceValidUntil"] == "2026-12-31"
    assert offer["hasMerchantReturnPolicy"] == {
        "@type": "MerchantReturnPolicy", "applicableCountry": "US",
        "returnPolicyCategory": "https://schema.org/MerchantReturnFiniteReturnWindow", "merchantReturnDays": 30,
        "returnMethod": "https://schema.org/ReturnByMail", "returnFees": "https://schema.org/FreeReturn"}
    shipping = offer["shippingDetails"]
    assert shipping["shippingRate"] == {"@type": "MonetaryAmount", "value": "4.95", "currency": "USD"}
    assert shipping["shippingDestination"] == {"@type": "DefinedRegion", "addressCountry": "US"}
    assert shipping["deliveryTime"]["transitTime"] == {"@type": "QuantitativeValue", "minValue": 2, "maxValue": 5,
                                                       "unitCode": "DAY"}


def test_missing_product_recommendations_are_info_so_strict_passes(site):
    page = "---\nproduct: {name: Loaf, price: 8.5, currency: USD}\n---\n# Loaf\n"
    built = build(site, {"index.md": "# Home\n", "loaf.md": page})
    assert built.ok, built.warnings  # strict build
    assert any("product: Google recommends for Loaf: brand, gtin or mpn, valid_until (priceValidUntil), "
               "condition, return_policy, shipping" in m for m in built.infos), built.infos
    bad = page.replace("currency: USD}", "currency: USD, gtin: 123, condition: mint}")
    built = build(site, {"index.md": "# Home\n", "loaf.md": bad})
    assert any('product.gtin: "123" is not a GTIN' in w for w in built.warnings), built.warnings
    assert any('product.condition: "mint" is not a condition' in w for w in built.warnings), built.warnings


def test_a_page_with_several_products_is_an_item_list(site, schemaorg_vocabulary):
    from vocabulary_check import Vocabulary

    page = ("---\ntitle: Breads\nproduct:\n  - {name: Loaf, price: 8.5, currency: USD}\n"
            "  - {name: Rye, price: 9, currency: USD}\n---\n# Breads\n")
    built = build(site, {"index.md": "# Home\n", "breads.md": page})
    data = json_ld(built, "breads/index.html")
    assert Vocabulary(schemaorg_vocabulary).check(data).problems == []
    lists = of_type(data, "ItemList")
    assert len(lists) == 1
    products = of_type(data, "Product")
    assert [(e["position"], e["item"]) for e in lists[0]["itemListElement"]] == [
        (1, {"@id": products[0]["@id"]}), (2, {"@id": products[1]["@id"]})]
    # one product: no list
    built = build(site, {"index.md": "# Home\n", "knife.md": FULL_PRODUCT})
    assert of_type(json_ld(built, "knife/index.html"), "ItemList") == []


def test_blog_author_url_is_a_person_url_and_the_og_article_author(site):
    """Material's `.authors.yml` gives an author a `url`: BlogPosting's author is a Person with
    that url, and Open Graph's article:author (a profile) is the URL; an author without one is
    named, and a hostile url is never published."""
    import lxml.html

    pages = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": ("authors:\n  maria:\n    name: Maria Okafor\n    description: Baker\n"
                              "    avatar: https://example.com/m.png\n    url: https://social.example/maria\n"
                              "  dan:\n    name: Daniel Roy\n    description: Pastry\n    avatar: https://example.com/d.png\n"
                              "  eve:\n    name: Eve\n    description: x\n    avatar: https://example.com/e.png\n"
                              "    url: \"javascript:alert(1)\"\n"),
        "blog/posts/post.md": "---\ndate: 2026-10-02\nauthors: [maria, dan, eve]\n---\n\n# Post\n\nText.\n",
    }
    built = site(files(pages), config=config(theme={"name": "material", "font": False},
                                             plugins=["search", {"blog": {"blog_dir": "blog"}},
                                                      "storefront/seo", "storefront/schema"]),
                 env={"STOREFRONT_NOW": NOW})
    path = next(p for p in built.all_files() if (p.name == "index.html" and "posts" in p.as_posix())
                or (p.name == "index.html" and "/2026/" in p.as_posix()))
    relative = path.relative_to(built.site).as_posix()
    post = of_type(json_ld(built, relative), "BlogPosting")[0]
    assert post["author"] == [{"@type": "Person", "name": "Maria Okafor", "url": "https://social.example/maria"},
                              {"@type": "Person", "name": "Daniel Roy"}, {"@type": "Person", "name": "Eve"}]
    doc = lxml.html.fromstring(built.text(relative))
    assert doc.xpath('//meta[@property="article:author"]/@content') == [
        "https://social.example/maria", "Daniel Roy", "Eve"]
    head = lxml.html.tostring(doc.xpath("//head")[0], encoding="unicode")
    assert "javascript:" not in head  # (Material's own author link is the theme's, see safe-theme)


def test_readme_does_not_sell_faq_as_a_google_rich_result():
    """Google stopped showing FAQ rich results (2023: a few authoritative sites; 2026-05-07:
    none). The README keeps FAQPage as schema.org data and says Google does not show it."""
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    faq_row = next(line for line in readme.splitlines() if line.startswith("| `faq` | list |"))
    assert "Google no longer shows FAQ rich results" in faq_row
    assert "Google requires FAQ content" not in readme
    for sentence in re.split(r"(?<=[.!?])\s+", readme):
        if "FAQ" in sentence and re.search(r"rich (result|snippet)", sentence, re.IGNORECASE):
            assert re.search(r"no longer|not show|none|do not expect", sentence), sentence


def test_profile_page_links_are_resolved_like_markdown_links(site):
    from schema_helpers import nodes

    built = profile_site(site, lambda p: p.replace("menu: products/", "menu: products.md"),
                         {"products.md": "# Products\n"})
    assert built.ok, built.warnings
    business = nodes(json_ld(built))[SITE_URL + "#business"]
    assert business["hasMenu"] == SITE_URL + "products/"  # not …/products.md


def test_free_shipping_written_as_a_whole_zero_is_a_price():
    import datetime as dt

    from storefront.schema.pagedata import read_page_data

    meta = {"product": {"name": "Gift card", "price": 10, "currency": "USD",
                        "shipping": {"price": 0, "country": "US"}}}
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
    data, problems = read_page_data(meta, path="docs/gift.md", source=None, tz=dt.timezone.utc, now=now)
    assert [str(p) for p in problems if p.severity == "warning"] == []
    assert data.products[0].shipping.price == "0"
