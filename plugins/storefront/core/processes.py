"""Helper processes beside the build (storefront/lint's analysis, storefront/optimize's
minifying): how many to start, and how. Pure: no mkdocs import."""

from __future__ import annotations

import ast
import os
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["default_workers", "main_runs_again", "start_pool"]


def default_workers() -> int:
    """One helper process when the build may use two CPUs or more, else none."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if cpus >= 2 else 0


def _start_method() -> str:
    """Fork when the build runs in a single thread (`mkdocs build`: the helper starts at once,
    with everything already imported); spawn beside threads (`mkdocs serve`), where forking
    is unsafe."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def start_pool(workers: int, initializer: Callable[..., Any] | None = None,
               initargs: tuple = ()) -> ProcessPoolExecutor | None:
    """A pool of `workers` helper processes, or None when none can start here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = _start_method()
    if method == "spawn" and main_runs_again():
        return None  # the helper would run the user's script (and its build) again: work inline
    try:
        context = multiprocessing.get_context(method)
        return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=initializer, initargs=initargs)
    except (OSError, ValueError, NotImplementedError):
        return None


@lru_cache(maxsize=1)
def main_runs_again() -> bool:
    """Whether a spawned helper would run code of the main script again: multiprocessing
    imports the main module in every spawned process, so a script that builds the site at its
    top level (no `if __name__ == "__main__":`) would build it again inside the helper.

    True unless the main module is interactive (`python -c`, a REPL: nothing is imported
    again) or a Python file whose top level only imports, defines and assigns, with the rest
    under `if __name__ == "__main__":` (the `mkdocs` command, `python -m mkdocs`). A file
    that cannot be read or parsed counts as running again."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    path = getattr(spec, "origin", None) if spec is not None else getattr(main, "__file__", None)
    if not path:
        return False
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return True
    return not all(_only_defines(statement) for statement in tree.body)


_DEFINES = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
            ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Pass)


def _only_defines(statement: ast.stmt) -> bool:
    if isinstance(statement, _DEFINES):
        return True
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant)  # a docstring
    if isinstance(statement, ast.If):
        if _is_main_guard(statement.test):
            return True
        return all(_only_defines(inner) for inner in (*statement.body, *statement.orelse))
    if isinstance(statement, ast.Try):
        handled = [inner for handler in statement.handlers for inner in handler.body]
        return all(_only_defines(inner)
                   for inner in (*statement.body, *statement.orelse, *statement.finalbody, *handled))
    return False


def _is_main_guard(test: ast.expr) -> bool:
    """`__name__ == "__main__"` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = {ast.unparse(test.left), ast.unparse(test.comparators[0])}
    return sides in ({"__name__", "'__main__'"}, {"__name__", '"__main__"'})
