"""Options of storefront/optimize."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

MAX_WIDTH = 10_000  # pixels: wider than any screen a variant is for
MAX_INLINE = 1_000_000  # bytes: a stylesheet this large is better linked than inlined
MAX_EAGER = 1_000


class OptimizeConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (e.g. `enabled: !ENV [OPTIMIZE, true]` for quick previews)."""

    minify = c.Type(bool, default=True)
    """Minify every page's HTML with minify-html (JSON-LD, `<pre>` and inline SVG kept intact)."""

    minify_css = c.Type(bool, default=True)
    """Also minify CSS in `<style>` elements and `style` attributes."""

    minify_js = c.Type(bool, default=False)
    """Also minify inline JavaScript in `<script>` elements (off: themes' inline scripts are tiny)."""

    inline_css = c.Type(int, default=8192)
    """Inline local stylesheets of at most this many bytes into each page (a `<style>` instead
    of a render-blocking request); 0 turns it off. Stylesheets with `url(` or `@import` stay
    linked."""

    image_dimensions = c.Type(bool, default=True)
    """Add `width` and `height`, read from the image file, to every `<img>` that lacks them."""

    lazy_loading = c.Type(bool, default=True)
    """Add `loading="lazy"` and `decoding="async"` to images below the first screen."""

    eager_images = c.Type(int, default=1)
    """How many images at the top of the main content load at once (the first screen)."""

    fetch_priority = c.Type(bool, default=True)
    """Give the first image of the main content `fetchpriority="high"` (often the largest
    paint, so the browser fetches it before other images)."""

    webp = c.Type(bool, default=True)
    """Wrap PNG and JPEG images in `<picture>` with responsive WebP variants (`srcset`)."""

    widths = c.ListOfItems(c.Type(int), default=[480, 960, 1440])
    """Widths in pixels of the WebP variants (only those narrower than the original are made,
    plus one at the original width, capped at the largest)."""

    quality = c.Type(int, default=80)
    """WebP quality, 1 to 100."""

    sizes = c.Type(str, default="(min-width: 76.25em) 42rem, 100vw")
    """The `sizes` attribute of the WebP `<source>`: how wide images are shown (the default
    fits Material's content column)."""

    output_dir = c.Type(str, default="assets/images/optimized")
    """Folder in the built site for the WebP variants (names are content hashes: cache them
    forever)."""

    headers = c.Optional(c.Type(str))
    """A `_headers` template (relative to mkdocs.yml) written to the site root for Netlify and
    Cloudflare Pages, with `{script_hashes}` replaced by the CSP hashes of every inline script
    in the built site and `{form_origins}` by the origins its forms post to or are redirected
    through (`data-sf-form-origins`). Unset: no file."""

    cache_dir = c.Type(str, default=".cache/storefront/optimize")
    """Where WebP variants and minified pages are cached between builds, relative to mkdocs.yml."""

    workers = c.Optional(c.Type(int))
    """Helper processes that minify pages beside a cold build (each page's file is rewritten
    when its minified text is ready); default: 1 on a machine with two CPUs or more, else 0
    (every page minified in the build process)."""

    def validate(self):
        failed, warnings = super().validate()
        if not failed:
            if not 1 <= self.quality <= 100:
                failed.append(("quality", c.ValidationError(
                    f"quality must be between 1 and 100, not {self.quality}")))
            if any(not 0 < width <= MAX_WIDTH for width in self.widths):
                failed.append(("widths", c.ValidationError(
                    f"widths must be numbers of pixels from 1 to {MAX_WIDTH:,}, e.g. [480, 960, 1440]")))
            if not 0 <= self.inline_css <= MAX_INLINE:
                failed.append(("inline_css", c.ValidationError(
                    f"inline_css must be 0 (off) or a size in bytes up to {MAX_INLINE:,}, e.g. 8192")))
            if not 0 <= self.eager_images <= MAX_EAGER:
                failed.append(("eager_images", c.ValidationError(
                    f"eager_images must be from 0 to {MAX_EAGER}")))
        return failed, warnings
