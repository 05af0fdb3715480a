"""The lint's report files, written outside site_dir (never deployed).

`write_reports(reports, folder, formats, tool_version=...)` writes any of `lint.json`,
`lint.sarif` and `lint.html`; `github.annotations(findings)` gives workflow commands.
Pure: no mkdocs import.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..findings import PageReport
from . import html, json, sarif

FORMATS = ("json", "sarif", "html")
FILE_NAMES = {"json": "lint.json", "sarif": "lint.sarif", "html": "lint.html"}


def render(report_format: str, reports: Sequence[PageReport], *, tool_version: str) -> str:
    """One report's text."""
    if report_format == "json":
        return json.render(reports, tool_version=tool_version)
    if report_format == "sarif":
        return sarif.render(json.all_findings(reports), tool_version=tool_version)
    if report_format == "html":
        return html.render(reports, tool_version=tool_version)
    raise ValueError(f"unknown report format {report_format!r}; use one of {', '.join(FORMATS)}")


def write_reports(reports: list[PageReport], folder: Path, formats: Iterable[str], *,
                  tool_version: str) -> list[Path]:
    """Write the report files for `formats` into `folder` (created if needed); returns their
    paths. Each file is replaced atomically, so a reader never sees half a report."""
    wanted = list(dict.fromkeys(formats))
    unknown = [name for name in wanted if name not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format {unknown[0]!r}; use one of {', '.join(FORMATS)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in wanted:
        target = folder / FILE_NAMES[name]
        temporary = folder / f".{FILE_NAMES[name]}.tmp"
        temporary.write_text(render(name, reports, tool_version=tool_version), encoding="utf-8")
        os.replace(temporary, target)
        written.append(target)
    return written


__all__ = ["FILE_NAMES", "FORMATS", "render", "write_reports"]
