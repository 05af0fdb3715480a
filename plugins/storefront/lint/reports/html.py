"""`lint.html`: a private, self-contained report for writers.

A sortable table of pages with both scores as traffic lights, each page's findings, and an
overview chart drawn as inline SVG. No external asset: the file opens from disk, offline.
Rendered by an autoescaping Jinja template, so every value is escaped exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..findings import PageReport, band
from . import json as json_report

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
BANDS = ("good", "ok", "poor")
TOP_RULES = 12


@dataclass(frozen=True)
class Segment:
    band: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    severity: str
    width: float


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _score_segments(scores: Sequence[int], width: float) -> list[Segment]:
    """One stacked bar: how many pages are good, ok and poor, as widths out of `width`."""
    counts = Counter(band(score) for score in scores)
    total = len(scores) or 1
    segments, x = [], 0.0
    for name in BANDS:
        share = counts[name] / total * width
        segments.append(Segment(name, counts[name], round(x, 2), round(share, 2)))
        x += share
    return segments


def _rule_bars(reports: Sequence[PageReport], width: float) -> list[Bar]:
    """The most frequent rules, longest bar first, coloured by their worst severity."""
    counts: Counter[str] = Counter()
    worst: dict[str, str] = {}
    for report in reports:
        for finding in report.findings:
            counts[finding.rule] += 1
            current = worst.get(finding.rule, "info")
            if SEVERITY_RANK.get(finding.severity, 1) <= SEVERITY_RANK.get(current, 2):
                worst[finding.rule] = finding.severity
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_RULES]
    most = top[0][1] if top else 1
    return [Bar(rule, count, worst[rule], round(count / most * width, 2)) for rule, count in top]


def _page_rows(reports: Sequence[PageReport]) -> list[dict]:
    rows = []
    for report in sorted(reports, key=lambda item: item.path):
        severities = Counter(finding.severity for finding in report.findings)
        findings = sorted(report.findings,
                          key=lambda f: (SEVERITY_RANK.get(f.severity, 1), f.line, f.rule))
        rows.append({"report": report, "errors": severities["error"],
                     "warnings": severities["warning"], "info": severities["info"],
                     "findings": findings})
    return rows


def render(reports: Sequence[PageReport], *, tool_version: str) -> str:
    chart_width = 480.0
    template = _environment().get_template("lint.html")
    return template.render(
        tool_version=tool_version,
        summary=json_report.summary(reports),
        rows=_page_rows(reports),
        chart_width=chart_width,
        score_bars=[
            ("SEO", _score_segments([r.seo_score for r in reports], chart_width)),
            ("Readability", _score_segments([r.readability_score for r in reports], chart_width)),
        ],
        rule_bars=_rule_bars(reports, chart_width),
    )
