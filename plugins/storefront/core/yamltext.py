"""YAML for the suite's data files, where a date that does not exist stays text.

PyYAML turns an unquoted `2026-02-30`, `2026-13-01` or `0000-01-01` into a bare `ValueError`
from `datetime` (no file, no line, no key), which aborts a build with a traceback. With this
loader such a value is the text as written, so the code that reads the key reports it (file,
line, key and fix) through `clock.parse_when` like any other wrong date.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["DataLoader", "load"]


class DataLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` whose impossible timestamps are left as text."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


DataLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load(text: str) -> Any:
    """Parse YAML text with `DataLoader` (raises `yaml.YAMLError` for bad syntax only)."""
    return yaml.load(text, Loader=DataLoader)
