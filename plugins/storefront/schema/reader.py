"""How the profile reads a value: text is published, so it is checked for secrets and
control characters; a URL is checked as a link; dates are calendar days."""

from __future__ import annotations

import datetime as dt

from ..core import datafile
from ..core.diagnostics import describe
from ..core.secrets import SECRET_FIX, secret_kind
from ..core.urls import clean_text, text_problem, url_problem


class ProfileReader(datafile.DataFile):
    """The profile's reading of values: text is published, so it is checked for secrets and
    control characters, and an absent or bad value is empty text."""

    def text(self, value: object, key: str, *, fix: str = "write a single line of text") -> str:
        if value is None or value == "":
            return ""
        text = super().text(value, key, fix=fix)  # a number as written: 05401 is not 2817
        if text is None:
            return ""
        return self.published(text, key) if isinstance(value, str) else text

    def published(self, text: str, key: str) -> str:
        """Text shown on the page and in the structured data: no secrets, no control characters."""
        kind = secret_kind(text)
        if kind:
            self.report(key, f"this looks like {kind}, which must never be published in a page", SECRET_FIX)
            return ""
        problem = text_problem(text)
        if problem:
            self.report(key, problem, "remove it (retype the text or paste it as plain text)")
            return clean_text(text).strip()
        return text

    def texts(self, value: object, key: str) -> list[str]:
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        out = []
        for index, item in enumerate(items):
            text = self.text(item, f"{key}[{index}]" if isinstance(value, list) else key)
            if text:
                out.append(text)
        return out

    def url(self, value: object, key: str) -> str:
        text = self.text(value, key)
        if text:
            problem = url_problem(text)
            if problem:
                self.report(key, problem, SECRET_FIX if "@" in problem else
                            "write an https:// address or a path inside the docs folder")
                return ""
        return text


def read_date(reader: ProfileReader, value: object, key: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    reader.report(key, f"{describe(value)} is not a date", "write it like 2026-12-25")
    return None


def as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
