"""A provider's public option, as the newsletter and analytics providers' tables describe it:
a form or site id copied from the provider's embed code or snippet, a URL, a switch."""

from __future__ import annotations

import re
from dataclasses import dataclass

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


@dataclass(frozen=True)
class Param:
    """One option of a provider: its name, what a value looks like, an example and where the
    site owner finds it."""

    name: str
    pattern: str  # a regular expression (analytics also has "url" and "bool", checked by its resolver)
    example: str
    where: str  # where the site owner finds it
    required: bool = True

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None
