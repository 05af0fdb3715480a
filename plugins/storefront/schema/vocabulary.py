"""The slice of the schema.org vocabulary the build needs: LocalBusiness subtypes and the
type-specific properties a business profile may use.

The full vocabulary (1.5 MB, CC BY-SA) is not shipped. `data/localbusiness_types.json` is
generated from it by this module (`python -m storefront.schema.vocabulary VOCABULARY.jsonld`)
and a test checks that the shipped file equals what the vocabulary says.
"""

from __future__ import annotations

import difflib
import json
import sys
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "localbusiness_types.json"
ROOT_TYPE = "LocalBusiness"
ORGANIZATION = "Organization"

# Profile keys that map to properties only some LocalBusiness subtypes have.
EXTRA_PROPERTIES = {
    "menu": "hasMenu",
    "accepts_reservations": "acceptsReservations",
    "serves_cuisine": "servesCuisine",
}


# --- generating the shipped data from the full vocabulary ------------------------------

def _ids(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [item["@id"] for item in items if isinstance(item, dict) and "@id" in item]


def _local(term: str) -> str:
    return term.split(":", 1)[1] if term.startswith("schema:") else term


def generate(vocabulary: dict) -> dict:
    """The compact data the build ships, from the parsed JSON-LD vocabulary."""
    nodes = {node["@id"]: node for node in vocabulary["@graph"] if "@id" in node}
    parents = {
        _local(term): [_local(p) for p in _ids(node.get("rdfs:subClassOf")) if p.startswith("schema:")]
        for term, node in nodes.items()
        if term.startswith("schema:") and "rdfs:Class" in (
            node["@type"] if isinstance(node["@type"], list) else [node["@type"]])
    }

    def ancestors(name: str) -> set[str]:
        seen: set[str] = set()
        stack = list(parents.get(name, []))
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(parents.get(current, []))
        return seen

    def part_of(term: str) -> list[str]:
        return _ids(nodes[term].get("schema:isPartOf"))

    def usable(term: str) -> bool:
        node = nodes[term]
        return "schema:supersededBy" not in node and "https://attic.schema.org" not in part_of(term)

    types = {}
    pending = []
    for name in sorted(parents):
        lineage = ancestors(name)
        if (name == ROOT_TYPE or ROOT_TYPE in lineage) and usable(f"schema:{name}"):
            types[name] = sorted(lineage)
            if "https://pending.schema.org" in part_of(f"schema:{name}"):
                pending.append(name)
    properties = {
        prop: sorted(_local(t) for t in _ids(nodes[f"schema:{prop}"].get("schema:domainIncludes")))
        for prop in sorted(EXTRA_PROPERTIES.values())
    }
    return {
        "about": "Generated from the schema.org vocabulary by "
                 "`python -m storefront.schema.vocabulary VOCABULARY.jsonld`; do not edit.",
        "types": types,
        "pending": pending,
        "properties": properties,
    }


def write(vocabulary_path: Path, target: Path = DATA) -> None:
    data = generate(json.loads(Path(vocabulary_path).read_text(encoding="utf-8")))
    target.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# --- what the build asks -----------------------------------------------------------------

@lru_cache(maxsize=1)
def shipped() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def is_business_type(name: str) -> bool:
    """A LocalBusiness subtype (or LocalBusiness itself), current or pending."""
    return name in shipped()["types"]


def is_pending(name: str) -> bool:
    return name in shipped()["pending"]


def lineage(name: str) -> set[str]:
    """The type and all its supertypes."""
    return {name, *shipped()["types"].get(name, [])}


def allows(type_name: str, prop: str) -> bool:
    """Whether a type-specific property (hasMenu, acceptsReservations…) belongs to the type."""
    domains = shipped()["properties"].get(prop, [])
    return bool(lineage(type_name) & set(domains))


def types_with(prop: str) -> list[str]:
    """The most general types that have a type-specific property, for messages."""
    return shipped()["properties"].get(prop, [])


def suggest(name: str) -> str | None:
    candidates = [*shipped()["types"], ORGANIZATION]
    lower = {c.lower(): c for c in candidates}
    if name.lower() in lower:
        return lower[name.lower()]
    match = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
    return match[0] if match else None


if __name__ == "__main__":  # pragma: no cover - maintenance script
    if len(sys.argv) != 2:
        sys.exit("usage: python -m storefront.schema.vocabulary path/to/schemaorg-current-https.jsonld")
    write(Path(sys.argv[1]))
    print(f"wrote {DATA}")
