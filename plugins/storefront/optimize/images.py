"""Images in finished HTML: real sizes, lazy loading below the first screen, WebP variants.

Only `<img>` tags are looked at (one regular-expression pass over the page, no DOM), so the
cost stays in the tens of microseconds a page. What an image *is* (its file, size, variants)
comes from a `lookup` callable the caller provides, so this module knows nothing of MkDocs.

- `width`/`height` from the real file on every `<img>` that lacks them, so the browser
  reserves the space before the image arrives (no layout shift).
- `loading="lazy"` and `decoding="async"` on every image after the first `eager` ones in
  the main content (the first `<article>`, else `<main>`, else `role="main"`): those are on
  the first screen. Images before the main content (a header logo, a sidebar avatar) are
  left as they are. The first image of the main content gets `fetchpriority="high"`: it is
  often the page's largest paint.
- Responsive WebP: raster images get a `<picture>` with a WebP `<source srcset sizes>`;
  the original stays as the fallback `<img>`. `VariantStore` makes the variants with Pillow
  and caches them on disk by content hash.

Attributes an author already set (e.g. `loading="eager"` through attr_list) are kept.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

from ..core.escape import html_attr
from ..core.progress import Progress

# An <img> tag; quoted attribute values may contain ">".
IMG_TAG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
ATTRIBUTE = re.compile(
    r"""([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Where the main content starts: the first <article> (Material's content column, after the
# sidebars), else <main>, else role="main" (MkDocs' own theme).
MAIN_CONTENT = (re.compile(r"<article\b", re.IGNORECASE), re.compile(r"<main\b", re.IGNORECASE),
                re.compile(r"""\brole\s*=\s*["']?main\b""", re.IGNORECASE))
PICTURE = re.compile(r"<(/?)picture\b", re.IGNORECASE)

# Raster formats worth a WebP variant (GIF may be animated, SVG is already small).
WEBP_SOURCES = frozenset({"image/png", "image/jpeg"})


@dataclass(frozen=True)
class Variant:
    """One WebP rendition of an image."""

    width: int
    height: int
    name: str
    """File name, unique per source content, width and quality (e.g. `3f9c…-480.webp`)."""
    file: Path
    """Where the variant is cached on disk."""


@dataclass(frozen=True)
class ImageFacts:
    """What the page rewriter needs to know about one `src`."""

    width: int
    height: int
    srcset: Sequence[tuple[str, int]] = ()
    """WebP variants as (URL relative to the page, width in pixels), smallest first."""


@dataclass
class Settings:
    dimensions: bool = True
    lazy: bool = True
    eager: int = 1
    priority: bool = True
    webp: bool = True
    sizes: str = "100vw"


@dataclass
class PageStats:
    images: int = 0
    sized: int = 0
    lazy: int = 0
    pictures: int = 0
    missing: list[str] = field(default_factory=list)


Lookup = Callable[[str, bool], "ImageFacts | None"]


def parse_attributes(tag: str) -> dict[str, str | None]:
    """The attributes of one start tag, names lower-cased, values as written (entities kept)."""
    inner = tag[4:-1].rstrip("/")  # drop "<img" and ">"
    attributes: dict[str, str | None] = {}
    for match in ATTRIBUTE.finditer(inner):
        name = match.group(1).lower()
        if name in attributes:
            continue  # HTML keeps the first of duplicated attributes
        value = next((g for g in match.group(2, 3, 4) if g is not None), None)
        attributes[name] = value
    return attributes


def _unescape(value: str) -> str:
    if "&" not in value:
        return value
    import html

    return html.unescape(value)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        number = int(float(value.strip().removesuffix("px")))
    except ValueError:
        return None
    return number if number > 0 else None


def _with_attributes(tag: str, added: list[tuple[str, str]]) -> str:
    if not added:
        return tag
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    head = tag[:end].rstrip()
    extra = "".join(f' {name}="{html_attr(value)}"' for name, value in added)
    return head + extra + tag[end:]


def _inside_picture(html: str, position: int) -> bool:
    """True when the tag at `position` is already inside a `<picture>`."""
    opened = html.rfind("<picture", 0, position)
    if opened == -1:
        return False
    return html.rfind("</picture", opened, position) == -1


def rewrite_images(html: str, lookup: Lookup, settings: Settings,
                   stats: PageStats | None = None) -> str:
    """The page with every `<img>` sized, lazy below the first screen and given WebP variants.

    `lookup(src, want_variants)` returns the image's facts, or None when the file cannot be
    found or read (an external URL, a data: URI, a missing file); such images only get the
    loading attributes.
    """
    stats = stats if stats is not None else PageStats()
    if "<img" not in html and "<IMG" not in html:
        return html
    main_start = _main_start(html)
    in_main = 0
    pieces: list[str] = []
    last = 0
    for match in IMG_TAG.finditer(html):
        tag = match.group(0)
        stats.images += 1
        attributes = parse_attributes(tag)
        added: list[tuple[str, str]] = []

        src = _unescape(attributes.get("src") or "")
        wants_variants = (settings.webp and "srcset" not in attributes
                          and not _inside_picture(html, match.start()))
        facts = lookup(src, wants_variants) if src else None
        if src and facts is None:
            stats.missing.append(src)

        if settings.dimensions and facts is not None:
            added += _size(attributes, facts, stats)
        if match.start() >= main_start:
            in_main += 1
            added += _loading(attributes, in_main, settings, stats)
        new_tag = _with_attributes(tag, added)
        if wants_variants and facts is not None and facts.srcset:
            new_tag = _picture(new_tag, facts, settings)
            stats.pictures += 1
        pieces.append(html[last:match.start()])
        pieces.append(new_tag)
        last = match.end()
    pieces.append(html[last:])
    return "".join(pieces)


def _main_start(html: str) -> int:
    """Where the page's main content starts (0 when the theme marks none)."""
    for pattern in MAIN_CONTENT:
        main = pattern.search(html)
        if main:
            return main.start()
    return 0


def _size(attributes: dict[str, str | None], facts: ImageFacts, stats: PageStats) -> list[tuple[str, str]]:
    """`width` and `height` from the file, keeping the ratio of one the author wrote."""
    if not facts.width or not facts.height:
        return []
    width, height = _int(attributes.get("width")), _int(attributes.get("height"))
    if width is None and height is None:
        added = [("width", str(facts.width)), ("height", str(facts.height))]
    elif width is None and height is not None:
        added = [("width", str(round(height * facts.width / facts.height)))]
    elif height is None and width is not None:
        added = [("height", str(round(width * facts.height / facts.width)))]
    else:
        return []
    stats.sized += 1
    return added


def _loading(attributes: dict[str, str | None], in_main: int, settings: Settings,
             stats: PageStats) -> list[tuple[str, str]]:
    """The `in_main`-th image of the main content: the first fetched first, those below the
    first screen lazy; an author's own loading attributes are kept."""
    added: list[tuple[str, str]] = []
    if (settings.priority and in_main == 1 and settings.eager > 0
            and "fetchpriority" not in attributes and "loading" not in attributes):
        added.append(("fetchpriority", "high"))  # often the largest paint
    if settings.lazy and in_main > settings.eager:
        if "loading" not in attributes:
            added.append(("loading", "lazy"))
            stats.lazy += 1
        if "decoding" not in attributes:
            added.append(("decoding", "async"))
    return added


def _picture(tag: str, facts: ImageFacts, settings: Settings) -> str:
    """The `<img>` inside a `<picture>` whose source offers the WebP variants."""
    srcset = ", ".join(f"{url} {width}w" for url, width in facts.srcset)
    return (f'<picture><source type="image/webp" srcset="{html_attr(srcset)}" '
            f'sizes="{html_attr(settings.sizes)}">{tag}</picture>')


# --- WebP variants ------------------------------------------------------------------------

def variant_widths(original: int, widths: Sequence[int]) -> list[int]:
    """The widths to render: each configured width narrower than the original, and the
    original itself (capped at the largest configured width) so big screens get a WebP too."""
    if original <= 0 or not widths:
        return []
    largest = max(widths)
    chosen = {w for w in widths if w < original}
    chosen.add(min(original, largest))
    return sorted(chosen)


@lru_cache(maxsize=4096)
def _digest(path: str, _mtime: int, _size: int, salt: str) -> str:
    digest = hashlib.sha256(salt.encode())
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:20]


def content_digest(path: str | os.PathLike, salt: str = "") -> str:
    """A short hash of the file's bytes (and `salt`), cached by path, mtime and size."""
    stat = os.stat(path)
    return _digest(os.fspath(path), stat.st_mtime_ns, stat.st_size, salt)


@lru_cache(maxsize=4096)
def _oriented(path: str, _mtime: int, _size: int) -> bool:
    """True when the JPEG's EXIF orientation turns it a quarter (width and height swap)."""
    try:
        with Image.open(path) as image:
            return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    except OSError:
        return False


def displayed_size(path: str | os.PathLike, width: int, height: int, mime: str) -> tuple[int, int]:
    """Width and height as a browser shows the image (EXIF orientation applied)."""
    if mime == "image/jpeg":
        stat = os.stat(path)
        if _oriented(os.fspath(path), stat.st_mtime_ns, stat.st_size):
            return height, width
    return width, height


class VariantStore:
    """WebP renditions of images, made with Pillow and cached on disk by content hash.

    A variant's name holds the hash of the source bytes, the quality and the width, so a
    changed image gets new names (safe to cache forever) and an unchanged one is never
    encoded twice, across builds.
    """

    def __init__(self, cache_dir: Path, widths: Sequence[int], quality: int) -> None:
        self.cache_dir = Path(cache_dir)
        self.widths = tuple(sorted(set(widths)))
        self.quality = quality
        self.progress: Progress | None = None  # told of each variant written

    def variants(self, path: str | os.PathLike, width: int, height: int) -> list[Variant]:
        """The variants for the image at `path` (shown at `width` x `height`), made if missing."""
        digest = content_digest(path, f"webp-q{self.quality}")
        result: list[Variant] = []
        missing: list[Variant] = []
        for target in variant_widths(width, self.widths):
            target_height = max(1, round(height * target / width))
            name = f"{digest}-{target}.webp"
            variant = Variant(target, target_height, name, self.cache_dir / name)
            result.append(variant)
            if not variant.file.exists():
                missing.append(variant)
        if missing:
            self._render(Path(path), missing)
        return result

    def _render(self, path: Path, variants: list[Variant]) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)
            if image.mode not in ("RGB", "RGBA"):
                has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
                image = image.convert("RGBA" if has_alpha else "RGB")
            # Largest first, each smaller one from the one before: a 3,000-pixel screenshot is
            # resampled once, not once per width (the widths are 1.5 times or more apart, so
            # Lanczos from the larger rendition looks the same).
            source = image
            for variant in sorted(variants, key=lambda v: -v.width):
                resized = source if variant.width == source.width else source.resize(
                    (variant.width, variant.height), Image.Resampling.LANCZOS)
                source = resized
                # Write to a temporary name first: a half-written file is never cached.
                handle, temporary = tempfile.mkstemp(dir=self.cache_dir, suffix=".part")
                os.close(handle)
                try:
                    resized.save(temporary, "WEBP", quality=self.quality, method=4)
                    os.replace(temporary, variant.file)
                    if self.progress is not None:
                        self.progress.advance()
                finally:
                    if os.path.exists(temporary):
                        os.unlink(temporary)

    @staticmethod
    def publish(variant: Variant, target: Path) -> None:
        """Copy a cached variant into the built site (once; names are content-addressed)."""
        if target.exists() and target.stat().st_size == variant.file.stat().st_size:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(variant.file, target)
