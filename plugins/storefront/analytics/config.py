"""Options of storefront/analytics."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .. import support
from .providers import names

DOWNLOADS = ["pdf", "zip", "csv", "docx", "xlsx", "pptx", "epub", "mp3", "mp4", "ics", "dmg", "exe"]


class EventsConfig(base.Config):
    cta = c.Type(bool, default=True)
    """CTA clicks (storefront/cta links): the CTA's name, variant and the page."""
    signup = c.Type(bool, default=True)
    """Newsletter signups, on submit: the provider's name and the page, never the address."""
    outbound = c.Type(bool, default=True)
    """Clicks on links to other sites: the link's origin and path (no query string)."""
    contact = c.Type(bool, default=True)
    """Clicks on `tel:` and `mailto:` links: which kind, never the number or address."""
    downloads = c.Type(bool, default=True)
    """Clicks on links to files (`download_extensions`): the file's path."""
    download_extensions = c.ListOfItems(c.Type(str), default=list(DOWNLOADS))
    """What counts as a file download."""


class BannerConfig(base.Config):
    text = c.Type(str, default="May we count your visit with {provider}? It helps us see which pages "
                                      "are useful. Nothing loads until you choose.")
    """The banner's sentence; `{provider}` becomes the provider's name."""
    accept = c.Type(str, default="Accept")
    """The accept button."""
    reject = c.Type(str, default="Decline")
    """The decline button (as prominent as accept)."""
    privacy_link = c.Type(str, default="Privacy policy")
    """The words of the link to `privacy_url`."""
    settings_link = c.Type(str, default="Privacy settings")
    """The footer link that reopens the choice (and withdraws consent)."""
    label = c.Type(str, default="Privacy choices")
    """The banner's accessible name."""


class AnalyticsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    provider = support.Choice(names())
    """The analytics provider."""
    site = c.Type(dict, default={})
    """The provider's public site ids and URLs (e.g. `domain` for Plausible)."""
    serve = c.Type(bool, default=False)
    """Load analytics in `mkdocs serve` too (off: your own previews are never counted)."""
    events = c.SubConfig(EventsConfig)
    """Which conversion events are sent."""
    privacy_url = c.Optional(c.Type(str))
    """The privacy page linked from the consent banner: a page of the site (`privacy.md`) or an https URL."""
    banner = c.SubConfig(BannerConfig)
    """The consent banner's words (shown only for providers that need consent)."""
    consent = c.Choice(["auto", "banner", "material"], default="auto")
    """Where consent is asked: `auto` uses Material's cookie consent (`extra.consent`) when the site
    has it, else the suite's banner."""
    css = c.Type(bool, default=True)
    """Add the banner's small stylesheet."""
