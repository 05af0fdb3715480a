"""The generated thank-you page a signup form redirects to: its Markdown, its words from the
provider's flow (a confirmation email or not) unless the options give their own."""

from __future__ import annotations

from .form import Contract

_NO_CONTRACT = Contract(provider="custom", action="", method="post", email="email", first_name=None,
                        honeypot=None, consent=None, consent_value="yes", redirect=None, tags=None,
                        tags_join=None, tag_pattern=None, tag_example="", interests=None)


def thank_you_words(contract: Contract, double_opt_in: bool) -> tuple[str, str]:
    """The generated thank-you page's title and text, true to what the provider does."""
    if contract.collects == "entries":
        return ("Thank you for signing up",
                "Your email address has been received as a form entry. It is not on a mailing list "
                "yet and no confirmation email is sent: it is added to the newsletter list by hand.")
    if double_opt_in:
        return ("Please confirm your subscription",
                "Please check your inbox: an email with a confirmation link is on its way. "
                "Your subscription starts when you click that link.")
    return ("Thank you for subscribing",
            "You are subscribed. The next newsletter goes to the address you gave.")


def thank_you_page(contract: Contract | None, double_opt_in: bool, *, title: str | None, text: str | None) -> str:
    """The page's Markdown: not indexed, without forms, calls to action or analytics."""
    default_title, default_words = thank_you_words(contract, double_opt_in) if contract \
        else thank_you_words(_NO_CONTRACT, False)
    title = title or default_title
    words = text or default_words
    return (
        "---\n"
        f"title: {_yaml_string(title)}\n"
        "robots: noindex, follow\nnoindex: true\nnewsletter: false\ncta: false\nanalytics: false\n"
        "search:\n  exclude: true\n---\n\n"
        f'<div class="sf-newsletter-thanks" markdown>\n\n'
        f"# {_markdown_text(title)}\n\n"
        f"{_markdown_text(words)}\n\n</div>\n")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _markdown_text(text: str) -> str:
    """Plain text safe in generated Markdown: HTML escaped, Markdown punctuation backslashed."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]#!|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
