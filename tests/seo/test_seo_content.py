"""Titles, descriptions, canonical, robots, locale and images on fixture sites."""

from __future__ import annotations

import json

from seo_helpers import NOW, SITE_URL, Head, png

MKDOCS = {"name": "mkdocs"}


def build(site, files, theme=MKDOCS, strict=True, **options):
    config = {"site_url": SITE_URL, "site_description": "Bread & cakes", "theme": theme,
              "plugins": [{"storefront/seo": options}] if options else ["storefront/seo"]}
    extra = options.pop("_config", None) if options else None
    if extra:
        config.update(extra)
        config["plugins"] = [{"storefront/seo": options}] if options else ["storefront/seo"]
    built = site(files, config=config, strict=strict, env=NOW)
    return built


# --- titles ---------------------------------------------------------------------------

def test_title_patterns_and_front_matter_title_wins(site):
    built = build(site, {
        "index.md": "# Home\n\nHello.\n",
        "plain.md": "# Rendered heading\n\nText.\n",
        "named.md": "---\ntitle: Front matter title\n---\n\n# Rendered heading\n\nText.\n",
    }, title="{page} · {site}", _config={"nav": [{"Home": "index.md"}, {"Nav name": "named.md"},
                                                 "plain.md"]})
    assert built.ok, built.warnings
    assert Head(built, "index.html").titles() == ["Test Bakery – Bread & cakes"]
    assert Head(built, "plain/index.html").titles() == ["Rendered heading · Test Bakery"]
    # front matter beats both the nav title and the <h1>
    named = Head(built, "named/index.html")
    assert named.titles() == ["Front matter title · Test Bakery"]
    assert named.one("og:title") == "Front matter title"


def test_home_title_without_site_description_and_custom_home_pattern(site):
    built = site({"index.md": "# Home\n\nHello.\n"}, env=NOW, strict=True,
                 config={"site_url": SITE_URL, "theme": MKDOCS, "plugins": ["storefront/seo"]})
    assert Head(built, "index.html").titles() == ["Test Bakery"]
    built = build(site, {"index.md": "# Home\n\nHello.\n"}, home_title="{site}: {site_description}")
    assert Head(built, "index.html").titles() == ["Test Bakery: Bread & cakes"]
    # a home page with its own front-matter title goes through the page pattern
    built = build(site, {"index.md": "---\ntitle: Fresh bread daily\n---\n\nHello.\n"})
    assert Head(built, "index.html").titles() == ["Fresh bread daily | Test Bakery"]


# --- descriptions -----------------------------------------------------------------------

LONG = ("Our sourdough is <em>naturally</em> leavened &amp; shaped by hand every single morning "
        "before dawn, then baked on the stone floor of a wood-fired oven that has been in the "
        "family since nineteen fifty-two, which is why it tastes the way it does.")


def test_description_front_matter_then_first_paragraph_then_site(site):
    built = build(site, {
        "index.md": "# Home\n\nHello.\n",
        "given.md": "---\ndescription: Written   by the author.\n---\n\n# Given\n\nIgnored paragraph.\n",
        "derived.md": f"# Derived\n\n![a loaf](loaf.png)\n\n{LONG}\n\nSecond paragraph.\n",
        "loaf.png": png(10, 10),
        "empty.md": "# Empty\n\n- only\n- a list\n",
        "short.md": "# Short\n\nA <strong>short</strong> and   spaced\nparagraph.\n",
    })
    assert built.ok, built.warnings
    assert Head(built, "given/index.html").one("description") == "Written by the author."
    derived = Head(built, "derived/index.html").one("description")
    assert len(derived) <= 160 and derived.endswith("…")
    plain = ("Our sourdough is naturally leavened & shaped by hand every single morning before dawn, "
             "then baked on the stone floor of a wood-fired oven that has been in the family")
    assert plain.startswith(derived[:-1])          # cut from the start of the text…
    assert LONG.count(" ") > derived.count(" ")
    assert plain[len(derived) - 1] == " "          # …at a word boundary
    assert "<" not in derived and "&amp;" not in derived
    assert Head(built, "short/index.html").one("description") == "A short and spaced paragraph."
    assert Head(built, "empty/index.html").one("description") == "Bread & cakes"
    assert Head(built, "derived/index.html").one("og:description") == derived


# --- canonical and robots ---------------------------------------------------------------

def test_canonical_override_and_robots(site):
    built = build(site, {
        "index.md": "# Home\n\nHello.\n",
        "moved.md": "---\ncanonical: https://other.example/bread/\n---\n\n# Moved\n\nText.\n",
        "local.md": "---\ncanonical: /about/\n---\n\n# Local\n\nText.\n",
        "hidden.md": "---\nrobots: noindex, nofollow\n---\n\n# Hidden\n\nText.\n",
        "quiet.md": "---\nnoindex: true\n---\n\n# Quiet\n\nText.\n",
        "404.md": "# Not found\n\nNothing here.\n",
    })
    assert built.ok, built.warnings
    moved = Head(built, "moved/index.html")
    assert moved.canonicals() == ["https://other.example/bread/"]
    assert moved.one("og:url") == "https://other.example/bread/"
    assert Head(built, "local/index.html").canonicals() == [SITE_URL + "about/"]
    assert Head(built, "hidden/index.html").meta("robots") == ["noindex, nofollow"]
    assert Head(built, "quiet/index.html").meta("robots") == ["noindex"]
    assert Head(built, "404.html").meta("robots") == ["noindex"]
    assert Head(built, "index.html").meta("robots") == []


def test_theme_404_without_404_md_is_noindex(site):
    built = build(site, {"index.md": "# Home\n\nHello.\n"}, theme={"name": "material", "font": False})
    assert built.ok
    assert Head(built, "404.html").meta("robots") == ["noindex"]


# --- locale -----------------------------------------------------------------------------

def test_locale_from_theme_language_option_and_page(site):
    files = {"index.md": "# Accueil\n\nBonjour.\n", "de.md": "---\nlang: de-AT\n---\n\n# Hallo\n\nText.\n"}
    built = build(site, files, theme={"name": "material", "font": False, "language": "fr"})
    assert Head(built, "index.html").one("og:locale") == "fr_FR"
    assert Head(built, "de/index.html").one("og:locale") == "de_AT"
    built = build(site, files, theme={"name": "material", "font": False, "language": "en"},
                  locale="en_GB")
    assert Head(built, "index.html").one("og:locale") == "en_GB"


# --- images -------------------------------------------------------------------------------

def test_front_matter_image_url_and_default_image(site):
    built = build(site, {
        "index.md": "# Home\n\nHello.\n",
        "remote.md": "---\nimage: https://cdn.example/pics/loaf.webp\nimage_alt: A loaf\n---\n\n# R\n\nT.\n",
        "rooted.md": "---\nimage: /media/shop.png\n---\n\n# Rooted\n\nT.\n",
        "media/shop.png": png(640, 480),
        "media/default.png": png(1200, 600),
    }, default_image="media/default.png", default_image_alt="Our shop front")
    assert built.ok, built.warnings
    remote = Head(built, "remote/index.html")
    assert remote.one("og:image") == "https://cdn.example/pics/loaf.webp"
    assert remote.one("og:image:type") == "image/webp"
    assert remote.meta("og:image:width") == []  # not read over the network
    rooted = Head(built, "rooted/index.html")
    assert rooted.one("og:image") == SITE_URL + "media/shop.png"
    assert (rooted.one("og:image:width"), rooted.one("og:image:height")) == ("640", "480")
    assert rooted.one("og:image:alt") == "Rooted"  # no image_alt: the title
    home = Head(built, "index.html")
    assert home.one("og:image") == SITE_URL + "media/default.png"
    assert (home.one("og:image:width"), home.one("og:image:height")) == ("1200", "600")
    assert home.one("og:image:alt") == "Our shop front"
    assert not built.exists("assets/storefront/cards/index.png")


HOOK = '''
import json, os

def on_post_page(output, page, config):
    image = getattr(page, "storefront_image", None)
    out = os.path.join(config.site_dir, "images-seen.json")
    seen = json.load(open(out)) if os.path.exists(out) else {}
    seen[page.file.src_uri] = image.to_dict() if image else None
    json.dump(seen, open(out, "w"))
'''


def test_storefront_image_is_exposed_on_the_page(site):
    built = site({"index.md": "# Home\n\nHello.\n",
                  "pic.md": "---\nimage: pic.png\nimage_alt: A pic\n---\n\n# Pic\n\nT.\n",
                  "pic.png": png(300, 200), "/hooks.py": HOOK},
                 config={"site_url": SITE_URL, "theme": MKDOCS, "plugins": ["storefront/seo"],
                         "hooks": ["hooks.py"]}, strict=True, env=NOW)
    assert built.ok, built.warnings
    seen = json.loads(built.text("images-seen.json"))
    assert seen["pic.md"] == {"url": SITE_URL + "pic.png", "width": 300, "height": 200,
                              "mime": "image/png", "alt": "A pic", "path": "pic.png", "source": "page"}
    assert seen["index.md"]["source"] == "card"
    assert seen["index.md"]["url"] == SITE_URL + "assets/storefront/cards/index.png"
    assert (seen["index.md"]["width"], seen["index.md"]["height"]) == (1200, 630)
