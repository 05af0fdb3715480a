"""How wide a title is in search results, in pixels: Arial (here its metric twin Liberation
Sans, widths vendored in data/title_font_widths.json by bench/font_widths.py) at 20 px, the
size Yoast's snippet preview and Google's desktop results use."""

from __future__ import annotations

import json
import unicodedata
from functools import cache

from .language import DATA


@cache
def _table() -> tuple[dict[str, int], int]:
    data = json.loads((DATA / "title_font_widths.json").read_text(encoding="utf-8"))
    return data["widths"], int(data["units_per_em"])


def width(text: str, size: float = 20) -> float:
    """The advance width of `text` in pixels at `size` px (no kerning, as Yoast measures)."""
    widths, units = _table()
    fallback = widths["n"]
    total = 0
    for char in text:
        value = widths.get(char)
        if value is None:
            wide = unicodedata.east_asian_width(char) in ("W", "F")
            value = units if wide else 0 if unicodedata.combining(char) else fallback
        total += value
    return total * size / units
