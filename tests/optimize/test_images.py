"""The <img> rewriter and the WebP variant store, without MkDocs."""

from __future__ import annotations

import os

import lxml.html
import pytest
from PIL import Image

from storefront.optimize import images
from storefront.optimize.images import (
    ImageFacts,
    PageStats,
    Settings,
    VariantStore,
    displayed_size,
    parse_attributes,
    rewrite_images,
    variant_widths,
)

HEADER = '<header><img src="logo.svg" alt="logo"></header>'


def page(body: str) -> str:
    return f"<!doctype html><html><body>{HEADER}<main><article>{body}</article></main></body></html>"


def facts_for(table):
    calls = []

    def lookup(src, want_variants):
        calls.append((src, want_variants))
        return table.get(src)

    return lookup, calls


def imgs(html):
    return lxml.html.fromstring(html).xpath("//img")


def test_width_and_height_come_from_the_file():
    lookup, _ = facts_for({"a.png": ImageFacts(1200, 800), "logo.svg": ImageFacts(64, 64)})
    out = rewrite_images(page('<p><img src="a.png" alt="A loaf"></p>'), lookup, Settings(webp=False))
    logo, photo = imgs(out)
    assert (logo.get("width"), logo.get("height")) == ("64", "64")
    assert (photo.get("width"), photo.get("height")) == ("1200", "800")
    assert photo.get("alt") == "A loaf"


def test_one_given_dimension_is_completed_by_the_aspect_ratio_and_both_are_kept():
    lookup, _ = facts_for({"a.png": ImageFacts(1200, 800)})
    html = page('<img src="a.png" width="600"><img src="a.png" height="400">'
                '<img src="a.png" width="10" height="10">')
    _, first, second, third = imgs(rewrite_images(html, lookup, Settings(webp=False)))
    assert (first.get("width"), first.get("height")) == ("600", "400")
    assert (second.get("width"), second.get("height")) == ("600", "400")
    assert (third.get("width"), third.get("height")) == ("10", "10")


def test_first_content_image_is_eager_later_ones_lazy_and_header_untouched():
    lookup, _ = facts_for({})
    html = page('<img src="1.png"><img src="2.png"><img src="3.png" loading="eager">')
    logo, first, second, third = imgs(rewrite_images(html, lookup, Settings(webp=False)))
    assert logo.get("loading") is None and logo.get("decoding") is None
    assert first.get("loading") is None
    assert (second.get("loading"), second.get("decoding")) == ("lazy", "async")
    assert (third.get("loading"), third.get("decoding")) == ("eager", "async")


def test_eager_count_is_configurable():
    lookup, _ = facts_for({})
    html = page('<img src="1.png"><img src="2.png"><img src="3.png">')
    loading = [i.get("loading") for i in imgs(rewrite_images(html, lookup, Settings(eager=0)))]
    assert loading == [None, "lazy", "lazy", "lazy"]
    loading = [i.get("loading") for i in imgs(rewrite_images(html, lookup, Settings(eager=2)))]
    assert loading == [None, None, None, "lazy"]


def test_page_without_main_marker_counts_from_the_top():
    lookup, _ = facts_for({})
    out = rewrite_images('<p><img src="1.png"><img src="2.png"></p>', lookup, Settings())
    assert [i.get("loading") for i in imgs(out)] == [None, "lazy"]


def test_webp_variants_wrap_the_image_in_picture():
    lookup, calls = facts_for({"a.png": ImageFacts(1200, 800, [("v/a-480.webp", 480),
                                                               ("v/a-960.webp", 960)])})
    out = rewrite_images(page('<img src="a.png" alt="x">'), lookup, Settings(sizes="100vw"))
    tree = lxml.html.fromstring(out)
    (picture,) = tree.xpath("//picture")
    # (libxml2 knows no <source> as a void element and nests the <img> in it)
    (source,) = picture.xpath("./source")
    (img,) = picture.xpath(".//img")
    assert source.tag == "source" and source.get("type") == "image/webp"
    assert source.get("srcset") == "v/a-480.webp 480w, v/a-960.webp 960w"
    assert source.get("sizes") == "100vw"
    assert img.get("src") == "a.png" and img.get("width") == "1200"
    assert ("a.png", True) in calls


def test_no_variants_when_author_gave_srcset_or_picture():
    lookup, calls = facts_for({"a.png": ImageFacts(1200, 800, [("a.webp", 480)])})
    html = page('<img src="a.png" srcset="a.png 1x"><picture><source srcset="b.avif">'
                '<img src="a.png"></picture>')
    out = rewrite_images(html, lookup, Settings())
    assert out.count("<picture>") == 1 and "a.webp" not in out
    assert ("a.png", True) not in calls


def test_quoted_greater_than_and_entities_in_attributes():
    lookup, _calls = facts_for({"a b&c.png": ImageFacts(10, 20)})
    out = rewrite_images(page('<img alt="1 > 0" src="a b&amp;c.png" />'), lookup, Settings(webp=False))
    img = imgs(out)[1]
    assert img.get("alt") == "1 > 0" and img.get("height") == "20"
    assert out.count("/>") == 1


def test_attribute_parser_keeps_first_duplicate_and_bare_names():
    attributes = parse_attributes('<img src=a.png SRC="b.png" hidden alt=\'x\'>')
    assert attributes == {"src": "a.png", "hidden": None, "alt": "x"}


def test_values_written_are_escaped():
    lookup, _ = facts_for({"a.png": ImageFacts(1, 1, [('x".webp', 1)])})
    out = rewrite_images(page('<img src="a.png">'), lookup, Settings(sizes='"><script>'))
    assert "<script>" not in out and "&quot;" in out


def test_page_without_images_is_returned_as_is():
    html = page("<p>No pictures</p>").replace(HEADER, "")
    assert rewrite_images(html, lambda *a: pytest.fail("no lookup"), Settings()) is html


def test_stats_count_missing_files():
    lookup, _ = facts_for({})
    stats = PageStats()
    rewrite_images(page('<img src="gone.png">'), lookup, Settings(), stats)
    assert stats.images == 2 and "gone.png" in stats.missing and stats.lazy == 0


@pytest.mark.parametrize("original, expected", [
    (1200, [480, 960, 1200]), (2000, [480, 960, 1440]), (300, [300]), (960, [480, 960])])
def test_variant_widths(original, expected):
    assert variant_widths(original, [480, 960, 1440]) == expected


def make_photo(path, size=(1200, 800), colour=(150, 90, 40), mode="RGB"):
    Image.new(mode, size, colour).save(path)
    return path


def test_variant_store_makes_webp_of_each_width_and_reuses_them(tmp_path, monkeypatch):
    photo = make_photo(tmp_path / "loaf.jpg")
    store = VariantStore(tmp_path / "cache", [480, 960, 1440], quality=80)
    variants = store.variants(photo, 1200, 800)
    assert [v.width for v in variants] == [480, 960, 1200]
    for variant in variants:
        with Image.open(variant.file) as image:
            assert image.format == "WEBP"
            assert image.size == (variant.width, variant.height)
    assert variants[0].height == 320
    # A second store (a later build) finds every variant in the cache and encodes nothing.
    monkeypatch.setattr(VariantStore, "_render", lambda *a: pytest.fail("re-encoded"))
    again = VariantStore(tmp_path / "cache", [480, 960, 1440], quality=80).variants(photo, 1200, 800)
    assert [v.name for v in again] == [v.name for v in variants]


def test_changed_content_or_quality_gives_new_names(tmp_path):
    photo = make_photo(tmp_path / "loaf.png")
    store = VariantStore(tmp_path / "cache", [480], quality=80)
    first = store.variants(photo, 1200, 800)[0].name
    make_photo(photo, colour=(10, 200, 10))
    os.utime(photo, ns=(1, 1))  # a new mtime so the digest is read again
    second = store.variants(photo, 1200, 800)[0].name
    third = VariantStore(tmp_path / "cache", [480], quality=60).variants(photo, 1200, 800)[0].name
    assert len({first, second, third}) == 3


def test_palette_and_alpha_images_convert(tmp_path):
    photo = tmp_path / "badge.png"
    Image.new("P", (600, 300), 3).save(photo, transparency=0)
    (variant, _other) = VariantStore(tmp_path / "c", [480, 960], 80).variants(photo, 600, 300)
    with Image.open(variant.file) as image:
        assert image.size == (480, 240) and image.mode in ("RGBA", "RGB")


def test_exif_orientation_swaps_displayed_size(tmp_path):
    photo = tmp_path / "portrait.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° on display
    Image.new("RGB", (400, 300), (1, 2, 3)).save(photo, exif=exif)
    assert displayed_size(photo, 400, 300, "image/jpeg") == (300, 400)
    variants = VariantStore(tmp_path / "c", [200], 80).variants(photo, 300, 400)
    with Image.open(variants[0].file) as image:
        assert image.size == (200, 267)


def test_publish_copies_once(tmp_path):
    photo = make_photo(tmp_path / "a.png", size=(100, 50))
    (variant,) = VariantStore(tmp_path / "c", [480], 80).variants(photo, 100, 50)
    target = tmp_path / "site" / "v" / variant.name
    VariantStore.publish(variant, target)
    assert target.read_bytes() == variant.file.read_bytes()
    stamp = target.stat().st_mtime_ns
    VariantStore.publish(variant, target)
    assert target.stat().st_mtime_ns == stamp
    assert images.content_digest(photo) == images.content_digest(photo)


def test_main_content_is_the_article_after_sidebars():
    lookup, _ = facts_for({})
    html = ('<header><img src="logo.svg"></header><main><nav><img src="avatar.png"></nav>'
            '<article><img src="1.png"><img src="2.png"></article></main>')
    loading = [i.get("loading") for i in imgs(rewrite_images(html, lookup, Settings()))]
    assert loading == [None, None, None, "lazy"]


def test_first_content_image_gets_fetch_priority_unless_told_otherwise():
    lookup, _ = facts_for({})
    html = page('<img src="1.png"><img src="2.png">')
    logo, first, second = imgs(rewrite_images(html, lookup, Settings()))
    assert first.get("fetchpriority") == "high"
    assert logo.get("fetchpriority") is None and second.get("fetchpriority") is None
    _, first, _ = imgs(rewrite_images(html, lookup, Settings(priority=False)))
    assert first.get("fetchpriority") is None
    _, first = imgs(rewrite_images(page('<img src="1.png" loading="lazy">'), lookup, Settings()))
    assert first.get("fetchpriority") is None
    _, first = imgs(rewrite_images(page('<img src="1.png">'), lookup, Settings(eager=0)))
    assert first.get("fetchpriority") is None and first.get("loading") == "lazy"
