"""The baseline file: record, reload, and tell new findings from known ones."""

from __future__ import annotations

import json

import pytest
from lint_outputs_samples import HOSTILE

from storefront.core.diagnostics import InputError
from storefront.lint import baseline
from storefront.lint.findings import Finding


def finding(line=3, rule="link-text-vague", message='Replace "click here".', path="content/a.md",
            severity="warning"):
    return Finding(path, line, rule, severity, message)


def test_round_trip_keeps_every_finding_known(tmp_path):
    findings = [finding(), finding(rule="h1-missing", message="Add a heading.", severity="error"),
                finding(path="content/b.md", message=HOSTILE)]
    path = tmp_path / "lint-baseline.json"
    baseline.save(path, findings)
    loaded = baseline.load(path)
    assert len(loaded) == 3
    assert loaded.new(findings) == []


def test_a_moved_line_is_still_known_but_a_new_finding_is_new(tmp_path):
    path = tmp_path / "baseline.json"
    baseline.save(path, [finding(line=3)])
    moved = finding(line=9)
    added = finding(line=4, rule="heading-skip", message="Use h3 after h2.")
    assert baseline.load(path).new([moved, added]) == [added]


def test_counts_make_a_second_identical_finding_new(tmp_path):
    path = tmp_path / "baseline.json"
    baseline.save(path, [finding(line=3)])
    first, second = finding(line=3), finding(line=20)
    loaded = baseline.load(path)
    assert loaded.new([second, first]) == [second]  # the later occurrence is the new one
    new, known = loaded.split([first, second])
    assert (new, known) == ([second], [first])
    baseline.save(path, [first, second])
    assert baseline.load(path).new([first, second]) == []


def test_file_is_sorted_readable_json_with_a_version(tmp_path):
    path = tmp_path / "baseline.json"
    baseline.save(path, [finding(path="content/z.md"), finding(line=40), finding(line=2),
                         finding(path="content/b.md", message=HOSTILE)])
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\n  " in text  # indented, one key per line
    assert "Café" in text  # not \u-escaped
    data = json.loads(text)
    assert data["version"] == 1 and data["tool"] == "storefront/lint"
    assert data["findings"] == [
        {"path": "content/a.md", "rule": "link-text-vague", "severity": "warning",
         "message": 'Replace "click here".', "count": 2},
        {"path": "content/b.md", "rule": "link-text-vague", "severity": "warning",
         "message": HOSTILE, "count": 1},
        {"path": "content/z.md", "rule": "link-text-vague", "severity": "warning",
         "message": 'Replace "click here".', "count": 1},
    ]
    # no line numbers: the file does not change when a writer edits above a finding
    assert "line" not in data["findings"][0]
    before = text
    baseline.save(path, [finding(path="content/z.md"), finding(line=41), finding(line=7),
                         finding(path="content/b.md", message=HOSTILE)])
    assert path.read_text(encoding="utf-8") == before


def test_save_creates_folders(tmp_path):
    path = tmp_path / "ci" / "lint" / "baseline.json"
    baseline.save(path, [])
    assert baseline.load(path).new([finding()]) == [finding()]


def test_missing_file_says_how_to_create_it(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(baseline.BaselineError) as caught:
        baseline.load(path)
    message = str(caught.value)
    assert str(path) in message
    assert "not found" in message
    assert f"storefront lint --update-baseline {path}" in message
    assert isinstance(caught.value, InputError)  # carries a Diagnostic for the plugin
    assert caught.value.diagnostic.file == str(path)


def test_display_name_is_used_in_messages(tmp_path):
    with pytest.raises(baseline.BaselineError, match=r"^ci/baseline\.json: baseline file not found"):
        baseline.load(tmp_path / "x.json", display="ci/baseline.json")


@pytest.mark.parametrize(("text", "expected"), [
    ('{"version": 1,\n "findings": [}', r"b\.json:2: not valid JSON"),
    ("[]", r"not a storefront/lint baseline"),
    ('{"version": 7, "findings": []}', r"version: unsupported baseline version 7"),
    ('{"version": 1, "findings": {}}', r"findings: `findings` must be a list"),
    ('{"version": 1, "findings": [{"path": "a.md", "rule": "x"}]}',
     r"findings\[0\]: path, rule and message must be text"),
    ('{"version": 1, "findings": [{"path": "a.md", "rule": "x", "message": "m", "count": 0}]}',
     r"findings\[0\]: count must be a whole number"),
    ('{"version": 1, "findings": ["x"]}', r"findings\[0\]: each finding must be an object"),
])
def test_malformed_file_names_the_file_problem_and_fix(tmp_path, text, expected):
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=expected) as caught:
        baseline.load(path)
    assert str(caught.value).startswith(str(path))
    assert "--update-baseline" in str(caught.value)


def test_numbers_in_a_message_may_change_without_making_the_finding_new(tmp_path):
    path = tmp_path / "baseline.json"
    baseline.save(path, [finding(rule="text-too-short", message="the page has 133 words; write 300")])
    grown = finding(rule="text-too-short", message="the page has 140 words; write 300")
    other = finding(rule="text-too-short", message="the page has no words at all")
    assert baseline.load(path).new([grown, other]) == [other]
    # the file keeps the message as it was, readable
    assert "133 words" in path.read_text(encoding="utf-8")
