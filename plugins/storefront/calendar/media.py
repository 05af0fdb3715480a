"""Which media files only unpublished pages use, so they are left out of site_dir too.

A draft's images would otherwise be deployed with the site (and found by anyone guessing a
URL): the files an unpublished page's Markdown or front matter (`image:`) points to are
candidates, and a candidate that no published page links to (in its rendered HTML or as its
front-matter `image`) is not copied. Files nothing points to (used by CSS or a template) are
never touched.

Pure: no mkdocs import.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

__all__ = ["html_targets", "source_targets"]

# Markdown links and images `](x)`, reference definitions `[x]: y`, and HTML attributes.
_MD_REF = re.compile(r"""\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)""", re.M)
_ATTR = re.compile(r"""\b(?:src|href|poster|data)\s*=\s*["']?([^"'\s>]+)|\bsrcset\s*=\s*["']([^"']+)["']""", re.I)
_IMAGE_KEY = re.compile(r"""^image\s*:\s*["']?([^"'\s#]+)""", re.M)


def _local(ref: str) -> str | None:
    parts = urlsplit(ref.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


def source_targets(text: str, src_uri: str) -> set[str]:
    """The docs-relative paths a page's source (Markdown and front matter) points to: each
    relative reference resolved against the page, and against the docs root."""
    base = posixpath.dirname(src_uri)
    refs = [a or b for a, b in _MD_REF.findall(text)]
    refs += [a or b for a, b in _ATTR.findall(text)]
    refs += _IMAGE_KEY.findall(text)
    found: set[str] = set()
    for ref in refs:
        for item in ref.split(","):
            path = _local(item.strip().split(" ")[0])
            if path is None:
                continue
            if path.startswith("/"):
                found.add(posixpath.normpath(path.lstrip("/")))
            else:
                found.add(posixpath.normpath(posixpath.join(base, path)))
                found.add(posixpath.normpath(path))
    return found


def html_targets(html: str, page_url: str) -> set[str]:
    """The site paths (like `assets/x.png`, no leading slash) a rendered page links to."""
    base = "/" + page_url.lstrip("/")
    if not base.endswith("/") and not base.endswith(".html"):
        base += "/"
    found: set[str] = set()
    for single, srcset in _ATTR.findall(html):
        for item in (srcset.split(",") if srcset else [single]):
            path = _local(item.strip().split(" ")[0])
            if path is None:
                continue
            joined = path if path.startswith("/") else posixpath.join(posixpath.dirname(base), path)
            found.add(posixpath.normpath(joined).lstrip("/"))
    return found
