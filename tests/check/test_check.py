"""`storefront check SITE_DIR`: the deploy gate that works after any engine."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import build_site, write_tree
from storefront.check import cli
from storefront.check.site import Hidden, check_site

NOW = "2026-12-01T12:00:00Z"


def _files() -> dict[str, str]:
    return {
        "index.md": "# Home\n\nWelcome. Read [the blog](blog/index.md).\n",
        "about.md": "---\ndraft: true\n---\n# About us\n\nNot ready.\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/live.md": "---\ndate: 2026-11-20\n---\n# Live post\n\nHello.\n",
        "blog/posts/later.md": ("---\ndate: 2027-01-04 09:00:00\n---\n"
                                "# Galette for the new year\n\nSoon.\n"),
    }


def _config(*plugins) -> dict:
    return {"site_url": "https://shop.example/", "theme": {"name": "material"},
            "plugins": ["search", {"blog": {"draft": True}}, *plugins]}


def _run(site: Path, config_file: Path, now: str = NOW) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(site_dir=str(site), config_file=str(config_file), now=now)
    code = cli.run(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_scheduled_post_published_without_the_calendar_fails_the_check(tmp_path):
    built = build_site(tmp_path, _files(), config=_config())
    assert built.ok, built.error
    # the premise: without storefront/calendar, MkDocs publishes the scheduled post
    assert any("Galette for the new year" in p.read_text() for p in built.site.rglob("*.html"))
    code, out, _ = _run(built.site, tmp_path / "mkdocs.yml")
    assert code == 1
    lines = out.splitlines()
    [post] = [line for line in lines if "is the scheduled page" in line]
    assert "docs/blog/posts/later.md" in post and "/2027/01/04/" in post
    # the draft page at its known address is found too
    assert any("about/index.html: is the draft page docs/about.md" in line for line in lines)
    # listings, feeds, sitemap and search index that link to it are named
    prefix = built.site.as_posix() + "/"
    linked = {line.split(": ")[1].removeprefix(prefix) for line in lines
              if "links to" in line and "the scheduled page docs/blog/posts/later.md" in line}
    assert {"blog/index.html", "sitemap.xml", "search/search_index.json"} <= linked
    assert lines[-1].startswith("storefront check: ") and "problems in" in lines[-1]


def test_the_same_site_built_with_the_calendar_passes(tmp_path):
    built = build_site(tmp_path, _files(), config=_config(
        {"storefront/calendar": {"timezone": "Europe/London", "cadence_days": 0}}),
        env={"STOREFRONT_NOW": NOW})
    assert built.ok, built.error
    code, out, err = _run(built.site, tmp_path / "mkdocs.yml")
    assert code == 0, out + err
    assert "0 problems" in out and "2 unpublished in the sources" in out


def test_once_the_date_has_come_the_post_is_no_problem(tmp_path):
    built = build_site(tmp_path, {k: v for k, v in _files().items() if k != "about.md"},
                       config=_config())
    code, out, _ = _run(built.site, tmp_path / "mkdocs.yml", now="2027-01-05T00:00:00Z")
    assert code == 0, out


def _page(head: str = "", body: str = "<p>Hi</p>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_social_images_and_canonicals_that_point_nowhere(tmp_path):
    write_tree(tmp_path, {
        "index.html": _page('<link rel=canonical href=https://shop.example/>'
                            '<meta property="og:image" content="https://shop.example/img/card.png">'),
        "img/card.png": "png",
        # Unquoted attributes (a minifier's output) read the same.
        "blast+/index.html": _page("<link rel=canonical href=https://shop.example/blast+/>"
                                   "<meta property=og:image content=https://shop.example/img/BLAST%2B.png>"),
        "img/BLAST%2B.png": "a file named with the escape itself: a server decodes %2B to +",
        "gone/index.html": _page('<link rel="canonical" href="https://shop.example/moved/">'
                                 '<meta name="twitter:image" content="../img/missing.png">'),
        "elsewhere/index.html": _page('<meta property="og:image" content="https://cdn.example/x.png">'),
    })
    report = check_site(tmp_path, site_url="https://shop.example/")
    found = sorted(str(p) for p in report.problems)
    assert len(found) == 3, found
    assert found[0].startswith("blast+/index.html: social image https://shop.example/img/BLAST%2B.png")
    assert found[1].startswith("gone/index.html: canonical link https://shop.example/moved/ points at no file")
    assert found[2].startswith("gone/index.html: social image ../img/missing.png points at no file")
    assert report.unchecked_urls == 1 and report.pages == 4


def test_a_site_under_a_path_prefix(tmp_path):
    write_tree(tmp_path, {"index.html": _page(
        '<link rel="canonical" href="https://org.example/docs/">'
        '<meta property="og:image" content="/docs/a.png">'), "a.png": "png"})
    assert check_site(tmp_path, site_url="https://org.example/docs/").problems == []


def test_a_block_printed_as_text_but_not_one_shown_as_code(tmp_path):
    write_tree(tmp_path, {"index.html": _page(body=(
        "<p>/// business | hours\nbranch: Main\n///</p>"
        "<pre><code>/// cta | order\n///</code></pre><p>Use <code>/// cta</code> blocks.</p>"
        "<p>A path like a///b is fine.</p>"))})
    problems = check_site(tmp_path).problems
    assert [p.problem for p in problems] == ['shows the block "/// business | hours branch: Main ///" as text']


def test_hidden_pages_found_by_address_and_by_heading(tmp_path):
    write_tree(tmp_path, {
        "index.html": _page(body='<h2><a href="post/">Secret launch</a></h2>'),
        "post/index.html": _page(body="<h1>Secret   launch</h1>"),
        "page/index.html": _page(body="<h1>Renamed</h1>"),
    })
    hidden = [Hidden("docs/post.md", "Secret launch", "scheduled", "Scheduled for …"),
              Hidden("docs/page.md", "Page", "expired", "Expired on …", dest="page/index.html")]
    found = sorted(str(p).split(";")[0] for p in check_site(tmp_path, hidden=hidden).problems)
    assert found == [
        "index.html: links to the scheduled page docs/post.md",
        "page/index.html: is the expired page docs/page.md (Expired on …), published",
        "post/index.html: is the scheduled page docs/post.md (Scheduled for …), published",
    ]


def test_it_cannot_run_without_a_built_site_or_a_config(tmp_path):
    code, _, err = _run(tmp_path, tmp_path / "mkdocs.yml")
    assert code == 2 and "no built site" in err
    write_tree(tmp_path, {"site/index.html": _page()})
    code, _, err = _run(tmp_path / "site", tmp_path / "missing.yml")
    assert code == 2 and "missing.yml" in err


def test_the_command_line(tmp_path):
    built = build_site(tmp_path, _files(), config=_config())
    result = subprocess.run([sys.executable, "-m", "storefront", "check", str(built.site),
                             "-f", str(tmp_path / "mkdocs.yml"), "--now", NOW],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert "is the scheduled page" in result.stdout
    help_text = subprocess.run([sys.executable, "-m", "storefront", "check", "--help"],
                               capture_output=True, text=True, check=True).stdout
    assert "example:" in help_text and "storefront check site/" in help_text


def test_a_zensical_build_publishes_the_scheduled_post_and_the_check_catches_it(tmp_path):
    """Zensical skips MkDocs plugins it does not know (storefront/calendar among them), and
    its blog publishes a post whatever its date says: the gate is what stops the deploy."""
    files = _files()
    files["contact.md"] = "# Contact\n\n/// business | hours\n///\n"
    config = _config({"storefront/calendar": {"timezone": "Europe/London", "cadence_days": 0}})
    config["markdown_extensions"] = ["pymdownx.blocks.admonition"]
    build_site(tmp_path, files, config=config, env={"STOREFRONT_NOW": NOW})  # writes the project
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
    # python -m zensical: the Zensical of the Python that runs the tests (and has the suite)
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=tmp_path, capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    code, out, _ = _run(tmp_path / "site", tmp_path / "mkdocs.yml")
    assert code == 1
    assert "is the scheduled page docs/blog/posts/later.md" in out
    assert 'shows the block "/// business | hours ///" as text' in out
