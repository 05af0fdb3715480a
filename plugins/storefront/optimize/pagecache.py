"""Minified pages kept across builds, so an unchanged page is not minified and checked again.

The key of a page is a hash of everything its minified form depends on: the page as it reaches
minify-html (images already sized, stylesheets inlined), the minify options, the version of
minify-html and the code of minify.py, structure.py and background.py. A page whose text, options or that code
changed gets a new key, so an entry is never stale; entries no build used are removed at the end
of a full build. Only pages that passed the structure check are kept (a page written unminified
is checked, and warned about, in every build), with the CSP facts of the minified text.

`rewrites.py` keeps, beside this cache, which entry each page as the theme rendered it led to,
so an unchanged page is not rewritten (images, stylesheets) before its entry is read.

Each entry is one file named by its key: a line of JSON with the CSP facts, then the minified
page as UTF-8 (about the size of the built page; not compressed, because decompressing costs more
than reading). A cache that cannot be read or written costs only time: the page is minified as
if the cache were empty.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_FORMAT = "2"  # bump when the entry layout changes


@dataclass(frozen=True)
class Entry:
    """A page's minified text and, when they were asked for, its CSP facts."""

    html: str
    script_hashes: frozenset[str] | None = None
    form_origins: frozenset[str] | None = None


def code_digest(*modules: str) -> hashlib.blake2b:
    """A hash of the source of these modules of this package (a cache key part: changed code
    never reads an old entry)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for name in modules:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file beside it, so no reader sees half of it (an
    OSError is the caller's to handle)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def code_salt(*options: object) -> str:
    """What besides the page decides its minified text: the options, minify-html's version
    and the code of the modules that minify and check it."""
    digest = code_digest("minify.py", "structure.py", "background.py", "pagecache.py")
    try:
        digest.update(version("minify-html").encode())
    except PackageNotFoundError:
        digest.update(b"minify-html ?")
    digest.update(repr((_FORMAT, *options)).encode())
    return digest.hexdigest()


class PageCache:
    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = Path(folder)
        self._salt = salt.encode()
        self._used: set[str] = set()
        self._broken = False  # writing failed once: do not try again this build

    def key(self, html: str) -> str:
        digest = hashlib.blake2b(self._salt, digest_size=20)
        digest.update(html.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        self._used.add(key)
        try:
            raw = (self.folder / key).read_bytes()
            head, separator, body = raw.partition(b"\n")
            facts = json.loads(head)
            if not separator or not isinstance(facts, dict):
                return None
            scripts, forms = facts.get("scripts"), facts.get("forms")
            return Entry(body.decode("utf-8", "surrogatepass"),
                         frozenset(scripts) if scripts is not None else None,
                         frozenset(forms) if forms is not None else None)
        except (OSError, ValueError, TypeError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        self._used.add(key)
        if self._broken:
            return
        facts = {"scripts": sorted(entry.script_hashes) if entry.script_hashes is not None else None,
                "forms": sorted(entry.form_origins) if entry.form_origins is not None else None}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / key,
                             json.dumps(facts).encode() + b"\n" + entry.html.encode("utf-8", "surrogatepass"))
        except OSError:
            self._broken = True

    def prune(self) -> None:
        """Remove the entries this build did not use (call after a full build only)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name not in self._used:
                try:
                    os.unlink(self.folder / name)
                except OSError:
                    pass
        self._used.clear()

    def start_build(self) -> None:
        self._used.clear()
        self._broken = False
