"""Checks of the plugin's options beyond their types: a double opt-in the provider cannot
send, a thank-you URL the provider cannot redirect to, and published text that holds a
secret or a control character."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..core.diagnostics import Diagnostic, describe
from ..core.secrets import find_secrets
from ..core.urls import check_url, text_problem
from .form import Contract, check_values
from .providers import PROVIDERS

if TYPE_CHECKING:
    from .config import NewsletterConfig

PLUGIN_KEY = "plugins.storefront/newsletter"
BLOCK_OPTIONS = ("heading", "text", "button", "tags", "tag", "first_name")


def check_opt_in(config: NewsletterConfig, source: str, contract: Contract | None) -> list[Diagnostic]:
    problems = []
    label = PROVIDERS[config.provider].label
    if contract is not None and contract.collects == "entries" and config.double_opt_in:
        problems.append(Diagnostic(
            file=source, key=f"{PLUGIN_KEY}.double_opt_in",
            problem=f"{label} collects form entries, not list subscribers, and sends no confirmation email",
            fix="remove double_opt_in (the thank-you page says the address was received)"))
    thank_you = config.thank_you
    if thank_you and urlsplit(thank_you).scheme:
        parts = urlsplit(thank_you)
        if parts.scheme != "https" or not parts.netloc or "@" in parts.netloc:
            problems.append(Diagnostic(
                file=source, key=f"{PLUGIN_KEY}.thank_you", problem=f"{describe(thank_you)} is not an https URL",
                fix="write a page of the site like thanks.md, or a full https URL"))
        elif contract is not None and contract.uses_site_action:
            problems.append(Diagnostic(
                file=source, key=f"{PLUGIN_KEY}.thank_you",
                problem="Netlify Forms shows a page of the site itself after a submission, not another site",
                fix="write a page of the site like thanks.md"))
    return problems


def check_texts(config: NewsletterConfig, source: str) -> list[Diagnostic]:
    """Every other option is published too: secrets (a key as an interest value, in the
    heading) and control characters are refused, and privacy_url goes through the URL check."""
    options = {key: value for key, value in config.items() if key not in ("form", "provider")}
    options["consent"] = dict(config.consent)
    options["interests"] = [dict(item) for item in config.interests]
    problems = find_secrets(options, file=source, key=PLUGIN_KEY)
    flagged = {problem.key for problem in problems}
    for key, value in _texts(options, PLUGIN_KEY):
        why = text_problem(value)
        if why and key not in flagged:
            problems.append(Diagnostic(source, key, why, "remove it (paste the text again as plain text)"))
    privacy = config.consent.privacy_url
    if privacy is not None:
        bad = check_url(privacy.strip(), file=source, key=f"{PLUGIN_KEY}.consent.privacy_url")
        if bad is not None:
            problems.append(bad)
            config.consent.privacy_url = None
    return problems


def _texts(value: Any, key: str):
    """(dotted key, text) of every string in a nested option value."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(item, f"{key}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{key}[{index}]")


def check_block(contract: Contract, argument: str | None, options: dict[str, Any]
                ) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A `/// newsletter` block's options without those that are wrong, and its problems
    (the page's file and the block's line are set when they are reported)."""
    problems = []
    unknown = [key for key in options if key not in BLOCK_OPTIONS]
    if argument:
        unknown.insert(0, f"| {argument}")
    if unknown:
        names = ", ".join(describe(k) for k in unknown)
        problems.append(_block_problem(f"the newsletter block takes no {names}",
                                       f"use the options {', '.join(BLOCK_OPTIONS)}"))
    if "first_name" in options and not isinstance(options["first_name"], bool):
        problems.append(_block_problem("the newsletter block's first_name must be true or false"))
        options = {k: v for k, v in options.items() if k != "first_name"}
    extra_tags = as_list(options.get("tags")) + as_list(options.get("tag"))
    if extra_tags:
        bad = check_values(contract, tags=extra_tags, interests=[], source="", prefix="tags")
        if bad:
            problems.append(_block_problem(bad[0].problem, bad[0].fix))
            options = {k: v for k, v in options.items() if k not in ("tags", "tag")}
    return options, problems


def _block_problem(problem: str, fix: str = "") -> Diagnostic:
    """A problem with a `/// newsletter` block; the page's file and the block's line come when it is reported."""
    return Diagnostic(file="", key="/// newsletter", problem=problem, fix=fix)


def as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None and str(item)]
    return [str(value)]
