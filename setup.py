"""Build hook: a wheel carries the storefront template (see storefront/template/skeleton.py).

Everything else about the package is in pyproject.toml.
"""

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _skeleton():
    spec = importlib.util.spec_from_file_location(
        "_storefront_skeleton", ROOT / "plugins" / "storefront" / "template" / "skeleton.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTemplate(build_py):
    """Copy the template into storefront/template/skeleton/ of the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the template from the repository itself
        skeleton = _skeleton()
        target = Path(self.build_lib) / "storefront" / "template" / "skeleton"
        if target.exists():
            shutil.rmtree(target)
        skeleton.copy_template(ROOT, target)


setup(cmdclass={"build_py": BuildPyWithTemplate})
