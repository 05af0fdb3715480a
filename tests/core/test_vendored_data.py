"""The test data is vendored: pinned, inside the repository, and what tests/data/README.md says."""

from __future__ import annotations

import gzip
import hashlib
import re

from conftest import ROOT, SARIF_SCHEMA, SCHEMAORG

README = (ROOT / "tests" / "data" / "README.md").read_text(encoding="utf-8")


def test_vendored_files_live_inside_the_repository():
    for path in (SCHEMAORG, SARIF_SCHEMA):
        assert path.resolve().is_relative_to(ROOT), path
        assert path.exists(), path


def test_vendored_files_match_the_pinned_hashes():
    for path in (SCHEMAORG, SARIF_SCHEMA):
        row = next(line for line in README.splitlines() if f"`{path.name}`" in line)
        pinned = re.findall(r"`([0-9a-f]{64})`", row)
        assert pinned, row
        assert hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest() == pinned[0]


def test_no_test_reads_a_folder_beside_the_clone():
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_vendored_data.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"ROOT\.parent|\.\./shared|/work/shared|/work/sites", text):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
