"""`/// business | hours`, `/// business | contact` and `/// business | faq` in Markdown.

A pymdownx.blocks block that asks a renderer (given by the plugin) for the HTML of the
named partial and stashes it, so Markdown leaves it alone. It shares the blocks manager
with any other blocks the site or other plugins register (admonition, cta, newsletter).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

KINDS = ("hours", "contact", "faq")

Renderer = Callable[[str], str]


class BusinessBlock(Block):
    """`/// business | <kind>`; the block has no body."""

    NAME = "business"
    ARGUMENT = True
    OPTIONS = {"branch": ("", type_string)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        kind = str(self.argument).strip().lower()
        return etree.SubElement(parent, "div", {"class": f"sf-business-block sf-business-block--{kind}"})

    def on_end(self, block: etree.Element) -> None:
        render: Renderer = self.config["render"]
        html = render(str(self.argument).strip().lower(), self.options.get("branch", ""),
                      (block.text or "").strip())
        block.text = AtomicString(self.md.htmlStash.store(html))


class BusinessBlocksExtension(BlocksExtension):
    """Registers the `business` block; `render(kind, branch, body)` returns the HTML."""

    def __init__(self, render: Renderer, **kwargs):
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 - Markdown's API name
        if BusinessBlock.NAME not in block_mgr.blocks:
            block_mgr.register(BusinessBlock, {"render": self.render})
