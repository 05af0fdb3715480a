"""No default text, colour or example in the installed package mentions the demo business."""

from __future__ import annotations

import re

from conftest import ROOT
from demo_words import demo_words

PACKAGE = ROOT / "plugins" / "storefront"
TEXT_SUFFIXES = {".py", ".html", ".css", ".js", ".yml", ".yaml", ".json", ".txt", ".md", ".svg", ".xml"}
NOT_DEFAULTS = {
    # the schema.org LocalBusiness types the schema plugin knows: Bakery is one of them
    "schema/data/localbusiness_types.json",
    # English word lists of the readability checks (the language, not an example)
    "lint/data/participles_en.txt",
    "lint/data/word_forms_en.txt",  # English irregular plurals (loaf/loaves like leaf/leaves)
}
OTHER_LANE: tuple[str, ...] = ()  # every folder of the package is checked


# The one place the demo may be named: `storefront new --example bakery` writes it.
EXAMPLE_OPTION = re.compile(r'--example bakery|"bakery"|EXAMPLES = \("bakery",\)')


def _package_texts():
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE).as_posix()
        if (not path.is_file() or path.suffix not in TEXT_SUFFIXES or "__pycache__" in rel
                or rel.startswith("template/skeleton/")  # a wheel's copy of the demo (`--example bakery`)
                or rel in NOT_DEFAULTS or rel.startswith(OTHER_LANE)):
            continue
        yield rel, path.read_text(encoding="utf-8")


def test_the_word_list_finds_the_demo():
    business = (ROOT / "seo" / "business.yml").read_text(encoding="utf-8")
    assert {"Hearth", "Crumb", "Bakery", "sourdough"} <= set(demo_words(business))
    assert demo_words("breadcrumb crumb_cache BreadcrumbList") == []


def test_no_demo_word_in_the_package():
    found = {}
    for rel, text in _package_texts():
        for number, line in enumerate(text.splitlines(), start=1):
            words = demo_words(EXAMPLE_OPTION.sub("", line) if rel == "template/cli.py" else line)
            if words:
                found[f"{rel}:{number}"] = words
    assert found == {}
