"""Options of storefront/schema."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..support import Days


class SchemaConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""

    business = c.Type(str, default="seo/business.yml")
    """The business profile, relative to mkdocs.yml."""

    footer = c.Type(bool, default=True)
    """Show the business (name, address, telephone, hours) in every page's footer: where the
    theme's templates print `storefront.business_footer` there, else the plugin adds it to the
    theme's footer itself (a stock Material site needs no template work)."""

    css = c.Type(bool, default=True)
    """Link the small stylesheet of the footer the plugin adds to a stock theme."""

    json_ld = c.Type(bool, default=True)
    """Emit the JSON-LD `<script>` on every page (the visible blocks and footer work without it)."""

    clock = c.Choice(("24h", "12h"), default="24h")
    """How opening times are shown to visitors: 07:00-15:00 (24h) or 7 am-3 pm (12h)."""

    upcoming_days = Days(default=60)
    """How many days ahead special hours (holiday closures) are announced on the page."""

    faq_heading = c.Type(str, default="Frequently asked questions")
    """Heading above the visible FAQ rendered from a page's `faq:` front matter."""

    faq_auto = c.Type(bool, default=True)
    """Append the FAQ to the end of a page that has `faq:` but no `/// business | faq` block."""

    events_heading = c.Type(str, default="Events")
    """Heading above the visible list of a page's `event:` front matter."""

    events_auto = c.Type(bool, default=True)
    """Append the events to the end of a page that has `event:` but no `/// business | events`
    block. Off: an event is only shown (and only in the JSON-LD) where the block places it."""
