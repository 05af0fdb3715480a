"""The `<title>` a page ships: storefront/seo's pattern, or what the theme prints.

Pure: `support.search_title` hands over the page's plain title parts. One function for
every plugin that needs the title search results show (storefront/seo writes it,
storefront/lint judges it, storefront/schema names the WebPage with it).
"""

from __future__ import annotations

__all__ = ["compose_title", "theme_title"]

# The theme whose base template prints front matter `title` before the nav label (Material:
# `page.meta.title - site_name`, else `page.title - site_name`, the home page `site_name`).
_META_TITLE_FIRST = frozenset(["material"])


def compose_title(pattern: str, *, page: str, site: str, site_description: str = "") -> str:
    """Fill a validated title pattern. A pattern that needs the site description falls back to
    the site name alone when there is none, so no dangling separator is left."""
    if "{site_description}" in pattern and not site_description.strip():
        return site.strip()
    return pattern.format(page=page.strip(), site=site.strip(),
                          site_description=site_description.strip()).strip()


def theme_title(theme: str, *, meta_title: str, page_title: str, is_home: bool, site: str) -> str:
    """The `<title>` the theme's base template prints (`htmltitle` block).

    Material: the front-matter title, else the page title (the nav label when the nav gives
    one), then " - " and the site name; the home page without a front-matter title is the
    site name alone. MkDocs' own themes (mkdocs, readthedocs), and other themes taken to
    follow them: the page title (nav label first) " - " site name, the home page the site
    name alone.
    """
    site = site.strip()
    if theme in _META_TITLE_FIRST and meta_title.strip():
        own = meta_title.strip()
    elif page_title.strip() and not is_home:
        own = page_title.strip()
    else:
        return site
    return f"{own} - {site}" if site else own
