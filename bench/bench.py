#!/usr/bin/env python3
"""Time the storefront plugins against a plain Material build of the same synthetic site.

    python bench/bench.py                  # the whole suite at 1,000 and 5,000 posts, warm and cold
    python bench/bench.py -n 200 --only seo --rounds 5
    python bench/bench.py -n 1000 --only lint --only all --cold
    python bench/bench.py --before /path/to/venv-of-an-older-version/bin/python   # before/after, same rounds

The site has a small nav (home, about, blog index) as a real storefront does; posts are
reached through the blog index. Each variant is the plain build plus the plugins listed in
`bench/variants/<name>.yml`; `all` enables every variant's plugins together and
`all-nocards` is `all` with storefront/seo's social cards off. Rounds are interleaved
(plain, seo, …, plain, seo, …) so drift on the machine hits all variants alike, and each
variant's figure is its median. Variants with a cache are timed warm (cache kept from the
previous round) and, with --cold, also cold (cache removed before each round);
`all-nocards` is timed cold only (warm, cached cards cost nothing to skip).

Each build reports wall time, CPU time (user + system, lint's helper processes included)
and peak memory: the largest resident set of the build process or any of its helpers
(ru_maxrss from wait4). Without arguments: `all` and `all-nocards` at 1,000 and 5,000
pages, warm and cold.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
WORDS = (
    "bread flour water salt starter crumb crust oven morning dough proof shape bake loaf rye "
    "wheat butter pastry croissant laminate fold rest cool slice share neighbour customer shop "
    "window counter season apple maple pumpkin spice honey oat seed grain mill farmer field "
    "harvest local fresh warm golden crisp tender open airy dense sweet sour tangy rich simple "
    "because when while after before although however therefore also then finally first next"
).split()


def sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def make_png(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")


def generate(root: Path, pages: int, seed: int = 7) -> None:
    """Write a synthetic storefront of `pages` posts (~600 words each) under root/docs."""
    rng = random.Random(seed)
    docs = root / "docs"
    if root.exists():
        shutil.rmtree(root)
    (docs / "posts").mkdir(parents=True)
    for index in range(4):
        make_png(docs / "images" / f"photo{index}.png", (1200, 800), (120 + index * 30, 80, 40))
    (docs / "index.md").write_text(
        "---\ntitle: Bench Bakery\ndescription: A synthetic bakery site for benchmarks.\n---\n\n"
        "# Bench Bakery\n\n" + paragraph(rng) + "\n\n[Read the blog](blog.md)\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n\n" + paragraph(rng) + "\n", encoding="utf-8")
    links = "\n".join(f"- [Post {i}](posts/post-{i}.md)" for i in range(pages))
    (docs / "blog.md").write_text(
        "---\ntitle: Blog\ndescription: Every post of the bench bakery.\n---\n\n# Blog\n\n" + links + "\n",
        encoding="utf-8")
    for i in range(pages):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        body = [f"# Post {i}: {sentence(rng, 3, 6)[:-1]}", "", paragraph(rng, 5), ""]
        body += [f"![A loaf from batch {i}](../images/photo{i % 4}.png)", ""]
        for section in range(4):
            body += [f"## Section {section} of post {i}", "", paragraph(rng, 4), ""]
            if section == 1:
                body += [f"- {sentence(rng, 4, 8)}" for _ in range(4)] + [""]
            if section == 2:
                body += [f"See also [post {(i + 1) % pages}](post-{(i + 1) % pages}.md) and the "
                         f"[about page](../about.md).", ""]
        meta = {
            "title": f"Post {i} about {rng.choice(WORDS)} and {rng.choice(WORDS)}",
            "description": sentence(rng, 18, 24),
            "date": f"2026-{month:02d}-{day:02d}",
            "tags": [rng.choice(WORDS), rng.choice(WORDS)],
            "keyword": rng.choice(WORDS),
        }
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + "\n".join(body)
        (docs / "posts" / f"post-{i}.md").write_text(text, encoding="utf-8")


BASE = {
    "site_name": "Bench Bakery",
    "site_url": "https://bench.example/",
    "site_description": "A synthetic bakery site for benchmarks.",
    "docs_dir": "docs",
    "theme": {"name": "material", "font": False},
    "nav": [{"Home": "index.md"}, {"Blog": "blog.md"}, {"About": "about.md"}],
    "plugins": ["search"],
    "markdown_extensions": ["attr_list", "md_in_html", "admonition"],
}


def load_variants() -> dict[str, dict]:
    """Each bench/variants/<name>.yml: `plugins` (list, as in mkdocs.yml), optional
    `files` (project files to write, path -> text), optional `cache` (folders to clear
    for a cold run)."""
    variants = {}
    for path in sorted((HERE / "variants").glob("*.yml")):
        variants[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return variants


def write_config(root: Path, name: str, plugins: list, files: dict[str, str]) -> Path:
    """Each variant gets its own project folder (sharing the generated docs), so caches and
    data files of one variant never warm, evict or change another's."""
    project = root / name
    project.mkdir(parents=True, exist_ok=True)
    config = dict(BASE, docs_dir="../docs", site_dir="site", plugins=["search", *plugins])
    for rel, text in files.items():
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


_COMPILED: set[str] = set()


def compile_storefront(python: str) -> None:
    """Write the bytecode of the storefront package that `python` imports, once per run.

    pip compiles an installed package (MkDocs, Material, every plugin from PyPI), so a user's
    build never compiles their sources; an editable install in a shell with
    PYTHONDONTWRITEBYTECODE set would compile the suite's ~150 modules in every build (0.3 s
    of CPU), a cost no user pays, on the suite's side of every ratio.
    """
    if python in _COMPILED:
        return
    code = ("import compileall, pathlib, storefront; "
            "compileall.compile_dir(pathlib.Path(storefront.__file__).parent, quiet=1)")
    subprocess.run([python, "-c", code], check=True)
    _COMPILED.add(python)


def run_build(config: Path, python: str = sys.executable, site_dir: Path | None = None) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system, helper processes included) and peak
    resident memory (MB) of one build (into `site_dir` when given).

    CPU time is what a busy or shared machine distorts least; wall time is what a user waits.
    The storefront package's bytecode is written first (compile_storefront).
    """
    compile_storefront(python)
    # After every generated post's date (the last is 2026-12-28), so storefront/calendar
    # keeps every post and all variants build the same pages as the plain build.
    env = dict(os.environ, STOREFRONT_NOW="2026-12-31T12:00:00Z", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        command = [python, "-m", "mkdocs", "build", "-q", "-f", str(config)]
        command += ["-d", str(site_dir)] if site_dir is not None else []
        process = subprocess.Popen(command, cwd=config.parent, env=env, stdout=log, stderr=log)
        # wait4 gives this build's own usage: its CPU time with that of the helper processes it
        # waited for, and the largest resident set among them (kB on Linux).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.exit(f"build failed for {config}:\n{log.read().decode(errors='replace')[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def union(variants: dict[str, dict], cards: bool = True) -> tuple[list, dict[str, str], list[str]]:
    """Every variant's plugins, files and caches together (`all`); with cards=False,
    storefront/seo draws no social cards (`all-nocards`)."""
    plugins: list = []
    files: dict[str, str] = {}
    caches: list[str] = []
    for spec in variants.values():
        for plugin in spec.get("plugins", []):
            if not cards and isinstance(plugin, dict) and "storefront/seo" in plugin:
                plugin = {"storefront/seo": dict(plugin["storefront/seo"] or {}, cards=False)}
            if plugin not in plugins:
                plugins.append(plugin)
        files.update(spec.get("files", {}))
        caches += spec.get("cache", [])
    return plugins, files, caches


def bench_size(pages: int, chosen: list[str], rounds: int, cold: bool, before: str | None = None) -> str:
    """Generate a site of `pages` posts, time the chosen variants against the plain build,
    and return the table of medians. With `before` (another interpreter, e.g. a venv with an
    earlier version of the suite), each chosen variant is also built by it, in the same
    interleaved rounds, as `<variant>@before`."""
    root = WORK / f"site-{pages}"
    generate(root, pages)
    variants = load_variants()
    # (config, caches, modes, interpreter) per variant
    configs: dict[str, tuple[Path, list[str], list[str], str]] = {
        "plain": (write_config(root, "plain", [], {}), [], ["warm"], sys.executable)}
    for name in chosen:
        if name in ("all", "all-nocards"):
            plugins, files, caches = union(variants, cards=name == "all")
            modes = ["cold"] if name == "all-nocards" else (["warm", "cold"] if cold else ["warm"])
        else:
            spec = variants[name]
            plugins, files, caches = spec.get("plugins", []), spec.get("files", {}), spec.get("cache", [])
            modes = ["warm", "cold"] if cold and caches else ["warm"]
        configs[name] = (write_config(root, name, plugins, files), caches, modes, sys.executable)
        if before:  # its own project folder: the two versions' caches never mix
            configs[f"{name}@before"] = (write_config(root, f"{name}@before", plugins, files), caches, modes, before)

    walls: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    peaks: dict[tuple[str, str], list[float]] = {}
    for config, _, _, python in configs.values():  # one untimed round: warms caches and the OS file cache
        run_build(config, python)
    for round_ in range(rounds):
        for name, (config, caches, modes, python) in configs.items():
            for mode in modes:
                if mode == "cold":
                    for cache in caches:
                        shutil.rmtree(config.parent / cache, ignore_errors=True)
                wall, cpu, peak = run_build(config, python)
                walls.setdefault((name, mode), []).append(wall)
                cpus.setdefault((name, mode), []).append(cpu)
                peaks.setdefault((name, mode), []).append(peak)
                print(f"{pages} pages, round {round_ + 1}: {name:<12} {mode:<5} {wall:7.2f} s wall "
                      f"{cpu:7.2f} s CPU {peak:7.1f} MB", file=sys.stderr)
    if not rounds:
        return f"{pages} pages: sites written and built once under {root}\n"
    plain = {figure: statistics.median(values[("plain", "warm")])
             for figure, values in (("wall", walls), ("cpu", cpus), ("peak", peaks))}
    out = io.StringIO()
    out.write(f"{pages} pages, {rounds} rounds, median of each (wall and CPU in seconds, peak memory in MB)\n")
    out.write(f"{'variant':<20}{'mode':<6}{'wall':>8}{'ratio':>8}{'CPU':>8}{'ratio':>8}{'peak':>8}{'ratio':>8}\n")
    for (name, mode), values in walls.items():
        wall = statistics.median(values)
        cpu = statistics.median(cpus[(name, mode)])
        peak = statistics.median(peaks[(name, mode)])
        out.write(f"{name:<20}{mode:<6}{wall:8.2f}{wall / plain['wall']:8.3f}{cpu:8.2f}"
                  f"{cpu / plain['cpu']:8.3f}{peak:8.1f}{peak / plain['peak']:8.3f}\n")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--pages", type=int, action="append",
                        help="posts in the synthetic site (repeatable); default: 1,000 and 5,000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append",
                        help="variant name (repeatable); 'all' for all together, 'all-nocards' for all "
                             "without social cards; default: all and all-nocards")
    parser.add_argument("--cold", action="store_true", help="also time variants with their caches removed "
                        "(the default when no variant is chosen)")
    parser.add_argument("--before", metavar="PYTHON",
                        help="also build each chosen variant with this interpreter (a venv with an earlier "
                             "version of the suite installed), in the same rounds, as <variant>@before")
    args = parser.parse_args()
    sizes = args.pages or [1000, 5000]
    chosen = args.only or ["all", "all-nocards"]
    cold = args.cold or not args.only
    unknown = set(chosen) - set(load_variants()) - {"all", "all-nocards"}
    if unknown:
        parser.error(f"unknown variant {', '.join(sorted(unknown))}; see bench/variants/")
    tables = [bench_size(pages, chosen, args.rounds, cold, args.before) for pages in sizes]
    print("\n".join(tables), end="")


if __name__ == "__main__":
    main()
