"""The demo storefront (root mkdocs.yml) built into a temp folder: its JSON-LD passes the
schema.org vocabulary check with zero problems, and its footer and contact page show the
split shift, the holiday closure and the branch from seo/business.yml."""

from __future__ import annotations

import json
import logging

import lxml.html
import pytest
from mkdocs.config import load_config
from vocabulary_check import Vocabulary

from conftest import ROOT, build_as_mkdocs_does, environ

NOW = "2026-11-23T12:00:00Z"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with environ({"STOREFRONT_NOW": NOW}):
            build_as_mkdocs_does(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir)))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return site_dir, [r.getMessage() for r in records]


def test_demo_builds_without_schema_warnings(demo):
    _, warnings = demo
    assert [w for w in warnings if "business.yml" in w or "schema" in w] == []


def test_demo_json_ld_passes_the_vocabulary_check(demo, schemaorg_vocabulary):
    site_dir, _ = demo
    checker = Vocabulary(schemaorg_vocabulary)
    checked = 0
    kinds = set()
    for path in sorted(site_dir.rglob("*.html")):
        scripts = lxml.html.fromstring(path.read_text(encoding="utf-8")).xpath(
            '//script[@type="application/ld+json"]')
        if path.name == "404.html" or path.parent.name == "404":
            assert scripts == []
            continue
        assert len(scripts) == 1, path
        data = json.loads(scripts[0].text)
        report = checker.check(data)
        assert report.problems == [], (path, report.problems)
        kinds.update(json.dumps(node.get("@type")) for node in data["@graph"])
        checked += 1
    assert checked >= 6
    assert {'"WebSite"', '"Bakery"', '"WebPage"', '"BreadcrumbList"', '"BlogPosting"'} <= kinds


def test_demo_contact_page_and_footer_show_the_profile(demo):
    site_dir, _ = demo
    html = lxml.html.fromstring((site_dir / "contact" / "index.html").read_text(encoding="utf-8"))
    article = html.xpath('//article')[0] if html.xpath('//article') else html
    tables = article.xpath('.//table[@class="sf-hours__table"]')
    assert [t.xpath("caption")[0].text for t in tables] == ["Opening hours", "Opening hours: Hearth & Crumb Winooski"]
    friday = tables[0].xpath('.//tr[th="Friday"]/td')[0].text_content()
    assert friday == "7 am–11:30 am, 1 pm–6 pm"  # the split shift
    closures = [li.text_content() for li in tables[0].getparent().xpath('.//li')]
    assert "Friday 25 December 2026 to Saturday 26 December 2026 (Christmas): Closed" in closures
    names = [s.text for s in article.xpath('.//address/span[@class="sf-contact__name"]')]
    assert names == ["Hearth & Crumb Bakery", "Hearth & Crumb Winooski"]
    footer = html.xpath('//footer')[-1]
    footer_business = footer.xpath('.//div[@class="sf-business-footer"]')
    assert footer_business, "the theme's footer prints storefront.business_footer"
    assert footer_business[0].xpath('.//a[@href="tel:+18025550142"]')
    assert "Thanksgiving" in footer_business[0].text_content()
    assert "Hearth & Crumb Winooski" in footer_business[0].text_content()


def test_demo_event_is_visible_and_structured_on_its_page(demo):
    site_dir, _ = demo
    text = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    html = lxml.html.fromstring(text)
    shown = [h.text_content() for h in html.xpath('//section[@class="sf-events"]//h3')]
    data = json.loads(html.xpath('//script[@type="application/ld+json"]')[0].text)
    events = [n for n in data["@graph"] if n.get("@type") == "Event"]
    assert shown == [e["name"] for e in events] == ["Free sourdough class"]
    assert events[0]["offers"][0]["url"].endswith("/contact/")  # the page link, resolved
    assert "Saturday 16 January 2027" in html.xpath('//section[@class="sf-events"]')[0].text_content()
