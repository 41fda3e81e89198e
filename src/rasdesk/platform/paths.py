"""Every path rasdesk uses, from one place.

Normally from platformdirs (per-user config/data/log, machine-wide site config). When the
environment variable ``RASDESK_HOME`` is set, *every* path is under it — tests and the
demo never touch a real profile:

    $RASDESK_HOME/config   user settings, user-trusted keys
    $RASDESK_HOME/data     installed rulesets, the case store
    $RASDESK_HOME/log      log files
    $RASDESK_HOME/site     stands in for the machine-wide administrator config
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "rasdesk"


def home() -> Path | None:
    value = os.environ.get("RASDESK_HOME")
    return Path(value).expanduser() if value else None


def _pick(sub: str, default: Path) -> Path:
    base = home()
    return base / sub if base is not None else default


def config_dir() -> Path:
    return _pick("config", platformdirs.user_config_path(APP, appauthor=False))


def data_dir() -> Path:
    return _pick("data", platformdirs.user_data_path(APP, appauthor=False))


def log_dir() -> Path:
    return _pick("log", platformdirs.user_log_path(APP, appauthor=False))


def site_config_dir() -> Path:
    """Machine-wide configuration set by council IT (administrator policy, trusted keys)."""
    if home() is None and sys.platform.startswith("linux"):
        return Path("/etc/rasdesk")  # one fixed, documented place for administrators
    return _pick("site", platformdirs.site_config_path(APP, appauthor=False))


def user_keys_dir() -> Path:
    return config_dir() / "trusted-keys"


def site_keys_dir() -> Path:
    return site_config_dir() / "trusted-keys"


def rulesets_dir() -> Path:
    return data_dir() / "rulesets"


def resources_dir() -> Path:
    """The bundled resources (demo ruleset, pictures, fonts): packaged copy first, then the
    source tree's top-level ``resources/``."""
    packaged = Path(__file__).resolve().parent.parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def translations_dir() -> Path:
    """The compiled Qt translations (``rasdesk_cy.qm``, …): the ``translations`` folder inside
    the installed ``rasdesk`` package. They are built from ``translations/*.ts`` by
    ``scripts/build-translations.sh`` (setup) and by the wheel build, never committed."""
    return Path(__file__).resolve().parent.parent / "translations"
