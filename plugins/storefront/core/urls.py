"""Checks of URLs written by users (front matter `canonical` and `image`, data files)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["url_problem"]

_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                   r"[A-Za-z0-9])?\.?$|^\[[0-9A-Fa-f:.]+\]$")


def url_problem(value: str, *, path_spaces: bool = False) -> str | None:
    """Why `value` is not a usable http(s) URL or site path, or None when it is fine.

    Accepted: `https://example.com/page/`, `/blog/post/`, `images/card.png` (and, with
    `path_spaces`, a file path with spaces such as `images/shop front.jpg`).
    """
    spaces_ok = path_spaces and "://" not in value
    if not value or any(ord(ch) < 32 for ch in value) or (
            not spaces_ok and any(ch.isspace() for ch in value)):
        return f'"{value}" contains spaces or control characters'
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        return f'"{value}" is not a URL ({error})'
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https"):
            return f'"{value}" is not an http(s) URL or a path on this site'
        if not parts.netloc or not parts.hostname or not _HOST.match(parts.hostname):
            return f'"{value}" has no valid host name'
        return None
    if re.match(r"^[^/?#]*:?//", value) and not value.startswith("//"):
        return f'"{value}" has a malformed scheme'
    if value.startswith("//"):
        return f'"{value}" has no scheme'
    if re.match(r"^www\.[^/]+\.[a-z]{2,}", value, re.I):
        return f'"{value}" looks like a domain without https://'
    return None
