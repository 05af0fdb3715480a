"""Shared helpers of the storefront/lint tests: build a fixture site with the lint and read
its findings off the log, as a writer sees them."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

FINDING = re.compile(r"(?P<path>\S+\.md):(?P<line>\d+): \[(?P<rule>[\w-]+)\] (?P<message>.*)$")


@dataclass(frozen=True, order=True)
class Logged:
    path: str  # under docs/, e.g. "bad.md"
    line: int
    rule: str
    level: int
    message: str


def findings(built, rule: str | None = None) -> list[Logged]:
    out = []
    for record in built.records:
        match = FINDING.search(record.getMessage())
        if match and "[" in record.getMessage():
            path = match.group("path").split("docs/", 1)[-1]
            item = Logged(path, int(match.group("line")), match.group("rule"), record.levelno,
                          match.group("message"))
            if rule is None or item.rule == rule:
                out.append(item)
    return out


def lint_site(site, files, *, rules=None, options=None, config=None, strict=False):
    """Build `files` with theme mkdocs and storefront/lint (helper process off, so tests are
    quick and deterministic; one test covers the helper)."""
    plugin = {"workers": 0, "report_formats": []}
    if rules is not None:
        plugin["rules"] = rules
    plugin.update(options or {})
    settings = {"theme": {"name": "mkdocs"}, "plugins": [{"storefront/lint": plugin}]}
    settings.update(config or {})
    return site(files, config=settings, strict=strict)


def where(items: list[Logged]) -> list[tuple[str, int]]:
    return sorted((item.path, item.line) for item in items)


def words(count: int, sentence: str = "We bake bread for the town every day") -> str:
    """About `count` words of plain, short sentences."""
    base = sentence.split()
    out, sentences = [], []
    while len(out) < count:
        chunk = base[: min(len(base), count - len(out))]
        out.extend(chunk)
        sentences.append(" ".join(chunk).capitalize() + ".")
    return " ".join(sentences)


WARNING = logging.WARNING
INFO = logging.INFO
