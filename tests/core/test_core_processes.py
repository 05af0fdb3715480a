"""Helper processes never run the user's script again: a spawned process imports the main
module, so a script that builds at its top level gets no helper (the work is done inline)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types

import pytest

from conftest import write_tree
from storefront.core import processes

GUARDED = '''"""A build script."""
import sys
from mkdocs.__main__ import cli
try:
    import yaml
except ImportError:
    yaml = None
NAME: str = "x"
def main():
    cli()
if __name__ == "__main__":
    sys.exit(main())
'''
UNGUARDED = "from mkdocs.commands.build import build\nfrom mkdocs.config import load_config\n" \
            "build(load_config('mkdocs.yml'))\n"


@pytest.mark.parametrize(("source", "again"), [
    (GUARDED, False),
    (UNGUARDED, True),
    ("import sys\nif sys.argv:\n    print('hello')\n", True),
    ("for x in range(3):\n    pass\n", True),
    ("def f(:\n", True),  # cannot be parsed: counts as running again
])
def test_what_counts_as_running_the_script_again(tmp_path, monkeypatch, source, again):
    script = tmp_path / "script.py"
    script.write_text(source, encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    assert _runs_again(monkeypatch, main) is again


def test_an_interactive_main_runs_nothing_again(monkeypatch):
    assert _runs_again(monkeypatch, types.ModuleType("__main__")) is False


def _runs_again(monkeypatch, main: types.ModuleType) -> bool:
    monkeypatch.setitem(sys.modules, "__main__", main)
    processes.main_runs_again.cache_clear()
    try:
        return processes.main_runs_again()
    finally:
        processes.main_runs_again.cache_clear()


def test_a_script_that_builds_at_its_top_level_builds_once(tmp_path):
    # Lint's helper starts first (by fork), so optimize's would be spawned: it must not be,
    # or the helper would run this script, and its build, again.
    # more pages than lint.workers.SMALL_SITE, so lint starts its helper
    pages = {f"docs/posts/p{n}.md": f"# Post {n}\n\nSome words about bread number {n}.\n" for n in range(60)}
    write_tree(tmp_path, {**pages, "docs/index.md": "# Home\n",
                          "mkdocs.yml": "site_name: Bakery\nsite_url: https://bakery.example/\n"
                                        "plugins:\n- storefront/lint:\n    workers: 1\n"
                                        "- storefront/optimize:\n    workers: 1\n"})
    script = tmp_path / "build.py"
    script.write_text(textwrap.dedent('''\
        import logging, sys
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        print("building", flush=True)
        build(load_config("mkdocs.yml"))
        '''), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count("building") == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site/posts/p59/index.html").read_text(encoding="utf-8").startswith("<!doctype html>")
