"""GitHub Actions workflow commands for findings."""

from __future__ import annotations

import io

from storefront.lint.findings import Finding
from storefront.lint.reports import github


def test_one_command_per_finding_with_severity_mapped():
    findings = [
        Finding("content/a.md", 4, "h1-missing", "error", "Add a heading."),
        Finding("content/a.md", 9, "paragraph-length", "warning", "Split this paragraph."),
        Finding("content/b.md", 1, "keyword-missing", "info", "Set a keyword."),
    ]
    assert github.annotations(findings) == [
        "::error file=content/a.md,line=4,title=h1-missing::Add a heading.",
        "::warning file=content/a.md,line=9,title=paragraph-length::Split this paragraph.",
        "::notice file=content/b.md,line=1,title=keyword-missing::Set a keyword.",
    ]


def test_properties_and_message_are_escaped():
    finding = Finding("content/odd: name, 100%.md", 2, "title-too-long", "warning",
                      "Shorten: 75% of it,\r\nkeep\nthe rest: <b>&</b>")
    (line,) = github.annotations([finding])
    assert line == ("::warning file=content/odd%3A name%2C 100%25.md,line=2,title=title-too-long"
                    "::Shorten: 75%25 of it,%0D%0Akeep%0Athe rest: <b>&</b>")
    assert "\n" not in line and "\r" not in line


def test_base_folder_is_prefixed_for_a_site_below_the_repository_root():
    finding = Finding("content/a.md", 4, "h1-missing", "error", "Add a heading.")
    assert github.annotations([finding], base="website/")[0].startswith(
        "::error file=website/content/a.md,")


def test_printed_only_under_github_actions(monkeypatch, tmp_path):
    finding = Finding("content/a.md", 4, "h1-missing", "error", "Add a heading.")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out = io.StringIO()
    assert github.print_annotations([finding], stream=out) == 0 and out.getvalue() == ""

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    (tmp_path / "site").mkdir()
    assert github.print_annotations([finding], project_dir=tmp_path / "site", stream=out) == 1
    assert out.getvalue() == "::error file=site/content/a.md,line=4,title=h1-missing::Add a heading.\n"

    out = io.StringIO()
    with github.suppressed():
        assert github.print_annotations([finding], stream=out) == 0
    assert out.getvalue() == ""
    assert github.print_annotations([finding], project_dir=tmp_path, stream=out) == 1
    assert out.getvalue().startswith("::error file=content/a.md,")
