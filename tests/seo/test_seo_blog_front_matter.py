"""Bad front matter on a Material blog post: one message with file, line, key and fix, and the
rest of the blog still builds (Material alone stops the whole build with no line)."""

from __future__ import annotations

import pytest
from seo_helpers import NOW, SITE_URL

AUTHORS = "authors:\n  maria:\n    name: Maria\n    description: Baker\n    avatar: https://example.com/a.png\n"

# key -> (front matter after the date, the post is still published)
CASES = {
    "draft": ('draft: "yes"', False),
    "categories": ("categories: News", True),
    "authors": ("authors: x", True),
    "slug": ("slug: [1]", True),
    "pin": ('pin: "yes"', True),
    "readtime": ("readtime: x", True),
    "updated": ("updated: 2026-02-30", True),
    "date": ("", True),  # date: {created: …, foo: 1}
    "hide": ("hide: toc", True),
    "title": ("title: [1]", True),
}


def files_for(key: str, line: str) -> dict[str, str]:
    front = "date:\n  created: 2026-02-18\n  foo: 1\n" if key == "date" else f"date: 2026-02-18\n{line}\n"
    return {
        "index.md": "# Home\n\nFresh bread.\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": AUTHORS,
        "blog/posts/bad.md": f"---\n{front}---\n\n# Bad post\n\nSome text.\n",
        "blog/posts/good.md": "---\ndate: 2026-01-05\nauthors: [maria]\n---\n\n# Good post\n\nMore text.\n",
    }


CONFIG = {"site_url": SITE_URL, "theme": {"name": "material", "font": False},
          "plugins": ["blog", "storefront/seo"]}


@pytest.mark.parametrize("key", CASES)
def test_one_message_and_the_blog_builds(site, key):
    line, published = CASES[key]
    result = site(files_for(key, line), config=CONFIG, env=NOW)
    assert result.ok, (result.error, result.warnings)
    expected_line = 2 if key == "date" else 3
    mine = [w for w in result.warnings if "docs/blog/posts/bad.md" in w]
    assert mine and all(w.startswith(f"storefront: docs/blog/posts/bad.md:{expected_line}: {key}:") for w in mine), mine
    assert len(mine) == (2 if key == "authors" else 1), mine  # authors: not a list, and not in .authors.yml
    assert result.exists("blog/2026/01/05/good-post/index.html")
    assert result.exists("blog/2026/02/18/bad-post/index.html") is published
    strict = site(files_for(key, line), config=CONFIG, env=NOW, strict=True)
    assert not strict.ok


def test_the_mended_key_is_what_material_uses(site):
    result = site(files_for("categories", "categories: News"), config=CONFIG, env=NOW)
    assert result.exists("blog/category/news/index.html")
    # the source on disk is untouched, and messages about it keep its line numbers
    assert "categories: News" in (result.root / "docs/blog/posts/bad.md").read_text(encoding="utf-8")


def test_a_post_without_a_usable_date_is_left_out_with_its_message(site):
    files = files_for("title", "title: Fine")
    files["blog/posts/bad.md"] = "---\ndate: someday\n---\n\n# No date\n\nText.\n"
    result = site(files, config=CONFIG, env=NOW)
    assert result.ok, result.error
    assert any(w.startswith("storefront: docs/blog/posts/bad.md:2: date:") for w in result.warnings), result.warnings
    assert result.exists("blog/2026/01/05/good-post/index.html")


def test_tags_that_are_not_a_list_with_materials_tags_plugin(site):
    files = {"index.md": "# Home\n\nHi.\n", "tags.md": "# Tags\n\n<!-- material/tags -->\n",
             "page.md": "---\ntags: bread\n---\n\n# Page\n\nText.\n"}
    config = {"site_url": SITE_URL, "theme": {"name": "material", "font": False}, "plugins": ["tags", "storefront/seo"]}
    result = site(files, config=config, env=NOW)
    assert result.ok, result.error
    assert [w for w in result.warnings if "docs/page.md" in w] == [
        'storefront: docs/page.md:2: tags: "bread" is not a list; write tags: [bread]']
    assert "bread" in result.text("page/index.html")


def test_an_impossible_date_on_a_page_names_its_key_and_line(site):
    files = {"index.md": "# Home\n\nHi.\n",
             "page.md": "---\ntitle: Page\nupdated: 2026-02-30\n---\n\n# Page\n\nText.\n"}
    result = site(files, config={"site_url": SITE_URL, "plugins": ["storefront/seo"]}, env=NOW)
    assert result.ok, result.error
    mine = [w for w in result.warnings if "docs/page.md" in w]
    assert len(mine) == 1, mine
    assert mine[0].startswith("storefront: docs/page.md:3: front matter: could not be read (updated:"), mine
