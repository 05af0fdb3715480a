#!/usr/bin/env python3
"""storefront/analytics on a real site: build it plain and with the plugin, and compare.

    python bench/analytics_sites.py /path/to/site [--provider plausible --site domain=example.org]

Builds the site twice from its own mkdocs.yml (the second time with storefront/analytics
appended to its plugins) into temp folders, then checks, page by page, that the only change
is the one `<script data-sf-analytics>` tag before `</head>` (and the asset files), and
prints the counts. Copy a site under /work/scratch first: builds write .cache/ folders.
No timing here (see bench/bench.py --only analytics for the cost).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import yaml_load

# as written, or as a minifier (mkdocs-minify-plugin) leaves it: unquoted attributes, no newline
TAG = re.compile(r"""<script src=["']?[^\s"'>]*assets/storefront/analytics\.js["']? defer data-sf-analytics"""
                 r"""[^>]*></script>\n?""")
SPACE = re.compile(r"\s+")
# With a consent-based provider: the banner's stylesheet and the "privacy settings" link in the
# copyright line (alone in its own element when the site has no copyright).
CONSENT = (
    re.compile(r"""<link (?:href=["']?[^\s"'>]*assets/storefront/analytics\.css["']? rel=["']?stylesheet["']?|"""
               r"""rel=["']?stylesheet["']? href=["']?[^\s"'>]*assets/storefront/analytics\.css["']?)\s*/?>\n?"""),
    re.compile(r"""\s*<div class=["']?md-copyright__highlight["']?>\s*"""
               r"""<a href=["']?#(?:privacy-settings|__consent)["']? """
               r"""class=["']?sf-privacy-settings["']? data-sf-privacy-settings>[^<]*</a>\s*</div>"""),
    re.compile(r""" · <a href=["']?#(?:privacy-settings|__consent)["']? class=["']?sf-privacy-settings["']? """
               r"""data-sf-privacy-settings>[^<]*</a>"""),
)


def build_into(config_file: Path, site_dir: Path, extra_plugin: dict | None) -> None:
    with open(config_file, encoding="utf-8") as handle:
        raw = yaml_load(handle) or {}
    plugins = list(raw.get("plugins") or ["search"])
    if extra_plugin:
        plugins.append(extra_plugin)
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), plugins=plugins)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="folder holding the site's mkdocs.yml")
    parser.add_argument("--provider", default="plausible")
    parser.add_argument("--site-option", action="append", default=[], metavar="KEY=VALUE",
                        help="a `site` option of the provider (default domain=example.org)")
    args = parser.parse_args(argv)
    options = dict(item.split("=", 1) for item in args.site_option) or {"domain": "example.org"}
    config_file = args.site / "mkdocs.yml"
    with tempfile.TemporaryDirectory() as tmp:
        plain, with_plugin = Path(tmp) / "plain", Path(tmp) / "analytics"
        build_into(config_file, plain, None)
        build_into(config_file, with_plugin, {"storefront/analytics": {"provider": args.provider, "site": options}})
        plain_files = {p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file()}
        new_files = {p.relative_to(with_plugin).as_posix() for p in with_plugin.rglob("*") if p.is_file()}
        added = sorted(new_files - plain_files)
        missing = sorted(plain_files - new_files)
        pages = tagged = differing = 0
        problems: list[str] = []
        for name in sorted(plain_files & new_files):
            if not name.endswith(".html"):
                continue
            pages += 1
            before = (plain / name).read_text(encoding="utf-8", errors="replace")
            after = (with_plugin / name).read_text(encoding="utf-8", errors="replace")
            found = TAG.findall(after)
            tagged += bool(found)
            if len(found) > 1:
                problems.append(f"{name}: {len(found)} analytics tags")
            stripped = TAG.sub("", after)
            for pattern in CONSENT:
                stripped = pattern.sub("", stripped)
            if SPACE.sub(" ", stripped) != SPACE.sub(" ", before):  # a theme loop's blank lines
                differing += 1
                if len(problems) < 10:
                    problems.append(f"{name}: differs beyond the analytics tag")
        print(f"{args.site}: {pages} HTML pages, {tagged} with the analytics tag, "
              f"{differing} differing beyond it; files added: {added}; files missing: {missing}")
        for problem in problems:
            print("  " + problem)
        return 1 if differing or missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
