"""Helper processes beside the build (storefront/lint's analysis, storefront/optimize's
minifying): how many to start, and how. Pure: no mkdocs import."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["default_workers", "start_pool"]


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

    try:
        context = multiprocessing.get_context(_start_method())
        return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=initializer, initargs=initargs)
    except (OSError, ValueError, NotImplementedError):
        return None
