"""Nothing of the original content is lost: fixture sites built without and with the whole
suite (every storefront plugin on) show, on every page, the same visible text, navigation,
link targets and `<pre>` blocks. Only `<head>`, the blocks the suite adds (CTAs, newsletter
forms, business details) and whitespace may differ.

The comparison is bench/content_compare.py's, the script that runs the same check on a real
site folder.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("content_compare", ROOT / "bench" / "content_compare.py")
compare = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("content_compare", compare)
_SPEC.loader.exec_module(compare)  # type: ignore[union-attr]

NOW = {"STOREFRONT_NOW": "2026-11-23T12:00:00+00:00"}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 400), (90, 60, 30)).save(buffer, "PNG")
    return buffer.getvalue()


PAGES = {
    "index.md": (
        "# Welcome & “quotes”\n\nA first paragraph with **bold**, `code` and a [link](guide/setup.md#step-2).\n\n"
        "![A diagram](images/diagram.png)\n\n"
        "| Option | Default |\n|---|---|\n| `size` | 10 |\n"),
    "guide/setup.md": (
        "# Setup\n\n## Step 1\n\nInstall it:\n\n```bash\npip install  thing==1.0\n    indented   line\n```\n\n"
        "## Step 2\n\n!!! note \"Placeholders\"\n"
        "    Set EESSI_<VERSION>_OVERRIDE, then run module show <this module name>.\n\n"
        "    <pre>raw   pre</pre>\n\nBack to [home](../index.md) or <https://example.org/docs>.\n"),
    "guide/reference.md": (
        "# Reference\n\nTerm\n:   A definition with a footnote.[^1]\n\n[^1]: The footnote text.\n\n"
        "- one\n- two\n    - nested `<b>` code\n\n<div markdown>\nRaw *HTML* block.\n</div>\n"),
    "images/diagram.png": b"",
    "blog/index.md": "# Blog\n",
    "blog/posts/first.md": ("---\ndate: 2026-10-01\ncategories: [News]\n---\n\n# First post\n\n"
                            "The opening words.\n\n<!-- more -->\n\nThe rest of the post, with a "
                            "[link](../../guide/setup.md).\n"),
    "blog/posts/second.md": ("---\ndate: 2026-11-02\n---\n\n# Second post\n\nMore words here, "
                             "and code: `x < y`.\n\n```python\nprint('hi')\n```\n"),
}
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              {"toc": {"permalink": True}}, "pymdownx.superfences"]


def _sites(tmp_path: Path, theme: dict, plugins: list) -> tuple[Path, Path]:
    from conftest import build_site

    files = {**PAGES, "images/diagram.png": _png()}
    base = {"site_name": "Docs & Co", "site_url": "https://docs.example/", "theme": theme,
            "markdown_extensions": EXTENSIONS,
            "nav": ["index.md", {"Guide": ["guide/setup.md", "guide/reference.md"]},
                    {"Blog": ["blog/index.md"]}]}
    plain = build_site(tmp_path / "plain", files, config={**base, "plugins": plugins}, env=NOW)
    assert plain.ok, plain.error
    suite_plugins = compare.default_plugins(tmp_path / "data", base["site_url"])
    first, *rest = suite_plugins
    suite = build_site(tmp_path / "suite", files, env=NOW,
                       config={**base, "plugins": [first, *plugins, *rest]})
    assert suite.ok, suite.error
    return plain.site, suite.site


@pytest.mark.parametrize("theme, plugins", [
    ({"name": "material", "font": False}, ["search", {"blog": {"blog_dir": "blog"}}]),
    ({"name": "mkdocs"}, ["search"]),
], ids=["material-blog", "mkdocs"])
def test_every_page_keeps_its_content(tmp_path, theme, plugins):
    plain, suite = _sites(tmp_path, theme, plugins)
    report = compare.compare_sites(plain, suite)
    assert report.pages >= 6
    assert report.ok, "\n".join([report.summary()] + [
        f"{d.page}: {d.kind}: {d.detail}" for d in report.differences])
    # The comparison had something to take out and something to compare.
    setup = (suite / "guide/setup/index.html").read_text(encoding="utf-8")
    assert "sf-cta" in setup and "Get in touch" in setup
    content = compare.page_content((plain / "guide/setup/index.html").read_text(encoding="utf-8"))
    assert "EESSI_" in content.words[content.words.index("Set") + 1]
    assert any("indented   line" in block for block in content.pre)


def test_the_comparison_sees_each_kind_of_loss():
    page = ('<html><head><title>t</title></head><body><nav><a href="a/">A</a></nav>'
            '<p>Some words <a href="x/">here</a></p><pre>  keep   this</pre>'
            '<div class="sf-cta"><p>Added</p></div></body></html>')
    plain = page.replace('<div class="sf-cta"><p>Added</p></div>', "")
    assert compare.compare_pages(plain, page, "p") == []  # the added block is allowed
    assert compare.compare_pages(plain, page.replace("<head><title>t", "<head><title>u"), "p") == []
    changed = {
        "text": page.replace("Some words", "Some"),
        "nav": page.replace(">A</a></nav>", ">B</a></nav>"),
        "links": page.replace('href="x/"', 'href="y/"'),
        "pre": page.replace("  keep   this", " keep this"),
    }
    for kind, after in changed.items():
        assert kind in [d.kind for d in compare.compare_pages(plain, after, "p")], kind
