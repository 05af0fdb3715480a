"""Impossible and extreme dates, huge numbers, NUL bytes and an unwritable .cache: one message
naming the file, line and key (or the option), never a traceback."""

from __future__ import annotations

import pytest

HOME = {"index.md": "# Home\n\nFresh bread every morning.\n"}


def only_messages(result) -> None:
    """The build ended normally or with MkDocs' own config error, not an exception of ours."""
    assert result.error is None or type(result.error).__name__ in ("Abort", "ConfigurationError"), result.error


@pytest.mark.parametrize("until", ["2026-02-30", "2026-13-01", "0000-01-01"])
def test_impossible_unquoted_cta_until(site, until):
    files = {**HOME, "/seo/ctas.yml": f"sale:\n  label: Order now\n  url: https://shop.example/\n  until: {until}\n"}
    config = {"plugins": [{"storefront/cta": {"file": "seo/ctas.yml"}}]}
    plain = site(files, config=config)
    assert plain.ok, plain.error
    assert [w for w in plain.warnings if "seo/ctas.yml:4: sale.until:" in w and until in w], plain.warnings
    strict = site(files, config=config, strict=True)
    assert not strict.ok
    only_messages(strict)


@pytest.mark.parametrize("now", ["0001-01-01", "9999-12-31 23:59:59"])
def test_calendar_now_at_the_ends_of_time(site, now):
    result = site(HOME, config={"plugins": [{"storefront/calendar": {"now": now}}, "storefront/seo"]})
    only_messages(result)
    assert not result.ok
    assert any("'now'" in w and "too far in the past or future" in w for w in result.warnings), result.warnings


def test_post_dated_at_the_end_of_time(site):
    files = {**HOME, "blog/index.md": "# Blog\n",
             "blog/posts/late.md": "---\ndate: 9999-12-31 23:59:59\n---\n\n# Late\n\nSoon.\n"}
    config = {"theme": {"name": "material"}, "plugins": ["blog", {"storefront/calendar": {}}, "storefront/seo"]}
    result = site(files, config=config, env={"STOREFRONT_NOW": "2026-11-23T12:00:00Z"})
    assert result.ok, result.error
    assert any(w.startswith("storefront: docs/blog/posts/late.md:2: date:") for w in result.warnings), result.warnings
    assert (result.root / ".storefront" / "calendar" / "calendar.html").is_file()


def test_planned_item_at_the_end_of_time(site):
    files = {**HOME, "/seo/calendar.yml": "items:\n  - title: Far away\n    date: 9999-12-31 23:59:59\n"}
    result = site(files, config={"plugins": [{"storefront/calendar": {}}]},
                  env={"STOREFRONT_NOW": "2026-11-23T12:00:00Z"})
    assert result.ok, result.error
    assert any("seo/calendar.yml:3: items[0].date:" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("key", ["history_days", "cadence_days"])
def test_huge_number_of_days(site, key):
    result = site(HOME, config={"plugins": [{"storefront/calendar": {key: 10 ** 12}}]})
    only_messages(result)
    assert any(f"'{key}'" in w and "number of days" in w for w in result.warnings), result.warnings


def test_nul_in_cards_dir(site):
    result = site(HOME, config={"site_url": "https://bakery.example/",
                                "plugins": [{"storefront/seo": {"cards_dir": "cards\x00x"}}]})
    only_messages(result)
    assert any("'cards_dir'" in w and "control character" in w for w in result.warnings), result.warnings


def test_cache_in_the_way(site):
    """`.cache` is an empty file (a read-only folder fails the same way): the build goes on."""
    files = {**HOME, "/.cache": ""}
    config = {"site_url": "https://bakery.example/",
              "plugins": [{"storefront/calendar": {}}, "storefront/seo"]}
    result = site(files, config=config, env={"STOREFRONT_NOW": "2026-11-23T12:00:00Z"})
    assert result.ok, result.error
    assert any("plugins.storefront/calendar.cache_dir" in w for w in result.warnings), result.warnings
    assert any("plugins.storefront/seo.cache_dir" in w for w in result.warnings), result.warnings
    assert result.exists("assets/storefront/cards/index.png")
