"""`storefront new`: a new folder with the template, which builds with --strict, from a clone
(editable install) and from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from storefront.cli import main
from storefront.template import skeleton

ENV = {**os.environ, "STOREFRONT_NOW": "2026-11-23T12:00:00+00:00", "NO_MKDOCS_2_WARNING": "1"}


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_example_bakery_copies_the_demo_and_builds_strict(tmp_path, capsys):
    target = tmp_path / "corner-bakery"
    assert main(["new", str(target), "--example", "bakery"]) == 0
    out = capsys.readouterr().out
    assert "mkdocs build --strict" in out and str(target) in out
    for part in ("mkdocs.yml", "content/index.md", "content/blog/.authors.yml",
                 "site_template/partials/footer.html", "site_template/stylesheets/brand.css",
                 "seo/business.yml", "deploy/_headers", ".gitignore"):
        assert (target / part).is_file(), part
    expected = set()
    for part in skeleton.PARTS:
        source = ROOT / part
        expected |= ({part} if source.is_file() else {f"{part}/{p}" for p in tree(source)})
    assert tree(target) - {".gitignore", "requirements.txt"} == expected
    assert "mkdocs-storefront" in (target / "requirements.txt").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=target,
                            env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    site = target / "site"
    for page in ("index.html", "products/index.html", "contact/index.html", "faq/index.html",
                 "privacy/index.html", "blog/index.html", "404.html", "_headers"):
        assert (site / page).is_file(), page


@pytest.mark.parametrize("existing", ["file", "folder"])
def test_new_refuses_a_folder_in_use(tmp_path, capsys, existing):
    target = tmp_path / "taken"
    if existing == "file":
        target.write_text("x")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("keep me")
    assert main(["new", str(target), "--name", "X"]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err
    if existing == "folder":
        assert tree(target) == {"notes.txt"}


def test_new_into_an_empty_folder(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    assert main(["new", str(target)]) == 0
    assert (target / "mkdocs.yml").is_file()


def test_missing_template_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(skeleton, "locate", lambda: None)
    assert main(["new", str(tmp_path / "x")]) == 2
    assert "template is not installed" in capsys.readouterr().err


def test_installed_wheel_carries_the_template(tmp_path):
    """Build a wheel of this project, install it into a folder, and run `storefront new`
    from that installed copy: it must find the template inside the package."""
    wheels, target = tmp_path / "wheels", tmp_path / "installed"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(wheels)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = wheels.glob("*.whl")
    # the recipe of requirements.txt before a release: a committed wheel, by relative path
    (tmp_path / "requirements.txt").write_text(f"./wheels/{wheel.name}\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target",
         str(target), "-r", "requirements.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-3000:]
    env = {**ENV, "PYTHONPATH": str(target)}
    located = subprocess.run(
        [sys.executable, "-c", "from storefront.template import skeleton; print(skeleton.locate())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(located) == target / "storefront" / "template" / "skeleton"
    shop = tmp_path / "shop"
    made = subprocess.run([sys.executable, "-m", "storefront", "new", str(shop), "--example", "bakery"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert tree(shop) - {".gitignore", "requirements.txt"} == tree(Path(located))
    assert "content/blog/.authors.yml" in tree(shop)
    # the neutral starter from the installed copy too
    client = tmp_path / "client"
    made = subprocess.run([sys.executable, "-m", "storefront", "new", str(client), "--name", "Client",
                           "--type", "Dentist"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert {"mkdocs.yml", "seo/business.yml", "content/services.md", ".github/workflows/deploy.yml",
            "site_template/404.html", "requirements.txt"} <= tree(client)
