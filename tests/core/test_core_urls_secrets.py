"""core/urls.py and core/secrets.py: the suite's one URL check and one secret check."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storefront.core.secrets import SECRET_FIX, check_secret, find_secrets, secret_kind
from storefront.core.urls import check_url, clean_text, locale_problem, relative_path, text_problem, url_problem

REFUSED = [
    ("javascript:alert(1)", "javascript: scheme"),
    ("JaVaScRiPt:alert(1)", "javascript: scheme"),
    ("data:text/html,<script>alert(1)</script>", "data: scheme"),
    ("vbscript:msgbox(1)", "vbscript: scheme"),
    ("file:///etc/passwd", "file: scheme"),
    ("//evil.example/x", "has no scheme"),
    ("\\\\evil.example/x", "backslash"),
    ("/\\evil.example/x", "backslash"),
    ("https://exa mple.com/", "spaces"),
    ("https://example.com/\tx", "spaces"),
    ("https://example.com/x\x00", "control character (U+0000)"),
    ("https://example.com/\u202egnp.exe", "text-direction"),
    ("https://user:pw@example.com/", "user name or password"),
    ("https://admin@example.com/", "user name or password"),
    ("https://", "no valid host"),
    ("https:evil.example", "no valid host"),
    ("htps//example.com", "without https://"),
    ("www.example.com/x", "without https://"),
    ("tel:+18025550142", "tel: link, which cannot be used here"),
    ("mailto:hello@example.com", "mailto: link, which cannot be used here"),
    (42, "is not text"),
    ("", "is empty"),
]


@pytest.mark.parametrize("value, words", REFUSED)
def test_refused_urls(value, words):
    problem = url_problem(value)
    assert problem and words in problem, problem


@pytest.mark.parametrize("value", [
    "https://example.com/", "http://example.com/a?b=1#c", "https://[::1]:8000/", "/about/", "about.md",
    "images/card.png", "../up/page.md#part", "#top", "?q=1", "https://xn--bcher-kva.example/",
])
def test_accepted_urls(value):
    assert url_problem(value) is None


def test_links_allow_mail_and_phone_only_where_asked():
    assert url_problem("tel:+1 (802) 555-0142".replace(" ", ""), links=True) is None
    assert url_problem("mailto:hello@example.com?subject=Cake", links=True) is None
    assert "telephone number" in url_problem("tel:call-us", links=True)
    assert "no address" in url_problem("mailto:", links=True)
    assert "javascript" in url_problem("javascript:x", links=True)


def test_paths_with_spaces_only_for_local_files():
    assert url_problem("images/shop front.jpg", path_spaces=True) is None
    assert url_problem("images/shop front.jpg") is not None
    assert url_problem("https://example.com/shop front.jpg", path_spaces=True) is not None
    assert url_problem("javascript:alert(1) x", path_spaces=True) is not None


def test_absolute_only():
    assert "not an absolute URL" in url_problem("/about/", relative=False)
    assert url_problem("https://example.com/", relative=False) is None


def test_check_url_is_one_message_with_file_line_key_and_fix():
    problem = check_url("javascript:alert(1)", file="content/a.md", key="event.image", line=4, image=True)
    assert str(problem).startswith('content/a.md:4: event.image: "javascript:alert(1)" uses the javascript:')
    assert "images/card.png" in problem.fix
    link = check_url("//x.example", file="seo/ctas.yml", key="a.url", links=True)
    assert "mailto:" in link.fix and "https://" in link.fix
    assert check_url("/about/", file="f", key="k") is None


def test_text_and_locale():
    assert text_problem("Fresh bread\nevery day\t!") is None
    assert "U+0000" in text_problem("Bake\x00d")
    assert "text-direction" in text_problem("abc\u202edef")
    assert clean_text("Bake\x00d \u202edaily\x07") == "Baked daily"
    assert clean_text("plain") == "plain"
    for good in ("en", "en_GB", "pt-BR", "zh_Hant_TW", "es-419"):
        assert locale_problem(good) is None, good
    for bad in ("english", "<script>", "en_GB; x", "", None, 5):
        assert locale_problem(bad), bad


STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
SECRETS = [
    (f"https://user:{STRIPE}@forms.example/s", "password in a URL"),
    ("https://admin@shop.example/", "user name in a URL"),
    (STRIPE, "secret API key (Stripe)"),
    ("rk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "secret API key (Stripe)"),
    ("xkeysib-" + "0123456789abcdef" * 4 + "-AbCdEfGh12345678", "Brevo API key"),
    ("0123456789abcdef0123456789abcdef-us12", "Mailchimp API key"),
    ("eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiI0IiwianRpIjoi.abc", "JSON web token"),
    ("ghp_" + "A1b2C3d4" * 5, "GitHub token"),
    ("AKIA" + "IOSFODNN7EXAMPLE", "AWS access key"),
    ("xoxb-" + "123456789012-abcdefghij", "Slack token"),
    ("AIza" + "SyD-1234567890abcdefghijklmnopqrstu", "Google API key"),
    ("kit_" + "a1b2c3d4e5f6a7b8c9d0e1f2", "Kit"),
    ("a1b2c3d4-e5f6-4789-abcd-ef0123456789", "Buttondown API key"),
    ("0123456789abcdef0123456789abcdef01", "long hexadecimal"),
    ("Use the code Zx8Qp2Lm9Vb4Nc7Rt1Yw5Ks3Hd6Gf0Ja at checkout", "long random string"),
]


@pytest.mark.parametrize("value, kind", SECRETS)
def test_secrets_found_in_text(value, kind):
    assert kind in (secret_kind(value) or ""), secret_kind(value)
    if kind not in ("Buttondown API key", "long hexadecimal"):  # these only as a whole value
        assert kind in (secret_kind(f"Our heading: {value} (pasted)") or "")


@pytest.mark.parametrize("value", [
    "Fresh bread every morning — order by 10am!", "spring-sale-2026-limited-offer-for-the-best-customers",
    "#8a4b2d", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "mailto:hello@example.com",
    "https://docs.google.com/forms/d/e/1FAIpQLSdAbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/viewform",
    "sk-learn tutorials for beginners", "EESSI_<VERSION>_OVERRIDE", "/blog/2026/01/01/my-first-post/",
    "The ThisIsAVeryLongCamelCaseIdentifierName123 class", "pk_live_51H8abcdefghijklmnop",
    "Read our privacy policy at https://shop.example/privacy/", "Gâteau Saint-Honoré, 8 € — réservez !",
    "🍞🥐 Croissants", "/assets/main.6f1a2b3c.min.css", "interest-bread-lovers", "12345/1",
    "slides [here](EuroHPC-User-Day-2024-20241022-MultiXscale-EESSI.pdf)",  # EESSI docs
])
def test_ordinary_values_are_not_secrets(value):
    assert secret_kind(value) is None


def test_form_ids_skip_the_entropy_rule_and_expected_shapes():
    brevo_form_token = "MUIFAGx2c0ZlYmFrZXJ5LW5ld3NsZXR0ZXI"
    assert secret_kind(brevo_form_token, entropy=False) is None
    assert secret_kind("0b7c2e6a-4f1d-11ef-9e8a-0242ac120002", uuid_expected=True) is None
    assert secret_kind("0123456789abcdef0123456789abcdef01", hex_expected=True) is None


def test_messages_say_where_secrets_belong():
    problem = check_secret(f"x {STRIPE}", file="mkdocs.yml", key="plugins.storefront/cta.ctas.a.text")
    assert "environment variables" in str(problem) and "dashboard" in str(problem)
    assert problem.fix == SECRET_FIX
    found = find_secrets({"a": ["fine", {"b": STRIPE}], "c": 3}, file="f.yml", key="root")
    assert [p.key for p in found] == ["root.a[1].b"]


_PART = st.sampled_from(["a", "b", "posts", "post-1", "assets", "img.png", "x y", "é"])


@given(st.lists(_PART, max_size=5), st.lists(_PART, max_size=5), st.booleans())
def test_relative_path_is_relpath_for_normalised_paths(target, start, absolute):
    root = "/" if absolute else ""
    path, base = root + "/".join(target), root + "/".join(start)
    if not absolute:
        path, base = path or ".", base or "."
    elif not base:
        base = "/"
    if absolute and not path:
        path = "/"
    assert relative_path(path, base) == posixpath.relpath(path, base)
