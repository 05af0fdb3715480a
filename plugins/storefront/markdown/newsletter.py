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

log = logging.getLogger("mkdocs.plugins.storefront.markdown")

SITE_KEYS = ("site_name", "site_url", "templates")


class NewsletterExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        # Python-Markdown wants every option declared; the plugin's own config checks them.
        self.config = {key: ["", ""] for key in SITE_KEYS}
        self.options = {key: value for key, value in kwargs.items() if key not in SITE_KEYS}
        super().__init__(**{key: value for key, value in kwargs.items() if key in SITE_KEYS})
        self._render: Any = None  # the plugin's form renderer; False when it cannot be set up
        self._count = 0

    def extendMarkdown(self, md: Markdown) -> None:
        rendered_blocks_extension("newsletter", self.render).extendMarkdown(md)

    def _setup(self) -> Any:
        """The form renderer of storefront/newsletter, configured from the extension's options."""
        if self._render is None:
            from ..newsletter.plugin import standalone_renderer

            self._render = standalone_renderer(
                dict(self.options), site_name=str(self.getConfig("site_name") or ""),
                site_url=str(self.getConfig("site_url") or ""),
                templates=str(self.getConfig("templates") or ""), warn=log.warning) or False
        return self._render or None

    def render(self, argument: str | None, options: dict[str, Any]) -> str:
        render = self._setup()
        if render is None:
            return ""
        if argument:
            log.warning(f"/// newsletter | {argument}: the newsletter block takes no argument; "
                        "write /// newsletter")
        self._count += 1
        return render(f"sf-newsletter-{self._count}", options)


def makeExtension(**kwargs: Any) -> NewsletterExtension:
    return NewsletterExtension(**kwargs)
