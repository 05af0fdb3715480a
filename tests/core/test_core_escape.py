"""core/escape.py: one escaper per output context, each escaping exactly once."""

from __future__ import annotations

import html
import json
from xml.dom import minidom

import lxml.html
from markupsafe import Markup

from storefront.core.escape import html_attr, html_text, json_for_script, markup, plain_text, url_path, xml_text

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def test_html_text_round_trips_through_a_parser():
    escaped = html_text(HOSTILE)
    assert "<" not in escaped and ">" not in escaped
    doc = lxml.html.fromstring(f"<div><p>{escaped}</p></div>")
    assert doc.xpath("string(//p)") == HOSTILE
    assert not doc.xpath("//script")


def test_html_attr_round_trips_in_both_quote_styles():
    escaped = html_attr(HOSTILE)
    for quote in ('"', "'"):
        doc = lxml.html.fromstring(f"<div><a title={quote}{escaped}{quote}>x</a></div>")
        assert doc.xpath("//a")[0].get("title") == HOSTILE
    assert html.unescape(escaped) == HOSTILE


def test_no_double_escaping_of_entities_in_the_value():
    assert html_text("R&amp;D") == "R&amp;amp;D"  # a literal "&amp;" is text, escaped once
    assert html.unescape(html_text("R&amp;D")) == "R&amp;D"


def test_xml_text_is_valid_xml():
    escaped = xml_text(HOSTILE)
    doc = minidom.parseString(f'<r a="{escaped}">{escaped}</r>')
    assert doc.documentElement.getAttribute("a") == HOSTILE
    assert doc.documentElement.firstChild.data == HOSTILE
    assert "&#39;" not in escaped and "&apos;" in escaped


def test_json_for_script_cannot_close_the_script():
    data = {"name": HOSTILE, "note": "<!-- x -->\u2028"}
    text = json_for_script(data)
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    assert "&" not in text and "\u2028" not in text
    assert json.loads(text) == data
    doc = lxml.html.fromstring(f'<html><body><script type="application/ld+json">{text}</script></body></html>')
    assert len(doc.xpath("//script")) == 1
    assert json.loads(doc.xpath("//script")[0].text) == data


def test_url_path_encodes_once():
    assert url_path("images/shop front.png") == "images/shop%20front.png"
    assert url_path("images/shop%20front.png") == "images/shop%20front.png"
    assert url_path("https://x.example/a b/?q=a b#f g") == "https://x.example/a%20b/?q=a%20b#f%20g"
    assert url_path("/café/") == "/caf%C3%A9/"


def test_markup_and_plain_text_are_inverse():
    value = markup(HOSTILE)
    assert isinstance(value, Markup)
    assert str(value) == html_text(HOSTILE)
    assert Markup("{}").format(value) == value  # Jinja does not escape it again
    assert plain_text(value) == HOSTILE
    assert plain_text(None) == ""
    assert plain_text(3) == "3"
