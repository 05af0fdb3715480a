"""storefront/optimize never changes a document's structure: the element tree a browser
builds from the minified page is the one it builds from the page as written.

The pages that broke were real: EESSI's docs write placeholders such as
`EESSI_<VERSION>_NVIDIA_OVERRIDE` and `module show <this module name>` in prose; Python-Markdown
passes them through as raw HTML, and minify-html, which does not read unknown elements as a
browser does, dropped `</p>`, `</div>` and `</article>`, so the footer moved into the content.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from storefront.optimize.minify import minify_page
from storefront.optimize.structure import document_shape, same_document

PLACEHOLDERS = (
    "# Drivers\n\n"
    '!!! tip "One set of drivers per EESSI version"\n'
    "    Set EESSI_<VERSION>_NVIDIA_OVERRIDE instead of the default location.\n\n"
    "To see what a module sets, run module show <this module name> in a shell.\n\n"
    "Text after.\n")
CONFIG = {"theme": "material", "markdown_extensions": ["admonition"],
          "plugins": ["storefront/optimize"], "site_url": "https://docs.example/"}


def _in_article(html: str, selector: str) -> bool:
    tree = LexborHTMLParser(html)
    node = tree.css_first(selector)
    assert node is not None, selector
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def test_minify_html_alone_breaks_such_a_page():
    # The hazard the check guards against (if minify-html ever reads these as a browser
    # does, this test tells us the check has become a safety net only).
    page = ("<!doctype html><html><head><title>x</title></head><body><article>"
            "<div class=note><p>EESSI_<VERSION>_OVERRIDE</p></div></article>"
            "<footer>F</footer></body></html>")
    assert not same_document(page, minify_page(page))


def test_shape_ignores_whitespace_attributes_comments_and_code():
    page = ('<!doctype html><html><head><style>  a { color : red ; }  </style>'
            '<script type="text/javascript">var  a = 1 ;</script></head>'
            '<body>\n  <!-- note -->\n  <p class="a  b" title=x>Some   <b>bold</b> text</p>\n'
            '<form method="get" action=""><input type="text" name=q></form></body></html>')
    assert same_document(page, minify_page(page))
    assert document_shape(page) == document_shape(minify_page(page, css=True, js=True))


def test_shape_sees_a_moved_element():
    a = "<body><article><p>x</p></article><footer>f</footer></body>"
    b = "<body><article><p>x</p><footer>f</footer></article></body>"
    assert not same_document(a, b)
    assert not same_document("<p>one two</p>", "<p>one three</p>")


def test_page_with_placeholders_keeps_its_layout(site):
    plain = site({"index.md": PLACEHOLDERS},
                 config={**CONFIG, "plugins": [{"storefront/optimize": {"enabled": False}}]})
    built = site({"index.md": PLACEHOLDERS}, config=CONFIG)
    assert built.ok, built.error
    out = built.text("index.html")
    assert not _in_article(out, "footer")
    assert same_document(plain.text("index.html"), out)
    (warning,) = [w for w in built.warnings if "minif" in w]
    assert "docs/index.md" in warning and "<version>" in warning.lower()
    assert "backticks" in warning


def test_strict_build_fails_on_such_a_page(site):
    built = site({"index.md": PLACEHOLDERS}, config=CONFIG, strict=True)
    assert not built.ok


def test_pages_that_keep_their_structure_are_minified_without_a_word(site):
    files = {"index.md": "# Home\n\n!!! note\n    Plain `<VERSION>` in code is fine.\n\n"
                         "<div markdown>\n**Bold** in raw HTML.\n</div>\n"}
    built = site(files, config={**CONFIG, "markdown_extensions": ["admonition", "md_in_html"]},
                 strict=True)
    assert built.ok, built.error
    assert not built.warnings
    assert "\n    " not in built.text("index.html")  # minified


def test_closing_br_is_read_as_browsers_do_and_minified(site):
    # `</br>` is a <br> to a browser (the HTML standard says so) and nothing to minify-html:
    # it is written <br> before minifying, so the line break stays and the page is minified.
    # Inside a script it is text and stays as written.
    page = ('# Logo\n\n<img src="logo.png" alt="Logo"></br>\nText under it.\n\n'
            '<script>var tag = "</br>";</script>\n')
    built = site({"index.md": page}, config=CONFIG, strict=True)
    assert built.ok, built.error
    assert not [w for w in built.warnings if "minif" in w]
    out = built.text("index.html")
    assert "\n    " not in out  # minified
    assert LexborHTMLParser(out).css_first("article br") is not None
    assert 'var tag = "</br>";' in out


# --- the comparison itself, checked against a plain walk of both trees ------------------


TAGS = ["p", "div", "span", "b", "article", "footer", "li", "ul", "table", "td", "tr", "pre",
        "VERSION", "this", "my-card", "br", "a", "code", "style", "script"]
TEXT = st.sampled_from(["x", " y ", "a  b", "\n", "<", "&amp;", "z", ""])
PIECE = st.one_of(
    TEXT,
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(['<p class="a  b">', "<a href=x>", "<!-- c -->", "<this module name>"]),
)


def _walk(node, out):
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            if node.tag not in ("script", "style"):
                out.append("".join((child.text_content or "").split()))
        elif child.tag == "-comment":
            continue
        else:
            out.append(f"<{child.tag}>")
            _walk(child, out)
            out.append(f"</{child.tag}>")
    return out


def _tree(html: str) -> str:
    text = "".join(_walk(LexborHTMLParser(html).root, []))
    return text.replace("<p></p>", "")


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECE, max_size=25))
def test_shape_agrees_with_a_walk_of_the_tree(pieces):
    page = "<!doctype html><html><head><title>t</title></head><body>" + "".join(pieces) + \
           "<footer>f</footer></body></html>"
    minified = minify_page(page)
    assert same_document(page, minified) == (_tree(page) == _tree(minified))
