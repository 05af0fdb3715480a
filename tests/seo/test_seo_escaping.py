"""A hostile title and description are literal text in every tag and in the theme, never markup."""

from __future__ import annotations

import pytest
from seo_helpers import HOSTILE, NOW, SITE_URL, Head

HOSTILE_YAML = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import build_site

    files = {
        "index.md": "# Welcome\n\nFresh bread.\n",
        # the front-matter title wins over the page's <h1>
        "hostile.md": f'---\ntitle: "{HOSTILE_YAML}"\ndescription: "{HOSTILE_YAML}"\n'
                      f'author: "{HOSTILE_YAML}"\n---\n\n# Heading\n\nBody text.\n',
        "blog/index.md": "# Blog\n",
        "blog/posts/hostile-post.md": f'---\ndate: 2026-11-01\nslug: hostile-post\ntitle: "{HOSTILE_YAML}"\n---\n\n'
                                      "Post body.\n",
    }
    config = {
        "site_url": SITE_URL,
        "site_description": "Bread & cakes",
        "theme": {"name": "material", "font": False,
                  "features": ["navigation.tabs", "navigation.path", "navigation.footer"]},
        "nav": [{"Home": "index.md"}, "hostile.md", {"Blog": ["blog/index.md"]}],
        "plugins": ["search", {"blog": {"blog_dir": "blog", "post_url_format": "{slug}"}},
                    "storefront/seo"],
    }
    result = build_site(tmp_path_factory.mktemp("hostile"), files, config=config, strict=True, env=NOW)
    assert result.ok, (result.error, result.warnings)
    return result


def test_no_markup_from_the_title_anywhere(built):
    pages = [p for p in built.all_files() if p.suffix in (".html", ".xml", ".json", ".txt")]
    assert len(pages) >= 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, page
        assert "<Bakery>" not in text, page
        assert "&amp;amp;" not in text, page
        assert "&amp;lt;" not in text, page


def test_hostile_title_is_literal_text_in_every_tag(built):
    head = Head(built, "hostile/index.html")
    assert head.titles() == [f"{HOSTILE} | Test Bakery"]
    for key in ("og:title", "twitter:title", "og:image:alt", "twitter:image:alt"):
        assert head.one(key) == HOSTILE
    for key in ("description", "og:description", "twitter:description"):
        assert head.one(key) == HOSTILE
    # Material's own author tag printed the front matter: escaped, so still literal
    assert [m.get("content") for m in head.doc.xpath("//meta[@name='author']")] == [HOSTILE]


def test_theme_prints_the_title_as_text(built):
    doc = Head(built, "hostile/index.html").doc
    header = doc.xpath("//div[@data-md-component='header-topic']//span")[0].text_content().strip()
    assert header == HOSTILE
    nav_texts = [" ".join(a.text_content().split()) for a in doc.xpath("//nav//a")]
    assert HOSTILE in nav_texts
    # on another page, the nav entry for the hostile page is text too
    home = Head(built, "index.html").doc
    assert HOSTILE in [" ".join(a.text_content().split()) for a in home.xpath("//nav//a")]
    assert not doc.xpath("//body//script[contains(., 'alert(1)')]")


def test_blog_post_and_excerpt(built):
    post = Head(built, "blog/hostile-post/index.html")
    assert post.one("og:title") == HOSTILE
    assert post.one("og:type") == "article"
    index = Head(built, "blog/index.html").doc
    headings = [" ".join(h.text_content().split()) for h in index.xpath("//article//h2")]
    assert HOSTILE in headings


def test_generated_card_uses_plain_title(built):
    head = Head(built, "hostile/index.html")
    assert head.one("og:image") == SITE_URL + "assets/storefront/cards/hostile.png"
    assert built.exists("assets/storefront/cards/hostile.png")
