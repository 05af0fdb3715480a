"""storefront/optimize in real MkDocs builds."""

from __future__ import annotations

import io
import json
import posixpath

import pytest
from PIL import Image

from storefront.optimize.plugin import OptimizePlugin

NOW = {"STOREFRONT_NOW": "2026-11-23T12:00:00+00:00"}


def png(size=(1200, 800), colour=(160, 90, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(size=(640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


FILES = {
    "index.md": "# Home\n\n![Fresh loaf](images/loaf.png)\n\nText.\n\n![Croissant](images/croissant.jpg)\n",
    "shop/cakes.md": (
        "# Cakes\n\n![Cake](../images/loaf.png)\n\n"
        '<p><img src="/images/croissant.jpg" alt="Raw HTML image"></p>\n\n'
        "![Logo](../images/logo.svg)\n"),
    "images/loaf.png": png(),
    "images/croissant.jpg": jpeg(),
    "images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"></svg>',
}
CONFIG = {"theme": "mkdocs", "plugins": ["storefront/optimize"], "site_url": "https://shop.example/"}


def test_images_are_sized_lazy_and_get_webp_variants(site):
    built = site(FILES, config=CONFIG, strict=True, env=NOW)
    assert built.ok, built.error
    assert not built.warnings
    tree = built.html("index.html")
    first, second = tree.xpath('//div[@role="main"]//img')
    assert (first.get("width"), first.get("height")) == ("1200", "800")
    assert first.get("loading") is None
    assert (second.get("width"), second.get("height")) == ("640", "480")
    assert (second.get("loading"), second.get("decoding")) == ("lazy", "async")
    sources = tree.xpath("//picture/source")
    assert len(sources) == 2
    srcset = sources[0].get("srcset")
    assert [entry.split()[1] for entry in srcset.split(", ")] == ["480w", "960w", "1200w"]
    for entry in srcset.split(", "):
        url = entry.split()[0]
        with Image.open(built.site / url) as image:
            assert image.format == "WEBP" and image.width == int(entry.split()[1][:-1])


def test_urls_resolve_from_nested_pages_and_site_paths(site):
    built = site(FILES, config=CONFIG, strict=True, env=NOW)
    tree = built.html("shop/cakes/index.html")
    cake, raw, logo = tree.xpath('//div[@role="main"]//img')
    assert (cake.get("width"), raw.get("width"), logo.get("width")) == ("1200", "640", "64")
    assert logo.get("height") == "32"
    page_dir = "shop/cakes"
    for source in tree.xpath("//picture/source"):
        for entry in source.get("srcset").split(", "):
            target = posixpath.normpath(posixpath.join(page_dir, entry.split()[0]))
            assert (built.site / target).is_file(), target
    # SVG gets no WebP variant
    assert len(tree.xpath("//picture")) == 2


def test_html_is_minified_and_still_parses(site):
    files = dict(FILES)
    ld = {"@context": "https://schema.org", "@type": "Bakery", "name": "Crumb & Co"}
    files["index.md"] += (
        '\n<script type="application/ld+json">' + json.dumps(ld, indent=2) + "</script>\n\n"
        "```\nindented\n    code   stays\n```\n")
    plain = site(files, config={**CONFIG, "plugins": [{"storefront/optimize": {"enabled": False}}]})
    built = site(files, config=CONFIG, strict=True, env=NOW)
    before, after = plain.text("index.html"), built.text("index.html")
    assert "\n    " in before and len(after) < len(before) * 0.85
    tree = built.html("index.html")
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text) == ld
    assert "indented\n    code   stays" in tree.xpath("//pre")[0].text_content()


def test_disabled_plugin_changes_nothing(site):
    built = site(FILES, config={**CONFIG, "plugins": [{"storefront/optimize": {"enabled": False}}]})
    out = built.text("index.html")
    assert "<picture>" not in out and 'loading="lazy"' not in out and "\n    " in out


def test_variants_are_cached_under_the_project_and_reused(site, tmp_path):
    built = site(FILES, config=CONFIG, env=NOW)
    cache = built.root / ".cache" / "storefront" / "optimize"
    cached = sorted(cache.glob("*.webp"))
    assert len(cached) == 3 + 2  # loaf 480/960/1200, croissant 480/640
    stamps = {p: p.stat().st_mtime_ns for p in cached}
    from conftest import build_site

    again = build_site(built.root, None, config=CONFIG, env=NOW)
    assert again.ok
    assert {p: p.stat().st_mtime_ns for p in cache.glob("*.webp")} == stamps


def test_options_switch_each_step_off(site):
    options = {"minify": False, "webp": False, "lazy_loading": False}
    built = site(FILES, config={**CONFIG, "plugins": [{"storefront/optimize": options}]})
    out = built.text("index.html")
    assert "<picture>" not in out and 'loading="lazy"' not in out and "\n    " in out
    assert 'width="1200"' in out
    assert not (built.site / "assets" / "images" / "optimized").exists()


def test_unreadable_image_is_a_warning_naming_the_file(site):
    files = {**FILES, "images/loaf.png": b"not really a png"}
    strict = site(files, config=CONFIG, strict=True, env=NOW)
    assert not strict.ok
    (warning,) = [w for w in strict.warnings if "loaf.png" in w]
    assert "docs/images/loaf.png" in warning and "image" in warning and "replace the file" in warning
    plain = site(files, config=CONFIG, env=NOW)
    assert plain.ok
    widths = [img.get("width") for img in plain.html("index.html").xpath('//div[@role="main"]//img')]
    assert widths == [None, "640"]


def test_missing_and_external_images_are_left_alone(site):
    files = {"index.md": '# Hi\n\n<img src="https://cdn.example/x.png" alt="x">\n\n'
                         '<img src="nowhere.png" alt="y">\n'}
    built = site(files, config=CONFIG, strict=True, env=NOW)
    assert built.ok, built.error
    out = built.text("index.html")
    assert "https://cdn.example/x.png" in out and "<picture>" not in out
    assert any("nowhere.png was not found" in m for m in built.infos)


def test_bad_options_are_rejected_by_mkdocs(site):
    for options, word in (({"quality": 0}, "quality"), ({"widths": [0]}, "widths"),
                          ({"eager_images": -1}, "eager_images"), ({"minify": "yes"}, "minify")):
        built = site(FILES, config={**CONFIG, "plugins": [{"storefront/optimize": options}]})
        assert not built.ok
        assert any(word in m for m in [*built.messages, str(built.error)]), options


def test_runs_after_every_other_plugin():
    assert OptimizePlugin.on_post_page.mkdocs_priority == -100


def test_the_404_page_is_optimized_with_site_absolute_urls(site):
    # The theme's 404 page is served at any missing path, so its URLs stay site-absolute.
    files = {"index.md": "# Home\n", "images/loaf.png": png()}
    config = {"theme": {"name": "material", "font": False, "logo": "images/loaf.png"},
              "site_url": "https://shop.example/docs/", "plugins": ["storefront/optimize"]}
    built = site(files, config=config, strict=True, env=NOW)
    assert built.ok, built.error
    tree = built.html("404.html")
    logos = tree.xpath("//img[contains(@src, 'loaf.png')]")  # header and drawer
    assert logos and all((logo.get("width"), logo.get("height")) == ("1200", "800") for logo in logos)
    assert tree.xpath("//picture/source")
    for source in tree.xpath("//picture/source"):
        for entry in source.get("srcset").split(", "):
            url = entry.split()[0]
            assert url.startswith("/docs/assets/images/optimized/"), url
            assert (built.site / url.removeprefix("/docs/")).is_file()


@pytest.mark.parametrize(("option", "value"), [("inline_css", 9_223_372_036_854_775_808), ("widths", [10**30]),
                                               ("eager_images", 10**20)])
def test_huge_numbers_are_a_config_error_not_a_traceback(site, option, value):
    """Found by the fuzz test: inline_css 2**63 raised OverflowError in the middle of a build."""
    built = site({"index.md": "# Hi\n"}, config={"plugins": [{"storefront/optimize": {option: value}}]})
    assert not built.ok and not isinstance(built.error, OverflowError)
    assert any(f"option '{option}'" in m for m in built.messages), built.messages
