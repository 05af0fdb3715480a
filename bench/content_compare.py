#!/usr/bin/env python3
"""Nothing of the original content is lost: build a site plain and with the storefront suite,
and compare every page.

    python bench/content_compare.py PROJECT_DIR                 # build both, compare, report
    python bench/content_compare.py PROJECT_DIR -f docs.yml     # another config file name
    python bench/content_compare.py PROJECT_DIR --plugins my-plugins.yml
    python bench/content_compare.py --compare PLAIN_SITE SUITE_SITE   # two built folders

For each HTML page of the plain build the page of the same path in the suite's build must
have the same visible text (as words: whitespace may differ), the same navigation (text and
target of every link in a `<nav>`), the same link targets (every `a[href]` and `img[src]`, in
order) and the same `<pre>` blocks (byte for byte). Only `<head>` and the blocks the suite
adds (elements with an `sf-…` or `storefront-…` class: CTAs, newsletter forms, business
details, calendar banners, the consent banner) may differ; they are taken out first.
Scripts, styles and templates are not content.

A real site is built with the suite by a variant config written next to its own
(`mkdocs.storefront-compare.yml`, removed afterwards): the site's config with every storefront
plugin added (storefront/calendar first, storefront/optimize last), their data files written
to the work folder. `--plugins FILE` gives the list of plugin entries to add instead (YAML, the
same shape as `plugins:` in mkdocs.yml). Custom YAML tags of the site's config (`!ENV`,
`!!python/name:…`, `!relative`) are kept as written.

The project folder must be writable (builds write caches there): copy a site you do not own
first. The report (a summary, then each difference) is printed and written to the work folder
(`--work`, default `bench/.work/content-compare/<project name>`) as report.json. The exit
status is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

HERE = Path(__file__).resolve().parent
VARIANT = "mkdocs.storefront-compare.yml"
ADDED = ('[class^="sf-"], [class*=" sf-"], [class^="storefront-"], [class*=" storefront-"]')
NOT_CONTENT = "script, style, template, noscript"


# --- what a page says ------------------------------------------------------------------------

@dataclass
class PageContent:
    words: list[str]
    nav: list[tuple[str, str]]
    links: list[str]
    pre: list[str]


def page_content(html: str, *, added: str | None = ADDED) -> PageContent:
    """What a reader gets from one built page: its visible words, navigation, link targets
    and `<pre>` blocks (the suite's own blocks taken out when `added` is a selector)."""
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return PageContent([], [], [], [])
    if added:
        for node in body.css(added):
            node.decompose()
    pre = [node.text(deep=True) for node in body.css("pre")]
    nav = [(" ".join(node.text(deep=True).split()), node.attributes.get("href") or "")
           for node in body.css("nav a")]
    links = []
    for node in body.css("a[href], img[src]"):
        if node.tag == "a":
            links.append(node.attributes.get("href") or "")
        else:
            links.append("img:" + (node.attributes.get("src") or ""))
    for node in body.css(NOT_CONTENT):
        node.decompose()
    words = body.text(deep=True, separator=" ").split()
    return PageContent(words, nav, links, pre)


@dataclass
class Difference:
    page: str
    kind: str  # missing, text, nav, links, pre
    detail: str


@dataclass
class Report:
    pages: int = 0
    only_plain: list[str] = field(default_factory=list)
    only_suite: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.only_plain and not self.differences

    def summary(self) -> str:
        kinds: dict[str, int] = {}
        for difference in self.differences:
            kinds[difference.kind] = kinds.get(difference.kind, 0) + 1
        pages = len({d.page for d in self.differences})
        by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"
        return (f"{self.pages} pages compared; {len(self.differences)} differences on {pages} "
                f"pages ({by_kind}); {len(self.only_plain)} pages only in the plain build, "
                f"{len(self.only_suite)} only in the suite's build")


def _excerpt(a: list, b: list, context: int = 6) -> str:
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = a[max(0, i1 - context):i2 + context]
        after = b[max(0, j1 - context):j2 + context]
        return f"{tag} at {i1}: {_short(before)} -> {_short(after)}"
    return "same items, other order"


def _short(items: list, limit: int = 300) -> str:
    text = " ".join(str(item) for item in items)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def compare_pages(plain: str, suite: str, page: str) -> list[Difference]:
    """The differences between one page built plain and with the suite."""
    a, b = page_content(plain, added=None), page_content(suite)
    found = []
    if a.words != b.words:
        found.append(Difference(page, "text", _excerpt(a.words, b.words)))
    if a.nav != b.nav:
        found.append(Difference(page, "nav", _excerpt(a.nav, b.nav, 2)))
    if a.links != b.links:
        found.append(Difference(page, "links", _excerpt(a.links, b.links, 2)))
    if a.pre != b.pre:
        index = next((i for i, (x, y) in enumerate(zip(a.pre, b.pre, strict=False)) if x != y),
                     min(len(a.pre), len(b.pre)))
        found.append(Difference(page, "pre", f"block {index} of {len(a.pre)} / {len(b.pre)}"))
    return found


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.is_file()}


def compare_sites(plain: Path, suite: Path) -> Report:
    """Every HTML page of the plain build against the same page of the suite's build."""
    report = Report()
    plain_pages, suite_pages = html_pages(plain), html_pages(suite)
    report.only_plain = sorted(plain_pages - suite_pages)
    report.only_suite = sorted(suite_pages - plain_pages)
    for page in sorted(plain_pages & suite_pages):
        report.pages += 1
        before = (plain / page).read_text(encoding="utf-8", errors="replace")
        after = (suite / page).read_text(encoding="utf-8", errors="replace")
        report.differences.extend(compare_pages(before, after, page))
    return report


# --- the variant config ---------------------------------------------------------------------

class Tagged:
    """A YAML value with a custom tag (`!ENV`, `!!python/name:…`), written back as it was."""

    def __init__(self, tag: str, kind: str, value):
        self.tag, self.kind, self.value = tag, kind, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, "mapping", loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, "sequence", loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, "scalar", loader.construct_scalar(node))


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if data.kind == "mapping":
        return dumper.represent_mapping(data.tag, data.value)
    if data.kind == "sequence":
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def default_plugins(data: Path, site_url: str | None) -> list:
    """Every storefront plugin with a neutral set-up: a CTA after every page and post, a
    newsletter form after posts and in the footer, a business profile, analytics."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "ctas.yml").write_text(
        "get-in-touch:\n  label: Get in touch\n  url: https://example.org/contact\n"
        "  heading: Questions?\n  text: We answer within a day.\n", encoding="utf-8")
    (data / "business.yml").write_text(
        "name: Example Project\ntype: Organization\nurl: https://example.org/\n"
        "email: hello@example.org\n", encoding="utf-8")
    domain = (site_url or "https://example.org/").split("//", 1)[-1].split("/", 1)[0] or "example.org"
    return [
        {"storefront/calendar": {}},
        {"storefront/seo": {}},
        {"storefront/schema": {"business": str(data / "business.yml")}},
        {"storefront/lint": {"report_formats": []}},
        {"storefront/cta": {"file": str(data / "ctas.yml"),
                            "rules": [{"cta": "get-in-touch", "blog_posts": True, "pages": ["*"]}]}},
        {"storefront/newsletter": {"provider": "buttondown", "form": {"username": "example"},
                                   "after_posts": True}},
        {"storefront/analytics": {"provider": "plausible", "site": {"domain": domain}}},
        {"storefront/optimize": {}},
    ]


def _entries(plugins) -> list:
    if plugins is None:
        return []
    if isinstance(plugins, dict):
        return [{name: options} if options else name for name, options in plugins.items()]
    return list(plugins)


def _name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def write_variant(config_file: Path, added: list) -> Path:
    """The site's config with the storefront plugins added, next to it (relative paths in it
    keep working). storefront/calendar goes first, storefront/optimize last, the rest after
    the site's own plugins; the site's own storefront entries are replaced."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if "plugins" not in config:
        config["plugins"] = ["search"]  # MkDocs' default when the key is absent
    own = [entry for entry in _entries(config.get("plugins"))
           if not _name(entry).startswith("storefront/")]
    first = [entry for entry in added if _name(entry) == "storefront/calendar"]
    last = [entry for entry in added if _name(entry) == "storefront/optimize"]
    middle = [entry for entry in added if entry not in first and entry not in last]
    config["plugins"] = first + own + middle + last
    variant = config_file.with_name(VARIANT)
    variant.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    return variant


def build(config_file: Path, site_dir: Path, log: Path) -> tuple[float, int]:
    """`mkdocs build` of one config (seconds, warnings); the log goes to `log`."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", config_file.name, "-d", str(site_dir)],
            cwd=config_file.parent, stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy(),
            check=False)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed ({config_file.name}); see {log}")
    warnings = sum(1 for line in log.read_text(encoding="utf-8").splitlines()
                   if line.startswith("WARNING"))
    return seconds, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", nargs="?", type=Path, help="the folder with mkdocs.yml")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--plugins", type=Path, help="YAML list of plugin entries to add")
    parser.add_argument("--work", type=Path, help="where builds, logs and the report go")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("PLAIN", "SUITE"),
                        help="compare two built site folders, build nothing")
    parser.add_argument("--show", type=int, default=30, help="differences to print (default 30)")
    args = parser.parse_args(argv)

    facts: dict = {}
    if args.compare:
        plain, suite = args.compare
        work = args.work
    else:
        if args.project is None:
            parser.error("give a project folder, or --compare PLAIN SUITE")
        project = args.project.resolve()
        config_file = project / args.config_file
        work = (args.work or HERE / ".work" / "content-compare" / project.name).resolve()
        work.mkdir(parents=True, exist_ok=True)
        plain, suite = work / "plain", work / "suite"
        site_url = (yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}).get("site_url")
        added = (yaml.safe_load(args.plugins.read_text(encoding="utf-8")) if args.plugins
                 else default_plugins(work / "data", site_url if isinstance(site_url, str) else None))
        variant = write_variant(config_file, added)
        try:
            facts["plain_seconds"], facts["plain_warnings"] = build(config_file, plain, work / "plain.log")
            facts["suite_seconds"], facts["suite_warnings"] = build(variant, suite, work / "suite.log")
        finally:
            variant.unlink(missing_ok=True)
    report = compare_sites(plain, suite)
    print(report.summary())
    for key, value in facts.items():
        print(f"  {key}: {value:.1f}" if isinstance(value, float) else f"  {key}: {value}")
    for page in report.only_plain[:args.show]:
        print(f"  only in the plain build: {page}")
    for difference in report.differences[:args.show]:
        print(f"  {difference.page}: {difference.kind}: {difference.detail}")
    if work:
        work.mkdir(parents=True, exist_ok=True)
        (work / "report.json").write_text(json.dumps(
            {"summary": report.summary(), **facts, "pages": report.pages,
             "only_plain": report.only_plain, "only_suite": report.only_suite,
             "differences": [asdict(d) for d in report.differences]}, indent=1), encoding="utf-8")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
