"""Options of storefront/lint (mkdocs.yml `plugins: - storefront/lint: {...}`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .settings import SettingsError, resolve


class RulesOption(c.BaseConfigOption[dict]):
    """The `rules` mapping, validated against the rule registry (see settings.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict:
        try:
            resolve(value)
        except SettingsError as error:
            raise base.ValidationError(str(error)) from None
        return dict(value or {})  # type: ignore[call-overload]  # resolve() has checked it is a mapping


class LintConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Run the lint (false skips it: no analysis, no reports)."""

    rules = RulesOption()
    """Per rule: false (off), a severity (error, warning, info), or a mapping of `severity`,
    `enabled` and the rule's thresholds, e.g. `{title-too-long: {max: 65}}`."""

    exclude = c.ListOfItems(c.Type(str), default=[])
    """Pages not to analyse: path patterns under docs_dir (`available_software/detail/*`, or a
    folder `drafts/`), beside per-page `lint: false`. Their links still count for page-orphan."""

    fail_on = c.Choice(("warning", "error", "never"), default="warning")
    """Which findings are logged as warnings (so `mkdocs build --strict` fails): `warning`
    (errors and warnings), `error` (errors only; warnings are logged as info) or `never`."""

    baseline = c.Optional(c.Type(str))
    """A baseline file (from `storefront lint --update-baseline FILE`): findings recorded in it
    are logged as info, only new ones as warnings."""

    reports_dir = c.Type(str, default=".storefront/lint")
    """Where the report files go, relative to mkdocs.yml (outside site_dir: never deployed)."""

    report_formats = c.ListOfItems(c.Choice(("json", "sarif", "html")), default=["json", "sarif", "html"])
    """Which report files to write (an empty list writes none)."""

    cache_dir = c.Type(str, default=".cache/storefront/lint")
    """Where analysed pages are cached between builds, relative to mkdocs.yml."""

    cache = c.Type(bool, default=True)
    """Keep results between builds (false analyses every page on every build)."""

    workers = c.Optional(c.Type(int))
    """Helper processes analysing pages while the build goes on: default 1 with two CPUs or
    more, else 0 (everything in the build process)."""
