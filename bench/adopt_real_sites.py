"""Neutral defaults on real sites: add storefront/seo, storefront/calendar and a newsletter form
to a copy of a real MkDocs site, build it with --strict, and report what the defaults made of
it (card colour, newsletter heading and consent, cadence notice level, demo words in output).

    python bench/adopt_real_sites.py /work/sites/mkdocs-material /work/sites/mkdocs \\
        --work /tmp/adopt-sites [--pages 40]

Each site is copied (without its .git) into WORK/<name>; `--pages N` keeps only the first N
Markdown pages (sorted) and drops the nav, so a large site builds in seconds.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

DEMO = re.compile(r"\b(hearth|bakery|bread|sourdough|oven|loaf|loaves|pastr(?:y|ies)|croissants?)\b|\bCrumb\b",
                  re.IGNORECASE)


class _Loader(yaml.SafeLoader):
    pass


def _any_tag(loader, suffix, node):  # !!python/name:… and !ENV tags: keep the scalar
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def prepare(source: Path, work: Path, pages: int | None) -> Path:
    target = work / source.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".git", "site", ".cache"))
    config_path = target / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_Loader)
    docs = target / config.get("docs_dir", "docs")
    if pages:
        keep = sorted(docs.rglob("*.md"))[:pages]
        for path in docs.rglob("*.md"):
            if path not in keep and path.name != "index.md":
                path.unlink()
    # only the plugins under test (the site's own may need network or git history)
    lines = text.splitlines()
    out, skipping = [], False
    for line in lines:
        if re.match(r"^(plugins|nav|hooks):", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    out += ["plugins:", "  - storefront/calendar", "  - search",
            "  - storefront/newsletter:", "      provider: buttondown", "      form: {username: example}",
            "      after_pages: ['*.md']", "  - storefront/seo"]
    config_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return target


def report(folder: Path) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder,
                            capture_output=True, text=True, timeout=1800,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                 "HOME": str(folder)})
    seconds = time.perf_counter() - started
    site = folder / "site"
    colour = None
    cards = sorted((site / "assets/storefront/cards").glob("*.png")) if site.exists() else []
    if cards:
        from PIL import Image

        with Image.open(cards[0]) as image:
            colour = "#{:02x}{:02x}{:02x}".format(*image.convert("RGB").getpixel((5, 5)))
    heading = consent = None
    index = site / "index.html"
    if index.exists():
        from selectolax.lexbor import LexborHTMLParser

        page = LexborHTMLParser(index.read_text(encoding="utf-8"))
        node = page.css_first(".sf-newsletter__heading")
        heading = node.text().strip() if node else None
        node = page.css_first(".sf-newsletter__consent")
        consent = " ".join(node.text().split()) if node else None
    output = result.stdout + result.stderr
    cadence = [line.split(" -  ")[0].strip() for line in output.splitlines() if "cadence_days" in line]
    demo = sorted({m.group(0) for path in site.rglob("*.html")
                   for m in DEMO.finditer(path.read_text(encoding="utf-8"))}) if site.exists() else []
    return {"site": folder.name, "exit": result.returncode, "seconds": round(seconds, 1),
            "cards": len(cards), "card_colour": colour, "newsletter_heading": heading,
            "consent": consent, "cadence_levels": cadence, "demo_words_in_html": demo,
            "warnings": [line for line in output.splitlines() if line.startswith("WARNING")][:5]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/adopt-sites"))
    parser.add_argument("--pages", type=int, default=None)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for source in args.sites:
        folder = prepare(source, args.work, args.pages)
        for key, value in report(folder).items():
            print(f"{key:>20}: {value}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
