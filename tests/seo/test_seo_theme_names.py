"""Names the theme prints (site name, nav sections, blog categories and authors, tags) are
text in Material's pages, escaped exactly once, and plain text where other readers need it
(feeds, tags.json, anchors)."""

from __future__ import annotations

import json

import pytest
from seo_helpers import NOW, SITE_URL, Head


def payload(n: int) -> str:
    return f"<img src=x onerror=alert({n})>"


SITE = f'S & "{payload(1)}"'
DESCRIPTION = f"D {payload(2)}"
AUTHOR = f"A {payload(3)}"
TAG = f"T {payload(4)}"
AUTHOR_NAME = f"N {payload(5)}"
AUTHOR_TEXT = f"Desc {payload(6)}"
CATEGORY = f"C {payload(7)}"
SECTION = f"Sec {payload(8)}"


def q(text: str) -> str:
    return json.dumps(text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import build_site

    files = {
        "index.md": f"---\ntags: [{q(TAG)}, \"Bread & Butter\"]\n---\n\n# Home\n\nFresh bread.\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
        "about.md": "# About\n\nWe bake.\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": f"authors:\n  evil:\n    name: {q(AUTHOR_NAME)}\n"
                             f"    description: {q(AUTHOR_TEXT)}\n    avatar: https://example.com/a.png\n",
        "blog/posts/post.md": f"---\ndate: 2026-01-02\nauthors: [evil]\n"
                              f"categories: [{q(CATEGORY)}, \"Bread & Butter\"]\ntags: [{q(TAG)}]\n---\n\n"
                              "# Post\n\nText.\n\n<!-- more -->\n\nMore.\n",
    }
    config = {
        "site_url": SITE_URL,
        "site_name": SITE,
        "site_description": DESCRIPTION,
        "site_author": AUTHOR,
        "theme": {"name": "material", "font": False, "features": ["navigation.tabs"]},
        "nav": [{"Home": "index.md"}, {SECTION: ["about.md"]}, "tags.md", {"Blog": ["blog/index.md"]}],
        "extra": {"tags": {"Bread & Butter": "bread"}},
        "plugins": ["search", {"blog": {"blog_dir": "blog", "authors_profiles": True}}, "tags",
                    "storefront/seo"],
    }
    result = build_site(tmp_path_factory.mktemp("names"), files, config=config, strict=True, env=NOW)
    assert result.ok, (result.error, result.warnings)
    return result


def pages(built):
    return [p for p in built.all_files() if p.suffix == ".html"]


def test_no_hostile_markup_in_any_page(built):
    import lxml.html

    found = pages(built)
    assert len(found) >= 8
    for page in found:
        doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
        injected = [el.tag for el in doc.iter() if isinstance(el.tag, str) and el.get("onerror") is not None]
        assert injected == [], page
        text = page.read_text(encoding="utf-8")
        assert "&amp;amp;" not in text and "&amp;lt;" not in text, page


def texts(doc, xpath: str) -> list[str]:
    return [" ".join(el.text_content().split()) for el in doc.xpath(xpath)]


def test_site_name_is_text_in_the_header_and_once_in_our_tags(built):
    head = Head(built, "about/index.html")
    assert SITE in texts(head.doc, "//*[contains(@class, 'md-header__topic')]")
    assert head.one("og:site_name") == SITE
    assert head.titles() == [f"About | {SITE}"]
    logo = head.doc.xpath("//a[contains(@class, 'md-header__button md-logo')]")[0]
    assert logo.get("aria-label") == SITE and logo.get("title") == SITE
    # Material's own author tag (site_author) is text too
    assert [m.get("content") for m in head.doc.xpath("//meta[@name='author']")] == [AUTHOR]


def test_nav_section_title_is_text(built):
    doc = Head(built, "index.html").doc
    assert SECTION in texts(doc, "//nav//label | //nav//a")


def test_tags_are_text_with_their_plain_anchors(built):
    home = Head(built, "index.html").doc
    assert texts(home, "//*[contains(concat(' ', @class, ' '), ' md-tag ')]") == ["Bread & Butter", TAG]
    hrefs = [a.get("href") for a in home.xpath("//a[contains(concat(' ', @class, ' '), ' md-tag ')]")]
    # the anchors Material makes from the plain names (pymdownx slugify)
    assert hrefs == ["tags/#tag:bread--butter", "tags/#tag:t"]
    # extra.tags still gives the tag its icon class
    assert "md-tag--bread" in home.xpath("//a[contains(concat(' ', @class, ' '), ' md-tag ')]")[0].get("class")
    index = Head(built, "tags/index.html").doc
    assert {"Bread & Butter", TAG} <= set(texts(index, "//h2"))
    assert sorted(h.get("id") for h in index.xpath("//h2[@id]")) == ["tag:bread--butter", "tag:t"]
    export = built.json("tags.json")
    assert sorted(export["mappings"][0]["tags"]) == ["Bread & Butter", TAG]
    search = built.json("search/search_index.json")
    assert TAG in [t for doc in search["docs"] for t in doc.get("tags", [])]


def test_category_page_and_post_metadata(built):
    category = Head(built, "blog/category/c/index.html").doc
    assert texts(category, "//article//h1 | //div[contains(@class,'md-content')]//h1")[0] == CATEGORY
    post = Head(built, "blog/2026/01/02/post/index.html")
    assert CATEGORY in texts(post.doc, "//*[contains(@class, 'md-post__meta')]//a | //nav//a")
    assert post.one("article:section") == CATEGORY
    assert built.exists("blog/category/bread--butter/index.html")


def test_authors_are_text(built):
    post = Head(built, "blog/2026/01/02/post/index.html")
    authors = post.doc.xpath("//*[contains(@class, 'md-profile')]")
    assert authors, "no author block"
    block = " ".join(authors[0].text_content().split())
    assert AUTHOR_NAME in block and AUTHOR_TEXT in block
    assert next(img.get("alt") for img in post.doc.xpath("//*[contains(@class,'md-author')]//img")) == AUTHOR_NAME
    # Open Graph's article:author is a profile: Material's author page (authors_profiles) is one
    assert post.meta("article:author") == [SITE_URL + "blog/author/evil/"]
    profile = next(p for p in pages(built) if "/author/" in p.as_posix())
    doc = Head(built, profile.relative_to(built.site).as_posix()).doc
    assert AUTHOR_NAME in texts(doc, "//h1")


def test_404_template_prints_the_site_name_as_text(built):
    doc = Head(built, "404.html").doc
    assert SITE in texts(doc, "//*[contains(@class, 'md-header__topic')]")


def test_json_ld_names_stay_plain_while_the_theme_gets_escaped_ones(site):
    """storefront/schema writes its JSON-LD while the theme renders (on_post_page): it reads the
    site name as plain text, not the theme's escaped copy."""
    files = {"index.md": "# Home\n\nFresh bread.\n", "about.md": "# About\n\nWe bake.\n",
             "/seo/business.yml": "type: Bakery\nname: Bread & Co\n"}
    config = {"site_url": SITE_URL, "site_name": "Bread & Co <Bakery>", "site_description": "Loaves & cakes",
              "theme": {"name": "material", "font": False},
              "plugins": ["storefront/seo", "storefront/schema"]}
    result = site(files, config=config, env=NOW)
    assert result.ok, result.error
    doc = Head(result, "about/index.html").doc
    blocks = [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]
    text = json.dumps(blocks, ensure_ascii=False)
    assert "Bread & Co <Bakery>" in text
    assert "&amp;" not in text and "&lt;" not in text
    assert Head(result, "about/index.html").one("og:site_name") == "Bread & Co <Bakery>"
