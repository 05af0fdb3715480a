"""How a page's structured front matter is read: each value checked and reported at the
page's file, line and dotted key (`product.shipping.price`); a bad value is left out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..core import clock
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import key_line
from ..core.secrets import SECRET_FIX, secret_kind
from ..core.urls import clean_text, text_problem, url_fix, url_problem
from .page_model import SCHEMA


class PageReader:
    def __init__(self, path: str, source: str | None):
        self.path, self.source = path, source
        self.problems: list[Diagnostic] = []

    def report(self, key: str, problem: str, fix: str, severity: str = "warning") -> None:
        self.problems.append(Diagnostic(self.path, key, problem, fix, key_line(self.source, key),
                                        severity))  # type: ignore[arg-type]

    def known(self, data: Mapping, allowed: tuple[str, ...], key: str) -> None:
        for name in data:
            if name not in allowed:
                self.report(f"{key}.{name}", "unknown key", "known keys are " + ", ".join(allowed))

    def text(self, data: Mapping, name: str, key: str, *, required: str = "") -> str:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.report(f"{key}.{name}", "is missing", required)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.report(f"{key}.{name}", f"{describe(value)} is not text", "write a single line of text")
            return ""
        text = str(value).strip()
        kind = secret_kind(text) if isinstance(value, str) else None
        if kind:
            self.report(f"{key}.{name}", f"this looks like {kind}, which must never be published in a page",
                        SECRET_FIX)
            return ""
        if text_problem(text):
            self.report(f"{key}.{name}", text_problem(text) or "", "the character is left out; retype the text")
            return clean_text(text).strip()
        return text

    def url(self, data: Mapping, name: str, key: str, *, image: bool = False) -> str:
        """A URL-typed key through the suite's URL check (refused: reported and left out)."""
        text = self.text(data, name, key)
        problem = url_problem(text, path_spaces=image) if text else None
        if problem:
            self.report(f"{key}.{name}", problem, url_fix(image=image))
            return ""
        return text

    def when(self, value: object, key: str, tz: dt.tzinfo) -> dt.datetime | None:
        try:
            return clock.parse_when(value, tz)
        except clock.ClockError as error:
            self.report(key, error.problem, error.fix)
            return None

    def choice(self, value: object, key: str, table: Mapping[str, str], what: str) -> str:
        """One of `table`'s names as its schema.org URL; "" (reported) for anything else."""
        code = table.get(str(value).strip().lower())
        if code is None:
            self.report(key, f"{describe(value)} is not {what}", "use one of " + ", ".join(table))
            return ""
        return SCHEMA + code

    def country(self, value: Mapping, key: str) -> str:
        """A two-letter country code (upper case); "" (reported) for anything else."""
        country = self.text(value, "country", key).upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            self.report(f"{key}.country", f"{describe(country)} is not a two-letter country code",
                        "use the ISO 3166-1 alpha-2 code, e.g. US")
            return ""
        return country


def items(reader: PageReader, value: object, key: str) -> list[tuple[str, Mapping]]:
    """A mapping or a list of mappings, each with the key it is reported under."""
    if isinstance(value, Mapping):
        return [(key, value)]
    if isinstance(value, list):
        out = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                out.append((f"{key}[{index}]", item))
            else:
                reader.report(f"{key}[{index}]", f"{describe(item)} is not a mapping",
                              f"give each {key} its keys (name: …)")
        return out
    reader.report(key, f"{describe(value)} is not a mapping or a list", f"write {key}: with keys under it (name: …)")
    return []
