"""core/frontmatter.py: the shared front-matter keys, typed, with file:line diagnostics."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from markupsafe import Markup

from storefront.core.clock import UTC, zone
from storefront.core.frontmatter import as_list, body_offset, key_line, read_meta, unread_front_matter

SOURCE = """---
title: Autumn menu
description: Apples and pumpkins.
date:
  created: 2026-10-01
  updated: 2026-10-05 09:30
author: Maria
tags: [apple, pumpkin]
categories: Seasonal
image: images/autumn.jpg
image_alt: Pastries
canonical: https://other.example/autumn/
robots: noindex, nofollow
draft: false
lang: en-GB
---

# Autumn menu
"""


def read(source: str, tz=UTC):
    end = source.index("\n---\n", 4)
    meta = yaml.safe_load(source[4:end])
    return read_meta(meta, path="content/x.md", source=source, tz=tz)


def test_every_shared_key_typed():
    meta, problems = read(SOURCE, zone("Europe/Paris"))
    assert problems == []
    assert meta.title == "Autumn menu" and meta.description == "Apples and pumpkins."
    assert meta.published == dt.datetime(2026, 10, 1, tzinfo=zone("Europe/Paris"))
    assert meta.updated == dt.datetime(2026, 10, 5, 9, 30, tzinfo=zone("Europe/Paris"))
    assert meta.authors == ["Maria"] and meta.tags == ["apple", "pumpkin"]
    assert meta.categories == ["Seasonal"]
    assert meta.image == "images/autumn.jpg" and meta.image_alt == "Pastries"
    assert meta.canonical == "https://other.example/autumn/"
    assert meta.robots_directives == ["noindex", "nofollow"] and not meta.indexable
    assert meta.is_dated and not meta.draft and meta.lang == "en-GB"


def test_noindex_folds_into_robots():
    meta, _ = read_meta({"noindex": True, "robots": "nofollow"}, path="x.md")
    assert meta.robots_directives == ["noindex", "nofollow"]
    meta, _ = read_meta({"robots": "max-snippet:50, noarchive"}, path="x.md")
    assert meta.indexable and meta.robots_directives == ["max-snippet:50", "noarchive"]


@pytest.mark.parametrize("line, key, words", [
    ("title: [a, b]", "title", "is not text"),
    ("date: someday", "date", "is not a date"),
    ("date: {created: 2026-01-01, edited: 2026-01-02}", "date", "unknown key 'edited'"),
    ("noindex: yes please", "noindex", "is not true or false"),
    ("robots: noindx", "robots", "is not a robots directive"),
    ("tags: {a: 1}", "tags", "is not a list of names"),
    ("authors: [[a]]", "authors", "is not a list of names"),
    ("author: {name: a}", "author", "is not a list of names"),
    ("canonical: javascript:alert(1)", "canonical", "is not an http(s) URL"),
    ("image: https://exa mple.com/x.png", "image", "spaces"),
    ("expires: 2020-01-01", "expires", "is not after date"),
])
def test_each_problem_names_file_line_key_and_fix(line, key, words):
    source = f"---\ndate: 2026-01-01\ndescription: x\n{line}\n---\n\nBody\n"
    if line.startswith("date:"):
        source = f"---\ndescription: x\n\n{line}\n---\n\nBody\n"
    meta, problems = read(source)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file == "content/x.md" and problem.key == key and words in problem.problem
    assert problem.line == 4 and problem.fix
    assert str(problem).startswith(f"content/x.md:4: {key}: ")
    assert getattr(meta, {"author": "authors"}.get(key, key), None) in (None, [], False)


def test_updated_before_date_is_dropped():
    meta, problems = read_meta({"date": "2026-05-01", "updated": "2026-04-01"}, path="x.md")
    assert meta.updated is None and problems[0].key == "updated"


def test_markup_values_are_read_as_plain_text():
    # a theme-facing copy hardened by support.harden_meta
    meta, problems = read_meta({"title": Markup("A &amp; B &lt;c&gt;"), "authors": [Markup("O&#39;Neil")]},
                               path="x.md")
    assert problems == [] and meta.title == "A & B <c>" and meta.authors == ["O'Neil"]


def test_source_may_be_lazy_and_is_read_only_for_problems():
    calls = []

    def source():
        calls.append(1)
        return "---\ndate: never\n---\n"

    read_meta({"title": "ok"}, path="x.md", source=source)
    assert calls == []
    _, problems = read_meta({"date": "never"}, path="x.md", source=source)
    assert calls == [1] and problems[0].line == 2


def test_key_line_and_body_offset():
    assert body_offset(SOURCE) == 16
    assert key_line(SOURCE, "image") == 10
    assert key_line(SOURCE, "date.updated") == 4
    assert key_line(SOURCE, "missing") is None
    assert key_line("# no front matter\ntitle: x\n", "title") is None
    assert body_offset("# Just markdown\n") == 0


def test_as_list():
    assert as_list(None) == [] and as_list("") == []
    assert as_list("one") == ["one"] and as_list(["a", " ", None, "b "]) == ["a", "b"]


def test_unread_front_matter():
    assert unread_front_matter("---\ntitle: a: b\n---\n\nText") == (
        "is not valid YAML (mapping values are not allowed here)", 2)
    assert unread_front_matter("---\n- a\n---\n")[0] == "is not a set of key: value pairs"
    assert unread_front_matter("---\ntitle: ok\n---\n") is None
    assert unread_front_matter("Text\n---\n") is None
