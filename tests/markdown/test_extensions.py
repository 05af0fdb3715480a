"""storefront.markdown.business and storefront.markdown.cta: the `///` blocks as plain
Python-Markdown extensions, for engines that skip MkDocs plugins (Zensical)."""

from __future__ import annotations

import logging
import subprocess
import sys

import lxml.html
import pytest

import markdown
from conftest import build_site, write_tree

PROFILE = """\
type: Plumber
name: Harbour <Plumbing> & Sons
telephone: +44 20 7946 0000
address:
  street: 1 Quay Street
  locality: Bristol
  postal_code: BS1 4DJ
  country: GB
hours:
  monday: 08:00-17:00
branches:
  - name: Harbour East
    telephone: +44 20 7946 0001
    address: {street: 2 Dock Road, locality: Bristol, postal_code: BS2 0AA, country: GB}
    hours: {tuesday: 09:00-12:00}
"""

CTAS = """\
book:
  label: Book a visit
  url: contact.md#form
  heading: Leaking tap?
  text: We come the same day.
quote:
  label: Get a <quote>
  url: https://quotes.example/new
  campaign: spring
gone:
  label: Old offer
  url: https://quotes.example/old
  until: 2026-01-01
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_tree(tmp_path, {"seo/business.yml": PROFILE, "seo/ctas.yml": CTAS})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STOREFRONT_NOW", "2026-12-01T12:00:00Z")
    return tmp_path


def _convert(text: str, **configs) -> str:
    names = [f"storefront.markdown.{name}" for name in configs]
    md = markdown.Markdown(extensions=names, extension_configs={
        f"storefront.markdown.{name}": options for name, options in configs.items()})
    return md.convert(text)


def test_business_hours_and_contact_blocks(project):
    html = _convert("# Contact\n\n/// business | contact\n///\n\n/// business | hours\n"
                    "    branch: harbour east\n///\n", business={})
    tree = lxml.html.fromstring(html)
    assert "Harbour <Plumbing> & Sons" in tree.text_content()  # escaped once, shown as written
    assert "&lt;Plumbing&gt; &amp; Sons" in html and "&amp;amp;" not in html
    assert tree.xpath("//a[@href='tel:+442079460000']")
    [hours] = tree.xpath("//*[contains(@class, 'sf-business-block--hours')]")
    assert "Tuesday" in hours.text_content() and "09:00" in hours.text_content()


def test_business_problems_are_warnings_not_tracebacks(project, caplog):
    caplog.set_level(logging.WARNING)
    html = _convert("/// business | faq\n///\n\n/// business | hours\n    branch: Nowhere\n///\n"
                    "\n/// business | menu\n///\n", business={})
    assert "sf-hours" not in html
    text = "\n".join(caplog.messages)
    assert "needs the storefront/schema plugin" in text
    assert '"Nowhere" is not a branch' in text and '"menu" is not a business block' in text
    caplog.clear()
    _convert("/// business | hours\n///\n", business={"profile": "missing.yml"})
    assert "missing.yml: business profile not found" in caplog.messages[0]


def test_cta_block_links_pages_tags_external_links_and_escapes(project, caplog):
    caplog.set_level(logging.WARNING)
    options = {"site_url": "https://harbour.example/shop/"}
    book = lxml.html.fromstring(_convert("/// cta | book\n///\n", cta=options))
    [link] = book.xpath("//a[@data-cta-id='book']")
    assert link.get("href") == "/shop/contact/#form"
    html = _convert("/// cta | quote\n    heading: Fast <b>quotes</b>\n///\n", cta=options)
    [link] = lxml.html.fromstring(html).xpath("//a[@data-cta-id='quote']")
    assert link.get("href") == ("https://quotes.example/new?utm_source=harbour.example"
                                "&utm_medium=cta&utm_campaign=spring")
    assert "Get a <quote>" in link.text_content() and "&lt;b&gt;quotes" in html
    assert _convert("/// cta | gone\n///\n", cta=options).strip() in ("", "<!-- storefront: block omitted -->")
    _convert("/// cta | nope\n///\n", cta=options)
    assert any("ended on" in m for m in caplog.messages)
    assert any('"nope" is not a named CTA; use one of book, gone, quote' in m for m in caplog.messages)


def test_the_extension_and_the_plugin_render_the_same_cta(project):
    """The plugin (MkDocs) and the extension (any engine) share one partial and one context."""
    files = {"index.md": "# Home\n\n/// cta | quote\n///\n", "contact.md": "# Contact\n",
             "/seo/ctas.yml": CTAS}
    built = build_site(project / "plugin", files, config={
        "site_url": "https://harbour.example/shop/",
        "plugins": [{"storefront/cta": {"utm": {"content": False}, "css": False}}]})
    assert built.ok, built.error
    [from_plugin] = built.html().xpath("//div[contains(@class, 'sf-cta--block')]")
    ext = lxml.html.fromstring(_convert("/// cta | quote\n///\n", cta={"site_url": "https://harbour.example/shop/"}))
    [from_extension] = ext.xpath("//div[contains(@class, 'sf-cta--block')]")
    assert lxml.html.tostring(from_plugin) == lxml.html.tostring(from_extension)


NEWSLETTER = {"site_name": "Harbour <Plumbing>", "site_url": "https://harbour.example/",
              "provider": "buttondown", "form": {"username": "harbour"},
              "consent": {"privacy_url": "privacy.md#data"}}


def test_newsletter_block_is_the_plugins_form(project):
    html = _convert("/// newsletter\n    heading: Tips by email\n///\n", newsletter=NEWSLETTER)
    tree = lxml.html.fromstring(html)
    [form] = tree.xpath("//form[@class='sf-newsletter__form']")
    assert form.get("action") == "https://buttondown.com/api/emails/embed-subscribe/harbour"
    assert tree.xpath("//h2")[0].text == "Tips by email"
    [consent] = tree.xpath("//div[@class='sf-newsletter__consent']")
    assert "Harbour <Plumbing>" in consent.text_content() and "&amp;lt;" not in html
    assert consent.xpath(".//a/@href") == ["/privacy/#data"]


def test_newsletter_options_get_the_plugins_checks(project, caplog):
    caplog.set_level(logging.WARNING)
    pasted = {**NEWSLETTER, "text": "xkeysib-" + "a" * 64 + "-ABCDEFGHIJKLMNOP"}
    assert "<form" not in _convert("/// newsletter\n///\n", newsletter=pasted)
    assert any("Brevo API key" in m for m in caplog.messages)
    caplog.clear()
    assert "<form" not in _convert("/// newsletter\n///\n", newsletter={**NEWSLETTER, "provider": "mailchimps"})
    assert any("did you mean mailchimp?" in m for m in caplog.messages)


def test_a_zensical_site_gets_the_blocks_from_the_extensions(project):
    write_tree(project, {
        "mkdocs.yml": ("site_name: Harbour\nsite_url: https://harbour.example/\n"
                       "theme: {name: material}\nmarkdown_extensions:\n"
                       "  - storefront.markdown.business\n"
                       "  - storefront.markdown.cta: {site_url: 'https://harbour.example/'}\n"
                       "  - storefront.markdown.newsletter: {provider: buttondown, form: {username: harbour}}\n"),
        "docs/index.md": "# Home\n\n/// cta | book\n///\n\n/// newsletter\n///\n",
        "docs/contact.md": "# Contact\n\n/// business | hours\n///\n",
    })
    # python -m zensical: the Zensical of the Python that runs the tests (and has the suite)
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=project, capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "site/index.html").read_text()
    assert 'data-cta-id="book"' in home and "/// cta" not in home
    assert 'class="sf-newsletter__form"' in home and "/// newsletter" not in home
    assert "sf-hours" in (project / "site/contact/index.html").read_text()
    check = subprocess.run([sys.executable, "-m", "storefront", "check", "site"], cwd=project,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
