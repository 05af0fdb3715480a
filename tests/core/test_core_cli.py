"""The `storefront` command dispatcher."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_every_subcommand_is_registered():
    from storefront.cli import build_parser

    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(choices) == {"lint", "calendar", "new"}


def test_a_closed_pipe_is_not_a_traceback():
    """`storefront calendar | head -1` on the demo: the reader closes early, no traceback."""
    script = (
        "import sys; from storefront.cli import main; "
        f"sys.exit(main(['calendar', '-f', r'{ROOT / 'mkdocs.yml'}']))"
    )
    command = f'"{sys.executable}" -c "{script}" | head -c 1'
    result = subprocess.run(command, shell=True, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "plugins"),
                                 "STOREFRONT_NOW": "2026-11-23T12:00:00Z"})
    assert "Traceback" not in result.stderr, result.stderr
    assert "BrokenPipeError" not in result.stderr
