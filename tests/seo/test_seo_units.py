"""The pure modules of storefront/seo, without a build."""

from __future__ import annotations

import pytest

from storefront.seo.locales import og_locale
from storefront.seo.robots import render_robots
from storefront.seo.sitemap import SitemapEntry, render_sitemap
from storefront.seo.tags import HeadData, SocialImage, render_head, strip_theme_tags
from storefront.seo.text import compose_title, derive_description, first_paragraph, shorten

HEAD = """<head>
<meta charset="utf-8">
<meta name="description" content="a > b">
<meta content="x" name="description">
<meta name="description-extra" content="keep">
<meta name="author" content="name=description">
<link rel="canonical" href="https://x/">
<link rel="stylesheet" href="canonical.css">
<link href="https://y/" rel='canonical' />
<meta property="og:title" content="t">
<META NAME="twitter:card" CONTENT="summary">
<meta name='robots' content='noindex' />
<meta name=robots content=noindex>
<meta name="google-site-verification" content="1">
<title>Theme &lt;/title&gt; </title><script>alert(1)</script> - Site</title>
<script>var a = "<meta name=x>";</script>
"""


def test_strip_theme_tags_takes_out_only_owned_tags():
    assert strip_theme_tags(HEAD) == (
        '<head>\n<meta charset="utf-8">\n<meta name="description-extra" content="keep">\n'
        '<meta name="author" content="name=description">\n'
        '<link rel="stylesheet" href="canonical.css">\n'
        '<script>var a = "<meta name=x>";</script>\n')


def test_render_head_escapes_once_and_orders_tags():
    data = HeadData(title='A "b" <c> & d', page_title="A & B", description="x < y",
                    site_name="S", locale="en_US", canonical="https://s/a?x=1&y=2",
                    image=SocialImage(url="https://s/i.png", width=10, height=5, mime="image/png",
                                      alt="alt"))
    out = render_head(data)
    assert "<title>A \"b\" &lt;c&gt; &amp; d</title>" in out
    assert '<link rel="canonical" href="https://s/a?x=1&amp;y=2">' in out
    assert '<meta property="og:title" content="A &amp; B">' in out
    assert '<meta name="twitter:card" content="summary_large_image">' in out
    assert "article:" not in out  # not an article
    assert out.index("<title>") < out.index('name="description"') < out.index("og:title")


def test_render_head_without_absolute_image_is_summary_card():
    data = HeadData(title="t", page_title="t", description="", site_name="S", locale="en_US",
                    image=SocialImage(url=None, width=1200, height=630))
    out = render_head(data)
    assert "og:image" not in out and "twitter:image" not in out
    assert 'content="summary"' in out and 'name="description"' not in out


@pytest.mark.parametrize("tag, expected", [
    ("en", "en_US"), ("fr", "fr_FR"), ("de", "de_DE"), ("en-GB", "en_GB"), ("pt_BR", "pt_BR"),
    ("ja", "ja_JP"), ("zh-Hant", "zh_TW"), ("zh-Hant-HK", "zh_HK"), ("nb", "nb_NO"), (None, "en_US"),
    ("not a tag", "en_US"),
])
def test_og_locale(tag, expected):
    assert og_locale(tag) == expected


def test_shorten_at_a_word_boundary():
    text = "word " * 50
    short = shorten(text, 160)
    assert len(short) <= 160 and short.endswith("word…")
    assert shorten("short text", 160) == "short text"
    assert shorten("x" * 200, 20) == "x" * 19 + "…"  # one long word is cut
    assert shorten("one two, three", 10) == "one two…"  # no dangling comma


def test_first_paragraph_skips_admonition_titles_and_images():
    html = ('<div class="admonition note"><p class="admonition-title">Note</p></div>'
            '<p><img src="x.png" alt="x"></p><p>Real <a href="#">text</a>, here &amp; now.</p>')
    assert first_paragraph(html) == "Real text, here & now."
    assert first_paragraph("<ul><li>no paragraph</li></ul>") == ""


def test_derive_description_order():
    assert derive_description("Given  one", "<p>para</p>", "site") == "Given one"
    assert derive_description(None, "<p>para</p>", "site") == "para"
    assert derive_description(None, "<h2>x</h2>", "site") == "site"


def test_compose_title():
    assert compose_title("{page} | {site}", page="About", site="Bakery") == "About | Bakery"
    assert compose_title("{site} – {site_description}", page="", site="B", site_description="") == "B"
    assert compose_title("{site} – {site_description}", page="", site="B", site_description="Bread") == "B – Bread"
    # braces in values are not patterns
    assert compose_title("{page} | {site}", page="{site}", site="B") == "{site} | B"


def test_robots_txt_rules_and_injection():
    text = render_robots([{"user_agent": "*", "disallow": ["/a/\nAllow: /secret"]}], "https://s/sitemap.xml")
    assert text == "User-agent: *\nDisallow: /a/ Allow: /secret\n\nSitemap: https://s/sitemap.xml\n"


def test_sitemap_escapes_and_dedupes():
    xml = render_sitemap([SitemapEntry("https://s/a?x=1&y=2", "2026-01-01T00:00:00+00:00"),
                          SitemapEntry("https://s/a?x=1&y=2")])
    assert xml.count("<url>") == 1
    assert "<loc>https://s/a?x=1&amp;y=2</loc>" in xml
