"""The demo storefront in a real browser (Debian chromium through Playwright).

The demo (root mkdocs.yml) is built once into a temp folder with a fixed clock and served
on 127.0.0.1 with the response headers of its generated `_headers` file, Content-Security-
Policy included, as Netlify or Cloudflare Pages would serve it. Each page type is then
checked for console errors, failed or third-party requests, working links, a keyboard-usable
newsletter form, no horizontal scroll at 320 px and an axe-core scan without violations.

The demo counts visits with Plausible (storefront/analytics), a cookieless provider: its one
third-party origin, https://plausible.io, is answered by a stand-in of its script (which
behaves as the real one: reads `data-domain`, replays the `window.plausible.q` queue, posts
each event to /api/event), so nothing leaves the machine and every event is recorded.
"""

from __future__ import annotations

import http.server
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config

from conftest import ROOT, build_as_mkdocs_does, environ

pytestmark = pytest.mark.browser

NOW = "2026-11-23T12:00:00+00:00"
PAGES = {
    "home": "",
    "product": "products/",
    "blog index": "blog/",
    "blog post": "blog/how-we-feed-our-sourdough-starter/",
    "contact": "contact/",
    "faq": "faq/",
    "privacy": "privacy/",
    "404": "no/such/page/",
}
MOBILE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo storefront, built with --strict into a temp folder."""
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    with environ({"STOREFRONT_NOW": NOW}):
        build_as_mkdocs_does(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def site_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` gives every path (`/*`), as the host would send them."""
    headers: dict[str, str] = {}
    section = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            section = line.strip()
        elif section == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class NotFoundPage(http.server.SimpleHTTPRequestHandler):
    """Serves the site's 404.html for a missing path, with status 404, as hosts do."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture
def base_url(demo, serve_dir) -> str:
    return serve_dir(demo, handler=NotFoundPage, headers=site_headers(demo))


PROVIDER = "https://plausible.io"  # the demo's analytics provider: cookieless, no consent needed
PLAUSIBLE_STANDIN = """(function () {
  var me = document.currentScript, queue = (window.plausible && window.plausible.q) || [];
  function send(name, options) {
    var body = {n: name, u: location.href, d: me.getAttribute('data-domain')};
    if (options && options.props) body.p = options.props;
    fetch('https://plausible.io/api/event', {method: 'POST', body: JSON.stringify(body), keepalive: true,
                                             mode: 'no-cors'});
  }
  window.plausible = send;
  queue.forEach(function (args) { send.apply(null, args); });
  send('pageview');
})();"""


def stand_in_provider(context, hits: list) -> None:
    """Answer the analytics provider's origin in this browser context, recording each event."""
    def answer(route):
        if route.request.url.startswith(PROVIDER + "/js/"):
            route.fulfill(status=200, content_type="text/javascript", body=PLAUSIBLE_STANDIN)
        else:
            hits.append(json.loads(route.request.post_data or "{}"))
            route.fulfill(status=202, body="ok", content_type="text/plain",
                          headers={"Access-Control-Allow-Origin": "*"})
    context.route(PROVIDER + "/**", answer)


class Recorder:
    """Everything a page did: requests, failures, console errors, CSP violations."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.bad_status: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda request: self.failed.append(
            f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and self.bad_status.append(
            f"{response.status} {response.url}"))
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def open_page(browser, url: str, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    recorder = Recorder(page)
    recorder.hits = []
    stand_in_provider(context, recorder.hits)
    response = page.goto(url, wait_until="networkidle")
    return context, page, recorder, response


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_from_this_site_only(browser, base_url, name):
    url = base_url + PAGES[name]
    context, page, seen, response = open_page(browser, url)
    try:
        assert response.status == (404 if name == "404" else 200)
        assert page.locator("h1").first.is_visible()
        errors = seen.errors
        if name == "404":  # chromium logs the document's own 404 status as a console error
            errors = [e for e in errors if not e.startswith(
                "Failed to load resource: the server responded with a status of 404")]
            assert len(errors) == len(seen.errors) - 1
        assert errors == [], errors
        assert seen.failed == [], seen.failed
        expected_bad = [f"404 {url}"] if name == "404" else []
        assert seen.bad_status == expected_bad
        assert page.evaluate("window.__csp") == []
        assert seen.requests, "no request recorded"
        # The one third party is the cookieless analytics provider (none on the 404 page)
        off_site = [u for u in seen.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert all(u.startswith(PROVIDER + "/") for u in off_site), off_site
        if name == "404":
            assert off_site == []
        else:
            assert [hit["n"] for hit in seen.hits] == ["pageview"]
        assert context.cookies() == []
        # the page's own stylesheet applied (404 at any depth loads its assets too)
        brand = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--sf-brand').trim()")
        assert brand == "#7a3e12"
    finally:
        context.close()


def test_csp_header_is_strict(demo):
    policy = site_headers(demo)["Content-Security-Policy"]
    directives = dict(([*part.strip().split(" ", 1), ""])[:2] for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'sha256-" in directives["script-src"]
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    # exactly the analytics provider's origins, nothing broader
    assert [s for s in directives["script-src"].split() if not s.startswith("'")] == [PROVIDER]
    assert directives["connect-src"] == f"'self' {PROVIDER}"
    assert directives["img-src"] == "'self' data:"


def link_targets(page) -> dict[str, str]:
    """Navigation, call-to-action and footer links of the page: {href: text}."""
    selector = (".md-tabs a, .md-header a, .md-nav a, .md-content a.md-button, .sf-cta a, "
                ".md-footer a, .md-post a")
    links = page.eval_on_selector_all(
        selector, "els => els.map(e => [e.href, e.textContent.trim()])")
    return {href: text for href, text in links if href}


def test_navigation_and_cta_links_resolve(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    stand_in_provider(context, [])
    page = context.new_page()
    checked: dict[str, int] = {}
    external: set[str] = set()
    try:
        for path in PAGES.values():
            page.goto(base_url + path, wait_until="load")
            for href, text in link_targets(page).items():
                parts = urlsplit(href)
                if parts.hostname != "127.0.0.1":
                    assert parts.scheme in ("https", "mailto", "tel"), (href, text)
                    external.add(href)
                    continue
                target = href.split("#")[0]
                if target not in checked:
                    checked[target] = page.request.get(target).status
        broken = {url: status for url, status in checked.items() if status != 200}
        assert broken == {}
        assert len(checked) >= 10
        for path in ("products/", "contact/", "faq/", "privacy/", "blog/"):
            assert urljoin(base_url, path) in checked, path
    finally:
        context.close()


def test_visit_and_cta_click_counted_without_cookies_or_banner(browser, base_url):
    """What the demo intends: no banner (the provider sets no cookies), no cookie and no
    request to anyone but the provider, a page view, and the CTA click as an event with the
    CTA's name, variant and page."""
    context, page, seen, _ = open_page(browser, base_url)
    try:
        assert page.locator(".sf-consent").count() == 0
        cta = page.locator(".md-content a.storefront-cta").first
        name, variant = cta.get_attribute("data-cta-id"), cta.get_attribute("data-cta-variant")
        with page.expect_navigation():
            cta.click()
        page.wait_for_load_state("networkidle")
        assert context.cookies() == [] and page.evaluate("document.cookie") == ""
        clicks = [hit for hit in seen.hits if hit["n"] == "CTA click"]
        assert len(clicks) == 1, seen.hits
        expected = {"cta": name, "page": "/"}
        if variant:
            expected["variant"] = variant
        assert clicks[0]["p"] == expected and clicks[0]["d"] == "hearthandcrumb.example"
        assert [hit["n"] for hit in seen.hits].count("pageview") == 2  # home, then the product page
        off_site = {urlsplit(u).hostname for u in seen.requests} - {"127.0.0.1"}
        assert off_site == {"plausible.io"}
    finally:
        context.close()


def test_primary_cta_on_home_leads_to_the_product(browser, base_url):
    context, page, _, _ = open_page(browser, base_url)
    try:
        cta = page.locator(".md-content a.md-button--primary").first
        assert cta.is_visible()
        cta.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == "/products/"
        assert page.locator("#celebration-cake").count() == 1
    finally:
        context.close()


def test_newsletter_form_works_by_keyboard(browser, base_url):
    context, page, _, _ = open_page(browser, base_url)
    posted: list[str] = []
    try:
        form = page.locator("form.sf-newsletter__form").first
        assert form.count() == 1
        action = form.get_attribute("action")

        def provider(route):
            posted.append(route.request.post_data or "")
            route.fulfill(status=200, body="thanks", content_type="text/plain")

        page.route(action.split("?")[0] + "**", provider)
        # Start just before the form, as a keyboard user arriving from the page above it.
        page.evaluate("""() => {
            const section = document.querySelector('.sf-newsletter');
            section.setAttribute('tabindex', '-1'); section.focus();
            section.removeAttribute('tabindex'); }""")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "email"
        page.keyboard.type("baker@example.org")
        for _ in range(8):
            page.keyboard.press("Tab")
            active = page.evaluate(
                "[document.activeElement.type, document.activeElement.closest('form') !== null,"
                " document.activeElement.closest('.sf-newsletter__consent') !== null]")
            assert active[1], "focus left the form before reaching the consent box"
            if active[2]:
                break
        else:
            pytest.fail("Tab never reached the consent checkbox")
        assert page.evaluate("document.activeElement.checked") is False
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.checked") is True
        # Next stop is the submit button, or first the privacy-policy link in the consent text.
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.sf-newsletter__consent a') !== null"):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "submit"
        assert page.evaluate("document.activeElement.form.checkValidity()") is True
        # wait for the (routed) response, so the route handler has recorded the POST
        with page.expect_response(lambda r: r.url.startswith(action.split("?")[0])):
            page.keyboard.press("Enter")
        assert posted and "baker%40example.org" in posted[0]
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scroll_at_320_px(browser, base_url, name):
    context, page, _seen, _ = open_page(browser, base_url + PAGES[name], viewport=MOBILE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{name} is {width}px wide at a 320px viewport"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(browser, base_url, name, viewport):
    from axe_playwright_python.sync_playwright import Axe

    # axe-core is injected by the test runner; let it past the site's CSP.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    stand_in_provider(context, [])
    page = context.new_page()
    try:
        page.goto(base_url + PAGES[name], wait_until="networkidle")
        results = Axe().run(page)
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in results.response["violations"]]
        assert violations == []
        assert results.response["passes"] or results.response["incomplete"] is not None
    finally:
        context.close()
