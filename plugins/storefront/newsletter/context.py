"""The values the newsletter partial prints for one form, from the provider's contract and
the options; the partial escapes each once."""

from __future__ import annotations

from collections.abc import Mapping

from .form import Contract


def form_context(contract: Contract, *, prefix: str, heading: str, text: str, button: str,
                 email_label: str, email_placeholder: str, first_name_label: str | None,
                 interests: list[Mapping[str, str]], interests_legend: str, tags: list[str],
                 consent: Mapping[str, object] | None, privacy_href: str | None,
                 redirect_url: str | None, site_action: str | None, honeypot_label: str,
                 placement: str, origins: list[str] | None = None, new_tab_note: str = "") -> dict:
    """The plain values the partial prints; the partial escapes each once."""
    hidden = _hidden_fields(contract, tags, redirect_url)
    choices = _interest_choices(contract, interests, prefix)
    consent_ctx = _consent_context(contract, consent, privacy_href, prefix) if consent else None
    action = site_action if contract.uses_site_action else contract.action
    return {
        "id": prefix,
        "provider": contract.provider,
        "placement": placement,
        "action": action,
        "method": contract.method,
        "attrs": contract.form_attrs,
        "heading": heading,
        "text": text,
        "button": button,
        "email": {"id": f"{prefix}-email", "name": contract.email, "label": email_label,
                  "placeholder": email_placeholder},
        "first_name": ({"id": f"{prefix}-first-name", "name": contract.first_name, "label": first_name_label}
                       if first_name_label and contract.first_name else None),
        "interests": {"legend": interests_legend, "choices": choices} if choices else None,
        "hidden": hidden,
        "honeypot": ({"id": f"{prefix}-hp", "name": contract.honeypot, "label": honeypot_label}
                     if contract.honeypot else None),
        "consent": consent_ctx,
        "origins": list(origins or []),
        "new_tab_note": new_tab_note if contract.new_tab else "",
    }


def _hidden_fields(contract: Contract, tags: list[str], redirect_url: str | None) -> list[tuple[str, str]]:
    """The provider's fixed fields, the tags (one field, or one field each) and the redirect."""
    hidden = list(contract.hidden)
    if contract.tags and tags:
        if contract.tags_join:
            hidden.append((contract.tags, contract.tags_join.join(tags)))
        else:
            hidden += [(contract.tags, tag) for tag in tags]
    if contract.redirect and redirect_url:
        hidden.append((contract.redirect, redirect_url))
    return hidden


def _interest_choices(contract: Contract, interests: list[Mapping[str, str]], prefix: str) -> list[dict]:
    """A checkbox each: Mailchimp's `group[id][bit]` fields, else the provider's tag field."""
    choices = []
    for index, item in enumerate(interests):
        value = str(item.get("value", ""))
        if contract.interests == "groups":
            group, bit = value.split("/", 1)
            name, post = f"group[{group}][{bit}]", bit
        else:
            name, post = contract.tags or "interests", value
        choices.append({"id": f"{prefix}-interest-{index + 1}", "name": name, "value": post,
                        "label": str(item.get("label", value))})
    return choices


def _consent_context(contract: Contract, consent: Mapping[str, object], privacy_href: str | None,
                     prefix: str) -> dict:
    """The consent checkbox: its words around the `{privacy}` link (plain text without a page)."""
    words = str(consent.get("text") or "")
    before, marker, after = words.partition("{privacy}")
    link_text = str(consent.get("link_text") or "privacy policy")
    return {
        "id": f"{prefix}-consent",
        "name": contract.consent,
        "value": contract.consent_value,
        "required": bool(consent.get("required")),
        "before": before,
        "link": link_text if marker and privacy_href else None,
        "link_plain": link_text if marker and not privacy_href else None,
        "href": privacy_href,
        "after": after,
    }
