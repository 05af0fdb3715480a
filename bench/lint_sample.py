"""Draw a random sample of storefront/lint findings from a real site's lint.json, each with its
Markdown source context, so an editor can judge it; then score the judged sample.

    # 1. build the site with storefront/lint on (report_formats: [json], cache: false)
    # 2. draw the sample (fixed seed) as a Markdown file to judge:
    python bench/lint_sample.py sample PROJECT/.storefront/lint/lint.json --project PROJECT \\
        --site mkdocs-material --n 40 --seed 2026 > bench/lint_precision/mkdocs-material.md
    # 3. write "verdict: right" or "verdict: wrong - why" under each finding, then:
    python bench/lint_sample.py score bench/lint_precision/*.md

The sample is drawn with `random.Random(seed).sample` over the findings sorted by (path,
line, rule, message), so the same report and seed give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

CONTEXT = 2  # source lines shown above and below the finding's line


def load(report: Path) -> list[dict]:
    data = json.loads(report.read_text(encoding="utf-8"))
    items = data.get("findings") or [f for page in data.get("pages", []) for f in page.get("findings", [])]
    return sorted(items, key=lambda f: (f["path"], f["line"], f["rule"], f["message"]))


def context(project: Path, path: str, line: int) -> str:
    source = project / path
    if not source.is_file():
        return f"    (source {path} not found)"
    lines = source.read_text(encoding="utf-8", errors="replace").split("\n")
    start, end = max(1, line - CONTEXT), min(len(lines), line + CONTEXT)
    out = []
    for number in range(start, end + 1):
        text = lines[number - 1]
        text = text if len(text) <= 220 else text[:217] + "..."
        out.append(f"    {'>' if number == line else ' '}{number:5d} | {text}")
    return "\n".join(out)


def sample(args) -> None:
    findings = load(args.report)
    chosen = random.Random(args.seed).sample(findings, min(args.n, len(findings)))
    chosen.sort(key=lambda f: (f["path"], f["line"], f["rule"]))
    rules = Counter(f["rule"] for f in findings)
    print(f"# Lint precision sample: {args.site}\n")
    print(f"- report: `{args.report}`; findings: {len(findings)}; sampled: {len(chosen)}; seed: {args.seed}")
    print(f"- findings per rule: {', '.join(f'{rule} {count}' for rule, count in rules.most_common())}\n")
    for number, finding in enumerate(chosen, 1):
        print(f"## {number}. [{finding['rule']}] {finding['path']}:{finding['line']} ({finding['severity']})\n")
        print(f"> {finding['message']}\n")
        print(context(args.project, finding["path"], int(finding["line"])))
        print("\nverdict: ?\n")


_VERDICT = re.compile(r"^verdict:\s*(right|wrong|\?)", re.IGNORECASE | re.MULTILINE)
_FINDINGS = re.compile(r"findings: (\d+)")


def score(args) -> None:
    print("| site | findings | sampled | right | precision |")
    print("|---|---|---|---|---|")
    failed = False
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        verdicts = [v.lower() for v in _VERDICT.findall(text)]
        total = _FINDINGS.search(text)
        right = verdicts.count("right")
        judged = len([v for v in verdicts if v != "?"])
        if judged < len(verdicts):
            print(f"{path}: {len(verdicts) - judged} findings not judged yet", file=sys.stderr)
            failed = True
        precision = 100 * right / judged if judged else 0.0
        print(f"| {path.stem} | {total.group(1) if total else '?'} | {len(verdicts)} | {right} | {precision:.0f} % |")
    if failed:
        sys.exit(1)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    draw = sub.add_parser("sample", help="print a random sample of findings with their source context")
    draw.add_argument("report", type=Path, help="the lint.json report")
    draw.add_argument("--project", type=Path, required=True, help="the folder of mkdocs.yml (paths are relative to it)")
    draw.add_argument("--site", default="site", help="the site's name for the heading")
    draw.add_argument("--n", type=int, default=30, help="how many findings (default 30)")
    draw.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    judged = sub.add_parser("score", help="count the verdicts of judged sample files")
    judged.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    (sample if args.command == "sample" else score)(args)


if __name__ == "__main__":
    main()
