"""The _headers file: CSP hashes of the site's own inline scripts and its forms' origins."""

from __future__ import annotations

import base64
import hashlib

from storefront.optimize.headers import form_origins, inline_script_hashes, render_headers


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_javascript_is_hashed():
    html = ('<script>a=1</script><script type=module>b()</script>'
            '<script src="x.js"></script><script type="application/ld+json">{"a":1}</script>'
            '<script id=__config type=application/json>{}</script><SCRIPT type="text/javascript">c()</SCRIPT>')
    assert inline_script_hashes(html) == {sha("a=1"), sha("b()"), sha("c()")}


def test_hash_matches_the_exact_bytes_including_unicode_and_newlines():
    body = "\n  var s = 'Café';\n"
    assert inline_script_hashes(f"<p>x</p><script>{body}</script>") == {sha(body)}


def test_form_origins_are_external_posts_only():
    html = ('<form action="https://buttondown.com/api/emails/embed-subscribe/x?a=1&amp;b=2" method=post>'
            "<form action=/search><form action='http://list.example:8080/s'><form>")
    assert form_origins(html) == {"https://buttondown.com", "http://list.example:8080"}


def test_render_fills_placeholders_sorted():
    text = render_headers("script-src 'self' {script_hashes}; form-action 'self' {form_origins}",
                          {"'sha256-b'", "'sha256-a'"}, {"https://z.example", "https://a.example"})
    assert text == ("script-src 'self' 'sha256-a' 'sha256-b'; "
                    "form-action 'self' https://a.example https://z.example")


def test_comments_keep_their_placeholders():
    # A comment explains the placeholders; only header values are filled in.
    template = ("# {script_hashes} is replaced by the hashes, {form_origins} by the origins.\n"
                "/*\n  # still a comment: {script_hashes}\n"
                "  Content-Security-Policy: script-src 'self' {script_hashes}; form-action 'self' {form_origins}\n")
    text = render_headers(template, {"'sha256-a'"}, {"https://a.example"})
    lines = text.splitlines()
    assert lines[0] == "# {script_hashes} is replaced by the hashes, {form_origins} by the origins."
    assert lines[2] == "  # still a comment: {script_hashes}"
    assert lines[3] == ("  Content-Security-Policy: script-src 'self' 'sha256-a'; "
                        "form-action 'self' https://a.example")


def test_the_shipped_template_comment_is_left_as_written(site):
    from pathlib import Path

    template = (Path(__file__).resolve().parents[2] / "deploy" / "_headers").read_text(encoding="utf-8")
    comments = [line for line in template.splitlines() if line.lstrip().startswith("#")]
    assert any("{script_hashes}" in line for line in comments)
    text = render_headers(template, {"'sha256-a'"}, set())
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments


TEMPLATE = "/*\n  Content-Security-Policy: script-src 'self' {script_hashes}; form-action 'self' {form_origins}\n"


def test_build_writes_headers_to_the_site_root(site):
    files = {"index.md": '# Home\n\n<form action="https://list.example/subscribe"></form>\n',
             "deep/page.md": "# Deep\n", "/deploy/_headers": TEMPLATE}
    config = {"theme": {"name": "material", "font": False},
              "plugins": [{"storefront/optimize": {"headers": "deploy/_headers"}}]}
    built = site(files, config=config, strict=True)
    assert built.ok, built.error
    headers = built.text("_headers")
    assert "{script_hashes}" not in headers and "form-action 'self' https://list.example" in headers
    expected = set()
    for page in ("index.html", "deep/page/index.html", "404.html"):
        expected |= inline_script_hashes(built.text(page))
    assert expected and all(h in headers for h in expected)
    # the theme's 404 page (a template, not a Markdown page) is minified and counted too
    assert "\n    " not in built.text("404.html")


def test_missing_template_is_a_warning(site):
    config = {"theme": "mkdocs", "plugins": [{"storefront/optimize": {"headers": "deploy/nope"}}]}
    built = site({"index.md": "# Home\n"}, config=config, strict=True)
    assert not built.ok
    assert any("deploy/nope cannot be read" in w and "headers" in w for w in built.warnings)
    assert not built.exists("_headers")


def test_form_origins_include_the_redirect_origins_a_form_names():
    """Chrome and Safari apply form-action to every redirect after the POST, so a form's
    `data-sf-form-origins` (storefront/newsletter: confirmation host, thank-you page) count too;
    only CSP host sources are taken, nothing that could end the directive."""
    html = ('<form action="https://us6.list-manage.com/subscribe/post?u=1&amp;id=2" '
            'data-sf-form-origins="https://us6.list-manage.com https://*.list-manage.com https://shop.example">'
            "</form><form action=/x data-sf-form-origins=\"'unsafe-inline'; script-src * https://ok.example\"></form>")
    assert form_origins(html) == {"https://us6.list-manage.com", "https://*.list-manage.com", "https://shop.example",
                                  "https://ok.example"}
