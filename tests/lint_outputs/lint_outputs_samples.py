"""Hand-made findings and page reports for the report and baseline unit tests."""

from __future__ import annotations

from storefront.lint.findings import Finding, PageReport

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def sample_reports() -> list[PageReport]:
    hostile = PageReport(
        path="content/blog/posts/hostile.md", url="blog/hostile/", title=HOSTILE,
        seo_score=85, readability_score=30, words=420, keyword=HOSTILE,
        findings=[
            Finding("content/blog/posts/hostile.md", 3, "title-too-long", "warning", HOSTILE),
            Finding("content/blog/posts/hostile.md", 1, "keyword-missing", "info",
                    "Set a focus keyword: add `keyword:` to the front matter."),
        ],
    )
    plain = PageReport(
        path="content/about.md", url="about/", title="About us",
        seo_score=55, readability_score=72, words=180,
        findings=[
            Finding("content/about.md", 7, "h1-missing", "error",
                    "Add a level-1 heading (# Title) at the top of the page."),
            Finding("content/about.md", 12, "paragraph-length", "warning",
                    "Split this paragraph: it has 180 words, keep it under 150."),
        ],
    )
    clean = PageReport(path="content/index.md", url="", title="Home", seo_score=92,
                       readability_score=88, words=350, keyword="sourdough")
    return [hostile, plain, clean]


# --- fixture sites for the CLI and end-to-end tests ------------------------------------

def only_rules(*rule_ids: str) -> dict:
    """A `rules` option that turns every rule off except these (so a test sees only what it
    is about, whatever the other rules' thresholds are)."""
    from storefront.lint.rules import load

    missing = [rule for rule in rule_ids if rule not in load()]
    assert not missing, f"unknown rules {missing}"
    return {rule: False for rule in load() if rule not in rule_ids}


INDEX = """\
---
title: Home
---
# Welcome to the bakery

We bake bread every morning. [Click here](about.md) to read our story.
"""

ABOUT = """\
---
title: About us
---
# About us

## Our story

We opened the shop in 2019.
"""

# the new problem added after the baseline was recorded: an h4 straight after an h2
ABOUT_WITH_SKIP = ABOUT + """
#### Our oven

It is a wood-fired oven.
"""
ABOUT_SKIP_LINE = ABOUT_WITH_SKIP.splitlines().index("#### Our oven") + 1

NO_HEADING = """\
---
title: Opening hours
---
We open at seven.
"""

RULES = ("link-text-vague", "heading-skip", "h1-missing", "title-too-long")


def lint_config(**options) -> dict:
    """A fixture mkdocs.yml with storefront/lint listed (theme mkdocs: fast)."""
    plugin = {"rules": only_rules(*RULES), **options}
    return {"theme": {"name": "mkdocs"}, "plugins": [{"storefront/lint": plugin}]}
