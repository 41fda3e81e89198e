"""setuptools hook: a built rasdesk wheel is a complete app.

Everything about the project is declared in pyproject.toml; this file only adds a build
step. After the Python modules are copied into the build folder, it adds
``rasdesk/resources`` (from ``resources/``, see packaging/contents.py) and compiles
``translations/*.ts`` into ``rasdesk/translations/*.qm`` (packaging/compile_translations.py,
with lrelease from PySide6-Essentials, which packaging/build_backend.py asks for). An
editable install skips this: the source tree's ``resources/`` is found directly and
scripts/build-translations.sh compiles the translations there.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "packaging"))

from compile_translations import compile_all  # noqa: E402
from contents import resource_files  # noqa: E402


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        package = Path(self.build_lib) / "rasdesk"
        target = package / "resources"
        shutil.rmtree(target, ignore_errors=True)  # nothing stale from an earlier build
        for source, relative in resource_files(ROOT):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
        shutil.rmtree(package / "translations", ignore_errors=True)
        compile_all(ROOT / "translations", package / "translations")


setup(cmdclass={"build_py": BuildPyWithData})
