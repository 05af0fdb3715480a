"""Feeds written by mkdocs-rss-plugin come out well-formed, even for a site name with `&`."""

from __future__ import annotations

from lxml import etree

from storefront.seo.feeds import mend_text_elements, xml_problem

POST = """\
---
date: 2026-10-02
title: Our autumn menu
description: Apple cider doughnuts and pumpkin seed rye join the counter this autumn.
---

# Our autumn menu

Autumn brings apples & squash to the counter.
"""


def rss_config(seo: bool) -> dict:
    plugins = [{"rss": {"match_path": "posts/.*", "use_git": False,
                        "date_from_meta": {"as_creation": "date"}}}]
    if seo:
        plugins.append("storefront/seo")
    return {"site_name": "Hearth & Crumb <Bakery>", "site_url": "https://bakery.example/",
            "site_description": "Bread & cakes",  # RSS 2.0 requires the channel's description
            "theme": "mkdocs", "plugins": plugins}


def test_rss_feed_with_ampersand_in_site_name_is_well_formed(site):
    built = site({"index.md": "# Home\n", "posts/autumn.md": POST}, config=rss_config(seo=True),
                 strict=True)
    assert built.ok, built.warnings
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        root = etree.fromstring((built.site / name).read_bytes())
        titles = [el.text for el in root.iter("title")]
        assert "Hearth & Crumb <Bakery>" in titles  # the site name, read back as text
        # No logo configured: the rss plugin's <image> with the URL "None" is taken out.
        assert root.find("channel/image") is None
        assert b"<url>None</url>" not in (built.site / name).read_bytes()


def test_without_storefront_seo_the_rss_plugin_feed_is_broken(site):
    """Guards the premise: if the rss plugin fixes its template, this fails and the mend can go."""
    built = site({"index.md": "# Home\n", "posts/autumn.md": POST}, config=rss_config(seo=False))
    assert built.ok
    assert xml_problem((built.site / "feed_rss_created.xml").read_bytes()) is not None


def test_mend_escapes_text_elements_exactly_once():
    text = ('<rss><channel><title>Tom &amp; Jerry</title><image><title>Tom & Jerry <b></title>'
            '</image><item><source url="https://x.example/f.xml?a=1&amp;b=2">A & B</source>'
            '<description>&lt;p&gt;kept&lt;/p&gt;</description></item></channel></rss>')
    mended = mend_text_elements(text)
    assert xml_problem(mended.encode()) is None
    root = etree.fromstring(mended.encode())
    assert [t.text for t in root.iter("title")] == ["Tom & Jerry", "Tom & Jerry <b>"]
    assert root.find(".//source").text == "A & B"
    assert root.find(".//source").get("url") == "https://x.example/f.xml?a=1&b=2"
    assert root.find(".//description").text == "<p>kept</p>"
    assert "&amp;amp;" not in mended


def test_unmendable_feed_is_reported(site):
    broken = "<rss><channel><title>x</title></rss>"
    built = site({"index.md": "# Home\n", "/extra/feed.xml": broken},
                 config={"site_name": "Bakery", "site_url": "https://bakery.example/",
                         "theme": "mkdocs", "plugins": ["storefront/seo"]})
    assert built.ok
    (built.site / "feed.xml").write_text(broken)
    # A feed another tool leaves in site_dir is checked on the next build too.
    rebuilt = site({"index.md": "# Home\n", "feed.xml": broken},
                   config={"site_name": "Bakery", "site_url": "https://bakery.example/",
                           "theme": "mkdocs", "plugins": ["storefront/seo"]})
    assert any("feed.xml" in w and "not well-formed XML" in w for w in rebuilt.warnings)


AUTHORED = """\
---
date: 2026-10-02
title: Our autumn menu
author: Maria Ortiz
image: img/bun.png
description: Apple cider doughnuts join the counter.
---

# Our autumn menu

Autumn brings apples to the counter.
"""


def test_rss_and_json_feeds_follow_their_specs(site):
    """RSS 2.0: enclosure length in bytes, author and managingEditor are e-mail addresses
    (a name is dc:creator); JSON Feed: no null for a missing optional field."""
    import io
    import json

    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (40, 20)).save(image, "PNG")
    config = rss_config(seo=True)
    config["site_author"] = "Maria Ortiz"
    built = site({"index.md": "# Home\n", "posts/autumn.md": AUTHORED, "img/bun.png": image.getvalue()},
                 config=config, strict=True)
    assert built.ok, built.warnings
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        root = etree.fromstring((built.site / name).read_bytes())
        channel = root.find("channel")
        assert channel.find("managingEditor") is None  # a name, not an e-mail address: left out
        item = channel.find("item")
        assert item.find("author") is None and item.find(dc).text == "Maria Ortiz"
        enclosure = item.find("enclosure")
        assert enclosure.get("length") == str((built.site / "img/bun.png").stat().st_size)
    for name in ("feed_json_created.json", "feed_json_updated.json"):
        feed = json.loads((built.site / name).read_text(encoding="utf-8"))

        def nulls(value):
            if isinstance(value, dict):
                return [k for k, v in value.items() if v is None] + [n for v in value.values() for n in nulls(v)]
            if isinstance(value, list):
                return [n for v in value for n in nulls(v)]
            return []

        assert nulls(feed) == []
        assert feed["title"] == "Hearth & Crumb <Bakery>"


def test_what_cannot_be_mended_is_a_warning(site):
    config = rss_config(seo=True)
    del config["site_description"]
    built = site({"index.md": "# Home\n", "posts/autumn.md": POST}, config=config)
    assert built.ok
    assert any("feed_rss_created.xml: is not valid RSS 2.0: the channel has no <description>" in w
               for w in built.warnings), built.warnings
