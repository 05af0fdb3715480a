"""`storefront check SITE_DIR [-f mkdocs.yml]`: refuse to deploy a site that shows too much.

Run it after any engine's build and before the deploy step. It exits 1, naming each file,
when the built site contains a draft, scheduled or expired page (or links to one), a social
image or canonical link that points nowhere, or a `///` block printed as text; 2 when it
cannot run; 0 when the site is fit to deploy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..cli import site_config, site_now, subcommand
from .site import Hidden, check_site

EXAMPLE = """example:
  mkdocs build && storefront check site/            # the gate before a deploy step
  zensical build && storefront check site/ -f mkdocs.yml
  storefront check public/ -f docs/mkdocs.yml --now 2027-01-04T09:00:00Z"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subcommand(subparsers, "check", help="check a built site before deploying it (any engine)",
                        description=__doc__.splitlines()[0], epilog=EXAMPLE, run=run)
    parser.add_argument("site_dir", metavar="SITE_DIR", help="the built site (e.g. site/)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="FILE",
                        help="the site's mkdocs.yml: its pages' dates say what must not be "
                             "published (default: mkdocs.yml)")
    parser.add_argument("--now", metavar="DATETIME",
                        help="judge dates at this instant instead of the build clock "
                             "(STOREFRONT_NOW, the calendar's now option, SOURCE_DATE_EPOCH, the clock)")


def hidden_pages(config, now) -> list[Hidden]:
    """The pages of the site's docs_dir that must not be published at `now`."""
    from mkdocs.structure.files import get_files

    from .. import support
    from ..calendar.states import describe_state, read_states

    tz = support.site_timezone(config)
    files = get_files(config)
    entries, _ = read_states(files, config, tz=tz, now=now)
    out = []
    for src_uri, entry in entries.items():
        if not entry.hidden:
            continue
        file = files.get_file_from_path(src_uri)
        dest = None if entry.channel == "blog" or file is None else file.dest_uri
        out.append(Hidden(entry.path, entry.title, entry.state.value, describe_state(entry, tz), dest))
    return out


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    site = Path(args.site_dir)
    if not (site / "index.html").is_file() and not any(site.glob("**/*.html")):
        print(f"storefront check: {site} holds no built site (no HTML file); build first", file=err)
        return 2
    config = site_config("check", args.config_file, err)
    now = site_now("check", config, args.now, err) if config is not None else None
    if now is None:
        return 2
    hidden = hidden_pages(config, now)
    report = check_site(site, site_url=config.site_url, hidden=hidden)
    for item in report.problems:
        print(f"ERROR: {site.as_posix().rstrip('/')}/{item}", file=out)
    files = len({p.file for p in report.problems})
    summary = (f"storefront check: {report.pages} pages read, {len(hidden)} unpublished in the "
               f"sources, {len(report.problems)} problems in {files} files")
    if report.unchecked_urls:
        summary += f"; {report.unchecked_urls} URLs on other origins not checked"
    print(summary, file=out)
    return 1 if report.problems else 0
