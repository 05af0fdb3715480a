"""The analytics providers' contracts, in one table.

Each entry is what the provider's own documented snippet does: the script it loads and the
attributes that script reads, the origins it contacts (for the Content-Security-Policy),
whether it sets cookies (and so needs the visitor's consent before anything loads), and
whether it has an event API the conversion events can use. `site` options are validated
against `params` here, and nothing else in the plugin knows a provider by name, except
analytics.js, which calls each provider's own event function (see the `events` docs).

Only public site ids belong here: measuring visits never needs an API key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..core.diagnostics import Diagnostic, describe
from ..core.params import UUID, Param
from ..core.urls import url_problem

__all__ = ["PROVIDERS", "Param", "Provider", "Setup", "names", "resolve"]

HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
URL = "url"  # a Param.pattern meaning "an https URL" (http only for 127.0.0.1 / localhost)
BOOL = "bool"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Provider:
    """The contract of one analytics provider, as its documented snippet uses it."""

    name: str
    label: str
    docs: str  # the documented snippet
    events_docs: str  # the documented event API ("" when there is none)
    script: str  # default script URL template over the params
    params: tuple[Param, ...]
    cookies: bool  # sets cookies / identifies visitors: load only after consent
    purpose: str = "visit statistics (pages viewed, referrer, device type, country)"
    attrs: tuple[tuple[str, str], ...] = ()  # attributes of the provider's <script>, templates
    connect: tuple[str, ...] = ()  # connect-src templates (URLs, origins are taken)
    img: tuple[str, ...] = ()  # img-src templates (a pixel)
    script_origins: tuple[str, ...] = ()  # script-src beyond the script URL's own origin
    events: bool = True
    cookie_option: bool = False  # `cookies: false` makes it cookieless (Matomo)


def _p(name: str, pattern: str, example: str, where: str, required: bool = False) -> Param:
    return Param(name, pattern, example, where, required)


PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        Provider(
            name="plausible", label="Plausible Analytics",
            docs="https://plausible.io/docs/plausible-script",
            events_docs="https://plausible.io/docs/custom-event-goals",
            script="https://plausible.io/js/script.js",
            params=(
                _p("domain", HOST, "yourbusiness.example", "the site's domain as added in Plausible",
                   required=True),
                _p("script", URL, "https://stats.example.com/js/script.js",
                   "the script URL of a self-hosted Plausible or a proxy (default plausible.io)"),
                _p("api", URL, "https://stats.example.com/api/event",
                   "the event endpoint when it is not beside the script (data-api)"),
            ),
            cookies=False,
            attrs=(("data-domain", "{domain}"), ("data-api", "{api}")),
            connect=("{api}", "{script}"),
        ),
        Provider(
            name="goatcounter", label="GoatCounter",
            docs="https://www.goatcounter.com/help/js",
            events_docs="https://www.goatcounter.com/help/events",
            script="https://gc.zgo.at/count.js",
            params=(
                _p("code", r"[a-z0-9][a-z0-9-]{0,48}[a-z0-9]?", "yourbusiness",
                   "your site code, the first part of https://CODE.goatcounter.com"),
                _p("endpoint", URL, "https://stats.example.com/count",
                   "the /count URL of a self-hosted GoatCounter (instead of code)"),
                _p("script", URL, "https://stats.example.com/count.js", "where count.js is served from"),
            ),
            cookies=False,
            attrs=(("data-goatcounter", "{endpoint}"),),
            connect=("{endpoint}",), img=("{endpoint}",),
        ),
        Provider(
            name="umami", label="Umami",
            docs="https://umami.is/docs/tracker-configuration",
            events_docs="https://umami.is/docs/tracker-functions",
            script="https://cloud.umami.is/script.js",
            params=(
                _p("website_id", UUID, "94db1cb1-74f4-4a40-ad6c-962362670409",
                   "the website id (a UUID) from the tracking code", required=True),
                _p("script", URL, "https://stats.example.com/script.js", "the script URL of a self-hosted Umami"),
                _p("host_url", URL, "https://stats.example.com",
                   "where the data goes when it is not where the script is (data-host-url)"),
            ),
            cookies=False,
            attrs=(("data-website-id", "{website_id}"), ("data-host-url", "{host_url}")),
            connect=("{host_url}", "{script}"),
        ),
        Provider(
            name="matomo", label="Matomo",
            docs="https://developer.matomo.org/guides/tracking-javascript-guide",
            events_docs="https://matomo.org/faq/reports/implement-event-tracking-with-matomo/",
            script="{url}matomo.js",
            params=(
                _p("url", URL, "https://analytics.example.com/",
                   "your Matomo address, the `u` in the tracking code", required=True),
                _p("site_id", r"\d{1,9}", "1", "the number in the tracking code's setSiteId", required=True),
                _p("script", URL, "https://cdn.matomo.cloud/example.matomo.cloud/matomo.js",
                   "where matomo.js is served from (Matomo Cloud uses cdn.matomo.cloud)"),
                _p("cookies", BOOL, "false",
                   "false: track without cookies (disableCookies), so no consent banner is needed"),
            ),
            cookies=True, cookie_option=True,
            connect=("{url}",), img=("{url}",),
        ),
        Provider(
            name="cloudflare", label="Cloudflare Web Analytics",
            docs="https://developers.cloudflare.com/web-analytics/get-started/",
            events_docs="",
            script="https://static.cloudflareinsights.com/beacon.min.js",
            params=(_p("token", r"[0-9a-f]{32}", "0123456789abcdef0123456789abcdef",
                       "the token in the JS snippet's data-cf-beacon", required=True),),
            cookies=False,
            purpose="visit statistics and page-load performance (pages viewed, referrer, device type, country)",
            attrs=(("data-cf-beacon", '{{"token": "{token}"}}'),),
            connect=("https://cloudflareinsights.com",),
            events=False,
        ),
        Provider(
            name="fathom", label="Fathom Analytics",
            docs="https://usefathom.com/support/tracking",
            events_docs="https://usefathom.com/changelog/sept2024-attribution-improvements",
            script="https://cdn.usefathom.com/script.js",
            params=(
                _p("site_id", r"[A-Z0-9]{5,12}", "ABCDEFG", "the data-site value of the embed code", required=True),
                _p("script", URL, "https://cdn.usefathom.com/script.js", "the script URL (a custom domain)"),
            ),
            cookies=False,
            attrs=(("data-site", "{site_id}"),),
            connect=("{script}",), img=("{script}",),
        ),
        Provider(
            name="simpleanalytics", label="Simple Analytics",
            docs="https://docs.simpleanalytics.com/script",
            events_docs="https://docs.simpleanalytics.com/events",
            script="https://scripts.simpleanalyticscdn.com/latest.js",
            params=(
                _p("hostname", HOST, "yourbusiness.example",
                   "the site name in Simple Analytics when it differs from the page's host (data-hostname)"),
                _p("script", URL, "https://sa.example.com/latest.js", "the script URL of a custom domain"),
            ),
            cookies=False,
            attrs=(("data-hostname", "{hostname}"),),
            # https://docs.simpleanalytics.com/csp: the Beacon API and the pixel go to the queue host
            connect=("https://queue.simpleanalyticscdn.com",), img=("https://queue.simpleanalyticscdn.com",),
        ),
        Provider(
            name="ga4", label="Google Analytics 4",
            docs="https://developers.google.com/tag-platform/gtagjs/install",
            events_docs="https://developers.google.com/analytics/devguides/collection/ga4/events",
            script="https://www.googletagmanager.com/gtag/js?id={measurement_id}",
            params=(_p("measurement_id", r"G-[A-Z0-9]{4,16}", "G-A1B2C3D4E5",
                       "the measurement id of the web stream (G-...)", required=True),),
            cookies=True,
            purpose="visit statistics (pages viewed, referrer, device, approximate location; sets cookies)",
            # https://developers.google.com/tag-platform/security/guides/csp (Google Analytics 4)
            script_origins=("https://*.googletagmanager.com",),
            connect=("https://*.google-analytics.com", "https://*.analytics.google.com",
                     "https://*.googletagmanager.com"),
            img=("https://*.google-analytics.com", "https://*.googletagmanager.com"),
        ),
    )
}


def names() -> list[str]:
    return list(PROVIDERS)


@dataclass(frozen=True)
class Setup:
    """One site's provider, resolved: what the page loads and what the policy must allow."""

    provider: str
    label: str
    script: str
    attrs: tuple[tuple[str, str], ...]
    settings: Mapping[str, str]  # what analytics.js needs besides the script (Matomo's tracker)
    consent: bool  # load only after the visitor agrees
    events: bool
    script_src: tuple[str, ...]
    connect_src: tuple[str, ...]
    img_src: tuple[str, ...]
    purpose: str = ""
    values: Mapping[str, str] = field(default_factory=dict)


def origin(url: str) -> str:
    """`https://host[:port]` of a URL; wildcard origins (`https://*.x.com`) unchanged."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _url_problem(value: str) -> str | None:
    """Why `value` is not an https URL a script may come from (the whole message), or None."""
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    local = parts is not None and parts.hostname in LOOPBACK
    if parts is None or (parts.scheme != "https" and not (parts.scheme == "http" and local)):
        return f"{describe(value)} is not an https URL"
    return url_problem(value, relative=False)  # the suite's one URL check: host, credentials, spaces


def resolve(name: str, options: Mapping[str, object], *, source: str, prefix: str,
            secret_kind) -> tuple[Setup | None, list[Diagnostic]]:
    """The provider's setup with the site's `site` options, or None and every problem."""
    provider = PROVIDERS[name]
    problems: list[Diagnostic] = []
    values: dict[str, str] = {}
    params = {param.name: param for param in provider.params}

    def problem(key: str, text: str, fix: str) -> None:
        problems.append(Diagnostic(file=source, key=f"{prefix}.{key}", problem=text, fix=fix))

    for key, raw in options.items():
        param = params.get(str(key))
        value, why = _read(provider, param, key, raw, secret_kind)
        if why is not None:
            problem(key, *why)
        elif param is not None and value is not None:
            values[param.name] = value
    for param in provider.params:
        if param.required and param.name not in values and not any(
                d.key == f"{prefix}.{param.name}" for d in problems):
            problem(param.name, f"{provider.label} needs `{param.name}`",
                    f"set it to {param.where}, like {param.example}")
    if name == "goatcounter" and "code" not in values and "endpoint" not in values and not problems:
        problem("code", "GoatCounter needs `code` (or `endpoint` for a self-hosted one)",
                "set code to your site code, like yourbusiness")
    if problems:
        return None, problems
    return _setup(provider, values), []


def _read(provider: Provider, param: Param | None, key: object, raw: object,
          secret_kind) -> tuple[str | None, tuple[str, str] | None]:
    """One `site` option as text, or (problem, fix): never a secret, a known option, its value
    as the provider's snippet writes it."""
    if isinstance(raw, (dict, list)) or raw is None:
        return None, (f"{describe(raw)} is not a single value", "write it as one string")
    value = str(raw).strip() if not isinstance(raw, bool) else ("true" if raw else "false")
    kind = secret_kind(value, uuid_expected=bool(param and param.pattern == UUID),
                       hex_expected=bool(param and "0-9a-f" in param.pattern))
    if kind:
        return None, (f"this looks like {kind}, which must never be published in a page",
                      f"remove it: {provider.label} needs only the public ids from its tracking snippet, "
                      "never an API key")
    if param is None:
        return None, (f"{provider.label} takes no `{key}` option",
                      f"use {', '.join(p.name for p in provider.params)} (see {provider.docs})")
    if param.pattern == URL:
        why = _url_problem(value)
        if why:
            return None, (why, f"write {param.where}, like {param.example}")
    elif param.pattern == BOOL:
        if not isinstance(raw, bool):
            return None, (f"{describe(raw)} is not true or false", f"write {key}: {param.example}")
    elif not re.fullmatch(param.pattern, value):
        return None, (f"{describe(value)} is not a valid {provider.label} {key}",
                      f"copy {param.where}, like {param.example}")
    return value, None


def _setup(provider: Provider, values: dict[str, str]) -> Setup:
    filled = _filled(provider, values)
    script = filled["script"]

    def fill(template: str) -> str | None:
        names_used = re.findall(r"(?<!\{)\{(\w+)\}(?!\})", template)
        if any(not filled.get(n) for n in names_used):
            return None  # an optional value that is not set: leave the attribute out
        return template.format(**filled)

    attrs = tuple((name, value) for name, template in provider.attrs
                  if (value := fill(template)) is not None)
    connect = tuple(dict.fromkeys(origin(v) for t in provider.connect if (v := fill(t))))
    img = tuple(dict.fromkeys(origin(v) for t in provider.img if (v := fill(t))))
    if provider.name == "plausible" and "api" in filled:
        connect = (origin(filled["api"]),)  # the events go to the api, not beside the script
    if provider.name == "umami" and "host_url" in filled:
        connect = (origin(filled["host_url"]),)
    scripts = tuple(dict.fromkeys([*provider.script_origins] or [origin(script)]))
    consent, settings, purpose = _settings(provider, filled)
    return Setup(provider=provider.name, label=provider.label, script=script, attrs=attrs,
                 settings=settings, consent=consent, events=provider.events, script_src=scripts,
                 connect_src=connect, img_src=img, purpose=purpose, values=filled)


def _filled(provider: Provider, values: dict[str, str]) -> dict[str, str]:
    """The values with the provider's defaults: Matomo's URL ends in /, GoatCounter's endpoint
    comes from its code, the script URL from its template."""
    filled = dict(values)
    if provider.name == "matomo" and not filled["url"].endswith("/"):
        filled["url"] += "/"
    if provider.name == "goatcounter" and "endpoint" not in filled:
        filled["endpoint"] = f"https://{filled['code']}.goatcounter.com/count"
    filled["script"] = filled.get("script") or provider.script.format(**filled)
    return filled


def _settings(provider: Provider, filled: dict[str, str]) -> tuple[bool, dict[str, str], str]:
    """Whether consent is needed, what analytics.js is told (Matomo, GA4), and the purpose
    the privacy page states."""
    if provider.name == "matomo":
        cookies = filled.get("cookies", "true") == "true"
        settings = {"tracker": filled["url"] + "matomo.php", "site_id": filled["site_id"],
                    "cookies": "true" if cookies else "false"}
        return cookies, settings, provider.purpose + ("; sets cookies" if cookies else "; without cookies")
    if provider.name == "ga4":
        return provider.cookies, {"measurement_id": filled["measurement_id"]}, provider.purpose
    return provider.cookies, {}, provider.purpose


def attrs_json(setup: Setup) -> str:
    return json.dumps(dict(setup.attrs), separators=(",", ":"), sort_keys=True)
