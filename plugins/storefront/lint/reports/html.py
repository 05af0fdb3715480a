"""`lint.html`: a private, self-contained report for writers.

A sortable table of pages with both scores as traffic lights, each page's findings, and an
overview chart drawn as inline SVG. No external asset: the file opens from disk, offline.
The page is an autoescaping Jinja template; the table rows (a thousand on a big site) are
written here with `core.escape`, five times faster than through the template. Either way
every value is escaped exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ...core.escape import html_attr, html_text
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


@lru_cache(maxsize=1)
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
    counts: Counter[str] = Counter(band(score) for score in scores)
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


def _score_cell(kind: str, score: int, band_name: str) -> str:
    return (f'<td class="score {kind} {band_name}" data-sort="{score}">'
            f'<span class="light" aria-hidden="true"></span>{score} '
            f'<span class="band">{band_name}</span></td>')


def _findings_cell(findings: list) -> str:
    if not findings:
        return '<td class="findings"><span class="muted">none</span></td>'
    count = len(findings)
    items = "".join(
        f'<li class="finding" data-rule="{html_attr(f.rule)}">'
        f'<span class="severity severity-{html_attr(f.severity)}">{html_text(f.severity)}</span> '
        f'line {int(f.line)} · <code>{html_text(f.rule)}</code> · '
        f'<span class="message">{html_text(f.message)}</span></li>'
        for f in findings)
    return (f'<td class="findings"><details><summary>{count} finding{"" if count == 1 else "s"}'
            f'</summary><ul class="finding-list">{items}</ul></details></td>')


def _row_html(report: PageReport) -> str:
    """One page's table row; every value through core.escape, once."""
    severities = Counter(finding.severity for finding in report.findings)
    findings = sorted(report.findings,
                      key=lambda f: (SEVERITY_RANK.get(f.severity, 1), f.line, f.rule))
    title = report.title or report.path
    keyword = report.keyword or ""
    cells = [
        f'<td data-sort="{html_attr(title)}"><span class="title">'
        f'{html_text(report.title or "(no title)")}</span> '
        f'<span class="path">{html_text(report.path)}</span> '
        f'<span class="url muted">/{html_text(report.url)}</span></td>',
        _score_cell("seo", int(report.seo_score), report.seo_band),
        _score_cell("readability", int(report.readability_score), report.readability_band),
        f'<td class="num" data-sort="{int(report.words)}">{int(report.words)}</td>',
        f'<td data-sort="{html_attr(keyword)}">{html_text(keyword or "–")}</td>',
        *(f'<td class="num" data-sort="{severities[name]}">{severities[name]}</td>'
          for name in ("error", "warning", "info")),
        _findings_cell(findings),
    ]
    return f'<tr class="page" data-path="{html_attr(report.path)}">{"".join(cells)}</tr>'


def _rows_html(reports: Sequence[PageReport]) -> Markup:
    rows = sorted(reports, key=lambda item: item.path)
    return Markup("\n".join(_row_html(report) for report in rows))


def render(reports: Sequence[PageReport], *, tool_version: str) -> str:
    chart_width = 480.0
    template = _environment().get_template("lint.html")
    return template.render(
        tool_version=tool_version,
        summary=json_report.summary(reports),
        rows_html=_rows_html(reports),
        chart_width=chart_width,
        score_bars=[
            ("SEO", _score_segments([r.seo_score for r in reports], chart_width)),
            ("Readability", _score_segments([r.readability_score for r in reports], chart_width)),
        ],
        rule_bars=_rule_bars(reports, chart_width),
    )
