"""Numbers in messages that read right: plurals, and shares rounded so they never contradict
the threshold they are compared with ("30 % … (aim for 30 %)")."""

from __future__ import annotations


def plural(count: float, word: str, many: str | None = None) -> str:
    """`1 word`, `2 words`, `0 words`."""
    return f"{count:g} {word if count == 1 else (many or word + 's')}"


def share(value: float, limit: float, *, above: bool) -> str:
    """A percentage with as few decimals as keep it on its side of `limit`: 29.7 (not 30) when
    the aim is 30 and the text is under it; 25.4 (not 25) when at most 25 are allowed."""
    for decimals in range(4):
        text = f"{value:.{decimals}f}"
        shown = float(text)
        if (shown > limit) if above else (shown < limit):
            return text
    return f"{value:.4f}"


def clamp_score(score: float) -> float:
    """Flesch reading ease shown on Yoast's 0-100 scale (the formula itself runs below 0 for
    very long words and sentences, and above 100 for very short ones)."""
    return max(0.0, min(100.0, score))
