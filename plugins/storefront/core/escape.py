"""Escaping, one function per output context.

Every value the suite handles is kept as plain text until the moment it is written, and is
escaped exactly once, by the function for the context it is written into.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup

__all__ = [
    "html_attr",
    "html_text",
    "json_for_script",
    "markup",
    "plain_text",
    "url_path",
    "xml_text",
]


def html_text(value: object) -> str:
    """Escape for HTML element content: `&`, `<`, `>`."""
    text = str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attr(value: object) -> str:
    """Escape for a double- or single-quoted HTML attribute value."""
    return html_text(value).replace('"', "&quot;").replace("'", "&#39;")


def xml_text(value: object) -> str:
    """Escape for XML element content or attributes (sitemaps, feeds)."""
    return html_attr(value).replace("&#39;", "&apos;")


_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_for_script(data: Any, *, indent: int | None = None) -> str:
    """Serialise data as JSON that is safe inside `<script>` (JSON-LD, config blobs).

    `<`, `>` and `&` become `\\u003c`, `\\u003e`, `\\u0026`, so no value can close the
    script element or open a comment; the result is still valid JSON with the same data.
    """
    if indent:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    else:  # one encoder for the build: json.dumps would make a new one per call (per page)
        text = _COMPACT.encode(data)
    for char, replacement in _SCRIPT_UNSAFE.items():
        text = text.replace(char, replacement)
    return text


def url_path(path: str) -> str:
    """Percent-encode a URL's path, query and fragment where a character is not allowed there.

    Existing percent-escapes are kept, so a URL is never encoded twice.
    """
    parts = urlsplit(path)
    safe_path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    safe_query = quote(parts.query, safe="=&%/:?@!$'()*+,;-._~")
    safe_fragment = quote(parts.fragment, safe="%/:?@!$&'()*+,;=-._~")
    return urlunsplit((parts.scheme, parts.netloc, safe_path, safe_query, safe_fragment))


def markup(value: object) -> Markup:
    """Plain text as a Jinja `Markup` object: escaped once, and never again by Jinja."""
    return Markup(html_text(value))


def plain_text(value: object) -> str:
    """The plain text behind a value that may be a `Markup` object (the inverse of `markup`)."""
    if isinstance(value, Markup):
        return value.unescape()
    return "" if value is None else str(value)
