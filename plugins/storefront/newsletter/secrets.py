"""Refuse secrets: a signup form only ever needs public form ids, never an API key.

A value pasted into the wrong option (an API key where the form id goes) would be
published in every page's HTML, so it is refused with a message saying what it looks like.
"""

from __future__ import annotations

import re

__all__ = ["SECRET_NAMES", "secret_kind"]

# (what it looks like, pattern searched in the value)
_SECRETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a Mailchimp API key", re.compile(r"\b[0-9a-f]{32}-[a-z]{2}\d{1,3}\b")),
    ("a Brevo API key", re.compile(r"\bx(?:key|smtp)sib-[0-9a-zA-Z-]{16,}")),
    ("a secret API key (sk_...)", re.compile(r"\bsk[_-](?:live|test|proj)?[_-]?[A-Za-z0-9]{16,}")),
    ("a JSON web token (a MailerLite or other API token)", re.compile(r"\beyJ[\w-]{8,}\.[\w-]{8,}\.")),
    ("a Kit (ConvertKit) API secret", re.compile(r"\bkit_[A-Za-z0-9]{20,}")),
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_LONG_HEX = re.compile(r"[0-9a-fA-F]{32,}")

# Option names that only ever hold secrets.
SECRET_NAMES = re.compile(r"(?i)(api[_-]?key|api[_-]?secret|secret|token|password|passwd|auth)")


def secret_kind(value: str, *, uuid_expected: bool = False, hex_expected: bool = False) -> str | None:
    """What secret `value` looks like, or None when it looks like a public value.

    A UUID is a Buttondown API key unless the option holds a UUID by contract (EmailOctopus
    form ids); a long hex string is an access token unless the option expects one.
    """
    text = value.strip()
    for kind, pattern in _SECRETS:
        if pattern.search(text):
            return kind
    if not uuid_expected and _UUID.fullmatch(text):
        return "a Buttondown API key (a UUID)"
    if not hex_expected and _LONG_HEX.fullmatch(text):
        return "an access token (a long hexadecimal string)"
    return None
