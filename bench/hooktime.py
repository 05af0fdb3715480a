#!/usr/bin/env python3
"""CPU time spent in each plugin's own event handlers during one build, in-process.

    python bench/hooktime.py bench/.work/site-1000/all/mkdocs.yml

Wall-clock ratios (bench.py) swing by ±10% on a shared 2-core machine; this attributes the
build's CPU time to the plugins that spent it, which is steadier and says where to look.
It does not count what a plugin makes others do (larger pages for the search index to read)
nor import time, so read it beside bench.py's ratios.
"""

from __future__ import annotations

import argparse
import collections
import functools
import logging
import os
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent, PluginCollection


def main(config_file: str) -> None:
    os.environ.setdefault("STOREFRONT_NOW", "2026-12-31T12:00:00Z")
    config = load_config(config_file=config_file)
    spent: collections.Counter[str] = collections.Counter()

    def timed(handler, name):
        @functools.wraps(handler)
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return handler(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start
        return run

    plugins = PluginCollection()
    for name, plugin in config.plugins.items():
        for attr in dir(plugin):
            handler = getattr(plugin, attr)
            if attr.startswith("on_") and isinstance(handler, CombinedEvent):  # several handlers, one event
                setattr(plugin, attr, CombinedEvent(*(timed(method, name) for method in handler.methods)))
            elif attr.startswith("on_") and callable(handler):
                setattr(plugin, attr, timed(handler, name))
        plugins[name] = plugin  # re-registers the (now timed) handlers
    config.plugins = plugins
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start, wall = time.process_time(), time.perf_counter()
    build(config)
    total = time.process_time() - start
    print(f"build: {total:.2f} s CPU ({time.perf_counter() - wall:.2f} s wall)")
    for name, seconds in spent.most_common():
        print(f"  {name:<24}{seconds:6.2f} s CPU  {seconds / total * 100:5.1f} % of the build")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config_file", nargs="?", default="mkdocs.yml")
    config_file = parser.parse_args().config_file
    if not os.path.isfile(config_file):
        sys.exit(f"hooktime: no config file at {config_file}")
    main(config_file)
