"""Publishing state: the fixed clock across a timezone boundary, exclusion, links, nav."""

from __future__ import annotations

import pytest
from calendar_helpers import NY, calendar_plugin, post

BEFORE = "2026-12-03T13:59:00Z"  # 08:59 in New York
AT = "2026-12-03T14:00:00Z"  # 09:00 in New York


def _project(**options):
    files = {
        "index.md": "# Home\n\nWelcome.\n",
        "posts/stollen.md": post("Stollen season opens", date="2026-12-03 09:00"),
        "posts/pumpkin.md": post("Pumpkin bread farewell", date="2026-10-01",
                                 extra="expires: 2026-12-03 09:00"),
    }
    return files, {"theme": "mkdocs", "plugins": [calendar_plugin(**options)]}


@pytest.mark.parametrize("now, scheduled_public, expired_public", [
    (BEFORE, False, True),
    (AT, True, False),
])
def test_publish_and_expiry_follow_the_site_timezone(site, now, scheduled_public, expired_public):
    files, config = _project()
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": now})
    assert built.ok, built.messages
    assert built.exists("posts/stollen/index.html") is scheduled_public
    assert built.exists("posts/pumpkin/index.html") is expired_public
    index = built.text("index.html")
    assert ("Stollen season opens" in index) is scheduled_public  # the nav
    assert ("Pumpkin bread farewell" in index) is expired_public


def test_now_option_without_offset_is_in_the_site_timezone(site):
    files, config = _project(now="2026-12-03 09:00")
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": ""})
    assert built.ok, built.messages
    assert built.exists("posts/stollen/index.html")
    assert not built.exists("posts/pumpkin/index.html")


def test_environment_clock_wins_over_the_option(site):
    files, config = _project(now="2026-12-03 09:00")
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": BEFORE})
    assert built.ok, built.messages
    assert not built.exists("posts/stollen/index.html")


def test_source_date_epoch_is_the_clock_when_nothing_else_is_set(site):
    files, config = _project()
    # 2026-12-03T14:00:00Z
    built = site(files, config=config, strict=True,
                 env={"STOREFRONT_NOW": "", "SOURCE_DATE_EPOCH": "1796306400"})
    assert built.ok, built.messages
    assert built.exists("posts/stollen/index.html")


def test_drafts_are_left_out_whatever_their_date(site):
    files = {
        "index.md": "# Home\n",
        "old-draft.md": post("An old draft", date="2020-01-01", extra="draft: true"),
        "undated-draft.md": post("An undated draft", extra="draft: true"),
        "not-a-draft.md": post("Not a draft", extra="draft: false"),
    }
    built = site(files, config={"theme": "mkdocs", "plugins": [calendar_plugin()]}, strict=True,
                 env={"STOREFRONT_NOW": AT})
    assert built.ok, built.messages
    assert not built.exists("old-draft/index.html")
    assert not built.exists("undated-draft/index.html")
    assert built.exists("not-a-draft/index.html")


def test_a_link_to_an_unpublished_page_is_reported_once_and_not_left_dangling(site):
    files = {
        "index.md": "# Home\n\nComing soon:\n\nSee [our stollen](posts/stollen.md) and [about](about.md).\n",
        "about.md": "# About\n",
        "posts/stollen.md": post("Stollen season opens", date="2026-12-03 09:00"),
    }
    config = {"theme": "mkdocs", "plugins": [calendar_plugin()], "nav": ["index.md", "about.md"]}
    built = site(files, config=config, env={"STOREFRONT_NOW": BEFORE})
    assert built.ok, built.messages
    mentions = [m for m in built.messages if "stollen" in m.lower() and "index.md" in m]
    assert len(mentions) == 1, built.messages
    assert not any("excluded from the built site" in m for m in built.messages)
    assert mentions[0] in built.warnings
    assert "docs/index.md:5" in mentions[0] and "posts/stollen.md" in mentions[0]
    assert "Scheduled for Thu 3 Dec 2026, 09:00".lower() in mentions[0].lower()
    paragraph = built.html("index.html").xpath("//p[contains(., 'our stollen')]")[0]
    assert paragraph.xpath(".//a[contains(., 'about')]")  # other links are kept
    assert not paragraph.xpath(".//a[contains(., 'our stollen')]")
    assert "our stollen" in paragraph.text_content()
    assert "stollen/" not in built.text("index.html")


def test_strict_build_fails_on_a_link_to_an_unpublished_page(site):
    files = {
        "index.md": "# Home\n\nSee [later](later.md).\n",
        "later.md": post("Later", date="2027-01-01"),
    }
    built = site(files, config={"theme": "mkdocs", "plugins": [calendar_plugin()]}, strict=True,
                 env={"STOREFRONT_NOW": AT})
    assert not built.ok


def test_a_nav_entry_for_an_unpublished_page_is_dropped(site):
    files = {
        "index.md": "# Home\n",
        "holiday-menu.md": post("Holiday menu preview", date="2026-12-10"),
        "about.md": "# About\n",
    }
    config = {"theme": "mkdocs", "plugins": [calendar_plugin()],
              "nav": ["index.md", "holiday-menu.md", "about.md"]}
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": AT})
    assert built.ok, built.messages
    for page in ("index.html", "about/index.html", "sitemap.xml"):
        text = built.text(page)
        assert "Holiday menu preview" not in text and "holiday-menu" not in text, page
    # previous/next links skip the hidden page
    assert built.html("index.html").xpath("//a[@rel='next']/@href")[0].rstrip("/").endswith("about")


def test_disabled_plugin_builds_everything(site):
    files, config = _project(enabled=False)
    built = site(files, config=config, strict=True, env={"STOREFRONT_NOW": BEFORE})
    assert built.ok, built.messages
    assert built.exists("posts/stollen/index.html") and built.exists("posts/pumpkin/index.html")


def test_site_timezone_is_shared_through_support(site):
    from mkdocs.config import load_config

    from storefront import support

    files, config = _project()
    built = site(files, config=config, env={"STOREFRONT_NOW": AT})
    cfg = load_config(config_file=str(built.root / "mkdocs.yml"))
    assert str(support.site_timezone(cfg)) == NY


def test_a_page_edited_between_builds_is_read_again(tmp_path):
    """The front-matter cache is keyed by mtime and size: an edit is never missed."""
    from conftest import build_site

    root = tmp_path / "project"
    files, config = _project()
    first = build_site(root, files, config=config, env={"STOREFRONT_NOW": AT})
    assert first.exists("posts/stollen/index.html")
    assert (root / ".cache/storefront/calendar/headers.json").exists()
    page = root / "docs/posts/stollen.md"
    page.write_text(page.read_text().replace("---\n\n#", "draft: true\n---\n\n#"))
    second = build_site(root, config=config, env={"STOREFRONT_NOW": AT})
    assert second.ok
    assert not second.exists("posts/stollen/index.html")
    page.write_text(page.read_text().replace("draft: true\n", ""))
    third = build_site(root, config=config, env={"STOREFRONT_NOW": AT})
    assert third.exists("posts/stollen/index.html")
