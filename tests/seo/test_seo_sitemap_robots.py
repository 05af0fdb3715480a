"""sitemap.xml(.gz) and robots.txt, and what happens without site_url."""

from __future__ import annotations

import gzip

from lxml import etree
from seo_helpers import NOW, SITE_URL, Head

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

FILES = {
    "index.md": "# Home\n\nHello.\n",
    "about.md": "---\nupdated: 2026-06-02\n---\n\n# About\n\nText.\n",
    "hidden.md": "---\nnoindex: true\n---\n\n# Hidden\n\nText.\n",
    "nofollow.md": "---\nrobots: nofollow\n---\n\n# Nofollow\n\nText.\n",
    "moved.md": "---\ncanonical: https://other.example/moved/\n---\n\n# Moved\n\nText.\n",
    "self.md": f"---\ncanonical: {SITE_URL}self/\n---\n\n# Self\n\nText.\n",
    "404.md": "# Not found\n\nNothing.\n",
    "blog/index.md": "# Blog\n",
    "blog/posts/material-dates.md": "---\ndate:\n  created: 2026-03-01\n  updated: 2026-03-09T10:00:00+01:00\n"
                                    "slug: material-dates\n---\n\n# Material dates\n\nPost.\n",
    "blog/posts/simple.md": "---\ndate: 2026-04-10\nslug: simple\n---\n\n# Simple\n\nPost.\n",
    "blog/posts/draft.md": "---\ndate: 2026-05-01\ndraft: true\nslug: draft\n---\n\n# Draft\n\nPost.\n",
}


def material_site(site, files=FILES, **config):
    settings = {"site_url": SITE_URL, "theme": {"name": "material", "font": False},
                "plugins": [{"blog": {"blog_dir": "blog", "post_url_format": "{slug}",
                                      "draft": False}},
                            "storefront/seo"]}
    settings.update(config)
    return site(files, config=settings, strict=True, env=NOW)


def entries(built) -> dict[str, str | None]:
    tree = etree.fromstring(built.text("sitemap.xml").encode())
    return {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
            for url in tree.findall("s:url", NS)}


def test_sitemap_content(site):
    built = material_site(site)
    assert built.ok, built.warnings
    found = entries(built)
    assert found[SITE_URL] is None
    assert found[SITE_URL + "about/"] == "2026-06-02T00:00:00+00:00"
    assert found[SITE_URL + "nofollow/"] is None  # nofollow alone still indexes
    assert found[SITE_URL + "self/"] is None      # canonical pointing at itself stays
    assert found[SITE_URL + "blog/material-dates/"] == "2026-03-09T09:00:00+00:00"
    assert found[SITE_URL + "blog/simple/"] == "2026-04-10T00:00:00+00:00"
    for absent in ("hidden/", "moved/", "404.html", "blog/draft/", "404/"):
        assert SITE_URL + absent not in found
    assert not any("other.example" in loc for loc in found)
    # never the build date
    assert not any(lastmod and lastmod.startswith("2026-11-23") for lastmod in found.values())
    # the draft was never built, so it is not in the sitemap either
    assert not built.exists("blog/draft/index.html")
    # the gzipped copy is the same document
    assert gzip.decompress((built.site / "sitemap.xml.gz").read_bytes()).decode() == built.text("sitemap.xml")


def test_material_created_updated_dates_in_article_tags(site):
    built = material_site(site)
    head = Head(built, "blog/material-dates/index.html")
    assert head.one("og:type") == "article"
    assert head.one("article:published_time") == "2026-03-01T00:00:00+00:00"
    assert head.one("article:modified_time") == "2026-03-09T09:00:00+00:00"


def test_generated_robots_txt(site):
    built = material_site(site, plugins=[{"storefront/seo": {"robots_txt": {"rules": [
        {"user_agent": "*", "disallow": ["/drafts/", "/search/"]},
        {"user_agent": "GPTBot", "disallow": ["/"]},
    ]}}}])
    assert built.ok, built.warnings
    assert built.text("robots.txt") == (
        "User-agent: *\nDisallow: /drafts/\nDisallow: /search/\n\n"
        "User-agent: GPTBot\nDisallow: /\n\n"
        f"Sitemap: {SITE_URL}sitemap.xml\n")


def test_default_robots_txt_allows_all(site):
    built = site({"index.md": "# Home\n"}, config={"site_url": SITE_URL, "theme": {"name": "mkdocs"},
                                                    "plugins": ["storefront/seo"]}, strict=True, env=NOW)
    assert built.text("robots.txt") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"


def test_users_robots_txt_wins(site):
    mine = "User-agent: *\nDisallow: /private/\n"
    built = site({"index.md": "# Home\n", "robots.txt": mine},
                 config={"site_url": SITE_URL, "theme": {"name": "mkdocs"}, "plugins": ["storefront/seo"]},
                 strict=True, env=NOW)
    assert built.ok
    assert built.text("robots.txt") == mine


def test_robots_txt_and_sitemap_can_be_turned_off(site):
    built = site({"index.md": "# Home\n"},
                 config={"site_url": SITE_URL, "theme": {"name": "mkdocs"},
                         "plugins": [{"storefront/seo": {"sitemap": False, "robots_txt": {"enabled": False}}}]},
                 strict=True, env=NOW)
    assert not built.exists("robots.txt")
    # MkDocs' own sitemap is left alone
    assert "<loc>" in built.text("sitemap.xml")


def test_missing_site_url(site):
    files = {"index.md": "# Home\n\nHello.\n", "a.md": "# A\n\nText.\n", "b.md": "# B\n\nText.\n"}
    built = site(files, config={"theme": {"name": "material", "font": False},
                                "plugins": ["storefront/seo"]}, env=NOW)
    assert built.ok
    about_site_url = [w for w in built.warnings if "site_url" in w]
    assert len(about_site_url) == 1, built.warnings  # one for the build, not one per page
    assert "set site_url" in about_site_url[0]
    for path in ("index.html", "a/index.html"):
        head = Head(built, path)
        assert head.canonicals() == []
        assert head.meta("og:url") == []
        assert head.meta("og:image") == [] and head.meta("twitter:image") == []
        assert head.one("twitter:card") == "summary"
        assert len(head.titles()) == 1 and head.one("og:title")
    assert not built.exists("sitemap.xml") and not built.exists("sitemap.xml.gz")
    assert "Sitemap:" not in built.text("robots.txt")
    strict = site(files, config={"theme": {"name": "mkdocs"}, "plugins": ["storefront/seo"]},
                  strict=True, env=NOW)
    assert not strict.ok
