"""The signup form: a provider's contract resolved against the site's options.

`resolve` checks the `form` options against the provider's table entry (ids, URL patterns,
secrets) and returns a `Contract`; `form_context` turns a contract plus per-form options into
the plain values the `newsletter.html` partial prints (autoescaped there, once).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit

from ..core.diagnostics import Diagnostic, describe
from ..core.params import UUID
from ..core.secrets import SECRET_FIX, SECRET_NAMES, secret_kind
from ..core.urls import url_problem
from .providers import CUSTOM_FIELDS, PROVIDERS, Provider

__all__ = ["LOOPBACK", "Contract", "check_values", "origin_of", "resolve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-\[\]\.]{0,99}")


@dataclass
class Contract:
    """What the form posts, for one site: action, method and every field name."""

    provider: str
    action: str
    method: str
    email: str
    first_name: str | None
    honeypot: str | None
    consent: str | None
    consent_value: str
    redirect: str | None
    tags: str | None
    tags_join: str | None
    tag_pattern: str | None
    tag_example: str
    interests: str | None
    hidden: list[tuple[str, str]] = field(default_factory=list)
    form_attrs: list[tuple[str, str]] = field(default_factory=list)
    uses_site_action: bool = False  # Netlify: the action is the site's own thank-you page
    double_opt_in: bool = False  # the provider's documented default (the plugin option may change it)
    collects: str = "subscribers"  # or "entries" (Formspree, Netlify: form entries, not a list)
    redirect_origins: list[str] = field(default_factory=list)  # origins the flow redirects through

    @property
    def new_tab(self) -> bool:
        return ("target", "_blank") in self.form_attrs

    def origins(self, *redirect_urls: str | None) -> list[str]:
        """Every origin a submission may navigate to (CSP `form-action`): the action's, the
        provider's confirmation hosts, and the thank-you page's when it is sent or configured."""
        found: list[str] = []
        for url in (self.action, *redirect_urls):
            origin = origin_of(url or "")
            if origin and origin not in found:
                found.append(origin)
        for origin in self.redirect_origins:
            if origin not in found:
                found.append(origin)
        return found


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return ""


def _problem(source: str, key: str, problem: str, fix: str) -> Diagnostic:
    return Diagnostic(file=source, key=key, problem=problem, fix=fix)


def _secret_problem(source: str, key: str, kind: str) -> Diagnostic:
    return _problem(source, key, f"this looks like {kind}, which must never be published in a page",
                    SECRET_FIX + "; a signup form needs only the public form ids from the provider's embed code")


def resolve(provider_name: str, options: Mapping[str, object], *,
            source: str = "mkdocs.yml", prefix: str = "plugins.storefront/newsletter.form"
            ) -> tuple[Contract | None, list[Diagnostic]]:
    """The provider's contract with the site's `form` options filled in, or None and why not."""
    provider = PROVIDERS[provider_name]
    problems: list[Diagnostic] = []
    known = {param.name for param in provider.params}
    if provider.name == "custom":
        known |= set(CUSTOM_FIELDS)
    values: dict[str, str] = {}

    refused = {option: (problem, fix) for option, problem, fix in provider.refused}
    refused_keys = {f"{prefix}.{option}" for option in refused}
    for key, raw in options.items():
        value, problem = _read_option(provider, known, refused, key, raw, source=source, prefix=prefix)
        if problem is not None:
            problems.append(problem)
        elif value is not None:
            values[key] = value
    problems += _missing(provider, values, problems, refused_keys, source=source, prefix=prefix)

    if provider.name == "custom":
        problems += _check_custom(options, values, source, prefix)
    if problems:
        return None, problems
    return _contract(provider, values, options), []


def _read_option(provider: Provider, known: set[str], refused: Mapping[str, tuple[str, str]], key: str,
                 raw: object, *, source: str, prefix: str) -> tuple[str | None, Diagnostic | None]:
    """One `form` option: its value, or the problem with it (or neither: an option checked
    elsewhere, or refused and stated off)."""
    where = f"{prefix}.{key}"
    if key in refused:
        if key == "recaptcha" and raw in (False, "false", "off", "no", None):
            return None, None  # stated off: nothing to refuse
        return None, _problem(source, where, *refused[key])
    if provider.name == "custom" and key in ("redirect_origins", "new_tab", "hidden"):
        return None, None  # checked by _check_custom
    if SECRET_NAMES.search(str(key)) and key not in known:
        return None, _problem(source, where, f"{provider.label} forms take no `{key}` option",
                              "remove it: a signup form needs no API key, token or password, "
                              "only the public ids from the provider's embed code")
    if isinstance(raw, (dict, list)) or raw is None:
        return None, _problem(source, where, f"{describe(raw)} is not a single value", "write it as one string")
    value = str(raw).strip()
    param = next((p for p in provider.params if p.name == key), None)
    kind = secret_kind(value, uuid_expected=bool(param and UUID in param.pattern),
                       hex_expected=bool(param and "0-9a-f" in param.pattern and provider.name != "custom"),
                       entropy=param is None)
    if kind:
        return None, _secret_problem(source, where, kind)
    if key not in known:
        return None, _problem(source, where, f"{provider.label} forms take no `{key}` option",
                              f"use {', '.join(sorted(known))}")
    if param is not None and not param.matches(value):
        return None, _problem(source, where, f"{describe(value)} is not a valid {provider.label} {key}",
                              f"copy {param.where} from the embed code, like {param.example}")
    return value, None


def _missing(provider: Provider, values: Mapping[str, str], problems: list[Diagnostic],
             refused_keys: set[str], *, source: str, prefix: str) -> list[Diagnostic]:
    """A required option not given (and not already reported)."""
    return [_problem(source, f"{prefix}.{param.name}", f"{provider.label} needs `{param.name}`",
                     f"set it to {param.where}, like {param.example}")
            for param in provider.params
            if param.required and param.name not in values
            and not any(d.key == f"{prefix}.{param.name}" or d.key in refused_keys for d in problems)]


def _check_custom(options: Mapping[str, object], values: dict[str, str], source: str,
                  prefix: str) -> list[Diagnostic]:
    """A custom endpoint: its action, method and field names, the origins it redirects to,
    new_tab and the hidden fields (never a credential)."""
    problems: list[Diagnostic] = []
    action = values.get("action")
    if action:
        problems += _check_action(action, source, f"{prefix}.action")
    method = values.get("method", "post").lower()
    if method not in ("post", "get"):
        problems.append(_problem(source, f"{prefix}.method", f"{describe(method)} is not post or get",
                                 "use post (what signup endpoints expect)"))
    for key in ("email", "first_name", "tags", "honeypot", "consent", "redirect"):
        if key in values and not _FIELD_NAME.fullmatch(values[key]):
            problems.append(_problem(source, f"{prefix}.{key}", f"{describe(values[key])} is not a field name",
                                     "use the name attribute from the provider's embed code, like email"))
    problems += _check_origins(options.get("redirect_origins", []), source, f"{prefix}.redirect_origins")
    if options.get("new_tab") not in (None, True, False):
        problems.append(_problem(source, f"{prefix}.new_tab", f"{describe(options.get('new_tab'))} is not "
                                 "true or false", "write new_tab: true when the endpoint answers with JSON"))
    problems += _check_hidden(options.get("hidden", {}), source, f"{prefix}.hidden")
    return problems


def _is_secure(parts: SplitResult) -> bool:
    """https, or http to this machine (a local test endpoint)."""
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)


def _check_action(action: str, source: str, key: str) -> list[Diagnostic]:
    why = url_problem(action, relative=False)
    if why:
        return [_problem(source, key, why, "write it like https://forms.example.com/subscribe")]
    if not _is_secure(urlsplit(action)):
        return [_problem(source, key, f"{describe(action)} is not an https URL",
                         "use the provider's https form endpoint, like "
                         "https://forms.example.com/subscribe (http only for 127.0.0.1)")]
    return []


def _check_origins(origins: object, source: str, key: str) -> list[Diagnostic]:
    if isinstance(origins, str):
        origins = [origins]
    if not isinstance(origins, list):
        return [_problem(source, key, "is not a list",
                         "list the origins the endpoint redirects to, like [https://forms.example.com]")]
    problems = []
    for index, origin in enumerate(origins):
        parts = urlsplit(str(origin))
        if not _is_secure(parts) or not parts.netloc or parts.path not in ("", "/") or parts.query \
                or "@" in parts.netloc:
            problems.append(_problem(source, f"{key}[{index}]", f"{describe(origin)} is not an https origin",
                                     "write scheme and host only, like https://forms.example.com"))
    return problems


def _check_hidden(hidden: object, source: str, key: str) -> list[Diagnostic]:
    if not isinstance(hidden, Mapping):
        return [_problem(source, key, "is not a mapping", "write it as field name: value pairs")]
    problems = []
    for name, value in hidden.items():
        where = f"{key}.{name}"
        kind = secret_kind(str(value))
        if SECRET_NAMES.search(str(name)) or kind:
            problems.append(_secret_problem(source, where, kind or "an API credential"))
        elif not _FIELD_NAME.fullmatch(str(name)):
            problems.append(_problem(source, where, f"{describe(name)} is not a field name",
                                     "use the name attribute from the provider's embed code"))
    return problems


def _fill(template: str | None, values: Mapping[str, str]) -> str | None:
    if template is None:
        return None
    try:
        return template.format(**values)
    except KeyError:
        return None  # an optional id (Mailchimp's gdpr) is not configured: no such field


def _contract(provider: Provider, values: dict[str, str], options: Mapping[str, object]) -> Contract:
    if provider.name == "custom":
        hidden = options.get("hidden") or {}
        return Contract(
            provider="custom", action=values["action"], method=values.get("method", "post").lower(),
            email=values.get("email", "email"), first_name=values.get("first_name"),
            honeypot=values.get("honeypot"), consent=values.get("consent"),
            consent_value=values.get("consent_value", "yes"), redirect=values.get("redirect"),
            tags=values.get("tags"), tags_join=None, tag_pattern=None, tag_example="news",
            interests="tags" if values.get("tags") else None,
            hidden=[(str(k), str(v)) for k, v in dict(hidden).items()],  # type: ignore[call-overload]
            form_attrs=[("target", "_blank")] if options.get("new_tab") is True else [],
            redirect_origins=[origin_of(str(o)) for o in _as_list(options.get("redirect_origins"))])
    return Contract(
        provider=provider.name,
        action=_fill(provider.action, values) or "",
        method=provider.method,
        email=provider.email,
        first_name=provider.first_name,
        honeypot=_fill(provider.honeypot, values),
        consent=_fill(provider.consent, values),
        consent_value=provider.consent_value,
        redirect=provider.redirect,
        tags=provider.tags,
        tags_join=provider.tags_join,
        tag_pattern=provider.tag_pattern,
        tag_example=provider.tag_example,
        interests=provider.interests,
        hidden=[(name, _fill(value, values) or "") for name, value in provider.hidden],
        form_attrs=[(name, _fill(value, values) or "") for name, value in provider.form_attrs],
        uses_site_action=provider.name == "netlify",
        double_opt_in=provider.double_opt_in,
        collects=provider.collects,
        redirect_origins=[origin for origin in (_fill(o, values) for o in provider.redirect_origins) if origin],
    )


def _as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def check_values(contract: Contract, *, tags: list[str], interests: list[Mapping[str, str]],
                 source: str, prefix: str) -> list[Diagnostic]:
    """Tags and interest choices against what the provider accepts (ids for some)."""
    label = PROVIDERS[contract.provider].label
    problems: list[Diagnostic] = []
    if tags and not contract.tags:
        problems.append(_problem(source, f"{prefix}.tags", f"{label} forms cannot send tags",
                                 "remove `tags`, or tag new subscribers in the provider's form settings"))
    if interests and not contract.interests:
        problems.append(_problem(source, f"{prefix}.interests", f"{label} forms cannot send interest choices",
                                 "remove `interests`, or use a provider with tags or groups"))
    if contract.tag_pattern and contract.tags:
        for index, tag in enumerate(tags):
            if not re.fullmatch(contract.tag_pattern, tag):
                problems.append(_problem(source, f"{prefix}.tags[{index}]",
                                         f"{describe(tag)} is not a {label} tag id",
                                         f"use the tag's number from {label}, like {contract.tag_example}"))
    for index, item in enumerate(interests):
        value = str(item.get("value", ""))
        where = f"{prefix}.interests[{index}].value"
        if contract.interests == "groups":
            if not re.fullmatch(r"\d{1,12}/\d{1,12}", value):
                problems.append(_problem(source, where, f"{describe(value)} is not a Mailchimp group choice",
                                         "write the group id and the choice's bit, like 12345/1 "
                                         "(from the embed code's group[12345][1] checkbox)"))
        elif contract.interests == "tags" and contract.tag_pattern and not re.fullmatch(contract.tag_pattern, value):
            problems.append(_problem(source, where, f"{describe(value)} is not a {label} tag id",
                                     f"use the tag's number from {label}, like {contract.tag_example}"))
    return problems
