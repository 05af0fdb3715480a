"""Markdown blocks in the pymdownx.blocks style whose HTML a plugin renders.

    /// cta | book-a-visit
        label: Book a visit
    ///

A plugin registers one block name with a `render(argument, options) -> str` callback. The
block accepts any YAML options and hands them to the callback unchecked (the plugin checks
them and reports a clear message); the body is not used. Every block extension made here
shares pymdownx.blocks' one block manager, so these blocks coexist with each other, with the
other storefront blocks and with any pymdownx.blocks extension the site configures.

pymdownx.blocks is imported only when a page uses such a block: the extension added to the
site is a small proxy asking `wanted()` (once per page) whether to set the blocks up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from markdown.extensions import Extension

__all__ = ["OMITTED", "mentions_block", "rendered_blocks_extension"]

# A block that renders nothing leaves this comment, so no empty paragraph is left behind.
OMITTED = "<!-- storefront: block omitted -->"

Render = Callable[[str | None, dict[str, Any]], str]


@cache
def _block_class(name: str) -> type:
    """The pymdownx Block class for `/// <name>` (pymdownx imported on first use)."""
    import xml.etree.ElementTree as etree

    from pymdownx.blocks.block import Block

    class RenderedBlock(Block):
        """A block replaced by the HTML its plugin renders from the argument and options."""

        NAME = name
        ARGUMENT = None  # optional: `/// newsletter` takes none, `/// cta | id` one
        OPTIONS: dict = {}  # noqa: RUF012 (pymdownx API)

        def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
            # Accept every option: the plugin checks them and names file, line and fix.
            self.argument = arg.strip() if isinstance(arg, str) else arg
            self.raw_options = options
            self.options: dict[str, Any] = {"attrs": {}}
            return True

        def on_markdown(self) -> str:
            return "raw"

        def on_create(self, parent: etree.Element) -> etree.Element:
            return etree.SubElement(parent, "p")

        def on_end(self, block: etree.Element) -> None:
            html = self.config["render"](self.argument, self.raw_options) or OMITTED
            for child in list(block):
                block.remove(child)
            block.attrib.clear()
            block.text = self.md.htmlStash.store(html)

    RenderedBlock.__name__ = f"{name.title()}Block"
    return RenderedBlock


def _register(md, name: str, render: Render) -> None:
    from pymdownx.blocks import BlocksExtension

    class _Blocks(BlocksExtension):
        def extendMarkdownBlocks(self, md, block_mgr) -> None:
            if name not in block_mgr.blocks:
                block_mgr.register(_block_class(name), {"render": render})

    _Blocks().extendMarkdown(md)


def mentions_block(markdown: str, name: str) -> bool:
    """Whether a page's Markdown may hold a `/// <name>` block (a cheap test, before parsing)."""
    if "///" not in markdown:
        return False
    return re.search(rf"^[ \t]*/{{3,}}[ \t]*{re.escape(name)}\b", markdown, re.MULTILINE | re.IGNORECASE) is not None


ANY = object()  # block_line: any argument


def block_line(source: str, name: str, argument: str | object | None = ANY) -> int | None:
    """The 1-based source line (front matter counted) of the `/// <name> | <argument>` block
    (None: the block without an argument), else of the first `/// <name>` block; None when
    the page has none."""
    from ..core.frontmatter import body_offset

    wanted = re.compile(rf"^\s*/{{3,}}\s*{re.escape(name)}\s*(?:\|\s*(.*?))?\s*$", re.IGNORECASE)
    first = None
    start = body_offset(source)
    for number, line in enumerate(source.splitlines(), start=1):
        if number <= start:
            continue
        match = wanted.match(line)
        if match:
            first = first or number
            if argument is ANY or (match.group(1) or None) == argument:
                return number
    return first


def rendered_blocks_extension(name: str, render: Render,
                              wanted: Callable[[], bool] | None = None) -> Extension:
    """A Markdown extension adding the block `/// <name>` rendered by `render`.

    `wanted()` is asked each time a Markdown parser is set up (once per page): when it says
    the page has no such block, nothing is registered, so a page without blocks pays nothing
    for the block manager (unless another extension brings it anyway).
    """

    class _Proxy(Extension):
        def extendMarkdown(self, md) -> None:
            if wanted is None or wanted():
                _register(md, name, render)

    _Proxy.__name__ = f"{name.title()}BlocksExtension"
    return _Proxy()
