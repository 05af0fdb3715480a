"""Every provider's loader and event call, as its own documentation writes them.

For each provider a site is built and opened in Debian chromium; the provider's real script
URL is answered by Playwright (nothing leaves the machine) with a stand-in that records the
attributes of the `<script>` element that loaded it and offers the documented global API.
A CTA click must then reach that API exactly as documented. Sources (quoted in the brackets):

- Plausible: https://plausible.io/docs/plausible-script
  `<script defer data-domain="yourdomain.com" src="https://plausible.io/js/script.js">`;
  events https://plausible.io/docs/custom-event-goals `plausible('Signup', {props: {...}})`
  and the queue `window.plausible = window.plausible || function() { (window.plausible.q =
  window.plausible.q || []).push(arguments) }`.
- GoatCounter: https://www.goatcounter.com/help/js `<script data-goatcounter=
  "https://MYCODE.goatcounter.com/count" async src="//gc.zgo.at/count.js">`; events
  https://www.goatcounter.com/help/events `window.goatcounter.count({path: 'click-banana',
  title: '...', event: true})` ("the path doubles as the event name"); CSP
  https://www.goatcounter.com/help/csp (script-src gc.zgo.at, connect-src MYCODE.goatcounter.com).
- Umami: https://umami.is/docs/tracker-configuration `<script defer
  src="https://cloud.umami.is/script.js" data-website-id="...">`, `data-host-url`; events
  https://umami.is/docs/tracker-functions `umami.track(event_name, data)`.
- Matomo: https://developer.matomo.org/guides/tracking-javascript-guide `_paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']); _paq.push(['setTrackerUrl', u+'matomo.php']);
  _paq.push(['setSiteId', ID]); g.src=u+'matomo.js'`; events
  https://matomo.org/faq/reports/implement-event-tracking-with-matomo/
  `_paq.push(['trackEvent', category, action, name])`.
- Cloudflare Web Analytics: https://developers.cloudflare.com/web-analytics/get-started/
  `<script defer src='https://static.cloudflareinsights.com/beacon.min.js'
  data-cf-beacon='{"token": "..."}'>`; no event API.
- Fathom: https://usefathom.com/support/tracking `<script src="https://cdn.usefathom.com/script.js"
  data-site="ABCDEFG" defer>`; events `fathom.trackEvent(name)`
  (https://usefathom.com/changelog/sept2024-attribution-improvements).
- Simple Analytics: https://docs.simpleanalytics.com/script `<script async
  src="https://scripts.simpleanalyticscdn.com/latest.js">`; events
  https://docs.simpleanalytics.com/events `sa_event(name, metadata)` and the placeholder
  queue `window.sa_event.q`; CSP https://docs.simpleanalytics.com/csp.
- Google Analytics 4: https://developers.google.com/tag-platform/gtagjs/install
  `<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX">`,
  `window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date()); gtag('config', 'G-XXXXXXXXXX');`; events
  https://developers.google.com/analytics/devguides/collection/ga4/events
  `gtag('event', '<event_name>', {<parameters>})`; CSP
  https://developers.google.com/tag-platform/security/guides/csp.
"""

from __future__ import annotations

import pytest

from conftest import build_site

pytestmark = pytest.mark.browser

PAGES = {"index.md": "# Bread\n\n/// cta | order\n///\n", "order.md": "# Order\n\nHow.\n"}
CTAS = {"order": {"label": "Order", "url": "order.md", "variants": [{"id": "a", "label": "Order now"},
                                                                   {"id": "b", "label": "Order today"}]}}

# The stand-in answers the provider's script URL: it records how it was loaded and offers
# the documented global API, recording each call.
RECORD = """
window.__loaded = {src: document.currentScript.src,
  attrs: Object.fromEntries([...document.currentScript.attributes].map(a => [a.name, a.value]))};
window.__calls = [];
"""
API = {
    "plausible": "var q = (window.plausible && window.plausible.q) || [];"
                 "window.plausible = function () { __calls.push([...arguments]); };"
                 "q.forEach(a => plausible(...a));",
    "goatcounter": "window.goatcounter = {count: function (v) { __calls.push([v]); }};",
    "umami": "window.umami = {track: function () { __calls.push([...arguments]); }};",
    "fathom": "window.fathom = {trackEvent: function () { __calls.push([...arguments]); }};",
    "matomo": "", "cloudflare": "", "simpleanalytics": "", "ga4": "",
}

CASES = {
    "plausible": ({"domain": "bakery.example"}, "https://plausible.io/js/script.js",
                  {"data-domain": "bakery.example"}),
    "goatcounter": ({"code": "bakery"}, "https://gc.zgo.at/count.js",
                    {"data-goatcounter": "https://bakery.goatcounter.com/count"}),
    "umami": ({"website_id": "94db1cb1-74f4-4a40-ad6c-962362670409"}, "https://cloud.umami.is/script.js",
              {"data-website-id": "94db1cb1-74f4-4a40-ad6c-962362670409"}),
    "matomo": ({"url": "https://stats.example.com", "site_id": 1}, "https://stats.example.com/matomo.js", {}),
    "cloudflare": ({"token": "0123456789abcdef0123456789abcdef"},
                   "https://static.cloudflareinsights.com/beacon.min.js",
                   {"data-cf-beacon": '{"token": "0123456789abcdef0123456789abcdef"}'}),
    "fathom": ({"site_id": "ABCDEFG"}, "https://cdn.usefathom.com/script.js", {"data-site": "ABCDEFG"}),
    "simpleanalytics": ({}, "https://scripts.simpleanalyticscdn.com/latest.js", {}),
    "ga4": ({"measurement_id": "G-A1B2C3D4E5"}, "https://www.googletagmanager.com/gtag/js?id=G-A1B2C3D4E5", {}),
}

# What the documented API must have received after the CTA click (variant filled in).
READ = {
    "plausible": "window.__calls", "goatcounter": "window.__calls", "umami": "window.__calls",
    "fathom": "window.__calls", "cloudflare": "window.__calls",
    "matomo": "Array.from(window._paq)",
    "simpleanalytics": "window.sa_event.q",
    "ga4": "window.dataLayer.map(a => Array.from(a).map(v => v instanceof Date ? 'DATE' : v))",
}


def expected(provider: str, variant: str) -> list:
    props = {"cta": "order", "variant": variant, "page": "/"}
    return {
        "plausible": [["CTA click", {"props": props}]],
        "goatcounter": [[{"path": f"cta_click-order-{variant}", "title": "CTA click", "event": True}]],
        "umami": [["CTA click", props]],
        "fathom": [[f"CTA click: order ({variant})"]],
        "cloudflare": [],
        "matomo": [["trackPageView"], ["enableLinkTracking"], ["setTrackerUrl", "https://stats.example.com/matomo.php"],
                   ["setSiteId", "1"], ["trackEvent", "CTA click", "order", variant]],
        "simpleanalytics": [["cta_click", props]],
        "ga4": [["js", "DATE"], ["config", "G-A1B2C3D4E5"],
                ["event", "cta_click", {"cta_name": "order", "cta_variant": variant, "page_path": "/"}]],
    }[provider]


@pytest.mark.parametrize("name", list(CASES))
def test_loader_and_event_call_match_the_providers_documentation(browser, serve_dir, tmp_path, name):
    site_options, script, attributes = CASES[name]
    config = {"site_name": "Bakery", "theme": {"name": "mkdocs"},
              "plugins": [{"storefront/cta": {"ctas": CTAS}},
                          {"storefront/analytics": {"provider": name, "site": site_options}}]}
    built = build_site(tmp_path, PAGES, config=config, strict=True)
    assert built.ok, built.messages
    base = serve_dir(built.site)
    context = browser.new_context()
    # consent given before (GA4, Matomo with cookies need it); the click must not navigate away
    context.add_init_script("localStorage.setItem('storefront-analytics-consent', 'granted');"
                            "window.addEventListener('click', e => e.preventDefault(), true);")
    page = context.new_page()
    requested: list[str] = []

    def answer(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body=RECORD + API[name])

    page.route(lambda url: url.startswith(script.split("?")[0]), answer)
    page.route(lambda url: not url.startswith(base) and not url.startswith(script.split("?")[0]),
               lambda route: route.abort())
    try:
        page.goto(base, wait_until="networkidle")
        assert requested == [script], requested
        loaded = page.evaluate("window.__loaded")
        assert loaded["src"] == script
        for key, value in attributes.items():
            assert loaded["attrs"].get(key) == value, (key, loaded["attrs"])
        assert "defer" in loaded["attrs"]
        link = page.locator("a.storefront-cta").first
        variant = link.get_attribute("data-cta-variant")
        link.click()
        page.wait_for_timeout(100)
        calls = page.evaluate(READ[name])
    finally:
        context.close()
    assert calls == expected(name, variant)
