"""storefront/optimize keeps what rewriting each page's images and stylesheets gave
(`rewrites.py`): a page whose theme output and lookups are unchanged is taken from the page
cache without being rewritten, and a changed image or stylesheet rewrites it again."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from conftest import build_site
from storefront.optimize.pagecache import Entry, PageCache

CONFIG = {"theme": "mkdocs", "site_url": "https://cache.example/", "extra_css": ["extra.css"],
          "plugins": ["storefront/optimize"]}
INDEX = Path(".cache/storefront/optimize/page-rewrites.json")


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


def _files(width: int = 120, css: str = "p:after{content:\"first-rule\"}") -> dict[str, str | bytes]:
    return {"index.md": "# Home\n\nHello.\n", "about.md": "# About\n\n![Our oven](oven.png)\n\nWho we are.\n",
            "oven.png": _png(width, 60), "extra.css": css}


def _about(root: Path) -> str:
    return (root / "site/about/index.html").read_text(encoding="utf-8")


def test_an_unchanged_page_is_taken_from_the_cache_without_rewriting(tmp_path):
    root = tmp_path / "p"
    assert build_site(root, _files(), config=CONFIG).error is None
    records = json.loads((root / INDEX).read_text(encoding="utf-8"))["pages"]
    assert records  # one per page
    # Point the about page's record at a planted page-cache entry: a build that uses the
    # record (and does not rewrite the page) writes that entry.
    cache = PageCache(root / ".cache/storefront/optimize/pages", "")
    about = next(key for key, text in records.items() if any(src == "../oven.png" for src, *_ in json.loads(text)[1]))
    cache.put("planted", Entry("<!doctype html><p>FROM THE RECORD</p>", frozenset(), frozenset()))
    records[about] = json.dumps(["planted", *json.loads(records[about])[1:]])
    (root / INDEX).write_text(json.dumps({"format": 2, "pages": records}), encoding="utf-8")
    assert build_site(root, _files(), config=CONFIG).error is None
    assert "FROM THE RECORD" in _about(root)


def test_a_changed_image_rewrites_the_page_again(tmp_path):
    root = tmp_path / "p"
    build_site(root, _files(width=120), config=CONFIG)
    assert 'width="120"' in _about(root).replace("width=120", 'width="120"')
    built = build_site(root, _files(width=240), config=CONFIG)
    assert built.error is None
    html = _about(root).replace("width=240", 'width="240"')
    assert 'width="240"' in html and 'width="120"' not in html


def test_a_changed_stylesheet_is_inlined_again(tmp_path):
    root = tmp_path / "p"
    build_site(root, _files(css='p:after{content:"first-rule"}'), config=CONFIG)
    assert "first-rule" in _about(root)
    build_site(root, _files(css='p:after{content:"second-rule"}'), config=CONFIG)
    html = _about(root)
    assert "second-rule" in html and "first-rule" not in html


def test_a_damaged_record_file_costs_only_time(tmp_path):
    root = tmp_path / "p"
    build_site(root, _files(), config=CONFIG)
    first = _about(root)
    keys = list(json.loads((root / INDEX).read_text(encoding="utf-8"))["pages"])
    for damage in ("{not json", json.dumps({"format": 2, "pages": {"x": 5}}), json.dumps([1, 2]),
                   json.dumps({"format": 2, "pages": dict(zip(keys, (5, "ab", "[1]"), strict=False))})):
        (root / INDEX).write_text(damage, encoding="utf-8")
        built = build_site(root, _files(), config=CONFIG)
        assert built.error is None and not built.warnings, built.warnings
        assert _about(root) == first
    # every record in the file is one a damaged key cannot break
    for key, record in json.loads((root / INDEX).read_text(encoding="utf-8"))["pages"].items():
        assert len(key) == 40 and len(json.loads(record)) == 4
