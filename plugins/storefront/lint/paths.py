"""Which pages a setting applies to: glob patterns and per-section thresholds, by the
page's path under docs_dir. Shared by the settings and the rules (so neither imports the
other)."""

from __future__ import annotations

import fnmatch

__all__ = ["for_section", "matches"]


def matches(src_uri: str, patterns: list[str]) -> bool:
    """Whether a page's path under docs_dir matches one of the glob patterns."""
    return any(fnmatch.fnmatchcase(src_uri, pattern) for pattern in patterns)


def for_section(src_uri: str, default: float, sections: dict[str, float]) -> float:
    """A per-section threshold: the most specific (longest) matching pattern wins."""
    best = None
    for pattern, value in sections.items():
        matched = fnmatch.fnmatchcase(src_uri, pattern) or src_uri.startswith(pattern.rstrip("/") + "/")
        if matched and (best is None or len(pattern) > len(best[0])):
            best = (pattern, value)
    return default if best is None else best[1]
