"""Options of storefront/newsletter."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .. import support
from .providers import names


class ConsentConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Show a consent checkbox."""
    required = c.Type(bool, default=True)
    """The checkbox must be ticked before the form can be sent (HTML `required`, no script)."""
    text = c.Optional(c.Type(str))
    """The checkbox label; `{privacy}` becomes a link to `privacy_url`; default:
    `default_consent_text(site_name)`."""
    link_text = c.Type(str, default="privacy policy")
    """The words of the privacy link."""
    privacy_url = c.Optional(c.Type(str))
    """The privacy page: a page of the site (`privacy.md`) or an https URL."""


class InterestConfig(base.Config):
    label = c.Type(str)
    """What the visitor reads next to the checkbox."""
    value = c.Type(str)
    """What is sent: a tag (Buttondown), a tag or group id (Kit, MailerLite), `group/bit` (Mailchimp)."""


class NewsletterConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    provider = support.Choice(names())
    """The email provider whose form contract is used."""
    form = c.Type(dict, default={})
    """The provider's public form ids from its embed code (e.g. `username` for Buttondown)."""
    heading = c.Optional(c.Type(str))
    """The form's heading; default: `default_heading(site_name)`."""
    text = c.Type(str, default="")
    """A sentence under the heading."""
    button = c.Type(str, default="Subscribe")
    """The submit button's label."""
    email_label = c.Type(str, default="Email address")
    """The email field's label."""
    email_placeholder = c.Type(str, default="")
    """An example shown in the empty email field (the label is always shown)."""
    first_name = c.Type(bool, default=False)
    """Ask for a first name (optional field)."""
    first_name_label = c.Type(str, default="First name (optional)")
    """The first-name field's label."""
    interests = c.ListOfItems(c.SubConfig(InterestConfig), default=[])
    """Choices the visitor may tick, sent as the provider's tags or groups."""
    interests_legend = c.Type(str, default="Tell me about")
    """The heading of the interest choices."""
    tags = c.ListOfItems(c.Type(str), default=[])
    """Tags every signup gets (hidden fields)."""
    honeypot_label = c.Type(str, default="Leave this field empty")
    """The label of the hidden honeypot field (read only by bots)."""
    consent = c.SubConfig(ConsentConfig)
    """The consent checkbox."""
    double_opt_in = c.Optional(c.Type(bool))
    """Whether the provider sends a confirmation email before subscribing; default: the
    provider's documented default (see the README's provider table)."""
    new_tab_note = c.Type(str, default="The provider's answer opens in a new tab.")
    """Said under the button of forms that post to a new tab (MailerLite answers with JSON)."""
    thank_you = c.Optional(c.Type(str))
    """A page of the site (`thanks.md`) or an https URL shown after signing up; default: a
    generated page."""
    thank_you_path = c.Type(str, default="newsletter/thanks.md")
    """Where the generated thank-you page goes."""
    thank_you_title = c.Optional(c.Type(str))
    """The generated thank-you page's title; default: worded from `double_opt_in`."""
    thank_you_text = c.Optional(c.Type(str))
    """The generated thank-you page's text; default: worded from `double_opt_in` (and, for
    Formspree and Netlify, saying the address was received as a form entry)."""
    after_posts = c.Type(bool, default=True)
    """Place the form after every blog post."""
    after_pages = c.ListOfItems(c.Type(str), default=[])
    """Also place it after pages matching these globs (`recipes/*.md`)."""
    footer = c.Type(bool, default=True)
    """The form in every page's footer: where the theme's templates print
    `storefront.newsletter_footer` there, else the plugin adds it above the theme's footer
    itself (a stock Material site needs no template work). Not on a page that shows a form
    in its content or has `newsletter: false`."""
    css = c.Type(bool, default=True)
    """Add the small stylesheet the form needs (honeypot hiding, focus ring, layout)."""


def default_heading(site_name: str) -> str:
    """The form's heading when none is set: worded from the site's own name."""
    return f"Updates from {site_name} by email" if site_name.strip() else "Updates by email"


def default_consent_text(site_name: str) -> str:
    """The consent label when none is set: the site's own name, and the privacy link."""
    who = f" from {site_name}" if site_name.strip() else ""
    # `{privacy}` is the link; the site name is put in after it so a brace in it is only text
    return "Yes, email me updates" + who.replace("{privacy}", "{ privacy }") + ". I have read the {privacy}."
