"""Every head tag of storefront/seo, exactly once, on the Material, mkdocs and readthedocs themes."""

from __future__ import annotations

import pytest
from seo_helpers import NOW, SITE_URL, Head, png

POST = """\
---
title: Our autumn menu
description: Apple, pumpkin and maple bakes for the season.
date: 2026-10-01T08:30:00+02:00
updated: 2026-10-05
author: Maria Rossi
categories: [Seasonal, News]
tags: [apple, pumpkin]
image: images/autumn.jpg
image_alt: A table of autumn pastries
---

# Our autumn menu

Apple, pumpkin and maple bakes arrive this week.
"""

FILES = {
    "index.md": "# Welcome\n\nFresh bread every morning.\n",
    "about.md": "# About us\n\nWe bake with local flour since 1998.\n",
    "blog/autumn.md": POST,
    "blog/images/autumn.jpg": png(800, 420, fmt="JPEG"),
}

CONFIG = {
    "site_url": SITE_URL,
    "site_description": "Sourdough and pastries in Burlington.",
    "site_author": "Hearth Bakery",
    "plugins": [{"storefront/seo": {
        "twitter_site": "@hearthbakery",
        "twitter_creator": "hearthbaker",
        "verification": {"google": "g-code", "bing": "b-code", "yandex": "y-code",
                         "pinterest": "p-code", "facebook": "f-code"},
    }}],
}

THEMES = [{"name": "material", "font": False}, {"name": "mkdocs"}, {"name": "readthedocs"}]


@pytest.fixture(scope="module", params=THEMES, ids=lambda theme: theme["name"])
def built(request, tmp_path_factory):
    from conftest import build_site

    root = tmp_path_factory.mktemp(request.param["name"])
    result = build_site(root, FILES, config={**CONFIG, "theme": request.param}, strict=True, env=NOW)
    assert result.ok, (result.error, result.warnings)
    return result


SINGLE = [
    "description", "og:title", "og:description", "og:url", "og:site_name", "og:locale", "og:type",
    "twitter:card", "twitter:site", "twitter:creator", "twitter:title", "twitter:description",
    "google-site-verification", "msvalidate.01", "yandex-verification", "p:domain_verify",
    "facebook-domain-verification", "og:image", "og:image:width", "og:image:height",
    "og:image:alt", "og:image:type", "twitter:image", "twitter:image:alt",
]


@pytest.mark.parametrize("path", ["index.html", "about/index.html", "blog/autumn/index.html"])
def test_each_tag_exactly_once(built, path):
    head = Head(built, path)
    assert len(head.titles()) == 1
    assert len(head.canonicals()) == 1
    keys = head.keys()
    for key in SINGLE:
        assert keys.count(key) == 1, (key, keys)
    # Nothing this plugin owns appears twice, whatever the theme emitted.
    owned = [k for k in keys if k.startswith(("og:", "twitter:")) or k in ("description", "robots")]
    assert len(owned) == len(set(owned)), owned


def test_article_page_values(built):
    head = Head(built, "blog/autumn/index.html")
    assert head.titles() == ["Our autumn menu | Test Bakery"]
    assert head.one("description") == "Apple, pumpkin and maple bakes for the season."
    assert head.canonicals() == [SITE_URL + "blog/autumn/"]
    assert head.one("og:title") == "Our autumn menu"
    assert head.one("og:url") == SITE_URL + "blog/autumn/"
    assert head.one("og:site_name") == "Test Bakery"
    assert head.one("og:type") == "article"
    assert head.one("og:locale") == "en_US"
    # the real file: 800×420 JPEG
    assert head.one("og:image") == SITE_URL + "blog/images/autumn.jpg"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("800", "420")
    assert head.one("og:image:type") == "image/jpeg"
    assert head.one("og:image:alt") == "A table of autumn pastries"
    # ISO 8601 with offset, in the site timezone (UTC by default)
    assert head.one("article:published_time") == "2026-10-01T06:30:00+00:00"
    assert head.one("article:modified_time") == "2026-10-05T00:00:00+00:00"
    assert head.meta("article:author") == ["Maria Rossi"]
    assert head.meta("article:section") == ["Seasonal"]
    assert head.meta("article:tag") == ["apple", "pumpkin"]
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:site") == "@hearthbakery"
    assert head.one("twitter:creator") == "@hearthbaker"
    assert head.one("twitter:title") == "Our autumn menu"
    assert head.one("twitter:description") == "Apple, pumpkin and maple bakes for the season."
    assert head.one("twitter:image") == SITE_URL + "blog/images/autumn.jpg"
    assert head.one("twitter:image:alt") == "A table of autumn pastries"
    assert head.meta("robots") == []
    # twitter tags use name=, Open Graph tags property=
    assert head.doc.xpath("/html/head/meta[@name='twitter:card']")
    assert head.doc.xpath("/html/head/meta[@property='og:title']")


def test_website_page_values(built):
    head = Head(built, "about/index.html")
    assert head.titles() == ["About us | Test Bakery"]
    assert head.one("description") == "We bake with local flour since 1998."
    assert head.one("og:type") == "website"
    for key in ("article:published_time", "article:modified_time", "article:author", "article:tag"):
        assert head.meta(key) == []
    # no image of its own and no default image: a generated card
    assert head.one("og:image") == SITE_URL + "assets/storefront/cards/about.png"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:type") == "image/png"
    assert head.one("og:image:alt") == "About us"
    assert built.exists("assets/storefront/cards/about.png")


def test_home_page_title_and_verification(built):
    head = Head(built, "index.html")
    assert head.titles() == ["Test Bakery – Sourdough and pastries in Burlington."]
    assert head.canonicals() == [SITE_URL]
    assert head.one("google-site-verification") == "g-code"
    assert head.one("msvalidate.01") == "b-code"
    assert head.one("yandex-verification") == "y-code"
    assert head.one("p:domain_verify") == "p-code"
    assert head.one("facebook-domain-verification") == "f-code"


def test_tags_are_inside_head(built):
    raw = built.text("blog/autumn/index.html")
    head_end = raw.index("</head>")
    assert raw.index('property="og:title"') < head_end
    assert raw.count("<title>") == 1
