"""The template's colours all derive from the brand variables, and its 404 page links to the
site's own pages (from the nav), not to fixed paths."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT

TEMPLATE = ROOT / "site_template"
COLOUR_LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(")


def test_brand_css_writes_colours_only_in_its_variables():
    css = (TEMPLATE / "stylesheets" / "brand.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    variables, _, rules = css.partition("}")
    assert "--sf-brand:" in variables
    assert COLOUR_LITERAL.findall(rules) == []
    # every --sf- variable a rule uses is defined in the :root block
    defined = set(re.findall(r"(--sf-[a-z-]+):", variables))
    assert set(re.findall(r"var\((--sf-[a-z-]+)\)", rules)) <= defined


def test_no_colour_in_the_templates():
    found = {}
    for path in sorted(TEMPLATE.rglob("*.html")):
        literals = COLOUR_LITERAL.findall(path.read_text(encoding="utf-8"))
        if literals:
            found[path.relative_to(ROOT).as_posix()] = literals
    assert found == {}


def _site_config(nav):
    return {"site_name": "Clinic", "site_url": "https://clinic.example/",
            "theme": {"name": "material", "custom_dir": str(TEMPLATE), "font": False},
            "extra": {"theme_color": "#0a7a4f"}, "nav": nav}


def test_404_links_the_nav_pages_that_exist(site):
    files = {"index.md": "# Home\n", "team.md": "# Team\n", "guide/start.md": "# Start\n",
             "guide/more.md": "# More\n"}
    nav = [{"Home": "index.md"}, {"Our team": "team.md"},
           {"Guides": [{"Start": "guide/start.md"}, {"More": "guide/more.md"}]},
           {"Status": "https://status.example/"}]
    built = site(files, config=_site_config(nav), strict=True)
    assert built.ok, built.warnings
    page = HTMLParser(built.text("404.html"))
    links = [(a.text().strip(), a.attributes["href"]) for a in page.css("ul.sf-not-found__links a")]
    assert [text for text, _ in links] == ["Home", "Our team", "Guides", "Status"]
    hrefs = [href for _, href in links]
    assert hrefs[3] == "https://status.example/"
    for href in hrefs[:3]:
        assert href.startswith("/"), href  # absolute: the 404 page is served at any depth
        target = built.site / href.lstrip("/") / "index.html" if href.endswith("/") else built.site / href.lstrip("/")
        assert target.is_file(), href
    assert "/products/" not in built.text("404.html")
    assert page.css_first('meta[name="theme-color"]').attributes["content"] == "#0a7a4f"


def test_no_theme_colour_meta_without_the_setting(site):
    config = _site_config([{"Home": "index.md"}])
    config["extra"] = {}
    built = site({"index.md": "# Home\n"}, config=config, strict=True)
    assert built.ok, built.warnings
    assert HTMLParser(built.text("index.html")).css_first('meta[name="theme-color"]') is None
