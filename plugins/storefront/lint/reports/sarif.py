"""`lint.sarif`: SARIF 2.1.0 for code scanning (GitHub's upload-sarif, IDE viewers).

Paths are relative to the folder of mkdocs.yml (`uriBaseId` %SRCROOT%); each result carries
a partial fingerprint built like the baseline's match (page, rule, message with numbers
masked, and the occurrence), so a result keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote

from ..baseline import match_key
from ..findings import Finding
from . import meta
from .json import finding_order

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "storefrontLint/v1"


@lru_cache(maxsize=4096)
def _uri(path: str) -> str:
    # a relative URI reference: percent-encode what a URI cannot hold (spaces, %, #, ?)
    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=:@")


def _fingerprint(finding: Finding, occurrence: int) -> str:
    text = "\x1f".join((*match_key(finding.fingerprint), str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _rules(findings: list[Finding]) -> list[dict]:
    severities: dict[str, Counter[str]] = {}
    for finding in findings:
        severities.setdefault(finding.rule, Counter())[finding.severity] += 1
    rules = []
    for rule in sorted(severities):
        # the level the rule is configured at: what its findings have (the most common one)
        severity = severities[rule].most_common(1)[0][0]
        rules.append({
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.split("-")),
            "shortDescription": {"text": meta.short_description(rule)},
            "helpUri": meta.help_uri(rule),
            "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        })
    return rules


def document(findings: Iterable[Finding], *, tool_version: str) -> dict:
    items = sorted(findings, key=finding_order)
    rules = _rules(items)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    seen: Counter = Counter()
    results = []
    for finding in items:
        key = match_key(finding.fingerprint)
        seen[key] += 1
        results.append({
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": SRCROOT},
                    "region": {"startLine": max(1, int(finding.line))},
                },
            }],
            "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(finding, seen[key])},
        })
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": meta.TOOL_NAME,
                "version": tool_version,
                "informationUri": meta.information_uri(),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(findings: Iterable[Finding], *, tool_version: str, indent: int | None = None) -> str:
    return json.dumps(document(findings, tool_version=tool_version), ensure_ascii=False,
                      indent=indent) + "\n"
