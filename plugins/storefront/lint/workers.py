"""Analysing pages beside the build: a helper process takes the pages the cache does not
have while MkDocs goes on rendering the next ones, so a cold build barely waits for the lint.

In a warm build the first few misses are analysed in the build process itself (a build that
changed a page or two should not start a process), in a cold one none are; from then on
misses go to one helper process in small batches. Small sites are analysed inline. Without a
second CPU, or when the process cannot start, everything runs inline.
Pure: no mkdocs import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.processes import start_pool
from . import syllables
from .analysis import PageInput, PageResult, analyse

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

INLINE_FIRST = 8  # misses analysed inline before a helper process is worth starting
SMALL_SITE = 50  # a site with fewer pages is analysed inline: a helper would not pay off
BATCH = 16  # pages sent to the helper at once


def inline_first(pages: int, cached: int) -> int:
    """How many misses to analyse inline before starting the helper: none when the cache
    holds under half of the site's pages (a cold build: the helper starts at once and loads
    the syllable table there), a few otherwise (an edit or two never starts a process), all
    of them for a small site."""
    if pages < SMALL_SITE:
        return pages + 1
    return 0 if cached < pages / 2 else INLINE_FIRST


def _start(table_dir: str | None) -> None:
    syllables.use_table_dir(Path(table_dir) if table_dir else None)


def _analyse_batch(batch: list[tuple[str, PageInput]], settings: dict) -> list[tuple[str, PageResult]]:
    return [(key, analyse(page, settings)) for key, page in batch]


class Analyser:
    """Collects the pages to analyse during the build and hands back every result at the end."""

    def __init__(self, settings: dict, *, workers: int, table_dir: Path | None, inline: int = INLINE_FIRST):
        self.settings = settings
        self.inline = inline
        self.workers = workers
        self.table_dir = table_dir
        self.count = 0  # pages analysed (inline or in the helper)
        self._done: list[tuple[str, PageResult]] = []
        self._batch: list[tuple[str, PageInput]] = []
        self._futures: list[tuple[Future, list[tuple[str, PageInput]]]] = []
        self._pool: ProcessPoolExecutor | None = None

    def add(self, key: str, page: PageInput) -> None:
        self.count += 1
        if self.workers <= 0 or self.count <= self.inline or not self._ensure_pool():
            self._done.append((key, analyse(page, self.settings)))
            return
        self._batch.append((key, page))
        if len(self._batch) >= BATCH:
            self._send()

    def results(self) -> list[tuple[str, PageResult]]:
        """Every result, waiting for the helper to finish (then stopping it)."""
        self._send()
        try:
            for future, batch in self._futures:
                try:
                    self._done.extend(future.result())
                except Exception:  # noqa: BLE001 - a helper that died: analyse here instead
                    self._done.extend(_analyse_batch(batch, self.settings))
        finally:
            self.close()
        return self._done

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []

    def _ensure_pool(self) -> bool:
        if self._pool is not None:
            return True
        self._pool = start_pool(self.workers, _start, (str(self.table_dir) if self.table_dir else None,))
        if self._pool is None:
            self.workers = 0  # no helper process here: analyse inline
            return False
        return True

    def _send(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        if self._pool is None:
            self._done.extend(_analyse_batch(batch, self.settings))
            return
        try:
            self._futures.append((self._pool.submit(_analyse_batch, batch, self.settings), batch))
        except RuntimeError:  # the pool broke or shut down: analyse here
            self._done.extend(_analyse_batch(batch, self.settings))
