"""`lint.json`: every page's scores and findings, a flat list of all findings and a summary."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from ..findings import Finding, PageReport, band

FORMAT_VERSION = 1
TOOL = "storefront/lint"


def finding_order(finding: Finding) -> tuple:
    """The dataclass order of `Finding` (path, line, rule, severity, message) as a key:
    sorting by it is several times faster than through the generated `__lt__`."""
    return (finding.path, finding.line, finding.rule, finding.severity, finding.message)


def all_findings(reports: Iterable[PageReport]) -> list[Finding]:
    """Every finding of every page, sorted by path, line and rule."""
    return sorted((finding for report in reports for finding in report.findings), key=finding_order)


def _scores(values: Sequence[int]) -> dict:
    bands = Counter(band(value) for value in values)
    average = round(sum(values) / len(values)) if values else None
    return {"average": average, "good": bands["good"], "ok": bands["ok"], "poor": bands["poor"]}


def summary(reports: Sequence[PageReport]) -> dict:
    findings = all_findings(reports)
    severities = Counter(finding.severity for finding in findings)
    rules = Counter(finding.rule for finding in findings)
    return {
        "pages": len(reports),
        "findings": len(findings),
        "errors": severities["error"],
        "warnings": severities["warning"],
        "info": severities["info"],
        "seo": _scores([report.seo_score for report in reports]),
        "readability": _scores([report.readability_score for report in reports]),
        # most frequent first, then by id, so the file is stable from run to run
        "rules": dict(sorted(rules.items(), key=lambda item: (-item[1], item[0]))),
    }


def page_dict(report: PageReport) -> dict:
    """`report.to_dict()`, built directly (dataclasses.asdict deep-copies: slow at 1,000 pages)."""
    return {
        "path": report.path, "url": report.url, "title": report.title,
        "seo_score": report.seo_score, "readability_score": report.readability_score,
        "findings": [finding.to_dict() for finding in report.findings],
        "language": report.language, "words": report.words, "keyword": report.keyword,
        "seo_band": report.seo_band, "readability_band": report.readability_band,
    }


def document(reports: Sequence[PageReport], *, tool_version: str) -> dict:
    pages = sorted(reports, key=lambda report: report.path)
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL, "version": tool_version},
        "summary": summary(pages),
        "pages": [page_dict(report) for report in pages],
        "findings": [finding.to_dict() for finding in all_findings(pages)],
    }


def render(reports: Sequence[PageReport], *, tool_version: str) -> str:
    # compact: a machine-readable file (pretty-print it with `python -m json.tool`); the
    # indenting encoder is pure Python and three times slower on a big site
    return json.dumps(document(reports, tool_version=tool_version), ensure_ascii=False) + "\n"
