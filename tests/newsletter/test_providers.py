"""Each provider's form contract on a built fixture site, and each malformed config's message."""

from __future__ import annotations

import pytest

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def build(site, provider, form, strict=True, **options):
    plugin = {"provider": provider, "form": form, "after_posts": False, **options}
    return site(
        {"index.md": "# Home\n\n/// newsletter\n///\n", "privacy.md": "# Privacy\n"},
        config={"theme": {"name": "mkdocs"}, "site_url": "https://bakery.example/",
                "plugins": [{"storefront/newsletter": plugin}]},
        strict=strict)


def the_form(built):
    forms = built.html("index.html").xpath('//form[contains(@class, "sf-newsletter__form")]')
    assert len(forms) == 1, built.messages
    return forms[0]


def fields(form):
    return {el.get("name"): el for el in form.xpath(".//input") if el.get("name")}


# Each provider's contract as its own documentation or real embed code shows it, NOT as the
# suite's table says: provider, form ids, action, email field, honeypot, fixed hidden fields,
# and where that was read.
CONTRACTS = [
    # https://docs.buttondown.com/building-your-subscriber-base; real embed: mfaits/mfaits.github.io
    # subscribe.md (action https://buttondown.com/api/emails/embed-subscribe/<username>, name="email"),
    # other public embeds add <input type="hidden" value="1" name="embed">.
    ("buttondown", {"username": "hearthandcrumb"},
     "https://buttondown.com/api/emails/embed-subscribe/hearthandcrumb", "email", None, {"embed": "1"}),
    # https://mailchimp.com/help/add-a-signup-form-to-your-website/; real embed: Automattic/sensei
    # includes/email-signup/template.php (…list-manage.com/subscribe/post?u=…&id=…, name="EMAIL",
    # honeypot name="b_<u>_<id>", consent name="gdpr[23563]" value="Y").
    ("mailchimp", {"dc": "us21", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"},
     "https://us21.list-manage.com/subscribe/post?u=8a1b2c3d4e5f60718293a4b5c&id=1a2b3c4d5e", "EMAIL",
     "b_8a1b2c3d4e5f60718293a4b5c_1a2b3c4d5e", {}),
    # https://help.kit.com/en/articles/4009572-form-embedding-basics; real embed: pricecurrent/fattify
    # resources/views/components/waiting-list-form.blade.php (action …/forms/<id>/subscriptions).
    ("kit", {"form_id": 7321456}, "https://app.kit.com/forms/7321456/subscriptions", "email_address", None, {}),
    # https://www.mailerlite.com/help/how-to-use-an-html-form; real embeds: antiantivirus/icrn
    # site/snippets/views/newsletter.php and jwrobbs/WPMB-Custom-Theme template-parts/mailerlite-form.php
    # (action https://assets.mailerlite.com/jsonp/<account>/forms/<form>/subscribe, target="_blank",
    # name="fields[email]", hidden ml-submit=1 and anticsrf=true).
    ("mailerlite", {"account": "123456", "form": "98765432101234567"},
     "https://assets.mailerlite.com/jsonp/123456/forms/98765432101234567/subscribe", "fields[email]", None,
     {"ml-submit": "1", "anticsrf": "true"}),
    # https://help.brevo.com/hc/en-us/articles/4402386448530; real embed: techexpert0119/tiandi
    # templates/newsletter.inc.php (action https://<sub>.sibforms.com/serve/<token>, name="EMAIL").
    ("brevo", {"sub": "a1b2c3d4", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"},
     "https://a1b2c3d4.sibforms.com/serve/MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI", "EMAIL", "email_address_check",
     {"locale": "en", "html_type": "simple"}),
    # EmailOctopus's list embed (the one with a redirect field): public embeds post to
    # https://emailoctopus.com/lists/<list id>/members/embedded/1.3/add with name="field_0", a
    # honeypot named "hp" + the LIST id (hp347308e1-960d-… for list 347308e1-960d-…), a checkbox
    # name="consent" and <input type="hidden" name="successRedirectUrl">. The current
    # eocampaign1.com/form/<form id> endpoint answers with JSON and its honeypot is not named
    # after the form id (public forms share hpc4b27b6e-eb38-11e9-be00-06b4694bee2a).
    ("emailoctopus", {"list_id": "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002"},
     "https://emailoctopus.com/lists/0b7c2e6a-4f1d-11ef-9e8a-0242ac120002/members/embedded/1.3/add", "field_0",
     "hp0b7c2e6a-4f1d-11ef-9e8a-0242ac120002",
     {"successRedirectUrl": "https://bakery.example/newsletter/thanks/"}),
    # https://help.formspree.io/hc/en-us/articles/360013470814 (_next redirect, _gotcha honeypot)
    ("formspree", {"form_id": "xyzzabcd"}, "https://formspree.io/f/xyzzabcd", "email", "_gotcha",
     {"_next": "https://bakery.example/newsletter/thanks/"}),
    # https://docs.netlify.com/forms/setup/ (data-netlify, netlify-honeypot, hidden form-name,
    # action = the success page of the site)
    ("netlify", {"name": "newsletter"}, "/newsletter/thanks/", "email", "bot-field", {"form-name": "newsletter"}),
    ("custom", {"action": "https://forms.example.com/subscribe", "email": "subscriber_email",
                "honeypot": "leave_empty", "hidden": {"list": "weekly"}},
     "https://forms.example.com/subscribe", "subscriber_email", "leave_empty", {"list": "weekly"}),
]


@pytest.mark.parametrize("provider, form_ids, action, email, honeypot, hidden", CONTRACTS,
                         ids=[c[0] for c in CONTRACTS])
def test_provider_contract(site, provider, form_ids, action, email, honeypot, hidden):
    built = build(site, provider, form_ids)
    assert built.ok, built.messages
    form = the_form(built)
    assert form.get("action") == action
    assert form.get("method") == "post"
    inputs = fields(form)
    mail = inputs[email]
    assert mail.get("type") == "email" and mail.get("required") is not None
    assert mail.get("autocomplete") == "email"
    label = form.xpath(f'.//label[@for="{mail.get("id")}"]')
    assert label and label[0].text_content().strip()
    for name, value in hidden.items():
        assert inputs[name].get("type") == "hidden" and inputs[name].get("value") == value
    honeypots = [el for el in form.xpath('.//div[@class="sf-hp"]//input')]
    if honeypot is None:
        assert honeypots == []
    else:
        assert [el.get("name") for el in honeypots] == [honeypot]
        trap = honeypots[0]
        assert trap.get("type") == "text" and trap.get("value") == "" and trap.get("tabindex") == "-1"
        assert trap.get("autocomplete") == "off"
    # no inline script, style or event handler anywhere in the form
    html = built.text("index.html")
    section = html[html.index('<section class="sf-newsletter'):html.index("</section>")]
    assert "<script" not in section and " style=" not in section and " on" not in section.replace(" one", "")


def test_netlify_form_attributes(site):
    form = the_form(build(site, "netlify", {"name": "newsletter"}))
    assert form.get("data-netlify") == "true" and form.get("netlify-honeypot") == "bot-field"
    assert form.get("name") == "newsletter"


def test_tags_interests_and_first_name_per_provider(site):
    built = build(site, "kit", {"form_id": "7321456"}, tags=["5432109"], first_name=True,
                  interests=[{"label": "Cakes", "value": "1112223"}])
    inputs = fields(the_form(built))
    assert inputs["tags[]"].get("type") in ("hidden", "checkbox")
    form = the_form(built)
    assert [el.get("value") for el in form.xpath('.//input[@name="tags[]"]')] == ["5432109", "1112223"]
    assert inputs["fields[first_name]"].get("autocomplete") == "given-name"

    built = build(site, "mailchimp", {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e",
                                      "gdpr": "4321"},
                  tags=["2004213", "2004214"], interests=[{"label": "Cakes", "value": "12345/4"}])
    form = the_form(built)
    inputs = fields(form)
    assert inputs["tags"].get("value") == "2004213,2004214"
    assert inputs["group[12345][4]"].get("type") == "checkbox" and inputs["group[12345][4]"].get("value") == "4"
    assert inputs["gdpr[4321]"].get("value") == "Y" and inputs["gdpr[4321]"].get("required") is not None

    built = build(site, "buttondown", {"username": "bakery"}, tags=["site", "autumn"])
    assert [el.get("value") for el in the_form(built).xpath('.//input[@name="tag"]')] == ["site", "autumn"]


def test_consent_is_required_and_links_to_privacy(site):
    built = build(site, "brevo", {"sub": "a1b2c3d4", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"},
                  consent={"privacy_url": "privacy.md", "text": "I agree; see the {privacy}."})
    form = the_form(built)
    box = fields(form)["OPT_IN"]
    assert box.get("type") == "checkbox" and box.get("required") is not None and box.get("value") == "1"
    label = form.xpath(f'.//label[@for="{box.get("id")}"]')[0]
    assert label.text_content() == "I agree; see the privacy policy."
    assert label.xpath(".//a/@href") == ["privacy/"]


def test_hostile_texts_are_escaped_once(site):
    built = build(site, "formspree", {"form_id": "xyzzabcd"}, heading=HOSTILE, button=HOSTILE,
                  interests=[{"label": HOSTILE, "value": HOSTILE}], consent={"text": HOSTILE})
    form = the_form(built)
    html = built.text("index.html")
    assert "<script>alert(1)" not in html
    assert form.xpath("..//h2")[0].text_content() == HOSTILE
    assert form.xpath(".//button")[0].text_content() == HOSTILE
    assert form.xpath('.//input[@name="tags"][@type="checkbox"]')[0].get("value") == HOSTILE


BAD = [
    ("buttondown", {}, 'plugins.storefront/newsletter.form.username: Buttondown needs `username`'),
    ("buttondown", {"username": "my list"}, '"my list" is not a valid Buttondown username'),
    ("buttondown", {"username": "3f2b9c1e-6a4d-4e8f-9b2a-1c3d5e7f9a0b"}, "looks like a Buttondown API key"),
    ("mailchimp", {"dc": "us21", "u": "8a1b2c3d4e5f60718293a4b5c"}, "Mailchimp needs `id`"),
    ("mailchimp", {"dc": "21us", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"},
     '"21us" is not a valid Mailchimp dc; copy the data centre'),
    ("mailchimp", {"dc": "us21", "u": "0123456789abcdef0123456789abcdef-us21", "id": "1a2b3c4d5e"},
     "form.u: this looks like a Mailchimp API key"),
    ("kit", {"form_id": "my-form"}, '"my-form" is not a valid Kit (ConvertKit) form_id'),
    ("kit", {"form_id": "7321456", "api_key": "abc"}, "Kit (ConvertKit) forms take no `api_key` option"),
    ("mailerlite", {"account": "123456"}, "MailerLite needs `form`"),
    ("mailerlite", {"account": "123456", "form": "98765432101234567",
                    "x": "eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiI0IiwianRpIjoi.abc"}, "looks like a JSON web token"),
    ("brevo", {"sub": "a1b2c3d4", "token": "xkeysib-0123456789abcdef0123456789abcdef"}, "looks like a Brevo API key"),
    ("brevo", {"sub": "a1.b2", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"}, '"a1.b2" is not a valid Brevo sub'),
    ("emailoctopus", {"list_id": "12345"}, '"12345" is not a valid EmailOctopus list_id'),
    ("emailoctopus", {"form_id": "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002"},
     "form.form_id: the eocampaign1.com/form/<form id> endpoint answers with JSON"),
    ("brevo", {"sub": "a1b2c3d4", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI", "recaptcha": True},
     "form.recaptcha: Brevo forms with reCAPTCHA only work with Brevo's own script"),
    ("custom", {"action": "https://forms.example.com/s", "redirect_origins": ["https://a.example/path"]},
     "is not an https origin"),
    ("formspree", {"form_id": "https://formspree.io/f/xyzzabcd"}, "is not a valid Formspree form_id"),
    ("formspree", {"form_id": "sk_live_0123456789abcdefABCDEF"}, "looks like a secret API key"),
    ("netlify", {"name": "news letter"}, '"news letter" is not a valid Netlify Forms name'),
    ("custom", {"action": "http://forms.example.com/subscribe"}, "is not an https URL"),
    ("custom", {"email": "email"}, "custom form endpoint needs `action`"),
    ("custom", {"action": "https://forms.example.com/s", "hidden": {"api_key": "x"}}, "form.hidden.api_key"),
    ("custom", {"action": "https://forms.example.com/s", "redirect": "a b"}, '"a b" is not a field name'),
    ("custom", {"action": "https://forms.example.com/s", "hidden": {"list": "0123456789abcdef0123456789abcdef01"}},
     "looks like an access token"),
]


@pytest.mark.parametrize("provider, form_ids, message", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_malformed_provider_config(site, provider, form_ids, message):
    built = build(site, provider, form_ids)
    assert not built.ok
    warnings = [w for w in built.warnings if "newsletter" in w]
    assert any(message in w for w in warnings), warnings
    assert all(w.startswith("storefront: mkdocs.yml: plugins.storefront/newsletter.") for w in warnings), warnings
    # a plain build goes on, without a form (never a broken one)
    plain = build(site, provider, form_ids, strict=False)
    assert plain.ok and "sf-newsletter__form" not in plain.text("index.html")
    assert "Traceback" not in " ".join(plain.messages)


def test_tag_and_interest_values_checked_against_provider(site):
    built = build(site, "kit", {"form_id": "7321456"}, tags=["cakes"])
    assert any('tags[0]: "cakes" is not a Kit (ConvertKit) tag id' in w for w in built.warnings), built.warnings
    built = build(site, "mailchimp", {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"},
                  interests=[{"label": "Cakes", "value": "cakes"}])
    assert any("is not a Mailchimp group choice" in w for w in built.warnings), built.warnings
    built = build(site, "brevo", {"sub": "a1b2c3d4", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"},
                  tags=["x"])
    assert any("Brevo forms cannot send tags" in w for w in built.warnings), built.warnings


def test_unknown_provider_is_a_config_error(site):
    built = build(site, "substack", {"name": "x"})
    assert not built.ok
    assert any("provider" in m and "substack" in m for m in built.messages), built.messages


# The consent checkbox's name and value where the provider has a field for it, as in real
# embed code; None where the provider's form has no such field (README says so).
CONSENT = [
    # Buttondown stores any metadata__<key> field on the subscriber
    # (https://docs.buttondown.com/building-your-subscriber-base)
    ("buttondown", {"username": "bakery"}, "metadata__consent", "yes"),
    # Automattic/sensei includes/email-signup/template.php: name="gdpr[23563]" value="Y"
    ("mailchimp", {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e", "gdpr": "23563"},
     "gdpr[23563]", "Y"),
    # Kit's embed has no consent field (https://help.kit.com/en/articles/4009572-form-embedding-basics)
    ("kit", {"form_id": "7321456"}, None, None),
    # MailerLite embeds with marketing permissions: <input type="checkbox" name="gdpr[]" value="Email">
    ("mailerlite", {"account": "123456", "form": "98765432101234567"}, "gdpr[]", "Email"),
    # Brevo embeds: <input type="checkbox" name="OPT_IN" value="1">
    ("brevo", {"sub": "a1b2c3d4", "token": "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"}, "OPT_IN", "1"),
    # EmailOctopus list embeds: <input type="checkbox" id="consent" name="consent"> (no value: "on")
    ("emailoctopus", {"list_id": "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002"}, "consent", "on"),
]


@pytest.mark.parametrize("provider, form_ids, name, value", CONSENT, ids=[c[0] for c in CONSENT])
def test_consent_is_sent_where_the_provider_has_a_field(site, provider, form_ids, name, value):
    built = build(site, provider, form_ids)
    assert built.ok, built.messages
    box = the_form(built).xpath('.//div[@class="sf-newsletter__consent"]/input')[0]
    assert box.get("type") == "checkbox" and box.get("required") is not None
    assert box.get("name") == name and box.get("value") == value


def test_mailerlite_posts_to_a_new_tab_and_says_so(site):
    """MailerLite's own embed has target="_blank": its endpoint answers with JSON, so the visitor
    keeps the page and is told where the answer appears."""
    form = the_form(build(site, "mailerlite", {"account": "123456", "form": "98765432101234567"}))
    assert form.get("target") == "_blank"
    assert form.xpath('.//p[@class="sf-newsletter__note"]')[0].text_content() == \
        "The provider's answer opens in a new tab."
    other = the_form(build(site, "kit", {"form_id": "7321456"}))
    assert other.get("target") is None and not other.xpath('.//p[@class="sf-newsletter__note"]')


def thanks_page(built):
    return built.html("newsletter/thanks/index.html").xpath('//div[@class="sf-newsletter-thanks"]')[0] \
        .text_content()


# The documented default opt-in of each provider (the README table cites the same pages).
OPT_IN = [
    ("buttondown", {"username": "bakery"}, True),  # https://docs.buttondown.com/double-opt-in
    ("mailchimp", {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"},
     False),  # https://mailchimp.com/help/set-signup-preferences/ "single opt-in by default"
    ("kit", {"form_id": "7321456"}, True),  # https://help.kit.com/en/articles/2971364 "the default setting"
    ("mailerlite", {"account": "123456", "form": "98765432101234567"},
     True),  # https://www.mailerlite.com/help/how-to-use-double-opt-in-when-collecting-subscribers
    ("emailoctopus", {"list_id": "0b7c2e6a-4f1d-11ef-9e8a-0242ac120002"},
     False),  # https://help.emailoctopus.com/article/36-how-to-edit-double-opt-in "single opt-in by default"
]


@pytest.mark.parametrize("provider, form_ids, double", OPT_IN, ids=[o[0] for o in OPT_IN])
def test_thank_you_page_follows_the_providers_opt_in_default(site, provider, form_ids, double):
    text = thanks_page(build(site, provider, form_ids))
    if double:
        assert "confirmation link" in text and "You are subscribed" not in text
    else:
        assert "You are subscribed" in text and "confirm" not in text.lower()


def test_double_opt_in_option_changes_the_words(site):
    ids = {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"}
    text = thanks_page(build(site, "mailchimp", ids, double_opt_in=True))
    assert "check your inbox" in text and "confirmation link" in text
    text = thanks_page(build(site, "kit", {"form_id": "7321456"}, double_opt_in=False))
    assert "You are subscribed" in text and "inbox" not in text
    # the site's own words win
    text = thanks_page(build(site, "kit", {"form_id": "7321456"}, thank_you_text="Merci."))
    assert text.strip().endswith("Merci.")


@pytest.mark.parametrize("provider, form_ids", [("formspree", {"form_id": "xyzzabcd"}),
                                                ("netlify", {"name": "newsletter"})])
def test_form_backends_say_they_collect_entries(site, provider, form_ids):
    text = thanks_page(build(site, provider, form_ids))
    assert "form entry" in text and "not on a mailing list" in text and "no confirmation email" in text
    built = build(site, provider, form_ids, double_opt_in=True)
    assert not built.ok
    assert any("double_opt_in: " in w and "collects form entries, not list subscribers" in w
               for w in built.warnings), built.warnings


def test_form_lists_the_origins_its_submission_goes_through(site):
    """CSP form-action is checked on every redirect after the POST (Chrome, Safari): the form
    names the endpoint's origin, the provider's confirmation hosts and the thank-you page's."""
    form = the_form(build(site, "mailchimp", {"dc": "us6", "u": "8a1b2c3d4e5f60718293a4b5c", "id": "1a2b3c4d5e"}))
    assert form.get("data-sf-form-origins").split() == [
        "https://us6.list-manage.com", "https://bakery.example", "https://*.list-manage.com"]
    form = the_form(build(site, "formspree", {"form_id": "xyzzabcd"}, thank_you="https://thanks.example.org/ok"))
    assert fields(form)["_next"].get("value") == "https://thanks.example.org/ok"
    assert form.get("data-sf-form-origins").split() == ["https://formspree.io", "https://thanks.example.org"]
    form = the_form(build(site, "custom", {"action": "https://forms.example.com/s",
                                           "redirect_origins": ["https://confirm.example.com"]}))
    assert form.get("data-sf-form-origins").split() == [
        "https://forms.example.com", "https://bakery.example", "https://confirm.example.com"]
    assert the_form(build(site, "netlify", {"name": "newsletter"})).get("data-sf-form-origins") is None


def test_thank_you_url_must_be_https_and_not_for_netlify(site):
    built = build(site, "formspree", {"form_id": "xyzzabcd"}, thank_you="http://thanks.example.org/")
    assert any("thank_you: " in w and "is not an https URL" in w for w in built.warnings), built.warnings
    built = build(site, "netlify", {"name": "newsletter"}, thank_you="https://thanks.example.org/")
    assert any("Netlify Forms shows a page of the site" in w for w in built.warnings), built.warnings


def test_default_heading_and_consent_are_worded_from_the_site_name(site):
    built = site(
        {"index.md": "# Home\n\n/// newsletter\n///\n", "privacy.md": "# Privacy\n"},
        config={"site_name": "Harbour {privacy} Plumbing", "theme": {"name": "mkdocs"},
                "site_url": "https://harbour.example/",
                "plugins": [{"storefront/newsletter": {
                    "provider": "buttondown", "form": {"username": "harbour"},
                    "after_posts": False, "consent": {"privacy_url": "privacy.md"}}}]},
        strict=True)
    assert built.ok, built.warnings
    section = built.html("index.html").xpath('//*[contains(@class, "sf-newsletter")]')[0]
    heading = section.xpath('.//*[contains(@class, "sf-newsletter__heading")]')[0]
    assert heading.text_content().strip() == "Updates from Harbour {privacy} Plumbing by email"
    consent = section.xpath('.//*[contains(@class, "sf-newsletter__consent")]')[0]
    words = " ".join(consent.text_content().split())
    assert words == "Yes, email me updates from Harbour { privacy } Plumbing. I have read the privacy policy."
    assert [a.get("href") for a in consent.xpath(".//a")] == ["privacy/"]
    text = built.text("index.html").lower()
    for word in ("oven", "bakery", "bake"):
        assert word not in text


def test_netlify_says_form_detection_must_be_turned_on(site):
    """https://docs.netlify.com/forms/setup/: "enable automatic form detection" in the Netlify UI
    (Forms > Enable form detection); until then Netlify ignores the form. An info message, so a
    strict build still passes."""
    built = build(site, "netlify", {"name": "newsletter"})
    assert built.ok, built.warnings
    assert any("Netlify accepts this form only once form detection is turned on" in m
               and "Enable form detection" in m for m in built.infos), built.infos
    assert not any("form detection" in m for m in build(site, "kit", {"form_id": "7321456"}).infos)
