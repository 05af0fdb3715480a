"""Try the suite's theme escaping and blog front-matter checks on a copy of a real Material blog.

    python bench/hostile_blog.py /work/sites/eessi-docs /tmp/work/eessi

Copies the site (without site/ and .cache/) to the work folder, then builds it four ways and
prints what it found:

1. plain: as the site ships;
2. hostile, plain: one post gets a hostile category, tag and author name, and the site a
   hostile site_name (no suite): how many injected elements reach the HTML;
3. hostile, with storefront/seo: the same, with the suite: injected elements left (want 0), double
   escapes (want 0);
4. bad front matter, with storefront/seo: a second post gets `categories: News` and
   `hide: toc`, which stop a plain Material build: the build must finish with one message each.

The payload is `<img src=x onerror=alert(N)>`; each page is parsed as a browser does (lxml) and
every element with an `onerror` attribute is one a browser would run. Feeds and JSON (search
index, tags.json) are data, not counted.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

PAYLOAD = re.compile(r"<img src=x onerror=alert\((\d+)\)>")


def payload(n: int) -> str:
    return f"<img src=x onerror=alert({n})>"


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml files use !ENV and !!python/name tags: keep them as text
_Loader.add_multi_constructor("", lambda loader, suffix, node: f"{suffix}:{getattr(node, 'value', '')}")


def copy_site(source: Path, work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(source, work, ignore=shutil.ignore_patterns("site", ".cache", ".git"), symlinks=True)


def first_posts(docs: Path, count: int) -> list[Path]:
    posts = sorted(p for p in (docs / "blog" / "posts").rglob("*.md")
                   if p.read_text(encoding="utf-8").startswith("---"))
    return posts[:count]


def edit_front_matter(path: Path, lines: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    drop = {line.split(":", 1)[0] for line in lines}
    block, body = rest.split("\n---", 1)
    kept = [line for line in block.split("\n") if line.split(":", 1)[0] not in drop or line.startswith(" ")]
    path.write_text(head + "\n" + "\n".join(kept + lines) + "\n---" + body, encoding="utf-8")


def add_plugin(config_text: str, plugin: str) -> str:
    """Append a plugin to the `plugins:` list, by text (the file may use tags yaml cannot dump)."""
    match = re.search(r"^plugins:\s*\n", config_text, flags=re.M)
    if not match:
        return config_text + f"\nplugins:\n  - {plugin}\n"
    return config_text[:match.end()] + f"  - {plugin}\n" + config_text[match.end():]


def build(work: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=work,
                         capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr, time.monotonic() - started


def scan(site: Path) -> tuple[int, int, int]:
    """(HTML files, injected elements, double escapes) in the built site, read as a browser
    does (lxml): an injected element is one with an `onerror` attribute; a double escape is
    "&lt;" or "&amp;" left in the text or an attribute after parsing (minified pages write
    `<` raw inside quoted attributes, which is text, so the raw HTML is not counted)."""
    import lxml.html

    pages = injected = double = 0
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            continue
        pages += 1
        doc = lxml.html.fromstring(text)
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            if element.get("onerror") is not None:
                injected += 1
            values = [element.text or "", element.tail or "", *element.attrib.values()]
            double += sum(value.count("&lt;img") + value.count("&amp;") for value in values)
    return pages, injected, double


def injected_numbers(site: Path) -> list[int]:
    import lxml.html

    found = set()
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            for element in lxml.html.fromstring(text).iter():
                if isinstance(element.tag, str) and element.get("onerror"):
                    found.update(int(n) for n in re.findall(r"alert\((\d+)\)", element.get("onerror")))
    return sorted(found)


def main(source: Path, work: Path) -> None:
    copy_site(source, work)
    config_file = work / "mkdocs.yml"
    original = config_file.read_text(encoding="utf-8")
    code, log, seconds = build(work)
    print(f"plain: exit {code}, {scan(work / 'site')[0]} HTML files, {seconds:.0f}s")

    posts = first_posts(work / "docs", 2)
    edit_front_matter(posts[0], [f'categories: ["Cat {payload(1)}"]', f'tags: ["Tag {payload(2)}"]'])
    authors = work / "docs" / "blog" / ".authors.yml"
    if authors.exists():
        data = yaml.safe_load(authors.read_text(encoding="utf-8")) or {}
        for author in (data.get("authors") or {}).values():
            author["name"] = f"{author.get('name', 'x')} {payload(3)}"
        authors.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    hostile = re.sub(r"^site_name:.*$", f"site_name: 'Site {payload(4)} & Co'", original, count=1, flags=re.M)
    config_file.write_text(hostile, encoding="utf-8")
    code, log, seconds = build(work)
    pages, raw, double = scan(work / "site")
    print(f"hostile, plain: exit {code}, {pages} HTML files, {raw} injected elements, {double} double escapes")

    config_file.write_text(add_plugin(hostile, "storefront/seo"), encoding="utf-8")
    code, log, seconds = build(work)
    pages, raw, double = scan(work / "site")
    print(f"hostile, with storefront/seo: exit {code}, {pages} HTML files, {raw} injected elements, "
          f"{double} double escapes, {seconds:.0f}s")
    for number in injected_numbers(work / "site"):
        print(f"  payload {number} still injected")

    edit_front_matter(posts[1], ["categories: News", "hide: toc"])
    config_file.write_text(original, encoding="utf-8")
    code, log, _ = build(work)
    print(f"bad front matter, plain: exit {code}: "
          + next((line.strip() for line in log.splitlines() if "Error" in line), "no error line"))
    config_file.write_text(add_plugin(original, "storefront/seo"), encoding="utf-8")
    code, log, _ = build(work)
    mine = [line.strip() for line in log.splitlines() if "storefront:" in line and posts[1].name in line]
    print(f"bad front matter, with storefront/seo: exit {code}, {len(mine)} messages")
    for line in mine:
        print("  " + line)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
