"""core/diagnostics.py: one wording for every message about user input."""

from __future__ import annotations

import logging

import pytest

from storefront.core.diagnostics import Diagnostic, InputError, describe, emit


def test_str_names_location_key_problem_and_fix():
    d = Diagnostic("seo/business.yml", "hours.tuesday", '"9-5pm" is not a time range',
                   "write it like 09:00-17:00", line=12)
    assert str(d) == 'seo/business.yml:12: hours.tuesday: "9-5pm" is not a time range; write it like 09:00-17:00'
    assert str(Diagnostic("mkdocs.yml", "", "site_url is missing")) == "mkdocs.yml: site_url is missing"
    assert d.location == "seo/business.yml:12"


@pytest.mark.parametrize("severity, level", [("error", logging.WARNING), ("warning", logging.WARNING),
                                             ("info", logging.INFO)])
def test_emit_levels(severity, level):
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("storefront.test.diagnostics")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        emit(logger, Diagnostic("x.md", "date", "bad", "fix it", 3, severity))
    finally:
        logger.removeHandler(handler)
    assert [(r.levelno, r.getMessage()) for r in records] == [(level, "x.md:3: date: bad; fix it")]


def test_input_error_carries_the_diagnostic():
    d = Diagnostic("x.md", "k", "bad")
    with pytest.raises(InputError) as caught:
        raise InputError(d)
    assert caught.value.diagnostic is d and str(caught.value) == "x.md: k: bad"


def test_describe_quotes_and_shortens():
    assert describe("abc") == '"abc"'
    assert describe(5) == "5" and describe([1]) == "[1]"
    long = describe("x" * 500)
    assert len(long) == 60 and long.endswith("…")


def test_diagnostics_compare_without_extra():
    assert Diagnostic("a", "k", "p", extra={"x": 1}) == Diagnostic("a", "k", "p")
    assert len({Diagnostic("a", "k", "p"), Diagnostic("a", "k", "p")}) == 1
