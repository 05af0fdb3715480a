"""Run the suite's URL and secret checks over the front matter of real MkDocs sites.

Reads every Markdown file's YAML header under each given docs folder (no build), runs
core.frontmatter.read_meta (image, canonical, title, description, image_alt: URL, secret and
control-character checks) and core.secrets.secret_kind on every string value, and prints how
many pages and values were checked and every refusal, so false positives show.

    python bench/safe_values_scan.py /work/sites/eessi-docs/docs /work/sites/mkdocs-material/docs
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from storefront.core.frontmatter import body_offset, read_meta  # noqa: E402
from storefront.core.secrets import find_secrets  # noqa: E402

OURS = ("this looks like", "scheme", "control character", "whitespace", "user name or password", "backslash",
        "has no scheme", "invisible", "text-direction")


def front_matter(text: str):
    end = body_offset(text)
    if end < 2:
        return None
    try:
        data = yaml.safe_load("\n".join(text.splitlines()[1:end - 1]))
    except (yaml.YAMLError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def main(folders: list[str]) -> None:
    pages = with_meta = values = 0
    refused: list[str] = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.md")):
            pages += 1
            text = path.read_text(encoding="utf-8", errors="replace")
            meta = front_matter(text)
            if not meta:
                continue
            with_meta += 1
            shown = str(path)
            _, problems = read_meta(meta, path=shown, source=text)
            problems += find_secrets(meta, file=shown)
            values += sum(1 for _ in _strings(meta))
            refused += [str(p) for p in problems if any(word in p.problem for word in OURS)]
    print(f"{pages} Markdown files, {with_meta} with front matter, {values} string values checked")
    print(f"{len(refused)} refused by the URL/secret/control-character checks")
    for line in refused:
        print("  " + line[:300])


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


if __name__ == "__main__":
    main(sys.argv[1:])
