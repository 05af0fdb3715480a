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
    """The page's title as the theme's base template prints it in `<title>` (the part before
    " - site name", which the theme adds to every page alike).

    Material: the front-matter title, else the page title (the nav label when the nav gives
    one); the home page without a front-matter title is the site name alone. MkDocs' own
    themes (mkdocs, readthedocs), and other themes taken to follow them: the page title (nav
    label first); the home page is the site name alone.
    """
    if theme in _META_TITLE_FIRST and meta_title.strip():
        return meta_title.strip()
    if page_title.strip() and not is_home:
        return page_title.strip()
    return site.strip()
