"""An author `url` or `avatar` in Material's .authors.yml that the suite would not publish
(`javascript:`, `data:`) is left out of the pages, with one message naming the file and key."""

from __future__ import annotations

AUTHORS = """\
authors:
  eve:
    name: Eve
    description: Writer
    avatar: "data:text/html,<script>alert(1)</script>"
    url: "javascript:alert(document.domain)"
  sam:
    name: Sam
    description: Editor
    avatar: https://harbour.example/sam.png
    url: https://harbour.example/sam/
"""

FILES = {
    "index.md": "# Home\n",
    "blog/index.md": "# Blog\n",
    "blog/.authors.yml": AUTHORS,
    "blog/posts/one.md": "---\ndate: 2026-11-02\nauthors: [eve, sam]\n---\n# One\n\nWords.\n",
}


def _config() -> dict:
    return {"site_url": "https://harbour.example/", "theme": {"name": "material"},
            "plugins": [{"blog": {}}, "storefront/seo"]}


def test_unsafe_author_links_are_left_out_and_named(site):
    built = site(FILES, config=_config())
    assert built.ok, built.error
    pages = "".join(p.read_text() for p in built.site.rglob("*.html"))
    assert "javascript:alert" not in pages and "data:text/html" not in pages
    assert 'href="https://harbour.example/sam/"' in pages  # a safe author link stays
    messages = [w for w in built.warnings if ".authors.yml" in w]
    assert sorted(m.split(": ")[2] for m in messages) == ["authors.eve.avatar", "authors.eve.url"]
    assert all(m.startswith("storefront: docs/blog/.authors.yml: ") for m in messages)
    strict = site(FILES, config=_config(), strict=True)
    assert not strict.ok
