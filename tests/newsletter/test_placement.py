"""Where the form appears: blocks, after blog posts, the footer, `newsletter: false`, thank-you page."""

from __future__ import annotations

FOOTER_THEME = {
    # A theme override printing the footer form the way the storefront template does.
    "/overrides/main.html": (
        '{% extends "base.html" %}\n'
        '{% block footer %}<footer id="site-footer">{{ storefront.newsletter_footer }}</footer>{% endblock %}\n'),
}
PLUGIN = {"provider": "buttondown", "form": {"username": "hearthandcrumb"}}


def config(theme="mkdocs", **options):
    return {"theme": {"name": theme, "custom_dir": "overrides"}, "site_url": "https://bakery.example/",
            "plugins": [{"storefront/newsletter": {**PLUGIN, **options}}]}


def forms(built, path):
    return built.html(path).xpath('//form[contains(@class, "sf-newsletter__form")]')


def test_block_with_options_and_footer(site):
    built = site({
        **FOOTER_THEME,
        "index.md": ("# Home\n\n/// newsletter\n    heading: Cake club\n    tag: cakes\n    button: Join\n///\n"
                     "\nAfter.\n"),
        "about.md": "# About\n",
    }, config=config(), strict=True)
    assert built.ok, built.messages
    page = built.html("index.html")
    block = page.xpath('//section[contains(@class, "sf-newsletter--block")]')[0]
    assert block.xpath(".//h2")[0].text == "Cake club"
    assert block.xpath('.//input[@name="tag"]/@value') == ["cakes"]
    assert block.xpath(".//button")[0].text == "Join"
    assert page.xpath('//p[text()="After."]'), "the text after the block is still rendered"
    footer = page.xpath('//footer[@id="site-footer"]//form')
    assert len(footer) == 1
    about = built.html("about/index.html")
    assert len(about.xpath('//footer[@id="site-footer"]//form')) == 1
    # ids differ between the block form and the footer form on the same page
    ids = page.xpath("//input/@id")
    assert len(ids) == len(set(ids))


def test_newsletter_false_turns_every_form_off_for_the_page(site):
    built = site({
        **FOOTER_THEME,
        "index.md": "---\nnewsletter: false\n---\n# Home\n\n/// newsletter\n///\n",
        "other.md": "# Other\n\n/// newsletter\n///\n",
    }, config=config(), strict=True)
    assert built.ok, built.messages
    assert forms(built, "index.html") == []
    assert len(forms(built, "other/index.html")) == 2  # block and footer


def test_footer_option_off(site):
    built = site({**FOOTER_THEME, "index.md": "# Home\n"}, config=config(footer=False), strict=True)
    assert built.ok and forms(built, "index.html") == []


def test_after_blog_posts_and_pages(site):
    files = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/first.md": "---\ndate: 2026-10-01\n---\n# First loaf\n\nBody.\n",
        "blog/posts/quiet.md": "---\ndate: 2026-10-02\nnewsletter: false\n---\n# Quiet\n\nBody.\n",
        "recipes/rye.md": "# Rye\n",
    }
    cfg = {"theme": {"name": "material", "font": False}, "site_url": "https://bakery.example/",
           "plugins": ["blog", {"storefront/newsletter": {**PLUGIN, "after_pages": ["recipes/*.md"],
                                                               "footer": False}}]}
    built = site(files, config=cfg, strict=True)
    assert built.ok, built.messages
    post = built.html("blog/2026/10/01/first-loaf/index.html")
    placed = post.xpath('//article//section[contains(@class, "sf-newsletter--after")]')
    assert len(placed) == 1
    # placed after the post's content
    assert post.xpath('//article//p[text()="Body."]/following::section[contains(@class, "sf-newsletter")]')
    assert built.html("blog/2026/10/02/quiet/index.html").xpath('//section[contains(@class,"sf-newsletter")]') == []
    assert len(forms(built, "recipes/rye/index.html")) == 1
    assert forms(built, "index.html") == []
    assert forms(built, "blog/index.html") == []


def test_generated_thank_you_page(site):
    built = site({"index.md": "# Home\n\n/// newsletter\n///\n"},
                 config={"theme": {"name": "mkdocs"}, "site_url": "https://bakery.example/shop/",
                         "plugins": [{"storefront/newsletter": {"provider": "formspree",
                                                                "form": {"form_id": "xyzzabcd"}}}]},
                 strict=True)
    assert built.ok, built.messages
    thanks = built.html("newsletter/thanks/index.html")
    assert thanks.xpath('//meta[@name="robots"]/@content') == ["noindex, follow"]
    # Formspree collects form entries: no confirmation email is promised (issue 13)
    assert "received as a form entry" in thanks.text_content()
    assert "confirm your subscription" not in thanks.text_content()
    assert thanks.xpath('//form[contains(@class, "sf-newsletter__form")]') == []
    redirect = forms(built, "index.html")[0].xpath('.//input[@name="_next"]/@value')
    assert redirect == ["https://bakery.example/shop/newsletter/thanks/"]
    nav = built.html("index.html").xpath('//nav//a/@href')
    assert not any("thanks" in href for href in nav)


def test_configured_thank_you_page(site):
    built = site({"index.md": "# Home\n\n/// newsletter\n///\n", "welcome.md": "# Welcome aboard\n"},
                 config={"theme": {"name": "mkdocs"},
                         "plugins": [{"storefront/newsletter": {"provider": "netlify", "form": {"name": "news"},
                                                                "thank_you": "welcome.md"}}]},
                 strict=True)
    assert built.ok, built.messages
    assert forms(built, "index.html")[0].get("action") == "/welcome/"
    assert not built.exists("newsletter/thanks/index.html")
    missing = site({"index.md": "# Home\n"}, config={"theme": {"name": "mkdocs"}, "plugins": [
        {"storefront/newsletter": {**PLUGIN, "thank_you": "nope.md"}}]}, strict=True)
    assert any('thank_you: "nope.md" is not a page of the site' in w for w in missing.warnings), missing.warnings


def test_block_problems_name_file_and_line(site):
    built = site({**FOOTER_THEME,
                  "index.md": "---\ntitle: Home\n---\n# Home\n\nText.\n\n/// newsletter\n    colour: red\n///\n"},
                 config=config(), strict=True)
    assert not built.ok
    assert any(w.startswith("storefront: docs/index.md:8: /// newsletter:") and "colour" in w
               for w in built.warnings), built.warnings
    bad_value = site({**FOOTER_THEME, "index.md": "---\nnewsletter: nope\n---\n# Home\n"}, config=config(),
                     strict=True)
    assert any("docs/index.md:2: newsletter:" in w for w in bad_value.warnings), bad_value.warnings


def test_coexists_with_other_blocks_extensions(site):
    """pymdownx.blocks configured by the site, and another plugin's block, in one page."""
    built = site({
        "index.md": ("# Home\n\n/// admonition | Note\n    type: note\nHello.\n///\n\n"
                     "/// details | More\nHidden text.\n///\n\n/// newsletter\n///\n\n/// cta | order\n///\n"),
    }, config={"theme": {"name": "mkdocs"},
               "markdown_extensions": ["pymdownx.blocks.admonition", "pymdownx.blocks.details"],
               "plugins": [{"storefront/cta": {"ctas": {"order": {"label": "Order", "url": "index.md"}}}},
                           {"storefront/newsletter": PLUGIN}]},
        strict=True)
    assert built.ok, built.messages
    page = built.html("index.html")
    assert page.xpath('//div[contains(@class, "admonition")]//p[text()="Hello."]')
    assert page.xpath("//details/summary")[0].text == "More"
    assert len(page.xpath('//form[contains(@class, "sf-newsletter__form")]')) == 1
    assert page.xpath('//a[contains(@class, "storefront-cta")]/@data-cta-id') == ["order"]


def test_stylesheet_is_added_and_has_no_third_party(site):
    built = site({**FOOTER_THEME, "index.md": "# Home\n\n/// newsletter\n///\n"}, config=config(), strict=True)
    css = built.text("assets/storefront/newsletter.css")
    assert ".sf-hp" in css and "url(" not in css and "@import" not in css
    assert built.html("index.html").xpath('//link[contains(@href, "assets/storefront/newsletter.css")]')


def test_forms_stay_out_of_the_search_index(site):
    files = {"index.md": "# Home\n\nWelcome to the bakery.\n\n/// newsletter\n    heading: Cake club news\n///\n",
             "blog/index.md": "# Blog\n",
             "blog/posts/first.md": "---\ndate: 2026-10-01\n---\n# First loaf\n\nBody.\n"}
    cfg = {"theme": {"name": "material", "font": False}, "site_url": "https://bakery.example/",
           "plugins": ["search", "blog", {"storefront/newsletter": PLUGIN}]}
    built = site(files, config=cfg, strict=True)
    assert built.ok, built.messages
    assert len(forms(built, "index.html")) == 1 and len(forms(built, "blog/2026/10/01/first-loaf/index.html")) == 1
    index = built.text("search/search_index.json")
    assert "Welcome to the bakery" in index
    assert "Cake club news" not in index and "Email address" not in index
    assert "storefront:newsletter" not in built.text("index.html")


def test_block_problems_keep_their_problem_and_fix(site):
    kit = {"provider": "kit", "form": {"form_id": "7321456"}}
    built = site({**FOOTER_THEME,
                  "index.md": "# Home\n\n/// newsletter | wide\n    colour: red\n///\n",
                  "name.md": "# Name\n\nText.\n\n/// newsletter\n    first_name: maybe\n///\n",
                  "tag.md": "# Tag\n\n/// newsletter\n    tag: cakes\n///\n"},
                 config={**config(), "plugins": [{"storefront/newsletter": kit}]}, strict=True)
    warnings = [w for w in built.warnings if "/// newsletter" in w]
    assert sorted(warnings) == [
        'storefront: docs/index.md:3: /// newsletter: the newsletter block takes no "| wide", "colour"; '
        "use the options heading, text, button, tags, tag, first_name",
        "storefront: docs/name.md:5: /// newsletter: the newsletter block's first_name must be true or false",
        'storefront: docs/tag.md:3: /// newsletter: "cakes" is not a Kit (ConvertKit) tag id; '
        "use the tag's number from Kit (ConvertKit), like 5432109"], built.warnings


def test_each_pages_form_has_its_own_ids_and_the_same_fields(site):
    # One form text is shared by the pages (rendered once, with a stand-in id prefix): each
    # form on a page gets ids of its own (numbered on each page), and every page the same form.
    files = {**FOOTER_THEME, "index.md": "# Home\n",
             **{f"recipes/r{n}.md": f"# R{n}\n\n/// newsletter\n///\n" for n in range(4)}}
    built = site(files, config=config(after_pages=["recipes/*.md"], footer=False), strict=True)
    assert built.ok, built.messages
    shapes = set()
    for n in range(4):
        page = built.html(f"recipes/r{n}/index.html")
        ids = page.xpath("//section[contains(@class, 'sf-newsletter')]//@id")
        assert len(ids) == len(set(ids)) == 6, ids  # two forms (block and after): unique ids
        assert {value.split("-")[2] for value in ids} == {"1", "2"}
        labels = page.xpath("//section[contains(@class, 'sf-newsletter')]//label/@for")
        assert set(labels) <= set(ids)  # every label names a field of its own form
        shapes.add(tuple(page.xpath("//section[contains(@class, 'sf-newsletter')]//@*")))
    assert len(shapes) == 1


def test_an_override_that_transforms_the_id_prefix_is_rendered_per_page(site):
    override = {"/overrides/partials/storefront/newsletter.html":
                '<section class="sf-newsletter" data-id="{{ form.id|upper }}" data-len="{{ form.id|length }}">'
                '<form class="sf-newsletter__form"><input id="{{ form.email.id }}"></form></section>\n'}
    files = {**override, "index.md": "# Home\n", "r1.md": "# R1\n", "r22.md": "# R22\n"}
    built = site(files, config=config(after_pages=["r*.md"], footer=False), strict=True)
    assert built.ok, built.messages
    values = sorted((section.get("data-id"), section.get("data-len"))
                    for path in ("r1/index.html", "r22/index.html")
                    for section in built.html(path).xpath("//section[@data-id]"))
    assert values == [("SF-NEWSLETTER-1", "15")] * 2  # each page numbers its own forms
