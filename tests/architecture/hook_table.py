"""The table of MkDocs hooks each storefront plugin uses, with its priority and why, read
from the code (the comment on the `event_priority` line, else the hook's docstring).

    python tests/architecture/hook_table.py           # print it
    python tests/architecture/hook_table.py --write   # put it in docs/ARCHITECTURE.md

tests/architecture/test_docs.py fails when docs/ARCHITECTURE.md's copy is out of date.
"""

from __future__ import annotations

import inspect
import re
import sys
from importlib.metadata import entry_points
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md"
START, END = "<!-- hook table: start -->", "<!-- hook table: end -->"
ORDER = ("on_startup", "on_config", "on_pre_build", "on_files", "on_nav", "on_env", "on_page_markdown",
         "on_page_content", "on_page_context", "on_post_page", "on_post_template", "on_post_build",
         "on_serve", "on_build_error", "on_shutdown")


def _why(function) -> str:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        source = ""
    match = re.search(r"@event_priority\([^)]*\)\s*#\s*(.+)", source)
    if match:
        return match.group(1).strip()
    doc = inspect.getdoc(function) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


def rows() -> list[tuple[str, str, int, str]]:
    from mkdocs.plugins import CombinedEvent

    found = []
    for point in sorted(entry_points(group="mkdocs.plugins"), key=lambda e: e.name):
        if not point.name.startswith("storefront/"):
            continue
        cls = point.load()
        for name, member in inspect.getmembers(cls):
            if not name.startswith("on_") or name not in ORDER:
                continue
            methods = member.methods if isinstance(member, CombinedEvent) else [member]
            for method in methods:
                if not callable(method) or not getattr(method, "__qualname__", "").startswith(cls.__name__ + "."):
                    continue
                found.append((name, point.name, getattr(method, "mkdocs_priority", 0), _why(method)))
    found.sort(key=lambda r: (ORDER.index(r[0]), -r[2], r[1]))
    return found


def table() -> str:
    lines = ["| hook | plugin | priority | why |", "|---|---|---|---|"]
    for hook, plugin, priority, why in rows():
        lines.append(f"| `{hook}` | {plugin} | {priority} | {why.replace('|', '/')} |")
    return "\n".join(lines)


def write() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{START}\n{table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    else:
        print(table())
