"""storefront/analytics on fixture sites: the tag each page gets, option checks, consent
kinds, serve and front matter, the `_headers` policy and the privacy page's processors."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "about.md": "# About\n\nAbout us.\n",
    "blog/post.md": "# A post\n\nText.\n",
    "privacy.md": "# Privacy\n\n/// business | processors\n///\n",
    "thanks.md": "---\nanalytics: false\n---\n# Thanks\n",
}


def config(provider="plausible", site=None, **options):
    return {"plugins": [{"storefront/analytics": {"provider": provider,
                                                    "site": site if site is not None else {"domain": "bakery.example"},
                                                    **options}}]}


def tag(built, path="index.html"):
    nodes = HTMLParser(built.text(path)).css("script[data-sf-analytics]")
    return nodes[0].attributes if nodes else None


def test_every_page_gets_one_deferred_external_script(site):
    built = site(PAGES, config=config(privacy_url="privacy.md"), strict=True)
    assert built.ok, built.messages
    attrs = tag(built)
    assert attrs["src"] == "assets/storefront/analytics.js"
    assert "defer" in attrs and attrs["data-provider"] == "plausible"
    assert attrs["data-src"] == "https://plausible.io/js/script.js"
    assert json.loads(attrs["data-attrs"]) == {"data-domain": "bakery.example"}
    assert attrs["data-consent"] == "none"
    assert tag(built, "blog/post/index.html")["src"] == "../../assets/storefront/analytics.js"
    assert built.exists("assets/storefront/analytics.js")
    assert not built.exists("assets/storefront/analytics.css"), "no banner for a cookieless provider"
    html = built.text("index.html")
    assert html.count("data-sf-analytics") == 1
    # no inline script or handler of ours
    for script in HTMLParser(html).css("script"):
        assert script.attributes.get("src") or "analytics" not in (script.text() or "")


def test_page_with_analytics_false_loads_none(site):
    built = site(PAGES, config=config(), strict=True)
    assert built.ok, built.messages
    assert tag(built, "thanks/index.html") is None
    assert tag(built, "about/index.html") is not None


def test_bad_front_matter_value_is_reported_with_line(site):
    built = site({"index.md": "---\ntitle: Home\nanalytics: nope\n---\n# Home\n"}, config=config(), strict=True)
    assert not built.ok
    assert any("docs/index.md:3: analytics" in m and "not true or false" in m for m in built.warnings), built.warnings


def test_no_analytics_in_serve_by_default(site):
    built = site(PAGES, config=config(), serve=True)
    assert built.ok, built.messages
    assert tag(built) is None
    assert any("off in `mkdocs serve`" in m for m in built.infos)
    built = site(PAGES, config=config(serve=True), serve=True)
    assert tag(built) is not None


@pytest.mark.parametrize("site_options, key, words", [
    ({}, "site.domain", "Plausible Analytics needs `domain`"),
    ({"domain": "bakery.example", "colour": "red"}, "site.colour", "takes no `colour` option"),
    ({"domain": "not a domain"}, "site.domain", "is not a valid"),
    ({"domain": "bakery.example", "script": "http://stats.example.com/js/script.js"}, "site.script",
     "is not an https URL"),
    ({"domain": "bakery.example", "script": "javascript:alert(1)"}, "site.script", "is not an https URL"),
    ({"domain": "sk_live_abcdefghijklmnop1234"}, "site.domain", "must never be published"),
    ({"domain": "bakery.example", "api": "https://user:pw@stats.example.com/api/event"}, "site.api",
     "a password in a URL"),
])
def test_bad_site_options_fail_strict_with_file_key_and_fix(site, site_options, key, words):
    built = site(PAGES, config=config(site=site_options), strict=True)
    assert not built.ok
    messages = [m for m in built.warnings if f"plugins.storefront/analytics.{key}" in m]
    assert messages, built.warnings
    assert "mkdocs.yml: plugins.storefront/analytics." in messages[0]
    assert words in messages[0] and "; " in messages[0]  # problem; fix
    assert tag(built) is None, "a bad configuration loads nothing"


def test_secret_in_banner_text_refused(site):
    built = site(PAGES, config=config(banner={"text": "key xkeysib-0123456789abcdef0123"}), strict=True)
    assert not built.ok
    assert any("banner.text" in m and "Brevo API key" in m for m in built.warnings), built.warnings


@pytest.mark.parametrize("provider, site_options, consent", [
    ("ga4", {"measurement_id": "G-A1B2C3D4E5"}, "required"),
    ("matomo", {"url": "https://stats.example.com", "site_id": 3}, "required"),
    ("matomo", {"url": "https://stats.example.com", "site_id": 3, "cookies": False}, "none"),
    ("umami", {"website_id": "94db1cb1-74f4-4a40-ad6c-962362670409"}, "none"),
    ("cloudflare", {"token": "0123456789abcdef0123456789abcdef"}, "none"),
])
def test_consent_follows_the_provider_kind(site, provider, site_options, consent):
    built = site(PAGES, config=config(provider, site_options, privacy_url="privacy.md"), strict=True)
    assert built.ok, built.messages
    attrs = tag(built, "about/index.html")
    assert attrs["data-consent"] == consent
    if consent == "required":
        assert attrs["data-privacy"] == "../privacy/"
        assert json.loads(attrs["data-texts"])["accept"] == "Accept"
        assert built.exists("assets/storefront/analytics.css")
        assert "assets/storefront/analytics.css" in built.text("index.html")
    else:
        assert "data-texts" not in attrs


def test_material_consent_is_reused(site):
    cfg = config("ga4", {"measurement_id": "G-A1B2C3D4E5"})
    cfg["theme"] = {"name": "material"}
    cfg["extra"] = {"consent": {"title": "Cookies", "description": "We ask first."}}
    built = site(PAGES, config=cfg, strict=True)
    assert built.ok, built.messages
    assert tag(built)["data-consent-ui"] == "material"
    form = HTMLParser(built.text("index.html")).css_first("form[name=consent]")
    assert form is not None
    box = form.css_first('input[name="analytics"]')
    assert box is not None and "checked" in box.attributes, "Accept must agree to it, as Material's own"
    assert "Google Analytics 4" in form.text()
    assert not built.exists("assets/storefront/analytics.css")


def test_material_consent_asked_for_but_missing(site):
    cfg = config("ga4", {"measurement_id": "G-A1B2C3D4E5"}, consent="material")
    built = site(PAGES, config=cfg, strict=True)
    assert not built.ok
    assert any("consent" in m and "extra.consent" in m for m in built.warnings)


HEADERS = """/*
  Content-Security-Policy: default-src 'self'; script-src 'self' {script_hashes}; img-src 'self' data:; connect-src 'self'; form-action 'self' {form_origins}
  X-Frame-Options: DENY
"""  # noqa: E501 - one header a line, as in _headers


def policy(built) -> dict[str, list[str]]:
    line = next(x for x in built.text("_headers").splitlines() if "Content-Security-Policy:" in x)
    value = line.split(":", 1)[1]
    return {p.split()[0]: p.split()[1:] for p in value.split(";") if p.strip()}


@pytest.mark.parametrize("provider, site_options, script, connect, img", [
    ("plausible", {"domain": "bakery.example"}, ["https://plausible.io"], ["https://plausible.io"], []),
    ("plausible", {"domain": "bakery.example", "script": "https://stats.bakery.example/js/script.js"},
     ["https://stats.bakery.example"], ["https://stats.bakery.example"], []),
    ("goatcounter", {"code": "bakery"}, ["https://gc.zgo.at"], ["https://bakery.goatcounter.com"],
     ["https://bakery.goatcounter.com"]),
    ("umami", {"website_id": "94db1cb1-74f4-4a40-ad6c-962362670409"}, ["https://cloud.umami.is"],
     ["https://cloud.umami.is"], []),
    ("matomo", {"url": "https://stats.example.com/", "site_id": "1"}, ["https://stats.example.com"],
     ["https://stats.example.com"], ["https://stats.example.com"]),
    ("cloudflare", {"token": "0123456789abcdef0123456789abcdef"}, ["https://static.cloudflareinsights.com"],
     ["https://cloudflareinsights.com"], []),
    ("fathom", {"site_id": "ABCDEFG"}, ["https://cdn.usefathom.com"], ["https://cdn.usefathom.com"],
     ["https://cdn.usefathom.com"]),
    ("simpleanalytics", {}, ["https://scripts.simpleanalyticscdn.com"], ["https://queue.simpleanalyticscdn.com"],
     ["https://queue.simpleanalyticscdn.com"]),
    ("ga4", {"measurement_id": "G-A1B2C3D4E5"}, ["https://*.googletagmanager.com"],
     ["https://*.analytics.google.com", "https://*.google-analytics.com", "https://*.googletagmanager.com"],
     ["https://*.google-analytics.com", "https://*.googletagmanager.com"]),
])
def test_headers_allow_exactly_the_providers_origins(site, provider, site_options, script, connect, img):
    cfg = config(provider, site_options)
    cfg["plugins"].append({"storefront/optimize": {"headers": "_headers.tpl", "minify": False}})
    built = site({**PAGES, "/_headers.tpl": HEADERS}, config=cfg, strict=True)
    assert built.ok, built.messages
    directives = policy(built)
    assert directives["script-src"][0] == "'self'"
    assert [s for s in directives["script-src"][1:] if not s.startswith("'sha256-")] == script
    assert directives["connect-src"] == ["'self'", *connect]
    assert directives["img-src"] == ["'self'", "data:", *img]
    assert directives["default-src"] == ["'self'"]


def test_headers_unchanged_without_analytics(site):
    cfg = {"plugins": [{"storefront/optimize": {"headers": "_headers.tpl", "minify": False}}]}
    built = site({**PAGES, "/_headers.tpl": HEADERS}, config=cfg, strict=True)
    directives = policy(built)
    assert directives["connect-src"] == ["'self'"] and directives["img-src"] == ["'self'", "data:"]


def test_privacy_page_lists_the_processors_from_the_configuration(site):
    cfg = config("matomo", {"url": "https://stats.example.com/", "site_id": "1"})
    cfg["plugins"] = [{"storefront/newsletter": {"provider": "buttondown", "form": {"username": "bakery"},
                                                 "after_posts": False, "footer": False,
                                                 "consent": {"privacy_url": "privacy.md"}}},
                      *cfg["plugins"], "storefront/schema"]
    built = site(PAGES, config=cfg)
    assert built.ok, built.messages
    cells = processors(built)
    assert cells[0] == ["Buttondown", "Cookies: none.", "Data sent: only when you subscribe."]
    assert cells[1] == ["Matomo", "Cookies: yes.", "Data sent: only after you agree."]
    # cookieless Matomo says so
    cfg["plugins"][1]["storefront/analytics"]["site"]["cookies"] = False
    built = site(PAGES, config=cfg)
    assert processors(built)[1] == ["Matomo", "Cookies: none.", "Data sent: on every visit."]
    assert "without cookies" in built.text("privacy/index.html")


def processors(built) -> list[list[str]]:
    items = HTMLParser(built.text("privacy/index.html")).css(".sf-processors__item")
    return [[item.css_first(f".sf-processors__{part}").text(strip=True) for part in ("name", "cookies", "when")]
            for item in items]

def test_hostile_banner_text_is_escaped_once(site):
    hostile = '"><script>alert(1)</script>&amp;'
    built = site(PAGES, config=config("ga4", {"measurement_id": "G-A1B2C3D4E5"}, banner={"accept": hostile}),
                 strict=True)
    assert built.ok, built.messages
    attrs = tag(built)
    assert json.loads(attrs["data-texts"])["accept"] == hostile
    assert "<script>alert" not in built.text("index.html")


@pytest.mark.parametrize("prop, warned", [("G-A1B2C3D4E5", True), (None, False)])
def test_theme_analytics_on_too_is_a_warning(site, prop, warned):
    cfg = config()
    cfg["theme"] = {"name": "material"}
    cfg["extra"] = {"analytics": {"provider": "google", "property": prop}}
    built = site(PAGES, config=cfg, strict=True)
    assert built.ok is not warned
    assert any("extra.analytics" in m and "counted twice" in m for m in built.warnings) is warned


def test_add_sources_widens_each_policy_line_once():
    from storefront.optimize.headers import add_sources

    template = ("# Content-Security-Policy: script-src 'self' (a comment, left alone)\n"
                "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; img-src 'none'\n")
    sources = {"script-src": ["https://plausible.io"], "connect-src": ["https://plausible.io"],
               "img-src": ["https://stats.example.com"]}
    text = add_sources(template, sources)
    lines = text.splitlines()
    assert lines[0] == template.splitlines()[0]
    assert lines[2] == ("  Content-Security-Policy: default-src 'self'; script-src 'self' https://plausible.io; "
                        "img-src https://stats.example.com; connect-src 'self' https://plausible.io")
    assert add_sources(text, sources) == text, "nothing is added twice"
    assert add_sources(template, {"script-src": [], "connect-src": [], "img-src": []}) == template
