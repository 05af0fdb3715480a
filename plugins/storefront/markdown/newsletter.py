"""`storefront.markdown.newsletter`: the `/// newsletter` block as a Python-Markdown
extension, for engines that skip MkDocs plugins (Zensical).

    markdown_extensions:
      - storefront.markdown.newsletter:
          site_name: Harbour Plumbing        # words the default heading and consent text
          site_url: https://harbour.example/ # page links (privacy.md) become addresses
          provider: buttondown
          form: {username: harbour}
          consent: {privacy_url: privacy.md}
          thank_you: https://harbour.example/thanks/   # optional: where the provider sends visitors

Every option of storefront/newsletter is accepted and checked the same way (the extension
runs the plugin's own configuration and checks, so a pasted API key or an unsafe URL is
refused here too), and the form is the plugin's. What needs the plugin: the generated
thank-you page (give `thank_you` as a URL of a page you wrote, or the provider's own page is
shown), placement after posts and in the footer, and Netlify forms (they post to the site's
own thank-you page). Block options are the plugin's (`heading`, `text`, `button`, `tags`…).
"""

from __future__ import annotations

import logging
from typing import Any

from markdown import Extension, Markdown

from .blocks import rendered_blocks_extension
from .cta import page_address

log = logging.getLogger("mkdocs.plugins.storefront.markdown")

SITE_KEYS = ("site_name", "site_url", "templates")


class NewsletterExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        # Python-Markdown wants every option declared; the plugin's own config checks them.
        self.config = {key: ["", ""] for key in SITE_KEYS}
        self.options = {key: value for key, value in kwargs.items() if key not in SITE_KEYS}
        super().__init__(**{key: value for key, value in kwargs.items() if key in SITE_KEYS})
        self._plugin: Any = None
        self._mkdocs_config: Any = None
        self._count = 0

    def extendMarkdown(self, md: Markdown) -> None:
        rendered_blocks_extension("newsletter", self.render).extendMarkdown(md)

    def _setup(self) -> Any:
        """The storefront/newsletter plugin, configured from the extension's options."""
        if self._mkdocs_config is not None:
            return self._plugin
        from mkdocs.config.defaults import MkDocsConfig

        from ..newsletter.plugin import NewsletterPlugin

        site_name = str(self.getConfig("site_name") or "")
        site_url = str(self.getConfig("site_url") or "")
        templates = str(self.getConfig("templates") or "")
        options = dict(self.options)
        consent = dict(options.get("consent") or {})
        privacy = consent.get("privacy_url")
        if isinstance(privacy, str) and privacy.split("#")[0].endswith(".md") and site_url:
            page, _, fragment = privacy.partition("#")
            consent["privacy_url"] = page_address(site_url, page) + (f"#{fragment}" if fragment else "")
            options["consent"] = consent
        config = MkDocsConfig()
        config.load_dict({"site_name": site_name or "Site", "site_url": site_url or None,
                          "theme": {"name": "mkdocs", **({"custom_dir": templates} if templates else {})}})
        config.validate()
        self._mkdocs_config = config
        plugin = NewsletterPlugin()
        errors, _ = plugin.load_config(options)
        for key, error in errors:
            log.warning(f"markdown_extensions: storefront.markdown.newsletter.{key}: {error}")
        if errors:
            return None
        plugin.on_config(config)
        if plugin.contract is None:
            return None
        self._plugin = plugin
        return plugin

    def render(self, argument: str | None, options: dict[str, Any]) -> str:
        plugin = self._setup()
        if plugin is None:
            return ""
        if argument:
            log.warning(f"/// newsletter | {argument}: the newsletter block takes no argument; "
                        "write /// newsletter")
        self._count += 1
        form = plugin._render(self._mkdocs_config, page=None, prefix=f"sf-newsletter-{self._count}",
                              placement="block", overrides=options)
        return str(form)


def makeExtension(**kwargs: Any) -> NewsletterExtension:
    return NewsletterExtension(**kwargs)
