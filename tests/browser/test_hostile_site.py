"""A site with a hostile value in every field, served with NO Content-Security-Policy (GitHub
Pages ignores `_headers`), loaded page by page in Debian chromium: no dialog opens and no
injected script runs.

The demo storefront (Material, blog, every storefront plugin, mkdocs-rss-plugin) is copied to a
temp folder, the tags plugin and a tags page are added, and every text a visitor can see is
replaced by a payload that, if it ever ran, would set `window.__pwned` and open an alert:
site name, description and author, nav titles, footer links, page and post titles,
descriptions, image alt texts, blog categories, tags, `.authors.yml` names and descriptions,
call-to-action labels, headings and texts, the newsletter's heading, text, consent and
interest labels, and the business profile's name, description, address and branches.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils import yaml_load

from conftest import ROOT, build_as_mkdocs_does, environ

pytestmark = pytest.mark.browser

NOW = "2026-11-23T12:00:00+00:00"


def hostile(label: str) -> str:
    """A visible label followed by payloads for text, attribute, <title> and <script> contexts."""
    return (f"{label} <img src=x onerror=window.__pwned=1;alert(1)>"
            f" \"><svg onload=window.__pwned=2;alert(2)>"
            f" '><script>window.__pwned=3;alert(3)</script>"
            f" </title><script>window.__pwned=4</script>")


def _front_matter(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    _, block, body = text.split("---\n", 2)
    meta = yaml.safe_load(block)
    change(meta)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def make_hostile(root: Path) -> Path:
    """The demo project under `root`, with a hostile value in every field; returns mkdocs.yml."""
    for name in ("content", "seo", "site_template", "deploy"):
        shutil.copytree(ROOT / name, root / name)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["site_name"] = hostile("Site")
    config["site_description"] = hostile("About the site")
    config["site_author"] = hostile("Owner")
    config["nav"] = [{hostile("Home tab"): "index.md"}, {hostile("Shop section"): ["products.md", "about.md"]},
                     "contact.md", "faq.md", "tags.md", {"Blog": ["blog/index.md"]}]
    config["extra"]["footer_links"] = [{"title": hostile("Footer link"), "url": "privacy/"}]
    plugins = []
    for entry in config["plugins"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        options = dict((entry[name] or {}) if isinstance(entry, dict) else {})
        if name == "storefront/newsletter":
            options["heading"] = hostile("Newsletter heading")
            options["text"] = hostile("Newsletter text")
            options["consent"] = dict(options["consent"], text=hostile("Consent") + " {privacy}")
            options["interests"] = [dict(item, label=hostile(f"Interest {n}"))
                                    for n, item in enumerate(options["interests"])]
        if name == "storefront/lint":
            options = {"enabled": False}  # lint findings about the payloads are not this test's concern
        plugins.append({name: options} if options else name)
        if name == "blog":
            plugins.append("tags")
    config["plugins"] = plugins
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    (root / "content" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")

    ctas = yaml.safe_load((root / "seo" / "ctas.yml").read_text(encoding="utf-8"))
    for key, cta in ctas.items():
        cta.update(label=hostile(f"CTA {key}"), heading=hostile("CTA heading"), text=hostile("CTA text"))
        for variant in cta.get("variants", []):
            variant["label"] = hostile("Variant")
    (root / "seo" / "ctas.yml").write_text(yaml.safe_dump(ctas, allow_unicode=True), encoding="utf-8")

    business = yaml.safe_load((root / "seo" / "business.yml").read_text(encoding="utf-8"))
    business.update(name=hostile("Business"), description=hostile("Business description"))
    business["address"].update(street=hostile("Street"), locality=hostile("Town"))
    for branch in business.get("branches", []):
        # (the contact page names the branch in a block, so its name stays)
        branch["address"]["street"] = hostile("Branch street")
    for special in business.get("special_hours", []):
        special["label"] = hostile("Holiday")
    (root / "seo" / "business.yml").write_text(yaml.safe_dump(business, allow_unicode=True), encoding="utf-8")

    authors_file = root / "content" / "blog" / ".authors.yml"
    authors = yaml.safe_load(authors_file.read_text(encoding="utf-8"))
    for key, author in authors["authors"].items():
        author.update(name=hostile(f"Author {key}"), description=hostile("Author description"))
    authors_file.write_text(yaml.safe_dump(authors, allow_unicode=True), encoding="utf-8")

    def post(meta: dict, stem: str) -> None:
        meta["title"] = hostile(f"Post title {stem}")  # distinct: the post URLs come from the titles
        meta["description"] = hostile("Post description")
        meta["categories"] = [hostile("Category"), "Bread & Butter"]
        meta["tags"] = [hostile("Tag"), "R&D"]
        if "image_alt" in meta:
            meta["image_alt"] = hostile("Image alt")

    for path in sorted((root / "content" / "blog" / "posts").glob("*.md")):
        _front_matter(path, lambda meta, stem=path.stem: post(meta, stem))

    def page(meta: dict) -> None:
        meta["description"] = hostile("Page description")
        meta["tags"] = [hostile("Page tag")]

    for path in sorted((root / "content").glob("*.md")):
        if path.read_text(encoding="utf-8").startswith("---\n"):
            _front_matter(path, page)
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    config_file = make_hostile(root)
    with environ({"STOREFRONT_NOW": NOW}):
        build_as_mkdocs_does(load_config(config_file=str(config_file)))
    return root / "site"


def test_every_page_of_the_hostile_site_runs_no_injected_script(browser, serve_dir, hostile_site):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) >= 15 and sum("blog/" in p for p in pages) >= 8, pages
    # served as GitHub Pages would: no Content-Security-Policy, no _headers
    base = serve_dir(hostile_site)
    context = browser.new_context()
    dialogs: list[str] = []
    pwned: dict[str, object] = {}
    seen_text: set[str] = set()
    try:
        # nothing leaves the machine (the payloads' `src=x` resolves on 127.0.0.1)
        context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname
                      == "127.0.0.1" else route.abort())
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in pages:
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(50)  # a failed <img> fires onerror after load
            value = page.evaluate("window.__pwned")
            if value is not None:
                pwned[path] = value
            seen_text.add(page.evaluate("document.body.innerText"))
    finally:
        context.close()
    assert dialogs == []
    assert pwned == {}
    # the payloads reached the pages and show as text (so the test can fail)
    text = "\n".join(seen_text)
    for label in ("Site", "Post title starter", "Category", "Tag", "Author maria", "Newsletter heading",
                  "CTA heading", "Business", "Shop section"):
        assert f"{label} <img src=x onerror=window.__pwned=1;alert(1)>" in text, label


def test_the_hostile_site_keeps_plain_text_in_feeds_and_data(hostile_site):
    """The suite's own outputs and the feeds carry each name once, as plain text."""
    for path in [*hostile_site.glob("*.xml"), *hostile_site.glob("*.json")]:
        text = path.read_text(encoding="utf-8")
        assert "&amp;amp;" not in text and "&amp;lt;" not in text, path.name
    if (hostile_site / "feed_json_created.json").exists():
        feed = json.loads((hostile_site / "feed_json_created.json").read_text(encoding="utf-8"))
        assert feed["title"] == hostile("Site")
