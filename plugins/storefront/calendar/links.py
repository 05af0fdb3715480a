"""Links to unpublished pages: reported, and reduced to their text.

A Markdown tree processor that runs just before MkDocs resolves relative links: an `<a>`
whose target is a draft, scheduled or expired page becomes a `<span>` with the same content
(so no URL of the hidden page reaches the built site), and the link is reported once, with
the line in the source.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from markdown import Extension, Markdown

__all__ = ["UnpublishedLinks", "hidden_target", "strip_links", "target_uri"]


def target_uri(src_uri: str, href: str) -> str | None:
    """The docs-relative file a relative Markdown link points to, like MkDocs resolves it."""
    scheme, netloc, path, _, _ = urlsplit(href)
    if scheme or netloc or not path or path.startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))


def hidden_target(src_uri: str, href: str, hidden: Mapping[str, object]) -> str | None:
    """The hidden page a link points to, or None. `page/` and `dir/` count too: MkDocs leaves
    such links as they are, which would still lead to the hidden page."""
    target = target_uri(src_uri, href)
    if target is None:
        return None
    if target in hidden:
        return target
    for guess in (posixpath.join(target, "index.md"), target.rstrip("/") + ".md"):
        if guess in hidden:
            return guess
    return None


# An inline Markdown link (not an image): [text](target "title")
_INLINE_LINK = re.compile(
    r"(?<!!)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<href><[^<>\n]*>|[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")


def strip_links(markdown: str, src_uri: str, hidden: Mapping[str, object]
                ) -> tuple[str, list[tuple[str, str]]]:
    """Replace inline links to hidden pages by their text in the Markdown source, so plugins
    that read `page.markdown` themselves (feed abstracts, excerpts) never see them.

    Returns the new Markdown and (href, target src_uri) for each link removed.
    """
    found: list[tuple[str, str]] = []

    def replace(match: re.Match) -> str:
        href = match.group("href").strip("<>")
        target = hidden_target(src_uri, href, hidden)
        if target is None:
            return match.group(0)
        found.append((href, target))
        return match.group("text")

    return _INLINE_LINK.sub(replace, markdown), found


class _Processor(Treeprocessor):
    def __init__(self, md: Markdown, owner: UnpublishedLinks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        hidden = self.owner.hidden
        if not hidden:
            return
        source = self.owner.current_source(self.md)
        if source is None:
            return
        for element in root.iter("a"):
            href = element.get("href")
            if not href:
                continue
            target = hidden_target(source, href, hidden)
            if target is None:
                continue
            element.tag = "span"
            element.attrib.clear()
            self.owner.found(source, href, target)
        return


class UnpublishedLinks(Extension):
    """Markdown extension added by the plugin in build mode.

    `hidden` maps the src_uri of each unpublished page to its state; `current` returns the
    src_uri of the page being rendered; `report(source_uri, href, target_uri)` is called for
    each link removed.
    """

    def __init__(self, *, current: Callable[[], str | None],
                 report: Callable[[str, str, str], None]) -> None:
        super().__init__()
        self.hidden: Mapping[str, object] = {}
        self._current = current
        self._report = report
        self._seen: set[tuple[str, str]] = set()

    def current_source(self, md: Markdown) -> str | None:
        # MkDocs (and Material's blog excerpts) register the page's own link resolver as
        # "relpath"; it knows which file is rendered even when a view renders a post's excerpt.
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401 - a Registry has no get()
        file = getattr(relpath, "file", None)
        uri = getattr(file, "src_uri", None)
        return uri if isinstance(uri, str) else self._current()

    def strip(self, markdown: str, source: str) -> str:
        """Remove inline links to hidden pages from a page's Markdown, reporting each once."""
        if not self.hidden or "](" not in markdown:
            return markdown
        markdown, found = strip_links(markdown, source, self.hidden)
        for href, target in found:
            self.found(source, href, target)
        return markdown

    def found(self, source: str, href: str, target: str) -> None:
        if (source, href) in self._seen:  # an excerpt renders the same link a second time
            return
        self._seen.add((source, href))
        self._report(source, href, target)

    def forget(self) -> None:
        self._seen.clear()

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns made the <a> elements (20) and attr_list/toc (8, 5),
        # before MkDocs' relpath (0, or 1 in Material's excerpts) and title extraction (1).
        md.treeprocessors.register(_Processor(md, self), "storefront_unpublished_links", 2)
