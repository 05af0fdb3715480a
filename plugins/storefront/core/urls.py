"""The one check of URLs written by users, for the whole suite.

Every URL-typed value the suite reads (plugin options, page front matter, the data files
seo/business.yml, seo/ctas.yml and seo/calendar.yml) goes through `url_problem` (or
`check_url`, which words the message): only `http(s)://` addresses with a valid host and
paths on the site are accepted, plus `mailto:` and `tel:` where the value is a link a visitor
clicks (`links=True`). Refused everywhere: other schemes (`javascript:`, `data:`,
`vbscript:`, `file:`), protocol-relative `//host` (and `\\host`, which browsers read the
same way), credentials in the address (`user:password@`), whitespace and control
characters. Text that is not a URL goes through `text_problem`/`clean_text` (control
characters) and locales through `locale_problem`.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import SplitResult, urlsplit

from .diagnostics import Diagnostic, describe

__all__ = [
    "LINK_SCHEMES",
    "check_url",
    "clean_text",
    "locale_problem",
    "page_address",
    "relative_path",
    "text_problem",
    "url_fix",
    "url_problem",
]

LINK_SCHEMES = ("mailto", "tel")

_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                   r"[A-Za-z0-9])?\.?$|^\[[0-9A-Fa-f:.]+\]$")
# Bidirectional overrides and isolates: they make a link read differently from where it goes.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _ip6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True


def _bad_char(value: str, *, spaces: bool) -> str | None:
    for char in value:
        category = unicodedata.category(char)
        if char in _BIDI:
            return "a text-direction control character"
        if category == "Cc" and char not in "\t\n\r":
            return f"a control character (U+{ord(char):04X})"
        if char.isspace():
            if spaces and char == " ":
                continue
            return "spaces or other whitespace"
        if category in ("Cs", "Co", "Cn") or char in "\ufeff\u200b\u2060":
            return "an invisible character"
    return None


def url_problem(value: object, *, links: bool = False, path_spaces: bool = False,
                relative: bool = True) -> str | None:
    """Why `value` is not a URL the suite may publish, or None when it is fine.

    Accepted: `https://example.com/page/`, `/blog/post/`, `images/card.png`, `#top`, `?q=1`;
    with `links`, also `mailto:hello@example.com` and `tel:+18025550142`; with
    `path_spaces`, a file path with spaces (`images/shop front.jpg`); without `relative`,
    only absolute http(s) URLs (and, with `links`, mailto:/tel:).
    """
    if not isinstance(value, str):
        return f"{describe(value)} is not text"
    if not value:
        return "is empty"
    is_path = "://" not in value and ":" not in value.split("/", 1)[0]
    bad = _bad_char(value, spaces=path_spaces and is_path)
    if bad:
        return f"{describe(value)} contains {bad}"
    if "\\" in value:
        return f"{describe(value)} contains a backslash (browsers read it as /)"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        return f"{describe(value)} is not a URL ({error})"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return _web_problem(value, parts)
    if scheme in LINK_SCHEMES:
        return _link_problem(value, parts, scheme) if links else \
            f"{describe(value)} is a {scheme}: link, which cannot be used here"
    if scheme:
        return (f"{describe(value)} uses the {scheme}: scheme, which is refused: "
                "it is not an http(s) URL or a path on this site")
    return _relative_problem(value, relative)


def _web_problem(value: str, parts: SplitResult) -> str | None:
    """An http(s) URL: a valid host name, no user name or password."""
    if not parts.netloc or not parts.hostname or not (_HOST.match(parts.hostname) or _ip6(parts.hostname)):
        return f"{describe(value)} has no valid host name"
    if "@" in parts.netloc:
        return f"{describe(value)} has a user name or password in it (before the @)"
    return None


def _link_problem(value: str, parts: SplitResult, scheme: str) -> str | None:
    """A mailto: or tel: link: an address, a telephone number."""
    if not parts.path.strip():
        return f"{describe(value)} has no {'address' if scheme == 'mailto' else 'number'}"
    if scheme == "tel" and not re.fullmatch(r"\+?[0-9().\-]{3,}", parts.path):
        return f"{describe(value)} is not a telephone number"
    return None


def _relative_problem(value: str, relative: bool) -> str | None:
    """A value without a scheme: a path on this site, not a web address missing its https://."""
    if value.startswith("//"):
        return f"{describe(value)} has no scheme (it starts with //, which links to another site)"
    if not relative:
        return f"{describe(value)} is not an absolute URL"
    if re.match(r"(?i)^[a-z][a-z0-9+.-]{1,9}:?//", value):
        return f"{describe(value)} looks like a web address without https://"
    if re.match(r"^[^/?#]*:?//", value):
        return f"{describe(value)} has a malformed scheme"
    if re.match(r"(?i)^www\.[^/]+\.[a-z]{2,}", value):
        return f"{describe(value)} looks like a web address without https://"
    return None


def url_fix(*, links: bool = False, relative: bool = True, image: bool = False) -> str:
    """How to write a URL that `url_problem` accepts, for a message's fix."""
    if image:
        return "write a path to an image in the docs folder (images/card.png) or an https:// URL"
    options = ["an https:// address like https://example.com/page/"]
    if relative:
        options.insert(0, "a page of the site (about.md or /about/)")
    if links:
        options.append("mailto:name@example.com or tel:+15551234567")
    return "write " + (", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0])


def check_url(value: object, *, file: str, key: str, line: int | None = None, links: bool = False,
              path_spaces: bool = False, relative: bool = True, image: bool = False,
              fix: str | None = None) -> Diagnostic | None:
    """`url_problem` as one message naming the file, line, key and fix; None when fine."""
    problem = url_problem(value, links=links, path_spaces=path_spaces, relative=relative)
    if problem is None:
        return None
    return Diagnostic(file, key, problem, fix or url_fix(links=links, relative=relative, image=image), line)


# Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) other than tab and
# line breaks, and the text-direction controls: what text_problem looks for, as one search.
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


def text_problem(value: str) -> str | None:
    """Why a line of text cannot be published as written (control characters), or None."""
    if _UNPUBLISHABLE.search(value) is None:
        return None
    for char in value:
        if char in "\n\t\r":
            continue
        if unicodedata.category(char) == "Cc":
            return f"contains a control character (U+{ord(char):04X})"
        if char in _BIDI:
            return f"contains a text-direction control character (U+{ord(char):04X})"
    return None


def clean_text(value: str) -> str:
    """Text without control characters (tabs and newlines kept) and text-direction
    overrides, safe to publish."""
    if text_problem(value) is None:
        return value
    return "".join(char for char in value if char in "\n\t\r"
                   or (unicodedata.category(char) != "Cc" and char not in _BIDI))


_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?(?:[_-](?:[A-Za-z]{2}|[0-9]{3}))?$")


def locale_problem(value: object) -> str | None:
    """Why `value` is not a language or locale tag (`en`, `en_GB`, `pt-BR`, `zh_Hant_TW`)."""
    if not isinstance(value, str) or not _LOCALE.match(value.strip()):
        return f"{describe(value)} is not a locale"
    return None


def page_address(site_url: str, page: str) -> str:
    """The address MkDocs gives a Markdown page with directory URLs (the default), as a path
    from the site's root: `contact.md` -> `/contact/`, `blog/index.md` -> `/blog/`."""
    base = urlsplit(site_url).path.rstrip("/")
    path = page.lstrip("/")[: -len(".md")]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    elif path:
        path += "/"
    return f"{base}/{path}"


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for two normalised paths from the same root (both
    absolute, or both relative, with no `..`), by string work: relpath looks up the working
    directory on every call, which shows when it runs for every page."""
    target = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    shared = 0
    for mine, theirs in zip(target, base, strict=False):
        if mine != theirs:
            break
        shared += 1
    parts = [".."] * (len(base) - shared) + target[shared:]
    return "/".join(parts) if parts else "."
