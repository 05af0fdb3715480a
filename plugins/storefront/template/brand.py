"""The brand colours of a new site from one colour, each text pair at WCAG AA contrast."""

from __future__ import annotations

import colorsys
import re

DEFAULT_COLOUR = "#1f5fa8"
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(rgb(a)), _luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _with_lightness(colour: str, lightness: float, saturation: float | None = None) -> str:
    h, _, s = colorsys.rgb_to_hls(*rgb(colour))
    return _hex(colorsys.hls_to_rgb(h, lightness, s if saturation is None else saturation))


def _darken_until(colour: str, background: str, ratio: float) -> str:
    """The colour, darkened just enough for `ratio` contrast against `background`."""
    h, lightness, s = colorsys.rgb_to_hls(*rgb(colour))
    while contrast(_hex(colorsys.hls_to_rgb(h, lightness, s)), background) < ratio and lightness > 0:
        lightness = max(0.0, lightness - 0.01)
    return _hex(colorsys.hls_to_rgb(h, lightness, s))


def palette(colour: str) -> dict[str, str]:
    """The brand variables of site_template/stylesheets/brand.css from one colour, with the
    text pairs at WCAG AA (4.5:1): brand on white, white on brand, ink on cream, link on white."""
    brand = _darken_until(colour.lower(), "#ffffff", 4.5)
    h, lightness, s = colorsys.rgb_to_hls(*rgb(brand))
    return {
        "--sf-brand": brand,
        "--sf-brand-dark": _hex(colorsys.hls_to_rgb(h, lightness * 0.75, s)),
        "--sf-brand-light": _hex(colorsys.hls_to_rgb(h, min(0.9, lightness + (1 - lightness) * 0.2), s)),
        "--sf-accent": _darken_until(_hex(colorsys.hls_to_rgb((h + 0.5) % 1.0, 0.4, max(s, 0.5))), "#ffffff", 4.5),
        "--sf-cream": _with_lightness(brand, 0.965, min(s, 0.45)),
        "--sf-cream-dark": _with_lightness(brand, 0.9, min(s, 0.4)),
        "--sf-ink": _with_lightness(brand, 0.12, min(s, 0.3)),
        "--sf-link": _darken_until(brand, "#ffffff", 7.0),
    }


def brand_css(template_css: str, colour: str) -> str:
    """The template's brand.css with its `--sf-…` colour variables set from `colour`."""
    values = palette(colour)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return f"{name}: {values[name]};" if name in values else match.group(0)

    head, sep, rest = template_css.partition("}")
    head = re.sub(r"(--sf-[a-z-]+):\s*[^;]+;(?:[ \t]*/\*[^*]*\*/)?", replace, head)
    return head + sep + rest
