"""robots.txt from configured rule groups, with the Sitemap line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["render_robots"]


def _clean(value: str) -> str:
    # A line break in a value would start a new directive; robots.txt has no escaping.
    return " ".join(str(value).split())


def render_robots(rules: Iterable[Mapping], sitemap_url: str | None = None) -> str:
    """Groups of `user_agent`, `allow`, `disallow`; a group with neither allows everything."""
    blocks = []
    for rule in rules:
        lines = [f"User-agent: {_clean(rule.get('user_agent') or '*')}"]
        allow = [_clean(path) for path in rule.get("allow") or []]
        disallow = [_clean(path) for path in rule.get("disallow") or []]
        if not allow and not disallow:
            allow = ["/"]
        lines += [f"Allow: {path}" for path in allow]
        lines += [f"Disallow: {path}" for path in disallow]
        blocks.append("\n".join(lines))
    text = "\n\n".join(blocks)
    if sitemap_url:
        text += f"\n\nSitemap: {_clean(sitemap_url)}"
    return text.strip() + "\n"
