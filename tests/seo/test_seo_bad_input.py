"""Bad input: one warning naming file, line, key and fix; --strict fails; a plain build goes on."""

from __future__ import annotations

import pytest
from seo_helpers import NOW, SITE_URL, Head

CONFIG = {"site_url": SITE_URL, "theme": {"name": "mkdocs"}, "plugins": ["storefront/seo"]}

# (front matter line, key, words the message must hold)
CASES = {
    "not-a-date": ("date: someday soon", "date", "is not a date"),
    "bad-updated": ('updated: "2026-13-45"', "updated", "is not a date"),
    "missing-image": ("image: pictures/nowhere.png", "image", "is not a file in docs"),
    "not-an-image": ("image: fake.png", "image", "is not an image that can be read"),
    "bad-image-url": ('image: "javascript:alert(1)"', "image", "is not an http(s) URL"),
    "bad-canonical": ('canonical: "ht!tp://example.com/x"', "canonical", "malformed scheme"),
    "spaced-canonical": ('canonical: "https://exa mple.com/"', "canonical", "spaces"),
    "title-list": ("title: [one, two]", "title", "is not text"),
    "noindex-text": ('noindex: "yes"', "noindex", "is not true or false"),
    "tags-mapping": ("tags: {a: 1}", "tags", "is not a list of names"),
    "robots-typo": ("robots: noindx", "robots", "is not a robots directive"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_warning_with_file_line_key_and_fix(site, name):
    line, key, words = CASES[name]
    page = f"---\ndescription: A page.\n{line}\n---\n\n# Page\n\nText.\n"
    files = {"index.md": "# Home\n\nHello.\n", "page.md": page, "fake.png": "not really a png"}
    built = site(files, config=CONFIG, env=NOW)
    assert built.ok, built.error  # a plain build goes on
    mine = [w for w in built.warnings if "page.md" in w]
    assert len(mine) == 1, built.warnings
    message = mine[0]
    assert message.split(": ", 1)[1].startswith("docs/page.md:3: "), message  # file and line
    assert f": {key}: " in message and words in message, message
    assert "; " in message and len(message.split("; ", 1)[1]) > 10  # the fix
    assert "Traceback" not in " ".join(built.messages)
    head = Head(built, "page/index.html")  # the page is still built with its tags
    assert len(head.titles()) == 1 and head.one("og:type") in ("website", "article")

    strict = site(files, config=CONFIG, strict=True, env=NOW)
    assert not strict.ok


@pytest.mark.parametrize("front_matter, line, words", [
    # the line and key of the date that does not exist (PyYAML's own error names neither)
    ("description: A page.\nupdated: 2026-13-45", 3,
     "could not be read (updated: a date that does not exist: month must be in 1..12)"),
    ("description: A page.\ntitle: Bread: the basics", 3, "is not valid YAML"),
])
def test_front_matter_mkdocs_could_not_read(site, front_matter, line, words):
    # MkDocs drops such front matter silently; the page would show the YAML as text
    files = {"index.md": "# Home\n", "page.md": f"---\n{front_matter}\n---\n\n# Page\n\nText.\n"}
    built = site(files, config=CONFIG, env=NOW)
    assert built.ok
    mine = [w for w in built.warnings if "page.md" in w]
    assert len(mine) == 1, built.warnings
    assert f"docs/page.md:{line}: front matter: " in mine[0] and words in mine[0], mine[0]
    assert "fix the YAML" in mine[0]


def test_bad_values_are_left_out_not_used(site):
    files = {
        "index.md": "# Home\n",
        "bad.md": '---\ncanonical: "ht!tp://x"\nimage: nowhere.png\ndate: someday\n---\n\n# Bad\n\nText.\n',
    }
    built = site(files, config=CONFIG, env=NOW)
    head = Head(built, "bad/index.html")
    assert head.canonicals() == [SITE_URL + "bad/"]  # the page's own URL
    assert head.one("og:type") == "website"          # no date: not an article
    assert head.one("og:image") == SITE_URL + "assets/storefront/cards/bad.png"  # fell back to a card
    assert len([w for w in built.warnings if "bad.md" in w]) == 3


def test_problems_reported_once_per_page_even_when_read_again(site):
    # the hook reads the shared front matter again, as other storefront plugins do
    hook = ("from storefront import support\n"
            "def on_post_page(output, page, config):\n"
            "    support.page_meta(page, config)\n")
    files = {"index.md": "# Home\n", "bad.md": "---\ndate: someday\n---\n\n# Bad\n", "/hooks.py": hook}
    built = site(files, config={**CONFIG, "hooks": ["hooks.py"]}, env=NOW)
    assert len([w for w in built.warnings if "bad.md" in w]) == 1


def test_missing_default_image_is_one_warning(site):
    files = {"index.md": "# Home\n", "a.md": "# A\n", "b.md": "# B\n"}
    config = {**CONFIG, "plugins": [{"storefront/seo": {"default_image": "img/none.png"}}]}
    built = site(files, config=config, env=NOW)
    assert built.ok
    mine = [w for w in built.warnings if "default_image" in w]
    assert len(mine) == 1 and "img/none.png" in mine[0]
    assert Head(built, "a/index.html").one("og:image").endswith("/assets/storefront/cards/a.png")


@pytest.mark.parametrize("options, words", [
    ({"cards": "yes"}, "cards"),
    ({"card_colour": "brown"}, "is not a hex colour"),
    ({"title": "{pagee} | {site}"}, "unknown placeholder {pagee}"),
    ({"title": "{page"}, "is not a valid pattern"),
    ({"twitter_site": "not a handle!"}, "is not a Twitter/X handle"),
    ({"description_length": "long"}, "description_length"),
    ({"verification": {"google": 5}}, "google"),
    ({"robots_txt": {"rules": [{"disallow": "/x/"}]}}, "disallow"),
])
def test_wrong_config_fails_with_a_clear_message(site, options, words):
    built = site({"index.md": "# Home\n"}, config={**CONFIG, "plugins": [{"storefront/seo": options}]},
                 env=NOW)
    assert not built.ok
    text = " ".join(built.messages) + str(built.error)
    assert words in text, text
    assert "Traceback" not in text


def test_a_number_or_date_as_title_is_text(site):
    files = {"index.md": "# Home\n", "year.md": "---\ntitle: 2026\n---\n\nText.\n",
             "day.md": "---\ntitle: 2026-11-23\n---\n\nText.\n"}
    built = site(files, config=CONFIG, strict=True, env=NOW)
    assert built.ok, (built.error, built.warnings)
    assert Head(built, "year/index.html").titles() == ["2026 | Test Bakery"]
    assert Head(built, "day/index.html").one("og:title") == "2026-11-23"
