"""The typed contracts between plugins in `support`: the social image, the next scheduled
change, and the file a page's front matter names."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from storefront import support
from storefront.core.images import SocialImage
from storefront.seo.tags import SocialImage as SeoSocialImage

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


def test_page_image_is_a_social_image_or_none():
    page = SimpleNamespace()
    assert support.page_image(page) is None  # no storefront/seo
    image = SocialImage(url="https://s/i.png", width=10, height=5)
    support.set_page_image(page, image)
    assert support.page_image(page) is image
    page.storefront_image = {"url": "https://s/i.png"}  # not the contract: ignored, not guessed at
    assert support.page_image(page) is None
    assert SeoSocialImage is SocialImage


class _Announces:
    def __init__(self, moment):
        self.moment = moment

    def storefront_next_change(self, config, now):
        if isinstance(self.moment, Exception):
            raise self.moment
        return self.moment


def test_announced_changes_keep_later_aware_moments_and_skip_failures(caplog):
    later = NOW + dt.timedelta(days=2)
    plugins = {"a": _Announces(later), "b": _Announces(NOW - dt.timedelta(days=1)),
               "c": _Announces(dt.datetime(2026, 12, 3)), "d": _Announces(RuntimeError("boom")),
               "e": object(), "f": _Announces("tomorrow")}
    assert isinstance(plugins["a"], support.AnnouncesChanges)
    assert not isinstance(plugins["e"], support.AnnouncesChanges)
    with caplog.at_level(logging.WARNING):
        assert support.announced_changes(SimpleNamespace(plugins=plugins), NOW) == [later]
    assert any("d: storefront_next_change failed (boom)" in r.getMessage() for r in caplog.records)


def test_page_file_relative_to_the_page_then_the_docs_folder(tmp_path):
    names = ["blog/pic.png", "pic.png", "images/x.png", "blog/post.md"]
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])
    page = SimpleNamespace(file=files.get_file_from_path("blog/post.md"))
    assert support.page_file(page, files, "pic.png").src_uri == "blog/pic.png"
    assert support.page_file(page, files, "/pic.png?v=2#top").src_uri == "pic.png"
    assert support.page_file(page, files, "images/x.png").src_uri == "images/x.png"
    assert support.page_file(page, files, "../images/x.png").src_uri == "images/x.png"
    assert support.page_file(page, files, "/blog/missing.png") is None
    assert support.page_file(page, None, "pic.png") is None
