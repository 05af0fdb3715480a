"""The `storefront` command: `storefront lint`, `storefront calendar`, `storefront check`, `storefront new`.

Each subcommand lives beside its plugin (`storefront/<plugin>/cli.py`, or
`storefront/template/cli.py` for `new`) and exposes `register(subparsers)`, which adds its
parser and sets `func` to a callable taking the parsed args and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

SUBCOMMANDS = ("storefront.lint.cli", "storefront.calendar.cli", "storefront.check.cli",
               "storefront.template.cli")


EXAMPLES = """\
examples:
  storefront new ../harbour-plumbing --name "Harbour Plumbing" --type Plumber \\
      --timezone Europe/London --url https://harbour.example/
  storefront lint --strict
  storefront calendar --next
  storefront SUBCOMMAND --help     # the options and an example of each subcommand
"""


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="storefront", description=__doc__.splitlines()[0], epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in SUBCOMMANDS:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, not at exit, where a closed pipe is "Exception ignored" and status 120
        return code
    except BrokenPipeError:
        # The reader went away (`storefront calendar | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
