"""Progress of a long step, told at most every few seconds: a cold build of a large site
draws cards and writes image variants for a minute or more, and silence reads as a hang.

    progress = Progress("drawing social cards", total=1000, say=log.info)
    for card in cards:
        ...
        progress.advance()
    progress.finish()  # "drawing social cards: 1,000 done in 7.2 s"

Thread-safe (cards are drawn on several threads). Says nothing for a step that ends before
the first interval, so small sites stay quiet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["Progress"]


class Progress:
    def __init__(self, what: str, *, total: int | None, say: Callable[[str], object],
                 every: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.what, self.total, self.say, self.every, self.clock = what, total, say, every, clock
        self.done = 0
        self.started = self.last = clock()
        self.told = False
        self._lock = threading.Lock()

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            now = self.clock()
            if now - self.last < self.every:
                return
            self.last, self.told = now, True
            elapsed = now - self.started
            if self.total:
                share = self.done / self.total
                left = elapsed * (1 - share) / share if share else 0
                message = (f"{self.what}: {self.done:,} of {self.total:,} ({share:.0%}), "
                           f"about {_duration(left)} left")
            else:
                message = f"{self.what}: {self.done:,} so far ({_duration(elapsed)})"
        self.say(message)

    def finish(self) -> None:
        """The closing line, when progress was told along the way."""
        if self.told:
            self.say(f"{self.what}: {self.done:,} done in {_duration(self.clock() - self.started)}")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"
