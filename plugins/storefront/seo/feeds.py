"""Feeds other plugins write at the site root: well-formed XML, valid RSS 2.0 and JSON Feed.

mkdocs-rss-plugin 1.19 prints the site name unescaped in two places of its RSS template
(`<image><title>` and `<source>`), and author and category names too, so a site called
"Smith & Sons" publishes a feed no XML parser accepts. Those RSS elements hold text only,
never child elements, so their content can be read as text and escaped exactly once again;
whatever is still broken after that is reported. It also breaks RSS 2.0 (`<enclosure
length="None">`, names where `<author>` and `managingEditor` want e-mail addresses) and JSON Feed
(`"icon": null`): `mend_rss` and `mend_json_feed` fix what can be fixed after it has written
them, and `rss_problems` names the rest.
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


# --- RSS 2.0 and JSON Feed rules the rss plugin breaks ---------------------------------------

_EMAIL = re.compile(r"^[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+(\s+\(.*\))?$")
_ENCLOSURE = re.compile(r"<enclosure\b[^>]*?/?>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')""")
_AUTHOR = re.compile(r"<author>(.*?)</author>", re.S)
_EDITORS = re.compile(r"<(managingEditor|webMaster)>(.*?)</\1>\s*", re.S)
_RSS_OPEN = re.compile(r"<rss\b[^>]*>")
DC = "http://purl.org/dc/elements/1.1/"


def _is_email(text: str) -> bool:
    return bool(_EMAIL.match(html.unescape(text).strip()))


def mend_rss(text: str, file_size) -> tuple[str, list[str]]:
    """Make the rss plugin's RSS 2.0 valid where it can be; returns the text and what was done.

    - `<enclosure length="None">`: the size of the file when it is the site's own
      (`file_size(url)` gives it, or None), else `0`, as the RSS Advisory Board advises for an
      unknown size.
    - `<author>` holds an e-mail address in RSS; a name alone becomes `<dc:creator>` (Dublin
      Core, which feed readers show as the author).
    - `managingEditor` and `webMaster` are e-mail addresses too; a name alone is taken out
      (both are optional).
    """
    done: list[str] = []

    def enclosure(match: re.Match) -> str:
        tag = match.group(0)
        attributes = {m.group(1): (m.group(3) if m.group(3) is not None else m.group(4)) for m in _ATTR.finditer(tag)}
        length = attributes.get("length")
        if length is not None and length.isdigit():
            return tag
        size = file_size(html.unescape(attributes.get("url", "")))
        value = str(size if size is not None else 0)
        done.append(f"enclosure length {value}")
        if length is None:
            return tag.replace("<enclosure", f'<enclosure length="{value}"', 1)
        return re.sub(r"""length\s*=\s*("[^"]*"|'[^']*')""", f'length="{value}"', tag, count=1)

    text = _ENCLOSURE.sub(enclosure, text)

    def author(match: re.Match) -> str:
        if _is_email(match.group(1)):
            return match.group(0)
        done.append("author name as dc:creator")
        return f"<dc:creator>{match.group(1)}</dc:creator>"

    text = _AUTHOR.sub(author, text)

    def editor(match: re.Match) -> str:
        if _is_email(match.group(2)):
            return match.group(0)
        done.append(f"{match.group(1)} without an e-mail address taken out")
        return ""

    text = _EDITORS.sub(editor, text)
    if "<dc:creator>" in text:
        opening = _RSS_OPEN.search(text)
        if opening and "xmlns:dc=" not in opening.group(0):
            text = text[:opening.end() - 1] + f' xmlns:dc="{DC}"' + text[opening.end() - 1:]
    return text, done


def rss_problems(data: bytes) -> list[str]:
    """What is still not RSS 2.0 in a well-formed feed (for a warning)."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if root.tag != "rss":
        return []
    problems = []
    channel = root.find("channel")
    if channel is None:
        return ["has no <channel>"]
    for name in ("title", "link", "description"):
        if channel.find(name) is None:
            problems.append(f"the channel has no <{name}>")
    for number, item in enumerate(channel.iter("item"), start=1):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"item {number} has neither <title> nor <description>")
        for enclosure in item.iter("enclosure"):
            if not (enclosure.get("length") or "").isdigit() or not enclosure.get("url") or not enclosure.get("type"):
                problems.append(f"item {number}: <enclosure> needs url, a numeric length and type")
        for author in item.iter("author"):
            if not _is_email(author.text or ""):
                problems.append(f"item {number}: <author> is not an e-mail address")
    return problems


def mend_json_feed(data: object) -> tuple[object, int]:
    """A JSON Feed without the `null`s the rss plugin writes for missing optional fields
    (`"icon": null` is invalid: an optional field is left out, not null). Returns the feed and
    how many nulls were taken out."""
    removed = 0

    def clean(value: object) -> object:
        nonlocal removed
        if isinstance(value, dict):
            kept = {}
            for key, item in value.items():
                if item is None:
                    removed += 1
                    continue
                kept[key] = clean(item)
            return kept
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    return clean(data), removed
