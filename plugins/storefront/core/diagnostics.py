"""Diagnostics: what is wrong, where (file, line, key) and how to fix it.

Every message about user input goes through `Diagnostic`, so every plugin words its
messages the same way: ``seo/business.yml:12: hours.tuesday: "9-5pm" is not a time range;
write it like 09:00-17:00``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in user input."""

    file: str
    key: str
    problem: str
    fix: str = ""
    line: int | None = None
    severity: Severity = "warning"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        text = f"{self.location}: "
        if self.key:
            text += f"{self.key}: "
        text += self.problem
        if self.fix:
            text += f"; {self.fix}"
        return text


class InputError(ValueError):
    """Raised by pure modules for bad user input; carries a `Diagnostic`."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def emit(logger: logging.Logger | logging.LoggerAdapter, diagnostic: Diagnostic) -> None:
    """Send a diagnostic to a logger at the level its severity maps to.

    Errors and warnings are logged as warnings: MkDocs counts them and
    `mkdocs build --strict` fails, while a plain build goes on. Info never fails a build.
    """
    level = logging.INFO if diagnostic.severity == "info" else logging.WARNING
    logger.log(level, str(diagnostic))


def describe(value: object, limit: int = 60) -> str:
    """Quote a user's value for a message, shortened so one bad value cannot flood the log."""
    text = repr(value) if not isinstance(value, str) else f'"{_visible(value)}"'
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _visible(text: str) -> str:
    """Control and text-direction characters written as escapes (\\x00, \\u202e), so a message
    shows them and cannot garble the terminal."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else
                   (f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}") for char in text)
