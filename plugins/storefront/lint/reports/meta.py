"""What the reports say about the tool and its rules (name, home page, rule help)."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

TOOL_NAME = "storefront-lint"
DISTRIBUTION = "mkdocs-storefront"
FALLBACK_HOME = "https://pypi.org/project/mkdocs-storefront/"
# The README section that documents every rule (GitHub's anchor for "## storefront/lint").
RULES_ANCHOR = "storefrontlint"


@lru_cache(maxsize=1)
def information_uri() -> str:
    """The project's home page from the installed package's metadata, else its PyPI page."""
    try:
        info = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return FALLBACK_HOME
    for entry in info.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    home = info.get("Home-page")
    return home.strip() if home and home.strip() else FALLBACK_HOME


def help_uri(rule: str) -> str:
    return f"{information_uri().split('#')[0]}#{RULES_ANCHOR}"


def short_description(rule: str) -> str:
    """One line about a rule: the rule catalogue's wording when it has one, else the id read
    as words ("title-too-long" -> "Title too long")."""
    described = _catalogue().get(rule)
    if described:
        return described
    words = rule.replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else rule


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, str]:
    # The rules live beside the reports; their one-line descriptions are optional here so
    # the reports work with any set of rule ids.
    try:
        from .. import rules  # noqa: PLC0415
    except ImportError:
        return {}
    describe = getattr(rules, "DESCRIPTIONS", None)
    return dict(describe) if isinstance(describe, dict) else {}
