"""The pre-commit hook definition at the repository root."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import ROOT


def test_hook_runs_storefront_lint_strict_once_per_commit():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for hook in hooks if hook["id"] == "storefront-lint"]
    assert shlex.split(hook["entry"]) == ["storefront", "lint", "--strict"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["name"]
    files = re.compile(hook["files"])
    for path in ("content/blog/posts/opening.md", "docs/index.markdown", "mkdocs.yml",
                 "site/mkdocs.yaml", "seo/business.yml"):
        assert files.search(path), path
    for path in ("plugins/storefront/lint/cli.py", "README.txt", "seo.py", "site_template/main.html"):
        assert not files.search(path), path


def _readme_yaml_block(marker: str) -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", readme, re.S):
        if block.startswith(marker):
            return yaml.safe_load(block)
    raise AssertionError(f"no yaml block starting with {marker!r} in README.md")


def test_readme_pre_commit_example_is_a_local_hook_equal_to_the_shipped_one():
    """The README's example needs no `rev` (none may exist yet) and runs what the shipped hook runs."""
    example = _readme_yaml_block("# .pre-commit-config.yaml")
    (repo,) = example["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    (hook,) = repo["hooks"]
    (shipped,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
                  if h["id"] == "storefront-lint"]
    for key in ("id", "entry", "pass_filenames", "require_serial", "files"):
        assert hook[key] == shipped[key], key
    assert hook["language"] == "system"


def test_deploy_recipes_install_the_pinned_requirements_and_build_strict():
    workflow = yaml.safe_load((ROOT / "deploy" / "github-pages.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    installs = [run for run in runs if "pip install" in run]
    assert installs and all(run.strip() == "python -m pip install -r requirements.txt" for run in installs)
    builds = [run for run in runs if "mkdocs build" in run]
    assert builds == ["mkdocs build --strict"]  # never -q with --strict: MkDocs 1.6 drops strict then
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install mkdocs-storefront &&" not in readme
    assert "pip install -r requirements.txt && mkdocs build --strict" in readme
