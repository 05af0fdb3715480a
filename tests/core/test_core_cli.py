"""The `storefront` command dispatcher."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_every_subcommand_is_registered():
    from storefront.cli import build_parser

    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(choices) == {"lint", "calendar", "check", "new"}


CALENDAR = ("import sys; from storefront.cli import main; "
            f"sys.exit(main(['calendar', '-f', r'{ROOT / 'mkdocs.yml'}']))")
CALENDAR_ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "plugins"), "STOREFRONT_NOW": "2026-11-23T12:00:00Z"}


def test_a_closed_pipe_is_not_a_traceback():
    """`storefront calendar | head -1` on the demo: the reader is gone before the output is written
    (the output is smaller than a pipe's buffer, so only a closed pipe makes the write fail): no
    traceback, no "Exception ignored", and the exit status of a Unix tool killed by SIGPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-c", CALENDAR], stdout=write_end, stderr=subprocess.PIPE,
                                text=True, env=CALENDAR_ENV, timeout=120)
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert result.stderr == ""


def test_the_calendar_command_prints_to_an_open_pipe():
    result = subprocess.run([sys.executable, "-c", CALENDAR], capture_output=True, text=True,
                            env=CALENDAR_ENV, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Editorial calendar at Mon 23 Nov 2026, 07:00 (America/New_York)\n")


def _subparsers():
    from storefront.cli import build_parser

    parser = build_parser()
    return parser, next(a for a in parser._actions if a.dest == "command").choices


def test_python_dash_m_storefront_runs_the_command():
    result = subprocess.run([sys.executable, "-m", "storefront", "--help"],
                            capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: storefront")
    for name in ("lint", "calendar", "new"):
        assert name in result.stdout


def test_version_is_the_distribution_version(capsys):
    import re

    import pytest

    from storefront import __version__
    from storefront.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"storefront {__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == __version__


def test_every_subcommand_help_has_an_example():
    parser, choices = _subparsers()
    assert "storefront new" in parser.format_help()
    for name, subparser in choices.items():
        text = subparser.format_help()
        assert "example" in text, name
        # the example is printed as written (not re-wrapped) and runs this very subcommand
        assert f"\n  storefront {name}" in text, (name, text)
