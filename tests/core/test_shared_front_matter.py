"""Shared front-matter problems (unreadable YAML, `date: never`, `robots: 5`) are reported once
per page by whichever storefront plugin reads the page first, on a site using any of them."""

from __future__ import annotations

import pytest

PAGES = {
    "index.md": "# Home\n\nSee [broken](broken.md) and [typed](typed.md).\n",
    "broken.md": "---\ntitle: Opening: soon\ndescription: x\n---\n\n# Broken\n\nText.\n",
    "typed.md": "---\ndate: never\nrobots: 5\n---\n\n# Typed\n\nText.\n",
}
SCHEMA_PROFILE = "type: Bakery\nname: B\naddress: {street: 1 Main, locality: X, country: US}\n"


def _reports(built, path, key):
    return [m for m in built.messages if f"docs/{path}:" in m and f": {key}:" in m]


@pytest.mark.parametrize("plugins", [
    ["storefront/lint"],
    ["storefront/schema"],
    ["storefront/cta"],
    ["storefront/seo", "storefront/lint", "storefront/schema", "storefront/cta"],
])
def test_reported_once_whichever_plugins_are_on(site, plugins):
    entries = [{"storefront/lint": {"workers": 0, "report_formats": []}} if name == "storefront/lint" else name
               for name in plugins]
    built = site({**PAGES, "/seo/business.yml": SCHEMA_PROFILE},
                 config={"site_url": "https://example.com/", "theme": {"name": "mkdocs"}, "plugins": entries},
                 strict=True)
    assert not built.ok  # warnings: --strict fails
    assert len(_reports(built, "broken.md", "front matter")) == 1, built.messages
    assert "all of it was ignored" in _reports(built, "broken.md", "front matter")[0]
    assert len(_reports(built, "typed.md", "date")) == 1, built.messages
    assert len(_reports(built, "typed.md", "robots")) == 1, built.messages
    assert not any("Traceback" in m for m in built.messages)
    if "storefront/lint" in plugins:  # the YAML error is the finding, not its consequences
        assert not [m for m in built.messages if "docs/broken.md" in m and "[description-missing]" in m]
