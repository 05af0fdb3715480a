"""Blocks kept out of `page.content` (the search index, feeds, descriptions) and put back in
the final page: a plugin leaves `<!-- <marker><key> -->` in the content and, in
`on_post_page`, `fill_slots` replaces each marker with its HTML (str.find: no regex over the
whole page). storefront/cta and storefront/newsletter use it."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["fill_slots"]

_END = " -->"


def fill_slots(output: str, marker: str, slots: Mapping[str, str], start: int | None = None) -> str:
    """`output` with every `<marker><key> -->` replaced by `slots[key]` (unknown keys: nothing).
    `start`: where the first marker is, when the caller has found it already."""
    start = output.find(marker) if start is None else start
    if start == -1:
        return output
    pieces, position = [], 0
    while start != -1:
        end = output.find(_END, start)
        if end == -1:
            break
        pieces += [output[position:start], slots.get(output[start + len(marker):end], "")]
        position = end + len(_END)
        start = output.find(marker, position)
    pieces.append(output[position:])
    return "".join(pieces)
