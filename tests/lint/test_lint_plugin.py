"""The plugin around the rules: front matter keys, options, languages, the cache, the helper
process, the baseline, GitHub annotations and what it exposes to `storefront lint`."""

from __future__ import annotations

import json

import pytest
import yaml
from lint_helpers import INFO, findings, lint_site, where, words
from mkdocs.commands.build import build
from mkdocs.config import load_config

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def test_lint_false_and_ignore(site):
    built = lint_site(site, {
        "off.md": "---\nlint: false\n---\n\nNo heading, nothing.\n",
        "ignore.md": "---\nlint:\n  ignore: [title-missing, description-missing]\n---\n\nNo heading.\n",
    })
    assert built.ok
    assert [f for f in findings(built) if f.path == "off.md"] == []
    rules = {f.rule for f in findings(built) if f.path == "ignore.md"}
    assert "title-missing" not in rules and "description-missing" not in rules
    assert "h1-missing" in rules


@pytest.mark.parametrize("front, key, line, fix", [
    ("keyword: [a, b]\n", "keyword", 2, "keyword: the words people search for"),
    ("title: T\nkeywords: {a: 1}\n", "keywords", 3, "keywords: ["),
    ("lint: 5\n", "lint", 2, "lint: false"),
    ("lint:\n  ignore: [no-such-rule]\n", "lint", 2, "rule ids such as"),
    ("lint:\n  skip: true\n", "lint", 2, "lint: {ignore"),
])
def test_bad_front_matter_is_a_clear_warning(site, front, key, line, fix):
    built = lint_site(site, {"page.md": f"---\n{front}---\n\n# Page\n"}, strict=True)
    assert not built.ok  # a warning: --strict fails, a plain build goes on
    messages = [m for m in built.warnings if f"docs/page.md:{line}: {key}:" in m]
    assert messages and fix in messages[0], built.warnings
    assert not any("Traceback" in m for m in built.messages)
    assert lint_site(site, {"page.md": f"---\n{front}---\n\n# Page\n"}).ok


@pytest.mark.parametrize("rules, says", [
    ({"no-such-rule": False}, "unknown rule 'no-such-rule'"),
    ({"title-too-long": {"max": "long"}}, "rules.title-too-long.max: write a number"),
    ({"title-too-long": {"maximum": 3}}, "unknown key 'maximum'"),
    ({"passive-voice": "loud"}, "severity 'loud' is not one of error, warning, info"),
    ({"text-too-short": {"sections": {"blog/*": "many"}}}, "rules.text-too-short.sections"),
])
def test_bad_rules_option(site, rules, says):
    built = lint_site(site, {"index.md": "# Home\n"}, rules=rules)
    assert not built.ok
    assert says in str(built.error) or any(says in m for m in built.messages), built.messages


def test_errors_and_warnings_fail_strict_info_does_not(site):
    clean = ("---\ntitle: Sourdough bread in Burlington\ndescription: " + "x" * 130 + "\n"
             "keyword: sourdough bread\n---\n\n# Sourdough bread in Burlington\n\n")
    built = lint_site(site, {"index.md": "# Home\n\nSee [bread](sourdough-bread.md).\n",
                             "sourdough-bread.md": clean + "Our sourdough bread is good.\n"},
                      rules={"text-too-short": False, "keyword-not-in-description": False,
                             "links-internal-none": False, "keyword-missing": "info",
                             "description-missing": "info"},
                      strict=True)
    assert built.ok, built.warnings
    assert any("[keyword-missing]" in m for m in built.infos)
    built = lint_site(site, {"index.md": "Text without a heading.\n"}, strict=True)
    assert not built.ok and any("[title-missing]" in m for m in built.warnings)


def test_fail_on_error_logs_warnings_as_info(site):
    built = lint_site(site, {"index.md": "# Home\n\nThe bread is baked by hand.\n"},
                      options={"fail_on": "error"}, strict=True)
    assert built.ok, built.warnings
    assert [f.level for f in findings(built, "passive-voice")] == [INFO]


def test_message_format_and_hostile_title(site):
    built = lint_site(site, {"index.md": "# Home\n",
                             "page.md": f"---\ntitle: '{HOSTILE.replace(chr(39), chr(39) * 2)}'\n---\n\nText.\n"})
    [item] = findings(built, "title-too-long")
    assert item.path == "page.md" and item.line == 2
    line = next(m for m in built.messages if "[title-too-long]" in m)
    assert (f'docs/page.md:2: [title-too-long] the title "{HOSTILE}" (the title the mkdocs theme prints) '
            f"has {len(HOSTILE)} characters") in line


def test_material_prints_the_title_as_h1(site):
    built = site({"index.md": "---\ntitle: Home\n---\n\nText.\n"},
                 config={"theme": {"name": "material"},
                         "plugins": [{"storefront/lint": {"workers": 0, "report_formats": []}}]})
    assert built.ok
    assert findings(built, "h1-missing") == []
    assert "<h1" in built.text("index.html")


def test_language_from_front_matter_and_theme(site):
    passive = "# Brot\n\n" + words(240, "The dough is shaped by hand in the shop") + "\n"
    built = lint_site(site, {"en.md": passive, "de.md": "---\nlang: de-DE\n---\n\n" + passive})
    assert where(findings(built, "passive-voice")) == [("en.md", 3)]  # English only
    assert where(findings(built, "transition-words")) == [("en.md", 3)]
    built = lint_site(site, {"a.md": passive}, config={"theme": {"name": "mkdocs", "locale": "de"}})
    assert findings(built, "passive-voice") == []


def test_sentence_limit_per_language(site):
    # 22 words: over the English limit (20), within the Spanish one (25)
    text = "# T\n\n" + " ".join(["palabra"] * 22) + ".\n"
    built = lint_site(site, {"en.md": text, "es.md": "---\nlang: es\n---\n\n" + text})
    assert where(findings(built, "sentence-length")) == [("en.md", 3)]


def test_readability_uses_the_language_formula():
    from textstat.backend.utils import get_lang_cfg

    from storefront.lint.readability import constants, flesch

    for lang in ("en", "de", "es", "fr", "it", "nl", "ru"):
        assert constants(lang) == (get_lang_cfg(lang, "fre_base"), get_lang_cfg(lang, "fre_sentence_length"),
                                   get_lang_cfg(lang, "fre_syll_per_word"))
    assert constants("pl") is None and flesch([["słowo"]], "pl") is None
    sentence = [["the", "cat", "sat", "on", "the", "mat"]]
    assert flesch(sentence, "en") == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1.0)
    assert flesch(sentence, "de") != flesch(sentence, "en")


def _stats(built) -> str:
    return next(m for m in built.messages if "from the cache" in m)


def test_cache_skips_unchanged_pages(site, tmp_path):
    files = {f"p{i}.md": f"# Page {i}\n\n" + words(50) + "\n" for i in range(5)}
    root = tmp_path / "cached"
    from conftest import build_site

    config = {"theme": {"name": "mkdocs"},
              "plugins": [{"storefront/lint": {"workers": 0, "report_formats": []}}]}
    first = build_site(root, files, config=config)
    assert "analysed 5 pages, 0 from the cache" in _stats(first)
    second = build_site(root, {}, config=config)
    assert "analysed 0 pages, 5 from the cache" in _stats(second)
    assert sorted(findings(second)) == sorted(findings(first))
    third = build_site(root, {"p1.md": "# Page 1\n\nChanged.\n"}, config=config)
    assert "analysed 1 pages, 4 from the cache" in _stats(third)
    assert (root / ".cache/storefront/lint/pages.json").exists()
    again = build_site(root, {}, config=config)  # the saved cache kept the four and added the one
    assert "analysed 0 pages, 5 from the cache" in _stats(again)
    assert sorted(findings(again)) == sorted(findings(third))
    config["plugins"][0]["storefront/lint"]["rules"] = {"paragraph-length": {"max": 10}}
    fourth = build_site(root, {}, config=config)  # other settings: every page again
    assert "analysed 5 pages, 0 from the cache" in _stats(fourth)


def test_html_facts_are_read_once_per_page_text(tmp_path, monkeypatch):
    """What lint reads from a page's HTML (its <h1> count, calls to action, links) is kept
    across builds by a hash of the HTML: an unchanged page is not parsed again, a changed
    one is, and the findings are the same either way."""
    from conftest import build_site
    from storefront.lint import html, plugin

    parsed: list[str] = []
    for name in ("content_facts", "link_targets"):
        real = getattr(html, name)
        monkeypatch.setattr(plugin, name, lambda text, real=real, name=name: (parsed.append(name), real(text))[1])
    files = {f"p{i}.md": f"# Page {i}\n\n" + words(50) + f"\n\n[next](p{(i + 1) % 3}.md)\n" for i in range(3)}
    root = tmp_path / "facts"
    config = {"theme": {"name": "mkdocs"},
              "plugins": [{"storefront/lint": {"workers": 0, "report_formats": []}}]}
    first = build_site(root, files, config=config)
    assert parsed.count("content_facts") == 3 and parsed.count("link_targets") >= 3
    parsed.clear()
    second = build_site(root, {}, config=config)
    # Only the pages whose HTML changed are read again (the mkdocs theme writes the build
    # time into the home page): the three posts are not.
    assert parsed.count("content_facts") == 0 and parsed.count("link_targets") <= 1
    assert sorted(findings(second)) == sorted(findings(first))
    parsed.clear()
    third = build_site(root, {"p1.md": "# Page 1\n\nChanged. [back](p0.md)\n"}, config=config)
    assert parsed.count("content_facts") == 1
    assert third.error is None


def test_helper_process_gives_the_same_findings(site, monkeypatch):
    from storefront.lint import workers

    monkeypatch.setattr(workers, "SMALL_SITE", 10)  # 20 pages: a cold build uses the helper
    sent = []
    real_send = workers.Analyser._send
    monkeypatch.setattr(workers.Analyser, "_send", lambda self: (sent.append(len(self._batch)), real_send(self)))
    files = {f"p{i}.md": f"# Page {i}\n\n" + words(40 + i) + "\nThe bread is baked.\n" for i in range(20)}
    inline = lint_site(site, files)
    helper = lint_site(site, files, options={"workers": 1, "cache": False})
    assert inline.ok and helper.ok
    assert "analysed 20 pages" in _stats(helper)
    assert sum(sent) == 20  # every page went to the helper
    assert sorted(findings(helper)) == sorted(findings(inline)) and findings(inline)


def _build(root, files, plugin_options=None):
    from conftest import write_tree

    write_tree(root / "docs", files)
    (root / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Test", "theme": {"name": "mkdocs"},
        "plugins": [{"storefront/lint": {"workers": 0, **(plugin_options or {})}}]}), encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    build(config)
    return config.plugins["storefront/lint"]


def test_reports_and_findings_exposed(tmp_path):
    plugin = _build(tmp_path, {"b.md": "# B\n\nThe bread is baked.\n", "a.md": "Text.\n"})
    assert [report.path for report in plugin.reports] == ["docs/a.md", "docs/b.md"]
    assert plugin.findings == [f for report in plugin.reports for f in report.findings]
    a, b = plugin.reports
    assert any(f.rule == "title-missing" and f.severity == "error" for f in a.findings)
    assert 0 <= a.seo_score < b.seo_score <= 100 and b.readability_score < 100
    data = json.loads((tmp_path / ".storefront/lint/lint.json").read_text(encoding="utf-8"))
    assert "docs/a.md" in json.dumps(data)
    assert (tmp_path / ".storefront/lint/lint.sarif").exists() and (tmp_path / ".storefront/lint/lint.html").exists()


def test_baseline_option(tmp_path, site):
    from storefront.lint import baseline

    plugin = _build(tmp_path / "one", {"index.md": "# Home\n\nThe bread is baked by hand.\n"})
    baseline.save(tmp_path / "baseline.json", plugin.findings)
    files = {"index.md": "# Home\n\nThe bread is baked by hand.\n", "/baseline.json":
             (tmp_path / "baseline.json").read_text(encoding="utf-8")}
    options = {"baseline": "baseline.json", "workers": 0, "report_formats": []}
    built = site(files, config={"theme": {"name": "mkdocs"}, "plugins": [{"storefront/lint": options}]},
                 strict=True)
    assert built.ok, built.warnings
    assert any("[passive-voice]" in m for m in built.infos)
    files["index.md"] += "\n#### Skipped levels\n"
    built = site(files, config={"theme": {"name": "mkdocs"}, "plugins": [{"storefront/lint": options}]},
                 strict=True)
    assert not built.ok
    assert [m for m in built.warnings if "[" in m and "]" in m] == [
        m for m in built.warnings if "[heading-skip]" in m]
    missing = site({"index.md": "# Home\n"}, config={"theme": {"name": "mkdocs"}, "plugins": [
        {"storefront/lint": {**options, "baseline": "nowhere.json"}}]})
    assert any("nowhere.json" in m and "baseline file not found" in m for m in missing.warnings)


def test_github_annotations(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    lint_site(site, {"index.md": "# Home\n\nThe bread is baked by hand.\n"})
    out = capsys.readouterr().out
    assert "::warning file=" in out and "docs/index.md,line=3" in out and "passive-voice" in out


def test_page_orphan_without_directory_urls(site):
    built = lint_site(site, {
        "index.md": "# Home\n\nSee [the shop](shop/hours.md).\n",
        "shop/hours.md": "# Hours\n\nBack [home](../index.md).\n",
        "shop/lost.md": "# Lost\n\nBack [home](../index.md).\n",
    }, config={"use_directory_urls": False, "nav": ["index.md"], "not_in_nav": "/shop/*.md"})
    assert where(findings(built, "page-orphan")) == [("shop/lost.md", 1)]


def test_blog_posts_are_linked_from_the_blog_index(site):
    post = "---\ndate: 2026-10-01\n---\n\n# A post\n\n[Order](../../index.md){ .md-button }\n"
    built = site({"index.md": "# Home\n", "blog/index.md": "# Blog\n", "blog/posts/a.md": post},
                 config={"theme": {"name": "material"}, "markdown_extensions": ["attr_list"],
                         "plugins": [{"blog": {"blog_dir": "blog"}},
                                     {"storefront/lint": {"workers": 0, "report_formats": []}}]})
    assert built.ok, built.error
    assert findings(built, "page-orphan") == []
    assert findings(built, "cta-missing") == []
    # the generated archive and category pages are not linted
    assert {f.path for f in findings(built)} <= {"index.md", "blog/index.md", "blog/posts/a.md"}


MINIFY_HOOK = '''
import re
from mkdocs.plugins import event_priority


@event_priority(10)  # before storefront/lint reads the page, as a minifier listed before it does
def on_post_page(output, page, config):
    """Unquote attribute values and put class before href, as HTML minifiers write them."""
    output = re.sub(r'<a href="([^"\\s>]*)" class="([^"\\s>]*)"', r'<A class=\\2 HREF=\\1', output)
    return re.sub(r'(\\w+)="([^"\\s>=]*)"', r'\\1=\\2', output)
'''


def test_built_html_is_read_with_a_parser_minified_or_not(site):
    """Minifiers write `href=../x/` and `class=md-button` unquoted (mkdocs-minify-plugin on
    Material's own docs): the links, h1 and buttons lint reads are the same."""
    files = {
        "index.md": "# Home\n\nSee [the shop](shop/hours.md) and [our story](about.md).\n",
        "shop/hours.md": "# Hours\n\nBack [home](../index.md).\n",
        "about.md": "# About\n\nBack [home](index.md).\n",
        "blog/posts/post.md": "# Post\n\nA post about the shop.\n\n<a class=md-button href=../../about/>Visit</a>\n",
        "/hooks/minify.py": MINIFY_HOOK,
    }
    config = {"nav": ["index.md", "blog/posts/post.md"], "not_in_nav": "/shop/*.md\n/about.md",
              "markdown_extensions": ["attr_list"]}
    plain = lint_site(site, dict(files), config=dict(config))
    minified = lint_site(site, dict(files), config={**config, "hooks": ["hooks/minify.py"]})
    assert plain.ok and minified.ok, (plain.error, minified.error)
    assert "<A class=" in minified.text("index.html") and 'href="' not in minified.text("shop/hours/index.html")
    assert findings(plain, "page-orphan") == [] and findings(plain, "cta-missing") == []
    assert findings(minified, "page-orphan") == []
    assert findings(minified, "cta-missing") == []


def test_a_cta_placed_by_storefront_cta_counts_as_a_call_to_action(site):
    # storefront/cta puts its blocks into the final page (a marker stands in page.content, so
    # search does not index them); the lint still sees that the page has one.
    files = {"/seo/ctas.yml": "order:\n  label: Order a loaf\n  url: index.md\n",
             "index.md": "# Home\n", "blog/posts/ruled.md": "# Ruled\n\nA post about bread.\n",
             "blog/posts/none.md": "---\ncta: false\n---\n\n# None\n\nA post about rye.\n"}
    built = site(files, config={"theme": {"name": "mkdocs"}, "plugins": [
        {"storefront/cta": {"rules": [{"cta": "order", "pages": ["blog/posts/*"]}]}},
        {"storefront/lint": {"workers": 0, "report_formats": []}}]})
    assert built.ok, built.error
    assert where(findings(built, "cta-missing")) == [("blog/posts/none.md", 7)]
