"""Facts about image files (size and type), read once per file and version.

Pillow reads only the header to learn the size, so this is cheap; results are cached by path,
modification time and size, so a rebuild in `mkdocs serve` sees a replaced image.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from functools import lru_cache

from PIL import Image, UnidentifiedImageError

_MIME = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "AVIF": "image/avif",
    "BMP": "image/bmp",
    "ICO": "image/x-icon",
}


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    mime: str


class ImageError(ValueError):
    """The file is missing or is not an image Pillow can read."""


def image_info(path: str | os.PathLike) -> ImageInfo:
    """Width, height and MIME type of a raster image file (SVG: read from its attributes)."""
    try:
        stat = os.stat(path)
    except OSError:
        raise ImageError(f"{os.fspath(path)} does not exist") from None
    return _read(os.fspath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _read(path: str, _mtime: int, _size: int) -> ImageInfo:
    if path.lower().endswith(".svg"):
        return _svg_info(path)
    try:
        with Image.open(path) as image:
            return ImageInfo(image.width, image.height, _MIME.get(image.format or "", "application/octet-stream"))
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(f"{path} is not an image that can be read ({error.__class__.__name__})") from None


def _svg_info(path: str) -> ImageInfo:
    import re

    with open(path, "rb") as handle:
        head = handle.read(4096).decode("utf-8", "replace")
    tag = re.search(r"<svg\b[^>]*>", head, re.S)
    width = height = 0
    if tag:
        attrs = tag.group(0)
        w = re.search(r'\bwidth="([\d.]+)(?:px)?"', attrs)
        h = re.search(r'\bheight="([\d.]+)(?:px)?"', attrs)
        box = re.search(r'\bviewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"', attrs)
        if w and h:
            width, height = round(float(w.group(1))), round(float(h.group(1)))
        elif box:
            width, height = round(float(box.group(1))), round(float(box.group(2)))
    return ImageInfo(width, height, "image/svg+xml")


@dataclass(frozen=True)
class SocialImage:
    """The image shown when a page is shared (front matter `image`, the default image, or a
    generated card): storefront/seo sets it on each page, other plugins read it with
    `support.page_image(page)`."""

    url: str | None
    """Absolute URL (None when it cannot be made absolute: no site_url)."""
    width: int | None = None
    height: int | None = None
    mime: str | None = None
    alt: str = ""
    path: str | None = None
    """Site-relative path of a local image (`assets/storefront/cards/about.png`)."""
    source: str = "page"
    """Where it came from: `page` (front matter), `default` (config) or `card` (generated)."""

    def to_dict(self) -> dict:
        return asdict(self)
