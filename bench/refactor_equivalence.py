"""Same results before and after a refactor, on real sites' Markdown.

Imports the pure readers of two revisions of the package (the current checkout, and REV
exported into a temporary folder) and compares what they return for every Markdown file of
the given docs folders: `lint.source.parse`, `core.frontmatter.read_meta` and
`seo.posts.check_post`.

    python bench/refactor_equivalence.py REV DOCS_DIR [DOCS_DIR ...]
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def load(plugins_dir: Path):
    for name in [n for n in sys.modules if n == "storefront" or n.startswith("storefront.")]:
        del sys.modules[name]
    sys.path.insert(0, str(plugins_dir))
    try:
        return (importlib.import_module("storefront.lint.source"),
                importlib.import_module("storefront.core.frontmatter"),
                importlib.import_module("storefront.seo.posts"))
    finally:
        sys.path.remove(str(plugins_dir))


def results(modules, files: list[Path]) -> list[object]:
    source_mod, frontmatter, posts = modules
    out: list[object] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        one: list[object] = []
        try:
            one.append(repr(source_mod.parse(text)))
        except Exception as error:  # noqa: BLE001 - a crash is a result to compare too
            one.append(f"parse raised {error!r}")
        meta: object = {}
        if text.startswith("---"):
            try:
                meta = yaml.safe_load(text.split("---", 2)[1]) or {}
            except (yaml.YAMLError, ValueError, IndexError):
                meta = {}
        if isinstance(meta, dict):
            found, problems = frontmatter.read_meta(meta, path=str(path), source=text, tz=dt.timezone.utc)
            one.append((repr(found), [str(p) for p in problems]))
        one.append(repr(posts.check_post(text, path=str(path), authors=None, categories_allowed=None)))
        out.append(one)
    return out


def main(rev: str, docs: list[str]) -> int:
    files = sorted(p for d in docs for p in Path(d).rglob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "plugins"], check=True,
                                 capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        before = results(load(Path(tmp, "plugins")), files)
    after = results(load(ROOT / "plugins"), files)
    differ = [path for path, a, b in zip(files, before, after, strict=True) if a != b]
    print(f"{len(files)} Markdown files, {sum(map(len, before))} results compared, {len(differ)} differ")
    for path in differ[:20]:
        print("  differs:", path)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
