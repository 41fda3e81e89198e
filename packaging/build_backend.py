"""The build backend named in pyproject.toml: setuptools, plus lrelease for wheel builds.

A wheel (``pip install .``, ``python -m build``) must carry compiled translations, and
``setup.py`` compiles them with lrelease from PySide6-Essentials, so a wheel build asks for
that package in its isolated build environment. An editable install (``pip install -e``,
which ``scripts/setup.sh`` uses for the venvs) does not: there the translations are compiled
into the source tree by ``scripts/build-translations.sh``, and ``.venv-core``'s install does
not download Qt for nothing. Everything else is setuptools' own backend, unchanged.
"""

from __future__ import annotations

from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (the PEP 517/660 hooks, re-exported)
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

LRELEASE = ["PySide6-Essentials>=6.7"]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *LRELEASE]
