"""The report files from hand-made page reports: JSON, SARIF 2.1.0 and the HTML report."""

from __future__ import annotations

import json

import jsonschema
import lxml.html
import pytest
from lint_outputs_samples import HOSTILE, sample_reports

from conftest import SARIF_SCHEMA, read_vendored_json
from storefront.lint.findings import Finding
from storefront.lint.reports import FORMATS, sarif, write_reports


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return read_vendored_json(SARIF_SCHEMA)


def test_write_reports_writes_each_format_into_a_new_folder(tmp_path):
    folder = tmp_path / "private" / "lint"
    paths = write_reports(sample_reports(), folder, FORMATS, tool_version="1.2.3")
    assert [path.name for path in paths] == ["lint.json", "lint.sarif", "lint.html"]
    assert all(path.is_file() and path.parent == folder for path in paths)
    assert sorted(p.name for p in folder.iterdir()) == ["lint.html", "lint.json", "lint.sarif"]


def test_write_reports_only_the_formats_asked_for(tmp_path):
    paths = write_reports(sample_reports(), tmp_path, ["sarif"], tool_version="1")
    assert [path.name for path in paths] == ["lint.sarif"]
    assert not (tmp_path / "lint.json").exists()


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"unknown report format 'xml'.*json, sarif, html"):
        write_reports(sample_reports(), tmp_path, ["json", "xml"], tool_version="1")


def test_json_report_has_pages_scores_findings_and_summary(tmp_path):
    (path,) = write_reports(sample_reports(), tmp_path, ["json"], tool_version="1.2.3")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["tool"] == {"name": "storefront/lint", "version": "1.2.3"}
    expected = sorted(sample_reports(), key=lambda report: report.path)
    assert data["pages"] == [report.to_dict() for report in expected]  # the contract's form
    pages = {page["path"]: page for page in data["pages"]}
    assert set(pages) == {"content/blog/posts/hostile.md", "content/about.md", "content/index.md"}
    hostile = pages["content/blog/posts/hostile.md"]
    assert hostile["title"] == HOSTILE  # plain text in JSON, not HTML-escaped
    assert (hostile["seo_score"], hostile["seo_band"]) == (85, "good")
    assert (hostile["readability_score"], hostile["readability_band"]) == (30, "poor")
    assert pages["content/about.md"]["seo_band"] == "ok"
    assert len(data["findings"]) == 4
    assert data["findings"][0] == {
        "rule": "h1-missing", "severity": "error", "path": "content/about.md", "line": 7,
        "message": "Add a level-1 heading (# Title) at the top of the page."}
    summary = data["summary"]
    assert (summary["pages"], summary["findings"]) == (3, 4)
    assert (summary["errors"], summary["warnings"], summary["info"]) == (1, 2, 1)
    assert summary["seo"] == {"average": 77, "good": 2, "ok": 1, "poor": 0}
    assert summary["readability"] == {"average": 63, "good": 2, "ok": 0, "poor": 1}


def test_sarif_report_is_valid_sarif_2_1_0(tmp_path, sarif_schema):
    (path,) = write_reports(sample_reports(), tmp_path, ["sarif"], tool_version="1.2.3")
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, sarif_schema)
    assert data["version"] == "2.1.0"


def test_sarif_driver_rules_and_results(tmp_path):
    (path,) = write_reports(sample_reports(), tmp_path, ["sarif"], tool_version="1.2.3")
    run = json.loads(path.read_text(encoding="utf-8"))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "storefront-lint"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == ["h1-missing", "keyword-missing", "paragraph-length", "title-too-long"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["helpUri"].startswith("https://")
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels == {"h1-missing": "error", "keyword-missing": "note",
                      "paragraph-length": "warning", "title-too-long": "warning"}
    results = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert results == {("h1-missing", "error"), ("keyword-missing", "note"),
                       ("paragraph-length", "warning"), ("title-too-long", "warning")}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith("/")
    hostile = next(r for r in run["results"] if r["ruleId"] == "title-too-long")
    assert hostile["message"]["text"] == HOSTILE
    assert hostile["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "content/blog/posts/hostile.md"
    assert hostile["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}


def test_sarif_uri_is_percent_encoded_and_line_at_least_one(sarif_schema):
    finding = Finding("content/my page#1.md", 0, "h1-missing", "error", "Add a heading.")
    data = sarif.document([finding], tool_version="1")
    jsonschema.validate(data, sarif_schema)
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/my%20page%231.md"
    assert location["region"]["startLine"] == 1


def test_sarif_fingerprints_are_stable_and_tell_repeats_apart():
    first = Finding("content/a.md", 10, "link-text-vague", "warning", 'Replace "click here".')
    repeat = Finding("content/a.md", 20, "link-text-vague", "warning", 'Replace "click here".')
    moved = Finding("content/a.md", 14, "link-text-vague", "warning", 'Replace "click here".')

    def prints(findings):
        results = sarif.document(findings, tool_version="1")["runs"][0]["results"]
        return [result["partialFingerprints"]["storefrontLint/v1"] for result in results]

    one, two = prints([first, repeat])
    assert one != two
    assert prints([moved]) == [one]  # a line that moved keeps its identity
    assert prints([repeat, first]) == [one, two]


def test_html_report_is_self_contained_with_a_row_per_page(tmp_path):
    (path,) = write_reports(sample_reports(), tmp_path, ["html"], tool_version="1.2.3")
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    rows = doc.xpath("//table[@id='pages']/tbody/tr")
    assert [row.get("data-path") for row in rows] == [
        "content/about.md", "content/blog/posts/hostile.md", "content/index.md"]
    about = rows[0]
    seo, readability = about.xpath("./td[contains(@class,'score')]")
    assert "ok" in seo.get("class").split() and seo.get("data-sort") == "55"
    assert "good" in readability.get("class").split()
    hostile = rows[1]
    assert "poor" in hostile.xpath("./td[contains(@class,'readability')]")[0].get("class").split()
    findings = hostile.xpath(".//li[@class='finding']")
    assert [item.get("data-rule") for item in findings] == ["title-too-long", "keyword-missing"]
    assert rows[2].xpath(".//li[@class='finding']") == []
    # headers sort the table
    assert len(doc.xpath("//table[@id='pages']/thead//th/button")) == 8
    # an overview chart drawn inline
    svgs = doc.xpath("//svg")
    assert svgs and svgs[0].xpath(".//rect")
    # nothing loaded from elsewhere: no src, no external href, no @import, no stylesheet link
    assert doc.xpath("//*[@src]") == []
    assert [h for h in doc.xpath("//@href") if not h.startswith("#")] == []
    assert doc.xpath("//link[@rel='stylesheet']") == []
    assert "@import" not in path.read_text(encoding="utf-8")
    assert "http://" not in "".join(doc.xpath("//style/text()"))


def test_html_report_escapes_a_hostile_title_and_message_exactly_once(tmp_path):
    (path,) = write_reports(sample_reports(), tmp_path, ["html"], tool_version="1")
    text = path.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(text)
    # only the report's own sorting script
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text_content()
    row = doc.xpath("//tr[@data-path='content/blog/posts/hostile.md']")[0]
    assert row.xpath(".//span[@class='title']")[0].text_content() == HOSTILE
    assert row.xpath(".//span[@class='message']")[0].text_content() == HOSTILE
    assert row.xpath("./td")[4].text_content() == HOSTILE  # keyword column
    # escaped once: the raw text has no double escape
    assert "&amp;amp;" not in text and "&amp;lt;" not in text
    assert "<script>alert" not in text


def test_html_report_with_no_pages_and_no_findings(tmp_path):
    (path,) = write_reports([], tmp_path, ["html"], tool_version="1")
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    assert doc.xpath("//table[@id='pages']/tbody/tr") == []
    assert "No findings." in doc.text_content()
