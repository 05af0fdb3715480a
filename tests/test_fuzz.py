"""Property-based fuzz test of the whole suite (hypothesis), on a small fixture site.

Each example builds one site with every storefront plugin, random values (random types,
hostile strings, impossible and extreme dates) in documented front-matter keys, in keys of
seo/business.yml, seo/ctas.yml and seo/calendar.yml, and in plugin options. Invariants:

- no traceback: the build completes, or MkDocs refuses a mistyped option with its own
  configuration error (that names the option);
- every warning of the suite names its file (strict fails on a warning, so a strict build
  of invalid input fails with a message naming the file and key);
- no hostile string is published unescaped: no element, event handler or `javascript:` link
  comes out of a value in any HTML page, every XML and JSON file parses and makes no element
  of one, and no line is injected into robots.txt, _headers or the iCalendar file.

The normal run is bounded and reproducible (STOREFRONT_FUZZ_EXAMPLES examples, default 20,
derandomized); set STOREFRONT_FUZZ_EXAMPLES=500 for a long random run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import tomllib
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import event as count_outcome
from hypothesis import strategies as st
from mkdocs.config import config_options as c

from conftest import ROOT, build_site
from storefront.calendar import plan as calendar_plan
from storefront.calendar import schedule as calendar_schedule
from storefront.cta.model import CTA_KEYS
from storefront.schema import pagedata, profile

EXAMPLES = int(os.environ.get("STOREFRONT_FUZZ_EXAMPLES", "20"))
LONG_RUN = "STOREFRONT_FUZZ_EXAMPLES" in os.environ
NOW = "2026-11-23T12:00:00Z"

# Each hostile string carries a payload the checks below look for: an <x-fuzz> element, a
# fuzz() call in a handler or link, or an injected X-Fuzz line.
HOSTILE = [
    "</script><x-fuzz>", "]]><x-fuzz>", "--><x-fuzz>", "{{ 7*7 }}<x-fuzz>", "{% raw %}<x-fuzz>",
    "a\x00b<x-fuzz>", "\u202etxt.exe<x-fuzz>", "🍞🥐<x-fuzz>", "\"' onmouseover=fuzz() x='",
    "<img src=x onerror=fuzz()>", "javascript:fuzz()", "line\r\nX-Fuzz: 1", "line\nX-Fuzz: 1",
    "x" * 3000 + "<x-fuzz>", "&lt;x-fuzz&gt;", "Tom's \"Best\" <Bakery> & Café",
    "%3Cx-fuzz%3E", "//evil.example/x-fuzz", "data:text/html,<x-fuzz>", "\\\\evil.example\\x-fuzz",
]
DATES = [
    "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31 23:59:59", "0001-01-01", "2026-12-03 09:00",
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(9999, 12, 31, 23, 59, 59), dt.date(2026, 12, 3),
    dt.datetime(2026, 12, 3, 9, 0), "yesterday", "",
]


class Raw(str):
    """A scalar written unquoted into YAML (`until: 2026-02-30`, which YAML reads as a date)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Raw, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value))


class _QuotingDumper(yaml.SafeDumper):
    pass


_QuotingDumper.add_representer(Raw, lambda dumper, value: dumper.represent_str(str(value)))


def dump(data, *, raw: bool = True) -> str:
    """YAML text of `data`; `raw=False` quotes `Raw` dates too (mkdocs.yml: MkDocs' own loader
    reads it, and an impossible date there is MkDocs' to report)."""
    return yaml.dump(data, Dumper=_Dumper if raw else _QuotingDumper, allow_unicode=True, sort_keys=False,
                     width=10_000)


safe_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
hostile = st.one_of(st.sampled_from(HOSTILE), safe_text)
dates = st.one_of(st.sampled_from(DATES), st.sampled_from(["2026-02-30", "2026-13-01", "0000-01-01"]).map(Raw),
                  st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)))
scalars = st.one_of(hostile, st.integers(-2**63, 2**63), st.floats(allow_nan=True), st.booleans(), st.none(), dates)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(hostile, inner, max_size=3)), max_leaves=6)


def mapping_of(keys) -> st.SearchStrategy[dict]:
    """A mapping with a random subset of `keys`, each with a random value."""
    return st.dictionaries(st.sampled_from(sorted(keys)), values, max_size=len(keys))


# --- what is documented and read --------------------------------------------------------------

def documented_front_matter_keys() -> set[str]:
    """Every key named in the README's "Front matter" sections and "Front matter:" notes."""
    keys: set[str] = set()
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    in_section = False
    for line in lines:
        if line.startswith("#"):
            in_section = "front matter" in line.lower()
            continue
        if line.rstrip().endswith("Front matter:"):
            in_section = True
        for inline in re.findall(r"Front matter: `([a-z_]+):", line):
            keys.add(inline)
        if in_section and line.startswith("| `"):
            first = line.split("|")[1]
            keys.update(re.findall(r"`([a-z_]+)(?=[`:/ ])", first))
        elif in_section and line.startswith("|"):
            continue
        elif in_section and not line.strip() and keys:
            continue
    return keys


product = mapping_of(pagedata.PRODUCT_KEYS)
offer = mapping_of(pagedata.OFFER_KEYS)
event = st.fixed_dictionaries({"name": hostile, "start": dates}, optional={
    "end": dates, "description": hostile, "image": hostile, "status": hostile,
    "location": st.one_of(hostile, mapping_of(pagedata.LOCATION_KEYS)),
    "offers": st.one_of(offer, st.lists(offer, max_size=2))})
FRONT_MATTER = {
    "title": hostile, "description": hostile, "date": st.one_of(dates, st.fixed_dictionaries(
        {"created": dates}, optional={"updated": dates, "foo": values})),
    "updated": dates, "expires": dates, "author": values, "authors": values, "tags": values, "categories": values,
    "image": hostile, "image_alt": hostile, "canonical": hostile, "robots": hostile, "noindex": values,
    "draft": values, "lang": hostile, "product": st.one_of(product, st.lists(product, max_size=2), values),
    "event": st.one_of(event, st.lists(event, max_size=2), values),
    "faq": st.one_of(st.lists(mapping_of(pagedata.FAQ_KEYS), max_size=2), values),
    "keyword": hostile, "keywords": values, "lint": st.one_of(values, st.fixed_dictionaries({"ignore": values})),
    "cta": st.one_of(st.sampled_from(["order", False]), values), "newsletter": values, "analytics": values,
    "owner": hostile, "campaign": hostile,
    "promote": st.lists(mapping_of(calendar_schedule._PROMOTE_KEYS), max_size=2) | values,
    "title_tag": hostile,
}


def test_every_documented_front_matter_key_is_fuzzed():
    documented = documented_front_matter_keys()
    assert {"title", "product", "event", "faq", "cta", "promote", "keyword", "newsletter"} <= documented
    assert documented <= set(FRONT_MATTER), sorted(documented - set(FRONT_MATTER))


BUSINESS_KEYS = (*profile.BUSINESS_KEYS,)
business = st.fixed_dictionaries({"type": st.sampled_from(["Bakery", "Organization"]) | hostile, "name": hostile},
                                 optional={key: values for key in BUSINESS_KEYS if key not in ("type", "name")}
                                 ).map(lambda d: {**d, **({"address": {"street": "1 Main", "locality": "X",
                                                                        "country": "US"}}
                                                          if "address" not in d else {})})
cta = st.fixed_dictionaries({"label": hostile, "url": hostile}, optional={
    key: (dates if key == "until" else values) for key in CTA_KEYS if key not in ("label", "url")})
plan_item = st.fixed_dictionaries({"title": hostile}, optional={
    key: (dates if key == "date" else values) for key in calendar_plan._KEYS if key != "title"})


# --- plugin options ---------------------------------------------------------------------------

PLUGINS = {ep.name: ep for ep in entry_points(group="mkdocs.plugins") if ep.name.startswith("storefront/")}
DECLARED = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"][
    "mkdocs.plugins"]


def _leaf_options(schema, prefix=""):
    for name, option in schema:
        if isinstance(option, c.SubConfig) and getattr(option, "config_class", None) is not None:
            yield from _leaf_options(option.config_class._schema, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", option


def _strategy(option) -> st.SearchStrategy:
    inner = option.option if isinstance(option, c.Optional) else option
    kind = getattr(inner, "_type", None)
    if isinstance(inner, c.Choice):
        typed = st.sampled_from(list(inner.choices))
    elif kind is bool:
        typed = st.booleans()
    elif kind is int:
        typed = st.sampled_from([0, 1, -1, 10**12, 2**63])
    elif kind is str:
        typed = hostile
    elif isinstance(inner, c.ListOfItems):
        typed = st.lists(hostile, max_size=3)
    else:
        typed = hostile
    return st.one_of(*[typed] * 7, values)  # mostly the right type (MkDocs refuses others), sometimes anything


OPTIONS = {name: dict(_leaf_options(PLUGINS[name].load().config_class._schema)) for name in PLUGINS}
PATH_OPTIONS = {"cache_dir", "cards_dir", "output_dir", "plan", "headers", "business", "file", "baseline",
                "reports_dir", "thank_you_path"}  # folders and files: checked by their own tests


def _set(options: dict, dotted: str, value) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        options = options.setdefault(part, {})
    options[last] = value


@st.composite
def plugin_options(draw) -> dict[str, dict]:
    out: dict[str, dict] = {name: {} for name in PLUGINS}
    for _ in range(draw(st.integers(0, 3))):
        plugin = draw(st.sampled_from(sorted(PLUGINS)))
        name = draw(st.sampled_from(sorted(OPTIONS[plugin])))
        if name.split(".")[-1] in PATH_OPTIONS or name in ("enabled",):
            continue  # paths are checked by their own tests; random ones would write anywhere
        _set(out[plugin], name, draw(_strategy(OPTIONS[plugin][name])))
    return out


# --- the checks -------------------------------------------------------------------------------

SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")


def _check_html(path: Path, text: str) -> list[str]:
    import lxml.html

    found = []
    tree = lxml.html.fromstring(text)
    for element in tree.xpath("//x-fuzz")[:1]:
        parent = element.getparent()
        found.append(f"an <x-fuzz> element in <{parent.tag} class={parent.get('class')!r}> "
                     f"after {(parent.text or '')[-60:]!r}")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and "fuzz" in value:
                found.append(f"{name}= handler on <{element.tag}>")
            url_meta = element.tag == "meta" and name == "content" and (
                re.search(r"(url|image)$", element.get("property") or element.get("name") or "")
                or (element.get("http-equiv") or "").lower() == "refresh")  # a description is only text
            if (name.lower() in ("href", "src", "action", "formaction") or url_meta) and "javascript:fuzz" in \
                    value.strip().lower():
                found.append(f"a javascript: {name} on <{element.tag}>")
        if element.tag == "script" and element.get("type", "").lower() in SCRIPT_TYPES \
                and "fuzz()" in (element.text or ""):
            found.append("fuzz() inside a <script>")
    return found


def _check_file(path: Path) -> list[str]:
    """What in one output file breaks the invariants."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    where = path.name
    found = []
    if path.suffix == ".html":
        found += _check_html(path, text)
    elif path.suffix == ".xml":
        import lxml.etree

        try:
            tree = lxml.etree.fromstring(text.encode("utf-8"))
        except lxml.etree.XMLSyntaxError as error:
            return [f"{where} is not well-formed XML ({error})"]
        if tree.xpath("//*[local-name()='x-fuzz']"):
            found.append(f"{where}: an <x-fuzz> element")
    elif path.suffix == ".json":
        try:
            json.loads(text)
        except ValueError as error:
            return [f"{where} is not valid JSON ({error})"]
        # MkDocs' search index holds plain text (its theme escapes it when showing results), so a
        # hostile string in it is as written: that it parses is the check.
    if path.suffix in (".txt", ".ics", "") or path.name == "_headers":
        if re.search(r"(?m)^X-Fuzz", text):
            found.append(f"{where}: an injected X-Fuzz line")
    return found


def _files(fm: dict, extra_fm: dict, biz: dict, ctas: dict, items: list) -> dict:
    front = "---\n" + dump(fm) + "---\n" if fm else ""
    return {
        "index.md": "# Home\n\nWelcome to the bakery. We bake bread every day.\n\n/// cta | order\n///\n\n"
                    "/// newsletter\n///\n",
        "blog/post.md": front + "# A post\n\nFresh bread is good. We bake it every morning.\n",
        "about.md": ("---\n" + dump(extra_fm) + "---\n" if extra_fm else "") + "# About\n\nWho we are.\n",
        "privacy.md": "# Privacy\n",
        "/seo/business.yml": dump(biz),
        "/seo/ctas.yml": dump({"order": {"label": "Order", "url": "about.md"}, **ctas}),
        "/seo/calendar.yml": dump({"items": items}),
        "/deploy/_headers": "/*\n  Content-Security-Policy: script-src 'self' {script_hashes}; "
                            "form-action 'self' {form_origins}\n",
    }


def _config(options: dict[str, dict]) -> dict:
    base = {
        "storefront/seo": {}, "storefront/schema": {}, "storefront/cta": {}, "storefront/lint": {},
        "storefront/newsletter": {"provider": "buttondown", "form": {"username": "bakery"}},
        "storefront/calendar": {"show_unpublished": False},
        "storefront/optimize": {"headers": "deploy/_headers"},
        "storefront/analytics": {"provider": "plausible", "site": {"domain": "bakery.example"}},
    }
    plugins = []
    for name in PLUGINS:
        merged = dict(base.get(name, {}))
        merged.update(options.get(name, {}))
        plugins.append({name: merged})
    return {"site_name": "Fuzz Bakery", "docs_dir": "docs", "site_dir": "site", "site_url": "https://bakery.example/",
            "theme": {"name": "mkdocs"}, "plugins": ["search", *plugins]}


SUITE_MESSAGE = re.compile(r"^storefront: (?:[^:\s]+\.(?:md|ya?ml|html|json|txt)|[^:\s]*_headers)(?::\d+)?: ")


STRATEGIES = {
    "fm": st.dictionaries(st.sampled_from(sorted(FRONT_MATTER)), st.just(None), max_size=3).flatmap(
        lambda keys: st.fixed_dictionaries({key: FRONT_MATTER[key] for key in keys})),
    "extra_fm": st.dictionaries(st.sampled_from(sorted(FRONT_MATTER)), st.just(None), max_size=4).flatmap(
        lambda keys: st.fixed_dictionaries({key: FRONT_MATTER[key] for key in keys})),
    "biz": business,
    "ctas": st.dictionaries(st.sampled_from(["order", "sale", "x"]), cta, max_size=2),
    "items": st.lists(plan_item, max_size=2),
    "options": plugin_options(),
}


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
          suppress_health_check=list(HealthCheck), print_blob=True,
          # shrinking rebuilds the site hundreds of times: only when asked for
          phases=[Phase.explicit, Phase.generate,
                  *([Phase.shrink] if os.environ.get("STOREFRONT_FUZZ_SHRINK") else [])])
@given(**STRATEGIES)
def test_fuzz_the_suite(fm, extra_fm, biz, ctas, items, options):
    problems = run_example(fm, extra_fm, biz, ctas, items, options, outcome=count_outcome)
    assert not problems, problems


def run_example(fm, extra_fm, biz, ctas, items, options, outcome=lambda _: None) -> list[str]:
    """Build one fuzzed site; what breaks an invariant (an exception from the suite propagates).
    `outcome` hears "built" or "option refused by MkDocs" (hypothesis' statistics count them)."""
    with tempfile.TemporaryDirectory(prefix="storefront-fuzz-") as tmp:
        files = _files(fm, extra_fm, biz, ctas, items)
        files["/mkdocs.yml"] = dump(_config(options), raw=False)
        built = build_site(Path(tmp) / "project", files, env={"STOREFRONT_NOW": NOW})
        messages = built.messages
        if any("Traceback" in m for m in messages):
            return [m for m in messages if "Traceback" in m]
        if not built.ok:
            # Only MkDocs' own refusal of a mistyped option (raised before any page is read).
            if any(m.startswith("Config value") for m in messages) or "configuration error" in str(built.error):
                outcome("option refused by MkDocs")
                return []
            return [f"the build stopped: {type(built.error).__name__}: {built.error}"]
        outcome("built")
        found = [f"a warning without its file: {m}" for m in built.warnings
                 if m.startswith("storefront") and not SUITE_MESSAGE.match(m)
                 and not m.startswith("storefront: mkdocs.yml")]
        # MkDocs shows front matter it cannot read (year 0) as the page's text, the author's own
        # Markdown (raw HTML included); the suite reports it. Those pages are not the suite's output.
        locations = frozenset((re.sub(r"(^|/)index$", "", source[:-3]) + "/").lstrip("/")
                              for source in re.findall(r"storefront: docs/(\S+?\.md):\d+: front matter: [^\n]*?"
                                                       r"(?:could not be read|is not valid YAML|all of it was ignored)",
                                                       "\n".join(built.warnings)))
        unread = {built.site / location / "index.html" for location in locations}
        outputs = [p for p in built.site.rglob("*") if p.is_file() and p not in unread]
        outputs += [p for p in (Path(tmp) / "project" / ".storefront").rglob("*") if p.is_file()]
        for path in outputs:
            found += [f"{path.relative_to(Path(tmp) / 'project')}: {problem}"
                      for problem in _check_file(path)]
        return found


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_every_plugin_has_options_to_fuzz(name):
    assert name in PLUGINS, f"{name} is not installed: pip install -e ."
    assert OPTIONS[name], name
