"""`storefront new DIR`: a new storefront from the template, ready to build.

    storefront new ../harbour-plumbing
    cd ../harbour-plumbing && mkdocs build --strict

The new folder holds mkdocs.yml, content/ (the pages), site_template/ (the theme overrides
and brand colours), seo/ (the business profile, calls to action, editorial plan) and
deploy/ (the _headers template and a CI workflow).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from . import skeleton

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new", help="create a new storefront from the template",
        description=__doc__.splitlines()[0],
        epilog="example:\n  storefront new ../corner-shop && cd ../corner-shop && mkdocs build --strict",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", metavar="DIR", help="the folder to create (must be new or empty)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    target = Path(args.directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"storefront new: {target} already exists and is not empty; "
              "choose a new folder name", file=err)
        return 2
    source = skeleton.locate()
    if source is None:
        print("storefront new: the storefront template is not installed with this package; "
              "reinstall mkdocs-storefront from a wheel or run it from a clone of the repository",
              file=err)
        return 2
    try:
        skeleton.copy_template(source, target)
        gitignore = target / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text(skeleton.GITIGNORE, encoding="utf-8")
    except OSError as error:
        print(f"storefront new: could not write {target} ({error.strerror or error})", file=err)
        return 1
    print(f"Created a new storefront in {target}.", file=out)
    print("Next: put your business in seo/business.yml, your pages in content/, your colours in "
          "site_template/stylesheets/brand.css, then build it:", file=out)
    print(f"    cd {target} && mkdocs build --strict", file=out)
    return 0
