"""One hook signature style throughout: every `on_*` method of a storefront plugin class is
declared exactly as MkDocs 1.6's BasePlugin declares it (the first argument positional-only,
the rest keyword-only, the same names, the same parameter and return types)."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from mkdocs import plugins as mkdocs_plugins

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "storefront"


def _shape(function: ast.FunctionDef) -> tuple:
    """(positional-only, positional-or-keyword, keyword-only names, *args, **kwargs)."""
    a = function.args
    return ([p.arg for p in a.posonlyargs], [p.arg for p in a.args], [p.arg for p in a.kwonlyargs],
            a.vararg.arg if a.vararg else None, a.kwarg.arg if a.kwarg else None)


def _type(node: ast.expr | None) -> str | None:
    """An annotation without module prefixes (`jinja2.Environment` and `Environment` are one type)."""
    return None if node is None else re.sub(r"\b[A-Za-z_]\w*\.", "", ast.unparse(node)).replace("'", '"')


def _types(function: ast.FunctionDef) -> tuple:
    a = function.args
    return tuple((p.arg, _type(p.annotation)) for p in a.posonlyargs + a.args + a.kwonlyargs), _type(function.returns)


def _reference() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(mkdocs_plugins))
    base = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "BasePlugin")
    return {n.name: n for n in base.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")}


def _hooks() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in sorted(PACKAGE.glob("*/plugin.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for node in cls.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("on_"):
                    found.append((f"{path.parent.name}/plugin.py:{node.lineno} {cls.name}.{node.name}", node))
    return found


def test_the_hooks_are_found():
    names = {node.name for _, node in _hooks()}
    assert {"on_config", "on_page_markdown", "on_post_page", "on_serve", "on_post_build"} <= names


def test_every_hook_has_base_plugins_parameter_kinds_and_names():
    reference = _reference()
    bad = [f"{where}: {_shape(node)} != BasePlugin's {_shape(reference[node.name])}"
           for where, node in _hooks()
           if node.name in reference and _shape(node) != _shape(reference[node.name])]
    unknown = [where for where, node in _hooks() if node.name not in reference]
    assert bad == []
    assert unknown == []  # a misspelt hook is never called


def test_every_hook_has_base_plugins_types():
    reference = _reference()
    bad = [f"{where}: {_types(node)} != BasePlugin's {_types(reference[node.name])}"
           for where, node in _hooks()
           if node.name in reference and _types(node) != _types(reference[node.name])]
    assert bad == []
