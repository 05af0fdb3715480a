"""Names the theme prints, handed to it escaped once (the suite's escaping promise, extended
past page titles to the site's names, nav sections, blog categories, authors and tags).

MkDocs renders theme templates without autoescaping, and Material prints `config.site_name`,
section titles, category and author names and tag names as they are: a `<img onerror=…>` in
any of them runs in the reader's browser. Each value is replaced by an escaped `Markup` copy
for as long as the theme renders, and by nothing longer where other readers (feeds, the
search index, `tags.json`, URLs and anchors) need the plain text:

- site_name, site_description, site_author and Material's blog authors: escaped from
  `on_env` (after every page is read) until the start of `on_post_build` (before the feed
  writers and other plugins that read them again), then put back.
- nav sections and links: escaped in `on_nav` (MkDocs prints `nav_item.title` raw).
- the heading Material's blog writes for a category or author page (`# {name}`, Markdown, so
  raw HTML passes through): written with the name escaped.
- tags: Material's tags plugin makes its `Tag` objects from front matter in its
  `on_page_markdown`; the front matter holds escaped copies just for that moment, and the plain
  list is put back right after. Its slugs (anchors on the tags page) are computed from the
  plain text, its `extra.tags` icon lookups find the escaped name too, and its `tags.json`
  export is written back as plain text.

Every value here is plain text in, `Markup` out; `Markup` is never escaped again (Jinja's
`| e` leaves it alone), so nothing is escaped twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..core.diagnostics import Diagnostic, describe
from ..core.escape import html_attr, html_text, plain_text
from ..core.frontmatter import key_line
from ..core.urls import url_fix, url_problem

SITE_KEYS = ("site_name", "site_description", "site_author")


def _escaped(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(html_attr(value))


def material_plugins(config: Any, module: str) -> list[Any]:
    return _plugins(config, module)


def _plugins(config: Any, module: str) -> list[Any]:
    """The instances of a Material plugin (by module: the blog plugin may be used twice)."""
    plugins = getattr(config, "plugins", None) or {}
    return [plugin for plugin in plugins.values()
            if type(plugin).__module__.startswith(module) and getattr(plugin.config, "enabled", True)]


# --- the theme window: on_env .. on_post_build --------------------------------------------

def harden_for_theme(config: Any, report: Any = None) -> list[tuple[Any, str, Any]]:
    """Escape the site's names and Material's blog authors for the templates (on_env), and
    take out an author `url` or `avatar` the suite would not publish (`javascript:`, `data:`…:
    Material prints them as a link and an image), each reported through `report`.

    Returns what was replaced, for `restore_after_theme`."""
    saved: list[tuple[Any, str, Any]] = []
    for key in SITE_KEYS:
        value = config.get(key)
        escaped = _escaped(value)
        if escaped is not value:
            saved.append((config, key, value))
            config[key] = escaped
    for plugin in _plugins(config, "material.plugins.blog"):
        authors_file = _authors_file(config, plugin)
        for author_id, author in (getattr(plugin, "authors", None) or {}).items():
            for key in ("name", "description"):
                value = author.get(key)
                escaped = _escaped(value)
                if escaped is not value:
                    saved.append((author, key, value))
                    author[key] = escaped
            for key, links in (("url", True), ("avatar", False)):
                value = author.get(key)
                problem = url_problem(value, links=links) if isinstance(value, str) and value else None
                if problem is None:
                    continue
                saved.append((author, key, value))
                author[key] = None if key == "url" else ""
                if report is not None:
                    report(Diagnostic(authors_file, f"authors.{author_id}.{key}", problem,
                                      url_fix(links=links) + "; it is left out of the site until then"))
    return saved


def _authors_file(config: Any, plugin: Any) -> str:
    """Material's authors file as messages name it (docs/blog/.authors.yml)."""
    options: Any = getattr(plugin, "config", None)  # None: the AttributeError below
    try:
        path = str(options.authors_file).format(blog=options.blog_dir)
    except (AttributeError, KeyError, ValueError):
        path = ".authors.yml"
    docs = Path(str(config.get("docs_dir") or "docs")).name
    return f"{docs}/{path.lstrip('/')}"


def restore_after_theme(saved: list[tuple[Any, str, Any]]) -> None:
    """Put the plain values back (on_post_build, before feed writers read them)."""
    for owner, key, value in reversed(saved):
        owner[key] = value
    saved.clear()


# --- nav ----------------------------------------------------------------------------------

def harden_nav(items: Any) -> None:
    """Escape the titles of nav sections and links (pages are hardened with their title)."""
    for item in items or ():
        if getattr(item, "is_page", False):
            continue
        title = getattr(item, "title", None)
        if isinstance(title, str) and not isinstance(title, Markup):
            item.title = Markup(html_attr(title))
        if getattr(item, "is_section", False):
            harden_nav(item.children)


# --- Material's blog: generated category and author pages ---------------------------------

_VIEWS = ("Category", "Profile")


def view_heading(page: Any, markdown: str) -> str | None:
    """The generated `# {name}` of a Material blog category or author page, with the name
    escaped for Markdown's raw-HTML pass-through; None for every other page or heading."""
    kind = type(page)
    if kind.__name__ not in _VIEWS or not kind.__module__.startswith("material.plugins.blog"):
        return None
    name = getattr(page, "name", None) or plain_text(getattr(page, "title", None))
    if not isinstance(name, str) or not name:
        return None
    name = plain_text(name)
    if markdown.strip() != f"# {name}":
        return None
    escaped = html_text(name)
    return None if escaped == name else f"# {escaped}\n"


# --- Material's tags plugin ---------------------------------------------------------------

def tags_plugins(config: Any) -> list[Any]:
    return _plugins(config, "material.plugins.tags")


def prepare_tags_plugin(plugin: Any, config: Any, names: dict[str, str]) -> None:
    """Make the tags plugin treat an escaped name as the plain one it stands for (on_config):
    slugs (anchors and URLs stay what they were), its allow list and shadow tags, and icon
    lookups in `extra.tags`. `names` maps escaped -> plain and fills as pages are read (the
    plugin turns each name into a plain `str` of the escaped text)."""
    options = plugin.config
    slugify = options.get("tags_slugify")
    if callable(slugify) and not getattr(slugify, "_storefront_plain", False):
        def plain_slugify(text: str, *args: Any, **kwargs: Any) -> str:
            return slugify(names.get(text, plain_text(text)), *args, **kwargs)

        plain_slugify._storefront_plain = True  # type: ignore[attr-defined]
        options["tags_slugify"] = plain_slugify
    for key in ("tags_allowed", "shadow_tags"):
        known = options.get(key)
        if isinstance(known, set):
            for tag in list(known):
                name = getattr(tag, "name", None)
                if isinstance(name, str) and html_attr(name) != name:
                    known.add(type(tag)(html_attr(name)))
    icons = (config.get("extra") or {}).get("tags")
    if isinstance(icons, dict):
        for name, icon in list(icons.items()):
            if isinstance(name, str) and html_attr(name) != name:
                icons.setdefault(html_attr(name), icon)


def tags_as_lists(page: Any, plugins: list[Any], path: str, source: Any) -> list[Diagnostic]:
    """Material's tags plugin stops the build on tags that are not a list (`tags: news`):
    report it (file, line, key, fix) and hand the plugin a list (on_page_markdown, before it)."""
    meta = getattr(page, "meta", None)
    problems: list[Diagnostic] = []
    if not isinstance(meta, dict):
        return problems
    for key in sorted({plugin.config.get("tags_name_property") or "tags" for plugin in plugins}):
        value = meta.get(key)
        if value is None or isinstance(value, list):
            continue
        line = key_line(source(), key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            problems.append(Diagnostic(path, key, f"{describe(value)} is not a list", f"write {key}: [{value}]", line))
            meta[key] = [str(value)]
        else:
            problems.append(Diagnostic(path, key, f"{describe(value)} is not a list of tags",
                                       f"write {key}: [first, second]", line))
            meta[key] = []
    return problems


def escape_tags(page: Any, plugins: list[Any], names: dict[str, str]) -> list[tuple[str, Any]]:
    """Escaped copies of the page's tags in its front matter, for the tags plugin to read
    (on_page_markdown, before it); returns what to put back with `restore_tags`. Each
    escaped name is noted in `names` (escaped -> plain)."""
    meta = getattr(page, "meta", None)
    saved: list[tuple[str, Any]] = []
    if not isinstance(meta, dict):
        return saved
    keys = {plugin.config.get("tags_name_property") or "tags" for plugin in plugins}
    separators = {plugin.config.get("tags_hierarchy_separator") or "/" for plugin in plugins
                  if plugin.config.get("tags_hierarchy")}
    for key in sorted(keys):
        value = meta.get(key)
        if isinstance(value, list) and any(isinstance(v, str) and html_attr(v) != v for v in value):
            saved.append((key, value))
            meta[key] = [_escaped(v) for v in value]
            for plain, escaped in zip(value, meta[key], strict=False):
                if isinstance(plain, str) and escaped != plain:
                    names[str(escaped)] = plain
                    for separator in separators:  # the parts of a hierarchical tag
                        names.update(zip(str(escaped).split(separator), plain.split(separator), strict=False))
    return saved


def restore_tags(page: Any, saved: list[tuple[str, Any]]) -> None:
    meta = getattr(page, "meta", None)
    if isinstance(meta, dict):
        for key, value in saved:
            meta[key] = value


def plain_tags_export(site_dir: str, plugins: list[Any], names: dict[str, str]) -> None:
    """The tags plugin's `tags.json` export with the plain names (on_post_build); `names`
    maps each escaped name handed to the plugin back to the plain one."""
    if not names:
        return
    for plugin in plugins:
        options = plugin.config
        if not options.get("export", False):
            continue
        path = Path(site_dir) / (options.get("export_file") or "tags.json")
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        changed = False
        for mapping in data.get("mappings", []) if isinstance(data, dict) else []:
            tags = mapping.get("tags") if isinstance(mapping, dict) else None
            if isinstance(tags, list):
                plain = [names.get(t, t) if isinstance(t, str) else t for t in tags]
                if plain != tags:
                    mapping["tags"] = plain
                    changed = True
        if changed:
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
