"""Visible = structured: the footer global, the `/// business | …` blocks and hostile values."""

from __future__ import annotations

import json

from schema_helpers import HOSTILE, NOW, PROFILE, SITE_URL, config, files, json_ld, nodes, of_type
from vocabulary_check import Vocabulary

FOOTER_OVERRIDE = """
{% extends "base.html" %}
{% block footer %}<footer id="site-footer">{{ storefront.business_footer }}</footer>{% endblock %}
"""


def test_footer_global_shows_name_address_phone_hours_and_closures(site):
    built = site({**files({"index.md": "# Home\n", "about.md": "# About\n"}), "/overrides/main.html": FOOTER_OVERRIDE},
                 config=config(theme={"name": "mkdocs", "custom_dir": "overrides"}, plugins=[
                     {"storefront/schema": {"clock": "12h"}}]), env={"STOREFRONT_NOW": NOW}, strict=True)
    assert built.ok, built.warnings
    for path in ("index.html", "about/index.html"):
        footer = built.html(path).xpath('//footer[@id="site-footer"]')[0]
        address = footer.xpath('.//address')[0]
        assert "Hearth & Crumb Bakery" in address.text_content() and "118 Church Street" in address.text_content()
        tel = footer.xpath('.//a[starts-with(@href, "tel:")]')[0]
        assert tel.get("href") == "tel:+18025550142" and tel.text == "+1 802-555-0142"
        rows = {row.xpath("th")[0].text: row.xpath("td")[0].text_content()
                for row in footer.xpath('.//table[@class="sf-hours__table"]/tbody/tr')}
        assert rows["Friday"] == "7 am–11:30 am, 1 pm–6 pm"  # the split shift
        assert rows["Monday"] == "Closed" and rows["Sunday"] == "Open 24 hours"
        assert footer.xpath('.//table/caption')[0].text == "Opening hours"
        times = footer.xpath('.//tr[th="Friday"]//time/@datetime')
        assert times == ["07:00", "11:30", "13:00", "18:00"]
        closures = [li.text_content() for li in footer.xpath('.//li[contains(@class, "sf-hours__special-item")]')]
        assert closures == ["Thursday 26 November 2026 (Thanksgiving): Closed",
                            "Thursday 24 December 2026 (Christmas Eve): 7 am–12 pm"]
        assert footer.xpath('.//li[contains(@class, "--closed")]/time/@datetime') == ["2026-11-26"]
        assert "Hearth & Crumb Winooski" in footer.text_content()  # the branch


def test_footer_and_json_ld_come_from_the_same_hours(site):
    built = site({**files({"index.md": "# Home\n"}), "/overrides/main.html": FOOTER_OVERRIDE},
                 config=config(theme={"name": "mkdocs", "custom_dir": "overrides"}), env={"STOREFRONT_NOW": NOW})
    footer = built.html().xpath('//footer[@id="site-footer"]')[0]
    visible = {(row.xpath("th")[0].text, tuple(row.xpath(".//time/@datetime")))
               for row in footer.xpath('.//table[@class="sf-hours__table"]/tbody/tr') if row.xpath(".//time")}
    business = nodes(json_ld(built))[SITE_URL + "#business"]
    structured = {}
    for spec in business["openingHoursSpecification"]:
        for day in spec.get("dayOfWeek", []):
            structured.setdefault(day.rsplit("/", 1)[-1], []).extend([spec["opens"], spec["closes"]])
    assert visible == {(day, tuple(times)) for day, times in structured.items() if times != ["00:00", "23:59"]}


def test_partials_can_be_overridden_from_custom_dir(site):
    override = "<p class=\"mine\">{{ location.name }} / {{ location.telephone }}</p>\n"
    built = site({**files({"index.md": "# Home\n\n/// business | contact\n///\n"}),
                  "/overrides/partials/storefront/business-contact.html": override},
                 config=config(theme={"name": "mkdocs", "custom_dir": "overrides"}), env={"STOREFRONT_NOW": NOW})
    assert built.html().xpath('//p[@class="mine"]')[0].text == "Hearth & Crumb Bakery / +1 802-555-0142"


def test_hours_block_for_a_branch_and_contact_block(site):
    page = ("# Contact\n\n/// business | contact\n///\n\n/// business | hours\n///\n\n"
            "/// business | hours\n    branch: Hearth & Crumb Winooski\n///\n\nAfter the blocks.\n")
    built = site(files({"index.md": page}), config=config(), env={"STOREFRONT_NOW": NOW}, strict=True)
    assert built.ok, built.warnings
    # the page's content (a stock theme also shows the business in its footer)
    [html] = built.html().xpath('//*[@role="main"]')
    captions = [c.text for c in html.xpath('.//table[@class="sf-hours__table"]/caption')]
    assert captions == ["Opening hours", "Opening hours: Hearth & Crumb Winooski"]
    branch_rows = html.xpath('(.//table[@class="sf-hours__table"])[2]//tr[th="Saturday"]//time/@datetime')
    assert branch_rows == ["07:30", "11:00", "12:00", "15:00"]
    addresses = [a.xpath('./span[@class="sf-contact__name"]')[0].text for a in html.xpath('.//address')]
    assert addresses == ["Hearth & Crumb Bakery", "Hearth & Crumb Winooski"]
    assert html.xpath('//p[text()="After the blocks."]')


BLOCK_HOOK = '''
import xml.etree.ElementTree as etree
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block


class CtaBlock(Block):
    NAME = "cta"
    ARGUMENT = True

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "cta-" + self.argument})


class CtaExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(CtaBlock, {})


def on_config(config):
    config.markdown_extensions.append(CtaExtension())
'''


def test_blocks_coexist_with_user_and_other_plugin_blocks(site):
    page = ("# Home\n\n/// admonition | Note\n    type: note\n\nAdmonished.\n///\n\n"
            "/// cta | visit\n///\n\n/// business | contact\n///\n\n/// details | More\nHidden text.\n///\n")
    built = site({**files({"index.md": page}), "/hooks/cta.py": BLOCK_HOOK},
                 config=config(markdown_extensions=["pymdownx.blocks.admonition", "pymdownx.blocks.details"],
                               hooks=["hooks/cta.py"]),
                 env={"STOREFRONT_NOW": NOW}, strict=True)
    assert built.ok, built.warnings
    html = built.html()
    assert html.xpath('//div[contains(@class, "admonition")]/p[text()="Admonished."]')
    assert html.xpath('//div[@class="cta-visit"]')
    assert html.xpath('//details/summary[text()="More"]')
    assert html.xpath('//div[contains(@class, "sf-business-block--contact")]//address')


def test_block_mistakes_are_reported_with_file_and_line(site):
    page = ("# Home\n\n/// business | menu\n///\n\n/// business | faq\n///\n\n"
            "/// business | hours\n    branch: Nowhere\n///\n")
    built = site(files({"index.md": page}), config=config(), env={"STOREFRONT_NOW": NOW})
    expected = [
        'docs/index.md:3: /// business | menu: "menu" is not a business block; '
        'use hours, contact, faq, events or processors',
        "docs/index.md:6: /// business | faq: the page has no faq: front matter",
        'docs/index.md:9: /// business | hours: "Nowhere" is not a branch in the business profile',
    ]
    for message in expected:
        assert any(message in w for w in built.warnings), (message, built.warnings)
    strict = site(files({"index.md": page}), config=config(), env={"STOREFRONT_NOW": NOW}, strict=True)
    assert not strict.ok


def test_faq_block_places_the_faq_once(site):
    page = "---\nfaq:\n  - {question: Open on Mondays?, answer: No.}\n---\n# Home\n\n/// business | faq\n///\n\nEnd.\n"
    built = site(files({"index.md": page}), config=config(), env={"STOREFRONT_NOW": NOW}, strict=True)
    html = built.html()
    assert len(html.xpath('//section[@class="sf-faq"]')) == 1
    following = html.xpath('//section[@class="sf-faq"]/following::p[text()="End."]')
    assert following, "the FAQ is where the block is, not appended at the end"


HOSTILE_PROFILE = PROFILE.replace("name: Hearth & Crumb Bakery", f"name: '{HOSTILE.replace(chr(39), chr(39) * 2)}'")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_hostile_value_in_every_text_field(site, schemaorg_vocabulary):
    q = _quoted(HOSTILE)
    profile = f"""
        type: Bakery
        name: {q}
        description: {q}
        price_range: {q}
        telephone: +1 802-555-0142
        address: {{street: {q}, locality: {q}, region: {q}, postal_code: {q}, country: US}}
        area_served: [{q}]
        geo: {{latitude: 44.4, longitude: -73.2}}
        timezone: America/New_York
        hours: {{monday: 07:00-15:00}}
        special_hours: [{{date: 2026-11-26, hours: closed, label: {q}}}]
        payment_accepted: [{q}]
        serves_cuisine: [{q}]
        logo: images/logo.png
        branches:
          - name: {q}
            address: {{street: {q}, locality: {q}, country: US}}
            hours: {{friday: 07:00-12:00}}
        """
    page = f"""
        ---
        title: {q}
        description: {q}
        date: 2026-10-01
        author: {q}
        tags: [{q}]
        image_alt: {q}
        product: {{name: {q}, description: {q}, sku: {q}, brand: {q}, price: 5, currency: USD}}
        event: {{name: {q}, description: {q}, start: 2026-12-12, location: {{name: {q}, address: {q}}}}}
        faq: [{{question: {q}, answer: {q}}}]
        ---
        # Safe heading

        /// business | contact
        ///

        /// business | hours
        ///
        """
    built = site({**files({"index.md": "# Home\n", "hostile.md": page}, profile=profile),
                  "/overrides/main.html": FOOTER_OVERRIDE},
                 # storefront/seo escapes the page title for the theme, which prints it raw in <title>
                 config=config(theme={"name": "mkdocs", "custom_dir": "overrides"},
                               plugins=["storefront/seo", "storefront/schema"]),
                 env={"STOREFRONT_NOW": NOW})
    assert built.ok
    text = built.text("hostile/index.html")
    assert "<script>alert(1)" not in text and "<Bakery>" not in text
    data = json_ld(built, "hostile/index.html")
    assert Vocabulary(schemaorg_vocabulary).check(data).problems == []
    strings = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.append(value)

    walk(data)
    # name, description, street, locality, region, postcode, area, price range, payment, cuisine,
    # label, branch name/street/locality, website, title, description, author, keyword, product x4,
    # event x4, question, answer, caption …
    assert strings.count(HOSTILE) >= 25, strings.count(HOSTILE)
    business = nodes(data)[SITE_URL + "#business"]
    assert business["name"] == HOSTILE and business["address"]["streetAddress"] == HOSTILE
    assert of_type(data, "Product")[0]["sku"] == HOSTILE
    html = built.html("hostile/index.html")
    footer = html.xpath('//footer[@id="site-footer"]')[0]
    assert footer.xpath('.//span[@class="sf-contact__name"]')[0].text == HOSTILE
    assert footer.xpath('.//li[contains(@class, "sf-hours__special-item")]')[0].text_content().endswith(
        f"({HOSTILE}): Closed")
    assert html.xpath('//h3[@class="sf-faq__question"]')[0].text == HOSTILE
    assert html.xpath('//p[@class="sf-faq__answer"]')[0].text == HOSTILE
    # the visible event list (issue 13): every value printed as text, escaped once
    assert html.xpath('//h3[@class="sf-events__name"]')[0].text == HOSTILE
    assert html.xpath('//p[@class="sf-events__description"]')[0].text == HOSTILE
    assert html.xpath('//p[@class="sf-events__where"]')[0].text_content() == f"{HOSTILE}, {HOSTILE}"
    block = html.xpath('//div[contains(@class, "sf-business-block--contact")]//span[@class="sf-contact__line"]')
    assert block[0].text == HOSTILE
    assert html.xpath("//script[not(@src)]/text()")  # scripts exist, and none of them is the injected one
    assert not [s for s in html.xpath("//script/text()") if "alert(1)" in s and "ld+json" not in s
                and not s.lstrip().startswith("{")]
    assert json.loads(html.xpath('//script[@type="application/ld+json"]')[0].text) == data
