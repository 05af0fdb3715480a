"""No trace of unpublished posts anywhere in site/, with Material's blog and tags plugins,
search, mkdocs-rss-plugin and storefront/seo (sitemap) all enabled; and the serve preview."""

from __future__ import annotations

import importlib.util

import pytest
from calendar_helpers import NY, calendar_plugin, find_anywhere

NOW = "2026-12-03T14:00:00Z"  # 09:00 in New York

# Each unpublished post has a unique word in its title, slug and file name.
UNPUBLISHED = {
    "zeta": ("draft", "Draft zeta sourdough notes", "date: 2026-11-01\ndraft: true"),
    "theta": ("scheduled", "Scheduled theta stollen launch", "date: 2026-12-03 09:01:00"),
    "kappa": ("expired", "Expired kappa pumpkin offer",
              "date: 2026-10-01\nexpires: 2026-12-03 09:00:00"),
}
PUBLISHED = ("Published omega rye loaf", "date: 2026-12-03 09:00:00")


def _post(title: str, front: str, body: str) -> str:
    return (f"---\ntitle: {title}\n{front}\ncategories: [News]\ntags: [seasonal]\n"
            f"authors: [maria]\n---\n\n# {title}\n\n{body}\n\n<!-- more -->\n\nMore words.\n")


def _files() -> dict[str, str]:
    links = " ".join(f"[coming soon {n}]({word}.md)" for n, word in enumerate(UNPUBLISHED))
    files = {
        "index.md": "# Home\n\nWelcome to the bakery.\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": "authors:\n  maria:\n    name: Maria\n    description: Baker\n"
                             "    avatar: https://example.com/maria.png\n",
        "blog/posts/omega.md": _post(PUBLISHED[0], PUBLISHED[1], f"Read more soon: {links}."),
    }
    for word, (_, title, front) in UNPUBLISHED.items():
        files[f"blog/posts/{word}.md"] = _post(title, front, "Secret words.")
    files["/seo/business.yml"] = (
        "type: Bakery\nname: Test Bakery\ndescription: Sourdough baked daily.\n"
        "telephone: +1 802-555-0142\naddress:\n  street: 1 Church Street\n  locality: Burlington\n"
        "  region: VT\n  postal_code: \"05401\"\n  country: US\ntimezone: America/New_York\n")
    return files


def _config(**calendar_options) -> dict:
    plugins = [
        calendar_plugin(**calendar_options),
        "search",
        {"blog": {"blog_dir": "blog", "post_url_format": "{slug}"}},
        {"tags": {}},
        {"rss": {"use_git": False, "match_path": "blog/posts/.*",
                 "date_from_meta": {"as_creation": "date", "as_update": "date",
                                    "default_timezone": NY},
                 "cache_dir": ".cache/rss"}},
    ]
    # The suite's own plugins see only published pages too: sitemap (seo), JSON-LD (schema).
    if importlib.util.find_spec("storefront.seo.plugin") is not None:
        plugins.append({"storefront/seo": {"cards": False}})
    if importlib.util.find_spec("storefront.schema.plugin") is not None:
        plugins.append({"storefront/schema": {}})
    return {"theme": {"name": "material"}, "site_url": "https://bakery.example/", "plugins": plugins}


def test_unpublished_posts_leave_no_trace_in_site(site):
    built = site(_files(), config=_config(), env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.messages
    # the published post is everywhere an unpublished one must not be (the search is real)
    if "storefront/schema" in str(_config()):  # the JSON-LD names published posts
        scripts = built.html("blog/published-omega-rye-loaf/index.html").xpath(
            "//script[@type='application/ld+json']/text()")
        assert any("omega" in script.lower() and "BlogPosting" in script for script in scripts)
    for path in ("blog/index.html", "sitemap.xml", "search/search_index.json",
                 "feed_rss_created.xml", "feed_json_created.json", "tags/index.html",
                 "blog/category/news/index.html", "blog/archive/2026/index.html"):
        assert "omega" in built.text(path).lower(), path
    hits = find_anywhere(built.site, list(UNPUBLISHED))
    assert hits == []
    # the links from the published post are reported and reduced to their text
    reported = [m for m in built.warnings if "omega.md" in m and "points to" in m]
    assert len(reported) == 3, built.warnings


def test_material_draft_marker_agrees_in_a_plain_build(site):
    """Material's blog plugin never sees the excluded posts, so it raises nothing about them."""
    built = site(_files(), config=_config(), env={"STOREFRONT_NOW": NOW})
    assert built.ok
    assert not any("Error reading metadata" in m for m in built.messages)


@pytest.mark.parametrize("word, banner", [
    ("zeta", "Draft, planned for Sun 1 Nov 2026, 00:00"),
    ("theta", "Scheduled for Thu 3 Dec 2026, 09:01"),
    ("kappa", "Expired on Thu 3 Dec 2026, 09:00"),
])
def test_serve_shows_unpublished_posts_with_a_banner(site, word, banner):
    built = site(_files(), config=_config(), env={"STOREFRONT_NOW": NOW}, serve=True)
    assert built.ok, built.messages
    page = built.html(f"blog/{UNPUBLISHED[word][1].lower().replace(' ', '-')}/index.html")
    banners = page.xpath("//*[contains(@class, 'storefront-calendar-banner')]")
    assert len(banners) == 1
    assert banners[0].get("data-storefront-state") == UNPUBLISHED[word][0]
    assert banner in banners[0].text_content()
    # Material's blog lists it too (draft_on_serve), as it does for its own drafts
    assert UNPUBLISHED[word][1] in built.text("blog/index.html")
    # the published post has no banner
    omega = built.html("blog/published-omega-rye-loaf/index.html")
    assert not omega.xpath("//*[contains(@class, 'storefront-calendar-banner')]")


def test_serve_follows_material_draft_on_serve_false(site):
    config = _config()
    config["plugins"][2]["blog"]["draft_on_serve"] = False
    built = site(_files(), config=config, env={"STOREFRONT_NOW": NOW}, serve=True)
    assert built.ok, built.messages
    assert find_anywhere(built.site, list(UNPUBLISHED)) == []


def test_serve_banner_can_be_turned_off_and_unpublished_hidden(site):
    built = site(_files(), config=_config(show_unpublished=False), env={"STOREFRONT_NOW": NOW},
                 serve=True)
    assert built.ok, built.messages
    assert find_anywhere(built.site, list(UNPUBLISHED)) == []


def test_show_unpublished_forces_the_preview_in_a_serve_build(site):
    files = {"index.md": "# Home\n", "later.md": "---\ndate: 2027-01-05\n---\n\n# Later\n"}
    built = site(files, config={"theme": "mkdocs", "plugins": [calendar_plugin(show_unpublished=True)]},
                 env={"STOREFRONT_NOW": NOW}, serve=True)
    assert built.ok, built.messages
    page = built.html("later/index.html")
    assert "Scheduled for Tue 5 Jan 2027, 00:00" in page.text_content()
    # and a real build of the same site still leaves it out
    built = site(files, config={"theme": "mkdocs", "plugins": [calendar_plugin(show_unpublished=True)]},
                 env={"STOREFRONT_NOW": NOW})
    assert not built.exists("later/index.html")


def test_rss_timezone_mismatch_is_reported(site):
    config = _config()
    config["plugins"][4]["rss"]["date_from_meta"]["default_timezone"] = "UTC"
    built = site(_files(), config=config, env={"STOREFRONT_NOW": NOW})
    message = [m for m in built.warnings if "default_timezone" in m]
    assert len(message) == 1 and NY in message[0] and "mkdocs.yml" in message[0]
