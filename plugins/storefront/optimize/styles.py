"""Small stylesheets inlined into the page, so they cost no render-blocking request.

A theme and its plugins often add several small stylesheets (brand colours, a form's layout);
each `<link rel="stylesheet">` is one more round trip before the first paint. Those at most
`limit` bytes long are replaced by a `<style>` element with the same CSS (minified later with
the page). Stylesheets with `url(` or `@import` are left linked: their relative URLs are
relative to the stylesheet, not to the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.escape import html_attr

LINK = re.compile(r"""<link\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(tag[5:-1].rstrip("/")):
        value = next((g for g in match.group(2, 3, 4) if g is not None), "")
        found.setdefault(match.group(1).lower(), value)
    return found


def can_inline(css: str, limit: int) -> bool:
    """True when the stylesheet is small and has no reference resolved against its own URL."""
    lowered = css.lower()
    return (len(css.encode("utf-8")) <= limit and "url(" not in lowered
            and "@import" not in lowered and "</style" not in lowered)


def inline_stylesheets(html: str, read: Callable[[str], str | None],
                       memo: dict[str, tuple[str, str] | None] | None = None) -> tuple[str, int]:
    """The page with each small local stylesheet inlined, and how many were.

    `read(href)` returns the stylesheet's CSS when it may be inlined, else None (external,
    missing, too big). `memo` keeps what each `<link>` tag says (its href and media, or None
    when it is no stylesheet to inline) for the next pages: themes print the same tags on
    every page.
    """
    if "stylesheet" not in html:
        return html, 0
    head_end = html.find("</head>")
    scope = html if head_end == -1 else html[:head_end]
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        tag = match.group(0)
        if memo is not None and tag in memo:
            link = memo[tag]
        else:
            link = _stylesheet_link(tag)
            if memo is not None:
                memo[tag] = link
        css = read(link[0]) if link is not None else None
        if link is None or css is None:
            return tag
        count += 1
        media = link[1]
        opening = f'<style media="{html_attr(media)}">' if media and media != "all" else "<style>"
        return f"{opening}{css}</style>"

    inlined = LINK.sub(replace, scope)
    return (inlined if head_end == -1 else inlined + html[head_end:]), count


def _stylesheet_link(tag: str) -> tuple[str, str] | None:
    """A `<link>` tag's href and media when it links a stylesheet that may be inlined."""
    attributes = _attributes(tag)
    if attributes.get("rel", "").lower() != "stylesheet" or "href" not in attributes:
        return None
    if "integrity" in attributes or "disabled" in attributes:
        return None
    return attributes["href"], attributes.get("media", "")
