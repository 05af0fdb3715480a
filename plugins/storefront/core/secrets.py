"""The one check for secrets in anything the suite publishes.

A site needs only public values: form ids, page paths, words. A value pasted into the wrong
option (an API key where the form id goes, a key in a CTA's text, a password in a form
URL) would be published in every page's HTML, so every text the suite publishes from
options, front matter and data files goes through `secret_kind` (or `check_secret`, which
words the message and says where secrets belong).

Found: credentials in a URL (`https://user:password@host/`), the key shapes of the
providers the suite knows (Stripe, Brevo, Mailchimp, MailerLite and other JSON web tokens,
Kit, Buttondown, GitHub, AWS, Slack, Google, OpenAI) and generic high-entropy tokens (a
long run of mixed letters and digits that is no word, slug, colour or path).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping

from .diagnostics import Diagnostic
from .params import UUID

__all__ = ["SECRET_FIX", "SECRET_NAMES", "check_secret", "find_secrets", "secret_kind"]

SECRET_FIX = ("remove it: secrets belong in environment variables or the provider's dashboard, "
              "never in the site's files (everything here is published)")

# (what it looks like, pattern searched in the value)
_SECRETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a password in a URL (user:password@)", re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s?#@]*:[^/\s?#@]*@")),
    ("a user name in a URL (user@)", re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s?#@:]+@")),
    ("a Mailchimp API key", re.compile(r"\b[0-9a-f]{32}-[a-z]{2}\d{1,3}\b")),
    ("a Brevo API key", re.compile(r"\bx(?:key|smtp)sib-[0-9a-zA-Z-]{16,}")),
    ("a secret API key (Stripe)", re.compile(r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}")),
    ("a webhook secret (Stripe)", re.compile(r"\bwhsec_[A-Za-z0-9]{16,}")),
    ("a secret API key (sk-...)", re.compile(r"\bsk[_-](?:proj[_-])?[A-Za-z0-9]{20,}")),
    ("a JSON web token (a MailerLite or other API token)", re.compile(r"\beyJ[\w-]{8,}\.[\w-]{8,}\.")),
    ("a Kit (ConvertKit) API secret", re.compile(r"\bkit_[A-Za-z0-9]{20,}")),
    ("a GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})")),
    ("an AWS access key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("a Slack token", re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("a private key", re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
)
# Text each pattern cannot match without: a pattern is searched only in a value holding one of
# its hints (a substring test is far cheaper than a search, and most texts hold none).
_HINTS: dict[str, tuple[str, ...]] = {
    "a password in a URL (user:password@)": ("://",),
    "a user name in a URL (user@)": ("://",),
    "a Mailchimp API key": ("-",),
    "a Brevo API key": ("sib-",),
    "a secret API key (Stripe)": ("_live_", "_test_"),
    "a webhook secret (Stripe)": ("whsec_",),
    "a secret API key (sk-...)": ("sk-", "sk_"),
    "a JSON web token (a MailerLite or other API token)": ("eyJ",),
    "a Kit (ConvertKit) API secret": ("kit_",),
    "a GitHub token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "an AWS access key": ("AKIA", "ASIA"),
    "a Slack token": ("xox",),
    "a Google API key": ("AIza",),
    "a private key": ("-----BEGIN",),
}
# Any hint at all: most texts hold none, and one search then stands for every pattern's.
_ANY_HINT = re.compile("|".join(sorted({re.escape(hint) for hints in _HINTS.values() for hint in hints})))
_UUID = re.compile(UUID)
_LONG_HEX = re.compile(r"[0-9a-fA-F]{32,}")
_TOKEN = re.compile(r"[A-Za-z0-9+/_=-]{32,}")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")

# Option names that only ever hold secrets.
SECRET_NAMES = re.compile(r"(?i)(api[_-]?key|api[_-]?secret|secret|token|password|passwd|auth)")


def _entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _random_token(token: str) -> bool:
    """A run of characters that reads as random: mixed case and digits, no word-like parts."""
    core = token.strip("=")
    if len(core) < 32 or re.fullmatch(r"[0-9a-fA-F]+", core):
        return False
    if not (re.search(r"[a-z]", core) and re.search(r"[A-Z]", core) and re.search(r"[0-9]", core)):
        return False
    if any(len(part) >= 3 and not re.search(r"[0-9]", part) for part in re.split(r"[-_/+]", core)
           if part.islower()):
        return False  # a slug or a path made of words: spring-sale-2026-…
    if sum(len(word) for word in re.findall(r"[A-Z]?[a-z]{2,}", core)) > 0.6 * len(core):
        return False  # CamelCase words: ThisIsAClassName
    parts = [part for part in re.split(r"[-_/+]", core) if part]
    if len(parts) >= 3 and all(part.isalpha() or part.isdigit() for part in parts):
        return False  # a file name or slug: EuroHPC-User-Day-2024-20241022-MultiXscale-EESSI
    return _entropy(core) >= 4.0


def secret_kind(value: str, *, uuid_expected: bool = False, hex_expected: bool = False,
                entropy: bool = True) -> str | None:
    """What secret `value` looks like, or None when it looks like a public value.

    A UUID is a Buttondown API key unless the option holds a UUID by contract (EmailOctopus
    form ids); a long hex string is an access token unless the option expects one.
    `entropy` also flags random-looking tokens outside URLs (off for form ids).
    """
    text = str(value).strip()
    if not text:
        return None
    if _ANY_HINT.search(text) is not None:
        for kind, pattern in _SECRETS:
            if any(hint in text for hint in _HINTS[kind]) and pattern.search(text):
                return kind
    if not uuid_expected and _UUID.fullmatch(text):
        return "a Buttondown API key (a UUID)"
    if not hex_expected and _LONG_HEX.fullmatch(text):
        return "an access token (a long hexadecimal string)"
    if entropy and any(len(chunk) >= 32 for chunk in text.split()):  # a token is 32 characters or more
        prose = _URL.sub(" ", text)
        if any(_random_token(token) for token in _TOKEN.findall(prose)):
            return "an access token (a long random string)"
    return None


def check_secret(value: object, *, file: str, key: str, line: int | None = None, **options) -> Diagnostic | None:
    """`secret_kind` as one message naming the file, line, key and where secrets belong."""
    if not isinstance(value, str):
        return None
    kind = secret_kind(value, **options)
    if kind is None:
        return None
    return Diagnostic(file, key, f"this looks like {kind}, which must never be published in a page",
                      SECRET_FIX, line)


def _walk(value: object, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, Mapping):
        for name, item in value.items():
            yield from _walk(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{key}[{index}]")


def find_secrets(data: object, *, file: str, key: str = "", line_of=None) -> list[Diagnostic]:
    """Every secret-looking text anywhere in a nested value (options, a data file's entry),
    each reported under its dotted key; `line_of(key)` gives lines where known."""
    problems = []
    for where, text in _walk(data, key):
        problem = check_secret(text, file=file, key=where, line=line_of(where) if line_of else None)
        if problem is not None:
            problems.append(problem)
    return problems
