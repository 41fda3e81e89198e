"""A format-2 ruleset from the council to the laptop and a format-2 case back, with a real
rasdesk-server process on SQLite and on a real PostgreSQL: the laptop downloads the
ruleset with the same trust checks as format 1, makes it current, computes and finalises a
case with it, sends it; the server recomputes it with the format-2 engine and agrees, and
its export states the amount's parts with their funders. A ruleset in a format this
rasdesk does not read is refused in words ("update rasdesk"); the others still install."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.server.conftest import new_database
from tests.server.helpers_v2 import DEMO_V2, SIGNED, lines
from tests.storage.helpers import DEMO
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    export_rows,
    publish_ruleset,
    running_server,
)
from tests.sync.conftest import FAST, enrol_with, sqlite_database
from tests.sync.proxy import FaultProxy

from rasdesk.domain.signing import public_pem, sign_envelope
from rasdesk.platform import rulesets, trust
from rasdesk.server.clock import now
from rasdesk.server.db import Database
from rasdesk.storage import lifecycle, outbox
from rasdesk.storage.store import CaseStore, Person
from rasdesk.sync import run_sync
from rasdesk.sync.upload import FORMAT_V2_RESULT

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(params=["sqlite", "postgresql"])
def v2_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = new_database(request.param, request, tmp_path)
    publish_ruleset(url, DEMO_V2, DEMO_KEY)
    return url


def _later_format(database: str, folder: Path) -> str:
    """A "rasdesk-ruleset/3" ruleset, signed with a key the laptop trusts, put straight
    into the server's table as a later server would publish it. Returns its id."""
    envelope = json.loads(DEMO_V2.read_text("utf-8"))
    doc = json.loads(base64.b64decode(envelope["payload"]))
    doc.update(format="rasdesk-ruleset/3", id="later-format-ras")
    payload = json.dumps(doc).encode()
    key = Ed25519PrivateKey.generate()
    (folder / "later.pem").write_bytes(public_pem(key.public_key()))
    trust.add_key(folder / "later.pem")
    signed = sign_envelope(payload, key)
    db = Database.open(database)
    try:
        with db.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO rulesets (sha256, ruleset_id, version, council, signed, published_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                ("3" * 64, "later-format-ras", "1", "Later Council", signed, now()),
            )
    finally:
        db.close()
    return "later-format-ras"


def test_format2_ruleset_down_and_format2_case_up(
    v2_database: str, store: CaseStore, tmp_path: Path
) -> None:
    later = _later_format(v2_database, tmp_path)
    with running_server(v2_database) as server:
        enrol_with(server)
        report = run_sync(store, options=FAST)
        # The format-2 ruleset: verified against this laptop's trust store, kept, current.
        [installed] = report.rulesets_installed
        assert (installed.ruleset_id, installed.made_current) == ("demo-council-ras-v2", True)
        assert rulesets.current_sha256() == installed.sha256
        # The later format: refused in words, not a trust failure; the run went on.
        [refused] = report.rulesets_refused
        assert refused.ruleset_id == later and refused.trust is False
        assert '"rasdesk-ruleset/3"' in (refused.reason or "")
        assert "update rasdesk" in (refused.reason or "")
        assert report.exit_code == 1

        # A case computed with what was downloaded, finalised and sent.
        verified = rulesets.load_signed_any(rulesets.installed_path(installed.sha256))
        case_uuid, _ = store.new_case(
            Person("Ffion Morgan", council_ref="V2-0001"),
            "person",
            verified.ruleset,
            verified.signed_bytes,
        )
        answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())
        for question, value in answers["answers"].items():
            store.set_answer(case_uuid, question, value)
        lifecycle.finalise(store, case_uuid)
        report = run_sync(store, options=FAST)
        [sent] = report.sent
        assert sent.case_uuid == case_uuid and not report.quarantined

    [row] = export_rows(v2_database)
    assert row["case_uuid"] == case_uuid and row["ruleset_sha256"] == installed.sha256
    assert row["recompute_agrees"] is True, row["recompute_problem"]
    [amount] = row["amounts"]
    bundle = json.loads(store.db.execute(
        "SELECT bundle FROM versions WHERE case_uuid = ?", (case_uuid,)
    ).fetchone()[0])  # fmt: skip
    [mine] = bundle["result"]["amounts"]
    assert (amount["council"], amount["total"]) == (mine["council"], mine["total"])
    funders = {p["id"]: p["funder"] for p in amount["parts"]}
    assert funders == {"personal_budget": "council", "night_support": "council", "nursing": "nhs"}
    assert amount["funders"]["nhs"] == mine["funders"]["nhs"] != "0.00"
    parts = export_rows(v2_database, "parts")
    assert {(p["part"], p["funder"]) for p in parts} == set(funders.items())


def test_a_server_older_than_format2_is_named_and_nothing_is_lost(
    store: CaseStore, tmp_path: Path
) -> None:
    """A laptop with a format-2 ruleset (installed by hand) and a server that does not read
    format 2 (its rulesets answer lists no formats, as before format 2): the case is
    quarantined with words that say what to do; once the server takes it, it goes."""
    database = sqlite_database(tmp_path)
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)  # the server has format 1 only
    verified = rulesets.install(DEMO_V2)
    case_uuid, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())
    for question, value in answers["answers"].items():
        store.set_answer(case_uuid, question, value)
    lifecycle.finalise(store, case_uuid)
    old = lambda method, path: "before-format2" if path.endswith("/rulesets/current") else None  # noqa: E731
    with running_server(database) as server, FaultProxy(server.url, old) as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=FAST)
        [held] = report.quarantined
        reason = held.reason or ""
        assert reason.startswith("this case was assessed with a format-2 ruleset, and the council's server is older than format 2 (it reads only rasdesk-ruleset/1)")  # fmt: skip
        assert "upgrade rasdesk-server" in reason and "--retry-quarantined" in reason
        assert "The server said:" in reason and "unknown_ruleset" in reason
        assert proxy.faults["before-format2"] == 1
        # The administrator upgrades the server (here: it answers as it is) and publishes.
        publish_ruleset(database, DEMO_V2, DEMO_KEY)
        proxy.decide = lambda method, path: None
        assert outbox.requeue_quarantined(store) == 1
        report = run_sync(store, options=FAST)
        assert [n.case_uuid for n in report.sent] == [case_uuid] and not report.quarantined
    [row] = export_rows(database)
    assert row["recompute_agrees"] is True and row["amounts"][0]["id"] == "budget"


def test_a_refusal_by_a_format2_server_is_passed_on_unchanged(
    v2_database: str, store: CaseStore
) -> None:
    """A server that reads format 2 and refuses a format-2 case (here: its ruleset, example
    c, was not published there) gives its own words, with no guess about its age."""
    verified = rulesets.load_signed_any(SIGNED["c"])
    line = next(line for line in lines() if line.example == "c")
    case_uuid, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in line.doc["answers"].items():
        store.set_answer(case_uuid, question, value)
    lifecycle.finalise(store, case_uuid)
    data = store.db.execute("SELECT bundle FROM versions WHERE case_uuid = ?", (case_uuid,))
    assert FORMAT_V2_RESULT in data.fetchone()[0]  # what the laptop looks for
    with running_server(v2_database) as server:
        enrol_with(server)
        report = run_sync(store, options=FAST)
    [held] = report.quarantined
    assert "unknown_ruleset" in (held.reason or "") and "publish-ruleset" in (held.reason or "")
    assert "older than format 2" not in (held.reason or "")
