"""The footer override: prints the plugins' blocks when they exist, respects
`newsletter: false`, shows one newsletter form per page, and escapes config values."""

from __future__ import annotations

from conftest import ROOT

HOOK = '''
from markupsafe import Markup

def on_env(env, config, files):
    env.globals["storefront"] = {
        "business_footer": Markup('<div class="sf-business-footer">118 Church St</div>'),
        "newsletter_footer": Markup('<section class="sf-newsletter">'
                                    '<form class="sf-newsletter__form"></form></section>'),
    }
    return env
'''
HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def config(with_hook: bool) -> dict:
    settings = {
        "site_name": "Test Bakery",
        "theme": {"name": "material", "custom_dir": str(ROOT / "site_template"), "font": False},
        "extra": {"footer_links": [{"title": HOSTILE, "url": "privacy/"}]},
    }
    if with_hook:
        settings["hooks"] = ["hooks.py"]
    return settings


FILES = {
    "index.md": "# Home\n",
    "quiet.md": "---\nnewsletter: false\n---\n\n# No form here\n",
    "inline.md": ('# Form in content\n\n'
                  '<section class="sf-newsletter"><form class="sf-newsletter__form"></form></section>\n'),
    "marker.md": "# Form placed by storefront/newsletter\n\n<!-- storefront:newsletter 0123456789abcdef -->\n",
    "/hooks.py": HOOK,
}


def footer(built, path):
    (element,) = built.html(path).xpath("//footer[contains(@class, 'sf-footer')]")
    return element


def test_footer_prints_business_and_newsletter_blocks(site):
    built = site(FILES, config=config(True), strict=True)
    assert built.ok, built.error
    home = footer(built, "index.html")
    assert home.xpath(".//div[@class='sf-business-footer']")[0].text == "118 Church St"
    assert len(home.xpath(".//form[@class='sf-newsletter__form']")) == 1


def test_newsletter_false_and_inline_form_leave_the_footer_form_out(site):
    built = site(FILES, config=config(True), strict=True)
    for path in ("quiet/index.html", "inline/index.html", "marker/index.html"):
        page = built.html(path)
        assert footer(built, path).xpath(".//form") == []
        assert footer(built, path).xpath(".//div[@class='sf-business-footer']")
        assert len(page.xpath("//form[@class='sf-newsletter__form']")) == (path.startswith("inline"))


def test_footer_works_without_the_plugins_and_escapes_links(site):
    built = site({"index.md": "# Home\n"}, config=config(False), strict=True)
    assert built.ok, built.error
    home = footer(built, "index.html")
    assert home.xpath(".//form") == [] and not home.xpath(".//*[@class='sf-business-footer']")
    (link,) = home.xpath(".//nav[@class='sf-footer__links']//a")
    assert link.text == HOSTILE
    assert "<script>alert(1)" not in built.text("index.html")
