"""What only unpublished work uses stays out of site_dir: cache and output folders inside it
are refused, and images only drafts use are not copied."""

from __future__ import annotations

import pytest

from conftest import build_site  # noqa: F401  (the `site` fixture builds with it)

NOW = {"STOREFRONT_NOW": "2026-11-23T12:00:00Z"}
HOME = {"index.md": "# Home\n\nFresh bread.\n"}


@pytest.mark.parametrize("plugin, key", [
    ("storefront/calendar", "cache_dir"), ("storefront/calendar", "output_dir"),
    ("storefront/seo", "cache_dir"), ("storefront/lint", "cache_dir"), ("storefront/lint", "reports_dir"),
    ("storefront/optimize", "cache_dir"),
])
def test_a_cache_or_output_folder_inside_site_dir_is_refused(site, plugin, key):
    result = site(HOME, config={"site_url": "https://bakery.example/", "plugins": [{plugin: {key: "site/cc"}}]},
                  env=NOW)
    assert not result.ok
    assert f'{key} "site/cc" is inside site_dir' in str(result.error) or any(
        f'{key} "site/cc" is inside site_dir' in m for m in result.messages), (result.error, result.messages)
    assert not (result.site / "cc").exists()


def test_drafts_front_matter_is_not_published_through_the_cache(site):
    files = {**HOME, "secret.md": "---\ndraft: true\ntitle: Secret launch\n---\n\n# Secret\n\nNot yet.\n"}
    result = site(files, config={"plugins": [{"storefront/calendar": {"cache_dir": "site/cc"}}]}, env=NOW)
    assert not result.ok
    published = [p for p in result.all_files()] if result.site.exists() else []
    assert not any("Secret launch" in p.read_text(encoding="utf-8", errors="replace") for p in published)


def test_an_image_only_a_draft_uses_is_not_copied(site):
    files = {
        **HOME,
        "draft.md": "---\ndraft: true\nimage: images/card.png\n---\n\n# Draft\n\n![Launch](images/launch.png)\n"
                    '<img src="images/inline.png" alt="x">\n',
        "live.md": "# Live\n\n![Shared](images/shared.png)\n",
        "other.md": "---\nimage: images/card2.png\n---\n\n# Other\n\nText.\n",
        "draft2.md": "---\ndraft: true\n---\n\n# Draft two\n\n![Shared](images/shared.png) ![c](images/card2.png)\n",
        "images/launch.png": b"\x89PNG launch", "images/inline.png": b"\x89PNG inline",
        "images/card.png": b"\x89PNG card", "images/shared.png": b"\x89PNG shared",
        "images/card2.png": b"\x89PNG card2", "images/unused.png": b"\x89PNG unused",
    }
    result = site(files, config={"plugins": [{"storefront/calendar": {}}]}, env=NOW)
    assert result.ok, result.error
    assert not result.exists("draft/index.html")
    for name in ("launch", "inline", "card"):
        assert not result.exists(f"images/{name}.png"), name
    # used by a published page too (in its content, or as its front-matter image), or by nobody
    for name in ("shared", "card2", "unused"):
        assert result.exists(f"images/{name}.png"), name
