"""Generated social cards: size, look, cache (an unchanged page is never redrawn)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from seo_helpers import HOSTILE, NOW, SITE_URL

from conftest import build_site
from storefront.seo import cards

CONFIG = {"site_url": SITE_URL, "theme": {"name": "mkdocs"},
          "plugins": [{"storefront/seo": {"card_colour": "#204060"}}]}


def count_draws(monkeypatch) -> list[str]:
    drawn: list[str] = []
    real = cards.draw_card

    def counting(card):
        drawn.append(card.title)
        return real(card)

    monkeypatch.setattr(cards, "draw_card", counting)
    return drawn


def test_card_is_a_1200x630_png_in_the_brand_colour(site):
    built = site({"index.md": "# Home\n", "long.md": f"# {'Very long title ' * 12}\n\nText.\n"},
                 config=CONFIG, strict=True, env=NOW)
    assert built.ok, built.warnings
    path = built.site / "assets/storefront/cards/long.png"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)
        corner = image.convert("RGB").getpixel((5, 5))
    assert all(abs(a - b) <= 8 for a, b in zip(corner, (0x20, 0x40, 0x60), strict=False)), corner


def test_second_build_draws_nothing(tmp_path, monkeypatch):
    drawn = count_draws(monkeypatch)
    files = {"index.md": "# Home\n", "a.md": "# Apple pie\n\nText.\n", "b.md": "# Bread\n\nText.\n"}
    first = build_site(tmp_path / "p", files, config=CONFIG, strict=True, env=NOW)
    assert first.ok, first.warnings
    assert sorted(drawn) == ["Apple pie", "Bread", "Home"]
    cache = sorted((tmp_path / "p/.cache/storefront/seo/cards").glob("*.png"))
    assert len(cache) == 3
    stamps = {p: p.stat().st_mtime_ns for p in cache}

    drawn.clear()
    second = build_site(tmp_path / "p", files, config=CONFIG, strict=True, env=NOW)
    assert second.ok
    assert drawn == []
    assert {p: p.stat().st_mtime_ns for p in cache} == stamps
    assert (second.site / "assets/storefront/cards/a.png").read_bytes() == cache_bytes(cache, "Apple pie")

    # a changed title is one new card; the others stay cached
    files["a.md"] = "# Apple tart\n\nText.\n"
    third = build_site(tmp_path / "p", files, config=CONFIG, strict=True, env=NOW)
    assert third.ok
    assert drawn == ["Apple tart"]


def cache_bytes(cache: list[Path], title: str) -> bytes:
    key = cards.Card(title, "Test Bakery", "#204060").key
    return next(p for p in cache if p.stem == key).read_bytes()


def test_key_covers_every_input():
    base = cards.Card("Title", "Site", "#123456")
    keys = {base.key, cards.Card("Title 2", "Site", "#123456").key,
            cards.Card("Title", "Site 2", "#123456").key, cards.Card("Title", "Site", "#654321").key,
            cards.Card("Title", "Site", "#123456", "#000000").key}
    assert len(keys) == 5
    assert cards.Card("Title", "Site", "#123456").key == base.key


def test_draw_handles_hostile_and_long_text():
    data = cards.draw_card(cards.Card(HOSTILE + " " + "x" * 300, "Site & Co", "#fff"))
    assert data.startswith(b"\x89PNG")
    assert cards.text_colour_for("#ffffff") == "#181818"
    assert cards.text_colour_for("#204060") == "#ffffff"


def test_wrap_never_exceeds_the_width():
    font = cards._font(64)
    lines = cards.wrap("Supercalifragilisticexpialidocious " * 3 + "a" * 80, font, 400)
    assert all(font.getlength(line) <= 400 for line in lines)
    assert "".join(lines).replace(" ", "") == ("Supercalifragilisticexpialidocious" * 3 + "a" * 80)


def _corner(built, name="long.png"):
    with Image.open(built.site / "assets/storefront/cards" / name) as image:
        return image.convert("RGB").getpixel((5, 5))


def _close(rgb, hex_colour):
    want = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= 8 for a, b in zip(rgb, want, strict=False))


def test_card_colour_defaults_to_the_material_palette_primary(site):
    files = {"index.md": "# Home\n", "long.md": "# A page\n\nText.\n"}
    config = {"site_url": SITE_URL, "theme": {"name": "material", "palette": {"primary": "teal"}},
              "plugins": ["storefront/seo"]}
    built = site(files, config=config, strict=True, env=NOW)
    assert built.ok, built.warnings
    assert _close(_corner(built), "#009485"), _corner(built)
    # a light/dark toggle list: the first scheme's primary
    config["theme"]["palette"] = [{"scheme": "default", "primary": "deep orange"},
                                  {"scheme": "slate", "primary": "indigo"}]
    built = site(files, config=config, strict=True, env=NOW)
    assert _close(_corner(built), "#ff6e42"), _corner(built)


def test_card_colour_without_palette_is_neutral_and_the_option_wins(site):
    files = {"index.md": "# Home\n", "long.md": "# A page\n\nText.\n"}
    built = site(files, config={"site_url": SITE_URL, "theme": {"name": "mkdocs"},
                                "plugins": ["storefront/seo"]}, strict=True, env=NOW)
    assert built.ok, built.warnings
    assert _close(_corner(built), cards.NEUTRAL_CARD_COLOUR)
    built = site(files, config={"site_url": SITE_URL,
                                "theme": {"name": "material", "palette": {"primary": "teal"}},
                                "plugins": [{"storefront/seo": {"card_colour": "#204060"}}]},
                 strict=True, env=NOW)
    assert _close(_corner(built), "#204060")


def test_palette_primary_names_and_values():
    assert cards.palette_primary({"primary": "blue grey"}) == "#546d78"
    assert cards.palette_primary({"primary": "#1F5FA8"}) == "#1f5fa8"
    assert cards.palette_primary({"primary": "custom"}) is None
    assert cards.palette_primary(None) is None
    # Material's own docs: an automatic first entry without colours, then light and dark
    toggle = [{"media": "(prefers-color-scheme)"}, {"scheme": "default", "primary": "indigo"},
              {"scheme": "slate", "primary": "black"}]
    assert cards.palette_primary(toggle) == "#4051b5"
    assert cards.palette_primary("indigo") is None
