"""`storefront new DIR`: a new client site, neutral and ready to build.

    storefront new ../harbour-plumbing --name "Harbour Plumbing" --type Plumber \\
        --timezone Europe/London --url https://harbour.example/ --locale en_GB --colour "#1f5fa8"
    cd ../harbour-plumbing && mkdocs build --strict

It writes the pages (home, services or products, about, contact, privacy, a blog with one
example post), seo/business.yml from the flags, brand colours from --colour, requirements.txt,
the deploy workflow (.github/workflows/deploy.yml) and the theme overrides (site_template/).
Every value still to fill in is marked PLACEHOLDER. On a terminal, facts not given as flags
are asked for; otherwise the placeholders are used and listed. `--example bakery` writes the
demo storefront instead.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..cli import subcommand
from . import skeleton, starter
from .brand import DEFAULT_COLOUR, HEX
from .facts import LOCALE, PLACEHOLDER, Facts
from .pins import requirements, suite_requirement

__all__ = ["register", "run"]

EXAMPLES = ("bakery",)
EPILOG = """\
examples:
  storefront new ../harbour-plumbing --name "Harbour Plumbing" --type Plumber \\
      --timezone Europe/London --url https://harbour.example/ --locale en_GB
  storefront new ../corner-shop --name "Corner Shop" --type Store --provider buttondown
  storefront new ../demo --example bakery      # the demo storefront, as in the repository
"""


class BadFact(ValueError):
    """A flag or answer that cannot be used; the message says why and what would do."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subcommand(subparsers, "new", help="create a new client site (or the demo, --example bakery)",
                        description=__doc__.splitlines()[0], epilog=EPILOG, run=run)
    parser.add_argument("directory", metavar="DIR", help="the folder to create (must be new or empty)")
    parser.add_argument("--name", help='the business name, e.g. "Harbour Plumbing"')
    parser.add_argument("--type", help="its schema.org LocalBusiness type, e.g. Plumber, Dentist, Store "
                                       "(default LocalBusiness)")
    parser.add_argument("--timezone", help="the IANA timezone, e.g. Europe/London (default UTC)")
    parser.add_argument("--url", help="the site's address, e.g. https://harbour.example/")
    parser.add_argument("--locale", help="language and region, e.g. en_GB (default en)")
    parser.add_argument("--provider", help="the newsletter provider, e.g. mailchimp, buttondown")
    parser.add_argument("--colour", "--color", dest="colour",
                        help=f'the brand colour, e.g. "#1f5fa8" (default {DEFAULT_COLOUR})')
    parser.add_argument("--example", choices=EXAMPLES, help="write a demo storefront instead")


# --- checking the facts ----------------------------------------------------------------------

def _did_you_mean(value: str, candidates: list[str]) -> str:
    lower = {c.lower(): c for c in candidates}
    if value.lower() in lower:
        return f"; did you mean {lower[value.lower()]}?"
    match = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f"; did you mean {match[0]}?" if match else ""


def check_type(value: str) -> str:
    from ..schema import vocabulary

    value = value.strip()
    if vocabulary.is_business_type(value) or value == vocabulary.ORGANIZATION:
        return value
    hint = vocabulary.suggest(value) or difflib.get_close_matches(
        value, list(vocabulary.shipped()["types"]), n=1, cutoff=0.6)
    hint = hint[0] if isinstance(hint, list) and hint else hint
    raise BadFact(f'--type "{value}" is not a schema.org LocalBusiness type'
                  + (f"; did you mean {hint}?" if hint else
                     " (e.g. Plumber, Dentist, HairSalon, Store, or LocalBusiness)"))


def check_timezone(value: str) -> str:
    import zoneinfo

    value = value.strip()
    try:
        zoneinfo.ZoneInfo(value)
        return value
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    raise BadFact(f'--timezone "{value}" is not an IANA timezone'
                  + (_did_you_mean(value, sorted(zoneinfo.available_timezones()))
                     or " (e.g. Europe/London, America/New_York)"))


def check_url(value: str) -> str:
    from urllib.parse import urlsplit

    value = value.strip()
    parts = urlsplit(value)
    if (parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password
            or parts.query or parts.fragment or re.search(r"[\s\x00-\x1f]", value)):
        raise BadFact(f'--url "{value}" is not the address of a site; write it like https://harbour.example/')
    return value if value.endswith("/") else value + "/"


def check_locale(value: str) -> str:
    value = value.strip().replace("-", "_")
    match = LOCALE.match(value)
    if not match:
        raise BadFact(f'--locale "{value}" is not a locale; write it like en_GB or de_DE')
    return value


def check_provider(value: str) -> str:
    from ..newsletter.providers import names

    value = value.strip()
    if value in names():
        return value
    raise BadFact(f'--provider "{value}" is not a newsletter provider the suite knows'
                  + (_did_you_mean(value, names()) or f" ({', '.join(names())})"))


def check_colour(value: str) -> str:
    value = value.strip()
    if not HEX.match(value):
        raise BadFact(f'--colour "{value}" is not a hex colour; write it like "#1f5fa8"')
    return value.lower()


def check_name(value: str) -> str:
    value = " ".join(value.split())
    if not value or re.search(r"[\x00-\x1f\x7f]", value):
        raise BadFact("--name must be the business name, e.g. \"Harbour Plumbing\"")
    return value


CHECKS: dict[str, Callable[[str], str]] = {
    "name": check_name, "type": check_type, "timezone": check_timezone, "url": check_url,
    "locale": check_locale, "provider": check_provider, "colour": check_colour,
}
QUESTIONS = {
    "name": "Business name", "type": "schema.org type (Plumber, Dentist, Store…)",
    "timezone": "Timezone (e.g. Europe/London)", "url": "Site address (https://…)",
    "locale": "Locale (e.g. en_GB)", "provider": "Newsletter provider (blank for none)",
    "colour": "Brand colour (#rrggbb)",
}


def gather(args: argparse.Namespace, *, ask: Callable[[str], str] | None, err: TextIO) -> Facts:
    """The facts from the flags; on a terminal (`ask`), the missing ones are asked for."""
    facts = Facts()
    for key, check in CHECKS.items():
        value = getattr(args, key, None)
        if value is not None:
            setattr(facts, key, check(value))
            facts.given.add(key)
            continue
        while ask is not None:
            default = "" if key == "provider" else str(getattr(facts, key))
            answer = ask(f"{QUESTIONS[key]} [{default}]: ").strip()
            if not answer:
                break
            try:
                setattr(facts, key, check(answer))
            except BadFact as error:
                print(str(error).replace(f"--{key} ", "", 1), file=err)
                continue
            facts.given.add(key)
            break
    return facts


def _terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None,
        ask: Callable[[str], str] | None = None) -> int:
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
    facts = None
    if not getattr(args, "example", None):
        flags = [key for key in CHECKS if getattr(args, key, None) is not None]
        if ask is None and not flags and _terminal(sys.stdin) and _terminal(out):
            ask = input
        try:
            facts = gather(args, ask=ask if not flags else None, err=err)
        except BadFact as error:
            print(f"storefront new: {error}", file=err)
            return 2
    try:
        if facts is None:
            _write_example(source, target)
        else:
            starter.write(facts, target, source)
    except OSError as error:
        print(f"storefront new: could not write {target} ({error.strerror or error})", file=err)
        return 1
    _say_done(args, facts, target, out)
    return 0


def _write_example(source: Path, target: Path) -> None:
    """The demo storefront as in the repository, with requirements.txt and a .gitignore."""
    skeleton.copy_template(source, target)
    (target / "requirements.txt").write_text(requirements(), encoding="utf-8")
    gitignore = target / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text(skeleton.GITIGNORE, encoding="utf-8")


def _say_done(args: argparse.Namespace, facts: Facts | None, target: Path, out: TextIO) -> None:
    """What was written, what is left to fill in, and how to build it here and elsewhere."""
    if facts is None:
        print(f"Created the {args.example} demo storefront in {target}.", file=out)
    else:
        print(f"Created a new site for {facts.name} in {target}.", file=out)
        print(f"Still to fill in (marked {PLACEHOLDER}; grep -rn {PLACEHOLDER} {target}):", file=out)
        for item in starter.placeholders(facts):
            print(f"  - {item}", file=out)
    print("Build it (the suite is installed here):", file=out)
    print(f"    cd {target} && mkdocs build --strict", file=out)
    suite = suite_requirement()
    print(f"Elsewhere (CI, a host) it installs requirements.txt, which pins {suite}"
          + ("; if that version is not on your package index, pin a git commit or a wheel "
             "instead (see the comment in requirements.txt)." if "==" in suite else "."), file=out)
