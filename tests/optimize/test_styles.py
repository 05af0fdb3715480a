"""Small local stylesheets inlined; big, external or url()-using ones stay linked."""

from __future__ import annotations

from storefront.optimize.styles import can_inline, inline_stylesheets

HEAD = ('<html><head><link rel="stylesheet" href="a.css"><link rel=stylesheet href=b.css media=print>'
        '<link rel="icon" href="a.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
        '</head><body><link rel="stylesheet" href="a.css"></body></html>')


def test_small_local_stylesheets_become_style_elements():
    css = {"a.css": ".a{color:red}", "b.css": ".b{}"}
    out, count = inline_stylesheets(HEAD, css.get)
    assert count == 2
    assert '<style>.a{color:red}</style><style media="print">.b{}</style>' in out
    assert '<link rel="icon" href="a.css">' in out and "cdn.example/x.css" in out
    # only <head> is touched
    assert out.endswith('<body><link rel="stylesheet" href="a.css"></body></html>')


def test_reader_refusal_keeps_the_link():
    out, count = inline_stylesheets(HEAD, lambda href: None)
    assert count == 0 and out == HEAD


def test_what_may_be_inlined():
    assert can_inline(".a{}", 10)
    assert not can_inline(".a{}" * 10, 10)
    assert not can_inline(".a{background:URL(x.png)}", 1000)
    assert not can_inline("@import 'x.css';", 1000)
    assert not can_inline(".a{}</style><script>", 1000)


def test_build_inlines_the_theme_extra_css(site):
    files = {"index.md": "# Home\n", "css/small.css": ".small{color:#123456}\n",
             "css/big.css": ".big{color:red}\n" * 100, "css/img.css": ".i{background:url(x.png)}\n",
             "sub/page.md": "# Sub\n"}
    config = {"theme": {"name": "material", "font": False},
              "extra_css": ["css/small.css", "css/big.css", "css/img.css"],
              "plugins": [{"storefront/optimize": {"inline_css": 1000}}]}
    built = site(files, config=config, strict=True)
    assert built.ok, built.error
    for page in ("index.html", "sub/page/index.html"):
        tree = built.html(page)
        hrefs = [link.get("href") for link in tree.xpath("//link[@rel='stylesheet']")]
        assert not any(h.endswith("small.css") for h in hrefs)
        assert any(h.endswith("big.css") for h in hrefs) and any(h.endswith("img.css") for h in hrefs)
        assert any("#123456" in (style.text or "") for style in tree.xpath("//style"))
    # The theme's 404 page (rendered from a template, with site-absolute URLs) is no exception.
    for site_url in (None, "https://shop.example/docs/"):
        other = site(files, config={**config, "site_url": site_url}, strict=True)
        assert other.ok, other.error
        for page in ("index.html", "404.html"):
            tree = other.html(page)
            hrefs = [link.get("href") for link in tree.xpath("//link[@rel='stylesheet']")]
            assert not any(h.endswith("small.css") for h in hrefs), (site_url, page, hrefs)
            assert any(h.endswith("big.css") for h in hrefs)
            assert any("#123456" in (style.text or "") for style in tree.xpath("//style"))
    off = site(files, config={**config, "plugins": [{"storefront/optimize": {"inline_css": 0}}]})
    hrefs = [link.get("href") for link in off.html().xpath("//link[@rel='stylesheet']")]
    assert any(h.endswith("small.css") for h in hrefs)
