"""Test harness: build real fixture sites with MkDocs in temp dirs and read the output.

The network is blocked for the whole session (pytest-socket, see pyproject.toml): only
loopback is allowed, for the local servers the browser tests start.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import logging
import os
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

ROOT = Path(__file__).resolve().parent.parent
# Vendored, pinned test data (source, version and licence in tests/data/README.md): the
# tests read no file outside the repository.
DATA = Path(__file__).resolve().parent / "data"
SCHEMAORG = DATA / "schemaorg-30.0-current-https.jsonld.gz"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json.gz"


def read_vendored_json(path: Path) -> Any:
    """One of the vendored, gzip-compressed JSON files under tests/data/."""
    import gzip

    if not path.exists():
        pytest.fail(f"vendored test data missing: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@dataclass
class Built:
    """The result of one fixture build."""

    root: Path
    site: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    @property
    def infos(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == logging.INFO]

    def text(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def exists(self, path: str) -> bool:
        return (self.site / path).exists()

    def html(self, path: str = "index.html"):
        """The page parsed with lxml (an `lxml.html` element)."""
        import lxml.html

        return lxml.html.fromstring(self.text(path))

    def json(self, path: str) -> Any:
        return json.loads(self.text(path))

    def all_files(self) -> list[Path]:
        return sorted(p for p in self.site.rglob("*") if p.is_file())


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def build_site(
    root: Path,
    files: dict[str, str | bytes] | None = None,
    *,
    config: dict[str, Any] | None = None,
    strict: bool = False,
    env: dict[str, str] | None = None,
    serve: bool = False,
) -> Built:
    """Write a fixture project under `root` (`files` relative to docs/ unless they start with
    `/`, which means the project folder) and build it with MkDocs itself."""
    root.mkdir(parents=True, exist_ok=True)
    docs: dict[str, str | bytes] = {}
    project: dict[str, str | bytes] = {}
    for name, content in (files or {}).items():
        if name.startswith("/"):
            project[name[1:]] = content
        else:
            docs[name] = content
    write_tree(root / "docs", docs)
    write_tree(root, project)
    settings = {"site_name": "Test Bakery", "docs_dir": "docs", "site_dir": "site"}
    settings.update(config or {})
    config_file = root / "mkdocs.yml"
    if "mkdocs.yml" not in project:
        config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    error: BaseException | None = None
    try:
        with environ(env or {}):
            build_as_mkdocs_does(load_config(config_file=str(config_file), strict=strict), serve=serve)
    except (Abort, MkDocsException, SystemExit) as exc:
        error = exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return Built(root=root, site=root / "site", records=handler.records, error=error)


@contextlib.contextmanager
def environ(values: dict[str, str]) -> Iterator[None]:
    """`os.environ` with `values` set (STOREFRONT_NOW for a fixed build clock), restored after."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_as_mkdocs_does(config, *, serve: bool = False) -> None:
    """Build a loaded config as the `mkdocs build` / `mkdocs serve` commands do: plugins learn
    the command on startup (Material's blog draft_on_serve, mkdocs-rss-plugin,
    storefront/calendar's banners) and clean up on shutdown."""
    config.plugins.on_startup(command="serve" if serve else "build", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/" if serve else None)
    finally:
        try:
            config.plugins.on_shutdown()
        except OSError:  # a plugin's temp-dir cleanup (Material's blog) is not the test's concern
            pass


@pytest.fixture
def site(tmp_path):
    """`site(files, config=..., strict=...)` builds a fixture project in a fresh temp dir."""
    counter = {"n": 0}

    def _build(files=None, **kwargs) -> Built:
        counter["n"] += 1
        return build_site(tmp_path / f"project{counter['n']}", files, **kwargs)

    return _build


@pytest.fixture(scope="session")
def schemaorg_vocabulary() -> dict:
    return read_vendored_json(SCHEMAORG)


# --- browser tests ----------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (headless). Skipped locally when chromium or
    Playwright is missing; in CI (CI=true) that is a failure."""
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed (pip install -e '.[test]')")
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        if in_ci:
            pytest.fail("Debian chromium is missing at /usr/bin/chromium (apt-get install chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class LocalServer:
    """An HTTP server on 127.0.0.1 (the only host the tests reach), in a thread of its own."""

    def __init__(self, handler) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class StandInHandler(http.server.BaseHTTPRequestHandler):
    """A request handler for a stand-in provider: quiet, with one way to answer."""

    def answer(self, status: int, body: bytes = b"", kind: str | None = None,
               headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def serve_dir():
    """`serve_dir(path, handler=None)` serves a folder on 127.0.0.1 and returns its base URL.
    A custom `http.server` handler class may be given (e.g. one that records POSTs or adds
    headers). Servers stop at the end of the test."""
    servers: list[LocalServer] = []

    def _serve(path: Path, handler=None, headers: dict[str, str] | None = None) -> str:
        base = handler or http.server.SimpleHTTPRequestHandler
        extra = dict(headers or {})

        class Handler(base):  # type: ignore[misc, valid-type]
            def end_headers(self):
                for name, value in extra.items():
                    self.send_header(name, value)
                super().end_headers()

            def log_message(self, *args):
                pass

        servers.append(LocalServer(functools.partial(Handler, directory=str(path))))
        return servers[-1].origin + "/"

    yield _serve
    for server in servers:
        server.close()
