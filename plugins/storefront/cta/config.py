"""Options of storefront/cta."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class UtmConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Tag external CTA links with UTM parameters (internal links never are)."""
    source = c.Optional(c.Type(str))
    """`utm_source`; default: the host of `site_url`, else the site name."""
    medium = c.Type(str, default="cta")
    """`utm_medium`."""
    campaign = c.Optional(c.Type(str))
    """`utm_campaign` for every CTA; default: the CTA's `campaign`, else its id."""
    content = c.Type(bool, default=True)
    """Send the page's path as `utm_content`."""


class RuleConfig(base.Config):
    cta = c.Type(str)
    """The CTA placed after the content of matching pages."""
    blog_posts = c.Type(bool, default=False)
    """Match every blog post (Material's blog plugin)."""
    pages = c.ListOfItems(c.Type(str), default=[])
    """Match pages whose source path matches one of these globs (`recipes/*.md`)."""
    tags = c.ListOfItems(c.Type(str), default=[])
    """Match pages with one of these tags."""
    categories = c.ListOfItems(c.Type(str), default=[])
    """Match blog posts in one of these categories."""


class CtaConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    ctas = c.Type(dict, default={})
    """Named CTAs: `<id>: {label, url, style, heading, text, until, campaign, utm, variants}`."""
    file = c.Type(str, default="seo/ctas.yml")
    """A YAML file of more named CTAs (same form), relative to mkdocs.yml; optional."""
    rules = c.ListOfItems(c.SubConfig(RuleConfig), default=[])
    """Automatic placement after the content; the first matching rule whose CTA is live wins."""
    utm = c.SubConfig(UtmConfig)
    """UTM tagging of external links."""
    css = c.Type(bool, default=True)
    """Add the small stylesheet CTAs need (layout, visible focus)."""
