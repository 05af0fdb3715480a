"""The front matter of a Material blog post, checked before Material's blog plugin reads it.

Material reads each post's file itself (in its `on_files`) and stops the whole build with a
`PluginError` or a traceback, with no line, on a wrong type: `draft: "yes"`, `categories:
News`, `authors: x`, `slug: [1]`, `pin: "yes"`, `readtime: x`, `date: {created: …, foo: 1}`,
`hide: toc`, `title: [1]`, or an impossible date anywhere (`updated: 2026-02-30`, which PyYAML
cannot even load). The suite reads these keys too, so it reports each one first (file, line,
key, fix) and hands Material a copy of the source with the key mended or dropped, line for line
(so every line number stays true). A post without a usable `date` cannot be placed in the blog:
it is left out of the build, with its message.

Pure: no mkdocs import. `check_post` returns the problems and the mended source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

import yaml

from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import body_offset, key_lines
from ..core.yamltext import DataLoader

__all__ = ["PostCheck", "check_post"]

_TRUE = {"yes", "y", "true", "on", "1"}
_FALSE = {"no", "n", "false", "off", "0"}


@dataclass
class PostCheck:
    problems: list[Diagnostic] = field(default_factory=list)
    source: str | None = None  # the mended source, when anything changed
    exclude: bool = False  # Material cannot build this post: leave it out
    date: dict | None = None  # `date: {created, updated}` as written (Material changes it in place)


def _flow(key: str, value: object) -> str:
    """One line of YAML for `key: value` (flow style, so it fits the key's first line)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 30).strip()
    if text.endswith("\n..."):
        text = text[: -len("\n...")].strip()
    elif text.endswith("..."):
        text = text[:-3].strip()
    return f"{key}: {text}"


def _is_when(value: object) -> bool:
    return isinstance(value, (dt.date, dt.datetime))


def check_post(source: str, *, path: str, authors: set[str] | None = None,
               categories_allowed: list[str] | None = None) -> PostCheck:
    """Check one post's front matter for what Material's blog plugin requires.

    `authors`: the ids in `.authors.yml` when Material's blog resolves authors (None: not
    checked); `categories_allowed`: Material's `categories_allowed` (empty: any).
    """
    result = PostCheck()
    lines = source.split("\n")
    end = body_offset(source)
    if end < 2:
        result.problems.append(Diagnostic(
            path, "date", "a blog post needs front matter with its date, so it was left out of the build",
            "start the file with ---, date: 2026-12-03 and ---", 1))
        result.exclude = True
        return result
    block = "\n".join(lines[1:end - 1])
    where = key_lines(source)
    spans = _spans(where, end)

    def report(key: str, problem: str, fix: str) -> None:
        result.problems.append(Diagnostic(path, key, problem, fix, where.get(key.split(".", 1)[0])))

    loaded = _load_block(block, lines, spans)
    if loaded is None:
        return result  # not valid YAML: reported by the shared front-matter reader
    data, impossible = loaded
    if not isinstance(data, Mapping):
        return result

    edits: dict[str, object] = {}  # key -> new value (or _DROP)
    drop = object()

    for key in sorted(impossible):
        report(key, f'"{data.get(key)}" is a date that does not exist',
               "write a real date like 2026-02-28 (month 1 to 12, a day that month has)")
        edits[key] = drop

    def as_bool(key: str, value: object, safe: bool) -> None:
        if value is None or isinstance(value, bool):
            return
        text = str(value).strip().lower()
        meant = True if text in _TRUE else False if text in _FALSE else safe
        report(key, f"{describe(value)} is not true or false",
               f"write {key}: true or {key}: false (read as {str(meant).lower()} for now)")
        edits[key] = meant

    as_bool("draft", data.get("draft"), safe=True)  # unknown: kept out, never published by mistake
    as_bool("pin", data.get("pin"), safe=False)

    _check_names(data, edits, report, authors=authors, categories_allowed=categories_allowed)
    _check_date(data, edits, report, result)
    _check_scalars(data, edits, report, drop)
    if edits and not result.exclude:
        result.source = _rewrite(lines, spans, edits, drop)
    return result


_ReportFn = Callable[[str, str, str], None]


def _spans(where: dict[str, int], end: int) -> dict[str, tuple[int, int]]:
    """Each front-matter key's first and last 1-based line (`end`: the closing ---'s line + 1)."""
    ordered = sorted(where.items(), key=lambda item: item[1])
    spans: dict[str, tuple[int, int]] = {}
    for index, (key, line) in enumerate(ordered):
        last = (ordered[index + 1][1] - 1) if index + 1 < len(ordered) else end - 1
        spans[key] = (line, last)
    return spans


def _load_block(block: str, lines: list[str], spans: dict[str, tuple[int, int]]
                ) -> tuple[object, set[str]] | None:
    """The front matter's data and the keys holding a date that does not exist (PyYAML cannot
    load a block with one at all); None when it is not valid YAML."""
    try:
        return yaml.safe_load(block), set()
    except ValueError:
        try:
            data = yaml.load(block, Loader=DataLoader)
        except yaml.YAMLError:
            return None
    except yaml.YAMLError:
        return None
    impossible: set[str] = set()
    for key, (first, last) in spans.items():
        try:
            yaml.safe_load("\n".join(lines[first - 1:last]))
        except ValueError:
            impossible.add(key)
        except yaml.YAMLError:
            pass
    return data, impossible


def _check_names(data: Mapping, edits: dict[str, object], report: _ReportFn, *, authors: set[str] | None,
                 categories_allowed: list[str] | None) -> None:
    """`authors` and `categories`: lists of names Material knows."""
    for key in ("authors", "categories"):
        value = data.get(key)
        if value is None or key in edits:
            continue
        names = _names(value, key, report)
        if key == "authors" and authors is not None:
            names = _known(names, authors, key, report, "is not an author in .authors.yml",
                           "add the author to .authors.yml or use one of its ids: "
                           + (", ".join(sorted(authors)[:5]) or "(none yet)"))
        if key == "categories" and categories_allowed:
            names = _known(names, categories_allowed, key, report, "is not in the blog's categories_allowed",
                           "use one of: " + ", ".join(categories_allowed[:8]))
        if names != value:
            edits[key] = names


def _names(value: object, key: str, report: _ReportFn) -> list[str]:
    """A list of names (one name alone is a list of one), without entries that are no names."""
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, list):
        report(key, f"{describe(value)} is not a list", f"write {key}: [{value}]")
    names = [str(item).strip() for item in items
             if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip()]
    if len(names) != len(items):
        report(key, "holds an entry that is not a name", f"write {key}: [first, second]")
    return names


def _known(names: list[str], known: Collection[str], key: str, report: _ReportFn, problem: str,
           fix: str) -> list[str]:
    """The names that are known; the first unknown one reported."""
    unknown = [name for name in names if name not in known]
    if not unknown:
        return names
    report(key, f'"{unknown[0]}" {problem}', fix)
    return [name for name in names if name in known]


def _check_date(data: Mapping, edits: dict[str, object], report: _ReportFn, result: PostCheck) -> None:
    """`date` (or `date: {created, updated}`): a post without one is left out of the build."""
    date = data.get("date")
    if isinstance(date, Mapping):
        result.date = {k: v for k, v in date.items() if _is_when(v)}
    if "date" not in edits:
        if isinstance(date, Mapping):
            _check_date_mapping(date, edits, report, result)
        elif not _is_when(date):
            shown = "missing" if date is None else f"{describe(date)}, not a date"
            report("date", f"is {shown}, so the post was left out of the build",
                   "write date: 2026-12-03 (or 2026-12-03 09:00)")
            result.exclude = True


def _check_date_mapping(date: Mapping, edits: dict[str, object], report: _ReportFn, result: PostCheck) -> None:
    """`date: {created, updated}`: created is required; other keys that are no dates are left out."""
    extra = {k: v for k, v in date.items() if k != "created" and not _is_when(v)}
    for name, value in extra.items():
        report("date", f"date.{name}: {describe(value)} is not a date",
               "under date: write only created: and updated: with dates like 2026-12-03")
    if not _is_when(date.get("created")):
        report("date", "date.created is missing or not a date, so the post was left out of the build",
               "write date: {created: 2026-12-03}")
        result.exclude = True
    elif extra:
        edits["date"] = {k: v for k, v in date.items() if k not in extra}


def _check_scalars(data: Mapping, edits: dict[str, object], report: _ReportFn, drop: object) -> None:
    """`slug`, `title`, `readtime` and `hide`, the values Material's blog would fail on."""
    for key in ("slug", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            report(key, f"{describe(value)} is not text", f"write {key} as one line of text")
            edits[key] = drop

    value = data.get("readtime")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        report("readtime", f"{describe(value)} is not a whole number of minutes",
               "write readtime: 5, or remove it to let the blog compute it")
        edits["readtime"] = drop

    value = data.get("hide")
    if value is not None and not isinstance(value, list):
        if isinstance(value, str):
            report("hide", f'"{value}" is not a list', f"write hide: [{value}]")
            edits["hide"] = [part.strip() for part in re.split(r"[,\s]+", value) if part.strip()]
        else:
            report("hide", f"{describe(value)} is not a list", "write hide: [toc] or hide: [navigation, toc]")
            edits["hide"] = drop


def _rewrite(lines: list[str], spans: dict[str, tuple[int, int]], edits: dict[str, object], drop: object) -> str:
    """The post's source with each edited key's value replaced (or its lines blanked)."""
    out = list(lines)
    for key, new in edits.items():
        if key not in spans:
            continue
        first, last = spans[key]
        out[first - 1] = "#" if new is drop else _flow(key, new)
        for number in range(first + 1, last + 1):
            out[number - 1] = "#"
    return "\n".join(out)


