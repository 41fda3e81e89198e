"""Loading signed rulesets (verify, then parse) and the rulesets installed on this computer.

Installed rulesets are kept forever, as the exact signed bytes, named by the sha256 of
their payload, so an existing case can always be recomputed with the ruleset it used. One
of them is *current*: the one new assessments use.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from rasdesk.domain.errors import InputError, RulesetError
from rasdesk.domain.model import Ruleset
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import AnyRuleset, parse_any
from rasdesk.domain.signing import read_envelope, verify_envelope
from rasdesk.platform import paths
from rasdesk.platform.files import MAX_SMALL_BYTES, read_bytes, read_json, write_atomic
from rasdesk.platform.trust import trusted_keys


@dataclass(frozen=True, slots=True)
class Verified:
    ruleset: Ruleset
    signed_bytes: bytes
    payload: bytes


def verify_signed_bytes(data: bytes, source: str, extra_keys: list[Path] | None = None) -> Verified:
    """Check the signature against the trust store, then validate the document."""
    envelope = read_envelope(data, source)
    keys = {kid: tk.key for kid, tk in trusted_keys(extra_keys).items()}
    payload = verify_envelope(envelope, keys, source)
    return Verified(parse_ruleset(payload, f"{source} (signed content)"), data, payload)


def load_signed(path: Path | str, extra_keys: list[Path] | None = None) -> Verified:
    return verify_signed_bytes(read_bytes(path, "ruleset file"), str(path), extra_keys)


@dataclass(frozen=True, slots=True)
class VerifiedAny:
    """A verified ruleset of either format (``rasdesk compute``, ``ruleset verify``)."""

    ruleset: AnyRuleset
    signed_bytes: bytes
    payload: bytes


def verify_signed_any_bytes(
    data: bytes, source: str, extra_keys: list[Path] | None = None
) -> VerifiedAny:
    """Like ``verify_signed_bytes``, for a format-1 or format-2 ruleset (by its ``format``;
    a later format is refused saying to update rasdesk)."""
    envelope = read_envelope(data, source)
    keys = {kid: tk.key for kid, tk in trusted_keys(extra_keys).items()}
    payload = verify_envelope(envelope, keys, source)
    return VerifiedAny(parse_any(payload, f"{source} (signed content)"), data, payload)


def load_signed_any(path: Path | str, extra_keys: list[Path] | None = None) -> VerifiedAny:
    """Like ``load_signed``, for a format-1 or format-2 ruleset (by its ``format``)."""
    return verify_signed_any_bytes(read_bytes(path, "ruleset file"), str(path), extra_keys)


def check_in_force(ruleset: AnyRuleset, on: dt.date, source: str) -> None:
    """Refuse a ruleset that is not in force on ``on`` (both ends inclusive)."""
    day = on.isoformat()
    if day < ruleset.effective_from:
        raise InputError(
            f"{source}: ruleset {ruleset.id} {ruleset.version} starts on {ruleset.effective_from}; "
            f"it cannot be used for an assessment on {day}"
        )
    if ruleset.effective_to is not None and day > ruleset.effective_to:
        raise InputError(
            f"{source}: ruleset {ruleset.id} {ruleset.version} ended on {ruleset.effective_to} "
            f"and cannot be used for a new assessment on {day}; install the current ruleset"
        )


def install(
    path: Path | str, extra_keys: list[Path] | None = None, today: dt.date | None = None
) -> VerifiedAny:
    """Verify and keep a signed ruleset (format 1 or 2), and make it the one new
    assessments use."""
    verified = load_signed_any(path, extra_keys)
    ruleset = verified.ruleset
    day = today or dt.date.today()
    if ruleset.effective_to is not None and day.isoformat() > ruleset.effective_to:
        raise InputError(
            f"{path}: ruleset {ruleset.id} {ruleset.version} ended on {ruleset.effective_to}; it cannot be installed for new assessments"
        )
    folder = paths.rulesets_dir()
    target = folder / f"{ruleset.sha256}.ruleset.signed.json"
    if not target.exists():
        write_atomic(target, verified.signed_bytes)
    pointer = {
        "sha256": ruleset.sha256,
        "id": ruleset.id,
        "version": ruleset.version,
        "installed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    write_atomic(folder / "current.json", (json.dumps(pointer, indent=2) + "\n").encode())
    return verified


def installed_path(sha256: str) -> Path:
    return paths.rulesets_dir() / f"{sha256}.ruleset.signed.json"


def current_sha256() -> str | None:
    pointer = paths.rulesets_dir() / "current.json"
    if not pointer.exists() and not pointer.is_symlink():
        return None
    try:
        sha = read_json(pointer, "ruleset pointer", MAX_SMALL_BYTES)["sha256"]
    except (InputError, KeyError, TypeError):
        raise RulesetError(
            f"{pointer} is damaged; install the ruleset again with: rasdesk ruleset install"
        ) from None
    return str(sha)
