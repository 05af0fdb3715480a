"""The lint's own front-matter keys: `keyword`, `keywords` and `lint`.

    keyword: emergency plumber               # the focus keyphrase
    keywords: [plumber near me, 24 hour plumber]   # synonyms, count as matches
    lint: false                              # do not analyse this page
    lint: {ignore: [passive-voice, text-too-short]}

A bad value is reported (file, line, key, fix) and left out; it never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import key_line


@dataclass
class LintMeta:
    keyword: str | None = None
    keywords: list[str] = field(default_factory=list)
    enabled: bool = True
    ignore: list[str] = field(default_factory=list)


def read_lint_meta(meta: Mapping, *, path: str, source: str | None, rule_ids) -> tuple[LintMeta, list[Diagnostic]]:
    out = LintMeta()
    problems: list[Diagnostic] = []

    def report(key: str, problem: str, fix: str) -> None:
        problems.append(Diagnostic(path, key, problem, fix, key_line(source, key)))

    if meta.get("keyword") is not None:
        out.keyword = _keyword(meta["keyword"], report)
    if meta.get("keywords") is not None:
        out.keywords = _keywords(meta["keywords"], report)
    lint = meta.get("lint")
    if lint is False:
        out.enabled = False
    elif isinstance(lint, Mapping):
        _read_lint(lint, out, rule_ids, report)
    elif lint is not None and lint is not True:
        report("lint", f"{describe(lint)} is not false or a mapping",
               "write lint: false, or lint: {ignore: [rule-id, ...]}")
    return out, problems


Report = Callable[[str, str, str], None]


def _keyword(keyword: object, report: Report) -> str | None:
    if isinstance(keyword, (str, int, float)) and not isinstance(keyword, bool) and str(keyword).strip():
        return str(keyword).strip()
    report("keyword", f"{describe(keyword)} is not a keyphrase",
           "write one focus keyphrase as text: keyword: the words people search for (synonyms go in keywords)")
    return None


def _keywords(keywords: object, report: Report) -> list[str]:
    items = [keywords] if isinstance(keywords, str) else keywords
    if isinstance(items, list) and all(isinstance(item, (str, int, float)) and not isinstance(item, bool)
                                       for item in items):
        return [str(item).strip() for item in items if str(item).strip()]
    report("keywords", f"{describe(keywords)} is not a list of phrases",
           "write keywords: [first synonym, second synonym]")
    return []


def _read_lint(lint: Mapping, out: LintMeta, rule_ids, report: Report) -> None:
    """`lint: {enabled: …, ignore: [rule ids]}`."""
    unknown = [str(key) for key in lint if key not in ("ignore", "enabled")]
    if unknown:
        report("lint", f"unknown key {unknown[0]!r} under lint",
               "use lint: {ignore: [rule-id, ...]} or lint: false")
    if "enabled" in lint:
        if isinstance(lint["enabled"], bool):
            out.enabled = lint["enabled"]
        else:
            report("lint", f"enabled {describe(lint['enabled'])} is not true or false", "write enabled: false")
    ignore = lint.get("ignore", [])
    ignore = [ignore] if isinstance(ignore, str) else ignore
    if not isinstance(ignore, list) or not all(isinstance(item, str) for item in ignore):
        report("lint", f"ignore {describe(lint.get('ignore'))} is not a list of rule ids",
               "write lint: {ignore: [passive-voice, text-too-short]}")
        return
    for item in ignore:
        if item in rule_ids:
            out.ignore.append(item)
        else:
            report("lint", f"ignore names {item!r}, which is not a rule",
                   f"use rule ids such as {', '.join(sorted(rule_ids)[:4])}, … (see the README)")
