"""storefront/analytics in Debian chromium, with stand-in providers on 127.0.0.1.

A recording server plays the provider: it serves a stand-in of the provider's script that
behaves as the real one does (Plausible: reads `data-domain`/`data-api`, replays the
`window.plausible.q` queue, posts each event; Matomo: runs the `_paq` commands, sends to the
`setTrackerUrl` URL) and records every request that reaches it, so "no request before
consent" is checked where it matters: at the provider. Each site is built with MkDocs, the
storefront CTA and newsletter plugins, and storefront/optimize's `_headers`, and served with
that Content-Security-Policy.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import LocalServer, StandInHandler, build_site

pytestmark = pytest.mark.browser

PLAUSIBLE_STANDIN = r"""
(function () {
  var me = document.currentScript;
  var api = me.getAttribute('data-api') || new URL(me.src).origin + '/api/event';
  function send(name, options) {
    var body = {n: name, u: location.href, d: me.getAttribute('data-domain'), r: document.referrer || null};
    if (options && options.props) body.p = options.props;
    fetch(api, {method: 'POST', body: JSON.stringify(body), keepalive: true, mode: 'no-cors'});
  }
  var queue = (window.plausible && window.plausible.q) || [];
  window.plausible = send;
  for (var i = 0; i < queue.length; i++) send.apply(null, queue[i]);
  send('pageview');
})();
"""

MATOMO_STANDIN = r"""
(function () {
  var tracker = null, site = null, cookies = true, waiting = [];
  function hit(params) {
    params.idsite = site; params.rec = 1; params.url = location.href;
    var query = Object.keys(params).map(function (k) { return k + '=' + encodeURIComponent(params[k]); }).join('&');
    fetch(tracker + '?' + query, {method: 'POST', keepalive: true, mode: 'no-cors'});
    if (cookies) document.cookie = '_pk_id.' + site + '=standin; path=/';
  }
  function run(command) {
    var name = command[0];
    if (name === 'setTrackerUrl') tracker = command[1];
    else if (name === 'setSiteId') site = command[1];
    else if (name === 'disableCookies') cookies = false;
    else if (name === 'trackPageView') waiting.push({action_name: document.title});
    else if (name === 'trackEvent') waiting.push({e_c: command[1], e_a: command[2], e_n: command[3] || ''});
    if (tracker && site) while (waiting.length) hit(waiting.shift());
  }
  var queue = window._paq || [];
  window._paq = {push: function () { for (var i = 0; i < arguments.length; i++) run(arguments[i]); }};
  for (var i = 0; i < queue.length; i++) run(queue[i]);
})();
"""


class Provider(LocalServer):
    """A stand-in analytics provider (and newsletter endpoint) recording every request."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        provider = self

        class Handler(StandInHandler):
            def _record(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                parts = urlsplit(self.path)
                with provider.lock:
                    provider.requests.append({"method": self.command, "path": parts.path,
                                              "query": parse_qs(parts.query), "body": body})
                return parts.path

            def do_GET(self):
                path = self._record()
                scripts = {"/js/script.js": PLAUSIBLE_STANDIN, "/matomo.js": MATOMO_STANDIN}
                if path in scripts:
                    self._answer(200, scripts[path].encode(), "text/javascript")
                else:
                    self._answer(204, b"", "text/plain")

            def do_POST(self):
                path = self._record()
                if path == "/subscribe":
                    self._answer(200, b"<!doctype html><title>ok</title><p>subscribed</p>", "text/html")
                else:
                    self._answer(202, b"", "text/plain")

            def _answer(self, status, body, kind):
                self.answer(status, body, kind, {"Access-Control-Allow-Origin": "*"})

        super().__init__(Handler)

    def seen(self) -> list[dict]:
        with self.lock:
            return list(self.requests)

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()

    def wait_for(self, test, timeout: float = 6.0) -> list[dict]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = [r for r in self.seen() if test(r)]
            if found:
                return found
            time.sleep(0.05)
        return []


@pytest.fixture(scope="module")
def provider():
    instance = Provider()
    yield instance
    instance.close()


HEADERS = """/*
  Content-Security-Policy: default-src 'self'; script-src 'self' {script_hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self' {form_origins}; base-uri 'self'; object-src 'none'
"""  # noqa: E501 - one header a line, as in _headers

PAGES = {
    "index.md": "# Fresh bread\n\nOur loaves.\n\n/// cta | order\n///\n\n/// newsletter\n///\n\n"
                "[Call us](tel:+15551234567) or [write](mailto:hello@bakery.example).\n\n"
                "[Price list](files/prices.pdf) and [the mill](https://mill.example.org/flour?x=1).\n",
    "order.md": "# Order\n\nHow to order.\n",
    "privacy.md": "# Privacy\n\nWhat we collect.\n",
    "thanks.md": "---\nanalytics: false\n---\n# Thanks\n",
    "files/prices.pdf": b"%PDF-1.4\n",
}
CTAS = {"order": {"label": "Order a cake", "url": "order.md",
                  "variants": [{"id": "warm", "label": "Order a warm loaf"},
                               {"id": "cake", "label": "Order a cake"}]}}


def build(tmp: Path, provider: Provider, analytics: dict) -> Path:
    config = {
        "site_name": "Test Bakery", "site_url": "https://bakery.example/", "theme": {"name": "material", "font": False},
        "plugins": [
            {"storefront/cta": {"ctas": CTAS}},
            {"storefront/newsletter": {
                "provider": "custom", "after_posts": False, "footer": False,
                "form": {"action": f"{provider.origin}/subscribe", "email": "email"},
                "consent": {"privacy_url": "privacy.md"}}},
            {"storefront/analytics": {"privacy_url": "privacy.md", **analytics}},
            {"storefront/optimize": {"headers": "_headers.tpl", "inline_css": 0}},
        ],
    }
    built = build_site(tmp, {**PAGES, "/_headers.tpl": HEADERS}, config=config, strict=True)
    assert built.ok, built.messages
    return built.site


def policy(site: Path) -> str:
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("Content-Security-Policy:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("no policy in _headers")


@pytest.fixture(scope="module")
def cookieless(tmp_path_factory, provider) -> Path:
    return build(tmp_path_factory.mktemp("plausible"), provider, {
        "provider": "plausible",
        "site": {"domain": "bakery.example", "script": f"{provider.origin}/js/script.js"}})


@pytest.fixture(scope="module")
def consented(tmp_path_factory, provider) -> Path:
    return build(tmp_path_factory.mktemp("matomo"), provider, {
        "provider": "matomo", "site": {"url": f"{provider.origin}/", "site_id": 7}})


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def open_site(browser, serve_dir, site: Path, path: str = "", *, init: str = ""):
    base = serve_dir(site, headers={"Content-Security-Policy": policy(site)})
    context = browser.new_context()
    context.add_init_script(WATCH + init)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + path, wait_until="networkidle")
    return context, page, base, errors


def events(provider: Provider, name: str) -> list[dict]:
    found = []
    for request in provider.seen():
        if request["path"] == "/api/event" and request["body"]:
            body = json.loads(request["body"])
            if body["n"] == name:
                found.append(body)
    return found


def test_cookieless_provider_gets_a_page_view_and_the_cta_click(browser, serve_dir, cookieless, provider):
    provider.clear()
    context, page, base, errors = open_site(browser, serve_dir, cookieless)
    try:
        assert provider.wait_for(lambda r: r["path"] == "/api/event"), "no page view reached the provider"
        view = events(provider, "pageview")
        assert len(view) == 1 and view[0]["d"] == "bakery.example" and view[0]["u"] == base
        assert page.locator(".sf-consent").count() == 0, "a cookieless provider needs no banner"
        link = page.locator("a.storefront-cta").first
        variant = link.get_attribute("data-cta-variant")
        assert variant in ("warm", "cake")
        with page.expect_navigation():
            link.click()
        assert provider.wait_for(lambda r: '"CTA click"' in r["body"])
        click = events(provider, "CTA click")
        assert click[0]["p"] == {"cta": "order", "variant": variant, "page": "/"}
        assert page.evaluate("window.__violations") == []
        assert errors == []
    finally:
        context.close()


def test_contact_download_and_outbound_clicks(browser, serve_dir, cookieless, provider):
    provider.clear()
    stay = "window.addEventListener('click', e => e.preventDefault(), true);"  # stay on the page
    context, page, _base, _errors = open_site(browser, serve_dir, cookieless, init=stay)
    try:
        for name in ("Call us", "write", "Price list", "the mill"):
            page.get_by_role("link", name=name).click()
        assert provider.wait_for(lambda r: '"Outbound link"' in r["body"])
    finally:
        context.close()
    assert [e["p"] for e in events(provider, "Contact click")] == [{"kind": "tel", "page": "/"},
                                                                   {"kind": "mailto", "page": "/"}]
    assert [e["p"] for e in events(provider, "File download")] == [{"url": "/files/prices.pdf", "page": "/"}]
    assert [e["p"] for e in events(provider, "Outbound link")] == [{"url": "https://mill.example.org/flour",
                                                                    "page": "/"}]
    everything = json.dumps(provider.seen())
    assert "5551234567" not in everything and "hello@bakery.example" not in everything and "x=1" not in everything


def test_signup_event_on_submit_without_the_address(browser, serve_dir, cookieless, provider):
    provider.clear()
    context, page, _base, _errors = open_site(browser, serve_dir, cookieless)
    try:
        form = page.locator("form.sf-newsletter__form").first
        form.locator("input[type=email]").fill("maria@example.org")
        form.locator('input[type="checkbox"][required]').check()
        with page.expect_navigation():
            form.locator("button[type=submit], .sf-newsletter__submit").first.click()
        assert provider.wait_for(lambda r: r["path"] == "/subscribe")
        assert provider.wait_for(lambda r: '"Newsletter signup"' in r["body"])
    finally:
        context.close()
    signup = events(provider, "Newsletter signup")
    assert signup[0]["p"] == {"provider": "custom", "page": "/"}
    analytics = [r for r in provider.seen() if r["path"] != "/subscribe"]
    assert "maria" not in json.dumps(analytics), "the address reached the analytics provider"


def test_page_with_analytics_false_sends_nothing(browser, serve_dir, cookieless, provider):
    provider.clear()
    context, page, _base, _errors = open_site(browser, serve_dir, cookieless, "thanks/")
    try:
        page.wait_for_timeout(300)
    finally:
        context.close()
    assert provider.seen() == []


def test_no_inline_script_and_no_violation_under_the_generated_policy(browser, serve_dir, cookieless, provider):
    html = (cookieless / "index.html").read_text(encoding="utf-8")
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    ours = tree.css("script[data-sf-analytics]")
    assert len(ours) == 1 and ours[0].attributes["src"].endswith("assets/storefront/analytics.js")
    assert not any(name.startswith("on") for name in ours[0].attributes)
    for script in tree.css("script"):
        if not script.attributes.get("src"):
            assert "plausible" not in script.text() and "sf-analytics" not in script.text()
    directives = {part.split()[0]: part.split()[1:] for part in policy(cookieless).split(";") if part.strip()}
    assert "'unsafe-inline'" not in directives["script-src"]
    assert provider.origin in directives["script-src"] and provider.origin in directives["connect-src"]
    context, page, _base, errors = open_site(browser, serve_dir, cookieless)
    try:
        assert provider.wait_for(lambda r: r["path"] == "/api/event")
        assert page.evaluate("window.__violations") == [] and errors == []
    finally:
        context.close()


def test_consent_provider_gets_nothing_before_agreement_and_then_one_page_view(
        browser, serve_dir, consented, provider):
    provider.clear()
    context, page, _base, errors = open_site(browser, serve_dir, consented, "order/")
    try:
        banner = page.get_by_role("region", name="Privacy choices")
        assert banner.is_visible()
        page.wait_for_timeout(500)
        assert provider.seen() == [], "the provider was contacted before the visitor agreed"
        assert page.evaluate("document.cookie") == ""
        # keyboard: the buttons are reachable and work with Enter
        accept = banner.get_by_role("button", name="Accept")
        accept.focus()
        page.keyboard.press("Enter")
        assert provider.wait_for(lambda r: r["path"] == "/matomo.php")
        hits = [r for r in provider.seen() if r["path"] == "/matomo.php"]
        assert len(hits) == 1 and hits[0]["query"]["idsite"] == ["7"]
        assert not banner.is_visible()
        assert page.evaluate("window.__violations") == [] and errors == []
        # remembered on the next page: no banner, a page view at once
        provider.clear()
        page.goto(_base, wait_until="networkidle")
        assert page.locator(".sf-consent:not([hidden])").count() == 0
        assert provider.wait_for(lambda r: r["path"] == "/matomo.php")
        # the footer link withdraws it
        page.get_by_role("link", name="Privacy settings").click()
        with page.expect_navigation():
            page.get_by_role("button", name="Decline").click()
        page.wait_for_load_state("networkidle")
        provider.clear()
        page.reload(wait_until="networkidle")
        page.wait_for_timeout(300)
        assert provider.seen() == [], "withdrawn consent still loads the provider"
    finally:
        context.close()


@pytest.mark.parametrize("signal", [
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});",
    "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'});",
])
def test_gpc_or_dnt_means_no_request_and_no_banner(browser, serve_dir, consented, provider, signal):
    provider.clear()
    context, page, _base, errors = open_site(browser, serve_dir, consented, init=signal)
    try:
        page.wait_for_timeout(500)
        assert page.locator(".sf-consent").count() == 0
        assert provider.seen() == []
        assert errors == []
    finally:
        context.close()


def test_banner_causes_no_layout_shift(browser, serve_dir, consented, provider):
    shift = """window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
      if (!e.hadRecentInput) { window.__cls += e.value; (window.__shifted = window.__shifted || []).push(
        ...(e.sources || []).map(s => (s.node ? (s.node.className || s.node.nodeName) : '?')
          + JSON.stringify([s.previousRect, s.currentRect]))); } })
      .observe({type: 'layout-shift', buffered: true});"""
    context, page, _base, _errors = open_site(browser, serve_dir, consented, init=shift)
    try:
        assert page.locator(".sf-consent").is_visible()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__cls") == 0, page.evaluate("window.__shifted")
        position = page.evaluate("getComputedStyle(document.querySelector('.sf-consent')).position")
        assert position == "fixed"
    finally:
        context.close()


def test_blocked_provider_script_breaks_nothing(browser, serve_dir, cookieless, provider):
    base = serve_dir(cookieless, headers={"Content-Security-Policy": policy(cookieless)})
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(f"{provider.origin}/**", lambda route: route.abort())
    try:
        page.goto(base, wait_until="networkidle")
        with page.expect_navigation():
            page.locator("a.storefront-cta").first.click()
        assert page.url == base + "order/"
        assert errors == []
    finally:
        context.close()



@pytest.fixture(scope="module")
def material_consent(tmp_path_factory, provider) -> Path:
    tmp = tmp_path_factory.mktemp("material-consent")
    config = {
        "site_name": "Test Bakery", "theme": {"name": "material", "font": False},
        "extra": {"consent": {"title": "Cookies", "description": "May we count your visit?",
                              "actions": ["accept", "reject", "manage"]}},
        "plugins": [{"storefront/cta": {"ctas": CTAS}},
                    {"storefront/analytics": {"provider": "matomo",
                                              "site": {"url": f"{provider.origin}/", "site_id": 7}}},
                    {"storefront/optimize": {"headers": "_headers.tpl", "inline_css": 0}}],
    }
    built = build_site(tmp, {**PAGES, "/_headers.tpl": HEADERS}, config=config, strict=True)
    assert built.ok, built.messages
    return built.site


def test_material_cookie_consent_is_the_one_asked(browser, serve_dir, material_consent, provider):
    provider.clear()
    context, page, base, errors = open_site(browser, serve_dir, material_consent)
    try:
        dialog = page.locator("[data-md-component=consent] .md-consent__inner")
        dialog.wait_for(state="visible")
        assert page.locator(".sf-consent").count() == 0, "two banners"
        page.wait_for_timeout(300)
        assert provider.seen() == []
        with page.expect_navigation():
            dialog.get_by_role("button", name="Accept").click()  # Material reloads the page
        assert provider.wait_for(lambda r: r["path"] == "/matomo.php")
        # the footer link opens Material's dialog again; Reject withdraws
        page.get_by_role("link", name="Privacy settings").click()
        dialog.wait_for(state="visible")
        with page.expect_navigation():
            dialog.get_by_role("button", name="Reject").click()
        page.wait_for_load_state("networkidle")
        provider.clear()
        page.goto(base + "order/", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert provider.seen() == []
        assert errors == [] and page.evaluate("window.__violations") == []
    finally:
        context.close()
