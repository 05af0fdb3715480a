"""Open Graph locales (`en_US`) from language tags (`en`, `en-GB`, `pt_BR`)."""

from __future__ import annotations

import re

__all__ = ["og_locale"]

# Where a language's usual territory is not its own code in upper case (fr -> fr_FR is).
_TERRITORY = {
    "en": "US", "ja": "JP", "zh": "CN", "ko": "KR", "sv": "SE", "da": "DK", "nb": "NO",
    "nn": "NO", "no": "NO", "el": "GR", "cs": "CZ", "uk": "UA", "he": "IL", "ar": "AR",
    "hi": "IN", "vi": "VN", "fa": "IR", "et": "EE", "sl": "SI", "ca": "ES", "eu": "ES",
    "gl": "ES", "sr": "RS", "ms": "MY", "ga": "IE", "cy": "GB", "be": "BY", "hy": "AM",
    "ka": "GE", "kk": "KZ", "bn": "IN", "ta": "IN", "te": "IN", "ur": "PK", "sq": "AL",
    "bs": "BA", "tl": "PH", "sw": "KE", "af": "ZA", "zu": "ZA", "km": "KH", "lo": "LA",
    "my": "MM", "ne": "NP", "si": "LK", "mn": "MN", "uz": "UZ", "az": "AZ", "eo": "EO",
}

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?$")


def og_locale(tag: str | None, default: str = "en_US") -> str:
    """`en` -> `en_US`, `en-GB` -> `en_GB`, `fr` -> `fr_FR`, `zh-Hant-TW` -> `zh_TW`."""
    if not tag:
        return default
    match = _TAG.match(str(tag).strip())
    if not match:
        return default
    language, _script, region = match.groups()
    language = language.lower()
    if region and region.isalpha():
        return f"{language}_{region.upper()}"
    if language == "zh" and _script and _script.lower() == "hant":
        return "zh_TW"
    return f"{language}_{_TERRITORY.get(language, language.upper())}"
