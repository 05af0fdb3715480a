"""The demo business's own words (content/ and seo/business.yml): what no default, example
or starter outside the demo may say."""

from __future__ import annotations

import re

# Case-insensitive, whole words ("breadcrumb" is not "bread"). "Crumb" is matched with its
# capital only: the schema plugin's code speaks of breadcrumbs (`crumb`).
WORDS = ("hearth", "hearthandcrumb", "bakery", "bakeries", "baker", "bakers", "bake", "baked",
         "bakes", "baking", "bread", "breads", "sourdough", "oven", "ovens", "loaf", "loaves",
         "pastry", "pastries", "croissant", "croissants", "cake", "cakes", "dough", "doughs",
         "flour", "leavened", "burlington", "winooski", "vermont")
PATTERN = re.compile(r"\b(?:" + "|".join(WORDS) + r")\b", re.IGNORECASE)
CAPITALISED = re.compile(r"\bCrumb\b|Church Street")


def demo_words(text: str) -> list[str]:
    return [m.group(0) for m in PATTERN.finditer(text)] + [m.group(0) for m in CAPITALISED.finditer(text)]
