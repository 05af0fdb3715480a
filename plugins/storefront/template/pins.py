"""requirements.txt of a new site: the suite as installed here, and the versions it was built with."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path


def requirements() -> str:
    """requirements.txt: this suite as installed here, and the versions it was built with."""
    lines = ["# What the site needs to build, pinned to the versions it was created with.",
             "# Upgrade deliberately: change a pin, build with --strict, commit."]
    suite = suite_requirement()
    lines.append(suite)
    if "==" in suite:
        lines += ["# Before the suite is on PyPI (or for your own fork), pin the repository or a wheel",
                  "# instead of the line above:",
                  "#   mkdocs-storefront @ git+https://github.com/<owner>/mkdocs-storefront@<tag or commit>",
                  "#   ./wheels/mkdocs_storefront-<version>-py3-none-any.whl",
                  "#   (a wheel: python -m pip wheel --no-deps -w wheels/ <clone of the suite>)"]
    for name in ("mkdocs", "mkdocs-material", "mkdocs-rss-plugin"):
        try:
            lines.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - dependencies of the suite
            lines.append(name)
    return "\n".join(lines) + "\n"


def suite_requirement() -> str:
    """The suite itself, pinned: the exact commit of a git install, else the released version
    (see the README, "Deploying", for installing from a repository before a release)."""
    from .. import __version__

    try:
        dist = metadata.distribution("mkdocs-storefront")
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    if isinstance(direct, dict):
        vcs = direct.get("vcs_info") or {}
        url = str(direct.get("url", ""))
        if vcs.get("vcs") == "git" and vcs.get("commit_id") and url.startswith("https://"):
            return f"mkdocs-storefront @ git+{url}@{vcs['commit_id']}"
        if url.startswith("file://"):
            pinned = _clone_pin(Path(url[len("file://"):]))
            if pinned:
                return pinned
    return f"mkdocs-storefront=={__version__}"


def _clone_pin(folder: Path) -> str | None:
    """`mkdocs-storefront @ git+https://…@<commit>` for a clone with a public https origin whose
    checked-out commit is pushed there; None otherwise (a local or unpushed checkout)."""
    import subprocess

    def git(*argv: str) -> str:
        result = subprocess.run(["git", "-C", str(folder), *argv], capture_output=True, text=True,
                                timeout=10, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    try:
        origin, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
        pushed = bool(commit) and bool(git("branch", "-r", "--contains", commit))
    except (OSError, subprocess.SubprocessError):
        return None
    if origin.startswith("https://") and "@" not in origin and pushed:
        return f"mkdocs-storefront @ git+{origin}@{commit}"
    return None
