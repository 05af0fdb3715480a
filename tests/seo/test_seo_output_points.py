"""Output that must point where it says: a card URL that finds its file, a description with the
spaces the author wrote, a Material post date in the site timezone."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from seo_helpers import NOW, SITE_URL, Head


def test_card_of_a_page_whose_url_has_a_plus(site):
    files = {"index.md": "# Home\n\nHi.\n", "software/BLAST+.md": "# BLAST+\n\nSequence search.\n"}
    result = site(files, config={"site_url": SITE_URL, "plugins": ["storefront/seo"]}, env=NOW)
    assert result.ok, result.error
    pages = [p for p in result.all_files() if p.name == "index.html" and "BLAST" in p.as_posix()]
    assert len(pages) == 1
    head = Head(result, pages[0].relative_to(result.site).as_posix())
    url = head.one("og:image")
    assert url.startswith(SITE_URL)
    # what a web server does with the URL's path: percent-decode it, then open that file
    on_disk = result.site / unquote(urlsplit(url).path[len(urlsplit(SITE_URL).path):])
    cards = result.site / "assets/storefront/cards/software"
    assert on_disk.is_file(), (url, sorted(p.name for p in cards.iterdir()))
    assert head.one("twitter:image") == url


def test_description_keeps_the_spaces_around_inline_markup(site):
    files = {"index.md": "# Home\n\nHi.\n",
             "guide.md": "# Guide\n\nUse a global `.gitignore` file (_summary_) and **bold**, [a link](index.md); "
                         "done[^1].\n\n[^1]: A note.\n"}
    config = {"site_url": SITE_URL, "markdown_extensions": ["footnotes"], "plugins": ["storefront/seo"]}
    result = site(files, config=config, env=NOW)
    assert result.ok, result.error
    assert Head(result, "guide/index.html").one("description") == \
        "Use a global .gitignore file (summary) and bold, a link; done."


def test_material_post_date_dict_is_read_in_the_site_timezone(site):
    files = {
        "index.md": "# Home\n\nHi.\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/plain.md": "---\ndate: 2026-02-18\n---\n\n# Plain date\n\nText.\n",
        "blog/posts/dict.md": "---\ndate:\n  created: 2026-02-18\n  updated: 2026-02-20\n---\n\n# Dict date\n\nText.\n",
    }
    config = {"site_url": SITE_URL, "theme": {"name": "material", "font": False},
              "plugins": [{"storefront/calendar": {"timezone": "America/New_York"}}, "blog", "storefront/seo"]}
    result = site(files, config=config, env=NOW)
    assert result.ok, (result.error, result.warnings)
    plain = Head(result, "blog/2026/02/18/plain-date/index.html")
    as_dict = Head(result, "blog/2026/02/18/dict-date/index.html")
    assert plain.one("article:published_time") == "2026-02-18T00:00:00-05:00"
    assert as_dict.one("article:published_time") == "2026-02-18T00:00:00-05:00"
    assert as_dict.one("article:modified_time") == "2026-02-20T00:00:00-05:00"
