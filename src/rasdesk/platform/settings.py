"""Settings, declared once: each with its type, default and meaning.

Two files: the user's ``config/settings.json`` and the machine-wide administrator policy
``policy.json`` in the site config folder (``/etc/rasdesk/policy.json`` on Linux). A value
in the policy beats the user's, and is shown as managed. A malformed file is an error
naming the file and the field; nothing is silently ignored.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasdesk.domain.errors import InputError, Problem
from rasdesk.platform import paths
from rasdesk.platform.files import write_atomic


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    kind: type
    default: Any
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("assessor_name", str, "", "The assessor's name, as recorded on cases and letters."),
    Setting("server_url", str, "", "The council's sync server (https://…)."),
    Setting(
        "ca_bundle", str, "", "A PEM file of the council's certificate authorities, for the server."
    ),
    Setting(
        "inactivity_lock_minutes", int, 5, "Minutes without input before the app saves and locks."
    ),
    Setting("languages", list, ["en", "cy"], "The languages offered: any of en, cy."),
    Setting("allow_user_keys", bool, True, "Whether users may trust their own ruleset keys."),
)
BY_NAME = {s.name: s for s in SETTINGS}


def user_file() -> Path:
    return paths.config_dir() / "settings.json"


def policy_file() -> Path:
    return paths.site_config_dir() / "policy.json"


def _check(name: str, value: Any, where: str) -> Problem | None:
    setting = BY_NAME.get(name)
    if setting is None:
        return Problem(where, f'unknown setting "{name}" (known: {", ".join(BY_NAME)})')
    if setting.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        return Problem(where, f"expected a whole number, found {value!r}")
    if setting.kind is not int and not isinstance(value, setting.kind):
        return Problem(where, f"expected {setting.kind.__name__}, found {value!r}")
    if name == "inactivity_lock_minutes" and not 1 <= value <= 240:
        return Problem(where, f"expected 1 to 240 minutes, found {value}")
    if name == "languages" and (not value or any(v not in ("en", "cy") for v in value)):
        return Problem(where, f'expected a non-empty list of "en" and "cy", found {value!r}')
    if (
        name == "server_url"
        and value
        and not value.startswith(("https://", "http://127.0.0.1", "http://localhost"))
    ):
        return Problem(
            where, "the server must use https:// (plain http only for 127.0.0.1 or localhost)"
        )
    return None


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path} cannot be read as JSON ({exc}); fix or remove it") from None
    if not isinstance(data, dict):
        raise InputError(f"{path} must hold a JSON object of settings")
    problems = [p for name, value in data.items() if (p := _check(name, value, f"$.{name}"))]
    if problems:
        raise InputError(f"{path} has settings rasdesk cannot use; fix them", problems)
    return data


@dataclass(frozen=True, slots=True)
class Settings:
    values: dict[str, Any]
    managed: frozenset[str]  # set by the administrator's policy

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def load() -> Settings:
    values = {s.name: s.default for s in SETTINGS}
    values["assessor_name"] = _login_name()
    values.update(_read(user_file()))
    policy = _read(policy_file())
    values.update(policy)
    return Settings(values, frozenset(policy))


def set_user(name: str, value: Any) -> None:
    """Change one user setting (refused when the administrator manages it)."""
    problem = _check(name, value, name)
    if problem:
        raise InputError(f"cannot set {name}: {problem.message}")
    if name in _read(policy_file()):
        raise InputError(
            f"{name} is set by your administrator ({policy_file()}) and cannot be changed here"
        )
    data = _read(user_file())
    data[name] = value
    write_atomic(user_file(), (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
