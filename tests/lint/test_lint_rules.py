"""Every rule: a page that triggers it (at the right Markdown line) and one that does not,
in a real MkDocs build."""

from __future__ import annotations

import pytest
from lint_helpers import INFO, WARNING, findings, lint_site, where, words

LONG_TITLE = "Sourdough, rye, spelt and wholemeal loaves baked every morning in Burlington"
GOOD_DESCRIPTION = ("Fresh sourdough bread baked every morning on Church Street in Burlington, "
                    "with rye, spelt and seeded loaves ready to take away from seven.")
PNG = b"\x89PNG\r\n\x1a\n"

CASES = {
    "title-missing": (
        {"bad.md": "Just some text and no heading at all.\n",
         "good.md": "---\ntitle: A good page\n---\n\nJust some text.\n"},
        [("bad.md", 1)]),
    "title-too-long": (
        {"bad.md": f"---\ndescription: x\ntitle: {LONG_TITLE}\n---\n\nText.\n",
         "good.md": "---\ntitle: Sourdough loaves\n---\n\nText.\n",
         "heading.md": f"# {LONG_TITLE}\n\nText.\n"},
        [("bad.md", 3), ("heading.md", 1)]),
    "description-missing": (
        {"bad.md": "# Bad\n\nText.\n",
         "good.md": f"---\ndescription: {GOOD_DESCRIPTION}\n---\n\n# Good\n\nText.\n"},
        [("bad.md", 1)]),
    "description-length": (
        {"bad.md": "---\ntitle: Bad\ndescription: Too short.\n---\n\nText.\n",
         "long.md": f"---\ntitle: Long\ndescription: {GOOD_DESCRIPTION} {GOOD_DESCRIPTION}\n---\n\nText.\n",
         "good.md": f"---\ntitle: Good\ndescription: {GOOD_DESCRIPTION}\n---\n\nText.\n"},
        [("bad.md", 3), ("long.md", 3)]),
    "description-duplicate": (
        {"a.md": f"---\ndescription: {GOOD_DESCRIPTION}\n---\n\n# A\n",
         "b.md": f"---\ntitle: B\ndescription: {GOOD_DESCRIPTION.upper()}\n---\n\nText.\n",
         "good.md": "---\ndescription: Something else entirely.\n---\n\n# Good\n"},
        [("a.md", 2), ("b.md", 3)]),
    "title-duplicate": (
        {"a.md": "---\ntitle: Our breads\n---\n\nText.\n",
         "b.md": "# Our  Breads\n\nText.\n",
         "good.md": "# Our cakes\n"},
        [("a.md", 2), ("b.md", 1)]),
    "h1-missing": (
        {"bad.md": "---\ntitle: Bad\n---\n\n## Only a subheading\n\nText.\n",
         "good.md": "# Good\n\nText.\n",
         "html.md": "<h1>Raw heading</h1>\n\nText.\n"},
        [("bad.md", 1)]),
    "h1-multiple": (
        {"bad.md": "# One\n\nText.\n\n# Two\n\nMore text.\n",
         "good.md": "# One\n\n## Two\n"},
        [("bad.md", 5)]),
    "heading-skip": (
        {"bad.md": "# Title\n\n## Part\n\nText.\n\n#### Detail\n\nText.\n",
         "first.md": "---\ntitle: T\n---\n\n### Starts too deep\n",
         "good.md": "# Title\n\n## Part\n\n### Detail\n\n## Next part\n"},
        [("bad.md", 7), ("first.md", 5)]),
    "text-too-short": (
        {"bad.md": "# Bad\n\n" + words(120) + "\n",
         "good.md": "# Good\n\n" + words(310) + "\n",
         "contact/index.md": "# Contact\n\nCall us on 555 0100.\n",
         "examples.md": ("# Examples\n\n" + words(150) + "\n\n```yaml\n" + ("plugins: [search, blog, tags]\n" * 40)
                         + "```\n")},
        [("bad.md", 1)],
        {"text-too-short": {"sections": {"contact/*": 0}}}),
    "image-alt-missing": (
        {"bad.md": "# Bad\n\nText.\n\n![](loaf.png)\n\n<p>\n<img src=\"cake.png\">\n</p>\n",
         "good.md": "# Good\n\n![A sourdough loaf](loaf.png)\n\n<img src=\"cake.png\" alt=\"A cake\">\n",
         "loaf.png": PNG, "cake.png": PNG},
        [("bad.md", 5), ("bad.md", 8)]),
    "links-internal-none": (
        {"bad.md": "# Bad\n\n![A loaf](loaf.png)\n\nFirst paragraph, see [the mill](https://mill.example).\n",
         "good.md": "# Good\n\nSee [our breads](bad.md).\n", "loaf.png": PNG},
        [("bad.md", 5)]),
    "link-text-vague": (
        {"bad.md": "# Bad\n\nOur breads are fresh.\nTo order, [click here](good.md).\n\n- [Read more…](good.md)\n",
         "good.md": "# Good\n\nSee [our sourdough breads](bad.md). Our till runs on [Go](https://go.dev/).\n\n"
                    "Extensions we use:\n\n- [Details](bad.md)\n- [Info](bad.md)\n"},
        [("bad.md", 4), ("bad.md", 6)]),
    "keyword-missing": (
        {"bad.md": "# Bad\n\nText.\n",
         "good.md": "---\nkeyword: sourdough\n---\n\n# Good\n"},
        [("bad.md", 1)]),
    "keyword-not-in-title": (
        {"bad.md": "---\ntitle: Our bakery\nkeyword: sourdough bread\n---\n\nText.\n",
         "good.md": "---\ntitle: Sourdough-Breads of the week\nkeyword: sourdough bread\n---\n\nText.\n",
         "synonym.md": "---\ntitle: Naturally leavened loaves\nkeyword: sourdough bread\n"
                       "keywords: [naturally leavened loaf]\n---\n\nText.\n"},
        [("bad.md", 2)]),
    "keyword-not-in-description": (
        {"bad.md": "---\ntitle: Sourdough bread\nkeyword: sourdough bread\ndescription: We bake every day.\n---\n",
         "good.md": "---\ntitle: Sourdough bread\nkeyword: sourdough bread\n"
                    "description: Our sourdough bread is baked every day.\n---\n"},
        [("bad.md", 4)]),
    "keyword-not-in-intro": (
        {"bad.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n"
                    "!!! note\n    Sourdough bread is sold out on Mondays.\n\n"
                    "We bake every morning.\n\nOur sourdough bread is the best.\n"),
         "good.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n![A loaf](loaf.png)\n\n"
                     "!!! note \"Closed on Mondays\"\n    We rest on Mondays.\n\n"
                     "Our Sourdough Breads rise for two days.\n"),
         "loaf.png": PNG},
        [("bad.md", 10)]),
    "keyword-not-in-slug": (
        {"our-story.md": "---\ntitle: Sourdough bread\nkeyword: sourdough bread\n---\n",
         "sourdough-breads.md": "---\ntitle: Sourdough bread\nkeyword: sourdough bread\n---\n"},
        [("our-story.md", 3)]),
    "keyword-not-in-subheading": (
        {"bad.md": "---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n## Hours\n\n### Prices\n",
         "good.md": "---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n## Hours\n\n### Sourdough breads\n"},
        [("bad.md", 7)]),
    "keyword-density": (
        {"bad.md": "---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n" + words(150) + "\n",
         "often.md": "---\nkeyword: sourdough bread\n---\n\n" + ("Sourdough bread. " * 40) + words(100) + "\n",
         "good.md": "---\nkeyword: sourdough bread\n---\n\nOur sourdough bread is good. " + words(150)
                    + " Buy sourdough bread.\n",
         "short.md": "---\nkeyword: sourdough bread\n---\n\n" + words(60) + "\n"},
        [("bad.md", 2), ("often.md", 2)]),
    "keyword-cannibalization": (
        {"a.md": "---\nkeyword: Sourdough-Bread\n---\n\n# A\n",
         "b.md": "---\ntitle: B\nkeyword: sourdough breads\n---\n",
         "c.md": "---\nkeyword: Sourdough Bréad\n---\n\n# C\n",
         "good.md": "---\nkeyword: rye bread\n---\n\n# Good\n"},
        [("a.md", 2), ("b.md", 3), ("c.md", 2)]),
    "readability-score": (
        {"bad.md": "# Bad\n\n" + " ".join(
            [("Comprehensive organisational considerations necessitate extraordinarily sophisticated "
              "administrative methodologies, particularly regarding institutional accountability "
              "and interdepartmental communication infrastructure.")] * 4) + "\n",
         "good.md": "# Good\n\n" + words(80) + "\n"},
        [("bad.md", 3)]),
    "sentence-length": (
        {"bad.md": ("# Bad\n\nWe bake.\n\nWe bake bread and cakes and buns and rolls and pies for all the "
                    "people of the town who come in to the shop on the corner every day.\n"
                    "We also bake tarts and scones and loaves and pastries for every cafe and every school "
                    "in the town and in the towns around it.\n"),
         "good.md": "# Good\n\n" + words(80) + "\n"},
        [("bad.md", 5)]),
    "paragraph-length": (
        {"bad.md": "# Bad\n\n" + words(60) + "\n\n" + words(160) + "\n",
         "good.md": "# Good\n\n" + words(80) + "\n\n" + words(80) + "\n"},
        [("bad.md", 5)]),
    "passive-voice": (
        {"bad.md": ("# Bad\n\nOur bakers start at four.\nThe dough is shaped by hand.\n"
                    "The loaves were baked in a stone oven.\nWe open at seven.\n"),
         "good.md": ("# Good\n\nOur bakers start at four.\nThey shape the dough by hand.\n"
                     "We need seed and a red oven.\n")},
        [("bad.md", 4)]),
    "subheading-distribution": (
        {"bad.md": "# Bad\n\n" + words(100) + "\n\n## Part\n\n" + words(200) + "\n\n" + words(200) + "\n",
         "good.md": "# Good\n\n" + words(200) + "\n\n## Part\n\n" + words(250) + "\n"},
        [("bad.md", 7)]),
    "consecutive-sentences": (
        {"bad.md": "# Bad\n\nOur shop opens early.\nWe bake bread.\nWe sell cakes.\nWe deliver on Fridays.\n",
         "good.md": "# Good\n\nWe bake bread.\nOur shop sells cakes.\nWe deliver on Fridays.\n"},
        [("bad.md", 4)]),
    "transition-words": (
        {"bad.md": "# Bad\n\n" + words(220) + "\n",
         "list.md": "# List\n\n" + "\n".join("- " + words(12) for _ in range(25)) + "\n",
         "good.md": "# Good\n\n" + words(220, "Because we bake bread for the town every day") + "\n"},
        [("bad.md", 3)]),
    "title-width": (
        {"bad.md": "---\ntitle: WWWWWWWWWW WWWWWWWWWW WWWWWWWWWW WW\n---\n\nText.\n",
         "narrow.md": "---\ntitle: illicit little lilies in thin light till a fine mild fall\n---\n\nText.\n",
         "heading.md": "# MMMMMMMMMM MMMMMMMMMM MMMMMMMMMM MMMMMM\n\nText.\n"},
        [("bad.md", 2), ("heading.md", 1)]),
    "h1-not-first": (
        {"bad.md": "---\ntitle: Bad\n---\n\nSome words before the heading.\n\n# Late heading\n\nText.\n",
         "sub.md": "## Intro\n\nText.\n\n# Heading\n",
         "good.md": "---\ntitle: Good\n---\n\n# Good\n\nText.\n",
         "none.md": "---\ntitle: None\n---\n\nText without an h1.\n",
         "macros.md": "{% set data = load() %}\n{# a comment #}\n\n# Macros\n\nText {{ data.n }}.\n"},
        [("bad.md", 7), ("sub.md", 5)]),
    "images-none": (
        {"blog/posts/bad.md": "# Bad\n\n" + words(320) + "\n",
         "blog/posts/good.md": "# Good\n\n![A loaf](loaf.png)\n\n" + words(320) + "\n",
         "blog/posts/short.md": "# Short\n\n" + words(100) + "\n", "blog/posts/loaf.png": PNG,
         "blog/posts/code.md": "# Code\n\n" + words(320) + "\n\n```\nmake bread\n```\n",
         "cv.md": "# CV\n\n" + words(320) + "\n"},  # not an article
        [("blog/posts/bad.md", 3)]),
    "links-outbound-none": (
        {"bad.md": "# Bad\n\nSee [the other page](good.md).\n",
         "good.md": "# Good\n\nOur flour comes from [the mill](https://mill.example/flour).\n",
         "mail.md": "# Mail\n\n[Write to us](mailto:shop@example.com) or see [good](good.md).\n"},
        [("bad.md", 3), ("mail.md", 3)],
        {"links-outbound-none": "info"}),
    "keyword-length": (
        {"bad.md": "---\nkeyword: best cheap emergency plumber repairs Leeds\n---\n\n# Bad\n",
         "function.md": "---\nkeyword: how to\n---\n\n# Function\n",
         "good.md": "---\nkeyword: how to find an emergency plumber in Leeds\n---\n\n# Good\n"},
        [("bad.md", 2), ("function.md", 2)]),
    "keyword-not-in-image-alt": (
        {"bad.md": "---\nkeyword: sourdough bread\n---\n\n# Bad\n\n![A cake](cake.png)\n\n![](loaf.png)\n",
         "good.md": "---\nkeyword: sourdough bread\n---\n\n# Good\n\n![A cake](cake.png)\n\n"
                    "<img src=\"loaf.png\" alt=\"Two sourdough breads\">\n",
         "noimage.md": "---\nkeyword: sourdough bread\n---\n\n# No image\n",
         "cake.png": PNG, "loaf.png": PNG},
        [("bad.md", 7)]),
    "keyword-subheading-overuse": (
        {"bad.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n## Sourdough bread prices\n\n"
                    "## Our sourdough breads\n\n## Hours\n\n### Baking sourdough bread\n\n"
                    "### Sourdough bread at home\n"),
         "good.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n## Sourdough bread prices\n\n"
                     "## Hours\n\n### Where to find us\n"),
         "one.md": "---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n## Sourdough bread prices\n"},
        [("bad.md", 7)]),
    "keyword-competing-links": (
        {"bad.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n"
                    "Read about [our sourdough breads](good.md) and [rye](good.md).\n\n"
                    "Or [bread made with sourdough](https://example.com/).\n"),
         "good.md": ("---\nkeyword: sourdough bread\n---\n\n# Sourdough bread\n\n"
                     "See [the rye loaves](bad.md) and [sourdough bread](#sourdough-bread) below.\n")},
        [("bad.md", 7), ("bad.md", 9)]),
    "cta-missing": (
        {"blog/posts/bad.md": "# Bad\n\nA post about bread.\n\nThe end.\n",
         "blog/posts/button.md": "# Button\n\nA post.\n\n[Order a loaf](../../index.md){ .md-button }\n",
         "blog/posts/block.md": "# Block\n\nA post.\n\n/// cta | order-a-loaf\n///\n",
         "blog/posts/html.md": "# Html\n\nA post.\n\n<a class=\"storefront-cta\" href=\"../../index.md\">Order</a>\n",
         "blog/posts/mail.md": "# Mail\n\nA post.\n\nGot a project? [Send me a message](mailto:me@example.com).\n",
         "blog/posts/mail-early.md": "# Early\n\n[Write to me](mailto:me@example.com).\n\nThe end.\n",
         "about.md": "# About\n\nNo call to action needed here.\n",
         "index.md": "# Home\n"},
        [("blog/posts/bad.md", 5), ("blog/posts/mail-early.md", 5)]),
    "raw-tag-not-html": (
        {"bad.md": "# Bad\n\n!!! tip\n    Set EESSI_<VERSION>_OVERRIDE first.\n\n"
                   "Then run module show <this module name>.\n",
         "good.md": "# Good\n\nSet `EESSI_<VERSION>_OVERRIDE`, see <https://eessi.io>, a <b>bold</b> "
                    "word and a <my-card> element.\n\n```\nmodule show <name>\n```\n"},
        [("bad.md", 4), ("bad.md", 6)]),
}


def test_every_rule_has_a_case():
    from storefront.lint.rules import load

    assert set(CASES) | {"page-orphan"} == set(load())


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule(site, rule):
    from storefront.lint.rules import load

    files, expected, *rules = CASES[rule]
    built = lint_site(site, files, rules=rules[0] if rules else None,
                      config={"markdown_extensions": ["attr_list", "admonition"]})
    assert built.ok, built.error
    found = findings(built, rule)
    assert where(found) == sorted(expected), [f"{f.path}:{f.line} {f.message}" for f in found]
    for item in found:
        assert item.message.strip() and "\n" not in item.message
        assert item.level == (INFO if load()[rule].severity == "info" else WARNING)


def test_page_orphan(site):
    built = lint_site(site, {
        "index.md": "# Home\n\nSee [linked](linked.md).\n",
        "linked.md": "# Linked\n",
        "in-nav.md": "# In the navigation\n",
        "orphan.md": "# Nobody links here\n",
        "noindex.md": "---\nrobots: noindex\n---\n\n# Not for search\n",
    }, config={"nav": ["index.md", "in-nav.md"], "not_in_nav": "/*.md"})
    assert built.ok, built.error
    assert where(findings(built, "page-orphan")) == [("orphan.md", 1)]


def test_rules_off_by_default_run_when_named(site):
    files = {"a.md": "# A\n\nSee [b](b.md).\n", "b.md": "# B\n\nSee [a](a.md).\n"}
    assert findings(lint_site(site, files), "links-outbound-none") == []
    assert where(findings(lint_site(site, files, rules={"links-outbound-none": True}),
                          "links-outbound-none")) == [("a.md", 3), ("b.md", 3)]


def test_thresholds_severity_and_off(site):
    files = {"bad.md": f"---\ntitle: {LONG_TITLE}\n---\n\nThe dough is shaped by hand.\n"}
    built = lint_site(site, files, rules={"title-too-long": {"max": 80}, "passive-voice": "info"})
    assert findings(built, "title-too-long") == []
    assert [f.level for f in findings(built, "passive-voice")] == [INFO]
    built = lint_site(site, files, rules={"title-too-long": {"severity": "error", "max": 20},
                                          "passive-voice": False})
    assert [f.level for f in findings(built, "title-too-long")] == [WARNING]
    assert findings(built, "passive-voice") == []


def test_threshold_changes_sentence_limit(site):
    text = "# T\n\nWe bake bread and cakes and buns and rolls and pies for the town every single day.\n"
    assert findings(lint_site(site, {"a.md": text}), "sentence-length") == []
    assert where(findings(lint_site(site, {"a.md": text}, rules={"sentence-length": {"words": 10}}),
                          "sentence-length")) == [("a.md", 3)]
