#!/usr/bin/env python3
"""A refactoring changes nothing a site gets: build one site with the whole storefront suite
from two copies of the code and compare every output file and every build message.

    python bench/code_compare.py PROJECT_DIR --old OLD_PLUGINS_DIR
    python bench/code_compare.py PROJECT_DIR --old /tmp/before/plugins --new plugins -f docs.yml
    python bench/code_compare.py PROJECT_DIR --old /tmp/before/plugins --warm   # the second builds

OLD_PLUGINS_DIR (and NEW, default this checkout's plugins/) is a folder holding the
`storefront` package, e.g. `git archive <commit> plugins | tar -x -C /tmp/before`. Each side
builds its own copy of the project (so no cache is shared) with that code first on
PYTHONPATH, the suite added as bench/content_compare.py adds it, and the build clock fixed
(STOREFRONT_NOW, SOURCE_DATE_EPOCH). Then every file of the two sites is compared byte for
byte, and the two logs line for line (the project's folder name taken out). With --warm each
side builds twice with its caches kept and the second builds are compared (what comes from
the caches). The exit status is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from content_compare import default_plugins, write_variant  # noqa: E402 - beside this script

NOW = "2026-12-01T09:00:00Z"
_TIMED = re.compile(r"Documentation built in|\(\d+%\), about|so far \(|done in [\d.]+ s")  # progress lines
EPOCH = "1764579600"  # the same instant


def build(project: Path, config_name: str, code: Path, work: Path, side: str,
          times: int = 1) -> tuple[Path, list[str]]:
    """The site and the log lines of one side's build (the last of `times` builds)."""
    copy = work / side / "project"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".git", "site", ".cache", "__pycache__"))
    config_file = copy / config_name
    site_url = None
    variant = write_variant(config_file, default_plugins(work / side / "data", site_url))
    site = work / side / "site"
    if site.exists():
        shutil.rmtree(site)
    env = {**os.environ, "PYTHONPATH": str(code.resolve()), "STOREFRONT_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH}
    for _ in range(times):
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", variant.name, "-d", str(site)],
                                cwd=copy, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            break
    lines = (result.stdout + result.stderr).replace(str(work / side), "<work>").splitlines()
    lines = [line for line in lines if not _TIMED.search(line)]
    if result.returncode != 0:
        raise SystemExit(f"{side}: the build failed:\n" + "\n".join(lines[-30:]))
    return site, lines


def differing_files(old: Path, new: Path) -> tuple[list[str], list[str], list[str]]:
    """(only in old, only in new, in both but different), as paths in the site."""
    old_files = {p.relative_to(old).as_posix() for p in old.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()}
    both = sorted(old_files & new_files)
    changed = [rel for rel in both if not filecmp.cmp(old / rel, new / rel, shallow=False)]
    return sorted(old_files - new_files), sorted(new_files - old_files), changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path, help="the folder with mkdocs.yml")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--old", type=Path, required=True, help="a folder holding the old storefront package")
    parser.add_argument("--new", type=Path, default=HERE.parent / "plugins", help="(default: plugins/)")
    parser.add_argument("--work", type=Path, help="where the copies and builds go")
    parser.add_argument("--warm", action="store_true", help="compare second builds (caches kept)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    work = (args.work or HERE / ".work" / "code-compare" / project.name).resolve()
    work.mkdir(parents=True, exist_ok=True)
    times = 2 if args.warm else 1
    old_site, old_log = build(project, args.config_file, args.old, work, "old", times)
    new_site, new_log = build(project, args.config_file, args.new, work, "new", times)
    only_old, only_new, changed = differing_files(old_site, new_site)
    pages = sum(1 for _ in new_site.rglob("*.html"))
    print(f"{project.name}: {pages} HTML pages, {len(only_old)} files only in the old build, "
          f"{len(only_new)} only in the new, {len(changed)} different; "
          f"log: {len(old_log)} and {len(new_log)} lines")
    for rel in only_old[:20]:
        print(f"  only old: {rel}")
    for rel in only_new[:20]:
        print(f"  only new: {rel}")
    for rel in changed[:20]:
        print(f"  differs: {rel}")
    log_diff = list(difflib.unified_diff(old_log, new_log, "old log", "new log", lineterm="", n=0))
    for line in log_diff[:40]:
        print("  " + line)
    return 1 if only_old or only_new or changed or log_diff else 0


if __name__ == "__main__":
    sys.exit(main())
