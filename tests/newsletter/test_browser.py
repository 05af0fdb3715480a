"""The demo site's signup form in Debian chromium: posted fields, consent, strict CSP.

The demo (root mkdocs.yml) is built into a temp folder with one change: the newsletter's
provider is a `custom` endpoint on 127.0.0.1 that records what the form posts, using the
same field names as the demo's Buttondown form, plus a honeypot.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from mkdocs.config import load_config
from mkdocs.utils import yaml_load

from conftest import ROOT, LocalServer, StandInHandler, build_as_mkdocs_does

pytestmark = pytest.mark.browser

FIELDS = {"email": "email", "first_name": "metadata__first_name", "tags": "tag",
          "consent": "metadata__consent", "honeypot": "hp_check", "hidden": {"embed": "1"}}


class Recorder(LocalServer):
    """A stand-in provider: records each POST and answers with a small page, with JSON (as
    MailerLite's endpoint does) when the path ends in /jsonp, or with a 303 to `redirect_to`
    (a provider's confirmation page on another origin) when the path ends in /redirect."""

    def __init__(self) -> None:
        self.posts: list[dict[str, list[str]]] = []
        self.event = threading.Event()
        self.redirect_to = ""
        recorder = self

        class Handler(StandInHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                recorder.posts.append(parse_qs(self.rfile.read(length).decode(), keep_blank_values=True))
                recorder.event.set()
                if self.path.endswith("/redirect"):
                    self.answer(303, headers={"Location": recorder.redirect_to})
                elif self.path.endswith("/jsonp"):
                    self.answer(200, b'{"success":true}', "application/json")
                else:
                    self.answer(200, b"<!doctype html><title>ok</title><p>subscribed</p>", "text/html")

            def do_GET(self):  # the confirmation page a redirect lands on
                self.answer(200, b"<!doctype html><title>confirmed</title><p>please confirm</p>", "text/html")

        super().__init__(Handler)

    def clear(self) -> None:
        """Forget what was posted (each test starts with none)."""
        self.posts.clear()
        self.event.clear()


@pytest.fixture(scope="module")
def recorder():
    instance = Recorder()
    yield instance
    instance.close()


def build_demo(root: Path, recorder: Recorder, *, inline_css: bool, action: str = "/subscribe",
               redirect_origins: list[str] | None = None) -> Path:
    """The demo site built with the recording endpoint as the newsletter's provider."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        raw = yaml_load(handle)
    plugins = []
    found = False
    for entry in raw["plugins"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        options = dict((entry[name] or {}) if isinstance(entry, dict) else {})
        if name == "storefront/newsletter":
            options["provider"] = "custom"
            options["form"] = {"action": f"{recorder.origin}{action}", **FIELDS}
            if redirect_origins:
                options["form"]["redirect_origins"] = redirect_origins
            found = True
        if name == "storefront/analytics":
            options["enabled"] = False  # the demo's visit counting is tested in tests/browser
        if name == "storefront/optimize" and not inline_css:
            options["inline_css"] = 0
        plugins.append({name: options} if options or isinstance(entry, dict) else entry)
    assert found, "the demo's mkdocs.yml does not enable storefront/newsletter"
    site_dir = root / "site"
    build_as_mkdocs_does(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), plugins=plugins))
    return site_dir


@pytest.fixture(scope="module")
def demo(tmp_path_factory, recorder) -> Path:
    """The demo with every stylesheet linked, not inlined: the brief's strict policy
    (style-src 'self', no hashes) allows no inline <style>."""
    return build_demo(tmp_path_factory.mktemp("demo"), recorder, inline_css=False)


@pytest.fixture(scope="module")
def shipped_demo(tmp_path_factory, recorder) -> Path:
    """The demo exactly as configured (storefront/optimize may inline small stylesheets)."""
    return build_demo(tmp_path_factory.mktemp("shipped"), recorder, inline_css=True)


def form_page(site_dir: Path) -> str:
    """A page of the demo with the signup form, preferring a blog post (placed after it)."""
    pages = sorted(site_dir.rglob("*.html"), key=lambda p: p.as_posix())
    for marker in ("sf-newsletter--after", "sf-newsletter__form"):
        for page in pages:
            if marker in page.read_text(encoding="utf-8") and "thanks" not in page.as_posix():
                return page.relative_to(site_dir).as_posix()
    pytest.fail("no page of the demo has a newsletter form")


def csp(recorder: Recorder) -> str:
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"font-src 'self'; form-action 'self' {recorder.origin}")


WATCH_CSP = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
   sample: e.sample}));
"""


def open_page(browser, serve_dir, demo, recorder, policy=None):
    base = serve_dir(demo, headers={"Content-Security-Policy": policy or csp(recorder)})
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.goto(base + form_page(demo), wait_until="load")
    return context, page, base, requests, console


def test_submits_the_fields_the_provider_expects(browser, serve_dir, demo, recorder):
    recorder.clear()
    context, page, _base, requests, _console = open_page(browser, serve_dir, demo, recorder)
    try:
        form = page.locator("form.sf-newsletter__form").first
        assert form.get_attribute("action") == f"{recorder.origin}/subscribe"
        form.get_by_label("Email address").fill("maria@example.org")
        form.get_by_label("First name (optional)").fill("Maria")
        form.get_by_label("Cakes and celebration orders").check()
        form.locator('input[type="checkbox"][required]').check()
        with page.expect_navigation():
            form.locator('button.sf-newsletter__submit').click()
        assert recorder.event.wait(5), "the form's POST never reached the provider"
    finally:
        context.close()
    posted = recorder.posts[-1]
    assert posted["email"] == ["maria@example.org"]
    assert posted["metadata__first_name"] == ["Maria"]
    assert posted["hp_check"] == [""], "the honeypot must be posted empty"
    assert posted["metadata__consent"] == ["yes"]
    assert posted["embed"] == ["1"]
    assert sorted(posted["tag"]) == ["cakes", "website"]  # the demo's fixed tag and the chosen interest
    assert all(url.startswith("http://127.0.0.1:") for url in requests), requests


def test_submission_is_blocked_without_consent(browser, serve_dir, demo, recorder):
    recorder.clear()
    context, page, base, requests, _console = open_page(browser, serve_dir, demo, recorder)
    try:
        form = page.locator("form.sf-newsletter__form").first
        form.get_by_label("Email address").fill("maria@example.org")
        consent = form.locator('input[type="checkbox"][required]')
        # The browser fires `invalid` when its validation stops the submission: wait for that.
        consent.evaluate("el => el.addEventListener('invalid', () => { window.sfRefused = true; }, {once: true})")
        form.locator('button.sf-newsletter__submit').click()
        page.wait_for_function("() => window.sfRefused === true", timeout=5000)
        assert consent.evaluate("el => el.validity.valueMissing") is True
        assert form.evaluate("el => el.checkValidity()") is False
        assert page.url.startswith(base), "the browser left the page"
    finally:
        context.close()
    assert recorder.posts == [], "the form was sent without consent"
    assert not any("/subscribe" in url for url in requests)


def page_violations(browser, serve_dir, demo, recorder, policy=None):
    context, page, base, requests, console = open_page(browser, serve_dir, demo, recorder, policy)
    try:
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__violations")
        form = page.locator("form.sf-newsletter__form").first
        assert form.is_visible()
        box = form.locator(".sf-hp input").bounding_box()
        assert box is None or box["x"] + box["width"] <= 0 or box["width"] <= 1, f"honeypot visible: {box}"
    finally:
        context.close()
    return violations, console, requests, base


def theme_inline_scripts(html: str) -> int:
    """Executable inline <script> elements outside the storefront forms and CTAs (the theme's)."""
    import lxml.html

    root = lxml.html.fromstring(html)
    count = 0
    for script in root.iter("script"):
        if script.get("src") or (script.get("type") or "text/javascript") not in ("text/javascript", "module"):
            continue
        inside = script.xpath('ancestor::*[contains(@class, "sf-newsletter") or contains(@class, "sf-cta")]')
        assert not inside, "an inline script inside a storefront form or CTA"
        count += 1
    return count


def test_no_csp_violation_from_the_form_and_no_third_party_request(browser, serve_dir, demo, recorder):
    violations, console, requests, base = page_violations(browser, serve_dir, demo, recorder)
    html = (demo / form_page(demo)).read_text(encoding="utf-8")
    theme_scripts = theme_inline_scripts(html)
    # Every violation other than the theme's own inline <script> elements counts: inline
    # styles or handlers (style-src-attr, script-src-attr), form-action, images, fonts.
    ours = [v for v in violations if not (v["directive"] == "script-src-elem" and v["blocked"] == "inline")]
    assert ours == [], ours
    inline = [v for v in violations if v not in ours]
    assert len(inline) <= theme_scripts, (inline, theme_scripts)
    third_party = [url for url in requests if not url.startswith(base) and not url.startswith("data:")]
    assert third_party == [], third_party
    assert not [m for m in console if "Refused to" in m and "inline script" not in m], console


def shipped_policy(site_dir: Path) -> str:
    """The Content-Security-Policy the demo deploys with (site/_headers, section `/*`)."""
    headers = site_dir / "_headers"
    assert headers.exists(), "the demo ships no _headers file (storefront/optimize `headers`)"
    section = None
    for line in headers.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            section = line.strip()
        elif section == "/*" and line.strip().startswith("Content-Security-Policy:"):
            return line.split(":", 1)[1].strip()
    pytest.fail("site/_headers has no Content-Security-Policy for /*")


def test_whole_page_has_no_violation_under_the_shipped_policy(browser, serve_dir, shipped_demo, recorder):
    policy = shipped_policy(shipped_demo)
    assert "form-action 'self' " + recorder.origin in policy, policy
    violations, _console, requests, base = page_violations(browser, serve_dir, shipped_demo, recorder, policy)
    assert violations == [], violations
    assert [url for url in requests if not url.startswith(base) and not url.startswith("data:")] == []


def test_form_and_ctas_pass_axe(browser, serve_dir, demo):
    """Labels, names, keyboard reachability and contrast of the form and the CTAs (axe-core)."""
    from axe_playwright_python.sync_playwright import Axe

    base = serve_dir(demo)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base + form_page(demo), wait_until="load")
        assert page.locator("a.storefront-cta").count() >= 1, "the blog post has no placed CTA"
        results = Axe().run(page, context={"include": [[".sf-newsletter"], [".sf-cta"]]})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        # keyboard: the email field, then the CTA link, are reachable with Tab
        page.locator("form.sf-newsletter__form input[type=email]").first.focus()
        focused = page.evaluate("document.activeElement.getAttribute('autocomplete')")
    finally:
        context.close()
    assert violations == [], violations
    assert focused == "email"


@pytest.fixture(scope="module")
def confirm_host():
    """A second origin (another port): where the stand-in provider's 303 leads."""
    instance = Recorder()
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def redirecting_demo(tmp_path_factory, recorder, confirm_host) -> Path:
    return build_demo(tmp_path_factory.mktemp("redirect"), recorder, inline_css=True, action="/redirect",
                      redirect_origins=[confirm_host.origin])


def submit_and_follow(browser, serve_dir, site_dir, recorder, policy):
    base = serve_dir(site_dir, headers={"Content-Security-Policy": policy})
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    try:
        page.goto(base + form_page(site_dir), wait_until="load")
        form = page.locator("form.sf-newsletter__form").first
        form.get_by_label("Email address").fill("maria@example.org")
        form.locator('input[type="checkbox"][required]').check()
        form.locator("button.sf-newsletter__submit").click()
        assert recorder.event.wait(5), "the form's POST never reached the provider"
        page.wait_for_timeout(1500)
        return page.url, page.content(), console
    finally:
        context.close()


def test_redirect_to_a_second_origin_is_allowed_by_the_generated_policy(
        browser, serve_dir, redirecting_demo, recorder, confirm_host):
    """The provider answers the POST with a 303 to its confirmation page on another origin:
    Chrome checks form-action on the redirect too, so the generated _headers must list it."""
    recorder.redirect_to = f"{confirm_host.origin}/confirm"
    policy = shipped_policy(redirecting_demo)
    assert confirm_host.origin in policy.split("form-action", 1)[1].split(";", 1)[0], policy
    recorder.clear()
    url, html, console = submit_and_follow(browser, serve_dir, redirecting_demo, recorder, policy)
    assert url == f"{confirm_host.origin}/confirm", (url, console)
    assert "please confirm" in html
    # the control: the same policy without the second origin blocks the redirect
    blocked = policy.replace(" " + confirm_host.origin, "")
    recorder.event.clear()
    url, _html, console = submit_and_follow(browser, serve_dir, redirecting_demo, recorder, blocked)
    assert not url.startswith(confirm_host.origin), url
    assert any("form-action" in line for line in console), console


def test_mailerlite_without_javascript_keeps_the_page_and_answers_in_a_new_tab(
        browser, serve_dir, tmp_path, recorder, site):
    """MailerLite's endpoint answers with JSON; like MailerLite's own embed the form posts to a
    new tab, so a visitor without JavaScript keeps the site open and was told so."""
    built = site({"index.md": "# Home\n\n/// newsletter\n///\n"},
                 config={"theme": {"name": "mkdocs"}, "site_url": "https://bakery.example/",
                         "plugins": [{"storefront/newsletter": {
                             "provider": "mailerlite", "form": {"account": "123456", "form": "98765432101234567"},
                             "after_posts": False, "consent": {"enabled": False}}}]})
    assert built.ok, built.messages
    index = built.site / "index.html"
    real = "https://assets.mailerlite.com/jsonp/123456/forms/98765432101234567/subscribe"
    html = index.read_text(encoding="utf-8")
    assert real in html
    index.write_text(html.replace(real, f"{recorder.origin}/jsonp"), encoding="utf-8")  # the stand-in
    base = serve_dir(built.site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    recorder.clear()
    try:
        page.goto(base, wait_until="load")
        form = page.locator("form.sf-newsletter__form")
        assert page.locator(".sf-newsletter__note").inner_text() == "The provider's answer opens in a new tab."
        form.get_by_label("Email address").fill("maria@example.org")
        with context.expect_page() as new_tab:
            form.locator("button.sf-newsletter__submit").click()
        answer = new_tab.value
        answer.wait_for_load_state()
        assert recorder.event.wait(5)
        assert answer.url == f"{recorder.origin}/jsonp"
        assert page.url == base, "the visitor's page was replaced by the provider's JSON"
    finally:
        context.close()
    posted = recorder.posts[-1]
    assert posted["fields[email]"] == ["maria@example.org"] and posted["ml-submit"] == ["1"]
