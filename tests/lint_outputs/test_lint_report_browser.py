"""The HTML report in a real browser: it opens from disk and its table sorts."""

from __future__ import annotations

import pytest
from lint_outputs_samples import HOSTILE, sample_reports

from storefront.lint.reports import write_reports

pytestmark = pytest.mark.browser


def test_table_sorts_by_score_and_nothing_is_fetched(browser, tmp_path):
    (path,) = write_reports(sample_reports(), tmp_path, ["html"], tool_version="1")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())

    def seo_scores():
        return page.eval_on_selector_all(
            "#pages tbody tr td.seo", "cells => cells.map(c => Number(c.dataset.sort))")

    assert seo_scores() == [55, 85, 92]  # by path
    page.click("#pages thead th:nth-child(2) button")
    assert seo_scores() == [55, 85, 92]
    assert page.get_attribute("#pages thead th:nth-child(2)", "aria-sort") == "ascending"
    page.click("#pages thead th:nth-child(2) button")
    assert seo_scores() == [92, 85, 55]
    page.click("#pages thead th:nth-child(3) button")  # readability, ascending
    assert page.eval_on_selector_all(
        "#pages tbody tr", "rows => rows.map(r => r.dataset.path)") == [
        "content/blog/posts/hostile.md", "content/about.md", "content/index.md"]
    page.click("#pages thead th:nth-child(1) button")  # by title, as text
    titles = page.eval_on_selector_all("#pages tbody .title", "els => els.map(e => e.textContent)")
    assert titles == ["About us", "Home", HOSTILE]
    assert dialogs == []  # the hostile title did not run
    assert requests == [path.as_uri()]  # one file, nothing else fetched
    page.close()
