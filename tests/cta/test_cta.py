"""storefront/cta on built fixture sites: blocks, rules, front matter, UTM, expiry, variants, errors."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"

CTAS_YML = """\
order-a-cake:
  label: Order a cake
  url: order.md#cakes
  heading: Baking for a birthday?
  text: Order two days ahead.

visit:
  label: Get directions
  url: https://maps.example.org/search?q=Church+Street&zoom=15
  style: secondary

newsletter-promo:
  label: Sign up
  url: https://www.openstreetmap.org/
  campaign: winter

holiday:
  label: Pre-order holiday bread
  url: https://order.example.com/holiday
  until: 2026-12-22 18:00
  variants:
    - id: stollen
      label: Reserve a stollen
    - id: panettone
      label: Reserve a panettone
"""


def config(theme="mkdocs", site_url="https://bakery.example/", **options):
    return {"theme": {"name": theme, "font": False} if theme == "material" else {"name": theme},
            "site_url": site_url, "plugins": [{"storefront/cta": options}]}


def base_files(**pages):
    return {"/seo/ctas.yml": CTAS_YML, "order.md": "# Order\n\n## Cakes\n", **pages}


def links(built, path="index.html"):
    return built.html(path).xpath('//a[contains(concat(" ", @class, " "), " storefront-cta ")]')


NOW = {"STOREFRONT_NOW": "2026-11-23T12:00:00Z"}


def test_block_renders_a_real_link(site):
    built = site(base_files(**{"index.md": "# Home\n\nBefore.\n\n/// cta | order-a-cake\n///\n\nAfter.\n"}),
                 config=config(), strict=True, env=NOW)
    assert built.ok, built.messages
    [link] = links(built)
    assert link.tag == "a"
    assert link.get("class").split() == ["storefront-cta", "md-button", "md-button--primary"]
    assert link.get("href") == "order/#cakes"
    assert link.get("data-cta-id") == "order-a-cake" and link.get("data-cta-variant") is None
    assert link.text == "Order a cake"
    box = link.xpath('ancestor::div[contains(@class, "sf-cta")]')[0]
    assert box.xpath('.//p[@class="sf-cta__heading"]')[0].text == "Baking for a birthday?"
    page = built.html("index.html")
    assert page.xpath('//p[text()="Before."]/following::a[@data-cta-id]/following::p[text()="After."]')
    assert "<button" not in built.text("index.html").split('class="sf-cta')[1].split("</div>")[0]


def test_block_options_and_secondary_style(site):
    page = "# Home\n\n/// cta | visit\n    label: Find us\n    text: On Church Street.\n///\n"
    built = site(base_files(**{"sub/page.md": page}), config=config(), strict=True, env=NOW)
    assert built.ok, built.messages
    [link] = links(built, "sub/page/index.html")
    assert link.text == "Find us"
    assert link.get("class").split() == ["storefront-cta", "md-button"]
    assert link.xpath('ancestor::div[1]//p[@class="sf-cta__text"]')[0].text == "On Church Street."


def test_ctas_from_plugin_options_and_internal_links_relative_to_the_page(site):
    built = site({"index.md": "# Home\n", "deep/er/page.md": "# Deep\n\n/// cta | about\n///\n", "about.md": "# A\n"},
                 config=config(ctas={"about": {"label": "About us", "url": "about.md"}}), strict=True)
    assert built.ok, built.messages
    assert links(built, "deep/er/page/index.html")[0].get("href") == "../../../about/"


def test_utm_on_external_links_only(site):
    built = site(base_files(**{
        "blog/notes.md": ("# Notes\n\n/// cta | visit\n///\n\n/// cta | order-a-cake\n///\n\n"
                          "/// cta | newsletter-promo\n///\n"),
    }), config=config(), strict=True, env=NOW)
    assert built.ok, built.messages
    visit, order, promo = links(built, "blog/notes/index.html")
    parts = urlsplit(visit.get("href"))
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "maps.example.org", "/search")
    assert parse_qsl(parts.query) == [
        ("q", "Church Street"), ("zoom", "15"), ("utm_source", "bakery.example"), ("utm_medium", "cta"),
        ("utm_campaign", "visit"), ("utm_content", "/blog/notes/")]
    assert "q=Church+Street&zoom=15&utm_source=" in parts.query, "the existing query is kept as written"
    raw = built.text("blog/notes/index.html")
    assert "zoom=15&amp;utm_source=bakery.example&amp;utm_medium=cta" in raw, "escaped once in the attribute"
    assert "utm_" not in order.get("href")
    assert dict(parse_qsl(urlsplit(promo.get("href")).query))["utm_campaign"] == "winter"


def test_utm_options_and_exceptions(site):
    ctas = {
        "ours": {"label": "Shop", "url": "https://bakery.example/shop/"},
        "tagged": {"label": "Tagged", "url": "https://partner.example/?utm_source=partner&a=b%20c"},
        "plain": {"label": "Plain", "url": "https://partner.example/x", "utm": False},
        "mail": {"label": "Mail", "url": "mailto:hello@bakery.example?subject=Cake"},
        "call": {"label": "Call", "url": "tel:+18025550142"},
        "weird": {"label": "Weird", "url": "https://partner.example/a b".replace(" ", "%20")},
    }
    page = "# P\n\n" + "".join(f"/// cta | {name}\n///\n\n" for name in ctas)
    built = site({"index.md": page}, config=config(
        ctas=ctas, utm={"source": "hearth & crumb", "campaign": "autumn/2026", "content": False}), strict=True)
    assert built.ok, built.messages
    hrefs = {a.get("data-cta-id"): a.get("href") for a in links(built)}
    assert hrefs["ours"] == "https://bakery.example/shop/"
    tagged = parse_qsl(urlsplit(hrefs["tagged"]).query)
    assert tagged == [("utm_source", "partner"), ("a", "b c"), ("utm_medium", "cta"),
                      ("utm_campaign", "autumn/2026")]
    assert "utm_source=hearth%20%26%20crumb" not in hrefs["tagged"]
    assert hrefs["plain"] == "https://partner.example/x"
    assert hrefs["mail"] == "mailto:hello@bakery.example?subject=Cake"
    assert hrefs["call"] == "tel:+18025550142"
    weird = urlsplit(hrefs["weird"])
    assert weird.path == "/a%20b"
    assert dict(parse_qsl(weird.query))["utm_source"] == "hearth & crumb"
    assert "utm_source=hearth%20%26%20crumb" in weird.query

    disabled = site({"index.md": "# P\n\n/// cta | x\n///\n"}, config=config(
        ctas={"x": {"label": "X", "url": "https://partner.example/"}}, utm={"enabled": False}), strict=True)
    assert links(disabled)[0].get("href") == "https://partner.example/"


BLOG_FILES = {
    "index.md": "# Home\n",
    "blog/index.md": "# Blog\n",
    "blog/posts/one.md": "---\ndate: 2026-10-01\n---\n# One\n\nBody one.\n",
    "blog/posts/two.md": "---\ndate: 2026-10-02\ncta: visit\n---\n# Two\n\nBody two.\n",
    "blog/posts/three.md": "---\ndate: 2026-10-03\ncta: false\n---\n# Three\n\nBody three.\n",
    "recipes/rye.md": "---\ntags: [rye]\n---\n# Rye\n",
    "recipes/wheat.md": "# Wheat\n",
    "menu/index.md": "# Menu\n",
}


def blog_config(rules, **options):
    return {"theme": {"name": "material", "font": False}, "site_url": "https://bakery.example/",
            "plugins": ["blog", {"storefront/cta": {"rules": rules, **options}}]}


def test_rules_front_matter_override_and_opt_out(site):
    rules = [{"cta": "holiday", "blog_posts": True}, {"cta": "order-a-cake", "blog_posts": True},
             {"cta": "visit", "tags": ["rye"]}, {"cta": "newsletter-promo", "pages": ["menu/*"]}]
    built = site(base_files(**BLOG_FILES), config=blog_config(rules), strict=True, env=NOW)
    assert built.ok, built.messages
    one = built.html("blog/2026/10/01/one/index.html")
    placed = one.xpath('//article//a[contains(@class, "storefront-cta")]')
    assert [a.get("data-cta-id") for a in placed] == ["holiday"]
    assert one.xpath('//article//p[text()="Body one."]/following::a[@data-cta-id="holiday"]')
    assert [a.get("data-cta-id") for a in links(built, "blog/2026/10/02/two/index.html")] == ["visit"]
    assert links(built, "blog/2026/10/03/three/index.html") == []
    assert [a.get("data-cta-id") for a in links(built, "recipes/rye/index.html")] == ["visit"]
    assert links(built, "recipes/wheat/index.html") == []
    assert [a.get("data-cta-id") for a in links(built, "menu/index.html")] == ["newsletter-promo"]
    assert links(built, "index.html") == [] and links(built, "blog/index.html") == []


def test_expiry_with_a_fixed_clock(site):
    rules = [{"cta": "holiday", "blog_posts": True}, {"cta": "order-a-cake", "blog_posts": True}]
    files = base_files(**BLOG_FILES, **{"about.md": "---\ntitle: About\n---\n# About\n\n/// cta | holiday\n///\n"})
    before = site(files, config=blog_config(rules), strict=True, env={"STOREFRONT_NOW": "2026-12-22T17:59:00Z"})
    assert before.ok, before.messages
    assert [a.get("data-cta-id") for a in links(before, "about/index.html")] == ["holiday"]
    assert [a.get("data-cta-id") for a in links(before, "blog/2026/10/01/one/index.html")] == ["holiday"]

    after = site(files, config=blog_config(rules), strict=True, env={"STOREFRONT_NOW": "2026-12-22T18:00:00Z"})
    assert not after.ok
    assert links(after, "about/index.html") == []
    # the rule falls through to the next live CTA
    assert [a.get("data-cta-id") for a in links(after, "blog/2026/10/01/one/index.html")] == ["order-a-cake"]
    assert any(w.startswith("storefront: docs/about.md:6: /// cta: the CTA ended on Tue 22 Dec 2026, 18:00")
               and "remove the block" in w for w in after.warnings), after.warnings
    assert any("seo/ctas.yml:17: holiday.until" in m and "placement rule is skipped" in m
               for m in after.infos), after.infos

    fm = site(base_files(**{"index.md": "---\ncta: holiday\n---\n# Home\n"}), config=config(), strict=True,
              env={"STOREFRONT_NOW": "2027-01-01T00:00:00Z"})
    assert any(w.startswith("storefront: docs/index.md:2: cta: the CTA holiday ended") for w in fm.warnings), \
        fm.warnings
    assert links(fm) == []


def test_variants_are_deterministic_across_builds(site):
    pages = {f"p{i}.md": f"# Page {i}\n\n/// cta | holiday\n///\n" for i in range(16)}
    first = site(base_files(**pages), config=config(), strict=True, env=NOW)
    second = site(base_files(**pages), config=config(), strict=True, env=NOW)
    assert first.ok and second.ok, first.messages + second.messages
    chosen = {}
    for i in range(16):
        [a] = links(first, f"p{i}/index.html")
        [b] = links(second, f"p{i}/index.html")
        assert a.get("data-cta-variant") == b.get("data-cta-variant")
        assert a.text == b.text == {"stollen": "Reserve a stollen", "panettone": "Reserve a panettone"}[
            a.get("data-cta-variant")]
        chosen[i] = a.get("data-cta-variant")
    assert set(chosen.values()) == {"stollen", "panettone"}, "pages are spread over the variants"


@pytest.mark.parametrize("url, message", [
    ("htps//order.example.com", "looks like a web address without https://"),
    ("www.example.com/cakes", "looks like a web address without https://"),
    ("https://", "has no valid host name"),
    ("https://exa mple.com", "contains spaces"),
    ("javascript:alert(1)", "uses the javascript: scheme"),
    ("//cdn.example.com/x", "has no scheme"),
    ("missing.md", "is not a page or file of the site"),
])
def test_malformed_urls_name_file_and_line(site, url, message):
    text = f"# CTAs\n\nfine:\n  label: Fine\n  url: order.md\n\nbroken:\n  label: Broken\n  url: \"{url}\"\n"
    built = site({"/seo/ctas.yml": text, "order.md": "# Order\n", "index.md": "# Home\n"},
                 config=config(), strict=True)
    assert not built.ok
    assert any(w.startswith("storefront: seo/ctas.yml:9: broken.url:") and message in w
               for w in built.warnings), built.warnings
    plain = site({"/seo/ctas.yml": text, "order.md": "# Order\n", "index.md": "# Home\n\n/// cta | fine\n///\n"},
                 config=config(), strict=False)
    assert plain.ok and links(plain)[0].get("data-cta-id") == "fine"


def test_errors_in_pages_and_definitions(site):
    text = ("ok:\n  label: OK\n  url: order.md\nbad-style:\n  label: X\n  url: order.md\n  style: loud\n"
            "no-label:\n  url: order.md\nbad-until:\n  label: X\n  url: order.md\n  until: next tuesday\n"
            "Bad_Id:\n  label: X\n  url: order.md\n")
    page = ("---\ntitle: Home\ncta: nope\n---\n# Home\n\n/// cta | missing-one\n///\n\n/// cta\n///\n\n"
            "/// cta | ok\n    colour: red\n///\n")
    built = site({"/seo/ctas.yml": text, "order.md": "# O\n", "index.md": page},
                 config=config(rules=[{"cta": "ghost", "blog_posts": True}]), strict=False)
    assert built.ok, "a plain build goes on"
    w = built.warnings
    expect = [
        "seo/ctas.yml:7: bad-style.style: \"loud\" is not a CTA style; use primary or secondary",
        "seo/ctas.yml:8: no-label.label: is missing",
        "seo/ctas.yml:13: bad-until.until: \"next tuesday\" is not a date",
        "seo/ctas.yml:14: Bad_Id: \"Bad_Id\" is not a CTA id",
        "mkdocs.yml:", "rules[0].cta: \"ghost\" is not a named CTA",
        "docs/index.md:3: cta: \"nope\" is not a named CTA",
        "docs/index.md:7: /// cta: \"missing-one\" is not a named CTA; use one of: ok",
        "docs/index.md:10: /// cta: the cta block needs a CTA id",
        "docs/index.md:13: /// cta: \"colour\" is not a cta block option",
    ]
    for fragment in expect:
        assert any(fragment in message for message in w), (fragment, w)
    assert not any("Traceback" in m for m in built.messages)
    assert [a.get("data-cta-id") for a in links(built)] == ["ok"]


def test_hostile_text_is_escaped_once(site):
    ctas = {"x": {"label": HOSTILE, "heading": HOSTILE, "text": HOSTILE,
                  "url": "https://partner.example/?q=\"><script>"}}
    built = site({"index.md": "# H\n\n/// cta | x\n///\n"}, config=config(ctas=ctas), strict=False)
    raw = built.text("index.html")
    assert "<script>alert(1)" not in raw and '"><script>' not in raw
    [link] = links(built)
    assert link.text == HOSTILE
    assert link.xpath('ancestor::div[1]/p[@class="sf-cta__heading"]')[0].text == HOSTILE
    assert "&amp;amp;" not in raw


def test_stylesheet_added(site):
    built = site({"index.md": "# H\n"}, config=config(), strict=True)
    css = built.text("assets/storefront/cta.css")
    assert "focus-visible" in css and "url(" not in css
    assert built.html("index.html").xpath('//link[contains(@href, "assets/storefront/cta.css")]')


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_ctas_stay_out_of_the_search_index(site, theme):
    # As the newsletter form does: a call to action is on the page, not in what search finds.
    files = base_files(**{
        "index.md": "# Home\n\nWelcome to the bakery.\n\n/// cta | order-a-cake\n///\n\nOpen daily.\n",
        "about.md": "# About\n\nWe bake.\n"})
    cfg = config(theme=theme, rules=[{"cta": "visit", "pages": ["about.md"]}])
    cfg["plugins"].insert(0, "search")
    built = site(files, config=cfg, strict=True, env=NOW)
    assert built.ok, built.messages
    assert [link.text for link in links(built)] == ["Order a cake"]
    assert [link.text for link in links(built, "about/index.html")] == ["Get directions"]
    assert "storefront:cta" not in built.text("index.html")
    index = built.text("search/search_index.json")
    assert "Welcome to the bakery" in index and "Open daily" in index and "We bake" in index
    for text in ("Order a cake", "Baking for a birthday", "Order two days ahead", "Get directions"):
        assert text not in index, text


def test_until_with_a_semicolon_is_quoted_whole(site):
    text = 'late:\n  label: X\n  url: order.md\n  until: "2026-12-24; 18:00"\n'
    built = site({"/seo/ctas.yml": text, "order.md": "# O\n", "index.md": "# Home\n"}, config=config(), strict=False)
    assert any('seo/ctas.yml:4: late.until: "2026-12-24; 18:00" is not a date; write the promotion\'s end' in m
               for m in built.warnings), built.warnings
