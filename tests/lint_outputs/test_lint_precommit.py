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
