"""``rasdesk-server`` against careless and hostile input (issue 14, items 1, 3, 6, 13, 15):
no traceback, the documented exit code, private files, an export that is whole or absent."""

from __future__ import annotations

import socket
import stat
import subprocess
from pathlib import Path

from rasdesk.domain.jsonio import loads_strict
from rasdesk.server.db import Database
from tests.server.helpers import Bundles, enrol, put, store_raw
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    _command,
    enrol_code,
    publish_ruleset,
    running_server,
    server_cli,
)


def _run(*args: str | bytes | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*_command(), *args], capture_output=True, timeout=120)


def _plain(done: subprocess.CompletedProcess[bytes], code: int) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, (done.returncode, err)
    assert "Traceback" not in err and err.startswith(("rasdesk-server", "usage")), err
    return err


def test_bad_arguments_are_exit_2_without_a_traceback(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert "not a port" in _plain(_run("serve", "--database", db, "--port", "99999"), 2)
    err = _plain(_run("enrol-code", "--database", db, "--assessor", b"Sam \xff\xfe"), 2)
    assert "not UTF-8" in err
    assert "not UTF-8" in _plain(_run("revoke", "--database", db, b"\xff"), 2)
    err = _plain(_run("devices", "--database", "postgresql://u:pw@[::1/db"), 2)
    assert "not a PostgreSQL URL" in err and "pw" not in err
    err = _plain(_run("enrol-code", "--database", db, "--assessor", "Sam\x1b]0;owned\x07"), 2)
    assert "control character" in err and "\x1b" not in err


def test_serve_on_a_port_in_use_is_exit_1_before_serving(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = _run("serve", "--database", str(tmp_path / "s.db"), "--port", port)
    err = _plain(done, 1)
    assert "cannot listen" in err and "--port" in err and "serving" not in err


def test_names_are_neutralised_on_the_administrators_terminal(tmp_path: Path) -> None:
    """Item 6: a name an older server let in is shown with its escapes made visible."""
    db = str(tmp_path / "s.db")
    with running_server(db) as server:
        device_id, _ = enrol(server.api, enrol_code(db, "Sam Patel"), "laptop")
    database = Database.open(db)
    with database.connection() as conn, conn.transaction():
        conn.execute(
            "UPDATE devices SET device_name = ?, assessor = ?",
            ("\x1b]0;owned\x07laptop", "Sam\u202e Patel\x9b"),
        )
    database.close()
    for args in (("devices",), ("devices", "--json"), ("revoke", device_id)):
        out = server_cli(*args[:1], "--database", db, *args[1:]).stdout
        assert "laptop" in out
        assert not any(c in out for c in "\x1b\x07\u202e\x9b"), repr(out)


def test_database_and_export_files_are_private(tmp_path: Path, bundles: Bundles) -> None:
    """Item 3: main made the database and its -wal world-readable (0644)."""
    db = tmp_path / "s.db"
    publish_ruleset(str(db), DEMO_RULESET, DEMO_KEY)
    with running_server(str(db)) as server:
        token = enrol(server.api, enrol_code(str(db), "Sam Patel"))[1]
        assert put(server.api, token, bundles.fresh())[0] == 201
        files = sorted(tmp_path.glob("s.db*"))
        assert {f.name for f in files} >= {"s.db", "s.db-wal", "s.db-shm"}
        for f in files:
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    out = tmp_path / "cases.csv"
    server_cli("export", "--database", db, "--format", "csv", "-o", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_goes_on_past_a_bad_row_and_writes_its_file_whole(
    tmp_path: Path, bundles: Bundles
) -> None:
    """Item 1 (export) and 15: one bad row stopped main's export with a TypeError, leaving
    half a file; -o overwrote any file silently."""
    db = str(tmp_path / "s.db")
    publish_ruleset(db, DEMO_RULESET, DEMO_KEY)
    with running_server(db) as server:
        device_id, token = enrol(server.api, enrol_code(db, "Sam Patel"))
        good = [bundles.fresh() for _ in range(3)]
        for data in good[:2]:
            assert put(server.api, token, data)[0] == 201
    doc = loads_strict(bundles.fresh())
    doc["result"]["flags"] = 5  # kept by main; this server refuses it (test_hostile_input)
    from rasdesk.domain.bundle import seal

    store_raw(db, seal(doc)[0], device_id)
    with running_server(db) as server:
        assert put(server.api, token, good[2])[0] == 201
    out = tmp_path / "cases.jsonl"
    out.write_text("yesterday's export\n")
    refused = _run("export", "--database", db, "--format", "jsonl", "-o", out)
    assert "exists" in _plain(refused, 2) and out.read_text() == "yesterday's export\n"
    done = _run("export", "--database", db, "--format", "jsonl", "-o", out, "--force")
    err = _plain(done, 1)
    assert doc["version_uuid"] in err and "could not be exported" in err
    exported = [loads_strict(line)["version_uuid"] for line in out.read_text().splitlines()]
    assert exported == [loads_strict(d)["version_uuid"] for d in good]
    assert not list(tmp_path.glob(".cases.jsonl.*"))  # no temporary file left
    device = _run("export", "--database", db, "--format", "csv", "-o", "/dev/null", "--force")
    assert "not a regular file" in _plain(device, 2)
