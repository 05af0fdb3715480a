"""The end of a lint run: site-wide rules over every page's result, then scores and reports.

Pure: the MkDocs adapter (plugin.py) hands over the cached or fresh page results and the
link graph it collected.
"""

from __future__ import annotations

from .analysis import PageResult
from .findings import Finding, PageReport
from .rules import load
from .rules.site import SiteFacts
from .scores import scores


def site_findings(results: list[PageResult], site: SiteFacts, settings: dict) -> dict[str, list[Finding]]:
    """Findings of the site-wide rules, by page path (each page's `lint: ignore` honoured)."""
    out: dict[str, list[Finding]] = {result.path: [] for result in results}
    for rule_id, rule in load().items():
        setting = settings[rule_id]
        if not rule.site or not setting.enabled:
            continue
        candidates = [r for r in results if rule_id not in r.ignore and (r.indexable or not rule.search_only)]
        for page, line, message in rule.check(candidates, site, setting.options) or ():
            out[page.path].append(Finding(page.path, max(1, int(line)), rule_id, setting.severity, message))
    return out


def reports(results: list[PageResult], site: SiteFacts, settings: dict) -> list[PageReport]:
    """One report per page, sorted by path, with every finding (page and site rules) and the scores."""
    family_of = {rule_id: rule.family for rule_id, rule in load().items()}
    extra = site_findings(results, site, settings)
    out = []
    for result in sorted(results, key=lambda r: r.path):
        findings = sorted([*result.findings, *extra.get(result.path, [])],
                          key=lambda f: (f.line, f.rule, f.message))
        seo, readability = scores(findings, family_of)
        out.append(PageReport(path=result.path, url=result.url, title=result.title, seo_score=seo,
                              readability_score=readability, findings=findings, language=result.language,
                              words=result.words, keyword=result.keyword))
    return out


def format_finding(finding: Finding) -> str:
    """`content/x.md:12: [rule-id] what to change` (the log line and the CLI's text format)."""
    return f"{finding.path}:{finding.line}: [{finding.rule}] {finding.message}"
