"""core/progress.py: long steps say how far they are, at most every few seconds."""

from __future__ import annotations

from storefront.core.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_with_a_total_gives_counts_and_an_estimate():
    clock, said = Clock(), []
    progress = Progress("drawing social cards", total=1000, say=said.append, every=5, clock=clock)
    for step in range(1, 250):
        clock.now = step * 0.0196
        progress.advance()
    assert said == []  # 4.88 s: not yet
    clock.now = 5.0
    progress.advance()
    assert said == ["drawing social cards: 250 of 1,000 (25%), about 15 s left"]
    clock.now = 20.0
    progress.advance(750)
    progress.finish()
    assert said[-1] == "drawing social cards: 1,000 done in 20 s"


def test_without_a_total_it_counts_and_a_quick_step_says_nothing():
    clock, said = Clock(), []
    progress = Progress("writing WebP variants", total=None, say=said.append, every=5, clock=clock)
    clock.now = 6.0
    progress.advance(3)
    assert said == ["writing WebP variants: 3 so far (6.0 s)"]
    quiet = Progress("linting", total=10, say=said.append, every=5, clock=clock)
    quiet.advance(10)
    quiet.finish()
    assert len(said) == 1
