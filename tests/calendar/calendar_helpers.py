"""Fixture sites for the storefront/calendar tests."""

from __future__ import annotations

import gzip
from pathlib import Path

NY = "America/New_York"
HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def post(title: str, *, date: str | None = None, extra: str = "", body: str = "Some words.") -> str:
    lines = ["---", f'title: "{title}"']
    if date is not None:
        lines.append(f"date: {date}")
    if extra:
        lines.extend(extra.strip("\n").splitlines())
    lines.append("---")
    return "\n".join(lines) + f"\n\n# {title}\n\n{body}\n"


def calendar_plugin(**options) -> dict:
    settings = {"timezone": NY, "cadence_days": 0, "overdue": False}
    settings.update(options)
    return {"storefront/calendar": settings}


def every_text(site: Path) -> dict[str, str]:
    """Every file of a built site as text (gzip files unpacked), by relative path."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="ignore")
    return out


def find_anywhere(site: Path, needles: list[str]) -> list[tuple[str, str]]:
    """(file, needle) for every needle found (case-insensitive) in any file of the site."""
    hits = []
    for name, text in every_text(site).items():
        lowered = text.lower()
        for needle in needles:
            if needle.lower() in lowered or needle.lower() in name.lower():
                hits.append((name, needle))
    return hits
