"""A reusable schema.org vocabulary checker for JSON-LD documents (tests only).

    checker = Vocabulary(schemaorg_vocabulary)     # the parsed schemaorg-current-https.jsonld
    report = checker.check(json_ld_document)
    assert report.problems == []

Checks: every @type exists and is not superseded or retired (attic); every property exists,
is not superseded, and its schema:domainIncludes holds one of the node's types or a supertype
(rdfs:subClassOf, transitively); nested typed nodes, @id references (resolved in the @graph)
and enumeration members (https://schema.org/InStock) fit the property's schema:rangeIncludes;
a literal is only used where the range admits a data type (or is a URL naming the thing,
as schema.org's data model allows and Google's BreadcrumbList uses). Pending terms are allowed and
listed in `report.notes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "https://schema.org/"
PENDING = "https://pending.schema.org"
ATTIC = "https://attic.schema.org"
DATA_TYPES = {"DataType", "Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime", "Time",
              "CssSelectorType", "XPathType", "PronounceableText"}


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict) and "@id" in item]


def _types(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(item).removeprefix("schema:") for item in items]


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Vocabulary:
    def __init__(self, vocabulary: dict):
        self.classes: dict[str, dict] = {}
        self.properties: dict[str, dict] = {}
        self.members: dict[str, list[str]] = {}  # enumeration member -> its types
        for node in vocabulary["@graph"]:
            term = node.get("@id", "")
            if not term.startswith("schema:"):
                continue
            name = term.removeprefix("schema:")
            kinds = _types(node.get("@type", []))
            info = {
                "parents": _ids(node.get("rdfs:subClassOf")),
                "domains": _ids(node.get("schema:domainIncludes")),
                "ranges": _ids(node.get("schema:rangeIncludes")),
                "part_of": _ids(node.get("schema:isPartOf")),
                "superseded": _ids(node.get("schema:supersededBy")),
            }
            if "rdfs:Class" in kinds:
                self.classes[name] = info
            elif "rdf:Property" in kinds:
                self.properties[name] = info
            else:
                self.members[name] = kinds

    # --- the type hierarchy ----------------------------------------------------------------

    def supertypes(self, name: str) -> set[str]:
        seen, stack = set(), [name]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.classes.get(current, {}).get("parents", []))
        return seen

    def is_data_type(self, name: str) -> bool:
        return bool(self.supertypes(name) & DATA_TYPES)

    def fits(self, types: list[str], ranges: list[str]) -> bool:
        return any(set(ranges) & self.supertypes(t) for t in types)

    # --- checking ------------------------------------------------------------------------

    def check(self, document: dict) -> Report:
        report = Report()
        if document.get("@context") not in ("https://schema.org", "https://schema.org/"):
            report.problems.append(f"@context is {document.get('@context')!r}, not https://schema.org")
        graph = document.get("@graph", [document])
        index: dict[str, list[str]] = {}

        def collect(value: Any) -> None:  # every typed node with an @id, nested ones too
            if isinstance(value, list):
                for item in value:
                    collect(item)
            elif isinstance(value, dict):
                if "@id" in value and "@type" in value:
                    if value["@id"] in index:
                        report.problems.append(f"{value['@id']}: node repeated in @graph")
                    index[value["@id"]] = _types(value["@type"])
                for key, item in value.items():
                    if not key.startswith("@"):
                        collect(item)

        collect(graph)
        for node in graph:
            self._node(node, node.get("@id", "(node)"), index, report)
        return report

    def _term(self, name: str, info: dict | None, what: str, where: str, report: Report) -> bool:
        if info is None:
            report.problems.append(f"{where}: unknown {what} {name}")
            return False
        if info["superseded"]:
            report.problems.append(f"{where}: {what} {name} is superseded by {', '.join(info['superseded'])}")
        if ATTIC in info["part_of"]:
            report.problems.append(f"{where}: {what} {name} is retired (attic)")
        if PENDING in info["part_of"]:
            report.notes.append(f"{where}: {what} {name} is pending")
        return True

    def _node(self, node: dict, where: str, index: dict[str, list[str]], report: Report) -> None:
        if "@type" not in node:
            if set(node) - {"@id"}:
                report.problems.append(f"{where}: node without @type")
            return
        types = _types(node["@type"])
        known = [t for t in types if self._term(t, self.classes.get(t), "type", where, report)]
        for prop, value in node.items():
            if prop.startswith("@"):
                continue
            info = self.properties.get(prop)
            if not self._term(prop, info, "property", where, report):
                continue
            if known and not any(set(info["domains"]) & self.supertypes(t) for t in known):
                report.problems.append(f"{where}: {prop} is not a property of {'/'.join(known)} "
                                       f"(domain: {', '.join(info['domains'])})")
            for item in value if isinstance(value, list) else [value]:
                self._value(item, prop, info["ranges"], f"{where} {prop}", index, report)

    def _value(self, item: Any, prop: str, ranges: list[str], where: str, index: dict, report: Report) -> None:
        if isinstance(item, dict):
            if "@type" in item:
                types = _types(item["@type"])
                if all(t in self.classes for t in types) and not self.fits(types, ranges):
                    report.problems.append(f"{where}: a {'/'.join(types)} is not in the range ({', '.join(ranges)})")
                self._node(item, where, index, report)
            elif "@id" in item and set(item) == {"@id"}:
                target = index.get(item["@id"])
                if target is None:
                    report.problems.append(f"{where}: reference to {item['@id']}, which is not in the @graph")
                elif not self.fits(target, ranges):
                    report.problems.append(f"{where}: {item['@id']} ({'/'.join(target)}) is not in the range "
                                           f"({', '.join(ranges)})")
            else:
                report.problems.append(f"{where}: node without @type")
            return
        if isinstance(item, str) and item.startswith(SCHEMA) and item.removeprefix(SCHEMA) in self.members:
            member_types = self.members[item.removeprefix(SCHEMA)]
            if not self.fits(member_types, ranges) and not any(self.is_data_type(r) for r in ranges):
                report.problems.append(f"{where}: {item} is not a member of {', '.join(ranges)}")
            return
        if isinstance(item, bool):
            if not self.fits(["Boolean"], ranges) and not any(r == "Text" for r in ranges):
                report.problems.append(f"{where}: a boolean where the range is {', '.join(ranges)}")
            return
        if isinstance(item, (int, float)):
            if not any(self.supertypes(r) & {"Number", "Text"} for r in ranges):
                report.problems.append(f"{where}: a number where the range is {', '.join(ranges)}")
            return
        if isinstance(item, str):
            if item.startswith(SCHEMA) and any(self.supertypes(r) & {"Enumeration"} for r in ranges) \
                    and not any(self.is_data_type(r) for r in ranges):
                report.problems.append(f"{where}: {item} is not a schema.org enumeration member")
            elif item.startswith(("https://", "http://")) and not item.startswith(SCHEMA):
                return  # a URL identifying the thing (schema.org's data model, Google's ListItem.item)
            elif not any(self.is_data_type(r) for r in ranges):
                report.problems.append(f"{where}: text where the range is {', '.join(ranges)} (no data type)")
            return
        report.problems.append(f"{where}: unexpected value {item!r}")
