"""The Markdown pages of a new site: short, marked placeholders that already pass storefront/lint."""

from __future__ import annotations

from typing import NamedTuple

from .facts import LONGEST_PAGE_TITLE, PLACEHOLDER, Facts, md_text, offer_page, site_today, yaml_str

FILLERS = (" We look forward to hearing from you.", " Ask us if you need anything else.",
           " Get in touch today.", " Thank you for visiting.")


def description(facts: Facts, *variants: str) -> str:
    """A meta description of 120-160 characters (what the lint asks for): the longest variant
    that fits with the business name, lengthened by a short sentence if it is too short."""
    texts = [variant.format(name=facts.name) for variant in variants]
    text = next((text for text in texts if len(text) <= 160), texts[-1])
    for filler in FILLERS:
        if len(text) < 120 and len(text) + len(filler) <= 160:
            text += filler
    return text


def _front(title: str, description: str, extra: str = "") -> str:
    return f"---\ntitle: {yaml_str(title)}\ndescription: {yaml_str(description)}\n{extra}---\n\n"


def pages(facts: Facts) -> dict[str, str]:
    """The Markdown pages under content/, by path. Each is a short, marked placeholder that
    already passes storefront/lint: a description of the right length, a link to another
    page, short sentences, and a call to action where the lint expects one."""
    offer, offer_title = offer_page(facts)
    what = "products" if offer == "products.md" else "services"
    w = _Words(md_text(facts.name), offer, offer_title, what, what[:-1])
    return {"index.md": _home(facts, w), offer: _offer(facts, w), "about.md": _about(facts, w),
            "contact.md": _contact(facts, w), "privacy.md": _privacy(facts), "blog/index.md": _blog(facts, w),
            "blog/posts/welcome.md": _welcome(facts, w)}


class _Words(NamedTuple):
    name: str  # the business name as Markdown text
    offer: str  # the offer page: products.md or services.md
    offer_title: str
    what: str  # "products" or "services"
    one: str  # "product" or "service"


def _home(facts: Facts, w: _Words) -> str:
    return _front(facts.name, description(
        facts,
        "{name}: what we offer, who we work for, where to find us and how to get in touch. "
        "Opening hours, contact details and news on one site.",
        "{name}: what we offer, where to find us and how to get in touch, with our opening hours.",
        "{name}: what we offer and how to reach us."), "hide:\n  - navigation\n  - toc\n") + (
        f"# Welcome to {w.name}\n\n"
        f"<!-- {PLACEHOLDER}: say in two sentences what you do and for whom. -->\n"
        f"Say here what {w.name} does and for whom. Add where you work and when.\n\n"
        f"[Our {w.what}]({w.offer}){{ .md-button .md-button--primary }}\n"
        "[Contact us](contact.md){ .md-button }\n")


def _offer(facts: Facts, w: _Words) -> str:
    return _front(w.offer_title, description(
        facts,
        f"The {w.what} of {{name}}: what each one includes, what it costs and how to book or order it. "
        "Ask us if you need something else.",
        f"The {w.what} of {{name}}: what each one includes, what it costs and how to book or order it.",
        f"{{name}}: our {w.what}.")) + (
        f"# {w.offer_title}\n\n"
        f"<!-- {PLACEHOLDER}: one section per {w.one}: what it is, what it costs, how to get it. -->\n"
        f"List your {w.what} here, one section each.\n\n"
        f"## A first {w.one}\n\nSay what it is and what it costs. Then say how to get it.\n\n"
        "[Ask us about it](contact.md){ .md-button .md-button--primary }\n")


def _about(facts: Facts, w: _Words) -> str:
    return _front("About us", description(
        facts,
        "Who is behind {name}, how we started, how we work and what we care about, "
        "and how to get in touch with us.",
        "Who is behind {name}, how we work and what we care about.")) + (
        "# About us\n\n"
        f"<!-- {PLACEHOLDER}: who you are, how you started, what you care about. -->\n"
        f"Tell your visitors who is behind {w.name}. Say how you work.\n\n"
        f"See our [{w.what}]({w.offer}) or [contact us](contact.md).\n")


def _contact(facts: Facts, w: _Words) -> str:
    return _front("Contact", description(
        facts,
        "How to reach {name}: our address, telephone number and email, our opening hours, "
        "and how to find us.",
        "How to reach {name}: address, telephone, email and opening hours.")) + (
        "# Contact\n\n"
        f"Call us, write to us or visit us. See our [{w.what}]({w.offer}) first.\n\n"
        "/// business | contact\n///\n\n"
        "## Opening hours\n\n"
        f"<!-- {PLACEHOLDER}: the hours come from seo/business.yml (hours:). -->\n"
        "/// business | hours\n///\n")


def _privacy(facts: Facts) -> str:
    return _front("Privacy policy", description(
        facts,
        "What personal data {name} collects through this website, why we collect it, "
        "and how to see it or have it deleted.",
        "What personal data {name} collects through this website and why.")) + (
        "# Privacy policy\n\n"
        f"<!-- {PLACEHOLDER}: check this against what your site really collects. -->\n"
        "This website sets no tracking cookies. It loads no advertising or third-party scripts.\n"
        "If you write to us, we keep your address only to answer you.\n"
        "We delete it when you ask us to.\n\n"
        "Questions? [Contact us](contact.md).\n")


def _blog(facts: Facts, w: _Words) -> str:
    return _front("Blog", description(
        facts,
        "News and notes from {name}: what is new, what we are working on, and tips from our work "
        "for our customers.",
        "News and notes from {name}: what is new and what we are working on.")) + (
        "# Blog\n\n"
        f"News from {w.name}. See also our [{w.what}](../{w.offer}).\n")


def _welcome(facts: Facts, w: _Words) -> str:
    return _front(LONGEST_PAGE_TITLE, description(
        facts,
        "{name} has a new website: what you will find on it, where to read our news, "
        "and how to reach us.",
        "{name} has a new website: what you will find on it and how to reach us."),
        f"date: {site_today(facts).isoformat()}\ncategories: [News]\n") + (
        "# Welcome to our new website\n\n"
        f"<!-- {PLACEHOLDER}: an example post; edit it or delete it. -->\n"
        "This is the first post on our new website.\n\n<!-- more -->\n\n"
        f"Here you will find our [{w.what}](../../{w.offer}) and our opening hours.\n\n"
        "[Contact us](../../contact.md){ .md-button .md-button--primary }\n")
