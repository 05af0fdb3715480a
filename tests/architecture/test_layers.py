"""The layering, enforced: core never imports mkdocs (nor Markdown); only the adapters
(plugin.py, config.py, cli.py) and support.py import mkdocs; no plugin package imports
another plugin package; no import cycles between modules (deferred imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "storefront"
PLUGINS = {"seo", "schema", "lint", "cta", "newsletter", "calendar", "optimize", "analytics"}
ADAPTERS = {"plugin.py", "config.py", "cli.py"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None or (node.level and not node.module):
                found += [(f"{target}.{alias.name}", node.lineno, id(node) in top_level) for alias in node.names]
            else:
                found.append((target, node.lineno, id(node) in top_level))
    return found


def _plugin_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "storefront" and parts[1] in PLUGINS else None


def test_core_imports_neither_mkdocs_nor_markdown():
    bad = [f"{name}:{line} imports {target}" for name, path in _modules().items()
           if name.startswith("storefront.core")
           for target, line, _ in _imports(name, path)
           if target.split(".")[0] in ("mkdocs", "markdown", "pymdownx", "material")]
    assert bad == []


def test_only_adapters_and_support_import_mkdocs():
    bad = [f"{name}:{line} imports {target}" for name, path in _modules().items()
           if path.name not in ADAPTERS and name != "storefront.support"
           for target, line, _ in _imports(name, path)
           if target.split(".")[0] in ("mkdocs", "material")]
    assert bad == []


def test_no_plugin_package_imports_another():
    bad = []
    for name, path in _modules().items():
        own = _plugin_of(name)
        if own is None:
            continue
        for target, line, _ in _imports(name, path):
            other = _plugin_of(target)
            if other is not None and other != own:
                bad.append(f"{name}:{line} imports {target}")
    assert bad == []


def test_no_import_cycles():
    """Deferred imports (inside a function) count too: a cycle is a tangle whenever it runs."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for target, _, _top in _imports(name, path):
            while target and target not in modules:
                target = target.rsplit(".", 1)[0] if "." in target else ""
            if target and target != name and not name.startswith(target + "."):
                edges.add(target)
        graph[name] = edges
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join([*trail[trail.index(nxt):], nxt]) if nxt in trail else nxt)
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []
