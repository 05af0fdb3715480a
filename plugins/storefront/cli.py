"""The `storefront` command: `storefront lint`, `storefront calendar`, `storefront new`.

Each subcommand lives beside its plugin (`storefront/<plugin>/cli.py`, or
`storefront/template/cli.py` for `new`) and exposes `register(subparsers)`, which adds its
parser and sets `func` to a callable taking the parsed args and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

SUBCOMMANDS = ("storefront.lint.cli", "storefront.calendar.cli", "storefront.template.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storefront", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in SUBCOMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            # Skip a subcommand whose plugin (or its cli module) is not there; a missing
            # dependency inside an existing module is a real error.
            if error.name is None or not (module_name + ".").startswith(error.name + "."):
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
