"""The administrator's commands of ``rasdesk-server``: output, exit codes, plain errors,
and the schema's migrations."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.signing import public_pem
from rasdesk.platform.paths import demo_dir
from rasdesk.server.db import Database, parse_url
from rasdesk.server.migrations import MIGRATIONS, schema_version
from tests.server.helpers import enrol
from tests.support_server import DEMO_KEY, DEMO_RULESET, enrol_code, running_server, server_cli

DEMO = demo_dir()


def test_enrol_code_prints_only_the_code_and_stores_only_its_hash(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done = server_cli("enrol-code", "--database", db, "--assessor", "Sam Patel")
    code = done.stdout.strip()
    assert len(code) == 19 and code.count("-") == 3
    assert "Sam Patel" in done.stderr and "rasdesk enrol" in done.stderr
    raw = b"".join(f.read_bytes() for f in tmp_path.glob("s.db*"))
    assert hashlib.sha256(code.replace("-", "").encode()).hexdigest().encode() in raw
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw


def test_devices_lists_and_revoke_is_named(database: str) -> None:
    assert "No devices" in server_cli("devices", "--database", database).stdout
    with running_server(database) as server:
        device_id, token = enrol(server.api, enrol_code(database, "Sam Patel"), "SP laptop")
    listed = json.loads(server_cli("devices", "--database", database, "--json").stdout)
    assert [(d["device_id"], d["assessor"], d["device_name"], d["revoked_at"]) for d in listed] == [
        (device_id, "Sam Patel", "SP laptop", None)
    ]
    done = server_cli("revoke", "--database", database, device_id)
    assert "is revoked" in done.stdout and "SP laptop" in done.stdout
    assert "already revoked" in server_cli("revoke", "--database", database, device_id).stdout
    assert "revoked 20" in server_cli("devices", "--database", database).stdout
    unknown = server_cli("revoke", "--database", database, "nope", check=False)
    assert unknown.returncode == 2 and "rasdesk-server devices" in unknown.stderr
    assert token not in server_cli("devices", "--database", database, "--json").stdout


def test_publish_ruleset_verifies_the_signature(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    done = server_cli("publish-ruleset", "--database", db, DEMO_RULESET, "--trust", DEMO_KEY)
    assert "Published demo-council-ras" in done.stdout and "sha256: " in done.stdout
    again = server_cli("publish-ruleset", "--database", db, DEMO_RULESET, "--trust", DEMO_KEY)
    assert "as current again" in again.stdout
    # Signed by a key that is not the one given: a trust failure (3).
    other_key = tmp_path / "other.pem"
    other_key.write_bytes(public_pem(Ed25519PrivateKey.generate().public_key()))
    wrong = server_cli(
        "publish-ruleset", "--database", db, DEMO_RULESET, "--trust", other_key, check=False
    )
    assert wrong.returncode == 3 and "does not trust" in wrong.stderr
    # A bare (unsigned) ruleset: a trust failure; a changed payload: a trust failure.
    bare = server_cli(
        "publish-ruleset",
        "--database",
        db,
        DEMO / "demo.ruleset.json",
        "--trust",
        DEMO_KEY,
        check=False,
    )
    assert bare.returncode == 3 and "not signed" in bare.stderr
    envelope = loads_strict(DEMO_RULESET.read_bytes())
    envelope["payload"] = envelope["payload"][:-8] + "AAAAAAA="
    changed = tmp_path / "changed.signed.json"
    changed.write_text(json.dumps(envelope), "utf-8")
    bad = server_cli("publish-ruleset", "--database", db, changed, "--trust", DEMO_KEY, check=False)
    assert bad.returncode in (2, 3) and str(changed) in bad.stderr
    missing = server_cli(
        "publish-ruleset",
        "--database",
        db,
        tmp_path / "none.json",
        "--trust",
        DEMO_KEY,
        check=False,
    )
    assert missing.returncode == 2 and "none.json: no such" in missing.stderr


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://x/y", "PostgreSQL"),
        ("sqlite://relative.db", "three slashes"),
        ("", "empty"),
    ],
)
def test_a_bad_database_url_is_exit_2(url: str, words: str) -> None:
    done = server_cli("devices", "--database", url, check=False)
    assert done.returncode == 2 and words in done.stderr


def test_a_missing_folder_or_an_unreachable_postgres_is_named(tmp_path: Path) -> None:
    done = server_cli("devices", "--database", tmp_path / "no" / "s.db", check=False)
    assert done.returncode == 2 and str(tmp_path / "no") in done.stderr
    done = server_cli("devices", "--database", "postgresql://u:secret@127.0.0.1:1/db", check=False)
    assert done.returncode == 1
    assert "postgresql://u@127.0.0.1:1/db" in done.stderr and "secret" not in done.stderr


def test_serve_refuses_a_bad_database_before_listening(tmp_path: Path) -> None:
    done = server_cli("serve", "--database", tmp_path / "no" / "s.db", check=False)
    assert done.returncode == 2 and "does not exist" in done.stderr


def test_migrations_are_numbered_and_applied_once(database: str) -> None:
    first = Database.open(database)
    again = Database.open(database)  # a second process starting: nothing to do
    with again.connection() as conn:
        assert schema_version(conn) == len(MIGRATIONS)
        rows = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, len(MIGRATIONS) + 1))
    first.close()
    again.close()


def test_a_database_from_a_newer_server_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Database.open(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version VALUES (99, 'later')")
    done = server_cli("devices", "--database", db, check=False)
    assert done.returncode == 1 and "newer rasdesk-server" in done.stderr


def test_sqlite_urls_and_plain_paths_are_one_database(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    assert parse_url(str(path)) == parse_url(f"sqlite://{path}") == parse_url(f"sqlite:///{path}")
    code = enrol_code(f"sqlite:///{path}", "Sam Patel")
    with running_server(str(path)) as server:
        assert enrol(server.api, code)[0]
