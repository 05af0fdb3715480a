"""One page's analysis: the facts every rule reads, computed once from the Markdown source
and the few facts taken from the rendered page.

`PageInput` is everything the MkDocs adapter hands over (plain values, no MkDocs objects);
`PageAnalysis` adds the parsed document, the sentences and word counts; `analyse` runs the
page rules and returns a `PageResult`, which is what the cache stores.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TypeVar

from . import keyphrase
from . import text as textmod
from .findings import Finding
from .source import Document, Heading, Unit, parse

K = TypeVar("K")
V = TypeVar("V")


@dataclass
class PageInput:
    path: str  # the source as named in messages (content/blog/posts/x.md)
    src_uri: str  # the path under docs_dir (blog/posts/x.md), for section patterns
    url: str  # the page URL relative to the site root (blog/x/)
    source: str  # the whole Markdown file, front matter included
    title: str  # the page's <title> as search results show it (support.search_title), plain text
    title_from_meta: bool  # the title was written in front matter
    title_line: int  # where the title is written (its front-matter key, else the h1, else 1)
    description: str | None
    description_line: int
    keyword: str | None
    keyword_line: int
    keywords: list[str]
    lang: str  # the language root ("en")
    indexable: bool  # not noindex and not the 404 page
    rendered_h1: int  # <h1> elements in the rendered content
    theme_h1: bool  # the theme prints the title as h1 when the content has none
    rendered_cta: bool  # the rendered content has a call to action (button link or storefront/cta)
    ignore: list[str] = field(default_factory=list)  # rule ids this page opts out of
    title_origin: str = "the title"  # what writes it, for messages: "the <title> Material prints"
    appended: str = ""  # link definitions the site appends to every page (pymdownx.snippets auto_append)
    front_matter_unread: bool = False  # its YAML could not be read (reported once by support.page_meta)
    link_example: str = ""  # a Markdown link to a real page of the site, for messages: "[Contact](contact.md)"
    cta_example: str = ""  # the same for a call to action (a contact, order or start page, else home)


@dataclass
class Sentence:
    text: str
    words: list[str]
    line: int
    unit: Unit


@dataclass
class PageResult:
    """What the analysis of one page yields (cached on disk, JSON-serialisable)."""

    path: str
    src_uri: str
    url: str
    title: str
    title_line: int
    description: str | None
    description_line: int
    keyword: str | None
    keyword_norm: str | None
    keyword_line: int
    language: str
    words: int
    indexable: bool
    ignore: list[str]
    findings: list[Finding]

    def to_json(self) -> dict:
        data = asdict(self)
        data["findings"] = [asdict(finding) for finding in self.findings]
        return data

    @classmethod
    def from_json(cls, data: dict) -> PageResult:
        data = dict(data)
        data["findings"] = [Finding(**item) for item in data["findings"]]
        return cls(**data)


class PageAnalysis:
    """The facts of one page the rules read (computed lazily, each at most once)."""

    def __init__(self, page: PageInput):
        self.input = page
        self.lang = page.lang
        self.doc: Document = parse(page.source, page.appended)
        self._mentions: dict[str | None, bool] = {}  # several rules ask of the same heading
        self._split: dict[str, list[tuple[int, str]]] = {}  # a text's sentences (several facts split a unit)
        self._keyed: dict[str, list[tuple[list[str], Counter]]] = {}  # as the keyphrase matcher reads them

    @property
    def headings(self) -> list[Heading]:
        return self.doc.headings

    @cached_property
    def title_line(self) -> int:
        """Where the title is written: its front-matter key, else the first h1, else line 1."""
        if self.input.title_line:
            return self.input.title_line
        h1 = [heading.line for heading in self.headings if heading.level == 1]
        return h1[0] if h1 else 1

    @cached_property
    def prose(self) -> list[Unit]:
        """Paragraphs and list items: the units sentences are made of."""
        return [unit for unit in self.doc.units if unit.kind in ("p", "li")]

    @cached_property
    def paragraphs(self) -> list[Unit]:
        return [unit for unit in self.doc.units if unit.kind == "p"]

    @cached_property
    def intro(self) -> Unit | None:
        """The first paragraph of the body, past any image, admonition or block quote."""
        for unit in self.paragraphs:
            if not unit.aside:
                return unit
        return None

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for unit in self.prose:
            for offset, sentence in self.split(unit.text):
                found = textmod.words(sentence)
                if found:
                    out.append(Sentence(sentence, found, unit.line_at(offset), unit))
        return out

    @cached_property
    def unit_words(self) -> dict[int, list[str]]:
        return {id(unit): textmod.words(unit.text) for unit in self.doc.units}

    @cached_property
    def word_count(self) -> int:
        return sum(len(words) for words in self.unit_words.values())

    @cached_property
    def keyphrases(self) -> list[keyphrase.Keyphrase]:
        """The focus keyphrase and its synonyms as the matcher reads them (the focus keyphrase
        first)."""
        phrases = [self.input.keyword, *self.input.keywords] if self.input.keyword else []
        out: list[keyphrase.Keyphrase] = []
        for phrase in phrases:
            parsed = keyphrase.parse(phrase, self.lang)
            if parsed and all(parsed.keys != other.keys or parsed.exact != other.exact for other in out):
                out.append(parsed)
        return out

    @cached_property
    def frequent_phrase(self) -> str | None:
        """The page's own most frequent two-word phrase of content words (used twice or more),
        else its most frequent content word: an example keyphrase that fits the page."""
        from .keyphrase import function_words

        skip = function_words(self.lang)
        pairs: Counter = Counter()
        singles: Counter = Counter()
        for sentence in self.sentences:
            lower = [w.lower() for w in sentence.words]
            content = [w if (w.isalpha() and len(w) > 2 and w not in skip) else None for w in lower]
            singles.update(w for w in content if w)
            pairs.update(f"{a} {b}" for a, b in itertools.pairwise(content) if a and b)
        if pairs:
            phrase, count = pairs.most_common(1)[0]
            if count >= 2:
                return phrase
        return singles.most_common(1)[0][0] if singles else None

    def split(self, text: str) -> list[tuple[int, str]]:
        """`text.split_sentences(text)`, once per text and page."""
        return _once(self._split, text, textmod.split_sentences)

    def keyed_sentences(self, text: str) -> list[tuple[list[str], Counter]]:
        """`keyphrase.sentences(text)`, once per text and page."""
        return _once(self._keyed, text, lambda t: keyphrase.sentences(t, self.lang, split=self.split(t)))

    def mentions_keyword(self, value: str | None) -> bool:
        """Whether one sentence of `value` holds every content word of the keyphrase or a synonym."""
        if not self.keyphrases:
            return False
        return _once(self._mentions, value, lambda v: keyphrase.found(
            v, self.keyphrases, self.lang, parsed=self.keyed_sentences(v or "")))

    def keyword_count(self, phrases: list[keyphrase.Keyphrase]) -> int:
        """How often the keyphrases occur in the body (per sentence; paragraphs, list items and
        cells are never joined)."""
        return sum(keyphrase.count(unit.text, phrases, self.lang, parsed=parsed)
                   for unit, parsed in self.unit_sentences)

    @cached_property
    def unit_sentences(self) -> list:
        return [(unit, self.keyed_sentences(unit.text)) for unit in self.doc.units]


def _once(store: dict[K, V], key: K, compute: Callable[[K], V]) -> V:
    """`compute(key)`, kept in `store` (a page's memo: several rules ask of the same text)."""
    if key in store:
        return store[key]
    value = store[key] = compute(key)
    return value


def analyse(page: PageInput, settings: dict) -> PageResult:
    """Run every enabled page rule on one page."""
    from .rules import load

    rules = load()
    analysis = PageAnalysis(page)
    findings: list[Finding] = []
    for rule_id, rule in rules.items():
        setting = settings[rule_id]
        if rule.site or not setting.enabled or rule_id in page.ignore:
            continue
        if rule.search_only and not page.indexable:
            continue
        for line, message in rule.check(analysis, setting.options) or ():
            findings.append(Finding(page.path, max(1, int(line)), rule_id, setting.severity, message))
    keyword_norm = " ".join(analysis.keyphrases[0].keys) if analysis.keyphrases else None
    return PageResult(
        path=page.path, src_uri=page.src_uri, url=page.url, title=page.title, title_line=analysis.title_line,
        description=page.description, description_line=page.description_line, keyword=page.keyword,
        keyword_norm=keyword_norm, keyword_line=page.keyword_line, language=page.lang,
        words=analysis.word_count, indexable=page.indexable, ignore=list(page.ignore),
        findings=sorted(findings, key=lambda f: (f.line, f.rule, f.message)),
    )
