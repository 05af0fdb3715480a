"""storefront/optimize keeps minified pages across builds: an unchanged page is taken from the
cache, a changed page (or changed options) is minified again, entries no build uses are removed,
a page written unminified is checked and warned about in every build, and a broken cache costs
only time."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site
from storefront.optimize.pagecache import Entry, PageCache, code_salt

PAGES = {
    "index.md": "# Home\n\nSome text on the home page.\n",
    "about.md": "# About\n\nWho we are.\n",
}
CONFIG = {"theme": "mkdocs", "site_url": "https://cache.example/", "plugins": ["storefront/optimize"]}


def _entries(root: Path) -> set[str]:
    folder = root / ".cache/storefront/optimize/pages"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _page(root: Path, rel: str) -> str:
    return (root / "site" / rel).read_text(encoding="utf-8")


def test_second_build_takes_unchanged_pages_from_the_cache(tmp_path):
    root = tmp_path / "p"
    first = build_site(root, PAGES, config=CONFIG)
    assert first.error is None
    entries = _entries(root)
    assert len(entries) >= 2  # the two pages (and the theme's 404 page)
    # Plant a marker in every entry: a build that reads the cache writes the marker.
    folder = root / ".cache/storefront/optimize/pages"
    cache = PageCache(folder, "")
    for name in entries:
        assert cache.get(name) is not None
        data = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(data.replace("Who we are.", "FROM THE CACHE"), encoding="utf-8")
    second = build_site(root, PAGES, config=CONFIG)
    assert second.error is None
    assert "FROM THE CACHE" in _page(root, "about/index.html")
    # The theme writes the build time into the home page (a comment), so its key changed: its
    # new entry replaced the old one; the about page's entry was kept.
    assert "Some text on the home page." in _page(root, "index.html")
    assert len(_entries(root)) == len(entries)
    assert len(_entries(root) & entries) == len(entries) - 1


def test_a_changed_page_is_minified_again_and_its_old_entry_removed(tmp_path):
    root = tmp_path / "p"
    build_site(root, PAGES, config=CONFIG)
    entries = _entries(root)
    changed = dict(PAGES, **{"about.md": "# About\n\nWho we are now.\n"})
    built = build_site(root, changed, config=CONFIG)
    assert built.error is None
    assert "Who we are now." in _page(root, "about/index.html")
    after = _entries(root)
    assert len(after) == len(entries)  # the new entries replaced the old ones
    assert after != entries


def test_changed_options_do_not_reuse_entries(tmp_path):
    root = tmp_path / "p"
    build_site(root, PAGES, config=CONFIG)
    entries = _entries(root)
    other = dict(CONFIG, plugins=[{"storefront/optimize": {"minify_js": True}}])
    build_site(root, PAGES, config=other)
    assert not (_entries(root) & entries)
    assert code_salt(True, False) != code_salt(True, True)


def test_a_page_written_unminified_warns_in_every_build(tmp_path):
    root = tmp_path / "p"
    files = dict(PAGES, **{"gpu.md": "# GPU\n\nSet EESSI_<VERSION>_OVERRIDE first.\n\nText after.\n"})
    for _ in range(2):
        built = build_site(root, files, config=CONFIG)
        assert any("gpu.md" in m and "unminified" in m for m in built.warnings), built.warnings


def test_a_corrupt_entry_is_minified_again(tmp_path):
    root = tmp_path / "p"
    build_site(root, PAGES, config=CONFIG)
    expected = _page(root, "about/index.html")
    for path in (root / ".cache/storefront/optimize/pages").iterdir():
        path.write_bytes(b"\xff not an entry")
    built = build_site(root, PAGES, config=CONFIG)
    assert built.error is None and not built.warnings
    assert _page(root, "about/index.html") == expected


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path):
    root = tmp_path / "p"
    blocker = root / ".cache/storefront/optimize/pages"  # a file where the folder would be
    blocker.parent.mkdir(parents=True)
    blocker.write_text("x")
    built = build_site(root, PAGES, config=CONFIG)
    assert built.error is None and not built.warnings
    assert "Who we are." in _page(root, "about/index.html")


def test_put_into_an_unwritable_place_is_silent(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = PageCache(blocker / "pages", "salt")  # a folder below a file cannot be made
    key = cache.key("<p>x</p>")
    cache.put(key, Entry("<p>x"))
    assert cache.get(key) is None


def test_entries_keep_csp_facts_and_unicode(tmp_path):
    cache = PageCache(tmp_path, "salt")
    key = cache.key("<p>é \ud800</p>")
    cache.put(key, Entry("<p>é \ud800", frozenset({"'sha256-x'"}), frozenset()))
    entry = cache.get(key)
    assert entry == Entry("<p>é \ud800", frozenset({"'sha256-x'"}), frozenset())
    assert cache.key("<p>a</p>") != key
    assert PageCache(tmp_path, "other").key("<p>é \ud800</p>") != key
