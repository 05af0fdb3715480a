"""What the lint produces: findings and per-page scores (the contract between the analysis,
the reports, the baseline and the CLI)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
Band = Literal["good", "ok", "poor"]


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to change on one page, at a Markdown source line."""

    path: str  # the Markdown source as the user names it, e.g. content/blog/posts/x.md
    line: int  # 1-based line in that file (front matter included)
    rule: str  # the rule id, e.g. "title-too-long"
    severity: Severity
    message: str  # what to change

    def to_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "path": self.path,
                "line": self.line, "message": self.message}

    @property
    def fingerprint(self) -> tuple[str, str, str]:
        """What identifies a finding across runs for the baseline: the line may move as a
        writer edits above it, so it is left out."""
        return (self.path, self.rule, self.message)


def band(score: int) -> Band:
    """Traffic-light band of a 0-100 score."""
    if score >= 70:
        return "good"
    if score >= 40:
        return "ok"
    return "poor"


@dataclass
class PageReport:
    """Everything the lint knows about one page."""

    path: str
    url: str
    title: str
    seo_score: int
    readability_score: int
    findings: list[Finding] = field(default_factory=list)
    language: str = "en"
    words: int = 0
    keyword: str | None = None

    @property
    def seo_band(self) -> Band:
        return band(self.seo_score)

    @property
    def readability_band(self) -> Band:
        return band(self.readability_score)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["findings"] = [finding.to_dict() for finding in self.findings]
        data["seo_band"] = self.seo_band
        data["readability_band"] = self.readability_band
        return data
