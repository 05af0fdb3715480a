"""The head tags of one page: what they say (`HeadData`), how they are written (`render_head`)
and how the theme's own copies are taken out first (`strip_theme_tags`), so each tag is in
the page exactly once.

Every value is plain text here and escaped once, by `html_text` or `html_attr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.escape import html_attr, html_text
from ..core.images import SocialImage

__all__ = [
    "OWNED_META",
    "VERIFICATION_NAMES",
    "HeadData",
    "SocialImage",
    "render_head",
    "strip_theme_tags",
]


VERIFICATION_NAMES = {
    "google": "google-site-verification",
    "bing": "msvalidate.01",
    "yandex": "yandex-verification",
    "pinterest": "p:domain_verify",
    "facebook": "facebook-domain-verification",
}


@dataclass
class HeadData:
    title: str
    page_title: str
    description: str
    site_name: str
    locale: str
    canonical: str | None = None
    robots: list[str] = field(default_factory=list)
    og_type: str = "website"
    image: SocialImage | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    twitter_site: str | None = None
    twitter_creator: str | None = None
    verification: dict[str, str] = field(default_factory=dict)


def render_head(data: HeadData) -> str:
    """The tags, one per line, in a stable order."""
    escaped: dict[object, str] = {}  # the title and description appear up to four times each

    def _meta(attr: str, key: str, value: object) -> str:
        # `key` is one of this module's constant names: nothing to escape
        text = escaped.get(value)
        if text is None:
            text = escaped[value] = html_attr(value)
        return f'<meta {attr}="{key}" content="{text}">'

    out = [f"<title>{html_text(data.title)}</title>"]
    if data.description:
        out.append(_meta("name", "description", data.description))
    if data.robots:
        out.append(_meta("name", "robots", ", ".join(data.robots)))
    if data.canonical:
        out.append(f'<link rel="canonical" href="{html_attr(data.canonical)}">')

    og: list[tuple[str, str | int | None]] = [("og:title", data.page_title), ("og:description", data.description),
          ("og:url", data.canonical), ("og:site_name", data.site_name),
          ("og:locale", data.locale), ("og:type", data.og_type)]
    image = data.image if data.image is not None and data.image.url else None
    if image is not None:
        og += [("og:image", image.url), ("og:image:width", image.width),
               ("og:image:height", image.height), ("og:image:alt", image.alt),
               ("og:image:type", image.mime)]
    if data.og_type == "article":
        og += [("article:published_time", data.published), ("article:modified_time", data.modified)]
        og += [("article:author", name) for name in data.authors]
        og += [("article:section", data.section)]
        og += [("article:tag", tag) for tag in data.tags]
    out += [_meta("property", key, value) for key, value in og if value not in (None, "")]

    twitter = [("twitter:card", "summary_large_image" if image is not None else "summary"),
               ("twitter:site", data.twitter_site), ("twitter:creator", data.twitter_creator),
               ("twitter:title", data.page_title), ("twitter:description", data.description)]
    if image is not None:
        twitter += [("twitter:image", image.url), ("twitter:image:alt", image.alt)]
    out += [_meta("name", key, value) for key, value in twitter if value not in (None, "")]

    for engine, code in data.verification.items():
        out.append(_meta("name", VERIFICATION_NAMES[engine], code))
    return "\n" + "\n".join(out) + "\n"


# --- taking out the theme's copies -----------------------------------------------------

# meta names and properties this plugin writes; a theme's or another plugin's copy goes.
OWNED_META = frozenset({"description", "robots", *VERIFICATION_NAMES.values()})
_OWNED_PREFIXES = ("og:", "twitter:", "article:")

# One regex finds only the tags to take out, so the head's other tags cost a failed match.
# Quoted attribute values are consumed whole: a ">" or "name=" inside them never counts.
_ANY = r"""(?:[^>"']|"[^"]*"|'[^']*')"""
_OWNED_VALUE = (r"""["']?(?:""" + "|".join(re.escape(name) for name in sorted(OWNED_META))
                + r"""|(?:og|twitter|article):[^"'\s>]*)(?=["'\s/>])["']?""")
_OWNED_TAG = re.compile(
    rf"<meta\b{_ANY}*?\s(?:name|property)\s*=\s*{_OWNED_VALUE}{_ANY}*>[ \t]*\n?"
    rf"""|<link\b{_ANY}*?\srel\s*=\s*["']?canonical(?=["'\s/>])["']?{_ANY}*>[ \t]*\n?""",
    re.I,
)
_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)


def strip_theme_tags(head: str) -> str:
    """Remove `<title>`, the description, robots, canonical, Open Graph, Twitter, article and
    verification tags from a page's `<head>` (the part before `</head>`).

    String work only (no parse): the head holds one `<title>`, and attribute values are quoted.
    """
    opening = _TITLE_OPEN.search(head)
    if opening:
        # The last </title>: a theme printing an unescaped title (`| striptags`) may have put
        # a "</title>" of the user's inside the element.
        end = head.rfind("</title>")
        if end == -1:
            end = head.lower().rfind("</title>")
        if end > opening.start():
            head = head[: opening.start()] + head[end + len("</title>"):].lstrip(" \t\r\n")
    return _OWNED_TAG.sub("", head)
