"""minify-html on finished pages: smaller, but JSON-LD, <pre> and inline SVG stay intact."""

from __future__ import annotations

import json

import lxml.html

from storefront.core.escape import html_text, json_for_script
from storefront.optimize.minify import minify_page

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"

LD = {"@context": "https://schema.org", "@type": "Bakery", "name": HOSTILE,
      "openingHours": ["Mo-Fr 07:00-18:00"], "description": "Bread  &  cakes\n  daily"}
LD_SCRIPT = json_for_script(LD, indent=2)
PRE = ("<pre><code>def knead(dough):\n    for fold in range(4):\n        dough.fold()   # rest\n\n"
       "    return dough\n</code></pre>")
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
       'aria-hidden="true">\n  <path d="M12 2 L 22 22 H2 Z" fill="currentColor"/>\n'
       '  <circle cx="12" cy="15" r="3" fill="#fff"></circle>\n</svg>')

PAGE = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{html_text(HOSTILE)}</title>
    <style>
      .brand   {{  color : #7a3e12 ;  }}
    </style>
    <script type="application/ld+json">{LD_SCRIPT}</script>
  </head>
  <body>
    <!-- a comment that goes -->
    <h1>   {html_text(HOSTILE)}   </h1>
    {PRE}
    <p>An icon:   {SVG}   </p>
  </body>
</html>
"""


def test_page_gets_smaller_and_keeps_doctype_head_and_closing_tags():
    out = minify_page(PAGE)
    assert len(out) < len(PAGE) * 0.9
    assert out.lower().startswith("<!doctype html>")
    assert "<head>" in out and "</head>" in out and "</body>" in out
    assert "a comment that goes" not in out
    assert ".brand{color:#7a3e12}" in out


def test_json_ld_is_kept_byte_for_byte():
    out = minify_page(PAGE)
    assert LD_SCRIPT in out
    tree = lxml.html.fromstring(out)
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text) == LD


def test_pre_block_whitespace_is_kept():
    out = minify_page(PAGE)
    assert PRE in out
    tree = lxml.html.fromstring(out)
    assert tree.xpath("//pre/code")[0].text == (
        "def knead(dough):\n    for fold in range(4):\n        dough.fold()   # rest\n\n"
        "    return dough\n")


def test_inline_svg_stays_a_working_svg():
    out = minify_page(PAGE)
    tree = lxml.html.fromstring(out)
    (svg,) = tree.xpath("//svg")
    assert svg.get("viewbox") or svg.get("viewBox")
    assert (svg.get("viewbox") or svg.get("viewBox")) == "0 0 24 24"
    assert [child.tag for child in svg] == ["path", "circle"]
    assert svg[0].get("d").replace(" ", "") == "M122L2222H2Z"
    assert svg[1].get("r") == "3"


def test_escaped_text_stays_escaped():
    out = minify_page(PAGE)
    # <title> is raw text up to "</title": minify-html may unescape "<" there (still safe),
    # but never anywhere that markup is parsed.
    body = out[out.index("</title>"):]
    assert "<script>alert(1)" not in body and "&lt;/script>" in body
    tree = lxml.html.fromstring(out)
    assert tree.xpath("//h1")[0].text_content().strip() == HOSTILE
    assert tree.xpath("//title")[0].text == HOSTILE
    # the only scripts are the JSON-LD one
    assert len(tree.xpath("//script")) == 1


def test_inline_js_is_left_alone_unless_asked():
    page = "<!doctype html><html><head><script>\n  var   answer = 40 + 2 ;\n</script></head><body></body></html>"
    assert "var   answer = 40 + 2 ;" in minify_page(page)
    assert "var   answer" not in minify_page(page, js=True)
