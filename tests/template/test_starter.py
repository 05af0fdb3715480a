"""`storefront new DIR --name … --type …`: a neutral client starter that builds with --strict,
says nothing of the demo business, and takes its facts from flags or, on a terminal, answers."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from demo_words import demo_words
from storefront.cli import main
from storefront.template import brand
from storefront.template import cli as new_cli

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "plugins")}
ENV.pop("STOREFRONT_NOW", None)
HARBOUR = ["--name", "Harbour Plumbing", "--type", "Plumber", "--timezone", "Europe/London",
           "--url", "https://harbour.example/", "--locale", "en_GB", "--provider", "mailchimp",
           "--colour", "#1f5fa8"]


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def strict_build(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder,
                          env=ENV, capture_output=True, text=True, timeout=600)


def lint_lines(output: str) -> str:
    """Build output without storefront/lint's findings (`[rule-id]` lines): their examples are
    reworded in lint-core's lane (issue 11), not here."""
    return "\n".join(line for line in output.splitlines() if not re.search(r": \[[a-z0-9-]+\] ", line))


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    target = tmp_path_factory.mktemp("new") / "harbour-plumbing"
    out, err = io.StringIO(), io.StringIO()
    args = new_cli_args([str(target), *HARBOUR])
    assert new_cli.run(args, out, err) == 0, err.getvalue()
    result = strict_build(target)
    return target, out.getvalue(), result


def new_cli_args(argv):
    from storefront.cli import build_parser

    return build_parser().parse_args(["new", *argv])


def test_the_starter_has_every_page_and_file(harbour):
    target, out, _ = harbour
    files = tree(target)
    for part in ("mkdocs.yml", "requirements.txt", ".gitignore", ".github/workflows/deploy.yml",
                 "seo/business.yml", "deploy/_headers", "site_template/404.html",
                 "site_template/partials/footer.html", "site_template/stylesheets/brand.css",
                 "content/index.md", "content/services.md", "content/about.md", "content/contact.md",
                 "content/privacy.md", "content/blog/index.md", "content/blog/posts/welcome.md"):
        assert part in files, part
    # no demo photo: only the marked stand-in for the business's own
    assert [p for p in files if p.startswith("content/assets/")] == ["content/assets/images/business-photo.png"]
    assert "Created a new site for Harbour Plumbing" in out


def test_first_strict_build_passes(harbour):
    target, _, result = harbour
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr
    site = target / "site"
    for page in ("index.html", "services/index.html", "about/index.html", "contact/index.html",
                 "privacy/index.html", "blog/index.html", "404.html", "sitemap.xml"):
        assert (site / page).is_file(), page
    posts = [p for p in (site / "blog").rglob("index.html") if "welcome" in p.as_posix()]
    assert posts, "the example post is published"


def test_no_demo_word_in_the_new_site_or_its_build_output(harbour):
    target, out, result = harbour
    found = {}
    for path in sorted(target.rglob("*")):
        rel = path.relative_to(target).as_posix()
        if not path.is_file() or rel.startswith((".cache/", ".storefront/lint/")):
            continue  # caches; the lint report repeats the lint's messages (see lint_lines)
        binary = path.suffix in (".png", ".jpg", ".webp", ".gz", ".ico", ".woff2", ".map")
        if binary or "/assets/javascripts/" in f"/{rel}":
            continue  # binaries; Material's own bundles
        words = demo_words(path.read_text(encoding="utf-8", errors="replace"))
        if words:
            found[rel] = sorted(set(words))
    assert found == {}
    assert demo_words(out) == []
    assert demo_words(lint_lines(result.stdout + result.stderr)) == []


def test_profile_and_config_come_from_the_flags(harbour):
    target, _, _ = harbour
    profile = yaml.safe_load((target / "seo/business.yml").read_text(encoding="utf-8"))
    assert profile["type"] == "Plumber" and profile["name"] == "Harbour Plumbing"
    assert profile["address"]["country"] == "GB"
    assert "PLACEHOLDER" in (target / "seo/business.yml").read_text(encoding="utf-8")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: \"https://harbour.example/\"" in config
    assert "timezone: Europe/London" in config and "language: en\n" in config
    assert "provider: mailchimp" in config and "enabled: false" in config
    requirements = (target / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs-storefront(==| @ )", requirements, re.M)
    assert re.search(r"^mkdocs==\d", requirements, re.M) and re.search(r"^mkdocs-material==\d", requirements, re.M)
    # the built pages carry the business: JSON-LD type and name, og:locale, canonical
    html = HTMLParser((target / "site/index.html").read_text(encoding="utf-8"))
    graph = [json.loads(node.text()) for node in html.css('script[type="application/ld+json"]')]
    types = {item.get("@type"): item for data in graph for item in data.get("@graph", [data])}
    assert types["Plumber"]["name"] == "Harbour Plumbing"
    assert html.css_first('meta[property="og:locale"]').attributes["content"] == "en_GB"
    assert html.css_first('link[rel="canonical"]').attributes["href"] == "https://harbour.example/"


def test_brand_colours_come_from_the_colour_flag(harbour):
    target, _, _ = harbour
    css = (target / "site_template/stylesheets/brand.css").read_text(encoding="utf-8")
    assert "--sf-brand: #1f5fa8;" in css
    values = brand.palette("#1f5fa8")
    for name, value in values.items():
        assert f"{name}: {value};" in css
    assert brand.contrast(values["--sf-brand"], "#ffffff") >= 4.5
    assert brand.contrast(values["--sf-ink"], values["--sf-cream"]) >= 4.5
    assert brand.contrast(values["--sf-accent"], "#ffffff") >= 4.5
    assert brand.contrast(values["--sf-link"], "#ffffff") >= 7
    html = HTMLParser((target / "site/index.html").read_text(encoding="utf-8"))
    assert html.css_first('meta[name="theme-color"]').attributes["content"] == "#1f5fa8"


def test_a_light_colour_is_darkened_for_contrast():
    values = brand.palette("#ffec3d")  # Material's yellow: unreadable on white as it is
    assert brand.contrast(values["--sf-brand"], "#ffffff") >= 4.5


@pytest.mark.parametrize("name", ["Smith & Sons Electrical Contractors",
                                  "Northern Quarter Community Dental Practice and Orthodontics"])
def test_a_long_name_still_builds_strict(tmp_path, name):
    target = tmp_path / "long"
    assert main(["new", str(target), "--name", name, "--type", "Electrician"]) == 0
    result = strict_build(target)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_store_gets_a_products_page(tmp_path):
    target = tmp_path / "shop"
    assert main(["new", str(target), "--name", "Corner Shop", "--type", "HardwareStore"]) == 0
    assert (target / "content/products.md").is_file() and not (target / "content/services.md").exists()
    assert "Products: products.md" in (target / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("flag, value, message", [
    ("--type", "Plumbr", "did you mean Plumber?"),
    ("--type", "plumber", "did you mean Plumber?"),
    ("--type", "Spaceport", "is not a schema.org LocalBusiness type"),
    ("--timezone", "Europe/Londn", "did you mean Europe/London?"),
    ("--provider", "mailchimps", "did you mean mailchimp?"),
    ("--url", "javascript:alert(1)", "is not the address of a site"),
    ("--colour", "blue", "is not a hex colour"),
    ("--locale", "english", "is not a locale"),
])
def test_bad_flags_are_one_message_with_a_hint(tmp_path, capsys, flag, value, message):
    target = tmp_path / "x"
    assert main(["new", str(target), "--name", "X", flag, value]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not target.exists()


def test_without_flags_or_terminal_it_uses_placeholders_and_says_so(tmp_path):
    target = tmp_path / "blank"
    result = subprocess.run([sys.executable, "-m", "storefront", "new", str(target)], env=ENV,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "the business name (--name): using 'Your Business'" in result.stdout
    assert "the site's address (--url)" in result.stdout
    assert "seo/business.yml: address.country" in result.stdout
    built = strict_build(target)
    assert built.returncode == 0, built.stderr[-3000:]


def test_on_a_terminal_it_asks(tmp_path):
    answers = iter(["Harbour Plumbing", "Plumbr", "Plumber", "Europe/London", "https://harbour.example",
                    "en_GB", "", "#1f5fa8"])
    asked = []

    def ask(prompt):
        asked.append(prompt)
        return next(answers)

    target = tmp_path / "asked"
    out, err = io.StringIO(), io.StringIO()
    assert new_cli.run(new_cli_args([str(target)]), out, err, ask=ask) == 0, err.getvalue()
    assert len(asked) == 8  # the type was asked twice: the first answer was refused
    assert "did you mean Plumber?" in err.getvalue()
    profile = yaml.safe_load((target / "seo/business.yml").read_text(encoding="utf-8"))
    assert profile["type"] == "Plumber" and profile["address"]["country"] == "GB"
    assert "site_url: \"https://harbour.example/\"" in (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "storefront/newsletter" not in (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "the business name" not in out.getvalue()


def test_hostile_name_is_text_everywhere(tmp_path):
    hostile = "Tom's \"Best\" <b>Pipes</b> & Co </script><script>alert(1)</script> {privacy} *x*"
    target = tmp_path / "hostile"
    assert main(["new", str(target), "--name", hostile, "--type", "Plumber"]) == 0
    # not strict: a name this long makes titles the lint rightly calls too long
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=target, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    # What the starter writes (the pages and the copyright line). The theme's own printing of
    # site_name (Material's header) is storefront/seo's escaping, tested in tests/seo.
    for page in ("index.html", "about/index.html", "contact/index.html"):
        page_html = HTMLParser((target / "site" / page).read_text(encoding="utf-8"))
        html = HTMLParser("".join(n.html for n in page_html.css("article, .md-copyright")))
        # a closed-early element would leave a script of its own, `alert(1)`
        assert not [n for n in html.css("script") if (n.text() or "").strip() == "alert(1)"], page
        assert not [n for n in html.css("b") if "Pipes" in n.text()], page
    html = HTMLParser((target / "site/index.html").read_text(encoding="utf-8"))
    assert hostile in html.css_first("article h1").text()
    assert hostile in html.css_first(".md-copyright").text()


def test_the_example_post_is_dated_today_in_the_site_timezone(tmp_path, monkeypatch):
    """Dated by the site's clock, so the first build publishes it wherever `new` runs."""
    monkeypatch.setenv("STOREFRONT_NOW", "2026-06-30T23:30:00Z")
    target = tmp_path / "tokyo"
    assert main(["new", str(target), "--name", "Ramen Bar", "--type", "Restaurant",
                 "--timezone", "Asia/Tokyo"]) == 0
    post = (target / "content/blog/posts/welcome.md").read_text(encoding="utf-8")
    assert "\ndate: 2026-07-01\n" in post
    assert "© 2026 Ramen Bar" in (target / "mkdocs.yml").read_text(encoding="utf-8")


def test_on_a_real_terminal_it_asks(tmp_path):
    """`storefront new DIR` with no flags, in a pseudo-terminal: the prompts appear and the
    answers are used."""
    import pty
    import select

    target = tmp_path / "tty"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, on the terminal
        os.execve(sys.executable, [sys.executable, "-m", "storefront", "new", str(target)], ENV)
    answers = ["Harbour Plumbing", "Plumber", "Europe/London", "https://harbour.example/", "en_GB", "", ""]
    seen = b""
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if seen.rstrip().endswith(b":") and answers:
                os.write(fd, (answers.pop(0) + "\n").encode())
    finally:
        os.waitpid(pid, 0)
    text = seen.decode(errors="replace")
    assert "Business name [Your Business]:" in text, text
    assert answers == [], text
    profile = yaml.safe_load((target / "seo/business.yml").read_text(encoding="utf-8"))
    assert profile["name"] == "Harbour Plumbing" and profile["type"] == "Plumber"
