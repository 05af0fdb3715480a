"""Recall on a seeded-defect fixture (tests/lint/recall): a small plumber's site written for
this test, where every rule has pages that trigger it at known Markdown lines and pages that
must stay clean (tests/lint/recall/expected.yml). Every seeded defect must be found."""

from __future__ import annotations

from pathlib import Path

import yaml
from lint_helpers import findings, lint_site

RECALL = Path(__file__).parent / "recall"
NAV = ["index.md", "about.md", "boiler-servicing.md", "drains.md", "leaks.md", "leak-detection.md",
       "long-title.md", "short-description.md", "prices.md", "rates.md", "structure.md", "notes.md", "policy.md",
       {"Services": ["services/emergency-plumber.md"]},
       {"Blog": ["blog/posts/new-van.md", "blog/posts/winter.md", "blog/posts/boiler-faults.md"]}]


def build(site):
    docs = RECALL / "docs"
    files = {str(path.relative_to(docs)): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}
    files = {name: (data.decode("utf-8") if name.endswith(".md") else data) for name, data in files.items()}
    # storefront/seo writes each page's front-matter title as its <title> (the mkdocs theme
    # alone would print the site name on the home page): that is the title lint judges.
    plugins = [{"storefront/seo": {"title": "{page}", "home_title": "{page}", "sitemap": False, "cards": False}},
               {"storefront/lint": {"workers": 0, "report_formats": [],
                                    "rules": {"links-outbound-none": "info"}}}]  # a rule that is off by default
    return lint_site(site, files, config={"nav": NAV, "not_in_nav": "hidden.md", "plugins": plugins,
                                          "site_url": "https://plumber.example/",
                                          "markdown_extensions": ["attr_list", "admonition"]})


def recall(found, expected):
    """(seeded defects found, seeded defects, missed, clean pages with a finding)."""
    seen = {(item.rule, item.path, item.line) for item in found}
    by_rule = {(item.rule, item.path) for item in found}
    seeded = [(rule, path, line) for rule, case in expected.items() for path, line in case["trigger"]]
    missed = [item for item in seeded if item not in seen]
    dirty = [(rule, path) for rule, case in expected.items() for path in case["clean"] if (rule, path) in by_rule]
    return len(seeded) - len(missed), len(seeded), missed, dirty


def test_every_seeded_defect_is_found_and_clean_pages_stay_clean(site):
    from storefront.lint.rules import load

    expected = yaml.safe_load((RECALL / "expected.yml").read_text(encoding="utf-8"))
    assert set(expected) == set(load()), "every rule needs a trigger and a clean case in expected.yml"
    for rule, case in expected.items():
        assert case["trigger"] and case["clean"], rule
    built = build(site)
    assert built.ok, built.error
    hits, total, missed, dirty = recall(findings(built), expected)
    print(f"recall: {hits}/{total} seeded defects found ({100 * hits / total:.0f} %)")
    assert not missed, missed
    assert not dirty, dirty
