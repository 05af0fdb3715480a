"""`lint.json`: every page's scores and findings, a flat list of all findings and a summary."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from ..findings import Finding, PageReport, band

FORMAT_VERSION = 1
TOOL = "storefront/lint"


def all_findings(reports: Iterable[PageReport]) -> list[Finding]:
    """Every finding of every page, sorted by path, line and rule."""
    return sorted(finding for report in reports for finding in report.findings)


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


def document(reports: Sequence[PageReport], *, tool_version: str) -> dict:
    pages = sorted(reports, key=lambda report: report.path)
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL, "version": tool_version},
        "summary": summary(pages),
        "pages": [report.to_dict() for report in pages],
        "findings": [finding.to_dict() for finding in all_findings(pages)],
    }


def render(reports: Sequence[PageReport], *, tool_version: str) -> str:
    return json.dumps(document(reports, tool_version=tool_version), ensure_ascii=False,
                      indent=2) + "\n"
