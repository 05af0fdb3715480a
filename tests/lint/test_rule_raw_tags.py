"""raw-tag-not-html: placeholders that Markdown would pass through as raw HTML, found at
their Markdown line with the fix; real HTML, custom elements, autolinks and code left alone."""

from __future__ import annotations

from lint_helpers import findings, lint_site, where

from storefront.lint.rules.markup import raw_tags

FLAGGED = """---
title: Drivers
---
# Drivers

!!! tip "One set per version"
    Set EESSI_<VERSION>_NVIDIA_OVERRIDE here.

Run module show <this module name> now.
Log in with ssh <your_user>@login.example and edit <path/to/file>.
A backslash does not help in Python-Markdown: \\<ESCAPED>.

<div markdown>
A <BLOCKTAG> inside raw HTML.
</div>

=== "Linux"
    Type <TABTAG> here.

| name | value |
|---|---|
| <CELL> | x |
"""

CLEAN = """# Clean

Code: `EESSI_<VERSION>_OVERRIDE` and ``a <b> c``; links <https://eessi.io> and <me@example.com>.
Real HTML: <b>bold</b>, <kbd>Ctrl</kbd>, <br>, <B>upper</B>, <abbr title="x">x</abbr>.
Custom elements: <my-card>card</my-card>, <sl-button>go</sl-button>. Entities: &lt;VERSION&gt;.
Maths: 3 < 4 and 5 > 2; arrows <- and -> and <=.

```bash
module show <this module name>
```

    <INDENTED> code block

!!! note
    ```
    echo <FENCED_IN_ADMONITION>
    ```

<svg viewBox="0 0 1 1"><path d="M0 0"/><circle r="1"/></svg>

<!-- a <COMMENTED> tag -->
"""


def test_each_placeholder_is_found_at_its_line_with_the_fix():
    found = raw_tags(FLAGGED)
    assert [(line, tag) for line, tag, _ in found] == [
        (7, "<VERSION>"), (9, "<this module name>"), (10, "<your_user>"), (10, "<path/to/file>"),
        (11, "<ESCAPED>"), (14, "<BLOCKTAG>"), (18, "<TABTAG>"), (22, "<CELL>")]
    contexts = {tag: context for _, tag, context in found}
    assert contexts["<VERSION>"] == "EESSI_<VERSION>_NVIDIA_OVERRIDE"
    assert contexts["<this module name>"] == "<this module name>"
    assert contexts["<ESCAPED>"] == "<ESCAPED>"


def test_html_custom_elements_autolinks_and_code_are_not_flagged():
    assert raw_tags(CLEAN) == []


def test_in_a_build_the_message_names_the_file_line_and_fix(site):
    built = lint_site(site, {"drivers.md": FLAGGED, "clean.md": CLEAN},
                      config={"markdown_extensions": ["admonition", "md_in_html", "tables",
                                                      "pymdownx.superfences",
                                                      {"pymdownx.tabbed": {"alternate_style": True}}]})
    assert built.ok, built.error
    found = findings(built, "raw-tag-not-html")
    assert where(found) == [("drivers.md", n) for n in (7, 9, 10, 10, 11, 14, 18, 22)]
    first = min(found)
    assert "<VERSION> is not an HTML tag" in first.message
    assert "wrap it in backticks: `EESSI_<VERSION>_NVIDIA_OVERRIDE`" in first.message


def test_strict_build_fails(site):
    built = lint_site(site, {"index.md": "# Home\n\nSet EESSI_<VERSION>_OVERRIDE.\n"}, strict=True)
    assert not built.ok
