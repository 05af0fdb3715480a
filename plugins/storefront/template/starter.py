"""A neutral client starter for `storefront new`: the pages, profile and configuration of a new
business's site, written from a few facts (name, schema.org type, timezone, URL, locale,
newsletter provider, brand colour).

The theme overrides (site_template/) and the deploy files come from the template; everything
that names the business is written here, from the facts, with every value the owner still has
to give marked `PLACEHOLDER` (and listed by `placeholders()`).
"""

from __future__ import annotations

from pathlib import Path

from .brand import brand_css, palette, rgb
from .facts import PHOTO, Facts
from .pages import pages
from .pins import requirements
from .site_files import business_yml, mkdocs_yml


def placeholder_photo(facts: Facts) -> bytes:
    """A 1200×800 PNG in the brand colour saying it stands in for a photo."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    brand = palette(facts.colour)["--sf-brand"]
    image = Image.new("RGB", (1200, 800), tuple(round(c * 255) for c in rgb(brand)))
    font_path = Path(__file__).resolve().parent.parent / "seo" / "fonts" / "DejaVuSans-Bold.ttf"
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(str(font_path), 56)
    except OSError:  # pragma: no cover - the font ships with the package
        font = ImageFont.load_default()
    ImageDraw.Draw(image).text((600, 400), "Your photo here", fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def placeholders(facts: Facts) -> list[str]:
    """What the owner still has to fill in, for the message after `storefront new`."""
    missing = []
    for key, label in (("name", "the business name (--name)"), ("type", "the schema.org type (--type)"),
                       ("timezone", "the timezone (--timezone)"), ("url", "the site's address (--url)")):
        if key not in facts.given:
            missing.append(f"{label}: using {getattr(facts, key)!r}")
    if not facts.country:
        missing.append("seo/business.yml: address.country (give --locale with a region, e.g. en_GB)")
    missing.append("seo/business.yml: address, telephone, email, opening hours, photos "
                   f"(content/{PHOTO} stands in for one)")
    missing.append("mkdocs.yml: site_description")
    if facts.provider:
        missing.append(f"mkdocs.yml: the {facts.provider} form ids (storefront/newsletter is off until then)")
    missing.append("content/: the text of every page (marked <!-- PLACEHOLDER -->)")
    return missing


def write(facts: Facts, target: Path, template: Path) -> None:
    """Write the starter into `target` (new or empty), taking site_template/ and deploy/ from
    the template folder `template`."""
    import shutil

    from .skeleton import GITIGNORE, IGNORED

    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns(*IGNORED)
    shutil.copytree(template / "site_template", target / "site_template", ignore=ignore)
    shutil.copytree(template / "deploy", target / "deploy", ignore=ignore)
    css = target / "site_template" / "stylesheets" / "brand.css"
    css.write_text(brand_css(css.read_text(encoding="utf-8"), facts.colour), encoding="utf-8")
    workflow = (template / "deploy" / "github-pages.yml").read_text(encoding="utf-8")
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / ".github" / "workflows" / "deploy.yml").write_text(workflow, encoding="utf-8")
    (target / "deploy" / "github-pages.yml").unlink()  # it is the workflow now
    (target / "mkdocs.yml").write_text(mkdocs_yml(facts), encoding="utf-8")
    (target / "seo").mkdir()
    (target / "seo" / "business.yml").write_text(business_yml(facts), encoding="utf-8")
    for path, text in pages(facts).items():
        file = target / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    photo = target / "content" / PHOTO
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(placeholder_photo(facts))
    (target / "requirements.txt").write_text(requirements(), encoding="utf-8")
    (target / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
