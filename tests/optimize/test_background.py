"""storefront/optimize minifies beside a cold build: a helper process minifies and checks the
pages while MkDocs renders the next ones, and each page's file is rewritten when its minified
text is ready. The site it writes is the one the build process alone writes, byte for byte;
a page that must stay unminified is warned about as before; a file another plugin rewrote
after storefront/optimize keeps that change."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site
from storefront.optimize import background

TEMPLATE = "/*\n  Content-Security-Policy: script-src 'self' {script_hashes}; form-action 'self' {form_origins}\n"
PAGES = {f"p{i}.md": f"# Page {i}\n\nSome text on page {i}, with a [link](p{(i + 1) % 14}.md).\n\n"
                     "<script>var page = %d;</script>\n" % i for i in range(14)}
PAGES["index.md"] = '# Home\n\n<form action="https://list.example/subscribe"></form>\n'
PAGES["gpu.md"] = "# GPU\n\nSet EESSI_<VERSION>_OVERRIDE first.\n\nText after.\n"
PAGES["/deploy/_headers"] = TEMPLATE
ENV = {"SOURCE_DATE_EPOCH": "1767225600"}  # the theme prints the build date: the same in both


def _config(workers: int, hooks: list[str] | None = None) -> dict:
    config = {"theme": {"name": "mkdocs"}, "site_url": "https://bg.example/",
              "plugins": [{"storefront/optimize": {"headers": "deploy/_headers", "workers": workers}}]}
    if hooks:
        config["hooks"] = hooks
    return config


def _minified(page: Path) -> bool:
    return page.read_text(encoding="utf-8").startswith("<!doctype html><html")  # MkDocs writes "<!DOCTYPE html>\n"


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def helper_at_once(monkeypatch):
    """Every page to the helper (a real build sends only the misses after the first few)."""
    monkeypatch.setattr(background, "INLINE_FIRST", 0)
    monkeypatch.setattr(background, "IN_FLIGHT", 3)  # and write back while the build goes on
    submitted = []
    real = background.Minifier.submit
    monkeypatch.setattr(background.Minifier, "submit",
                        lambda self, job, html: submitted.append(job.name) or real(self, job, html))
    return submitted


def test_the_helper_writes_the_same_site(tmp_path, helper_at_once):
    inline = build_site(tmp_path / "inline", PAGES, config=_config(0), env=ENV)
    assert inline.error is None and not helper_at_once
    beside = build_site(tmp_path / "beside", PAGES, config=_config(1), env=ENV)
    assert beside.error is None
    assert len(helper_at_once) == len([name for name in PAGES if name.endswith(".md")])
    assert _files(beside.site) == _files(inline.site)  # every page, and _headers' CSP hashes
    assert _minified(beside.site / "p3/index.html")
    for built in (inline, beside):
        assert [m for m in built.warnings if "gpu.md" in m and "unminified" in m], built.warnings


def test_a_file_rewritten_after_optimize_keeps_the_change(tmp_path, helper_at_once):
    (tmp_path / "p").mkdir()
    (tmp_path / "p/later.py").write_text(
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(-200)\n"
        "def on_post_page(output, page, config):\n"
        "    return output.replace('Some text on page 2,', 'Changed after optimize,')\n", encoding="utf-8")
    built = build_site(tmp_path / "p", PAGES, config=_config(1, hooks=["later.py"]), env=ENV)
    assert built.error is None
    changed = (built.site / "p2/index.html").read_text(encoding="utf-8")
    assert "Changed after optimize," in changed  # not overwritten by the minified text
    assert not _minified(built.site / "p2/index.html")  # left as MkDocs wrote it
    assert _minified(built.site / "p3/index.html")


def test_a_broken_helper_costs_only_time(tmp_path, monkeypatch, helper_at_once):
    from concurrent.futures import Future

    def died(self, job, html):  # the helper process died with this page
        future: Future = Future()
        future.set_exception(RuntimeError("the helper died"))
        self._pending.append((job, future))
        return True

    inline = build_site(tmp_path / "inline", PAGES, config=_config(0), env=ENV)
    monkeypatch.setattr(background.Minifier, "submit", died)
    beside = build_site(tmp_path / "beside", PAGES, config=_config(1), env=ENV)
    assert beside.error is None
    assert _files(beside.site) == _files(inline.site)  # minified in the build process instead


def test_a_helper_that_cannot_take_pages_costs_only_time(tmp_path, monkeypatch, helper_at_once):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:  # a pool whose process died before it took a page (or could not start one)
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, **kwargs):
            pass

    inline = build_site(tmp_path / "inline", PAGES, config=_config(0), env=ENV)
    monkeypatch.setattr(background, "start_pool", lambda workers: Broken())
    beside = build_site(tmp_path / "beside", PAGES, config=_config(1), env=ENV)
    assert beside.error is None and beside.warnings == inline.warnings, beside.warnings
    assert _files(beside.site) == _files(inline.site)
