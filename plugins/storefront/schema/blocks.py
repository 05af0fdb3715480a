"""`/// business | hours`, `contact`, `faq`, `events` and `processors` in Markdown.

A pymdownx.blocks block that asks a renderer (given by the plugin) for the HTML of the
named partial and stashes it, so Markdown leaves it alone. It shares the blocks manager
with any other blocks the site or other plugins register (admonition, cta, newsletter).
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Extension, Markdown

KINDS = ("hours", "contact", "faq", "events", "processors")

Renderer = Callable[[str, str, str], str]


class LazyBusinessBlocks(Extension):
    """Adds the `business` block to pages that may hold one.

    MkDocs makes a Markdown instance per page; `wanted()` says whether the page being
    converted mentions a business block. Other pages skip the blocks parser (which tests
    every paragraph) and pymdownx.blocks is not even imported, so the plugin costs next to
    nothing on a big blog.
    """

    def __init__(self, render: Renderer, wanted: Callable[[], bool] = lambda: True, **kwargs):
        self.render = render
        self.wanted = wanted
        self._extension: Extension | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        if not self.wanted():
            return
        if self._extension is None:
            self._extension = _blocks_extension(self.render)
        self._extension.extendMarkdown(md)


def _blocks_extension(render: Renderer) -> Extension:
    import xml.etree.ElementTree as etree

    from markdown.util import AtomicString
    from pymdownx.blocks import BlocksExtension
    from pymdownx.blocks.block import Block, type_string

    class BusinessBlock(Block):
        """`/// business | <kind>`, optionally `branch: <name>`; the block has no body."""

        NAME = "business"
        ARGUMENT = True
        OPTIONS = {"branch": ("", type_string)}  # noqa: RUF012 - pymdownx.blocks' API

        def on_markdown(self) -> str:
            return "raw"

        def on_create(self, parent: etree.Element) -> etree.Element:
            kind = str(self.argument).strip().lower()
            return etree.SubElement(parent, "div", {"class": f"sf-business-block sf-business-block--{kind}"})

        def on_end(self, block: etree.Element) -> None:
            html = self.config["render"](str(self.argument).strip().lower(), self.options.get("branch", ""),
                                         (block.text or "").strip())
            block.text = AtomicString(self.md.htmlStash.store(html))

    class BusinessBlocksExtension(BlocksExtension):
        def extendMarkdownBlocks(self, md, block_mgr) -> None:
            if BusinessBlock.NAME not in block_mgr.blocks:
                block_mgr.register(BusinessBlock, {"render": render})

    return BusinessBlocksExtension()
