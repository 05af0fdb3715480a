"""What `storefront check` looks for in a built site, whatever engine built it.

A deploy gate for the output folder: MkDocs with the suite, ProperDocs, Zensical (which
silently skips MkDocs plugins it does not know) or any other engine. It reads the HTML with
a real parser (selectolax: minified output with unquoted attributes reads the same) and
finds what must never reach visitors:

- a page the calendar keeps out (draft, scheduled, expired), matched by its output path or,
  for blog posts whose address the engine chose, by its `<h1>`; and every other file (feeds,
  sitemap, search index, listings) that links to such a page;
- a social image (`og:image`, `twitter:image`) or canonical link on the site's own origin
  that points at no file of the site;
- a `///` block printed as text (an engine that does not know the block's extension).

Pure: no mkdocs import. The command (`check/cli.py`) works out which pages are hidden.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

__all__ = ["Hidden", "Problem", "Report", "check_site"]

_TEXT_FILES = (".xml", ".json", ".txt", ".ics")
_BLOCK_TEXT = re.compile(r"^\s*/{3,}\s*[A-Za-z][\w-]*")
_SKIP_TEXT = frozenset({"pre", "code", "script", "style", "textarea", "kbd", "samp"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Hidden:
    """A page the site must not publish now."""

    source: str  # as named in messages, e.g. docs/blog/posts/galette.md
    title: str
    state: str  # draft, scheduled, expired
    detail: str  # "Scheduled for Mon 4 Jan 2027, 09:00"
    dest: str | None = None  # its output file when the address is known (about/index.html)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one output file."""

    file: str  # site-relative, e.g. blog/2027/01/04/galette/index.html
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}; {self.fix}"


@dataclass
class Report:
    problems: list[Problem]
    pages: int  # HTML pages read
    unchecked_urls: int  # social images and canonicals on other origins (not fetched)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _site_base(site_url: str | None) -> tuple[str, str] | None:
    """(origin, path prefix ending in /) of the site's own URLs."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    if not parts.scheme or not parts.netloc:
        return None
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}".lower(), prefix


def _page_url(rel: str) -> str:
    """The site-relative URL a file is served at (`about/index.html` -> `/about/`)."""
    if rel == "index.html" or rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def _target(url: str, page_rel: str, base: tuple[str, str] | None) -> str | None:
    """The site-relative file path `url` (written on page `page_rel`) points at, or None
    when it is on another origin (or the site's origin is unknown and the URL is absolute)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") or url.startswith("//"):
        if base is None:
            return None
        origin = f"{parts.scheme or urlsplit(base[0]).scheme}://{parts.netloc}".lower()
        if origin != base[0] or not parts.path.startswith(base[1]):
            return None
        path = parts.path[len(base[1]):]
    elif parts.scheme:
        return None  # mailto:, data: ... not a file of the site
    elif url.startswith("/"):
        prefix = base[1] if base else "/"
        path = parts.path[len(prefix):] if parts.path.startswith(prefix) else parts.path.lstrip("/")
    else:
        joined = urljoin("https://site.invalid" + _page_url(page_rel), url)
        path = urlsplit(joined).path.lstrip("/")
    return posixpath.normpath(unquote(path)) if path else ""


def _exists(site: Path, rel: str) -> bool:
    if rel in ("", "."):
        return (site / "index.html").is_file()
    if rel.startswith("../") or rel == "..":
        return False
    path = site.joinpath(*rel.split("/"))
    return path.is_file() or (path / "index.html").is_file()


def _html_files(site: Path) -> Iterator[str]:
    for root, dirs, names in os.walk(site):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".html"):
                yield Path(root, name).relative_to(site).as_posix()


def _printed_blocks(tree: LexborHTMLParser) -> list[str]:
    """Text of elements that begin with a `///` block opener, outside code."""
    found: list[str] = []
    body = tree.body
    if body is None:
        return found
    for node in body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        if not _BLOCK_TEXT.match(text):
            continue
        parent, inside_code = node.parent, False
        while parent is not None:
            if parent.tag in _SKIP_TEXT:
                inside_code = True
                break
            parent = parent.parent
        if not inside_code:
            found.append(_SPACE.sub(" ", text).strip()[:60])
    return found


def _first_h1(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("h1")
    return _norm(node.text()) if node is not None else None


def check_site(site_dir: str | os.PathLike, *, site_url: str | None = None,
               hidden: Iterable[Hidden] = ()) -> Report:
    """Every problem of the built site in `site_dir`, file by file."""
    site = Path(site_dir)
    base = _site_base(site_url)
    hidden = list(hidden)
    by_dest = {h.dest: h for h in hidden if h.dest}
    by_title = {_norm(h.title): h for h in hidden if h.title.strip()}
    problems: list[Problem] = []
    published: dict[str, Hidden] = {}  # output file -> the hidden page it is
    links: dict[str, set[str]] = {}  # output file -> the files of the site it links to
    unchecked = pages = 0

    for rel in _html_files(site):
        pages += 1
        tree = LexborHTMLParser(site.joinpath(*rel.split("/")).read_bytes())
        page = by_dest.get(rel) or _by_heading(tree, by_title)
        if page is not None:
            published[rel] = page
            problems.append(Problem(
                rel, f"is the {page.state} page {page.source} ({page.detail}), published",
                "do not deploy this build: build with storefront/calendar enabled (MkDocs or "
                "ProperDocs), or remove the page from docs_dir for an engine that ignores it"))
        links[rel] = {_as_file(target) for node in tree.css("a[href]")
                      if (target := _target(node.attributes.get("href") or "", rel, base)) is not None}
        head_problems, head_unchecked = _head_problems(site, rel, tree, base)
        problems += head_problems
        unchecked += head_unchecked
        for text in _printed_blocks(tree):
            problems.append(Problem(
                rel, f'shows the block "{text}" as text',
                "the engine did not run the block's extension: add the storefront plugin or its "
                "Markdown extension (see the README, Other engines)"))

    if published:
        problems += [_links_to(rel, linked) for rel, targets in links.items()
                     if (linked := [published[t] for t in sorted(targets) if t in published and t != rel])]
        problems.extend(_mentions(site, published, base))
    return Report(problems, pages, unchecked)


def _by_heading(tree: LexborHTMLParser, by_title: dict[str, Hidden]) -> Hidden | None:
    """The hidden page whose title is the page's first h1 (an engine may put it at another URL)."""
    h1 = _first_h1(tree)
    return by_title.get(h1) if h1 else None


def _head_problems(site: Path, rel: str, tree: LexborHTMLParser, base: tuple[str, str] | None
                   ) -> tuple[list[Problem], int]:
    """The page's social images and canonical link that are empty or point at no file of the
    site, and how many point at other origins (not checked)."""
    problems, unchecked = [], 0
    head = tree.head
    for node in head.css("meta[property='og:image'], meta[name='twitter:image'], "
                         "meta[property='twitter:image'], link[rel='canonical']") if head else []:
        is_link = node.tag == "link"
        url = node.attributes.get("href" if is_link else "content") or ""
        what = "canonical link" if is_link else "social image"
        if not url.strip():
            problems.append(Problem(rel, f"has an empty {what}", "set the page's URL or image"))
            continue
        target = _target(url, rel, base)
        if target is None:
            unchecked += 1
        elif not _exists(site, target):
            problems.append(Problem(
                rel, f"{what} {url} points at no file of the site",
                "check the page's image or canonical front matter and site_url; the file "
                f"{target or 'index.html'} is not in the built site"))
    return problems, unchecked


def _as_file(target: str) -> str:
    """The HTML file a site-relative link target is served from."""
    if target in ("", "."):
        return "index.html"
    return target if target.endswith(".html") else target.rstrip("/") + "/index.html"


def _mentions(site: Path, published: dict[str, Hidden], base: tuple[str, str] | None
              ) -> list[Problem]:
    """Feeds, sitemaps and search indexes (any text file but HTML) that carry the hidden
    pages' addresses."""
    prefix = base[1] if base else "/"
    needles: dict[str, Hidden] = {}
    for rel, page in published.items():
        url = _page_url(rel)
        needles[prefix.rstrip("/") + url] = page
        if url.strip("/"):
            needles[f'"{url.lstrip("/")}'] = page  # a search index's "location"
        if base:
            needles[base[0] + prefix.rstrip("/") + url] = page
    problems = []
    for root, dirs, names in os.walk(site):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(_TEXT_FILES) and not name.endswith(tuple(f + ".gz" for f in _TEXT_FILES)):
                continue
            path = Path(root, name)
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            if name.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError):
                    continue
            text = data.decode("utf-8", errors="ignore")
            linked = {page.source: page for needle, page in needles.items()
                      if needle in text or needle.replace("/", "\\/") in text}
            if linked:
                problems.append(_links_to(rel, list(linked.values())))
    return problems


def _links_to(rel: str, pages: list[Hidden]) -> Problem:
    named = " and ".join(dict.fromkeys(f"the {p.state} page {p.source}" for p in pages))
    return Problem(rel, f"links to {named}", "do not deploy this build (see the page's own message)")
