"""Generate plugins/storefront/lint/data/title_font_widths.json once: the advance widths of
Liberation Sans Regular (metric-compatible with Arial, the font search results and Yoast's
snippet preview measure titles in), in font units, for the characters a title is likely to
hold. The lint reads only the JSON, so no font is needed at run time.

    python bench/font_widths.py [/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf]

Liberation Sans is under the SIL Open Font License 1.1; only its advance widths are stored.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PIL import ImageFont

FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
UNITS = 2048  # Liberation Sans units per em
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122)]
OUT = Path(__file__).resolve().parents[1] / "plugins/storefront/lint/data/title_font_widths.json"


def main() -> None:
    font = ImageFont.truetype(sys.argv[1] if len(sys.argv) > 1 else FONT, UNITS)
    widths = {}
    for start, end in RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            if font.getmask(char).getbbox() is None and char != " " and code != 0xA0:
                continue  # no glyph
            widths[char] = round(font.getlength(char))
    data = {"font": "Liberation Sans Regular (SIL Open Font License 1.1), metric-compatible with Arial",
            "units_per_em": UNITS, "widths": widths}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(widths)} widths -> {OUT}")


if __name__ == "__main__":
    main()
