"""GitHub Actions workflow commands: one annotation per finding, shown at the file and line
in the run's summary and the pull request's diff.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

# No `from __future__ import annotations`: this module's annotations() would shadow it.

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..findings import Finding

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}

# While the `storefront lint` command runs its build it prints annotations itself (or not,
# depending on --format); the plugin must not print them a second time.
_suppressed = 0


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after `::`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (`file=`, `title=`): `:` and `,` separate properties too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, *, base: str = "") -> str:
    """`::error file=content/x.md,line=3,title=h1-missing::Add a level-1 heading…`"""
    command = COMMANDS.get(finding.severity, "warning")
    path = f"{base.rstrip('/')}/{finding.path}" if base else finding.path
    properties = ",".join((
        f"file={escape_property(path)}",
        f"line={max(1, int(finding.line))}",
        f"title={escape_property(finding.rule)}",
    ))
    return f"::{command} {properties}::{escape_data(finding.message)}"


def annotations(findings: Iterable[Finding], *, base: str = "") -> list[str]:
    """One workflow command per finding. `base` is the folder of mkdocs.yml relative to the
    repository root, when the site is not at the root (GitHub wants repository paths)."""
    return [annotation(finding, base=base) for finding in findings]


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS", "").lower() == "true"


def workspace_base(project_dir: str | os.PathLike | None) -> str:
    """The folder of mkdocs.yml relative to `GITHUB_WORKSPACE` ("" at the root or unknown)."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace or project_dir is None:
        return ""
    try:
        relative = Path(project_dir).resolve().relative_to(Path(workspace).resolve())
    except ValueError:
        return ""
    text = relative.as_posix()
    return "" if text == "." else text


def print_annotations(findings: Iterable[Finding], *, project_dir: str | os.PathLike | None = None,
                      stream: TextIO | None = None) -> int:
    """Print the annotations when running under GitHub Actions (`GITHUB_ACTIONS=true`);
    returns how many were printed. For the plugin, at the end of a build."""
    if _suppressed or not in_github_actions():
        return 0
    lines = annotations(findings, base=workspace_base(project_dir))
    out = stream or sys.stdout
    for line in lines:
        out.write(line + "\n")
    out.flush()
    return len(lines)


@contextmanager
def suppressed() -> Iterator[None]:
    """Within this block `print_annotations` prints nothing (the CLI prints its own output)."""
    global _suppressed
    _suppressed += 1
    try:
        yield
    finally:
        _suppressed -= 1
