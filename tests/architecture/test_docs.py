"""docs/ARCHITECTURE.md's hook table is the code's, and the developer files exist."""

from __future__ import annotations

from pathlib import Path

from hook_table import DOC, END, START, table

ROOT = Path(__file__).resolve().parents[2]


def test_the_hook_table_matches_the_code():
    text = DOC.read_text(encoding="utf-8")
    written = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert written == table(), "run: python tests/architecture/hook_table.py --write"


def test_developer_files_exist_and_the_licence_matches_pyproject():
    for name in ("CHANGELOG.md", "CONTRIBUTING.md", "LICENSE", "docs/ARCHITECTURE.md"):
        assert (ROOT / name).is_file(), name
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
