"""ProperDocs (the maintained MkDocs 1.x fork) builds a storefront site with `--strict`: the
plugins load from their `mkdocs.plugins` entry points, do their work, and their warnings fail
the strict build as under MkDocs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT

NOW = "2026-11-23T12:00:00Z"
CONFIG = {
    "site_name": "Proper Plumbing",
    "site_url": "https://proper.example/",
    "theme": {"name": "material", "font": False},
    "plugins": [
        {"storefront/calendar": {"timezone": "Europe/London"}},
        "search",
        {"storefront/newsletter": {"provider": "buttondown", "form": {"username": "proper"},
                                   "consent": {"privacy_url": "privacy.md"}, "after_pages": ["index.md"]}},
        "storefront/seo",
        "storefront/schema",
    ],
}
PROFILE = textwrap.dedent("""\
    type: Plumber
    name: Proper Plumbing
    telephone: +44 113 496 0000
    address: {street: 1 High Street, locality: Leeds, country: GB}
    images: [https://proper.example/van.jpg]
    """)
PAGES = {
    "index.md": "---\ndescription: Proper Plumbing fixes boilers, leaks and heating in Leeds, "
                "on the day you call, with fixed prices and tidy work.\n---\n\n# Home\n\n"
                "We fix leaks.\n\n/// business | contact\n///\n",
    "privacy.md": "# Privacy\n\nWe keep your address only to send what you asked for.\n",
    "later.md": "---\ntitle: Winter offer\ndate: 2026-12-24\n---\n\n# Winter offer\n\nSoon.\n",
}


def properdocs_build(root: Path, config: dict, profile: str = PROFILE) -> subprocess.CompletedProcess:
    (root / "docs").mkdir(parents=True)
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "seo").mkdir()
    (root / "seo" / "business.yml").write_text(profile, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "STOREFRONT_NOW": NOW, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def test_properdocs_is_the_fork_not_mkdocs():
    import properdocs

    assert Path(properdocs.__file__).parent.name == "properdocs"


def test_properdocs_strict_build_runs_every_plugin(tmp_path):
    result = properdocs_build(tmp_path, CONFIG)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    page = HTMLParser((site / "index.html").read_text(encoding="utf-8"))
    # storefront/seo
    assert page.css_first('link[rel="canonical"]').attributes["href"] == "https://proper.example/"
    assert page.css_first('meta[property="og:title"]') is not None
    # storefront/schema: JSON-LD and the visible contact block
    graph = [json.loads(node.text()) for node in page.css('script[type="application/ld+json"]')]
    items = [item for data in graph for item in data.get("@graph", [data])]
    assert any(item.get("@type") == "Plumber" and item.get("name") == "Proper Plumbing" for item in items)
    assert "1 High Street" in page.css_first("article").text()
    # storefront/newsletter: the form after the page
    assert page.css_first("form.sf-newsletter__form") is not None
    # storefront/calendar: the scheduled page is not published anywhere
    assert not (site / "later" / "index.html").exists()
    assert "later/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_storefront_warning_fails_the_properdocs_strict_build(tmp_path):
    result = properdocs_build(tmp_path, CONFIG, profile=PROFILE.replace("type: Plumber", "type: Plumbr"))
    assert result.returncode != 0
    assert "did you mean Plumber?" in result.stderr
    assert "Traceback" not in result.stderr
