"""A stock Material site (no custom_dir, no overrides) gets the business footer and the
newsletter form with zero template work; a site's own footer override still wins."""

from __future__ import annotations

PROFILE = """\
type: Plumber
name: Harbour Plumbing
telephone: +44 117 496 0000
address: {street: 1 Quay Street, locality: Bristol, postal_code: BS1 4DJ, country: GB}
timezone: Europe/London
images: [https://harbour.example/van.jpg]
hours:
  monday: 08:00-17:00
  tuesday: 08:00-17:00
"""

FILES = {
    "index.md": "# Harbour Plumbing\n\nEmergency repairs in Bristol.\n",
    "services.md": "# Services\n\nBoilers and taps.\n",
    "quiet.md": "---\nnewsletter: false\n---\n\n# Quiet\n\nNo form here.\n",
    "news.md": "# News\n\n/// newsletter\n///\n",
    "/seo/business.yml": PROFILE,
}



def _config(theme=None, schema=None, newsletter=None) -> dict:
    plugins = [{"storefront/schema": schema or {}},
               {"storefront/newsletter": {"provider": "buttondown", "form": {"username": "harbour"},
                                          **(newsletter or {})}}]
    return {"site_name": "Harbour Plumbing", "site_url": "https://harbour.example/",
            "theme": theme or {"name": "material", "font": False}, "plugins": plugins}


def test_every_page_of_a_stock_material_site_shows_the_business_in_its_footer(site):
    built = site(FILES, config=_config(), strict=True)
    assert built.ok, built.error
    for path in ("index.html", "services/index.html", "quiet/index.html", "news/index.html", "404.html"):
        page = built.html(path)
        [footer] = page.xpath("//footer[contains(@class, 'md-footer')]")
        [business] = footer.xpath(".//div[contains(@class, 'sf-footer__meta')]//div[@class='sf-business-footer']")
        text = " ".join(business.text_content().split())
        assert "Harbour Plumbing" in text and "1 Quay Street" in text and "Monday" in text, path
        assert business.xpath(".//a[starts-with(@href, 'tel:+44117')]"), path
        # inside Material's meta row, before the copyright
        assert footer.xpath(".//div[contains(@class, 'md-footer-meta')]//div[contains(@class, 'sf-footer-added')]")
    assert "assets/storefront/business.css" in built.text("index.html")
    assert built.exists("assets/storefront/business.css")


def test_the_newsletter_form_goes_above_the_footer_unless_the_page_has_one(site):
    built = site(FILES, config=_config(), strict=True)
    home = built.html("index.html")
    [form] = home.xpath("//footer//form[contains(@class, 'sf-newsletter__form')]")
    assert form.xpath("ancestor::div[contains(@class, 'sf-footer__newsletter')]")
    assert built.html("quiet/index.html").xpath("//form[contains(@class, 'sf-newsletter__form')]") == []
    news = built.html("news/index.html")
    assert len(news.xpath("//form[contains(@class, 'sf-newsletter__form')]")) == 1  # the block's
    assert news.xpath("//footer//form") == []


def test_a_sites_own_footer_override_still_wins(site):
    override = ('<footer class="md-footer my-footer">{{ storefront.business_footer }}'
                '{{ storefront.newsletter_footer }}</footer>\n')
    files = {**FILES, "/overrides/partials/footer.html": override}
    built = site(files, config=_config(theme={"name": "material", "font": False, "custom_dir": "overrides"}),
                 strict=True)
    assert built.ok, built.error
    page = built.html("index.html")
    assert len(page.xpath("//div[@class='sf-business-footer']")) == 1
    assert page.xpath("//footer[contains(@class, 'my-footer')]//div[@class='sf-business-footer']")
    assert page.xpath("//*[contains(@class, 'sf-footer-added')]") == []
    assert len(page.xpath("//form[contains(@class, 'sf-newsletter__form')]")) == 1


def test_footer_false_turns_each_off(site):
    built = site(FILES, config=_config(schema={"footer": False}, newsletter={"footer": False}), strict=True)
    page = built.html("index.html")
    assert page.xpath("//div[@class='sf-business-footer']") == []
    assert page.xpath("//form") == [] or not page.xpath("//footer//form")
    assert "assets/storefront/business.css" not in built.text("index.html")


def test_other_themes_get_it_at_the_end_of_their_footer(site):
    built = site(FILES, config=_config(theme={"name": "mkdocs"}), strict=True)
    assert built.ok, built.error
    page = built.html("services/index.html")
    assert len(page.xpath("//div[contains(@class, 'sf-footer-added')]//div[@class='sf-business-footer']")) == 1
    assert len(page.xpath("//form[contains(@class, 'sf-newsletter__form')]")) == 1
