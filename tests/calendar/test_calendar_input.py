"""Bad input: one message naming the file (and line), the key and the fix; never a traceback."""

from __future__ import annotations

import pytest
from calendar_helpers import calendar_plugin, post

NOW = "2026-12-03T14:00:00Z"


def _build(site, files, strict=False, **options):
    config = {"theme": "mkdocs", "plugins": [calendar_plugin(**options)]}
    return site({"index.md": "# Home\n", **files}, config=config, strict=strict,
                env={"STOREFRONT_NOW": NOW})


def _about(built, needle):
    return [m for m in built.messages if needle in m]


def test_unparseable_date_is_one_message_and_keeps_the_page_out(site):
    built = _build(site, {"news.md": post("News", date="next tuesday")})
    assert built.ok, built.messages
    messages = _about(built, "news.md")
    messages = [m for m in messages if "left out of the site:" not in m]
    assert len(messages) == 1, built.messages
    assert messages[0] in built.warnings
    assert "docs/news.md:3: date:" in messages[0]
    assert "2026-12-03" in messages[0]  # the fix shows the form to write
    assert "left out of the site until then" in messages[0]
    assert not built.exists("news/index.html")
    assert not _build(site, {"news.md": post("News", date="next tuesday")}, strict=True).ok


def test_expires_before_date_is_reported(site):
    built = _build(site, {"offer.md": post("Offer", date="2026-11-01", extra="expires: 2026-10-01")})
    messages = [m for m in _about(built, "offer.md") if "expires" in m]
    assert len(messages) == 1 and "docs/offer.md:4: expires:" in messages[0], built.messages
    assert "later time than date" in messages[0]


def test_unknown_timezone_is_a_config_error_naming_the_option(site):
    built = _build(site, {}, timezone="Mars/Olympus_Mons")
    assert not built.ok
    text = " ".join(built.messages) + str(built.error)
    assert "timezone" in text and "Mars/Olympus_Mons" in text and "IANA" in text
    assert "Traceback" not in text


def test_bad_now_option_is_a_config_error(site):
    built = _build(site, {}, now="soonish")
    assert not built.ok
    text = " ".join(built.messages) + str(built.error)
    assert "now" in text and "soonish" in text


def test_bad_storefront_now_stops_the_build_with_its_name(site):
    built = site({"index.md": "# Home\n"}, config={"theme": "mkdocs", "plugins": [calendar_plugin()]},
                 env={"STOREFRONT_NOW": "tomorrow"})
    assert not built.ok
    assert "STOREFRONT_NOW" in str(built.error) + " ".join(built.messages)


def test_invalid_front_matter_yaml_is_one_message(site):
    built = _build(site, {"broken.md": "---\ntitle: [unclosed\ndate: 2026-01-01\n---\n\n# Broken\n"})
    assert built.ok
    messages = [m for m in _about(built, "broken.md") if "left out of the site:" not in m]
    assert len(messages) == 1 and "front matter" in messages[0] and "YAML" in messages[0]
    assert not built.exists("broken/index.html")


def test_bad_promote_entries_are_reported(site):
    built = _build(site, {"post.md": post("Post", date="2026-11-01", extra=(
        "promote:\n  - channel: newsletter\n    date: someday\n  - when: 2026-12-01\n"))})
    messages = [m for m in _about(built, "post.md") if "promote" in m]
    assert any("promote[0].date" in m and "docs/post.md:4" in m for m in messages), messages
    assert any("promote[1].when" in m for m in messages), messages
    assert any("promote[1].channel" in m for m in messages), messages


@pytest.mark.parametrize("plan, key, line", [
    ("items:\n  - title: Guide\n    date: 2026-12-01\n    colour: red\n", "items[0].colour", 4),
    ("items:\n  - title: Guide\n    date: the first\n", "items[0].date", 3),
    ("items:\n  - title: Guide\n    status: someday\n", "items[0].status", 3),
    ("items:\n  - date: 2026-12-01\n", "items[0].title", 2),
    ("items:\n  - title: [unclosed\n", "", 2),
    ("items: a string\n", "items", 1),
    ("events: []\n", "events", 1),
])
def test_malformed_plan_is_reported_with_file_line_and_key(site, plan, key, line):
    built = _build(site, {"/seo/calendar.yml": plan})
    assert built.ok, built.messages
    messages = [m for m in built.warnings if "seo/calendar.yml" in m]
    assert len(messages) == 1, built.warnings
    assert messages[0].startswith(f"storefront: seo/calendar.yml:{line}: {key}") or \
        f"seo/calendar.yml:{line}: {key}" in messages[0]
    assert "; " in messages[0]  # a fix follows the problem


def test_output_dir_inside_site_dir_is_refused(site):
    built = _build(site, {}, output_dir="site/calendar")
    assert not built.ok
    assert "output_dir" in str(built.error) + " ".join(built.messages)


def test_material_blog_text_date_is_one_message_not_a_crash(site):
    files = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/a.md": "---\ndate: 2026-11-03 09:00\n---\n\n# A post\n\nText.\n",
    }
    config = {"theme": {"name": "material"},
              "plugins": [calendar_plugin(), {"blog": {"post_url_format": "{slug}"}}]}
    built = site(files, config=config, env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.messages
    messages = [m for m in built.warnings if "a.md" in m]
    assert len(messages) == 1 and "2026-11-03 09:00:00" in messages[0], built.warnings
    assert not built.exists("blog/a-post/index.html")


def test_a_date_that_does_not_exist_names_the_key_and_line(site):
    built = _build(site, {"feb.md": "---\ntitle: February\ndate: 2026-02-30\n---\n\n# February\n"})
    assert built.ok, built.messages
    messages = [m for m in built.warnings if "feb.md" in m]
    assert len(messages) == 1, built.warnings
    assert "docs/feb.md:3: date: that date does not exist" in messages[0]
    assert not built.exists("feb/index.html")


def test_a_plan_date_that_does_not_exist_is_one_message(site):
    built = _build(site, {"/seo/calendar.yml": "items:\n  - title: Guide\n    date: 2026-02-30\n"})
    assert built.ok, built.messages
    messages = [m for m in built.warnings if "seo/calendar.yml" in m]
    assert len(messages) == 1 and "does not exist" in messages[0], built.warnings


def test_with_storefront_seo_a_shared_key_problem_is_reported_once(site):
    """storefront/seo reports the shared front-matter keys of the pages it renders; the
    calendar reports them only for the pages it keeps out (which seo never sees)."""
    files = {
        "index.md": "# Home\n",
        "offer.md": post("Offer", date="2026-11-01", extra="expires: 2026-10-01"),
        "later.md": post("Later", date="next tuesday"),
    }
    config = {"theme": "mkdocs", "site_url": "https://bakery.example/",
              "plugins": [calendar_plugin(), {"storefront/seo": {"cards": False}}]}
    built = site(files, config=config, env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.messages
    assert len([m for m in built.warnings if "offer.md" in m and "expires" in m]) == 1, built.warnings
    assert len([m for m in built.warnings if "later.md" in m and "date" in m]) == 1, built.warnings
