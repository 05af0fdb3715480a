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
    home = info.get("Home-page")  # type: ignore[attr-defined]  # an email.message.Message at run time
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
    """Rule id -> the rule registry's one-line summary (empty if the registry cannot load, so
    the reports still work with any rule id)."""
    try:
        from ..rules import load  # noqa: PLC0415 - the registry imports every rule module
    except ImportError:
        return {}
    return {rule_id: rule.summary for rule_id, rule in load().items() if getattr(rule, "summary", "")}
