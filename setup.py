"""Ships the source tree's prompts/ and models/ inside the package (as triage/_shipped/), so a normal,
non-editable `pip install .` (the Dockerfile's) finds them beside the code. Everything else is in
pyproject.toml; `triage.settings.REPO_ROOT` resolves to the copy when there is one."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("prompts", "models")


class BuildWithShipped(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the source tree itself
            return
        root = Path(__file__).resolve().parent
        for name in SHIPPED:
            target = Path(self.build_lib) / "triage" / "_shipped" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(root / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithShipped})
