"""core/images.py: size and type read from the real file, cached by file version."""

from __future__ import annotations

import os

import pytest
from PIL import Image

from storefront.core.images import ImageError, image_info


@pytest.mark.parametrize("fmt, mime", [("PNG", "image/png"), ("JPEG", "image/jpeg"),
                                       ("GIF", "image/gif"), ("WEBP", "image/webp")])
def test_raster_formats(tmp_path, fmt, mime):
    path = tmp_path / f"x.{fmt.lower()}"
    Image.new("RGB", (321, 123), (10, 20, 30)).save(path, fmt)
    info = image_info(path)
    assert (info.width, info.height, info.mime) == (321, 123, mime)


def test_extension_does_not_decide_the_type(tmp_path):
    path = tmp_path / "photo.png"
    Image.new("RGB", (10, 20)).save(path, "JPEG")
    assert image_info(path).mime == "image/jpeg"


def test_svg_size_from_attributes_or_viewbox(tmp_path):
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="60"/>')
    (tmp_path / "b.svg").write_text('<svg viewBox="0 0 300 150" xmlns="http://www.w3.org/2000/svg"></svg>')
    assert (image_info(tmp_path / "a.svg").width, image_info(tmp_path / "a.svg").height) == (120, 60)
    info = image_info(tmp_path / "b.svg")
    assert (info.width, info.height, info.mime) == (300, 150, "image/svg+xml")


def test_replaced_file_is_read_again(tmp_path):
    path = tmp_path / "x.png"
    Image.new("RGB", (10, 10)).save(path)
    assert image_info(path).width == 10
    Image.new("RGB", (40, 10)).save(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert image_info(path).width == 40


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(ImageError, match="does not exist"):
        image_info(tmp_path / "nope.png")
    (tmp_path / "fake.png").write_text("not an image")
    with pytest.raises(ImageError, match="is not an image that can be read"):
        image_info(tmp_path / "fake.png")
