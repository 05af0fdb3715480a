"""The suite's Jinja partials (`partials/storefront/<name>.html`), rendered with autoescaping.

One environment per set of override folders: a site's own folders come first (MkDocs'
theme dirs with the custom_dir, or a Markdown extension's `templates` option), then the
suite's templates, so a site overrides any partial by putting a file of the same name in
its own folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=32)
def environment(dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([*dirs, str(PACKAGE_TEMPLATES)])
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def render(dirs: tuple[str, ...], name: str, **context: Any) -> Markup:
    """`partials/storefront/<name>.html` rendered with `context`, as Markup."""
    template = environment(dirs).get_template(f"partials/storefront/{name}.html")
    return Markup(template.render(**context))
