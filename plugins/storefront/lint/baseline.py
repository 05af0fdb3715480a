"""The baseline: findings a site already had when it adopted the lint, so a gate fails only
on new ones.

The file is JSON meant to be committed and reviewed: one entry per (page, rule, message)
with a count, sorted, no line numbers (they move whenever a writer edits above a finding),
so it only changes when findings appear or go away.

Findings are matched by their fingerprint (page, rule, message) with the numbers in the
message masked: "the page has 133 words" is still the same finding after a writer adds a
sentence and it says 140. Counts keep repeats apart: a fingerprint recorded once covers one
finding, so a second identical one is new.

    {
      "version": 1,
      "tool": "storefront/lint",
      "findings": [
        {"path": "content/about.md", "rule": "text-too-short", "severity": "warning",
         "message": "…", "count": 1}
      ]
    }
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostic, InputError
from .findings import Finding

VERSION = 1
TOOL = "storefront/lint"
SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}

Fingerprint = tuple[str, str, str]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def match_key(fingerprint: Fingerprint) -> Fingerprint:
    """What the baseline compares: the fingerprint with every number in the message masked."""
    path, rule, message = fingerprint
    return (path, rule, _NUMBER.sub("#", message))


class BaselineError(InputError):
    """A baseline file that is missing or cannot be read; the message names the file and
    the fix."""


@dataclass
class Baseline:
    """Recorded findings, counted per `match_key` of their fingerprint."""

    counts: Counter[Fingerprint] = field(default_factory=Counter)
    path: str = ""

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Baseline:
        return cls(Counter(match_key(finding.fingerprint) for finding in findings))

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known) in the order given. A fingerprint recorded n times covers its first
        n occurrences by line; any further identical finding is new."""
        items = list(findings)
        remaining = Counter(self.counts)
        known_ids: set[int] = set()
        for index in sorted(range(len(items)), key=lambda i: (items[i].line, i)):
            key = match_key(items[index].fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                known_ids.add(index)
        new = [item for i, item in enumerate(items) if i not in known_ids]
        known = [item for i, item in enumerate(items) if i in known_ids]
        return new, known

    def new(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings that are not in the baseline."""
        return self.split(findings)[0]

    def __len__(self) -> int:
        return sum(self.counts.values())


def _fix(path: str) -> str:
    return f"fix the file, or record it again with `storefront lint --update-baseline {path}`"


def load(path: str | os.PathLike, *, display: str | None = None) -> Baseline:
    """Read a baseline file. Raises `BaselineError` (with a `Diagnostic` naming the file, the
    problem and the fix) when it is missing or malformed."""
    name = display or os.fspath(path)

    def fail(problem: str, *, key: str = "", line: int | None = None, fix: str | None = None) -> BaselineError:
        return BaselineError(Diagnostic(file=name, key=key, problem=problem,
                                        fix=fix if fix is not None else _fix(name), line=line))

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("baseline file not found",
                   fix=f"create it with `storefront lint --update-baseline {name}`, "
                       "or correct the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read the baseline file ({error.__class__.__name__}: {error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(f"not valid JSON ({error.msg})", line=error.lineno) from None
    if not isinstance(data, dict) or "findings" not in data:
        raise fail("not a storefront/lint baseline (expected an object with `version` "
                   "and `findings`)")
    version = data.get("version")
    if version != VERSION:
        raise fail(f"unsupported baseline version {version!r} (this version reads {VERSION})",
                   key="version")
    entries = data["findings"]
    if not isinstance(entries, list):
        raise fail("`findings` must be a list", key="findings")
    return Baseline(_counts(entries, fail), path=name)


def _counts(entries: list, fail: Callable[..., BaselineError]) -> Counter[Fingerprint]:
    """How often each finding is recorded; `fail` makes the error for an entry that is wrong."""
    counts: Counter[Fingerprint] = Counter()
    for index, entry in enumerate(entries):
        key = f"findings[{index}]"
        if not isinstance(entry, dict):
            raise fail("each finding must be an object with path, rule and message", key=key)
        values = [entry.get(name) for name in ("path", "rule", "message")]
        if not all(isinstance(value, str) for value in values):
            raise fail("path, rule and message must be text", key=key)
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise fail(f"count must be a whole number of at least 1, not {count!r}", key=key)
        counts[match_key(tuple(values))] += count  # type: ignore[arg-type]
    return counts


def document(findings: Iterable[Finding]) -> dict:
    """The baseline file's content for these findings (sorted, one entry per fingerprint)."""
    counts: Counter[Fingerprint] = Counter()
    severity: dict[Fingerprint, str] = {}
    for finding in findings:
        key = finding.fingerprint
        counts[key] += 1
        if SEVERITY_ORDER.get(finding.severity, 1) >= SEVERITY_ORDER.get(severity.get(key, "info"), 0):
            severity[key] = finding.severity
    entries = [
        {"path": path, "rule": rule, "severity": severity[(path, rule, message)],
         "message": message, "count": counts[(path, rule, message)]}
        for path, rule, message in sorted(counts)
    ]
    return {"version": VERSION, "tool": TOOL, "findings": entries}


def save(path: str | os.PathLike, findings: Iterable[Finding]) -> Path:
    """Record findings as the baseline (written atomically; parent folders created)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document(findings), ensure_ascii=False, indent=2) + "\n"
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
    return target


__all__ = ["VERSION", "Baseline", "BaselineError", "document", "load", "save"]
