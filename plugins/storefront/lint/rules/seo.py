"""SEO rules of one page: title, description, headings, length, images and links."""

from __future__ import annotations

from urllib.parse import urlsplit

from .. import language, pixels, wording
from ..paths import for_section, matches
from . import rule


@rule("title-missing", "seo", "error",
      "The page has no title of its own (no front-matter title and no h1).")
def title_missing(page, options):
    if not page.input.title_from_meta and not _source_h1(page):
        yield 1, "add a `title:` to the front matter or start the page with a `# Heading`"


@rule("title-too-long", "seo", "warning",
      "The title is longer than search results show (over `max` characters).", max=60)
def title_too_long(page, options):
    length = len(page.input.title)
    if page.input.title and length > options["max"]:
        yield page.title_line, (f"the title \"{page.input.title}\" ({page.input.title_origin}) has {length} "
                                f"characters; shorten it to {options['max']:g} or fewer so search results "
                                f"show all of it")


@rule("title-width", "seo", "warning",
      "The title is wider than search results show: over `max` pixels in Arial at 20 px, as Yoast "
      "measures the SEO title.", max=600)
def title_width(page, options):
    title = page.input.title
    if not title:
        return
    wide = pixels.width(title)
    if wide > options["max"]:
        yield page.title_line, (f"the title \"{title}\" ({page.input.title_origin}) is {wide:.0f} px wide in "
                                f"search results (at most {options['max']:g} px show); shorten it so it is not cut off")


@rule("description-missing", "seo", "warning",
      "No `description` in the front matter (search engines then pick any text).", search_only=True)
def description_missing(page, options):
    if not page.input.description and not page.input.front_matter_unread:  # the YAML error says it
        yield 1, "add a `description:` of 120-160 characters to the front matter, saying what the page offers"


@rule("description-length", "seo", "warning",
      "The description is shorter than `min` or longer than `max` characters.",
      search_only=True, min=120, max=160)
def description_length(page, options):
    description = page.input.description
    if not description:
        return
    length = len(description)
    if length < options["min"]:
        yield page.input.description_line, (f"the description has {length} characters; lengthen it to "
                                            f"{options['min']:g}-{options['max']:g}")
    elif length > options["max"]:
        yield page.input.description_line, (f"the description has {length} characters; shorten it to "
                                            f"{options['min']:g}-{options['max']:g} so it is not cut off")


def _source_h1(page) -> list[int]:
    return [h.line for h in page.headings if h.level == 1] + page.doc.html_h1


@rule("h1-missing", "seo", "error", "The page has no h1 heading.")
def h1_missing(page, options):
    if page.input.rendered_h1 == 0 and not _source_h1(page) and not page.input.theme_h1:
        yield 1, "start the page with one `# Heading` naming its topic"


@rule("h1-multiple", "seo", "warning", "The page has more than one h1 heading.")
def h1_multiple(page, options):
    lines = sorted(_source_h1(page))
    if len(lines) > 1:
        for line in lines[1:]:
            yield line, "keep one h1 per page: make this heading `##` (h2) or lower"
    elif page.input.rendered_h1 > 1:
        yield (lines[0] if lines else 1), "the rendered page has more than one h1; keep one and make the others h2"


@rule("h1-not-first", "seo", "warning", "The h1 heading is not the first thing on the page.")
def h1_not_first(page, options):
    lines = sorted(_source_h1(page))
    if not lines:
        return
    first = lines[0]
    before = [item for item in page.doc.order if item.line < first and getattr(item, "level", 0) != 1]
    if before:
        yield first, ("move this h1 to the top of the page: the title heading comes before any text "
                      "or other heading")


@rule("heading-skip", "seo", "warning", "A heading level is skipped (e.g. h2 then h4).")
def heading_skip(page, options):
    previous = 1  # the page title is the h1, in the content or printed by the theme
    for heading in page.headings:
        if heading.level > previous + 1:
            yield heading.line, (f"this h{heading.level} follows an h{previous}; make it h{previous + 1} "
                                 f"({'#' * (previous + 1)}) so no level is skipped")
        previous = heading.level


@rule("text-too-short", "seo", "warning",
      "Fewer words than `min`, code examples included "
      "(per section: `sections`, path pattern -> minimum; 0 turns it off).",
      search_only=True, min=300, sections={})
def text_too_short(page, options):
    minimum = for_section(page.input.src_uri, options["min"], options["sections"])
    # Yoast counts every word of the text, code examples included: a reference page of short
    # prose around many examples is not thin
    total = page.word_count + page.doc.code_words
    if minimum and total < minimum:
        yield 1, f"the page has {wording.plural(total, 'word')}; write at least {minimum:g} so it can rank"


@rule("images-none", "seo", "info",
      "An article (a page matching `pages`) of `min_words` words or more has no image; pages with "
      "code examples are left out (the code illustrates them).", search_only=True, min_words=300,
      pages=["blog/posts/*", "posts/*"])
def images_none(page, options):
    if not matches(page.input.src_uri, options["pages"]):
        return
    if page.word_count >= options["min_words"] and not page.doc.images and not page.doc.code_blocks:
        line = page.intro.line if page.intro else 1
        yield line, (f"the page has {page.word_count} words and no image; add one that shows what the text "
                     f"is about, with alternative text")


@rule("image-alt-missing", "seo", "warning", "An image has no alternative text.")
def image_alt_missing(page, options):
    for image in page.doc.images:
        if not image.alt.strip():
            name = image.src.rsplit("/", 1)[-1] or "this image"
            yield image.line, f"add alternative text to {name} describing what it shows: ![what it shows]({image.src})"


def is_internal(href: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return False
    return bool(parts.path)


@rule("links-internal-none", "seo", "warning", "The page links to no other page of the site.",
      search_only=True)
def links_internal_none(page, options):
    if not any(is_internal(link.href) for link in page.doc.links):
        line = page.intro.line if page.intro else 1
        example = page.input.link_example
        yield line, "link to at least one related page of this site" + (f", e.g. {example}" if example else "")


def is_outbound(href: str) -> bool:
    parts = urlsplit(href)
    return parts.scheme in ("http", "https") or href.startswith("//")


@rule("links-outbound-none", "seo", "info",
      "The page links to no other website (off unless turned on: a source is worth a link, but "
      "most pages need none).", search_only=True, enabled=False)
def links_outbound_none(page, options):
    if not any(is_outbound(link.href) for link in page.doc.links):
        line = page.intro.line if page.intro else 1
        yield line, ("link to at least one useful page on another website, such as a source or a "
                     "reference, where it helps the reader")


@rule("link-text-vague", "seo", "warning",
      "A link text says nothing about its target (\"click here\", \"read more\"); `texts` adds more.",
      texts=[])
def link_text_vague(page, options):
    vague = language.vague_link_texts(page.lang) | {text.lower() for text in options["texts"]}
    for link in page.doc.links:
        label = link.text.strip().rstrip(".!:…→»> ").strip().lower()
        if label in vague:
            yield link.line, f"replace the link text \"{link.text}\" with words that say where it goes"
