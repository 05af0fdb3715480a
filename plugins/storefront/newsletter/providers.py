"""The providers' form contracts, in one table.

Each entry is what the provider's own HTML embed code posts: the action URL (built from the
public form identifiers the site owner copies from the embed code), the method, the name of
the email field, fixed extra fields, the honeypot, the consent and redirect fields, and how
tags and interest choices are sent. `form` options are validated against `params` here, and
nothing else in the plugin knows a provider by name.

Only public form endpoints and public ids belong here: a signup form never needs an API key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.params import UUID, Param

__all__ = ["PROVIDERS", "Param", "Provider", "names"]



@dataclass(frozen=True)
class Provider:
    """The form contract of one email provider, as its embed code uses it."""

    name: str
    label: str
    docs: str
    action: str  # URL template over the params; "" when the action is computed (netlify, custom)
    params: tuple[Param, ...]
    email: str
    first_name: str | None = None
    method: str = "post"
    hidden: tuple[tuple[str, str], ...] = ()  # fixed fields, values may use {param}
    honeypot: str | None = None  # field name template; the field is a text input kept empty
    consent: str | None = None  # field name template of the consent checkbox
    consent_value: str = "yes"
    redirect: str | None = None  # hidden field carrying the thank-you page's absolute URL
    tags: str | None = None  # field for tags (repeated, or joined when tags_join is set)
    tags_join: str | None = None
    tag_pattern: str | None = None  # what a tag value must look like (ids for some providers)
    tag_example: str = "news"
    interests: str | None = None  # "tags" (choices sent as tags) or "groups" (Mailchimp groups)
    form_attrs: tuple[tuple[str, str], ...] = ()  # extra <form> attributes (Netlify, MailerLite)
    double_opt_in: bool = False  # the provider's documented default for new forms or lists
    opt_in_docs: str = ""  # where that default is documented
    collects: str = "subscribers"  # "entries": a form backend, not a mailing list
    redirect_origins: tuple[str, ...] = ()  # other origins the flow redirects through (templates)
    refused: tuple[tuple[str, str, str], ...] = ()  # (option, problem, fix): options that cannot work


def _p(name: str, pattern: str, example: str, where: str, required: bool = True) -> Param:
    return Param(name, pattern, example, where, required)


PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        Provider(
            name="buttondown",
            label="Buttondown",
            docs="https://docs.buttondown.com/building-your-subscriber-base",
            action="https://buttondown.com/api/emails/embed-subscribe/{username}",
            params=(_p("username", r"[A-Za-z0-9_-]{1,100}", "yourname",
                       "your newsletter's username, the last part of the embed form's action URL"),),
            email="email",
            first_name="metadata__first_name",
            hidden=(("embed", "1"),),
            consent="metadata__consent",
            tags="tag",
            interests="tags",
            double_opt_in=True,
            opt_in_docs="https://docs.buttondown.com/double-opt-in",
        ),
        Provider(
            name="mailchimp",
            label="Mailchimp",
            docs="https://mailchimp.com/help/add-a-signup-form-to-your-website/",
            action="https://{dc}.list-manage.com/subscribe/post?u={u}&id={id}",
            params=(
                _p("dc", r"[a-z]{2}\d{1,3}", "us21", "the data centre, the start of the action URL's host"),
                _p("u", r"[0-9a-f]{25}", "8a1b2c3d4e5f60718293a4b5c", "the action URL's `u` parameter"),
                _p("id", r"[0-9a-f]{10}", "1a2b3c4d5e", "the audience id, the action URL's `id` parameter"),
                _p("gdpr", r"\d{1,8}", "1234", "the number in the embed code's `gdpr[...]` checkbox name",
                   required=False),
            ),
            email="EMAIL",
            first_name="FNAME",
            honeypot="b_{u}_{id}",
            consent="gdpr[{gdpr}]",
            consent_value="Y",
            tags="tags",
            tags_join=",",
            tag_pattern=r"\d{1,12}",
            tag_example="2004213",
            interests="groups",
            double_opt_in=False,
            opt_in_docs="https://mailchimp.com/help/set-signup-preferences/",
            # the confirmation page is on the account's own subdomain ({account}.{dc}.list-manage.com)
            redirect_origins=("https://*.list-manage.com",),
        ),
        Provider(
            name="kit",
            label="Kit (ConvertKit)",
            docs="https://help.kit.com/en/articles/4009572-form-embedding-basics",
            action="https://app.kit.com/forms/{form_id}/subscriptions",
            params=(_p("form_id", r"\d{4,12}", "7321456", "the number in the form's embed URL"),),
            email="email_address",
            first_name="fields[first_name]",
            tags="tags[]",
            tag_pattern=r"\d{1,12}",
            tag_example="5432109",
            interests="tags",
            double_opt_in=True,
            opt_in_docs="https://help.kit.com/en/articles/2971364-the-all-important-double-opt-in",
        ),
        Provider(
            name="mailerlite",
            label="MailerLite",
            docs="https://www.mailerlite.com/help/how-to-use-an-html-form",
            action="https://assets.mailerlite.com/jsonp/{account}/forms/{form}/subscribe",
            params=(
                _p("account", r"\d{3,12}", "123456", "the first number in the HTML form's action URL"),
                _p("form", r"\d{6,24}", "98765432101234567", "the second number in the action URL"),
            ),
            email="fields[email]",
            first_name="fields[name]",
            hidden=(("ml-submit", "1"), ("anticsrf", "true")),
            tags="groups[]",
            tag_pattern=r"\d{1,24}",
            tag_example="112233445566778899",
            interests="tags",
            # MailerLite's marketing-permission checkbox: `gdpr[]`, the permission's title as value
            consent="gdpr[]",
            consent_value="Email",
            # The endpoint answers with JSON; MailerLite's own embed posts to a new tab, so a
            # visitor without JavaScript keeps the page and reads the answer in the new tab.
            form_attrs=(("target", "_blank"),),
            double_opt_in=True,
            opt_in_docs="https://www.mailerlite.com/help/how-to-use-double-opt-in-when-collecting-subscribers",
        ),
        Provider(
            name="brevo",
            label="Brevo",
            docs="https://help.brevo.com/hc/en-us/articles/4402386448530",
            action="https://{sub}.sibforms.com/serve/{token}",
            params=(
                _p("sub", r"[A-Za-z0-9]{4,40}", "a1b2c3d4", "the first part of the form URL's host"),
                _p("token", r"[A-Za-z0-9_-]{20,400}", "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI",
                   "the last part of the form URL, after /serve/"),
            ),
            email="EMAIL",
            first_name="FIRSTNAME",
            hidden=(("locale", "en"), ("html_type", "simple")),
            honeypot="email_address_check",
            consent="OPT_IN",
            consent_value="1",
            # chosen per form in the Settings step (no confirmation, simple or double): no default
            # is documented, so the thank-you page promises no confirmation email unless told
            double_opt_in=False,
            opt_in_docs="https://help.brevo.com/hc/en-us/articles/360019572619",
            refused=(("recaptcha", "Brevo forms with reCAPTCHA only work with Brevo's own script",
                      "turn reCAPTCHA off in the form's Settings step in Brevo (the honeypot stays), "
                      "or embed Brevo's own form code instead of this plugin's form"),),
        ),
        Provider(
            # The current embed (eocampaign1.com/form/{form id}) answers with JSON and has no
            # redirect field, so a form posting there leaves a visitor without JavaScript on a
            # JSON page. The list's embedded-form endpoint takes `successRedirectUrl` and
            # redirects to it; its honeypot is named after the list id.
            name="emailoctopus",
            label="EmailOctopus",
            docs="https://help.emailoctopus.com/article/165-how-to-embed-a-form",
            action="https://emailoctopus.com/lists/{list_id}/members/embedded/1.3/add",
            params=(_p("list_id", UUID, "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002",
                       "the list's id, the UUID in the list's address in the EmailOctopus dashboard "
                       "(dashboard.emailoctopus.com/lists/<id>)"),),
            email="field_0",
            first_name="field_1",
            honeypot="hp{list_id}",
            consent="consent",
            consent_value="on",  # the embed's checkbox has no value: browsers send "on"
            redirect="successRedirectUrl",
            double_opt_in=False,
            opt_in_docs="https://help.emailoctopus.com/article/36-how-to-edit-double-opt-in",
            refused=(("form_id", "the eocampaign1.com/form/<form id> endpoint answers with JSON and has "
                      "no redirect field, so a visitor without JavaScript would be left on a JSON page",
                      "replace form_id with list_id, the UUID in the list's address in the EmailOctopus "
                      "dashboard: the list's embedded-form endpoint redirects to the thank-you page"),),
        ),
        Provider(
            name="formspree",
            label="Formspree",
            docs="https://help.formspree.io/hc/en-us/articles/360013470814",
            action="https://formspree.io/f/{form_id}",
            params=(_p("form_id", r"[A-Za-z0-9]{8}", "xyzzabcd", "the 8 characters after /f/ in the form endpoint"),),
            email="email",
            first_name="name",
            hidden=(("_subject", "Newsletter signup"),),
            honeypot="_gotcha",
            consent="consent",
            redirect="_next",
            tags="tags",
            interests="tags",
            collects="entries",
        ),
        Provider(
            name="netlify",
            label="Netlify Forms",
            docs="https://docs.netlify.com/forms/setup/",
            action="",  # the site's own thank-you page: Netlify shows it after a submission
            params=(_p("name", r"[A-Za-z0-9_-]{1,64}", "newsletter", "the form name shown in Netlify"),),
            email="email",
            first_name="first_name",
            hidden=(("form-name", "{name}"),),
            honeypot="bot-field",
            consent="consent",
            tags="tags",
            interests="tags",
            form_attrs=(("name", "{name}"), ("data-netlify", "true"), ("netlify-honeypot", "bot-field")),
            collects="entries",
        ),
        Provider(
            name="custom",
            label="custom form endpoint",
            docs="",
            action="{action}",
            params=(_p("action", r"\S+", "https://forms.example.com/subscribe",
                       "your form endpoint, an https URL"),),
            email="email",  # all field names come from the `form` options; see newsletter.form
        ),
    )
}

# The `form` options a custom provider takes besides `action`: field names, method, fixed fields.
CUSTOM_FIELDS = ("method", "email", "first_name", "tags", "honeypot", "consent", "consent_value",
                 "redirect", "hidden", "redirect_origins", "new_tab")


def names() -> list[str]:
    return list(PROVIDERS)
