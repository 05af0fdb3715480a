"""Per-page scores from 0 to 100: SEO (SEO, keyword and conversion rules) and readability.

Each rule that finds something on the page takes points off once, however often it fires,
by its severity: a page with one warning is still "good", three make it "ok".
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding

PENALTY = {"error": 30, "warning": 12, "info": 4}
SEO_FAMILIES = frozenset({"seo", "keyword", "conversion"})


def score(findings: Iterable[Finding], families: frozenset[str], family_of: dict[str, str]) -> int:
    worst: dict[str, int] = {}
    for finding in findings:
        if family_of.get(finding.rule) in families:
            worst[finding.rule] = max(worst.get(finding.rule, 0), PENALTY[finding.severity])
    return max(0, 100 - sum(worst.values()))


def scores(findings: list[Finding], family_of: dict[str, str]) -> tuple[int, int]:
    """(SEO score, readability score) of one page's findings."""
    return (score(findings, SEO_FAMILIES, family_of),
            score(findings, frozenset({"readability"}), family_of))
