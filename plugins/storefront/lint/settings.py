"""The `rules` option: which rules run, at which severity, with which thresholds.

    rules:
      passive-voice: false                       # off
      sentence-length: info                      # just a severity
      title-too-long: {severity: error, max: 65}  # severity and thresholds
      text-too-short: {min: 300, sections: {contact.md: 0, "blog/posts/*": 400}}

Pure: validated here, so a bad value names the rule, the key and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .rules import Rule, load

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class RuleSetting:
    enabled: bool
    severity: str
    options: dict[str, Any] = field(default_factory=dict)


class SettingsError(ValueError):
    pass


def resolve(raw: Any) -> dict[str, RuleSetting]:
    """Every rule's effective setting from the user's `rules` mapping (None: all defaults)."""
    rules = load()
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise SettingsError("write `rules` as a mapping of rule id to false, a severity or options, "
                            "e.g. {passive-voice: false, title-too-long: {max: 65}}")
    unknown = sorted(str(key) for key in raw if key not in rules)
    if unknown:
        close = [name for name in rules if name.split("-")[0] == unknown[0].split("-")[0]]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise SettingsError(f"unknown rule {unknown[0]!r}{hint}; the rules are: {', '.join(sorted(rules))}")
    # naming a rule turns it on
    return {rule_id: _setting(rule_id, rule, raw.get(rule_id, True), True if rule_id in raw else rule.enabled)
            for rule_id, rule in rules.items()}


def _setting(rule_id: str, rule: Rule, value: Any, enabled: bool) -> RuleSetting:
    """One rule's setting from its value in `rules`: false, a severity, or a mapping of
    severity, enabled and the rule's options."""
    options = dict(rule.options)
    severity = rule.severity
    if value is False or value == "off":
        enabled = False
    elif value is True or value is None:
        pass
    elif isinstance(value, str):
        severity = _severity(rule_id, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "severity":
                severity = _severity(rule_id, item)
            elif key == "enabled":
                if not isinstance(item, bool):
                    raise SettingsError(f"rules.{rule_id}.enabled: write true or false")
                enabled = item
            elif key in options:
                options[key] = _option(rule_id, key, item, rule.options[key])
            else:
                allowed = ", ".join(["severity", "enabled", *rule.options]) or "severity, enabled"
                raise SettingsError(f"rules.{rule_id}: unknown key {key!r}; use {allowed}")
    else:
        raise SettingsError(f"rules.{rule_id}: write false, a severity (error, warning, info) "
                            f"or a mapping like {{severity: warning}}")
    return RuleSetting(enabled, severity, options)


def _severity(rule_id: str, value: Any) -> str:
    if value not in SEVERITIES:
        raise SettingsError(f"rules.{rule_id}: severity {value!r} is not one of error, warning, info")
    return value


def _option(rule_id: str, key: str, value: Any, default: Any) -> Any:
    where = f"rules.{rule_id}.{key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"{where}: write true or false")
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise SettingsError(f"{where}: write a number of 0 or more, like {default}")
        return value
    if isinstance(default, list):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SettingsError(f"{where}: write a list of texts, like [\"blog/posts/*\"]")
        return list(value)
    if isinstance(default, dict):
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
            for k, v in value.items()
        ):
            raise SettingsError(f"{where}: write a mapping of path pattern to a number, "
                                f"like {{contact.md: 50, \"blog/posts/*\": 400}}")
        return dict(value)
    return value


