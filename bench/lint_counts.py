#!/usr/bin/env python3
"""Build a real site with storefront/lint on and count its findings per rule.

    python bench/lint_counts.py /path/to/site                    # lint only
    python bench/lint_counts.py /path/to/site --with seo schema  # plus other storefront plugins
    python bench/lint_counts.py SITE --out counts.json           # keep the counts for a comparison
    python bench/lint_counts.py SITE --exclude "generated/*"     # with lint's exclude option
    python bench/lint_counts.py --compare before.json after.json # per-rule table, before -> after

The site's mkdocs.yml is not changed: a copy next to it (`mkdocs.storefront-lint.yml`) gets the
plugins added at the end of its `plugins:` list, so relative paths still resolve. The build
goes to a temporary folder; the lint's JSON report is read back. Copy a site into a scratch folder
first: the build writes `.cache/` folders.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path


def lint_config(site: Path, extra: list[str], exclude: list[str] = ()) -> Path:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^plugins:[ \t]*\n", text, re.M)
    block = "".join(f"  - storefront/{name}\n" for name in extra)
    block += ("  - storefront/lint:\n      cache: false\n      report_formats: [json]\n"
              "      reports_dir: .storefront/lint-counts\n")
    if exclude:
        block += "      exclude: [" + ", ".join(f'"{pattern}"' for pattern in exclude) + "]\n"
    if match is None:
        text += "\nplugins:\n  - search\n" + block
    else:
        # at the end of the list, as a user adds a plugin (after minify, if the site has it)
        end = re.compile(r"^[^\s#]", re.M).search(text, match.end())
        cut = end.start() if end else len(text)
        text = text[:cut].rstrip("\n") + "\n" + block + "\n" + text[cut:]
    target = site / "mkdocs.storefront-lint.yml"
    target.write_text(text, encoding="utf-8")
    return target


def count(site: Path, extra: list[str], exclude: list[str] = ()) -> dict:
    config = lint_config(site, extra, exclude)
    with tempfile.TemporaryDirectory() as out:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", out],
                               cwd=site, capture_output=True, text=True)
    if build.returncode:
        sys.exit(build.stderr[-3000:])
    report = json.loads((site / ".storefront/lint-counts/lint.json").read_text(encoding="utf-8"))
    findings = report["findings"]
    finding_line = re.compile(r":\d+: \[[a-z0-9-]+\] ")
    other = [line for line in build.stderr.splitlines()
             if "storefront" in line and not finding_line.search(line)]
    return {"site": str(site), "with": extra, "exclude": list(exclude), "pages": len(report["pages"]),
            "findings": len(findings),
            "rules": dict(Counter(f["rule"] for f in findings).most_common()),
            "other_storefront_messages": len(other), "other_sample": other[:10]}


def compare(before: dict, after: dict) -> None:
    rules = sorted(set(before["rules"]) | set(after["rules"]),
                   key=lambda r: -max(before["rules"].get(r, 0), after["rules"].get(r, 0)))
    print(f"{'rule':32} {'before':>7} {'after':>7}")
    for rule in rules:
        print(f"{rule:32} {before['rules'].get(rule, 0):7} {after['rules'].get(rule, 0):7}")
    print(f"{'pages':32} {before['pages']:7} {after['pages']:7}")
    print(f"{'all findings':32} {before['findings']:7} {after['findings']:7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--with", dest="extra", nargs="*", default=[], help="other storefront plugins to enable")
    parser.add_argument("--exclude", nargs="*", default=[], help="storefront/lint's exclude patterns")
    parser.add_argument("--out", type=Path, help="write the counts as JSON here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*(json.loads(path.read_text()) for path in args.compare))
        return
    if args.site is None:
        parser.error("give a site folder or --compare")
    counts = count(args.site.resolve(), args.extra, args.exclude)
    text = json.dumps(counts, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
