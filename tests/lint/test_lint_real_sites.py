"""Shapes of real sites that the demo does not have (changelogs, task lists, icon shortcodes,
definition lists, link lists, minified HTML, blog listings, generated pages), each found on a
public MkDocs site and reduced to a fixture."""

from __future__ import annotations

from lint_helpers import findings, lint_site, where

from demo_words import demo_words
from storefront.lint.source import parse

EXTENSIONS = ["attr_list", "def_list", "pymdownx.tasklist",
              {"pymdownx.emoji": {}}]


def test_list_items_never_make_a_run_of_sentence_beginnings(site):
    changelog = "# Changelog\n\n## 9.5.1\n\n" + "".join(f"- Added support for feature {n}\n" for n in range(19))
    links = "# Posts\n\n" + "".join(f"- [Post {n}](p{n}.md)\n" for n in range(1000))
    prose = "# Prose\n\nAdded a loaf. Added a cake. Added a bun.\n"
    built = lint_site(site, {"changelog.md": changelog, "links.md": links, "prose.md": prose},
                      rules={"consecutive-sentences": True})
    assert built.ok, built.error
    assert where(findings(built, "consecutive-sentences")) == [("prose.md", 3)]


def test_an_article_joins_the_next_word_as_yoast_does(site):
    built = lint_site(site, {
        "different.md": "# Pets\n\nThe boy runs home. The girl sings well. The dog barks loudly.\n",
        "same.md": "# Dogs\n\nThe dog runs home. The dog sings well. The dog barks loudly.\n",
        "plain.md": "# Runs\n\nWe run home. We sing well. We bark loudly.\n",
    })
    found = findings(built, "consecutive-sentences")
    assert where(found) == [("plain.md", 3), ("same.md", 3)]
    assert "start with \"The dog\"" in next(f for f in found if f.path == "same.md").message


def test_runs_stop_at_a_heading(site):
    text = "# T\n\nWe bake. We sell.\n\n## Next\n\nWe close. We open.\n"
    assert findings(lint_site(site, {"t.md": text}), "consecutive-sentences") == []


def test_task_boxes_and_icon_shortcodes_are_not_words():
    doc = parse("# T\n\n- [x] Bake the bread\n- [ ] Sell it\n\n"
                "[:octicons-arrow-right-24: Getting started](start.md) and :smile: more :+1:\n")
    texts = [" ".join(unit.text.split()) for unit in doc.units]
    assert texts == ["Bake the bread", "Sell it", "Getting started and more"]
    assert doc.links[0].text == "Getting started"


def test_definition_lists_are_not_paragraphs():
    doc = parse("# Options\n\n`strict`\n\n:   Fails the build on warnings.\n\n"
                "`site_url`\n:   The address of the site.\n    It is used for canonical links.\n\n"
                "Build speed\n:   Fast.\n")
    kinds = [(unit.kind, unit.line) for unit in doc.units]
    assert ("li", 5) in kinds and ("li", 8) in kinds and ("dt", 11) in kinds and ("li", 12) in kinds
    assert not [unit for unit in doc.units if unit.kind == "p"]


LONG = "Frequently asked questions about ordering, delivery, allergens and opening hours"  # 81


def _titles(built):
    return {f.path: f for f in findings(built) if f.rule.startswith("title-") or f.rule == "keyword-not-in-title"}


def test_lint_judges_the_title_the_page_ships_not_the_nav_label(site):
    """A nav label ("FAQ", "Home") is what the menu shows; search results show the page's
    <title>. Material prints the front-matter title there (then " - site name", the same on
    every page, which is not judged without storefront/seo)."""
    files = {
        "index.md": "---\ntitle: Home of the shop\nkeyword: shop\n---\n\nWelcome to [the FAQ](faq.md).\n",
        "faq.md": f"---\ntitle: {LONG}\n---\n\nSee [the orders page](orders.md).\n",
        "orders.md": "---\ntitle: Frequently asked questions\nkeyword: delivery\n---\n\nOrder [here](faq.md).\n",
        "help.md": "---\ntitle: Frequently asked questions\n---\n\nHelp [here](faq.md).\n",
    }
    nav = {"nav": [{"Home": "index.md"}, {"FAQ": "faq.md"}, {"Orders": "orders.md"}, {"Help": "help.md"}]}
    built = lint_site(site, files, config={**nav, "theme": {"name": "material"}})
    assert built.ok, built.error
    assert "<title>Frequently asked questions - Test Bakery</title>" in built.text("help/index.html")
    too_long = findings(built, "title-too-long")
    assert where(too_long) == [("faq.md", 2)]
    assert f'"{LONG}"' in too_long[0].message and "has 80 characters" in too_long[0].message
    assert "(the title Material prints)" in too_long[0].message
    assert where(findings(built, "title-duplicate")) == [("help.md", 2), ("orders.md", 2)]
    # the keyphrase is in the front-matter title: not reported (the nav label "Home" lacks it)
    assert where(findings(built, "keyword-not-in-title")) == [("orders.md", 2)]

    # The mkdocs theme prints the nav label (and the site name alone on the home page): that
    # is what ships, so that is what is judged.
    built = lint_site(site, files, config={**nav, "theme": {"name": "mkdocs"}})
    assert "<title>FAQ - Test Bakery</title>" in built.text("faq/index.html")
    assert findings(built, "title-too-long") == [] and findings(built, "title-duplicate") == []
    assert where(findings(built, "keyword-not-in-title")) == [("index.md", 2), ("orders.md", 2)]
    assert '"Test Bakery" (the title the mkdocs theme prints)' in findings(built, "keyword-not-in-title")[0].message


def test_with_storefront_seo_lint_judges_its_title_pattern(site):
    files = {"index.md": "# Home\n\nSee [about](about.md).\n",
             "about.md": "---\ntitle: About the bakery and its people\n---\n\nBack [home](index.md).\n"}
    plugins = [{"storefront/seo": {"title": "{page} · {site} · fresh bread every morning"}},
               {"storefront/lint": {"workers": 0, "report_formats": []}}]
    built = site(files, config={"site_url": "https://example.com/", "nav": [{"Start": "index.md"}, {"Us": "about.md"}],
                                "theme": {"name": "mkdocs"}, "plugins": plugins})
    assert built.ok, built.error
    shipped = "About the bakery and its people · Test Bakery · fresh bread every morning"
    assert f"<title>{shipped}</title>" in built.text("about/index.html")
    found = findings(built, "title-too-long")
    assert where(found) == [("about.md", 2)]
    assert f'"{shipped}"' in found[0].message and "the <title> storefront/seo writes" in found[0].message


def test_blog_index_and_redirect_stubs_are_not_prose(site):
    """Material's blog index lists the posts (its Markdown is just "# Blog"); a
    `template: redirect.html` stub only forwards. Neither is judged as an article."""
    post = "---\ndate: 2026-10-01\n---\n\n# A post\n\nA post about [home](../../index.md).\n"
    built = site({"index.md": "# Home\n\nSee [the blog](blog/index.md).\n", "blog/index.md": "# Blog\n",
                  "blog/posts/a.md": post, "old.md": "---\ntemplate: redirect.html\nredirect: index.md\n---\n"},
                 config={"theme": {"name": "material"}, "not_in_nav": "/old.md",
                         "plugins": [{"blog": {"blog_dir": "blog"}},
                                     {"storefront/lint": {"workers": 0, "report_formats": []}}]})
    assert built.ok, built.error
    paths = {f.path for f in findings(built)}
    assert "blog/index.md" not in paths and "old.md" not in paths
    assert "blog/posts/a.md" in paths  # posts are still linted


def test_material_tags_index_is_a_listing(site):
    """Material's tags plugin fills a page that holds its `<!-- material/tags -->` marker (or
    the older `[TAGS]`) with every tag and post: a listing, not thin prose."""
    post = "---\ndate: 2026-10-01\ntags: [rye]\n---\n\n# A post\n\nA post about [home](../../index.md).\n"
    built = site({"index.md": "# Home\n\nSee [the tags](tags.md).\n",
                  "tags.md": "---\ntitle: Tags\n---\n\n# Tags\n\nBrowse all tags.\n\n<!-- material/tags -->\n",
                  "old-tags.md": "# Old tags\n\n[TAGS]\n", "blog/index.md": "# Blog\n", "blog/posts/a.md": post},
                 config={"theme": {"name": "material"}, "not_in_nav": "/old-tags.md",
                         "plugins": [{"blog": {"blog_dir": "blog"}}, "tags",
                                     {"storefront/lint": {"workers": 0, "report_formats": []}}]})
    assert built.ok, built.error
    paths = {f.path for f in findings(built)}
    assert "tags.md" not in paths and "old-tags.md" not in paths
    assert "blog/posts/a.md" in paths


def test_exclude_option_skips_generated_pages(site):
    files = {"index.md": "# Home\n\nSee [software](software/index.md).\n",
             "software/index.md": "# Software\n\nThe catalogue.\n",
             "software/detail/gcc.md": "# GCC\n\nGenerated.\n", "software/detail/deep/zlib.md": "# zlib\n"}
    built = lint_site(site, files, options={"exclude": ["software/detail/*"]})
    assert built.ok, built.error
    assert {f.path for f in findings(built)} == {"index.md", "software/index.md"}
    built = lint_site(site, files, options={"exclude": ["software/detail/"]})  # a folder
    assert {f.path for f in findings(built)} == {"index.md", "software/index.md"}
    bad = lint_site(site, files, options={"exclude": "software"})
    assert not bad.ok


def test_reference_links_from_snippets_auto_append_resolve(site):
    """pymdownx.snippets `auto_append` adds link definitions to every page: the page's
    `[MkDocs][mkdocs]` is a link, not the literal text "[MkDocs][mkdocs]"."""
    page = "# Page\n\nBuilt with [MkDocs][mkdocs] and [our guide][guide], read it.\n"
    appended = "[mkdocs]: https://www.mkdocs.org\n[guide]: guide.md\n"
    built = lint_site(site, {"index.md": "# Home\n\n[Page](page.md)\n", "page.md": page, "guide.md": "# Guide\n",
                             "/includes/links.md": appended},
                      config={"markdown_extensions": [{"pymdownx.snippets": {"auto_append": ["includes/links.md"]}}]},
                      rules={"link-text-vague": {"texts": ["our guide"]}})
    assert built.ok, built.error
    assert [f.rule for f in findings(built) if f.path == "page.md" and f.rule == "links-internal-none"] == []
    assert where(findings(built, "link-text-vague")) == [("page.md", 3)]
    assert not any("[mkdocs]" in f.message for f in findings(built))


def _message(built, rule, path):
    found = [f for f in findings(built, rule) if f.path == path]
    assert found, (rule, path, [f"{f.path} {f.rule}" for f in findings(built)])
    return found[0].message


def test_examples_come_from_the_site_not_a_bakery(site):
    drains = ("# Drains\n\nDrain cleaning keeps pipes clear. We offer drain cleaning every week. "
              "Book drain cleaning online.\n")
    files = {"index.md": "# Home\n\nRead [the drains page](drains.md) and [contact us](contact.md).\n",
             "drains.md": drains, "contact.md": "# Contact us\n\nCall [home](index.md).\n",
             "blog/posts/news.md": "# News\n\nSome news.\n"}
    built = lint_site(site, files, config={"nav": ["index.md", "drains.md", "contact.md", "blog/posts/news.md"]})
    assert built.ok, built.error
    assert "`keyword: drain cleaning`" in _message(built, "keyword-missing", "drains.md")
    link = _message(built, "links-internal-none", "drains.md")
    assert "[Contact us](contact.md)" in link or "[Home](index.md)" in link, link
    cta = _message(built, "cta-missing", "blog/posts/news.md")
    assert "[Contact us](../../contact.md){ .md-button }" in cta, cta
    for item in findings(built):
        assert demo_words(item.message) == [], item


def test_numbers_in_messages_read_right(site):
    hard = "# Hard\n\n" + " ".join(["Incomprehensibilities internationalisation characteristically "
                                    "institutionalisation."] * 20) + "\n"
    built = lint_site(site, {"index.md": "# Home\n\n[a](one.md)\n", "one.md": "# One\n\nHello.\n", "hard.md": hard},
                      rules={"readability-score": {"min_words": 10}})
    assert "the page has 1 word;" in _message(built, "text-too-short", "one.md")
    assert "Flesch reading ease 0," in _message(built, "readability-score", "hard.md")


def test_a_share_just_under_the_aim_is_not_shown_as_the_aim(site):
    # 30 sentences, 9 with a transition word… minus a hair: 89 of 300 → 29.67 %
    plain = "We open the shop at nine every day of the week for all."
    turn = "However we open the shop at nine every day of the week."
    text = "# T\n\n" + "\n\n".join([" ".join([turn] * 89 + [plain] * 211)]) + "\n"
    built = lint_site(site, {"t.md": text})
    message = _message(built, "transition-words", "t.md")
    assert "(aim for 30 %)" in message and not message.startswith("30 %"), message


def test_each_icon_is_reported_at_its_own_line(site):
    icons = "\n".join(f'<img src="icons/i{n}.svg"> Item {n}' for n in range(13))
    built = lint_site(site, {"index.md": f"# Home\n\n{icons}\n"})
    assert [f.line for f in findings(built, "image-alt-missing")] == list(range(3, 16))


def test_a_tags_index_is_a_listing(site):
    built = lint_site(site, {"index.md": "# Home\n\nSee [tags](tags.md).\n",
                             "tags.md": "# Tags\n\n<!-- material/tags -->\n",
                             "old-tags.md": "# Tags\n\n[TAGS]\n"})
    assert {f.path for f in findings(built)} == {"index.md"}
