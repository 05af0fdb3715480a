"""Where the storefront template is, and how it is copied.

The template is the demo storefront at the root of this repository: `mkdocs.yml`,
`content/`, `site_template/`, `seo/` and `deploy/`. A clone or an editable install reads it
from the repository; a wheel carries a copy as package data (`storefront/template/skeleton/`),
which `setup.py` writes at build time from the same list, so both are the same files.

Standard library only: `setup.py` loads this file directly, before the package is installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PARTS = ("mkdocs.yml", "content", "site_template", "seo", "deploy")
"""What a new storefront is made of (files and folders at the project root)."""

IGNORED = ("__pycache__", "*.pyc", ".cache", ".storefront", ".DS_Store")
PACKAGED = Path(__file__).resolve().parent / "skeleton"
REPOSITORY = Path(__file__).resolve().parents[3]

GITIGNORE = """\
# The built site and the build's private outputs and caches.
/site/
/.cache/
/.storefront/
"""


def is_template(folder: Path) -> bool:
    return all((folder / part).exists() for part in PARTS)


def locate() -> Path | None:
    """The template's folder: the copy shipped in the package, else the repository this
    package is imported from (a clone or an editable install); None if neither is there."""
    for candidate in (PACKAGED, REPOSITORY):
        if is_template(candidate):
            return candidate
    return None


def copy_template(source: Path, target: Path) -> list[str]:
    """Copy every part from `source` into `target` (which must not hold them yet)."""
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for part in PARTS:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, target / part, ignore=shutil.ignore_patterns(*IGNORED))
        else:
            shutil.copy2(origin, target / part)
        copied.append(part)
    return copied
