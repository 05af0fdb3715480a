"""Fixture sites built with storefront/schema: each node kind, linked by @id, valid schema.org."""

from __future__ import annotations

import json

import lxml.html
import pytest
from schema_helpers import HOSTILE, NOW, SITE_URL, config, files, json_ld, nodes, of_type
from vocabulary_check import Vocabulary

BUSINESS = SITE_URL + "#business"
BRANCH = SITE_URL + "#branch-hearth-crumb-winooski"

PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "shop/index.md": "# Shop\n\nAll we bake.\n",
    "shop/products.md": """
        ---
        title: Breads
        product:
          - name: Country sourdough
            description: Our daily loaf.
            image: ../images/logo.png
            sku: LOAF-1
            price: 8.50
            currency: usd
            availability: in_stock
            valid_until: 2026-12-31
          - name: Summer tart
            price: 30
            currency: USD
            availability: sold_out
            valid_until: 2026-08-31
          - name: Stollen
            price: "24"
            currency: USD
            availability: preorder
        ---
        # Breads
        """,
    "events.md": """
        ---
        title: Events
        event:
          - name: Sourdough class
            start: 2026-12-12 10:00
            end: 2026-12-12T13:00:00-05:00
            offers: {price: 45, currency: USD, availability: in_stock}
          - name: Harvest fair
            start: 2026-09-01
          - name: Winooski tasting
            start: 2026-12-05
            location: Hearth & Crumb Winooski
          - name: Online baking chat
            start: 2026-12-08 19:00
            location: {url: "https://video.example/room"}
        ---
        # Events
        """,
    "faq.md": """
        ---
        title: Questions
        faq:
          - question: Do you bake gluten-free bread?
            answer: "Not yet: our kitchen is full of flour."
          - question: Can I order a cake?
            answer: Yes, two days ahead.
        ---
        # Questions
        """,
    "posts/starter.md": """
        ---
        title: How we feed our sourdough starter and why it matters to every single loaf we bake at the shop each and every day of the week
        description: The starter.
        date: 2026-09-14
        updated: 2026-10-01 08:30
        author: Maria Okafor
        tags: [sourdough, starter]
        image: ../images/logo.png
        ---
        # Starter
        """,  # noqa: E501 - the title is longer than any limit on purpose
}


@pytest.fixture(scope="module")
def checker(schemaorg_vocabulary):
    return Vocabulary(schemaorg_vocabulary)


@pytest.fixture
def built(site):
    nav = [{"Home": "index.md"}, {"Shop": ["shop/index.md", "shop/products.md"]}, {"Events": "events.md"},
           {"Questions": "faq.md"}, {"Blog": ["posts/starter.md"]}]
    return site(files(PAGES), config=config(nav=nav, site_name=HOSTILE), env={"STOREFRONT_NOW": NOW})


def test_every_page_has_one_valid_linked_graph(built, checker):
    assert built.ok, built.error
    pages = [p for p in built.all_files() if p.suffix == ".html" and p.name != "404.html"]
    assert len(pages) == 6
    for path in pages:
        data = json_ld(built, path.relative_to(built.site).as_posix())
        by_id = nodes(data)
        report = checker.check(data)
        assert report.problems == [], (path, report.problems)
        website = by_id[SITE_URL + "#website"]
        assert website["publisher"] == {"@id": BUSINESS} and website["name"] == HOSTILE
        webpage = next(n for n in data["@graph"] if n["@id"].endswith("#webpage"))
        assert webpage["isPartOf"] == {"@id": SITE_URL + "#website"} and webpage["publisher"] == {"@id": BUSINESS}


def test_business_and_branch(built):
    by_id = nodes(json_ld(built))
    business = by_id[BUSINESS]
    assert business["@type"] == "Bakery" and business["name"] == "Hearth & Crumb Bakery"
    assert business["address"]["streetAddress"] == "118 Church Street" and business["address"]["addressCountry"] == "US"
    assert business["geo"] == {"@type": "GeoCoordinates", "latitude": 44.47812, "longitude": -73.21251}
    assert business["logo"]["url"] == SITE_URL + "images/logo.png" and business["hasMenu"] == SITE_URL + "products/"
    specs = business["openingHoursSpecification"]
    friday = [(s["opens"], s["closes"]) for s in specs if "https://schema.org/Friday" in s.get("dayOfWeek", [])]
    assert friday == [("07:00", "11:30"), ("13:00", "18:00")]  # the split shift
    sunday = [(s["opens"], s["closes"]) for s in specs if "https://schema.org/Sunday" in s.get("dayOfWeek", [])]
    assert sunday == [("00:00", "23:59")]
    special = [s for s in specs if "validFrom" in s]
    assert [(s["validFrom"], s["opens"], s["closes"], s["name"]) for s in special] == [
        ("2026-11-26", "00:00", "00:00", "Thanksgiving"), ("2026-12-24", "07:00", "12:00", "Christmas Eve")]
    # the closure of 1 November is over and not emitted
    assert business["subOrganization"] == [{"@id": BRANCH}]
    branch = by_id[BRANCH]
    assert branch["parentOrganization"] == {"@id": BUSINESS} and branch["name"] == "Hearth & Crumb Winooski"
    assert "branchOf" not in branch
    home = next(n for n in json_ld(built)["@graph"] if n["@id"] == SITE_URL + "#webpage")
    assert home["about"] == {"@id": BUSINESS} and "breadcrumb" not in home


def test_breadcrumbs_follow_the_navigation(built):
    data = json_ld(built, "shop/products/index.html")
    crumbs = of_type(data, "BreadcrumbList")[0]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", SITE_URL), (2, "Shop", SITE_URL + "shop/"), (3, "Breads", SITE_URL + "shop/products/")]
    webpage = nodes(data)[SITE_URL + "shop/products/#webpage"]
    assert webpage["breadcrumb"] == {"@id": SITE_URL + "shop/products/#breadcrumb"}


def test_blog_posting(built):
    data = json_ld(built, "posts/starter/index.html")
    post = of_type(data, "BlogPosting")[0]
    assert len(post["headline"]) <= 110 and post["headline"].endswith("…")
    assert post["datePublished"] == "2026-09-14T00:00:00+00:00"
    assert post["dateModified"] == "2026-10-01T08:30:00+00:00"
    assert post["author"] == [{"@type": "Person", "name": "Maria Okafor"}]
    assert post["publisher"] == {"@id": BUSINESS} and post["keywords"] == ["sourdough", "starter"]
    url = SITE_URL + "posts/starter/"
    assert post["mainEntityOfPage"] == {"@id": url + "#webpage"}
    assert post["image"] == {"@id": url + "#primaryimage"}
    webpage = nodes(data)[url + "#webpage"]
    assert webpage["primaryImageOfPage"]["url"] == SITE_URL + "images/logo.png"


def test_products_and_offers(built):
    data = json_ld(built, "shop/products/index.html")
    products = of_type(data, "Product")
    assert [p["name"] for p in products] == ["Country sourdough", "Stollen"]  # the tart's offer expired
    offer = products[0]["offers"]
    assert offer == {"@type": "Offer", "price": "8.50", "priceCurrency": "USD",
                     "availability": "https://schema.org/InStock", "url": SITE_URL + "shop/products/",
                     "priceValidUntil": "2026-12-31", "seller": {"@id": BUSINESS}}
    assert products[0]["image"] == SITE_URL + "images/logo.png" and products[0]["sku"] == "LOAF-1"
    assert products[1]["offers"]["availability"] == "https://schema.org/PreOrder"
    assert any("product[1].valid_until: the offer ended on 2026-08-31, so Summer tart is left out" in m
               for m in built.infos)


def test_events(built):
    data = json_ld(built, "events/index.html")
    events = {e["name"]: e for e in of_type(data, "Event")}
    assert set(events) == {"Sourdough class", "Winooski tasting", "Online baking chat"}  # the fair is over
    sourdough = events["Sourdough class"]
    assert sourdough["startDate"] == "2026-12-12T10:00:00+00:00" and sourdough["endDate"] == "2026-12-12T13:00:00-05:00"
    assert sourdough["location"] == {"@id": BUSINESS} and sourdough["organizer"] == {"@id": BUSINESS}
    assert sourdough["offers"][0]["price"] == "45"
    assert sourdough["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert events["Winooski tasting"]["location"] == {"@id": BRANCH}
    assert events["Winooski tasting"]["startDate"] == "2026-12-05"
    online = events["Online baking chat"]
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://video.example/room"}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert any("Harvest fair is over" in m for m in built.infos)


def test_faq_is_structured_and_visible(built):
    data = json_ld(built, "faq/index.html")
    page = nodes(data)[SITE_URL + "faq/#webpage"]
    assert page["@type"] == ["WebPage", "FAQPage"]
    questions = [(q["name"], q["acceptedAnswer"]["text"]) for q in page["mainEntity"]]
    assert questions == [("Do you bake gluten-free bread?", "Not yet: our kitchen is full of flour."),
                         ("Can I order a cake?", "Yes, two days ahead.")]
    html = built.html("faq/index.html")
    visible = [(q.text_content(), q.getnext().text_content())
               for q in html.xpath('//*[@class="sf-faq__question"]')]
    assert visible == questions


def test_json_ld_is_one_script_in_head(built):
    text = built.text("index.html")
    assert text.count('type="application/ld+json"') == 1
    assert text.index('type="application/ld+json"') < text.index("</head>")


def test_page_front_matter_errors_name_file_line_and_key(site):
    pages = {"index.md": "# Home\n", "bad.md": """
        ---
        title: Bad
        product:
          name: Loaf
          price: eight dollars
          currency: USD
        event:
          name: Class
          start: next tuesday
          location: The moon
        faq: Do you deliver?
        ---
        # Bad
        """, "worse.md": """
        ---
        product: [{name: Cake, price: 10, availability: maybe, colour: red}]
        event: {name: Fair, start: 2026-12-01, location: Nowhere}
        ---
        # Worse
        """, "img.md": "---\nproduct: {name: Bun, price: 2, currency: USD, image: nope.jpg}\n---\n# Img\n"}
    built = site(files(pages), config=config(), env={"STOREFRONT_NOW": NOW})
    warnings = built.warnings
    expected = [
        'docs/bad.md:3: product.price: "eight dollars" is not a price; write a plain number',
        'docs/bad.md:7: event.start: "next tuesday" is not a date; write 2026-12-03',
        'docs/bad.md:11: faq: "Do you deliver?" is not a list',
        "docs/worse.md:2: product[0].currency: is missing; give the ISO 4217 code",
        'docs/worse.md:2: product[0].availability: "maybe" is not an availability',
        "docs/worse.md:2: product[0].colour: unknown key",
        'docs/worse.md:3: event.location: "Nowhere" is not the business or one of its branches',
        'docs/img.md:2: product.image: "nope.jpg" is not a file in docs',
    ]
    for message in expected:
        assert any(message in w for w in warnings), (message, warnings)
    strict = site(files(pages), config=config(), env={"STOREFRONT_NOW": NOW}, strict=True)
    assert not strict.ok


def test_without_site_url_one_warning_and_no_json_ld(site):
    built = site(files({"index.md": "# Home\n\n/// business | contact\n///\n", "about.md": "# About\n"}),
                 config=config(site_url=None), env={"STOREFRONT_NOW": NOW})
    assert built.ok
    assert [w for w in built.warnings if "site_url" in w] == [(
        "storefront: mkdocs.yml: site_url: is not set, so storefront/schema leaves the JSON-LD out (schema.org @ids "
        "must be absolute URLs); set site_url to the address the site is published at")]
    assert 'application/ld+json' not in built.text("index.html") + built.text("about/index.html")
    assert built.html().xpath('//div[@class="sf-contact"]/address')  # the visible block needs no site_url


def test_missing_profile_warns_and_the_rest_is_built(site, checker):
    built = site(files({"index.md": "# Home\n"}, profile=None), config=config(), env={"STOREFRONT_NOW": NOW})
    assert built.ok
    assert any("seo/business.yml: business profile not found" in w for w in built.warnings)
    data = json_ld(built)
    assert [n["@type"] for n in data["@graph"]] == ["WebSite", "WebPage"]
    assert checker.check(data).problems == []


def test_bad_profile_fails_strict_without_traceback(site):
    profile = "type: Bakery\nname: B\naddress: {street: 1 Main, locality: X, country: US}\nhours:\n  tuesday: 9-5pm\n"
    built = site(files({"index.md": "# Home\n"}, profile=profile), config=config(), env={"STOREFRONT_NOW": NOW},
                 strict=True)
    assert not built.ok and "Aborted" in str(built.error)
    assert any(w.startswith('storefront: seo/business.yml:5: hours.tuesday: '
                            '"9-5pm" is not a time range like 09:00-17:00')
               for w in built.warnings)
    assert any("recommended for local results: geo, telephone, hours" in m for m in built.infos)
    assert any("images: the profile has no photo of the business" in w for w in built.warnings)


def test_profile_path_option_and_organization(site, checker):
    profile = "type: Organization\nname: Cake Studio\nurl: https://cakes.example/\nlogo: images/logo.png\n" \
              "same_as: [https://social.example/cakes]\n"
    pages = {"index.md": "---\nevent: {name: Launch, start: 2026-12-01}\n---\n# Home\n"}
    built = site({**files(pages, profile=None), "/data/org.yml": profile},
                 config=config(plugins=[{"storefront/schema": {"business": "data/org.yml"}}]),
                 env={"STOREFRONT_NOW": NOW})
    data = json_ld(built)
    business = nodes(data)[BUSINESS]
    assert business["@type"] == "Organization" and business["url"] == "https://cakes.example/"
    assert "openingHoursSpecification" not in business and "priceRange" not in business
    assert of_type(data, "Event") == []
    assert any("event.location: is missing, and the business has no address" in w for w in built.warnings)
    assert checker.check(data).problems == []


def test_service_area_business(site, checker):
    profile = """
        type: Plumber
        name: Green Mountain Pipes
        telephone: +1 802 555 0100
        geo: {latitude: 44.47812, longitude: -73.21251}
        address: {locality: Burlington, region: VT, country: US}
        area_served: [Burlington, Winooski, South Burlington]
        hours: {monday: 08:00-17:00}
        images: [images/logo.png]
        """
    built = site(files({"index.md": "# Home\n\n/// business | contact\n///\n"}, profile=profile),
                 config=config(), env={"STOREFRONT_NOW": NOW}, strict=True)
    assert built.ok, built.warnings
    data = json_ld(built)
    business = nodes(data)[BUSINESS]
    assert business["areaServed"] == ["Burlington", "Winooski", "South Burlington"]
    assert "streetAddress" not in business["address"] and business["address"]["addressLocality"] == "Burlington"
    assert checker.check(data).problems == []
    contact = built.html().xpath('//div[@class="sf-contact"]/address')[0].text_content()
    assert "Serving Burlington, Winooski, South Burlington" in contact and "Street" not in contact


def test_seo_image_is_used_for_the_page(site, checker):
    pages = {"index.md": "# Home\n", "post.md": "---\ntitle: Post\ndate: 2026-10-01\nimage: images/card.png\n"
             "image_alt: A loaf\n---\n# Post\n", "images/card.png": _png(1200, 630)}
    built = site(files(pages), config=config(plugins=["storefront/seo", "storefront/schema"]),
                 env={"STOREFRONT_NOW": NOW})
    data = json_ld(built, "post/index.html")
    image = nodes(data)[SITE_URL + "post/#webpage"]["primaryImageOfPage"]
    assert image["url"] == SITE_URL + "images/card.png"
    assert image["width"] == {"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"}
    assert image["height"]["value"] == 630
    assert image["caption"] == "A loaf"
    assert checker.check(data).problems == []


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


def test_json_is_escaped_for_script(built):
    text = built.text("index.html")
    script = text[text.index('<script type="application/ld+json">'):]
    script = script[: script.index("</script>") + 9]
    assert "\\u003cBakery\\u003e \\u0026 Café \\u003c/script\\u003e" in script
    assert script.count("<") == 2  # the opening and closing tags only
    assert json.loads(lxml.html.fromstring(text).xpath('//script[@type="application/ld+json"]')[0].text)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_webpage_name_is_the_title_the_page_ships_not_the_nav_label(site, theme):
    """WebPage name is the title search results show, from the same function storefront/lint
    judges (storefront/seo's <title> when it is on, else the page title the theme prints)."""
    pages = {"index.md": "# Home\n", "faq.md": "---\ntitle: Frequently asked questions\n---\n\nText.\n",
             "about.md": "# Our story\n\nText.\n"}
    built = site(files(pages), config=config(theme={"name": theme},
                                             nav=[{"Start": "index.md"}, {"FAQ": "faq.md"}, {"About": "about.md"}]),
                 env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.error
    faq = "Frequently asked questions" if theme == "material" else "FAQ"  # as each theme prints it
    for path, shipped in (("faq/index.html", faq), ("about/index.html", "About")):
        title = lxml.html.fromstring(built.text(path)).findtext(".//title")
        assert title == f"{shipped} - Test Bakery"
        webpage = of_type(json_ld(built, path), "WebPage")[0]
        assert webpage["name"] == shipped
