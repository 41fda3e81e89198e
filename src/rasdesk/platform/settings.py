"""Settings, declared once: each with its default, meaning and check.

Two files: the user's ``config/settings.json`` and the machine-wide administrator policy
``policy.json`` in the site config folder (``/etc/rasdesk/policy.json`` on Linux,
``C:\\ProgramData\\rasdesk\\policy.json`` on Windows). A value in the policy beats the
user's, and is shown as managed. Some settings (the trusted ruleset keys) only the policy
can set. A malformed file is an error naming the file and the field, such as
``/etc/rasdesk/policy.json: $.inactivity_lock_minutes: expected 1 to 240 minutes, found 0``;
nothing is silently ignored. docs/policy.md describes every setting.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.platform import paths
from rasdesk.platform import setting_checks as checks
from rasdesk.platform.files import MAX_SMALL_BYTES, read_bytes, write_atomic


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    kind: type
    default: Any
    meaning: str
    check: checks.Check
    policy_only: bool = False  # only the administrator's policy may set it


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "assessor_name",
        str,
        "",
        "The assessor's name, as recorded on cases and letters (default: the login name).",
        checks.text,
    ),
    Setting(
        "server_url",
        str,
        "",
        "The council's sync server: https://…, or plain http only to 127.0.0.1 or localhost.",
        checks.server_url,
    ),
    Setting(
        "ca_bundle",
        str,
        "",
        "A PEM file of the certificate authorities that the council's server certificate chains "
        "to; a relative path is read from the folder of the file that sets it.",
        checks.text,
    ),
    Setting(
        "inactivity_lock_minutes",
        int,
        5,
        "Minutes without input before the app saves and locks (1 to 240).",
        checks.minutes,
    ),
    Setting(
        "pin_lockout_seconds",
        int,
        30,
        "After 5 wrong PINs in a row, the wait before the next try (1 to 3600 seconds); it "
        "doubles with each further wrong PIN, and after 10 the app closes the case store.",
        checks.seconds,
        policy_only=True,
    ),
    Setting("languages", list, ["en", "cy"], "The languages offered: en, cy.", checks.languages),
    Setting(
        "draft_max_age_days",
        int,
        90,
        "Days a draft may stay unfinished before the case list shows it as overdue (1 to 3650).",
        checks.days,
    ),
    Setting(
        "allow_user_keys",
        bool,
        True,
        "Whether users may trust their own ruleset keys (rasdesk trust add, --trust). When "
        "false, only the administrator's keys are trusted.",
        checks.yes_no,
    ),
    Setting(
        "trusted_keys",
        list,
        [],
        "Public keys trusted to sign rulesets, each {name, file or pem, optional keyid}; "
        "added to any PEM files in the trusted-keys folder beside the policy.",
        checks.trusted_keys,
        policy_only=True,
    ),
)
BY_NAME = {s.name: s for s in SETTINGS}
IGNORED = frozenset({"$schema"})  # lets editors validate the file against the JSON Schema


def user_file() -> Path:
    return paths.config_dir() / "settings.json"


def policy_file() -> Path:
    return paths.site_config_dir() / "policy.json"


def check_value(name: str, value: Any, where: str, *, policy: bool) -> list[Problem]:
    """Every problem with one setting's value, ``where`` being its JSON path."""
    setting = BY_NAME.get(name)
    if setting is None:
        return [Problem(where, f'unknown setting "{name}" (known: {", ".join(BY_NAME)})')]
    if setting.policy_only and not policy:
        return [
            Problem(
                where,
                f"only the administrator's policy ({policy_file()}) can set {name}"
                + (
                    "; add your own keys with: rasdesk trust add KEY.pem"
                    if name == "trusted_keys"
                    else ""
                ),
            )
        ]
    return setting.check(value, where)


def read_file(path: Path, *, policy: bool) -> dict[str, Any]:
    """The settings in one file (``{}`` if there is none), checked, with relative paths made
    absolute from the file's folder. Any problem is an InputError naming file and field."""
    if not path.exists() and not path.is_symlink():
        return {}
    fix = "ask your IT team to fix it" if policy else "fix or remove it"
    try:
        data = loads_strict(
            read_bytes(path, "policy file" if policy else "settings file", MAX_SMALL_BYTES)
        )
    except StrictJSONError as exc:
        raise InputError(f"{path} cannot be read as JSON ({exc}); {fix}") from None
    except InputError as exc:  # not a regular file, too big, unreadable
        raise InputError(f"{exc}; {fix}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: $: expected a JSON object of settings, such as {{}}")
    problems = [
        p
        for name, value in data.items()
        if name not in IGNORED
        for p in check_value(name, value, f"$.{name}", policy=policy)
    ]
    if len(problems) == 1:  # one line, as a compiler would say it
        raise InputError(f"{path}: {problems[0]}")
    if problems:
        fix = "your IT team must fix them" if policy else "fix them"
        raise InputError(
            f"{path} has {len(problems)} problems; {fix}",
            [Problem(f"{path}: {p.path}", p.message) for p in problems],
        )
    return _absolute(data, path.parent)


def _absolute(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k not in IGNORED}
    if out.get("ca_bundle"):
        out["ca_bundle"] = str(folder / Path(out["ca_bundle"]).expanduser())
    if "trusted_keys" in out:
        out["trusted_keys"] = [
            {**e, "file": str(folder / Path(e["file"]).expanduser())} if "file" in e else e
            for e in out["trusted_keys"]
        ]
    return out


@dataclass(frozen=True, slots=True)
class Settings:
    values: dict[str, Any]
    managed: frozenset[str]  # set by the administrator's policy
    user: frozenset[str] = frozenset()  # set in the user's settings.json (and not managed)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def source(self, name: str) -> str:
        """Where the value comes from: "policy", "user" or "default"."""
        return "policy" if name in self.managed else "user" if name in self.user else "default"


def load() -> Settings:
    values = {s.name: s.default for s in SETTINGS}
    values["assessor_name"] = _login_name()
    user = read_file(user_file(), policy=False)
    values.update(user)
    policy = read_file(policy_file(), policy=True)
    values.update(policy)
    return Settings(values, frozenset(policy), frozenset(user) - frozenset(policy))


def set_user(name: str, value: Any) -> None:
    """Change one user setting (refused when the administrator manages it)."""
    problems = check_value(name, value, name, policy=False)
    if problems:
        raise InputError(f"cannot set {name}: {problems[0].message}")
    if name in read_file(policy_file(), policy=True):
        raise InputError(
            f"{name} is set by your administrator ({policy_file()}) and cannot be changed here"
        )
    path = user_file()
    read_file(path, policy=False)  # refuse to add to a file that is already broken
    # As written, not made absolute (read_file above has checked and bounded it).
    data = json.loads(read_bytes(path, "settings file", MAX_SMALL_BYTES)) if path.exists() else {}
    data[name] = value
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
