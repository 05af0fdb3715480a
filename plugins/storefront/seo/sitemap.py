"""sitemap.xml from the pages actually built: canonical URLs, lastmod from the page's own dates."""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from ..core.escape import xml_text

__all__ = ["SitemapEntry", "gzip_bytes", "render_sitemap"]


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None


def render_sitemap(entries: list[SitemapEntry]) -> str:
    """A sitemaps.org urlset; each URL once, in the order given."""
    seen: set[str] = set()
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for entry in entries:
        if entry.loc in seen:
            continue
        seen.add(entry.loc)
        out.append("  <url>")
        out.append(f"    <loc>{xml_text(entry.loc)}</loc>")
        if entry.lastmod:
            out.append(f"    <lastmod>{xml_text(entry.lastmod)}</lastmod>")
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def gzip_bytes(text: str) -> bytes:
    """Gzipped UTF-8 with a fixed timestamp, so the same sitemap gives the same bytes."""
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
