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

from ..core import datafile
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
    "config_lines",
    "has_query_key",
    "is_external",
    "partial_context",
    "read_cta_file",
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


def config_lines(config_text: str | None, plugin: str = "storefront/cta") -> dict[str, int]:
    """The line of every key under the plugin's `ctas` option in mkdocs.yml, keyed as in
    ctas.yml (`book-a-visit.url`)."""
    lines = datafile.key_lines(config_text)
    prefix = re.compile(rf"plugins\[\d+\]\.{re.escape(plugin)}\.ctas")
    found = next((key for key in lines if prefix.fullmatch(key)), None)
    return datafile.subtree(lines, found) if found else {}


def read_cta_file(text: str, *, source: str, tz: dt.tzinfo) -> tuple[dict[str, Cta], list[Diagnostic]]:
    """The CTAs of a `ctas.yml` text (`source` names it in messages)."""
    file = datafile.read(text, source, syntax_fix="fix the indentation or quoting at this line")
    if file.problems:
        return {}, file.problems
    return read_ctas(file.data or {}, source=source, lines=file.lines, tz=tz)


def url_problem(url: object) -> tuple[str, str] | None:
    """Why a CTA URL cannot be used (problem, fix), or None when it is fine: the suite's URL
    check (a CTA is a link, so mailto: and tel: are allowed), then a host that is a name."""
    example = "write a page of the site like order.md, or a full URL like https://shop.example.com/offers"
    if not isinstance(url, str) or not url.strip():
        return "the URL is empty", example
    why = core_url_problem(url, links=True)
    if why is not None:
        return why, _url_fix(why, url, example)
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


_URL_FIXES = (
    ("user name or password", SECRET_FIX),
    ("whitespace", "encode them as %20 or remove them"),
    ("scheme, which", "use a page of the site, an https URL, mailto: or tel:"),
    ("link, which", "use a page of the site, an https URL, mailto: or tel:"),
    ("has no scheme", "write it with https:// in front"),
)


def _url_fix(why: str, url: str, example: str) -> str:
    """The fix for what the suite's URL check says of a CTA URL."""
    for needle, fix in _URL_FIXES:
        if needle in why:
            return fix
    if "without https://" in why:
        return "write it as https://" + url.split("//")[-1]
    return example


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


def read_ctas(raw: object, *, source: str, lines: Mapping[str, int] | None, tz: dt.tzinfo,
              key_prefix: str = "") -> tuple[dict[str, Cta], list[Diagnostic]]:
    """CTA definitions (a mapping of id to fields) as `Cta` objects, with every problem;
    `lines` gives the line of each dotted key (`book-a-visit.url`) where known."""
    problems: list[Diagnostic] = []
    ctas: dict[str, Cta] = {}
    if raw is None:
        return ctas, problems
    if not isinstance(raw, Mapping):
        problems.append(Diagnostic(source, key_prefix.rstrip(".") or "ctas", "is not a mapping of CTA ids",
                                   "write each CTA as `<id>:` followed by its label and url", line=1))
        return ctas, problems
    for cta_id, fields in raw.items():
        reader = _CtaReader(cta_id, source=source, lines=lines or {}, key_prefix=key_prefix)
        cta = reader.read(fields, tz)
        problems += reader.problems
        if cta is not None:
            ctas[cta.id] = cta
    return ctas, problems


class _CtaReader:
    """Reads one CTA definition, key group by key group; each problem names its key and line."""

    def __init__(self, cta_id: object, *, source: str, lines: Mapping[str, int], key_prefix: str):
        self.id, self.source, self.lines = cta_id, source, lines
        self.key = f"{key_prefix}{cta_id}"
        self.line = lines.get(str(cta_id))
        self.problems: list[Diagnostic] = []
        self.refused = False

    def problem(self, sub: str, what: str, fix: str, at: int | None = None) -> None:
        found = self.lines.get(f"{self.id}.{sub}") if sub and at is None else at
        self.problems.append(Diagnostic(self.source, f"{self.key}.{sub}" if sub else self.key, what, fix,
                                        line=found or self.line))

    def read(self, fields: object, tz: dt.tzinfo) -> Cta | None:
        """The CTA, or None when any of its keys is wrong (all of them are reported)."""
        if not isinstance(self.id, str) or not _ID.fullmatch(self.id):
            self.problem("", f"{describe(self.id)} is not a CTA id",
                         "use lowercase letters, digits and hyphens, like book-a-visit", at=self.line)
            return None
        if not isinstance(fields, Mapping):
            self.problem("", "is not a mapping", "give it at least `label:` and `url:`", at=self.line)
            return None
        self._keys(fields)
        self._link(fields)
        self._options(fields)
        cleaned = self._published(fields)
        self._utm(fields)
        until = self._until(fields, tz)
        variants = self._variants(fields, cleaned)
        if self.refused:
            return None
        return Cta(
            id=str(self.id), label=str(cleaned.get("label", fields["label"])).strip(), url=str(fields["url"]).strip(),
            style=fields.get("style", "primary"), heading=cleaned.get("heading", fields.get("heading")),
            text=cleaned.get("text", fields.get("text")), until=until,
            campaign=cleaned.get("campaign", fields.get("campaign")), utm=fields.get("utm", True),
            variants=variants, source=self.source, line=self.line,
            extra={"url_line": self.lines.get(f"{self.id}.url")})

    def _refuse(self, sub: str, what: str, fix: str, at: int | None = None) -> None:
        """A problem that keeps the CTA out of the site."""
        self.problem(sub, what, fix, at)
        self.refused = True

    def _keys(self, fields: Mapping) -> None:
        for unknown in [k for k in fields if k not in CTA_KEYS]:
            self._refuse(str(unknown), f"{describe(unknown)} is not a CTA option", f"use {', '.join(CTA_KEYS)}")

    def _link(self, fields: Mapping) -> None:
        """`label` and `url`, the two keys every CTA needs."""
        label, url = fields.get("label"), fields.get("url")
        if not isinstance(label, str) or not label.strip():
            self._refuse("label", "is missing" if label is None else f"{describe(label)} is not text",
                         "give the button's words, like label: Book a visit",
                         at=None if "label" in fields else self.line)
        why = url_problem(url)
        if why:
            self._refuse("url", why[0] if url is not None else "is missing", why[1],
                         at=None if "url" in fields else self.line)

    def _options(self, fields: Mapping) -> None:
        """`style`, the optional texts' types and `utm`."""
        style = fields.get("style", "primary")
        if style not in STYLES:
            self._refuse("style", f"{describe(style)} is not a CTA style", "use primary or secondary")
        for text_key in ("heading", "text", "campaign"):
            if fields.get(text_key) is not None and not isinstance(fields.get(text_key), str):
                self._refuse(text_key, f"{describe(fields.get(text_key))} is not text", "write it as text")

    def _published(self, fields: Mapping) -> dict[str, str]:
        """Every published text checked for secrets (refused) and control characters (left out):
        the cleaned texts by key."""
        cleaned: dict[str, str] = {}
        for text_key, value in _texts(fields):
            at = self.lines.get(f"{self.id}.{text_key}") or self.line
            kind = secret_kind(value)
            if kind:
                self._refuse(text_key, f"this looks like {kind}, which must never be published in a page",
                             SECRET_FIX, at=at)
            elif text_problem(value):
                self.problem(text_key, text_problem(value) or "", "the character is left out; retype the text "
                             "or paste it as plain text", at=at)
                cleaned[text_key] = clean_text(value)
        return cleaned

    def _utm(self, fields: Mapping) -> None:
        utm = fields.get("utm", True)
        if not isinstance(utm, bool):
            self._refuse("utm", f"{describe(utm)} is not true or false",
                         "write utm: false to leave the link untagged")

    def _until(self, fields: Mapping, tz: dt.tzinfo) -> dt.datetime | None:
        if fields.get("until") is None:
            return None
        try:
            return parse_when(fields["until"], tz)
        except ClockError as error:
            self._refuse("until", error.problem, "write the promotion's end like 2026-12-24 or "
                         "2026-12-24 18:00")
            return None

    def _variants(self, fields: Mapping, cleaned: Mapping[str, str]) -> tuple[Variant, ...]:
        variants, variant_problems = _variants(fields.get("variants"))
        for sub, what, fix in variant_problems:
            self._refuse(sub, what, fix)
        if cleaned:
            variants = tuple(Variant(v.id, *(cleaned.get(f"variants[{index}].{k}", getattr(v, k))
                                             for k in TEXT_KEYS)) for index, v in enumerate(variants))
        return variants


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
