"""The policy's JSON Schema (for council IT's editors and deployment tools) is the one
rasdesk makes from its own setting declarations, and it accepts and refuses the same
policies as rasdesk's checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rasdesk.domain.errors import InputError
from rasdesk.platform import policy, settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "packaging" / "policy.schema.json"
PEM_BODY = "MCowBQYDK2VwAyEApsBVeMunF45EfWPv9A0IXQHeLRIODs645pUu2WKBUFQ="

GOOD: list[dict[str, Any]] = [
    {},
    {"$schema": "./policy.schema.json"},
    {"server_url": ""},
    {"server_url": "https://ras.council.example"},
    {"server_url": "https://ras.council.example:8443/rasdesk"},
    {"server_url": "http://127.0.0.1:8080"},
    {"server_url": "http://localhost"},
    {"inactivity_lock_minutes": 1},
    {"inactivity_lock_minutes": 240},
    {"draft_max_age_days": 1},
    {"draft_max_age_days": 3650},
    {"languages": ["cy"]},
    {"languages": ["cy", "en"]},
    {"allow_user_keys": False},
    {"ca_bundle": "/etc/rasdesk/council-ca.pem", "assessor_name": ""},
    {"trusted_keys": []},
    {"trusted_keys": [{"name": "RAS team", "file": "keys/ras.pem"}]},
    {"trusted_keys": [{"name": "RAS team", "pem": PEM_BODY, "keyid": "a" * 64}]},
]
BAD: list[dict[str, Any]] = [
    {"lock": 5},
    {"server_url": "http://ras.council.example"},
    {"server_url": "ftp://ras.council.example"},
    {"server_url": "https://ras.council.example/?a=1"},
    {"server_url": "ras.council.example"},
    {"server_url": 5},
    {"inactivity_lock_minutes": 0},
    {"inactivity_lock_minutes": 241},
    {"inactivity_lock_minutes": "5"},
    {"inactivity_lock_minutes": True},
    {"draft_max_age_days": 0},
    {"draft_max_age_days": 3651},
    {"draft_max_age_days": "90"},
    {"languages": []},
    {"languages": ["fr"]},
    {"languages": ["en", "en"]},
    {"languages": "en"},
    {"allow_user_keys": "false"},
    {"allow_user_keys": 0},
    {"ca_bundle": 1},
    {"trusted_keys": "keys/ras.pem"},
    {"trusted_keys": [{"file": "keys/ras.pem"}]},
    {"trusted_keys": [{"name": "RAS", "file": "a.pem", "pem": PEM_BODY}]},
    {"trusted_keys": [{"name": "RAS"}]},
    {"trusted_keys": [{"name": " ", "file": "a.pem"}]},
    {"trusted_keys": [{"name": "RAS", "file": "a.pem", "keyid": "A" * 64}]},
    {"trusted_keys": [{"name": "RAS", "file": "a.pem", "other": 1}]},
    {"trusted_keys": ["keys/ras.pem"]},
]


def test_the_committed_schema_is_the_one_rasdesk_makes() -> None:
    assert SCHEMA_FILE.read_text("utf-8") == policy.schema_text(), (
        "packaging/policy.schema.json is out of date: "
        "rasdesk policy schema > packaging/policy.schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text("utf-8")))
    described = set(json.loads(SCHEMA_FILE.read_text("utf-8"))["properties"]) - {"$schema"}
    assert described == set(settings.BY_NAME)


def rasdesk_accepts(rasdesk_home: Path, doc: dict[str, Any]) -> bool:
    path = rasdesk_home / "site" / "policy.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc))
    try:
        settings.load()
    except InputError:
        return False
    return True


# (Pairs, not `doc in GOOD`: in Python {"x": 0} == {"x": False}.)
@pytest.mark.parametrize(
    ("doc", "good"),
    [(d, True) for d in GOOD] + [(d, False) for d in BAD],
    ids=lambda v: json.dumps(v)[:60],
)
def test_schema_and_rasdesk_agree(rasdesk_home: Path, doc: dict[str, Any], good: bool) -> None:
    validator = jsonschema.Draft202012Validator(policy.schema())
    schema_ok = not list(validator.iter_errors(doc))
    assert schema_ok == rasdesk_accepts(rasdesk_home, doc) == good


def test_the_example_policy_in_the_docs_is_valid() -> None:
    doc = (ROOT / "docs" / "policy.md").read_text("utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    jsonschema.validate(json.loads(example), policy.schema())
