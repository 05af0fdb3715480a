"""storefront/newsletter: signup forms for real email providers, without third-party code.

The form posts straight to the provider's public endpoint, with the field names its own
embed code uses (see providers.py). It is placed by a `/// newsletter` block, after blog
posts, and in the footer (the theme prints `storefront.newsletter_footer`); front matter
`newsletter: false` turns every form off for a page.
"""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import support
from ..core.diagnostics import Diagnostic, describe
from ..core.frontmatter import key_line
from ..core.slots import fill_slots
from ..markdown.blocks import block_line, mentions_block, rendered_blocks_extension
from .checks import PLUGIN_KEY, as_list, check_block, check_opt_in, check_texts
from .config import NewsletterConfig, default_consent_text, default_heading
from .context import form_context
from .form import Contract, check_values, resolve
from .providers import PROVIDERS
from .thanks import thank_you_page

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

CSS_PATH = "assets/storefront/newsletter.css"
CSS_SOURCE = Path(__file__).parent / "assets" / "newsletter.css"
SLOT_START = "<!-- storefront:newsletter "


class NewsletterPlugin(BasePlugin[NewsletterConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.contract: Contract | None = None
        self.page: Page | None = None
        self.count = 0
        self.problems: list[Diagnostic] = []  # the page's `/// newsletter` blocks; file and line set when reported
        self.files: Files | None = None
        self.thanks: File | None = None
        self.footer = Markup("")
        self.globals: dict | None = None
        self._config: MkDocsConfig | None = None
        self.wants_blocks = True
        self.rendered: dict[tuple, Markup] = {}
        self.forms: dict[tuple, str | None] = {}  # form HTML with a stand-in id prefix, per distinct form
        self.slots = _Slots()
        self._redirect: tuple[File, str | None] | None = None
        self.thanks_url: str | None = None  # an external thank-you page (https URL)

    # --- configuration ------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.contract = None
        self.rendered, self.forms = {}, {}
        self.slots = _Slots()
        source = support.display_path(config, config.config_file_path or "mkdocs.yml")
        contract, problems = resolve(self.config.provider, self.config.form, source=source,
                                     prefix=f"{PLUGIN_KEY}.form")
        if contract is not None:
            interests: list[Any] = [dict(item) for item in self.config.interests]
            problems += check_values(contract, tags=list(self.config.tags), interests=interests,
                                     source=source, prefix=PLUGIN_KEY)
        problems += check_texts(self.config, source)
        problems += check_opt_in(self.config, source, contract)
        for problem in problems:
            support.report(log, problem)
        if not problems:
            self.contract = contract
            self._declare_processor(config, contract)  # type: ignore[arg-type]  # no contract, a problem
            if contract is not None and contract.uses_site_action:
                # https://docs.netlify.com/forms/setup/: detection is off until turned on
                support.report(log, Diagnostic(
                    file=source, key=f"{PLUGIN_KEY}.provider",
                    problem="Netlify accepts this form only once form detection is turned on for the site",
                    fix="in the Netlify UI open Forms and select Enable form detection, then deploy again",
                    severity="info"))
        config.markdown_extensions.append(
            rendered_blocks_extension("newsletter", self._render_block, wanted=lambda: self.wants_blocks))
        if self.config.css:
            support.use_stylesheet(config, CSS_PATH)
        return config

    def _declare_processor(self, config: MkDocsConfig, contract: Contract) -> None:
        """The provider, for the privacy page's `/// business | processors` list."""
        label = PROVIDERS[contract.provider].label
        if contract.provider == "custom":
            label = urlsplit(contract.action).hostname or label
        support.declare_processor(config, support.Processor(
            plugin="storefront/newsletter", name=label,
            purpose="the newsletter: the email address (and first name, if given) typed into the signup form",
            when="only when you subscribe"))

    def double_opt_in(self) -> bool:
        """The plugin option, else the provider's documented default."""
        if self.config.double_opt_in is not None:
            return bool(self.config.double_opt_in)
        return bool(self.contract.double_opt_in) if self.contract is not None else False

    # --- files: the stylesheet and the thank-you page -----------------------------------

    @event_priority(-60)  # after the blog plugin has added its files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        self.files = files
        if self.config.css:
            support.add_asset(files, config, CSS_PATH, CSS_SOURCE)
        privacy = self.config.consent.privacy_url
        if (self.config.consent.enabled and privacy and not urlsplit(privacy).scheme
                and files.get_file_from_path(privacy.partition("#")[0]) is None):
            self._missing_page(config, "consent.privacy_url", privacy,
                               f"write the privacy page's path under {Path(config.docs_dir).name}/ like "
                               "privacy.md, or a full https URL")
        self.thanks, self.thanks_url = None, None
        if self.config.thank_you and urlsplit(self.config.thank_you).scheme:
            self.thanks_url = self.config.thank_you  # an https URL (checked in on_config)
        elif self.config.thank_you:
            self.thanks = files.get_file_from_path(self.config.thank_you)
            if self.thanks is None:
                self._missing_page(config, "thank_you", self.config.thank_you,
                                   f"write it as a path under {Path(config.docs_dir).name}/ like thanks.md, "
                                   "or remove it to use the generated thank-you page")
        else:
            existing = files.get_file_from_path(self.config.thank_you_path)
            self.thanks = existing if existing is not None else self._generated_thanks(files, config)
        return files

    def _missing_page(self, config: MkDocsConfig, option: str, value: str, fix: str) -> None:
        support.report(log, Diagnostic(
            file=support.display_path(config, config.config_file_path or "mkdocs.yml"),
            key=f"{PLUGIN_KEY}.{option}", problem=f"{describe(value)} is not a page of the site", fix=fix))

    def _generated_thanks(self, files: Files, config: MkDocsConfig) -> File:
        """The thank-you page at `thank_you_path`, written from the provider's flow."""
        text = thank_you_page(self.contract, self.double_opt_in(), title=self.config.thank_you_title,
                              text=self.config.thank_you_text)
        thanks = File.generated(config, self.config.thank_you_path, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(thanks)
        return thanks

    # --- URLs -----------------------------------------------------------------------------

    def _site_href(self, config: MkDocsConfig, target: str | None, page: Page | None) -> str | None:
        """A page of the site or an external URL, as an href from `page` (or from anywhere)."""
        if not target:
            return None
        if urlsplit(target).scheme:
            return target
        path, _, fragment = target.partition("#")
        file = self.files.get_file_from_path(path) if self.files is not None else None
        if file is None:
            return target
        if page is not None:
            href = file.url_relative_to(page.file)
        else:
            href = _root_relative(config, file.url)
        return href + (f"#{fragment}" if fragment else "")

    def _redirect_url(self, config: MkDocsConfig) -> str | None:
        if self.thanks_url:
            return self.thanks_url
        if self.thanks is None:
            return None
        if self._redirect is None or self._redirect[0] is not self.thanks:
            self._redirect = (self.thanks, support.absolute_url(config, self.thanks.url))
        return self._redirect[1]

    def _origins(self, config: MkDocsConfig) -> list[str]:
        """Origins a submission navigates through, for CSP `form-action` (storefront/optimize
        reads them from the form's `data-sf-form-origins`): the endpoint, the provider's
        confirmation hosts, and the thank-you page (sent as a redirect or set in the
        provider's dashboard) when it is on another origin than the endpoint."""
        assert self.contract is not None
        if self.contract.uses_site_action:
            return []  # Netlify: the form posts to the site itself
        return self.contract.origins(self._redirect_url(config))

    def _site_action(self, config: MkDocsConfig) -> str | None:
        return _root_relative(config, self.thanks.url) if self.thanks is not None else None

    # --- rendering ------------------------------------------------------------------------

    def _render(self, config: MkDocsConfig, *, page: Page | None, prefix: str, placement: str,
                overrides: dict[str, Any] | None = None) -> Markup:
        assert self.contract is not None
        options, privacy_href, form_key = self._form_key(config, page, placement, overrides)
        key = (prefix, *form_key)
        cached = self.rendered.get(key)
        if cached is not None:
            return cached
        html = self._render_form(config, prefix=prefix, placement=placement, options=options,
                                 privacy_href=privacy_href)
        self.rendered[key] = html
        return html

    def _form_key(self, config: MkDocsConfig, page: Page | None, placement: str,
                  overrides: dict[str, Any] | None) -> tuple[dict[str, Any], str | None, tuple]:
        """The block's options, the privacy link and what tells forms apart: the form is the
        same on every page but for the privacy link (relative to the page) and the block's
        options, so it is rendered once per distinct set."""
        options = overrides or {}
        privacy_href = self._site_href(config, self.config.consent.privacy_url, page)
        return options, privacy_href, (placement, privacy_href,
                                       repr(sorted(options.items(), key=lambda item: str(item[0]))))

    def _form_slot(self, config: MkDocsConfig, *, page: Page, prefix: str, placement: str,
                   overrides: dict[str, Any] | None = None) -> str:
        """The marker standing for a page's form in `page.content` (see `_slot`).

        Each page's form differs from the others only by its id prefix (and the privacy link,
        relative to the page): the form is rendered once per distinct set with a stand-in
        prefix, and a slot keeps that shared text and the page's prefix, not a copy of the
        form per page. A partial that does more with the prefix than print it (a user's
        override) is rendered for each page, as before."""
        assert self.contract is not None
        options, privacy_href, key = self._form_key(config, page, placement, overrides)
        if key not in self.forms:
            self.forms[key] = self._shared_form(config, placement=placement, options=options,
                                                privacy_href=privacy_href)
        shared = self.forms[key]
        if shared is None:
            return self._slot(self._render(config, page=page, prefix=prefix, placement=placement,
                                           overrides=overrides))
        html = shared.replace(_STAND_IN[0], prefix)
        marker_key = hashlib.blake2b(html.encode("utf-8"), digest_size=8).hexdigest()
        self.slots.keep(marker_key, shared, prefix)
        return f"<!-- storefront:newsletter {marker_key} -->"

    def _shared_form(self, config: MkDocsConfig, *, placement: str, options: dict[str, Any],
                     privacy_href: str | None) -> str | None:
        """The form rendered with a stand-in prefix, if the partial only prints the prefix
        (two stand-ins of different lengths give the same text but for the prefix), else None."""
        first, second = (str(self._render_form(config, prefix=stand_in, placement=placement,
                                               options=options, privacy_href=privacy_href))
                         for stand_in in _STAND_IN)
        if _STAND_IN[0] in first and first.replace(_STAND_IN[0], _STAND_IN[1]) == second:
            return first
        return None

    def _render_form(self, config: MkDocsConfig, *, prefix: str, placement: str, options: dict[str, Any],
                     privacy_href: str | None) -> Markup:
        assert self.contract is not None
        consent = self.config.consent
        tags = list(self.config.tags) + as_list(options.get("tags")) + as_list(options.get("tag"))
        first_name = options.get("first_name", self.config.first_name)
        context = form_context(
            self.contract, prefix=prefix,
            heading=str(options.get("heading", self.config.heading
                                    if self.config.heading is not None
                                    else default_heading(config.site_name or ""))),
            text=str(options.get("text", self.config.text)),
            button=str(options.get("button", self.config.button)),
            email_label=self.config.email_label, email_placeholder=self.config.email_placeholder,
            first_name_label=self.config.first_name_label if first_name else None,
            interests=[dict(item) for item in self.config.interests],
            interests_legend=self.config.interests_legend, tags=tags,
            consent=(dict(consent, text=consent.text if consent.text is not None
                          else default_consent_text(config.site_name or ""))
                     if consent.enabled else None),
            privacy_href=privacy_href,
            redirect_url=self._redirect_url(config), site_action=self._site_action(config),
            honeypot_label=self.config.honeypot_label, placement=placement,
            origins=self._origins(config), new_tab_note=self.config.new_tab_note)
        return support.render_partial(config, "newsletter", form=context)

    def _render_block(self, argument: str | None, options: dict[str, Any]) -> str:
        page, config = self.page, self._config
        if page is None or self.contract is None or _turned_off(page):
            return ""
        options, problems = check_block(self.contract, argument, options)
        self.problems += problems
        self.count += 1
        return self._form_slot(config, page=page, prefix=f"sf-newsletter-{self.count}",  # type: ignore[arg-type]  # set in on_config
                               placement="block", overrides=options)

    def _slot(self, form: Markup) -> str:
        """A marker standing for the form in `page.content`, replaced in the final page.

        The form stays out of what reads `page.content` (the search index, feeds), where a
        signup form is noise, and the search plugin does not parse it on every page.
        """
        html = str(form)
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=8).hexdigest()
        self.slots.keep(key, html)
        return f"<!-- storefront:newsletter {key} -->"

    # --- pages ----------------------------------------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._config = config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.page, self._config, self.count, self.problems = page, config, 0, []
        self.wants_blocks = mentions_block(markdown, "newsletter")
        value = (page.meta or {}).get("newsletter", None)
        if value not in (None, True, False):
            source = support.page_source(page)
            support.report(log, Diagnostic(
                file=support.source_path(page, config), key="newsletter", line=key_line(source, "newsletter"),
                problem=f"{describe(value)} is not true or false",
                fix="write newsletter: false to turn the signup form off on this page"))
        return None

    @event_priority(-40)  # after the page's own content is final; CTA placement goes first
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        self._report_block_problems(page, config)
        if self.contract is None or _turned_off(page) or page is not self.page:
            return None
        place = (self.config.after_posts and support.is_blog_post(page)) or any(
            fnmatch.fnmatch(page.file.src_uri, pattern) for pattern in self.config.after_pages)
        if not place:
            return None
        self.count += 1
        return html + "\n" + self._form_slot(config, page=page, prefix=f"sf-newsletter-{self.count}",
                                             placement="after")

    def _report_block_problems(self, page: Page, config: MkDocsConfig) -> None:
        if not self.problems:
            return
        source = support.page_source(page) or ""
        line = block_line(source, "newsletter")
        for problem in self.problems:
            support.report(log, replace(problem, file=support.source_path(page, config), line=line))
        self.problems = []

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return None
        footer = Markup("")
        if self.contract is not None and self.config.footer:
            footer = self._render(config, page=None, prefix="sf-newsletter-footer", placement="footer")
        self.footer = footer
        self.globals = cast("dict", env.globals.setdefault("storefront", {}))
        self.globals["newsletter_footer"] = footer
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled or not _turned_off(page):
            return None
        # The footer form is site-wide; a page that turns the newsletter off gets its own
        # `storefront` mapping with an empty footer form (the theme needs no extra check).
        values = cast("dict[str, Any]", context)  # a TemplateContext holds our own `storefront` key too
        shared = values.get("storefront") or self.globals or {}
        values["storefront"] = {**shared, "newsletter_footer": Markup("")}
        return context

    @event_priority(50)  # before plugins that rewrite or minify the final HTML
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        start = output.find(SLOT_START)
        if start != -1:
            output = fill_slots(output, SLOT_START, self.slots, start)
        is_thanks = (self.thanks is not None and self.thanks.generated_by
                     and page.file.src_uri == self.thanks.src_uri)
        if (self.footer and start == -1 and not is_thanks and not _turned_off(page)
                and "sf-newsletter-footer" not in output):
            # The theme's templates do not print storefront.newsletter_footer (a stock theme),
            # and the page shows no form of its own: the footer form goes in the theme's footer.
            output = support.add_to_footer(output, str(self.footer), part="top")
        # storefront/seo writes the robots tag from the page's front matter (noindex) itself.
        if is_thanks and "storefront/seo" not in config.plugins and 'name="robots"' not in output:
            output = support.insert_head(output, '<meta name="robots" content="noindex, follow">\n')
        return output


# Two stand-in id prefixes of different lengths (plain letters: escaping leaves them as they are).
_STAND_IN = ("sfnewsletterstandin", "sfxstandinformx")


class _Slots(Mapping[str, str]):
    """The forms the page markers stand for, by marker key: a form's shared text and the
    page's id prefix (or a whole form's text), made whole when the page is written."""

    def __init__(self) -> None:
        self._slots: dict[str, tuple[str, str | None]] = {}

    def keep(self, key: str, html: str, prefix: str | None = None) -> None:
        self._slots[key] = (html, prefix)

    def __getitem__(self, key: str) -> str:
        html, prefix = self._slots[key]
        return html if prefix is None else html.replace(_STAND_IN[0], prefix)

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)


def _turned_off(page: Page) -> bool:
    return (page.meta or {}).get("newsletter") is False


def _root_relative(config: MkDocsConfig, url: str) -> str:
    base = urlsplit(config.site_url or "").path or "/"
    return (base if base.endswith("/") else base + "/") + url.lstrip("/")


def standalone_renderer(options: dict[str, Any], *, site_name: str, site_url: str, templates: str,
                        warn: Any) -> Any:
    """For the `storefront.markdown.newsletter` extension (an engine without MkDocs plugins):
    this plugin configured from `options` and checked as in a build, as a function
    `(prefix, block options) -> form HTML`; None when the options are wrong (said through
    `warn` and the plugin's logger)."""
    from ..core.urls import page_address

    consent = dict(options.get("consent") or {})
    privacy = consent.get("privacy_url")
    if isinstance(privacy, str) and privacy.split("#")[0].endswith(".md") and site_url:
        page, _, fragment = privacy.partition("#")
        consent["privacy_url"] = page_address(site_url, page) + (f"#{fragment}" if fragment else "")
        options = {**options, "consent": consent}
    config = MkDocsConfig()
    config.load_dict({"site_name": site_name or "Site", "site_url": site_url or None,
                      "theme": {"name": "mkdocs", **({"custom_dir": templates} if templates else {})}})
    config.validate()
    plugin = NewsletterPlugin()
    errors, _ = plugin.load_config(options)
    for key, error in errors:
        warn(f"markdown_extensions: storefront.markdown.newsletter.{key}: {error}")
    if errors:
        return None
    plugin.on_config(config)
    if plugin.contract is None:
        return None

    def render(prefix: str, block_options: dict[str, Any]) -> str:
        return str(plugin._render(config, page=None, prefix=prefix, placement="block",
                                  overrides=block_options))

    return render
