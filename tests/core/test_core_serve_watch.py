"""`mkdocs serve` rebuilds when any data file the suite reads changes, not only business.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from conftest import write_tree


class Server:
    """Stands in for MkDocs' LiveReloadServer: records what is watched."""

    def __init__(self) -> None:
        self.watched: dict[str, bool] = {}

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        self.watched[str(Path(path))] = recursive


def serve_watches(root: Path, plugins: list) -> dict[str, bool]:
    (root / "mkdocs.yml").write_text(
        "site_name: Bakery\nsite_url: https://bakery.example/\nplugins:\n"
        + "".join(f"  - {p}\n" for p in plugins), encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    server = Server()
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    return server.watched


PLUGINS = ["storefront/calendar", "storefront/cta", "storefront/schema",
           "'storefront/lint': {baseline: seo/lint-baseline.json}",
           "'storefront/optimize': {headers: deploy/_headers}"]


def test_every_data_file_is_watched(tmp_path):
    write_tree(tmp_path, {
        "docs/index.md": "# Home\n",
        "seo/business.yml": "type: Bakery\nname: Bakery\n",
        "seo/ctas.yml": "order:\n  label: Order\n  url: https://shop.example/\n",
        "seo/calendar.yml": "items: []\n",
        "seo/lint-baseline.json": "{}\n",
        "deploy/_headers": "/*\n  X-Frame-Options: DENY\n",
    })
    watched = serve_watches(tmp_path, PLUGINS)
    for name in ("seo/business.yml", "seo/ctas.yml", "seo/calendar.yml", "seo/lint-baseline.json",
                 "deploy/_headers"):
        assert str(tmp_path / name) in watched, (name, watched)


def test_a_data_file_not_written_yet_is_watched_through_its_folder(tmp_path):
    write_tree(tmp_path, {"docs/index.md": "# Home\n", "seo/business.yml": "type: Bakery\nname: Bakery\n"})
    watched = serve_watches(tmp_path, ["storefront/cta", "storefront/schema"])
    # seo/ctas.yml does not exist: its folder is watched (not recursively), so creating it rebuilds
    assert watched.get(str(tmp_path / "seo")) is False, watched
