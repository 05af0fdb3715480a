"""Named calls to action: reading their definitions, URLs, UTM tags and variants.

Pure: no mkdocs import. The plugin hands in the raw definitions (plugin options and
`seo/ctas.yml`) and gets `Cta` objects and diagnostics naming the file, the line and the fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlsplit

from ..core.clock import ClockError, parse_when
from ..core.diagnostics import Diagnostic, describe
from ..core.secrets import SECRET_FIX, secret_kind
from ..core.urls import clean_text, text_problem
from ..core.urls import url_problem as core_url_problem

__all__ = [
    "STYLES",
    "TEXT_KEYS",
    "Cta",
    "Variant",
    "choose_variant",
    "has_query_key",
    "is_external",
    "line_of",
    "partial_context",
    "read_ctas",
    "url_problem",
    "with_utm",
]

STYLES = ("primary", "secondary")
TEXT_KEYS = ("label", "heading", "text")
CTA_KEYS = ("label", "url", "style", "heading", "text", "until", "campaign", "utm", "variants")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_FILE_SUFFIXES = (".md", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".webp", ".svg", ".ics",
                  ".xml", ".txt", ".json", ".gif", ".zip")


@dataclass(frozen=True)
class Variant:
    """An alternative wording of a CTA, for A/B tests; empty fields keep the CTA's own."""

    id: str
    label: str | None = None
    heading: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Cta:
    id: str
    label: str
    url: str
    style: str = "primary"
    heading: str | None = None
    text: str | None = None
    until: dt.datetime | None = None
    campaign: str | None = None
    utm: bool = True
    variants: tuple[Variant, ...] = ()
    source: str = ""
    line: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def live(self, now: dt.datetime) -> bool:
        """Whether the CTA is still shown at the build's `now` (its `until` not yet reached)."""
        return self.until is None or now < self.until


def partial_context(cta: Cta, variant: Variant | None, overrides: Mapping[str, object],
                    placement: str, site_host: str | None) -> dict[str, object]:
    """What the `cta` partial prints (all but the href): a block's own wording wins over the
    variant's, the variant's over the CTA's."""
    def text(key: str) -> object:
        if isinstance(overrides.get(key), str):
            return overrides[key]
        chosen = getattr(variant, key, None) if variant else None
        return chosen if chosen is not None else getattr(cta, key)

    return {
        "id": cta.id,
        "variant": variant.id if variant else None,
        "external": is_external(cta.url, site_host),
        "label": text("label"),
        "heading": text("heading"),
        "text": text("text"),
        "style": overrides.get("style") if overrides.get("style") in STYLES else cta.style,
        "placement": placement,
    }


def line_of(text: str | None, key: str, after: int = 0) -> int | None:
    """The 1-based line of `key:` in a YAML text, searching from line `after` on."""
    if not text:
        return None
    pattern = re.compile(rf"^\s*-?\s*['\"]?{re.escape(key)}['\"]?\s*:")
    for number, line in enumerate(text.splitlines(), start=1):
        if number > after and pattern.match(line):
            return number
    return None


def url_problem(url: object) -> tuple[str, str] | None:
    """Why a CTA URL cannot be used (problem, fix), or None when it is fine: the suite's URL
    check (a CTA is a link, so mailto: and tel: are allowed), then a host that is a name."""
    example = "write a page of the site like order.md, or a full URL like https://shop.example.com/offers"
    if not isinstance(url, str) or not url.strip():
        return "the URL is empty", example
    why = core_url_problem(url, links=True)
    if why is not None:
        if "user name or password" in why:
            return why, SECRET_FIX
        if "whitespace" in why:
            return why, "encode them as %20 or remove them"
        if "scheme, which" in why or "link, which" in why:
            return why, "use a page of the site, an https URL, mailto: or tel:"
        if "has no scheme" in why:
            return why, "write it with https:// in front"
        if "without https://" in why:
            return why, "write it as https://" + url.split("//")[-1]
        return why, example
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https"):
        host = parts.hostname or ""
        if ("." not in host and host != "localhost") or host.startswith(".") or ".." in host:
            return f"{describe(url)} has no valid host name", example
        return None
    first = parts.path.split("/", 1)[0]
    if not parts.scheme and "." in first and not first.startswith(".") and not first.lower().endswith(
            _FILE_SUFFIXES) and re.fullmatch(r"(?i)(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+", first):
        return f"{describe(url)} looks like a web address without https://", "write it as https://" + url
    return None


def is_external(url: str, site_host: str | None) -> bool:
    """A web link to another site (the only kind that gets UTM tags)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return False
    return not site_host or (parts.hostname or "").lower() != site_host.lower()


def has_query_key(url: str, key: str) -> bool:
    """Whether the URL's query already has `key` (the author's own value is kept)."""
    query = urlsplit(url).query
    return bool(query) and any(name == key for name, _ in parse_qsl(query, keep_blank_values=True))


def with_utm(url: str, params: Mapping[str, str]) -> str:
    """The URL with UTM parameters added to its query; parameters already there are kept.

    Values are percent-encoded (`/` kept, as in a page path); the existing query is kept
    exactly as written.
    """
    head, hash_, fragment = url.partition("#")
    base, _, query = head.partition("?")
    present = {name for name, _ in parse_qsl(query, keep_blank_values=True)} if query else set()
    added = [(key, value) for key, value in params.items() if value and key not in present]
    if not added:
        return url
    extra = "&".join(f"{quote(key, safe='')}={quote(value, safe='/')}" for key, value in added)
    query = f"{query}&{extra}" if query else extra
    return f"{base}?{query}{hash_}{fragment}"


def choose_variant(cta: Cta, page_url: str) -> Variant | None:
    """The CTA's variant for a page: the same page and CTA always get the same one."""
    if not cta.variants:
        return None
    digest = hashlib.sha256(f"{page_url}\n{cta.id}".encode()).digest()
    return cta.variants[int.from_bytes(digest[:8], "big") % len(cta.variants)]


def read_ctas(raw: object, *, source: str, text: str | None, tz: dt.tzinfo,
              key_prefix: str = "") -> tuple[dict[str, Cta], list[Diagnostic]]:
    """CTA definitions (a mapping of id to fields) as `Cta` objects, with every problem."""
    problems: list[Diagnostic] = []
    ctas: dict[str, Cta] = {}
    if raw is None:
        return ctas, problems
    if not isinstance(raw, Mapping):
        problems.append(Diagnostic(source, key_prefix.rstrip(".") or "ctas", "is not a mapping of CTA ids",
                                   "write each CTA as `<id>:` followed by its label and url", line=1))
        return ctas, problems
    for cta_id, fields in raw.items():
        line = line_of(text, str(cta_id))
        key = f"{key_prefix}{cta_id}"

        def problem(sub: str, what: str, fix: str, at: int | None = None,
                    line: int | None = line, key: str = key) -> None:
            found = line_of(text, sub, after=line or 0) if sub and at is None else at
            problems.append(Diagnostic(source, f"{key}.{sub}" if sub else key, what, fix,
                                       line=found or line))

        if not isinstance(cta_id, str) or not _ID.fullmatch(cta_id):
            problem("", f"{describe(cta_id)} is not a CTA id",
                    "use lowercase letters, digits and hyphens, like book-a-visit", at=line)
            continue
        if not isinstance(fields, Mapping):
            problem("", "is not a mapping", "give it at least `label:` and `url:`", at=line)
            continue
        bad = False
        for unknown in [k for k in fields if k not in CTA_KEYS]:
            problem(str(unknown), f"{describe(unknown)} is not a CTA option", f"use {', '.join(CTA_KEYS)}")
            bad = True
        label, url = fields.get("label"), fields.get("url")
        if not isinstance(label, str) or not label.strip():
            problem("label", "is missing" if label is None else f"{describe(label)} is not text",
                    "give the button's words, like label: Book a visit",
                    at=None if "label" in fields else line)
            bad = True
        why = url_problem(url)
        if why:
            problem("url", why[0] if url is not None else "is missing", why[1],
                    at=None if "url" in fields else line)
            bad = True
        style = fields.get("style", "primary")
        if style not in STYLES:
            problem("style", f"{describe(style)} is not a CTA style", "use primary or secondary")
            bad = True
        for text_key in ("heading", "text", "campaign"):
            if fields.get(text_key) is not None and not isinstance(fields.get(text_key), str):
                problem(text_key, f"{describe(fields.get(text_key))} is not text", "write it as text")
                bad = True
        cleaned: dict[str, str] = {}
        for text_key, value in _texts(fields):
            at = line_of(text, text_key.rsplit(".", 1)[-1], after=line or 0) or line
            kind = secret_kind(value)
            if kind:
                problem(text_key, f"this looks like {kind}, which must never be published in a page",
                        SECRET_FIX, at=at)
                bad = True
            elif text_problem(value):
                problem(text_key, text_problem(value) or "", "the character is left out; retype the text or "
                        "paste it as plain text", at=at)
                cleaned[text_key] = clean_text(value)
        utm = fields.get("utm", True)
        if not isinstance(utm, bool):
            problem("utm", f"{describe(utm)} is not true or false", "write utm: false to leave the link untagged")
            bad = True
        until = None
        if fields.get("until") is not None:
            try:
                until = parse_when(fields["until"], tz)
            except ClockError as error:
                problem("until", str(error).split(";")[0], "write the promotion's end like 2026-12-24 or "
                        "2026-12-24 18:00")
                bad = True
        variants, variant_problems = _variants(fields.get("variants"))
        for sub, what, fix in variant_problems:
            problem(sub, what, fix)
            bad = True
        if bad:
            continue
        if cleaned:
            variants = tuple(Variant(v.id, *(cleaned.get(f"variants[{index}].{k}", getattr(v, k))
                                             for k in TEXT_KEYS)) for index, v in enumerate(variants))
        ctas[cta_id] = Cta(
            id=cta_id, label=str(cleaned.get("label", label)).strip(), url=str(url).strip(), style=style,
            heading=cleaned.get("heading", fields.get("heading")), text=cleaned.get("text", fields.get("text")),
            until=until, campaign=cleaned.get("campaign", fields.get("campaign")), utm=utm, variants=variants,
            source=source, line=line,
            extra={"url_line": line_of(text, "url", after=line or 0)})
    return ctas, problems


def _variants(raw: object) -> tuple[tuple[Variant, ...], list[tuple[str, str, str]]]:
    if raw is None:
        return (), []
    fix = "write variants as a list of {id, label, heading, text}, each changing at least one text"
    if not isinstance(raw, list) or not raw:
        return (), [("variants", "is not a list of variants", fix)]
    variants, problems, seen = [], [], set()
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping) or not any(isinstance(item.get(k), str) for k in TEXT_KEYS):
            problems.append(("variants", f"variant {index + 1} changes no label, heading or text", fix))
            continue
        unknown = [k for k in item if k not in ("id", *TEXT_KEYS)]
        if unknown:
            problems.append(("variants", f"variant {index + 1} has unknown option {describe(unknown[0])}", fix))
            continue
        variant_id = str(item.get("id") or (chr(ord("a") + index) if index < 26 else index + 1))
        if variant_id in seen:
            problems.append(("variants", f"two variants have the id {describe(variant_id)}",
                             "give each variant its own id"))
            continue
        seen.add(variant_id)
        variants.append(Variant(variant_id, *(item.get(k) if isinstance(item.get(k), str) else None
                                              for k in TEXT_KEYS)))
    return tuple(variants), problems


def _texts(fields: Mapping) -> list[tuple[str, str]]:
    """(key, text) of every published text of one CTA: label, heading, text, campaign, url and
    each variant's texts."""
    out = [(key, fields[key]) for key in ("label", "heading", "text", "campaign", "url")
           if isinstance(fields.get(key), str)]
    variants = fields.get("variants")
    if isinstance(variants, list):
        for index, item in enumerate(variants):
            if isinstance(item, Mapping):
                out += [(f"variants[{index}].{key}", item[key]) for key in TEXT_KEYS if isinstance(item.get(key), str)]
    return out
