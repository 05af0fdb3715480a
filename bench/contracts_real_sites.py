"""Newsletter and schema contracts on real public MkDocs sites (issue 13).

Copies a prepared clone (/work/sites/<name>, read-only) into a scratch folder, adds one
upcoming event to one page, a business profile, storefront/newsletter (a provider given on
the command line), storefront/schema and storefront/optimize's _headers, builds it plain and
with the suite, and prints what a reviewer checks: page counts, forms and their attributes,
the form-action of _headers, and per page with `event:` the events shown vs the Event nodes.

    python bench/contracts_real_sites.py /work/sites/mkdocs /work/scratch/contracts mailerlite
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parents[1]
FORMS = {
    "mailerlite": {"account": "123456", "form": "98765432101234567"},
    "emailoctopus": {"list_id": "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002"},
    "mailchimp": {"dc": "us21", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e", "gdpr": "1234"},
}
EVENT = ("event:\n  name: Community call\n  start: 2030-03-14 17:00\n  end: 2030-03-14 18:00\n"
         "  location: {url: index.md}\n  offers: {price: 0, currency: USD, url: index.md}\n")


def build(root: Path, config: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", "site-" + Path(config).stem],
                            cwd=root, capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout + result.stderr


def main(source: str, scratch: str, provider: str) -> None:
    site = Path(scratch) / Path(source).name
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(source, site, ignore=shutil.ignore_patterns(".git", ".cache", "site"))
    raw = yaml_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = site / raw.get("docs_dir", "docs")
    page = next(p for p in sorted(docs.rglob("*.md")) if p.name != "index.md" and p.stat().st_size > 500)
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = "---\n" + EVENT + text[4:]
    else:
        text = "---\n" + EVENT + "---\n\n" + text
    page.write_text(text.replace("url: index.md", "url: " + "../" * (len(page.relative_to(docs).parts) - 1)
                                 + "index.md"), encoding="utf-8")
    (site / "seo").mkdir(exist_ok=True)
    shutil.copy(ROOT / "seo" / "business.yml", site / "seo" / "business.yml")
    for image in ("logo.png", "hero.jpg"):
        target = docs / "assets" / "images" / image
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "content" / "assets" / "images" / image, target)
    (site / "deploy").mkdir(exist_ok=True)
    (site / "deploy" / "_headers").write_text(
        "/*\n  Content-Security-Policy: default-src 'self'; form-action 'self' {form_origins}\n", encoding="utf-8")
    plugins = list(raw.get("plugins") or ["search"])
    suite = [*plugins, {"storefront/newsletter": {"provider": provider, "form": FORMS[provider],
                                                  "after_pages": ["*.md"]}},
                       "storefront/schema", {"storefront/optimize": {"headers": "deploy/_headers"}}]
    (site / "plain.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    (site / "suite.yml").write_text("INHERIT: mkdocs.yml\nplugins: " + json.dumps(suite) + "\n", encoding="utf-8")
    plain_time, _ = build(site, "plain.yml")
    suite_time, log = build(site, "suite.yml")
    plain_pages = sorted(p.relative_to(site / "site-plain").as_posix() for p in (site / "site-plain").rglob("*.html"))
    out = site / "site-suite"
    suite_pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    print(f"site {Path(source).name}: plain {len(plain_pages)} pages {plain_time:.1f}s, "
          f"suite {len(suite_pages)} pages {suite_time:.1f}s; extra pages: "
          f"{sorted(set(suite_pages) - set(plain_pages))}; missing: {sorted(set(plain_pages) - set(suite_pages))}")
    print("storefront messages:", len([line for line in log.splitlines() if "storefront:" in line]))
    for line in [line for line in log.splitlines() if "storefront:" in line][:12]:
        print("   ", line[:220])
    forms, attrs = 0, set()
    for name in suite_pages:
        doc = lxml.html.fromstring((out / name).read_bytes())
        for form in doc.xpath('//form[contains(@class, "sf-newsletter__form")]'):
            forms += 1
            attrs.add((form.get("action"), form.get("target"), form.get("data-sf-form-origins"),
                       tuple(el.get("name") for el in form.xpath('.//div[@class="sf-newsletter__consent"]/input'))))
    print(f"newsletter forms: {forms} on {len(suite_pages)} pages; "
          f"distinct (action, target, origins, consent): {attrs}")
    headers = (out / "_headers").read_text(encoding="utf-8") if (out / "_headers").exists() else ""
    print("form-action:", re.search(r"form-action[^;\n]*", headers).group(0) if "form-action" in headers else None)
    rel = page.relative_to(docs).with_suffix("")
    html = next((out / name for name in suite_pages if name.startswith(rel.as_posix() + "/")
                 or name == rel.as_posix() + ".html"), None)
    if html is not None:
        doc = lxml.html.fromstring(html.read_bytes())
        shown = [h.text_content() for h in doc.xpath('//section[@class="sf-events"]//h3')]
        graph = json.loads(doc.xpath('//script[@type="application/ld+json"]')[0].text)["@graph"]
        events = [n for n in graph if n.get("@type") == "Event"]
        print(f"{html.relative_to(out)}: events shown {shown}, Event nodes {[e['name'] for e in events]}, "
              f"offer url {[o['url'] for e in events for o in e.get('offers', [])]}, "
              f"location {[e['location'] for e in events]}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
