"""Minifying beside the build: in a cold build, a helper process minifies and checks the pages
while MkDocs renders the next ones, and each page's file is rewritten with its minified text
once it is ready (the file MkDocs wrote, not the page in memory: a plugin that rewrites the
page after storefront/optimize, or the file after the build, keeps its change, because a file
that no longer holds the text handed to MkDocs is left as it is).

`minify_checked` is the one function that minifies and checks a page, used inline and in
the helper alike, so both give the same pages and the same messages. Pure: no mkdocs import.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.processes import start_pool
from .headers import form_origins, inline_script_hashes
from .minify import minify_page
from .structure import first_difference, non_html_tags, same_document

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

INLINE_FIRST = 8  # misses minified inline before a helper is worth starting (an edited page or two)
IN_FLIGHT = 64  # pages handed to the helper and not yet written back, at most (bounded memory)


@dataclass(frozen=True)
class Minified:
    """A page through minify-html and the structure check."""

    text: str | None  # the minified page; None: it is written as it was
    problem: str | None  # why not (for the warning)
    script_hashes: frozenset[str]  # CSP facts of the text that is served
    form_origins: frozenset[str]


def minify_checked(html: str, css: bool, js: bool, policy: bool) -> Minified:
    """The page minified when a browser builds the same document from it, else why not.
    `policy`: also the CSP facts of the page as served."""
    try:
        minified = minify_page(html, css=css, js=js)
    except Exception as error:  # noqa: BLE001  # minify-html is a native library: never lose the page
        return _kept(html, f"the page could not be minified ({error}); it is written as it was", policy)
    if same_document(html, minified):
        return Minified(minified, None, *csp_facts(minified, policy))
    unknown = non_html_tags(html)
    if unknown:
        cause = (f"it has raw tags that are not HTML ({', '.join(f'<{t}>' for t in unknown)}): "
                 "wrap them in backticks in the Markdown, e.g. `<VERSION>`")
    else:
        cause = f"where it differs: {first_difference(html, minified)}"
    return _kept(html, "minifying would change how a browser reads the page, so it is written "
                       f"unminified; {cause}", policy)


def _kept(html: str, problem: str, policy: bool) -> Minified:
    return Minified(None, problem, *csp_facts(html, policy))


def csp_facts(text: str, wanted: bool = True) -> tuple[frozenset[str], frozenset[str]]:
    """The hashes of the inline scripts the browser runs and the origins the forms post to
    (none when not `wanted`)."""
    if not wanted:
        return frozenset(), frozenset()
    return frozenset(inline_script_hashes(text)), frozenset(form_origins(text))


@dataclass(frozen=True)
class Job:
    """A page handed to the helper: where MkDocs writes it and what it was handed."""

    key: str  # the page cache key of the text MkDocs writes
    dest: str  # the file MkDocs writes it to
    name: str  # the page's source, for messages


class Minifier:
    """Minifies pages inline, or beside the build in one helper process once a build has
    missed the cache `INLINE_FIRST` times. `done` hands back each finished job in order."""

    def __init__(self, workers: int, css: bool, js: bool, policy: bool) -> None:
        self.workers = workers
        self.css, self.js, self.policy = css, js, policy
        self.misses = 0
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[tuple[Job, Future]] = deque()

    def inline(self, html: str) -> Minified:
        return minify_checked(html, self.css, self.js, self.policy)

    def wants(self) -> bool:
        """True when the next miss should go to the helper (it is started if need be)."""
        self.misses += 1
        if self.workers <= 0 or self.misses <= INLINE_FIRST:
            return False
        if self._pool is None:
            self._pool = start_pool(self.workers)
            if self._pool is None:
                self.workers = 0  # no helper process here: minify inline
                return False
        return True

    def submit(self, job: Job, html: str) -> bool:
        """Hand the page to the helper; False when the helper cannot take it (it could not
        start, or died): then no page goes to a helper again in this build."""
        assert self._pool is not None
        try:
            future = self._pool.submit(minify_checked, html, self.css, self.js, self.policy)
        except Exception:  # noqa: BLE001  # BrokenProcessPool, a pool that cannot start a process
            self.workers = 0
            return False
        self._pending.append((job, future))
        return True

    def done(self, *, wait: bool, read: Callable[[str], str | None]) -> Iterator[tuple[Job, Minified]]:
        """The finished jobs, oldest first: those ready (all of them with `wait`, and the oldest
        while more than IN_FLIGHT are pending). A job the helper could not do is done inline
        from the file (`read(dest)`; skipped when that is gone)."""
        while self._pending and (wait or len(self._pending) > IN_FLIGHT or self._pending[0][1].done()):
            job, future = self._pending.popleft()
            try:
                result = future.result()
            except Exception:  # noqa: BLE001  # a helper that died: do it here
                text = read(job.dest)
                if text is None:
                    continue
                result = self.inline(text)
            yield job, result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
        self.misses = 0
