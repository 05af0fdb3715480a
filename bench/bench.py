#!/usr/bin/env python3
"""Time the storefront plugins against a plain Material build of the same synthetic site.

    python bench/bench.py                  # 1,000 posts, every variant, 3 rounds
    python bench/bench.py -n 200 --only seo --rounds 5

The site has a small nav (home, about, blog index) as a real storefront does; posts are
reached through the blog index. Each variant is the plain build plus the plugins listed in
`bench/variants/<name>.yml`; `all` enables every variant's plugins together. Rounds are
interleaved (plain, seo, …, plain, seo, …) so drift on the machine hits all variants alike,
and each variant's figure is its median. Variants with a cache are timed warm (cache kept
from the previous round) and, with --cold, also cold (cache removed before each round).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(config: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, helper processes included) of one build.

    CPU time is what a busy or shared machine distorts least; wall time is what a user waits.
    """
    # After every generated post's date (the last is 2026-12-28), so storefront/calendar
    # keeps every post and all variants build the same pages as the plain build.
    env = dict(os.environ, STOREFRONT_NOW="2026-12-31T12:00:00Z", NO_MKDOCS_2_WARNING="1")
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed for {config.name}:\n{result.stderr[-3000:]}")
    return elapsed, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append", help="variant name (repeatable); 'all' for all together")
    parser.add_argument("--cold", action="store_true", help="also time variants with their caches removed")
    args = parser.parse_args()

    root = WORK / f"site-{args.pages}"
    generate(root, args.pages)
    variants = load_variants()
    chosen = args.only or [*variants, "all"]
    configs: dict[str, tuple[Path, list[str]]] = {"plain": (write_config(root, "plain", [], {}), [])}
    for name in chosen:
        if name == "all":
            plugins, files, caches = [], {}, []
            for spec in variants.values():
                plugins += [p for p in spec.get("plugins", []) if p not in plugins]
                files.update(spec.get("files", {}))
                caches += spec.get("cache", [])
            configs["all"] = (write_config(root, "all", plugins, files), caches)
        else:
            spec = variants[name]
            configs[name] = (write_config(root, name, spec.get("plugins", []), spec.get("files", {})),
                             spec.get("cache", []))

    modes = ["warm", "cold"] if args.cold else ["warm"]
    times: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    for config, _ in configs.values():  # one untimed round: warms caches and the OS file cache
        run_build(config)
    for round_ in range(args.rounds):
        for name, (config, caches) in configs.items():
            for mode in modes:
                if mode == "cold":
                    if not caches:
                        continue
                    for cache in caches:
                        shutil.rmtree(config.parent / cache, ignore_errors=True)
                wall, cpu = run_build(config)
                times.setdefault((name, mode), []).append(wall)
                cpus.setdefault((name, mode), []).append(cpu)
                print(f"round {round_ + 1}: {name:<12} {mode:<5} {wall:7.2f} s wall {cpu:7.2f} s CPU",
                      file=sys.stderr)
    plain = statistics.median(times[("plain", "warm")])
    plain_cpu = statistics.median(cpus[("plain", "warm")])
    out = io.StringIO()
    out.write(f"{args.pages} pages, {args.rounds} rounds, median of each (seconds)\n")
    out.write(f"{'variant':<14}{'mode':<6}{'wall':>8}{'ratio':>8}{'CPU':>8}{'ratio':>8}\n")
    for (name, mode), values in times.items():
        median = statistics.median(values)
        cpu = statistics.median(cpus[(name, mode)])
        out.write(f"{name:<14}{mode:<6}{median:8.2f}{median / plain:8.3f}{cpu:8.2f}{cpu / plain_cpu:8.3f}\n")
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
