"""The `_headers` file for Netlify and Cloudflare Pages, with a Content-Security-Policy that
allows exactly the site's own inline scripts.

Themes print small inline scripts (Material: about three a page, varying with the page's
depth), so a strict `script-src 'self'` would break them and `'unsafe-inline'` would allow any
injected script. Instead every inline script of the built site is hashed (after minifying,
so the hash matches the bytes served) and the hashes replace `{script_hashes}` in the
template; the origins the site's forms post to (a newsletter provider) replace
`{form_origins}`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

SCRIPT = re.compile(r"""<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script\s*>""",
                    re.IGNORECASE | re.DOTALL)
FORM = re.compile(r"""<form\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_ATTR = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_TYPE = re.compile(_ATTR.format(name="type"), re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_ACTION = re.compile(_ATTR.format(name="action"), re.IGNORECASE)
_FORM_ORIGINS = re.compile(_ATTR.format(name="data-sf-form-origins"), re.IGNORECASE)
_SOURCE = re.compile(r"^https?://(\*\.)?[A-Za-z0-9.\-]+(:\d{1,5})?$")
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def _value(match: re.Match | None) -> str | None:
    if match is None:
        return None
    return next(g for g in match.groups() if g is not None)


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions (`'sha256-…'`) for every inline script the browser would run."""
    found: set[str] = set()
    if "<script" not in html and "<SCRIPT" not in html:
        return found
    for match in SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = (_value(_TYPE.search(attributes)) or "").strip().lower()
        if kind not in SCRIPT_TYPES:
            continue  # JSON-LD, JSON config, templates: data, never run
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def form_origins(html: str) -> set[str]:
    """Origins of other sites that the page's forms post to (e.g. a newsletter provider), and
    the origins a form says its submission is redirected through (`data-sf-form-origins`,
    space-separated: a provider's confirmation page, a thank-you page on another host).
    Chrome and Safari check `form-action` on every redirect after the POST too."""
    found: set[str] = set()
    if "<form" not in html and "<FORM" not in html:
        return found
    for match in FORM.finditer(html):
        attributes = match.group(1)
        action = _value(_ACTION.search(attributes)) or ""
        parts = urlsplit(action.replace("&amp;", "&"))
        if parts.scheme in ("http", "https") and parts.netloc:
            found.add(f"{parts.scheme}://{parts.netloc}")
        for origin in (_value(_FORM_ORIGINS.search(attributes)) or "").split():
            if _SOURCE.match(origin):  # a CSP host source, nothing that could end the directive
                found.add(origin)
    return found


def render_headers(template: str, script_hashes: Iterable[str], origins: Iterable[str]) -> str:
    """The template with `{script_hashes}` and `{form_origins}` filled in (sorted, so the
    file only changes when the site's scripts or forms do). Comment lines (`#`, which Netlify
    and Cloudflare Pages skip) stay as written: they may name the placeholders."""
    hashes, sources = " ".join(sorted(script_hashes)), " ".join(sorted(origins))
    lines = template.splitlines(keepends=True)
    return "".join(
        line if line.lstrip().startswith("#")
        else line.replace("{script_hashes}", hashes).replace("{form_origins}", sources)
        for line in lines)


_CSP_LINE = re.compile(r"^(\s*Content-Security-Policy:\s*)(.*)$", re.MULTILINE | re.IGNORECASE)


def add_sources(text: str, sources: dict[str, list[str]]) -> str:
    """Allow the origins the site's declared processors need (an analytics provider) in every
    Content-Security-Policy line: appended to the directive, or the directive added with
    `'self'` when the policy has none. Comment lines are left alone; nothing is added twice."""
    if not any(sources.values()):
        return text

    def widen(match: re.Match) -> str:
        parts = [part.strip() for part in match.group(2).split(";")]
        for directive, origins in sources.items():
            if not origins:
                continue
            index = next((i for i, part in enumerate(parts)
                          if part.split(" ", 1)[0].lower() == directive), None)
            if index is None:
                parts.append(" ".join([directive, "'self'", *origins]))
                continue
            words = [word for word in parts[index].split() if word.lower() != "'none'"]
            parts[index] = " ".join(words + [o for o in origins if o not in words])
        return match.group(1) + "; ".join(part for part in parts if part)

    return _CSP_LINE.sub(widen, text)
