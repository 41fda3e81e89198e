"""The administrator's policy file beyond plain values: the ruleset keys it names, a
thorough check of a policy file before it is deployed, and the policy's JSON Schema.

``settings.load()`` checks the shape of every setting whenever rasdesk starts. The keys are
read here, when trust is needed (``platform.trust``); ``check_file`` (``rasdesk policy
check FILE``) also reads every file the policy names — key files, the CA bundle — so
council IT can find every mistake on their own machine before it reaches the laptops.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.signing import keyid_of, load_public_key
from rasdesk.platform import setting_checks, settings
from rasdesk.platform.files import MAX_SMALL_BYTES, read_bytes

SCHEMA_ID = "https://rasdesk.invalid/schemas/policy-v1.json"


@dataclass(frozen=True, slots=True)
class PolicyKey:
    """A ruleset key named in the policy's ``trusted_keys``."""

    name: str
    keyid: str
    key: Ed25519PublicKey
    where: str  # the JSON path of its entry, e.g. $.trusted_keys[0]
    file: Path | None  # its PEM file, when the entry gives one


def _pem_text(text: str) -> bytes:
    # The one-line base64 body of a PEM public key is accepted as well as the whole PEM.
    body = text.strip()
    if not body.startswith("-----BEGIN"):
        body = f"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----"
    return (body + "\n").encode()


def read_keys(entries: list[dict[str, Any]]) -> tuple[list[PolicyKey], list[Problem]]:
    """The keys ``entries`` name (file paths already absolute), and every problem."""
    keys: list[PolicyKey] = []
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        where = f"$.trusted_keys[{i}]"
        file = Path(entry["file"]) if "file" in entry else None
        try:
            if file is not None:
                try:
                    pem = read_bytes(file, "public key file", MAX_SMALL_BYTES)
                except InputError as exc:  # missing, a device, too big: bounded, and said
                    problems.append(Problem(f"{where}.file", f"cannot read {file}: {exc}"))
                    continue
                key = load_public_key(pem, str(file))
            else:
                key = load_public_key(_pem_text(entry["pem"]), "this entry")
        except InputError as exc:
            problems.append(Problem(f"{where}.{'file' if file else 'pem'}", str(exc)))
            continue
        keyid = keyid_of(key)
        if entry.get("keyid", keyid) != keyid:
            problems.append(
                Problem(
                    f"{where}.keyid",
                    f"the key's id is {keyid}, not {entry['keyid']}: is this the right key?",
                )
            )
            continue
        keys.append(PolicyKey(entry["name"], keyid, key, where, file))
    return keys, problems


def policy_keys(current: settings.Settings | None = None) -> list[PolicyKey]:
    """The keys the policy trusts. A key it names but that cannot be used is an error naming
    the policy file and the entry: it never silently trusts fewer keys than IT meant."""
    current = current or settings.load()
    keys, problems = read_keys(current["trusted_keys"])
    if problems:
        path = settings.policy_file()
        raise InputError(
            f"{path} names ruleset keys that cannot be used; your IT team must fix them",
            [Problem(f"{path}: {p.path}", p.message) for p in problems],
        )
    return keys


def check_file(path: Path) -> dict[str, Any]:
    """Check a policy file as rasdesk would read it, and also every file it names. Returns
    the settings it sets; raises InputError listing every problem, each naming the field."""
    if not path.exists() and not path.is_symlink():
        raise InputError(f"{path}: no such policy file; check the path")
    data = settings.read_file(path, policy=True)  # the shape of every setting
    problems: list[Problem] = []
    if "trusted_keys" in data:
        problems += read_keys(data["trusted_keys"])[1]
    if data.get("ca_bundle"):
        problems += _ca_bundle_problems(Path(data["ca_bundle"]))
    if problems:
        raise InputError(
            f"{path} names files rasdesk cannot use",
            [Problem(f"{path}: {p.path}", p.message) for p in problems],
        )
    return data


def _ca_bundle_problems(bundle: Path) -> list[Problem]:
    try:
        certificates = x509.load_pem_x509_certificates(
            read_bytes(bundle, "CA bundle", MAX_SMALL_BYTES)
        )
    except InputError as exc:
        return [Problem("$.ca_bundle", str(exc))]
    except ValueError:
        return [
            Problem(
                "$.ca_bundle", f"{bundle} holds no PEM certificates (-----BEGIN CERTIFICATE-----)"
            )
        ]
    if not certificates:
        return [Problem("$.ca_bundle", f"{bundle} holds no certificates")]
    return []


def schema() -> dict[str, Any]:
    """The policy file's JSON Schema (2020-12), made from the settings' own declarations."""
    properties: dict[str, Any] = {"$schema": {"type": "string"}}
    for s in settings.SETTINGS:
        properties[s.name] = {
            "description": s.meaning,
            "default": s.default,
            **setting_checks.SCHEMAS[s.check.__name__],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "rasdesk administrator policy (policy.json)",
        "description": "Machine-wide settings set by council IT; each one set here beats the "
        "user's own and is shown as managed. See docs/policy.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
