#!/usr/bin/env python3
"""The whole suite's cost on a real site: the site's own build against the same build with
every storefront plugin added (content_compare.py's variant config), warm and cold.

    python bench/real_sites_speed.py PROJECT_DIR [PROJECT_DIR ...] --rounds 3
    python bench/real_sites_speed.py PROJECT_DIR --before /path/to/older/venv/bin/python

Rounds are interleaved (plain, suite warm, suite cold, …) and each figure is the median, as
in bench.py; wall time, CPU time (helper processes included) and peak memory of each build
come from wait4. Cold: the suite's caches (.cache/storefront) removed before the build.
The project folder must be writable (builds write caches there): copy a site you do not own.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import run_build  # one way to time a build (wait4: wall, CPU, peak memory)
from content_compare import default_plugins, write_variant


def bench(project: Path, config_name: str, rounds: int, before: str | None) -> str:
    work = Path(__file__).resolve().parent / ".work" / "real-speed" / project.name
    work.mkdir(parents=True, exist_ok=True)
    plain_config = project / config_name
    suite_config = write_variant(plain_config, default_plugins(work / "data", None))
    runs: list[tuple[str, str, Path, str]] = [("plain", "warm", plain_config, sys.executable),
                                              ("suite", "warm", suite_config, sys.executable),
                                              ("suite", "cold", suite_config, sys.executable)]
    if before:
        runs += [("suite@before", "warm", suite_config, before), ("suite@before", "cold", suite_config, before)]
    figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    caches = project / ".cache" / "storefront"
    saved = {}  # each version keeps its own warm cache between its rounds
    for round_ in range(rounds + 1):  # round 0 warms caches and the OS file cache, untimed
        for name, mode, config, python in runs:
            shutil.rmtree(caches, ignore_errors=True)
            if mode == "warm" and name in saved:
                shutil.copytree(saved[name], caches)
            result = run_build(config, python, work / f"site-{name}")
            if name != "plain" and mode == "warm":
                saved[name] = work / f"cache-{name}"
                shutil.rmtree(saved[name], ignore_errors=True)
                if caches.exists():
                    shutil.copytree(caches, saved[name])
            if round_:
                figures.setdefault((name, mode), []).append(result)
                print(f"{project.name} round {round_}: {name:<13}{mode:<5} {result[0]:7.2f} s wall "
                      f"{result[1]:7.2f} s CPU {result[2]:7.1f} MB", file=sys.stderr)
    suite_config.unlink()
    pages = sum(1 for _ in (work / "site-plain").rglob("*.html"))
    plain = [statistics.median(f[i] for f in figures[("plain", "warm")]) for i in range(3)]
    lines = [f"{project.name}: {pages} HTML pages, {rounds} rounds, medians (s, s, MB)",
             f"{'build':<19}{'wall':>8}{'ratio':>8}{'CPU':>8}{'ratio':>8}{'peak':>8}{'ratio':>8}"]
    for (name, mode), values in figures.items():
        median = [statistics.median(v[i] for v in values) for i in range(3)]
        cells = "".join(f"{m:8.2f}{m / p:8.3f}" for m, p in zip(median, plain, strict=True))
        lines.append(f"{name + ' ' + mode:<19}{cells}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("projects", nargs="+", type=Path)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", metavar="PYTHON", help="also build the suite with this interpreter")
    args = parser.parse_args()
    print("\n".join(bench(p.resolve(), args.config_file, args.rounds, args.before) for p in args.projects), end="")


if __name__ == "__main__":
    main()
