"""Helpers for the storefront/seo tests: read a built page's head tags."""

from __future__ import annotations

import io

from PIL import Image

SITE_URL = "https://bakery.example/"
HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"
NOW = {"STOREFRONT_NOW": "2026-11-23T12:00:00Z"}


class Head:
    """The tags of one page's <head>, parsed with lxml."""

    def __init__(self, built, path: str):
        self.raw = built.text(path)
        self.doc = built.html(path)

    def titles(self) -> list[str]:
        return [t.text_content() for t in self.doc.xpath("/html/head/title")]

    def meta(self, key: str) -> list[str]:
        """Values of every <meta name=key> or <meta property=key> in <head>."""
        found = self.doc.xpath("/html/head/meta[@name=$k or @property=$k]", k=key)
        return [m.get("content") for m in found]

    def one(self, key: str) -> str:
        values = self.meta(key)
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def canonicals(self) -> list[str]:
        return [link.get("href") for link in self.doc.xpath("/html/head/link[@rel='canonical']")]

    def keys(self) -> list[str]:
        return [m.get("name") or m.get("property") for m in self.doc.xpath("/html/head/meta")
                if m.get("name") or m.get("property")]


def png(width: int, height: int, colour=(200, 120, 40), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, fmt)
    return out.getvalue()
