"""`storefront calendar --next` counts a CTA's end as a change of the public site."""

from __future__ import annotations

import textwrap

import yaml

from storefront.cli import main

CONFIG = {
    "site_name": "Bakery",
    "site_url": "https://bakery.example/",
    "docs_dir": "docs",
    "theme": "mkdocs",
    "plugins": [
        {"storefront/calendar": {"timezone": "America/New_York"}},
        {"storefront/cta": {"ctas": {
            "holiday": {"label": "Pre-order", "url": "https://order.example/",
                        "until": "2026-12-22 18:00"},
            "cake": {"label": "Order a cake", "url": "index.md"},
        }}},
    ],
}
POST = textwrap.dedent("""\
    ---
    date: 2027-01-04
    title: New year galette
    ---

    # New year galette
    """)


def next_change(tmp_path, now: str, capsys) -> str:
    (tmp_path / "docs" / "posts").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "posts" / "galette.md").write_text(POST)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG))
    code = main(["calendar", "-f", str(tmp_path / "mkdocs.yml"), "--next", "--now", now])
    assert code == 0
    return capsys.readouterr().out.strip()


def test_next_is_the_cta_end_when_it_comes_first(tmp_path, capsys):
    # 18:00 in New York on 22 December is 23:00 UTC, before the post's publish time.
    assert next_change(tmp_path, "2026-11-23T12:00:00Z", capsys) == "2026-12-22T23:00:00Z"


def test_an_ended_cta_no_longer_counts(tmp_path, capsys):
    # After the CTA's end, the next change is the post (midnight in New York, 05:00 UTC).
    assert next_change(tmp_path, "2026-12-23T00:00:00Z", capsys) == "2027-01-04T05:00:00Z"
