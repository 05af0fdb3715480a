""""Did you mean …?" for a value that is not one of a known set (a timezone, a provider, a
country code, a theme language)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

__all__ = ["closest", "did_you_mean"]


def closest(value: str, choices: Iterable[str], *, aliases: Mapping[str, str] | None = None,
            cutoff: float = 0.6) -> str | None:
    """The known choice nearest to `value` (case and `_`/`-`/space aside), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    choices = list(choices)

    def fold(text: str) -> str:
        return text.casefold().replace("_", " ").replace("-", " ").strip()

    folded = {fold(choice): choice for choice in choices}
    wanted = fold(value)
    if aliases and wanted in {fold(k): v for k, v in aliases.items()}:
        return {fold(k): v for k, v in aliases.items()}[wanted]
    if wanted in folded:
        return folded[wanted]
    # A timezone written as its city alone: "London" -> Europe/London.
    tails = [choice for choice in choices if fold(choice.rsplit("/", 1)[-1]) == wanted]
    if len(tails) == 1:
        return tails[0]
    match = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


def did_you_mean(value: str, choices: Iterable[str], *, aliases: Mapping[str, str] | None = None) -> str:
    """" (did you mean X?)" when a near choice exists, else ""."""
    near = closest(value, choices, aliases=aliases)
    return f" (did you mean {near}?)" if near and near != value else ""
