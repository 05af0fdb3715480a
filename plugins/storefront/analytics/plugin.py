"""storefront/analytics: privacy-first visit statistics and conversion events.

Every page gets one `<script defer>` tag for the suite's own analytics.js (no inline script),
which loads the configured provider and sends CTA clicks, newsletter signups, outbound,
contact and download clicks through the provider's event API. Providers that set cookies
load only after the visitor agrees (the suite's banner, or Material's `extra.consent`).

Per build the tag is made once (per folder depth, as its URLs are relative); per page the
work is one string insert before `</head>`. The provider is declared to support as a
`Processor`, so the privacy page's `/// business | processors` block and storefront/optimize's
Content-Security-Policy follow the configuration.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import support
from ..core.diagnostics import Diagnostic, describe
from ..core.escape import html_attr, html_text
from ..core.frontmatter import key_line
from ..core.secrets import secret_kind  # the suite's one secret check
from ..core.urls import check_url
from .config import AnalyticsConfig
from .providers import PROVIDERS, Setup, resolve

if TYPE_CHECKING:
    from typing import Literal

log = get_plugin_logger(__name__)

PLUGIN = "storefront/analytics"
PLUGIN_KEY = "plugins.storefront/analytics"
JS_PATH = "assets/storefront/analytics.js"
CSS_PATH = "assets/storefront/analytics.css"
ASSETS = Path(__file__).parent / "assets"


_EVENT_KINDS = ("cta", "signup", "outbound", "contact", "downloads")


class AnalyticsPlugin(BasePlugin[AnalyticsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.setup: Setup | None = None
        self.active = False
        self.consent_ui = "banner"
        self.privacy: File | None = None
        self._fixed = ""  # the tag's attributes that are the same on every page
        self._tags: dict[str, str] = {}  # folder of the page -> the whole tag

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    # --- configuration ------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.setup, self.active, self._tags = None, False, {}
        if not self.config.enabled:
            return None
        source = support.display_path(config, config.config_file_path or "mkdocs.yml")
        setup, problems = resolve(self.config.provider, self.config.site, source=source,
                                  prefix=f"{PLUGIN_KEY}.site", secret_kind=secret_kind)
        problems += self._check_options(config, source)
        for problem in problems:
            support.report(log, problem)
        if setup is None or problems:
            return config
        self.setup = setup
        support.declare_processor(config, support.Processor(
            plugin=PLUGIN, name=setup.label, purpose=setup.purpose, cookies=setup.consent,
            consent=setup.consent, script_src=setup.script_src, connect_src=setup.connect_src,
            img_src=setup.img_src))
        self.consent_ui = self._consent_ui(config, setup, source)
        if self.command == "serve" and not self.config.serve:
            log.info("analytics are off in `mkdocs serve` (set serve: true to load %s there)", setup.label)
            return config
        self.active = True
        if not setup.events and any(self.config.events[k] for k in _EVENT_KINDS):
            log.info("%s counts page views only (it has no event API): CTA clicks, signups and "
                     "link clicks are not sent", setup.label)
        if setup.consent and self.consent_ui == "banner" and self.config.css:
            support.use_stylesheet(config, CSS_PATH)
        self._fixed = self._fixed_attrs(setup)
        if setup.consent and self.config.banner.settings_link:
            self._add_settings_link(config)
        return config

    def _add_settings_link(self, config: MkDocsConfig) -> None:
        """The "privacy settings" link that withdraws consent, in the footer's copyright line
        (Material and MkDocs' themes print `copyright` as HTML): there from the first paint, so
        it moves nothing; analytics.js adds one to other themes' footers."""
        href = "#__consent" if self.consent_ui == "material" else "#privacy-settings"
        link = (f'<a href="{href}" class="sf-privacy-settings" data-sf-privacy-settings>'
                f"{html_text(self.config.banner.settings_link)}</a>")
        config.copyright = f"{config.copyright} · {link}" if config.copyright else link

    def _check_options(self, config: MkDocsConfig, source: str) -> list[Diagnostic]:
        problems = []
        texts = {f"banner.{key}": value for key, value in self.config.banner.items()}
        texts["privacy_url"] = self.config.privacy_url
        for key, value in texts.items():
            kind = secret_kind(str(value)) if value else None
            if kind:
                problems.append(Diagnostic(source, f"{PLUGIN_KEY}.{key}",
                                           f"this looks like {kind}, which must never be published in a page",
                                           "remove it"))
        privacy = self.config.privacy_url
        if privacy and (bad := check_url(privacy.strip(), file=source, key=f"{PLUGIN_KEY}.privacy_url")):
            problems.append(bad)
        elif privacy and urlsplit(privacy).scheme and urlsplit(privacy).scheme != "https":
            problems.append(Diagnostic(source, f"{PLUGIN_KEY}.privacy_url", f"{describe(privacy)} is not an "
                                       "https URL or a page of the site", "write it like privacy.md"))
        for index, ext in enumerate(self.config.events.download_extensions):
            if not ext.isalnum() or len(ext) > 5:
                problems.append(Diagnostic(source, f"{PLUGIN_KEY}.events.download_extensions[{index}]",
                                           f"{describe(ext)} is not a file extension",
                                           "write extensions without the dot, like pdf"))
        return problems

    def _consent_ui(self, config: MkDocsConfig, setup: Setup, source: str) -> str:
        """Material's own cookie consent when the site has one (`extra.consent`), else ours."""
        extra: dict = dict(config.extra or {})
        material = config.theme.name == "material" and bool(extra.get("consent"))
        wanted = self.config.consent
        if wanted == "material" and not material:
            support.report(log, Diagnostic(source, f"{PLUGIN_KEY}.consent",
                                           "Material's cookie consent is not set up on this site",
                                           "add extra.consent (title, description) to mkdocs.yml, or use "
                                           "consent: auto for the suite's own banner"))
            return "banner"
        theme_analytics = extra.get("analytics")
        if isinstance(theme_analytics, dict) and theme_analytics.get("property"):
            support.report(log, Diagnostic(source, "extra.analytics",
                                           "the theme's analytics are on as well as storefront/analytics, so "
                                           "every visit would be counted twice", "remove extra.analytics"))
        if not (material and wanted in ("auto", "material")):
            return "banner"
        if setup.consent:
            consent = extra["consent"]
            cookies = consent.get("cookies") if isinstance(consent, dict) else None
            if isinstance(consent, dict) and not (isinstance(cookies, dict) and "analytics" in cookies):
                # Material lists the choice only when `cookies` names it. As for its own
                # analytics, the box is ticked: "Accept" agrees, "Reject" (or unticking it
                # under "Manage settings") declines, and nothing loads before either.
                consent["cookies"] = {**(cookies or {}), "analytics": setup.label}
        return "material"

    def _fixed_attrs(self, setup: Setup) -> str:
        events = self.config.events
        on = setup.events
        flags = {"cta": on and events.cta, "signup": on and events.signup,
                 "outbound": on and events.outbound, "contact": on and events.contact,
                 "downloads": on and events.downloads,
                 "extensions": [ext.lower() for ext in events.download_extensions]}
        banner = self.config.banner
        texts = {"text": banner.text.replace("{provider}", setup.label), "accept": banner.accept,
                 "reject": banner.reject, "privacy": banner.privacy_link,
                 "settings": banner.settings_link, "label": banner.label}
        values = [("data-provider", setup.provider), ("data-src", setup.script),
                  ("data-attrs", _json(dict(setup.attrs))), ("data-settings", _json(dict(setup.settings))),
                  ("data-events", _json(flags)),
                  ("data-consent", "required" if setup.consent else "none"),
                  ("data-consent-ui", self.consent_ui)]
        if setup.consent:
            values.append(("data-texts", _json(texts)))
        return "".join(f' {name}="{html_attr(value)}"' for name, value in values)

    # --- files ---------------------------------------------------------------------------

    @event_priority(-60)  # after the blog plugin has added its files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.active or self.setup is None:
            return None
        support.add_asset(files, config, JS_PATH, ASSETS / "analytics.js")
        if self.setup.consent and self.consent_ui == "banner" and self.config.css:
            support.add_asset(files, config, CSS_PATH, ASSETS / "analytics.css")
        self.privacy = None
        privacy = self.config.privacy_url
        if privacy and not urlsplit(privacy).scheme:
            self.privacy = files.get_file_from_path(privacy.partition("#")[0])
            if self.privacy is None:
                support.report(log, Diagnostic(
                    support.display_path(config, config.config_file_path or "mkdocs.yml"),
                    f"{PLUGIN_KEY}.privacy_url", f"{describe(privacy)} is not a page of the site",
                    f"write the privacy page's path under {Path(config.docs_dir).name}/ like privacy.md"))
        return files

    # --- pages ---------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        value = (page.meta or {}).get("analytics")
        if self.config.enabled and value not in (None, True, False):
            support.report(log, Diagnostic(
                support.source_path(page, config), "analytics", f"{describe(value)} is not true or false",
                "write analytics: false to load no analytics on this page",
                key_line(support.page_source(page), "analytics")))
        return None

    def _tag(self, page: Page) -> str:
        folder = posixpath.dirname(page.url) if not page.url.endswith("/") else page.url
        tag = self._tags.get(folder)
        if tag is None:
            src = get_relative_url(JS_PATH, page.url)
            privacy = ""
            if self.privacy is not None:
                fragment = (self.config.privacy_url or "").partition("#")[2]
                privacy = self.privacy.url_relative_to(page.file) + (f"#{fragment}" if fragment else "")
            elif self.config.privacy_url:
                privacy = self.config.privacy_url
            extra = f' data-privacy="{html_attr(privacy)}"' if privacy and self.setup and self.setup.consent else ""
            tag = f'<script src="{html_attr(src)}" defer data-sf-analytics{self._fixed}{extra}></script>\n'
            if len(self._tags) >= 256:  # each folder's tag; a large site has thousands of folders
                self._tags.clear()
            self._tags[folder] = tag
        return tag

    @event_priority(40)  # before plugins that rewrite or minify the final HTML
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.active or (page.meta or {}).get("analytics") is False:
            return None
        return support.insert_head(output, self._tag(page))


def _json(value) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


__all__ = ["PROVIDERS", "AnalyticsPlugin"]
