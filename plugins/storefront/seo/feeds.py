"""Well-formed XML files at the site root (feeds written by other plugins).

mkdocs-rss-plugin 1.19 prints the site name unescaped in two places of its RSS template
(`<image><title>` and `<source>`), and author and category names too, so a site called
"Smith & Sons" publishes a feed no XML parser accepts. Those RSS elements hold text only,
never child elements, so their content can be read as text and escaped exactly once again;
whatever is still broken after that is reported.
"""

from __future__ import annotations

import html
import re

from lxml import etree

from ..core.escape import html_text

# RSS 2.0 elements whose content is text only (description is left alone: the rss plugin
# escapes it, and it may be long).
_TEXT_ELEMENTS = re.compile(
    r"<(title|author|category|source|managingEditor|webMaster|copyright|generator)"
    r"(\s[^>]*)?>(.*?)</\1\s*>",
    re.DOTALL,
)


def xml_problem(data: bytes) -> str | None:
    """Why `data` is not well-formed XML, or None when it is."""
    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        return str(error)
    return None


# The rss plugin writes an <image> block even without a logo, with "None" as its URL.
_IMAGE_WITHOUT_URL = re.compile(r"<image>\s*<url>None</url>.*?</image>\s*", re.DOTALL)


def drop_empty_image(text: str) -> str:
    """Remove a feed `<image>` whose URL is the literal "None" (no image is valid RSS)."""
    return _IMAGE_WITHOUT_URL.sub("", text)


def mend_text_elements(text: str) -> str:
    """Escape the content of RSS text-only elements exactly once, whether or not the writer
    escaped it (escaped content is read back to text first, so it is not escaped twice)."""

    def mend(match: re.Match) -> str:
        name, attributes, content = match.group(1), match.group(2) or "", match.group(3)
        return f"<{name}{attributes}>{html_text(html.unescape(content))}</{name}>"

    return _TEXT_ELEMENTS.sub(mend, text)
