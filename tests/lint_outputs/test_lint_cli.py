"""`storefront lint`: formats, exit codes, stdout kept clean, the user's site_dir untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import jsonschema
import pytest
import yaml
from lint_outputs_samples import (
    ABOUT,
    ABOUT_SKIP_LINE,
    ABOUT_WITH_SKIP,
    HOSTILE,
    INDEX,
    NO_HEADING,
    lint_config,
)

from conftest import SARIF_SCHEMA, read_vendored_json, write_tree
from storefront.cli import main


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    # the text format adds annotations under GitHub Actions; these tests check the plain form
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def make_project(root, files: dict, config: dict | None = None):
    """Write a fixture project (docs/ plus mkdocs.yml); returns the mkdocs.yml path."""
    write_tree(root / "docs", files)
    settings = {"site_name": "Test Bakery", "docs_dir": "docs", "site_dir": "site"}
    settings.update(config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config_file


def lint(capsys, *args):
    code = main(["lint", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_findings_on_stdout_and_leaves_site_dir_alone(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX, "about.md": ABOUT_WITH_SKIP}, lint_config())
    code, out, err = lint(capsys, "-f", config, "--format", "json")
    findings = json.loads(out)  # stdout is the JSON array and nothing else
    assert {(f["rule"], f["path"], f["line"], f["severity"]) for f in findings} == {
        ("link-text-vague", "docs/index.md", 6, "warning"),
        ("heading-skip", "docs/about.md", ABOUT_SKIP_LINE, "warning"),
    }
    assert all(set(f) == {"rule", "severity", "path", "line", "message"} for f in findings)
    assert code == 0  # warnings only, no --strict
    assert "0 errors, 2 warnings" in err
    assert not (tmp_path / "site").exists()  # built into a temporary folder


def test_text_format_and_exit_codes(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX, "about.md": ABOUT_WITH_SKIP}, lint_config())
    code, out, _ = lint(capsys, "-f", config)
    assert code == 0
    lines = out.splitlines()
    assert f"docs/about.md:{ABOUT_SKIP_LINE}: warning: " in lines[0] and lines[0].endswith("[heading-skip]")
    assert lines[1].startswith("docs/index.md:6: warning: ") and lines[1].endswith("[link-text-vague]")
    assert len(lines) == 2
    assert lint(capsys, "-f", config, "--strict")[0] == 1

    (tmp_path / "docs" / "hours.md").write_text(NO_HEADING, encoding="utf-8")
    code, out, _ = lint(capsys, "-f", config)
    assert code == 1  # an error fails without --strict
    assert "docs/hours.md:" in out and "error" in out and "[h1-missing]" in out


def test_clean_site_exits_zero_even_with_strict(tmp_path, capsys):
    config = make_project(tmp_path, {"about.md": ABOUT}, lint_config())
    code, out, err = lint(capsys, "-f", config, "--strict", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "0 errors, 0 warnings, 0 info" in err


def test_sarif_format_is_valid(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX, "about.md": ABOUT_WITH_SKIP}, lint_config())
    code, out, _ = lint(capsys, "-f", config, "--format", "sarif")
    data = json.loads(out)
    jsonschema.validate(data, read_vendored_json(SARIF_SCHEMA))
    results = data["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"heading-skip", "link-text-vague"}
    assert code == 0


def test_github_format_prints_workflow_commands(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX, "about.md": ABOUT_WITH_SKIP}, lint_config())
    skip, vague = json.loads(lint(capsys, "-f", config, "--format", "json")[1])
    code, out, _ = lint(capsys, "-f", config, "--format", "github", "--strict")
    assert code == 1
    assert out.splitlines() == [
        f"::warning file=docs/about.md,line={ABOUT_SKIP_LINE},title=heading-skip::{skip['message']}",
        f"::warning file=docs/index.md,line=6,title=link-text-vague::{vague['message']}",
    ]


def test_text_format_adds_annotations_under_github_actions(tmp_path, capsys, monkeypatch):
    config = make_project(tmp_path, {"index.md": INDEX}, lint_config())
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, err = lint(capsys, "-f", config)
    assert out.count("::warning file=docs/index.md,line=6,title=link-text-vague::") == 1
    assert "::warning" not in err  # the plugin does not annotate a second time


def test_plugin_is_added_when_mkdocs_yml_does_not_list_it(tmp_path, capsys):
    # no plugins at all, and a mkdocs.yml that asks for strict builds
    config = make_project(tmp_path, {"hours.md": NO_HEADING},
                          {"theme": {"name": "mkdocs"}, "strict": True, "plugins": []})
    code, out, _ = lint(capsys, "-f", config, "--format", "json")
    rules = {finding["rule"] for finding in json.loads(out)}
    assert "h1-missing" in rules  # the default rule set ran
    assert code == 1


def test_plugin_listed_but_disabled_still_lints_from_the_cli(tmp_path, capsys):
    config = make_project(tmp_path, {"hours.md": NO_HEADING}, lint_config(enabled=False))
    code, out, _ = lint(capsys, "-f", config, "--format", "json")
    assert [finding["rule"] for finding in json.loads(out)] == ["h1-missing"]
    assert code == 1


def test_mkdocs_messages_go_to_stderr_and_findings_are_not_repeated_there(tmp_path, capsys):
    index = INDEX + "\nSee [the menu](missing.md).\n"  # MkDocs warns about the broken link
    config = make_project(tmp_path, {"index.md": index}, lint_config())
    code, out, err = lint(capsys, "-f", config, "--format", "json")
    (finding,) = json.loads(out)
    assert "missing.md" in err  # MkDocs' own warning is shown, on stderr
    assert finding["message"] not in err  # the finding is printed once, on stdout
    assert code == 0  # MkDocs warnings do not count as lint findings


def test_hostile_text_survives_json_output(tmp_path, capsys):
    config = make_project(
        tmp_path, {"index.md": "# Home\n",
                   "page.md": f"---\ntitle: '{HOSTILE.replace(chr(39), chr(39) * 2)}'\n---\n# Hi\n\nText.\n"},
        lint_config())
    code, out, _ = lint(capsys, "-f", config, "--format", "json")
    (finding,) = json.loads(out)
    assert finding["rule"] == "title-too-long" and HOSTILE in finding["message"]
    assert code == 0


def test_missing_config_file_is_a_clear_error(tmp_path, capsys):
    code, out, err = lint(capsys, "-f", tmp_path / "nope.yml")
    assert code == 2 and out == ""
    assert "nope.yml" in err and "Traceback" not in err


def test_build_failure_is_reported_without_traceback(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX},
                          {"plugins": [{"storefront/lint": {"rules": {"no-such-rule": False}}}]})
    code, out, err = lint(capsys, "-f", config, "--format", "json")
    assert code == 2 and out == ""
    assert "no-such-rule" in err and "Traceback" not in err


def test_console_script_prints_json(tmp_path):
    executable = shutil.which("storefront")
    assert executable, "the storefront console script is not installed (pip install -e .)"
    make_project(tmp_path, {"index.md": INDEX, "about.md": ABOUT}, lint_config())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([executable, "lint", "--format", "json"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["rule"], f["path"], f["line"]) for f in findings] == [
        ("link-text-vague", "docs/index.md", 6)]
    assert not (tmp_path / "site").exists()


def test_help_lists_the_options(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["lint", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for option in ("--format", "--baseline", "--update-baseline", "--strict", "-f"):
        assert option in out


def test_unwritable_baseline_path_is_a_clear_error(tmp_path, capsys):
    config = make_project(tmp_path, {"index.md": INDEX}, lint_config())
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out, err = lint(capsys, "-f", config, "--update-baseline", blocker / "baseline.json")
    assert code == 2 and out == ""
    assert "cannot write the baseline" in err and "Traceback" not in err


def test_a_summary_by_rule_comes_before_the_detail_and_a_terminal_sees_progress(tmp_path):
    """`storefront lint` counts the findings by rule (most first) on stderr before it prints
    them, and keeps a progress line on a terminal while the site builds."""
    import io

    from storefront.lint import cli as lint_cli
    from storefront.lint.findings import Finding

    findings = [Finding(path="docs/a.md", line=1, rule="title-too-long", severity="warning", message="m"),
                Finding(path="docs/b.md", line=2, rule="description-missing", severity="warning", message="m"),
                Finding(path="docs/c.md", line=3, rule="description-missing", severity="warning", message="m")]
    summary = lint_cli.rule_summary(findings).splitlines()
    assert summary[0] == "storefront lint: findings by rule"
    assert summary[1].split() == ["2", "description-missing", "warning"]
    assert summary[2].split() == ["1", "title-too-long", "warning"]
    assert lint_cli.rule_summary([]) == ""

    (tmp_path / "docs").mkdir()
    for name in ("index", "one", "two"):
        (tmp_path / "docs" / f"{name}.md").write_text(f"# {name.title()}\n\nA short page.\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Harbour\n")
    terminal = io.StringIO()
    lint_cli.lint_site(str(tmp_path / "mkdocs.yml"), progress=terminal)
    shown = terminal.getvalue()
    assert "\rstorefront lint: 3 of 3 pages" in shown and shown.endswith("\r\033[K")
