"""Unknown timezone, provider, country and theme-language values get a did-you-mean; the
timezone is said once (a profile timezone that differs from the calendar's is a warning)."""

from __future__ import annotations

import pytest

from conftest import build_site
from storefront.core import clock
from storefront.core.suggest import closest, did_you_mean
from storefront.schema.profile import load_profile


@pytest.mark.parametrize(("written", "meant"), [
    ("Europe/Londn", "Europe/London"), ("London", "Europe/London"),
    ("America/NewYork", "America/New_York"), ("europe/paris", "Europe/Paris"),
])
def test_a_misspelt_timezone_names_the_nearest(written, meant):
    with pytest.raises(clock.ClockError) as caught:
        clock.zone(written)
    assert f"did you mean {meant}?" in str(caught.value)


def test_no_suggestion_when_nothing_is_near():
    with pytest.raises(clock.ClockError) as caught:
        clock.zone("Mars/Olympus_Mons")
    assert "did you mean" not in str(caught.value)
    assert closest("zzzz", ["alpha", "beta"]) is None and did_you_mean("beta", ["beta"]) == ""


def _country_problems(country: str) -> list[str]:
    text = f"type: Plumber\nname: Harbour\naddress: {{street: 1 Quay St, locality: Bristol, country: {country}}}\n"
    _, problems = load_profile(text, "seo/business.yml")
    return [str(p) for p in problems if "country" in p.key]


@pytest.mark.parametrize(("written", "meant"), [("UK", "GB"), ("uk", "GB"), ("England", "GB"),
                                                 ("USA", "US"), ("Germny", "DE"), ("EL", "GR")])
def test_a_country_that_is_not_a_code_gets_one_message_with_the_code(written, meant):
    [problem] = _country_problems(written)
    assert problem.startswith("seo/business.yml:3: address.country:") and f"did you mean {meant}?" in problem


def test_a_real_code_in_any_case_is_accepted():
    assert _country_problems("gb") == [] and _country_problems("FR") == []


def test_an_unknown_provider_names_the_nearest(tmp_path):
    built = build_site(tmp_path, {"index.md": "# Hi\n"}, config={
        "plugins": [{"storefront/newsletter": {"provider": "mailchimps"}}]}, strict=True)
    assert not built.ok
    assert any("'mailchimps' (did you mean mailchimp?)" in m for m in built.messages)


PROFILE = """\
type: Plumber
name: Harbour Plumbing
telephone: +44 117 496 0000
address: {street: 1 Quay Street, locality: Bristol, postal_code: BS1 4DJ, country: GB}
timezone: ZONE
images: [https://harbour.example/van.jpg]
hours: {monday: 08:00-17:00}
"""


@pytest.mark.parametrize("zone", ["Europe/London", "Europe/Paris"])
def test_the_timezone_is_said_once(tmp_path, zone):
    built = build_site(tmp_path, {"index.md": "# Hi\n", "/seo/business.yml": PROFILE.replace("ZONE", zone)},
                       config={"site_url": "https://harbour.example/", "plugins": [
                           {"storefront/calendar": {"timezone": "Europe/London", "cadence_days": 0}},
                           "storefront/schema"]}, strict=True)
    mismatch = [w for w in built.warnings if "timezone" in w]
    if zone == "Europe/London":
        assert built.ok, built.warnings
        assert mismatch == []
    else:
        assert mismatch == ["storefront: seo/business.yml:5: timezone: is Europe/Paris, but storefront/calendar's "
                            "timezone is Europe/London; say the timezone once: remove timezone: from the "
                            "profile (it then follows the calendar's), or make the two the same"]


def test_a_theme_language_material_does_not_have_is_named_before_its_build_stops(tmp_path):
    built = build_site(tmp_path, {"index.md": "# Hi\n"}, config={
        "theme": {"name": "material", "language": "en-GB"}, "plugins": ["storefront/seo"]}, strict=True)
    assert not built.ok  # strict fails on the warning, not on Material's TemplateNotFound
    [message] = [m for m in built.messages if "theme.language" in m]
    assert message == ('storefront: mkdocs.yml: theme.language: "en-GB" is not a language Material for MkDocs '
                       "has, and its build would stop on it (this build uses en); did you mean en? Set the "
                       "theme's language to one of Material's, and storefront/seo's locale: en_GB for og:locale")
    plain = build_site(tmp_path / "plain", {"index.md": "# Hi\n"}, config={
        "theme": {"name": "material", "language": "en-GB"}, "plugins": ["storefront/seo"]})
    assert plain.ok and 'lang="en"' in plain.text("index.html")


def test_two_social_card_makers_and_two_minifiers_are_named_once_each(tmp_path):
    built = build_site(tmp_path, {"index.md": "# Hi\n"}, config={
        "site_url": "https://harbour.example/", "theme": {"name": "material"},
        "plugins": [{"social": {"cards": False}}, "storefront/seo", {"minify": {"minify_html": True}},
                    "storefront/optimize"]}, strict=False)
    clashes = [w for w in built.warnings if "plugins.social" in w or "plugins.minify" in w]
    assert clashes == ["storefront: mkdocs.yml: plugins.minify: mkdocs-minify-plugin (minify_html: true) and "
                       "storefront/optimize both minify every page's HTML; keep one: minify_html: false, or "
                       "storefront/optimize minify: false"]  # social with cards off makes no card
