"""The suite's one reader for its YAML data files (`business.yml`, `calendar.yml`, `ctas.yml`).

`read(text, path)` parses a file into its data plus a map of every dotted key to its 1-based
line (`branches[0].hours.monday`, `items[2].date`, `book-a-visit.url`), and returns a
`DataFile` that checks values the same way for every file: `mapping`, `known` (unknown keys
with "did you mean"), `text`, and `report`, which turns a problem into a
`Diagnostic(file, key, problem, fix, line)` at the key's line (or its nearest written parent's).

A syntax error is one message with its line. An unquoted date that does not exist
(`2026-02-30`) never raises: it stays text (see `yamltext`), so the code that reads the key
reports it like any other wrong date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity, describe
from .suggest import closest
from .yamltext import DataLoader

__all__ = ["DataFile", "TextDateLoader", "key_lines", "read", "subtree"]

_PARENT = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")
_SYNTAX_FIX = "fix the YAML syntax (indentation, a missing colon or quote)"


class TextDateLoader(yaml.SafeLoader):
    """YAML without implicit dates: every unquoted date is the text as written (for files
    whose reader parses dates itself, where a date key must stay the text typed)."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _walk(node: yaml.Node | None, prefix: str, lines: dict[str, int], raw: dict[str, str]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            lines[path] = key_node.start_mark.line + 1
            _walk(value_node, path, lines, raw)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines, raw)
    elif isinstance(node, yaml.ScalarNode):
        raw[prefix] = node.value


def key_lines(text: str | None, raw: dict[str, str] | None = None) -> dict[str, int]:
    """Dotted key -> 1-based line of a YAML text; `raw` collects each scalar as written (YAML
    reads an unquoted 05401 as the octal number 2817). Tags are not constructed, so this works
    on any YAML (a mkdocs.yml with `!ENV`); text that does not parse gives an empty map."""
    out: dict[str, int] = {}
    if not text:
        return out
    try:
        _walk(yaml.compose(text, Loader=yaml.SafeLoader), "", out, {} if raw is None else raw)
    except yaml.YAMLError:
        return {}
    return out


def subtree(lines: Mapping[str, int], prefix: str) -> dict[str, int]:
    """The part of a line map under `prefix` (a dotted key), with the prefix taken off."""
    head = prefix + "."
    return {key[len(head):]: line for key, line in lines.items() if key.startswith(head)}


class DataFile:
    """One data file's parsed data and line map, collecting one diagnostic per problem."""

    def __init__(self, path: str, data: Any = None, lines: Mapping[str, int] | None = None,
                 raw: Mapping[str, str] | None = None):
        self.path = path
        self.data = data
        self.lines = dict(lines or {})
        self.raw = dict(raw or {})
        self.problems: list[Diagnostic] = []

    def line(self, key: str) -> int | None:
        """The line of `key`, or of its nearest parent written in the file (a missing key)."""
        line, probe = self.lines.get(key), key
        while line is None and probe:
            probe = _PARENT.sub("", probe) if _PARENT.search(probe) else ""
            line = self.lines.get(probe)
        return line

    def report(self, key: str, problem: str, fix: str = "", severity: Severity = "warning", *,
               line: int | None = None) -> None:
        """Record a problem at `key` (`line` overrides where the file says it is)."""
        self.problems.append(Diagnostic(self.path, key, problem, fix,
                                        line if line is not None else self.line(key), severity))

    def known(self, data: Mapping, allowed: Iterable[str], prefix: str, *, problem: str = "unknown key",
              fix: str | None = None) -> list[str]:
        """Report every key of `data` not in `allowed`, with "did you mean" when one is near;
        `fix` replaces the default advice. Returns the unknown keys."""
        allowed = tuple(allowed)
        unknown = [key for key in data if key not in allowed]
        for key in unknown:
            name = f"{prefix}.{key}" if prefix else str(key)
            if fix is not None:
                self.report(name, problem, fix)
                continue
            near = closest(str(key), allowed)
            self.report(name, problem, f"did you mean {near}?" if near else
                        "remove it; known keys are " + ", ".join(allowed))
        return unknown

    def mapping(self, value: object, key: str, example: str) -> dict | None:
        """`value` when it is a mapping; None (reported unless absent) otherwise."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(key, f"{describe(value)} is not a mapping", f"write it like {example}")
            return None
        return value

    def text(self, value: object, key: str, *, fix: str = "write a single line of text") -> str | None:
        """A scalar as text, stripped (a number as the file wrote it); None when absent or
        not text (reported)."""
        if value is None:
            return None
        if isinstance(value, (Mapping, list, tuple, bool)) or not isinstance(value, (str, int, float)):
            self.report(key, f"{describe(value)} is not text", fix)
            return None
        if not isinstance(value, str):
            return self.raw.get(key, str(value)).strip()
        return value.strip()


def read(text: str, path: str, *, dates: bool = True, syntax_fix: str = _SYNTAX_FIX) -> DataFile:
    """Parse a data file's text; `path` names it in messages. With `dates=False` no unquoted
    date is turned into a date. Bad syntax is one problem on the returned file, whose data is
    then None."""
    loader = DataLoader if dates else TextDateLoader
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        # Where an unclosed bracket or quote starts is more useful than the end of the file.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        file = DataFile(path)
        file.report("", f"is not valid YAML ({problem})", syntax_fix, line=mark.line + 1 if mark else None)
        return file
    lines: dict[str, int] = {}
    raw: dict[str, str] = {}
    _walk(node, "", lines, raw)
    return DataFile(path, data, lines, raw)
