"""`storefront lint`: the storefront/lint checks from the command line, for CI and pre-commit.

It runs the very analysis the plugin runs, by building the site with MkDocs into a temporary
folder with storefront/lint enabled (added when mkdocs.yml does not list it), then reads the
findings off the plugin. The user's site_dir is left alone; stdout carries only the chosen
format, MkDocs' own messages go to stderr.

Exit codes: 0 clean (or warnings without --strict), 1 errors (or warnings with --strict),
2 the site could not be built or the baseline could not be read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from ..cli import subcommand
from . import baseline as baseline_file
from .findings import Finding
from .reports import github, sarif
from .reports.json import finding_order

PLUGIN_NAME = "storefront/lint"
PLUGIN_LOGGER = "mkdocs.plugins.storefront.lint"
FORMATS = ("text", "json", "sarif", "github")
EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


class LintFailed(Exception):
    """The site could not be built or linted; the message says why."""


def register(subparsers: Any) -> None:
    parser = subcommand(
        subparsers, "lint",
        help="check readability and SEO of every page (storefront/lint)",
        description="Build the site into a temporary folder with storefront/lint and report "
                    "its findings. Exits 1 on errors (and on warnings with --strict).",
        epilog="examples:\n"
               "  storefront lint --strict                      # fail on warnings too\n"
               "  storefront lint -f docs/mkdocs.yml --format sarif > lint.sarif\n"
               "  storefront lint --update-baseline .storefront-lint-baseline.json",
        run=run,
    )
    parser.add_argument("-f", "--config-file", metavar="FILE", default=None,
                        help="the MkDocs configuration (default: mkdocs.yml in this folder)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="what to print on stdout (default: text)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--baseline", metavar="FILE",
                       help="report and fail only on findings not recorded in FILE "
                            "(default: the plugin's `baseline` option, if set)")
    group.add_argument("--update-baseline", metavar="FILE",
                       help="record today's findings in FILE and exit 0")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too, not only on errors")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="hide MkDocs' own warnings (stderr)")


def run(args: argparse.Namespace) -> int:
    recorded = None
    if args.baseline:
        # a wrong path fails now, not after a whole build
        try:
            recorded = baseline_file.load(args.baseline)
        except baseline_file.BaselineError as error:
            _say(f"storefront lint: {error}")
            return EXIT_FAILED
    try:
        with _mkdocs_messages(quiet=args.quiet) as messages:
            plugin = lint_site(args.config_file, progress=sys.stderr if sys.stderr.isatty() else None)
            findings = sorted(plugin.findings, key=finding_order)
            messages.drop(findings)
    except LintFailed as error:
        _say(f"storefront lint: {error}")
        return EXIT_FAILED

    if args.update_baseline:
        try:
            baseline_file.save(args.update_baseline, findings)
        except OSError as error:
            _say(f"storefront lint: cannot write the baseline {args.update_baseline}: "
                 f"{error.strerror or error}; choose a writable path")
            return EXIT_FAILED
        _say(f"storefront lint: recorded {_count(len(findings), 'finding')} in {args.update_baseline}")
        return EXIT_OK

    if recorded is None:
        configured, display = _configured_baseline(plugin)
        if configured is not None:
            try:
                recorded = baseline_file.load(configured, display=display)
            except baseline_file.BaselineError as error:
                _say(f"storefront lint: {error}")
                return EXIT_FAILED
    known: list[Finding] = []
    if recorded is not None:
        findings, known = recorded.split(findings)

    by_rule = rule_summary(findings)
    if by_rule:
        _say(by_rule)
    print_findings(findings, args.format, sys.stdout, project_dir=_project_dir(plugin))
    _say(_summary(findings, known))
    return exit_code(findings, strict=args.strict)


def exit_code(findings: Sequence[Finding], *, strict: bool) -> int:
    severities = {finding.severity for finding in findings}
    if "error" in severities or (strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK


def lint_site(config_file: str | None, progress: TextIO | None = None) -> Any:
    """Build the site into a temporary folder with the lint plugin on; return the plugin.
    With `progress` (a terminal), a line there counts the pages as they are built."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with tempfile.TemporaryDirectory(prefix="storefront-lint-") as site_dir:
        try:
            # strict off: the lint decides the exit code, a warning must not stop the build
            config = load_config(config_file=config_file, site_dir=site_dir, strict=False)
            plugin = _lint_plugin(config)
            if progress is not None:
                config.plugins["storefront/lint-progress"] = _progress_plugin(progress)
        except (MkDocsException, Abort) as error:
            raise LintFailed(f"cannot load the MkDocs configuration: {error}") from None
        try:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                # a plugin printing on stdout must not mix with the format's output
                with contextlib.redirect_stdout(sys.stderr), github.suppressed():
                    build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, Abort) as error:
            raise LintFailed(f"the site could not be built: {error}") from None
        except OSError as error:
            raise LintFailed(f"the site could not be built: {error}") from None
        except SystemExit as error:
            raise LintFailed(f"the site could not be built (exit {error.code})") from None
    if not hasattr(plugin, "findings"):
        raise LintFailed(f"the {PLUGIN_NAME} plugin did not report findings")
    return plugin


def _progress_plugin(stream: TextIO) -> Any:
    """A plugin that keeps one line on the terminal: "storefront lint: 120 of 1,000 pages"."""
    import time

    from mkdocs.plugins import BasePlugin

    class ProgressLine(BasePlugin):
        total = done = 0
        shown = 0.0

        def on_files(self, files: Any, *, config: Any) -> None:
            self.total = len(files.documentation_pages())

        def on_post_page(self, output: str, *, page: Any, config: Any) -> None:
            self.done += 1
            now = time.monotonic()
            if now - self.shown >= 0.2 or self.done == self.total:
                self.shown = now
                stream.write(f"\rstorefront lint: {self.done:,} of {self.total:,} pages")
                stream.flush()

        def on_post_build(self, *, config: Any) -> None:
            stream.write("\r\033[K")  # the line goes: the summary and the findings follow
            stream.flush()

    return ProgressLine()


def _lint_plugin(config: Any) -> Any:
    """The lint plugin instance of this config, added with its default options when
    mkdocs.yml does not list it, and switched on when it is listed with `enabled: false`
    (running `storefront lint` asks for the lint)."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.plugins import get_plugins

    for name, plugin in config.plugins.items():
        if name == PLUGIN_NAME or name.startswith(PLUGIN_NAME + " #"):
            if getattr(plugin.config, "enabled", True) is False:
                plugin.config.enabled = True
            return plugin
    installed = get_plugins()
    if PLUGIN_NAME not in installed:
        raise ConfigurationError(f"the {PLUGIN_NAME} plugin is not installed "
                                 "(pip install mkdocs-storefront)")
    plugin = installed[PLUGIN_NAME].load()()
    errors, _ = plugin.load_config({}, config.config_file_path)
    if errors:
        raise ConfigurationError("; ".join(f"{key}: {message}" for key, message in errors))
    # Added last, so it runs after every listed plugin, as in the recommended order.
    config.plugins[PLUGIN_NAME] = plugin
    return plugin


def _project_dir(plugin: Any) -> Path | None:
    path = getattr(getattr(plugin, "config", None), "config_file_path", None)
    return Path(path).resolve().parent if path else None


def _configured_baseline(plugin: Any) -> tuple[Path | None, str | None]:
    """The plugin's `baseline` option (relative to mkdocs.yml), when set."""
    configured = getattr(getattr(plugin, "config", None), "baseline", None)
    if not configured:
        return None, None
    path = Path(configured)
    if not path.is_absolute():
        project = _project_dir(plugin)
        if project is not None:
            path = project / path
    return path, str(configured)


# --- output ----------------------------------------------------------------------------

def print_findings(findings: Sequence[Finding], output_format: str, out: TextIO, *,
                   project_dir: Path | None = None) -> None:
    if output_format == "json":
        out.write(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
    elif output_format == "sarif":
        out.write(sarif.render(findings, tool_version=tool_version(), indent=2))
    elif output_format == "github":
        out.writelines(line + "\n" for line in github.annotations(findings, base=github.workspace_base(project_dir)))
    else:
        out.writelines(f"{finding.path}:{finding.line}: {finding.severity}: {finding.message} "
                      f"[{finding.rule}]\n" for finding in findings)
        if github.in_github_actions():
            annotations = github.annotations(findings, base=github.workspace_base(project_dir))
            out.writelines(line + "\n" for line in annotations)
    out.flush()


def rule_summary(findings: Sequence[Finding]) -> str:
    """Findings counted by rule, most first, before the detail: what to fix first."""
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    if not counts:
        return ""
    width = max(len(rule) for rule, _ in counts)
    lines = [f"  {count:>6,}  {rule:<{width}}  {severity}"
             for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    return "storefront lint: findings by rule\n" + "\n".join(lines)


def _summary(findings: Sequence[Finding], known: Sequence[Finding]) -> str:
    counts = Counter(finding.severity for finding in findings)
    text = (f"storefront lint: {_count(counts['error'], 'error')}, "
            f"{_count(counts['warning'], 'warning')}, {counts['info']} info")
    if known:
        text += f" ({len(known)} more in the baseline)"
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def tool_version() -> str:
    try:
        return metadata.version("mkdocs-storefront")
    except metadata.PackageNotFoundError:
        return "0"


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class _Messages(logging.Handler):
    """MkDocs' messages on stderr, without the lint's findings (the format prints those).

    Records from the lint plugin are held until the build ends: those that are findings are
    dropped, anything else (a bad option, a broken front matter) is shown.
    """

    def __init__(self, stream: TextIO, level: int) -> None:
        super().__init__(level)
        self.stream = stream
        self.held: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(PLUGIN_LOGGER):
            self.held.append(record)
            return
        self._write(record)

    def _write(self, record: logging.LogRecord) -> None:
        try:
            self.stream.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - a logging handler must never raise
            self.handleError(record)

    def drop(self, findings: Sequence[Finding]) -> None:
        from .engine import format_finding  # the analysis is only imported when it runs

        # the plugin logs each finding as "storefront: " + format_finding(finding)
        logged = {format_finding(finding) for finding in findings}
        for record in self.held:
            if record.getMessage().partition(": ")[2] not in logged:
                self._write(record)
        self.held.clear()

    def show_held(self) -> None:
        for record in self.held:
            self._write(record)
        self.held.clear()


@contextlib.contextmanager
def _mkdocs_messages(*, quiet: bool) -> Iterator[_Messages]:
    logger = logging.getLogger("mkdocs")
    handler = _Messages(sys.stderr, logging.ERROR if quiet else logging.WARNING)
    old_level = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler
    except BaseException:
        handler.show_held()
        raise
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
