"""The `storefront` command: `storefront lint`, `storefront calendar`, `storefront check`, `storefront new`.

Each subcommand lives beside its plugin (`storefront/<plugin>/cli.py`, or
`storefront/template/cli.py` for `new`) and exposes `register(subparsers)`, which adds its
parser (`subcommand` below) and sets `func` to a callable taking the parsed args and
returning an exit code. `site_config` and `site_now` read what the subcommands that look at
a site share: its configuration and the instant to judge dates at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

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


def subcommand(subparsers: Any, name: str, *, help: str, description: str, epilog: str,
               run: Callable[..., int]) -> argparse.ArgumentParser:
    """A subcommand's parser, shaped as every one is: a help line, a description and examples
    (printed as written), and `func` set to `run`."""
    parser = subparsers.add_parser(name, help=help, description=description, epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=run)
    return parser


def site_config(command: str, config_file: str, err: TextIO) -> Any:
    """The site's MkDocs configuration, read without building; None (said on `err`) when it
    cannot be read."""
    from . import support

    config, problem = support.load_config_quietly(config_file)
    if config is None:
        print(f"storefront {command}: {problem}", file=err)
    return config


def site_now(command: str, config: Any, given: str | None, err: TextIO) -> dt.datetime | None:
    """`--now` when given, else the build clock (STOREFRONT_NOW, the calendar's `now` option,
    SOURCE_DATE_EPOCH, the clock); None (said on `err`) when a setting is wrong."""
    from mkdocs.exceptions import PluginError

    from . import support
    from .core import clock

    try:
        return clock.build_now(given, environ={}) if given else support.site_now(config)
    except (clock.ClockError, PluginError) as error:
        print(f"storefront {command}: {error}", file=err)
        return None


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
