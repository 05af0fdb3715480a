"""The rule registry: every rule id, its family, default severity, options and check.

A page rule is a function `(page: PageAnalysis, options: dict) -> iterable of
(line, message)`; a site rule sees every page at once (`rules/site.py`). Rules are
registered with `@rule(...)` in their family's module; `RULES` maps id -> `Rule`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

FAMILIES = ("seo", "keyword", "readability", "conversion")


@dataclass(frozen=True)
class Rule:
    id: str
    family: str  # seo, keyword, readability or conversion (which score it counts towards)
    severity: str  # the default severity
    summary: str  # one line for the README and the reports
    check: Callable[..., Iterable[Any]]
    options: dict[str, Any] = field(default_factory=dict)  # the default thresholds
    site: bool = False  # compares pages with each other (run once, at the end of the build)
    search_only: bool = False  # only about search engines: skipped on noindex pages and the 404 page
    enabled: bool = True  # on unless the user turns it off (False: off unless the user turns it on)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, family: str, severity: str, summary: str, *, site: bool = False,
         search_only: bool = False, enabled: bool = True, **options: Any):
    def register(check: Callable[..., Iterable[Any]]):
        RULES[rule_id] = Rule(rule_id, family, severity, summary, check, dict(options), site, search_only,
                              enabled)
        return check

    return register


def load() -> dict[str, Rule]:
    """Import every rule module (registering its rules) and return the registry."""
    from . import conversion, keyword, markup, readability, seo, site  # noqa: F401

    return RULES
