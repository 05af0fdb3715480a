"""Links to unpublished pages: reported, and reduced to their text.

A Markdown tree processor that runs just before MkDocs resolves relative links: an `<a>`
whose target is a draft, scheduled or expired page becomes a `<span>` with the same content
(so no URL of the hidden page reaches the built site), and the link is reported once, with
the line in the source.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

__all__ = ["UnpublishedLinks", "target_uri"]


def target_uri(src_uri: str, href: str) -> str | None:
    """The docs-relative file a relative Markdown link points to, like MkDocs resolves it."""
    scheme, netloc, path, _, _ = urlsplit(href)
    if scheme or netloc or not path or path.startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))


class _Processor(Treeprocessor):
    def __init__(self, md: Markdown, owner: "UnpublishedLinks") -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        hidden = self.owner.hidden
        if not hidden:
            return None
        source = self.owner.current_source(self.md)
        if source is None:
            return None
        for element in root.iter("a"):
            href = element.get("href")
            if not href:
                continue
            target = target_uri(source, href)
            if target is None:
                continue
            if target not in hidden:
                # `dir/` for `dir/index.md`, `page/` for `page.md`: MkDocs leaves such links
                # as they are, which would still lead to the hidden page
                guesses = (posixpath.join(target, "index.md"), target.rstrip("/") + ".md")
                target = next((guess for guess in guesses if guess in hidden), None)
                if target is None:
                    continue
            element.tag = "span"
            element.attrib.clear()
            self.owner.found(source, href, target)
        return None


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
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        file = getattr(relpath, "file", None)
        uri = getattr(file, "src_uri", None)
        return uri if isinstance(uri, str) else self._current()

    def found(self, source: str, href: str, target: str) -> None:
        if (source, href) in self._seen:  # an excerpt renders the same link a second time
            return
        self._seen.add((source, href))
        self._report(source, href, target)

    def forget(self) -> None:
        self._seen.clear()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        # After inline patterns made the <a> elements (20) and attr_list/toc (8, 5),
        # before MkDocs' relpath (0, or 1 in Material's excerpts) and title extraction (1).
        md.treeprocessors.register(_Processor(md, self), "storefront_unpublished_links", 2)
