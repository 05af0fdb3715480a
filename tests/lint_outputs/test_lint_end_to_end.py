"""The outputs of a real build with storefront/lint: report files, annotations, the baseline
flow (CLI and plugin option), and the CLI giving the plugin's findings on the demo site."""

from __future__ import annotations

import json
import tempfile

import jsonschema
import lxml.html
import pytest
from lint_outputs_samples import (
    ABOUT,
    ABOUT_SKIP_LINE,
    ABOUT_WITH_SKIP,
    HOSTILE,
    INDEX,
    NO_HEADING,
    lint_config,
)
from mkdocs.config import load_config

from conftest import ROOT, SARIF_SCHEMA, build_as_mkdocs_does, read_vendored_json
from storefront.cli import main
from storefront.lint.plugin import LintPlugin


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


HOSTILE_PAGE = f"""\
---
title: '{HOSTILE.replace("'", "''")}'
---
# {HOSTILE}

Visit our shop. [Read more](index.md).
"""


def lint_messages(built) -> list[str]:
    return [r.getMessage() for r in built.records
            if r.name.startswith("mkdocs.plugins.storefront.lint")]


def test_reports_are_written_outside_site_dir(site):
    built = site({"index.md": INDEX, "about.md": ABOUT_WITH_SKIP, "hostile.md": HOSTILE_PAGE,
                  "hours.md": NO_HEADING}, config=lint_config())
    assert built.ok, built.error
    folder = built.root / ".storefront" / "lint"
    assert sorted(p.name for p in folder.iterdir()) == ["lint.html", "lint.json", "lint.sarif"]
    assert not [p for p in built.all_files() if p.name.startswith("lint.")]  # never deployed

    # JSON: every page with its scores and findings
    data = json.loads((folder / "lint.json").read_text(encoding="utf-8"))
    pages = {page["path"]: page for page in data["pages"]}
    assert set(pages) == {"docs/index.md", "docs/about.md", "docs/hostile.md", "docs/hours.md"}
    assert pages["docs/hostile.md"]["title"] == HOSTILE
    for page in pages.values():
        assert 0 <= page["seo_score"] <= 100 and page["seo_band"] in ("good", "ok", "poor")
        assert 0 <= page["readability_score"] <= 100
    rules = {(f["path"], f["rule"]) for f in data["findings"]}
    assert {("docs/about.md", "heading-skip"), ("docs/hours.md", "h1-missing"),
            ("docs/hostile.md", "title-too-long"), ("docs/hostile.md", "link-text-vague"),
            ("docs/index.md", "link-text-vague")} <= rules
    assert data["summary"]["pages"] == 4 and data["summary"]["errors"] == 1

    # SARIF: valid 2.1.0, one result per finding
    sarif = json.loads((folder / "lint.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, read_vendored_json(SARIF_SCHEMA))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(data["findings"])
    skip = next(r for r in results if r["ruleId"] == "heading-skip")
    location = skip["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/about.md"
    assert location["region"]["startLine"] == ABOUT_SKIP_LINE
    assert next(r for r in results if r["ruleId"] == "h1-missing")["level"] == "error"

    # HTML: a row per page, traffic lights, an inline chart, nothing external, escaped once
    text = (folder / "lint.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(text)
    rows = doc.xpath("//table[@id='pages']/tbody/tr")
    assert sorted(row.get("data-path") for row in rows) == sorted(pages)
    for row in rows:
        page = pages[row.get("data-path")]
        seo = row.xpath("./td[contains(@class,'seo')]")[0]
        readability = row.xpath("./td[contains(@class,'readability')]")[0]
        assert page["seo_band"] in seo.get("class").split()
        assert page["readability_band"] in readability.get("class").split()
        assert len(row.xpath(".//li[@class='finding']")) == len(page["findings"])
    assert doc.xpath("//svg//rect")
    assert doc.xpath("//*[@src]") == []
    assert [h for h in doc.xpath("//@href") if not h.startswith("#")] == []
    hostile = doc.xpath("//tr[@data-path='docs/hostile.md']")[0]
    assert hostile.xpath(".//span[@class='title']")[0].text_content() == HOSTILE
    assert len(doc.xpath("//script")) == 1 and "<script>alert" not in text


def test_findings_are_logged_and_fail_a_strict_build(site):
    built = site({"index.md": INDEX, "about.md": ABOUT}, config=lint_config(), strict=True)
    assert not built.ok
    assert any("docs/index.md:6:" in m and "link-text-vague" in m for m in built.warnings)


def test_github_annotations_when_running_under_actions(site, capsys):
    built = site({"index.md": INDEX, "about.md": ABOUT}, config=lint_config(),
                 env={"GITHUB_ACTIONS": "true"})
    assert built.ok
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert len(lines) == 1
    assert lines[0].startswith("::warning file=docs/index.md,line=6,title=link-text-vague::")


def test_no_annotations_outside_actions(site, capsys):
    built = site({"index.md": INDEX, "about.md": ABOUT}, config=lint_config())
    assert built.ok
    assert "::warning" not in capsys.readouterr().out


# --- the baseline flow ---------------------------------------------------------------

def cli(capsys, *args):
    code = main(["lint", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_baseline_flow_with_the_cli(site, capsys):
    built = site({"index.md": INDEX, "about.md": ABOUT, "hours.md": NO_HEADING}, config=lint_config())
    config = built.root / "mkdocs.yml"
    baseline = built.root / "ci" / "lint-baseline.json"

    # today's findings fail the gate (an error and a warning) ...
    assert cli(capsys, "-f", config, "--strict")[0] == 1
    # ... so they are recorded
    code, _, err = cli(capsys, "-f", config, "--update-baseline", baseline)
    assert code == 0 and "recorded 2 findings" in err
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert sorted(f["rule"] for f in recorded["findings"]) == ["h1-missing", "link-text-vague"]

    # with the baseline the same site passes, even strict
    code, out, err = cli(capsys, "-f", config, "--baseline", baseline, "--strict", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "2 more in the baseline" in err

    # a new problem: only it is reported, and it fails the strict gate
    (built.root / "docs" / "about.md").write_text(ABOUT_WITH_SKIP, encoding="utf-8")
    code, out, _ = cli(capsys, "-f", config, "--baseline", baseline, "--strict", "--format", "json")
    assert code == 1
    assert [(f["rule"], f["path"], f["line"]) for f in json.loads(out)] == [
        ("heading-skip", "docs/about.md", ABOUT_SKIP_LINE)]
    assert cli(capsys, "-f", config, "--baseline", baseline)[0] == 0  # a warning, not strict

    # a second identical finding on a page is new too
    (built.root / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    index = INDEX + "\n[Click here](hours.md) for our opening hours.\n"
    (built.root / "docs" / "index.md").write_text(index, encoding="utf-8")
    code, out, _ = cli(capsys, "-f", config, "--baseline", baseline, "--format", "json")
    assert [(f["rule"], f["line"]) for f in json.loads(out)] == [("link-text-vague", 8)]


def test_bad_baseline_file_is_a_clear_error(site, capsys):
    built = site({"index.md": INDEX}, config=lint_config())
    bad = built.root / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = cli(capsys, "-f", built.root / "mkdocs.yml", "--baseline", bad)
    assert code == 2 and out == ""
    assert f"{bad}:1: not valid JSON" in err and "--update-baseline" in err
    assert "Traceback" not in err
    code, _, err = cli(capsys, "-f", built.root / "mkdocs.yml", "--baseline", built.root / "nope.json")
    assert code == 2 and "nope.json: baseline file not found" in err


def test_baseline_plugin_option_fails_the_build_only_on_new_findings(site, capsys):
    files = {"index.md": INDEX, "about.md": ABOUT, "hours.md": NO_HEADING}
    first = site(files, config=lint_config())
    baseline = first.root / "lint-baseline.json"
    assert cli(capsys, "-f", first.root / "mkdocs.yml", "--update-baseline", baseline)[0] == 0
    recorded = baseline.read_text(encoding="utf-8")

    option = lint_config(baseline=str(baseline))
    known = site({**files, "/lint-baseline.json": recorded}, config=option, strict=True)
    assert known.ok, known.warnings  # the recorded findings are logged as info only
    assert any("link-text-vague" in m for m in known.infos)

    added = site({**files, "about.md": ABOUT_WITH_SKIP, "/lint-baseline.json": recorded},
                 config=lint_config(baseline="lint-baseline.json"), strict=True)
    assert not added.ok
    failing = [m for m in lint_messages(added) if m in added.warnings]
    assert len(failing) == 1 and "heading-skip" in failing[0]
    assert f"docs/about.md:{ABOUT_SKIP_LINE}:" in failing[0]

    # the CLI reads the plugin's option when no --baseline is given
    code, out, _ = cli(capsys, "-f", added.root / "mkdocs.yml", "--format", "json", "--strict")
    assert code == 1
    assert [f["rule"] for f in json.loads(out)] == ["heading-skip"]


def test_missing_baseline_option_file_is_reported_not_a_traceback(site):
    built = site({"index.md": INDEX}, config=lint_config(baseline="missing.json"), strict=True)
    assert not built.ok
    assert any("missing.json" in m and "--update-baseline" in m for m in built.warnings)


# --- the CLI and the plugin agree ----------------------------------------------------

def test_cli_and_plugin_give_identical_findings_on_a_fixture(site, capsys):
    built = site({"index.md": INDEX, "about.md": ABOUT_WITH_SKIP, "hostile.md": HOSTILE_PAGE,
                  "hours.md": NO_HEADING}, config={"theme": {"name": "mkdocs"},
                                                   "plugins": ["storefront/lint"]})
    plugin_findings = json.loads((built.root / ".storefront/lint/lint.json").read_text("utf-8"))["findings"]
    _, out, _ = cli(capsys, "-f", built.root / "mkdocs.yml", "--format", "json")
    assert json.loads(out) == plugin_findings
    assert len(plugin_findings) > 5


def test_cli_and_plugin_give_identical_findings_on_the_demo_site(capsys):
    with tempfile.TemporaryDirectory(prefix="storefront-demo-") as site_dir:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=site_dir)
        plugins = [p for name, p in config.plugins.items() if name.startswith("storefront/lint")]
        if not plugins:  # the demo lists it in the recommended order once it is switched on
            plugin = LintPlugin()
            assert plugin.load_config({}, config.config_file_path) == ([], [])
            config.plugins["storefront/lint"] = plugin
            plugins = [plugin]
        build_as_mkdocs_does(config)
        plugin_findings = [finding.to_dict() for finding in sorted(plugins[0].findings)]
    capsys.readouterr()
    code, out, _ = cli(capsys, "-f", ROOT / "mkdocs.yml", "--format", "json")
    assert json.loads(out) == plugin_findings
    assert code == 0
