"""Format-2 rulesets and cases on a real rasdesk-server process, on SQLite and PostgreSQL:
published and served as signed; every worked example of resources/examples sent as a
case and recomputed to the penny by the server; a tampered amount or part refused (and
flagged in the export when an older server kept it); the exports state each amount with
its period, the council's part, the other funders' parts and the total."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk.domain.bundle import seal
from rasdesk.domain.expect_v2 import differences
from rasdesk.domain.signing import public_pem, read_envelope, sign_envelope
from rasdesk.server import variance
from rasdesk.server.export import COLUMNS
from rasdesk.server.variance_pdf import render_variance
from tests.server.conftest import new_database
from tests.server.helpers import Bundles, call, enrol, put, store_raw
from tests.server.helpers_v2 import (
    DEMO_V2,
    SIGNED,
    bundle_v2,
    lines,
    part_of,
    ruleset_of,
    sealed,
)
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
    server_cli,
)

LINES = lines()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def v2_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """A server with the format-1 demo, the format-2 demo and the four examples published."""
    url = new_database(request.param, request, tmp_path_factory.mktemp("v2"))
    for signed in (DEMO_RULESET, DEMO_V2, *SIGNED.values()):
        publish_ruleset(url, signed, DEMO_KEY)
    with running_server(url) as running:
        yield running


@pytest.fixture(scope="module")
def v2_token(v2_server: ServerProcess) -> tuple[str, str]:
    """(device id, token) of a device enrolled for Sam Patel."""
    return enrol(v2_server.api, enrol_code(v2_server.database, "Sam Patel"))


def test_format2_rulesets_are_served_exactly_as_published(
    v2_server: ServerProcess, v2_token: tuple[str, str]
) -> None:
    status, body = call("GET", f"{v2_server.api}/rulesets/current", token=v2_token[1])
    assert status == 200
    served = {
        read_envelope(json.dumps(e).encode()).payload: e for e in body["rulesets"]
    }  # payload bytes → envelope
    for signed in (DEMO_V2, *SIGNED.values()):
        envelope = json.loads(signed.read_bytes())
        payload = read_envelope(signed.read_bytes()).payload
        assert served[payload] == envelope, signed.name
        assert json.loads(payload)["format"] == "rasdesk-ruleset/2"
    assert len(served) == 6  # the format-1 demo too
    assert body["formats"] == ["rasdesk-ruleset/1", "rasdesk-ruleset/2"]  # what it reads


def test_every_worked_example_is_received_and_recomputed_to_the_penny(
    v2_server: ServerProcess, v2_token: tuple[str, str]
) -> None:
    sent = {}
    for i, line in enumerate(LINES):
        data = sealed(bundle_v2(ruleset_of(SIGNED[line.example]), line.doc, f"Person {i}"))
        status, body = put(v2_server.api, v2_token[1], data)
        assert status == 201, (line.example, body)
        sent[body["version_uuid"]] = line
    rows = {r["version_uuid"]: r for r in export_rows(v2_server.database)}
    for vid, line in sent.items():
        row = rows[vid]
        assert row["recompute_agrees"] is True, row["recompute_problem"]
        assert row["weekly"] is None and row["annual"] is None  # not format 1's fields
        # What the export states is what the worked example says, to the penny.
        as_result = {"amounts": [_as_result_amount(a) for a in row["amounts"]]}
        money = {k: v for k, v in line.expect.items() if _exported(k)}
        assert money, line.expect
        assert differences(as_result, money) == [], (line.example, money)


def _exported(path: str) -> bool:
    """Whether an expect path names a figure the export states."""
    names = path.split(".")
    if names[0] in ("sections", "questions", "facts"):
        return False
    if names[1] in ("council", "total", "funders", "also", "period", "for"):
        return True
    return len(names) == 4 and names[1] == "parts" and names[3] in ("amount", "in_amount_period")


def _as_result_amount(a: dict[str, object]) -> dict[str, object]:
    """An exported amount read back in the result's shape (for the expect paths)."""
    return {
        **a,
        "period": {"per": a["period"], "covers": a["covers"]},
        "also": [{**x, "period": {"per": x["period"]}} for x in a["also"]],  # type: ignore[attr-defined]
        "parts": [{**p, "period": {"per": p["period"]}} for p in a["parts"]],  # type: ignore[attr-defined]
    }


def test_a_tampered_amount_or_part_is_refused_and_named(
    v2_server: ServerProcess, v2_token: tuple[str, str]
) -> None:
    c = next(line for line in LINES if "support.funders.nhs" in line.expect)
    ruleset = ruleset_of(SIGNED["c"])
    good = bundle_v2(ruleset, c.doc, "Nia Evans")
    nursing = part_of(good["result"], "support", "nursing")
    assert nursing["funder"] == "nhs" and Decimal(nursing["amount"]) > 0
    # One penny more on the NHS part, everything else as computed: refused, named.
    tampered = json.loads(json.dumps(good))
    part = part_of(tampered["result"], "support", "nursing")
    part["amount"] = str(Decimal(part["amount"]) + Decimal("0.01"))
    status, body = put(v2_server.api, v2_token[1], sealed(tampered))
    assert (status, body["error"]) == (422, "result_mismatch")
    [reason] = body["reasons"]
    assert (
        f"amounts.support.parts.nursing.amount: the bundle says {part['amount']}, "
        f"the server {nursing['amount']}" in reason
    ), reason
    # The council's total moved by £10 and the NHS figure with it: each field is named.
    moved = json.loads(json.dumps(good))
    amount = moved["result"]["amounts"][0]
    amount["council"] = str(Decimal(amount["council"]) + 10)
    amount["funders"]["nhs"] = "0.00"
    status, body = put(v2_server.api, v2_token[1], sealed(moved))
    assert (status, body["error"]) == (422, "result_mismatch")
    assert "amounts.support.council: the bundle says" in body["reasons"][0]
    assert "amounts.support.funders.nhs: the bundle says 0.00" in body["reasons"][0]
    # Answers that the ruleset refuses: named, never a 500.
    wrong = json.loads(json.dumps(good))
    wrong["answers"]["pc_hours"] = {"not_applicable": True}
    status, body = put(v2_server.api, v2_token[1], sealed(wrong))
    assert (status, body["error"]) == (422, "result_mismatch")
    assert "pc_hours" in body["reasons"][0] and "not applicable" in body["reasons"][0]
    # As an older server might have kept it: the export flags it, and keeps its figures.
    tampered.update(case_uuid=good["case_uuid"], version_uuid=good["version_uuid"])
    store_raw(v2_server.database, seal(tampered)[0], v2_token[0])
    [row] = [
        r for r in export_rows(v2_server.database) if r["version_uuid"] == good["version_uuid"]
    ]
    assert row["recompute_agrees"] is False
    assert "amounts.support.parts.nursing.amount" in row["recompute_problem"]
    [exported] = row["amounts"]
    assert next(p for p in exported["parts"] if p["id"] == "nursing")["amount"] == part["amount"]


def test_answer_records_are_checked_by_shape_before_anything(
    v2_server: ServerProcess, v2_token: tuple[str, str]
) -> None:
    a = next(line for line in LINES if line.example == "a")
    doc = bundle_v2(ruleset_of(SIGNED["a"]), a.doc)
    doc["answers"]["washing"] = {"agreed": "all", "views": {"person": {"x": 1}}, "mood": "?"}
    doc["answers"]["dressing"] = {"not_applicable": False}
    doc["answered_by"] = "neighbour"
    doc["linked"] = {"questionnaire": "person"}
    status, body = put(v2_server.api, v2_token[1], sealed(doc))
    assert (status, body["error"]) == (422, "invalid_bundle")
    text = "\n".join(body["reasons"])
    for field in (
        "$.answers.washing has an unknown field 'mood'",
        "$.answers.washing.views.person",
        "$.answers.dressing.not_applicable must be true",
        "$.answered_by",
        "$.linked",
    ):
        assert field in text, (field, text)


def test_exports_state_each_amount_and_part_with_period_and_funder(
    v2_server: ServerProcess, v2_token: tuple[str, str], tmp_path: Path
) -> None:
    c = next(line for line in LINES if "support.funders.nhs" in line.expect)
    d = next(
        line for line in LINES if line.example == "d" and "carer_allocation" in str(line.expect)
    )
    b = next(line for line in LINES if line.example == "b")
    sent = {}
    for key, line in (("c", c), ("d", d), ("b", b)):
        doc = bundle_v2(ruleset_of(SIGNED[line.example]), line.doc, f"Export {key}")
        status, body = put(v2_server.api, v2_token[1], sealed(doc))
        assert status == 201, body
        sent[key] = (body["version_uuid"], doc["result"])
    amounts = export_rows(v2_server.database, "amounts")
    parts = export_rows(v2_server.database, "parts")
    by_version: dict[str, list[dict[str, str]]] = {}
    for row in amounts:
        by_version.setdefault(row["version_uuid"], []).append(row)

    # c: a week; the council's part and the NHS part apart, and the total of both.
    vid, result = sent["c"]
    [support] = by_version[vid]
    want = result["amounts"][0]
    assert (support["amount"], support["period"], support["ruleset_format"]) == (
        "support",
        "week",
        "2",
    )
    assert support["council"] == want["council"] == want["funders"]["council"]
    assert support["nhs"] == want["funders"]["nhs"] and Decimal(support["nhs"]) > 0
    assert Decimal(support["council"]) + Decimal(support["nhs"]) == Decimal(support["total"])
    assert support["ilf"] == "" and support["other"] == ""
    assert support["year_total"] == next(x["total"] for x in want["also"] if x["period"]["per"] == "year")  # fmt: skip
    nursing = next(p for p in parts if p["version_uuid"] == vid and p["part"] == "nursing")
    assert (nursing["funder"], nursing["part_period"], nursing["amount_period"]) == ("nhs", "week", "week")  # fmt: skip
    assert nursing["part_amount"] == support["nhs"]

    # d: one assessment, two amounts, each with its own period and whose it is.
    vid, result = sent["d"]
    rows = by_version[vid]
    assert [r["amount"] for r in rows] == [a["id"] for a in result["amounts"]]
    for row, want in zip(rows, result["amounts"], strict=True):
        assert (row["amount_for"], row["period"], row["total"]) == (
            want["for"],
            want["period"]["per"],
            want["total"],
        )
    # b: a one-off for the next 12 months, said so, never turned into a week or a year.
    vid, result = sent["b"]
    [carer] = by_version[vid]
    assert carer["period"] == "one_off" and "12 months" in carer["period_covers"]
    assert carer["week_total"] == carer["year_total"] == ""
    jsonl = {r["version_uuid"]: r for r in export_rows(v2_server.database)}
    assert jsonl[vid]["amounts"][0]["covers"] == carer["period_covers"]
    csv_rows = {r["version_uuid"]: r for r in export_rows(v2_server.database, "csv")}
    assert csv_rows[vid]["weekly"] == "" and csv_rows[vid]["recompute_agrees"] == "true"


def test_format1_versions_keep_their_export_and_read_as_one_weekly_amount(
    v2_server: ServerProcess, v2_token: tuple[str, str], bundles: Bundles
) -> None:
    status, body = put(v2_server.api, v2_token[1], bundles.fresh())
    assert status == 201, body
    vid = body["version_uuid"]
    [row] = [r for r in export_rows(v2_server.database) if r["version_uuid"] == vid]
    assert "amounts" not in row and row["weekly"] is not None  # the JSON row as before
    with_columns = export_rows(v2_server.database, "csv")
    assert list(with_columns[0]) == list(COLUMNS)  # the CSV's columns as before
    [amount] = [r for r in export_rows(v2_server.database, "amounts") if r["version_uuid"] == vid]
    assert (amount["amount"], amount["period"], amount["ruleset_format"]) == ("budget", "week", "1")
    assert amount["council"] == amount["total"] == row["weekly"]
    assert amount["year_total"] == row["annual"] and amount["nhs"] == ""
    [part] = [r for r in export_rows(v2_server.database, "parts") if r["version_uuid"] == vid]
    assert (part["part"], part["funder"], part["part_amount"]) == (
        "budget",
        "council",
        row["weekly"],
    )


def test_publish_ruleset_reads_format2_and_refuses_a_later_format_in_words(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "s.db")
    done = server_cli("publish-ruleset", "--database", db, DEMO_V2, "--trust", DEMO_KEY)
    assert "Published demo-council-ras-v2 2026.2" in done.stdout
    # The same trust checks as format 1: another key (3), a changed payload (3).
    other = Ed25519PrivateKey.generate()
    (tmp_path / "other.pem").write_bytes(public_pem(other.public_key()))
    wrong = server_cli(
        "publish-ruleset", "--database", db, DEMO_V2, "--trust", tmp_path / "other.pem", check=False
    )
    assert wrong.returncode == 3 and "does not trust" in wrong.stderr
    envelope = json.loads(DEMO_V2.read_bytes())
    doc = json.loads(base64.b64decode(envelope["payload"]))
    changed = dict(envelope, payload=base64.b64encode(json.dumps(dict(doc, council="X")).encode()).decode())  # fmt: skip
    (tmp_path / "changed.json").write_text(json.dumps(changed))
    bad = server_cli(
        "publish-ruleset", "--database", db, tmp_path / "changed.json", "--trust", DEMO_KEY, check=False
    )  # fmt: skip
    assert bad.returncode == 3 and "Traceback" not in bad.stderr
    # A later format, signed by a trusted key: exit 2, one plain sentence, nothing kept.
    later = dict(doc, format="rasdesk-ruleset/3\x1b[2J")
    (tmp_path / "later.json").write_bytes(sign_envelope(json.dumps(later).encode(), other))
    done = server_cli(
        "publish-ruleset", "--database", db, tmp_path / "later.json", "--trust", tmp_path / "other.pem", check=False
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert '"rasdesk-ruleset/3\\u001b[2J" ruleset' in done.stderr and "\x1b" not in done.stderr
    assert "update rasdesk" in done.stderr and "allocation" not in done.stderr
    assert "Traceback" not in done.stderr
    # A format-2 document that is not valid: exit 2 with the JSON path of each problem.
    broken = dict(doc, rates=[{"id": "x", "label": {"en": "x"}, "amount": "-1", "unit": "hour"}])
    (tmp_path / "broken.json").write_bytes(sign_envelope(json.dumps(broken).encode(), other))
    done = server_cli(
        "publish-ruleset", "--database", db, tmp_path / "broken.json", "--trust", tmp_path / "other.pem", check=False
    )  # fmt: skip
    assert done.returncode == 2 and "$.rates[0]" in done.stderr, done.stderr
    current = json.loads(server_cli("export", "--database", db, "--format", "jsonl").stdout or "[]")
    assert current == []
    with running_server(db) as server:
        token = enrol(server.api, enrol_code(db, "Sam Patel"))[1]
        served = call("GET", f"{server.api}/rulesets/current", token=token)[1]["rulesets"]
    assert served == [envelope]  # only the one that was published


def test_variance_never_puts_amounts_of_different_periods_together(tmp_path: Path) -> None:
    def row(case: str, indicative: str, final: str, period: str | None) -> dict[str, object]:
        return {
            "case_uuid": case, "council_ref": None, "ruleset_id": "r", "ruleset_version": "1",
            "questionnaire": "carer", "indicative": indicative, "final": final,
            "reason_category": "other", "need_areas": [], "received_at": "2026-05-01",
            "period": period,
        }  # fmt: skip

    rows = [
        row("a", "300.00", "330.00", "week"),
        row("b", "250.00", "400.00", "one_off"),
        row("c", "150.00", "150.00", "one_off"),
        row("d", "100.00", "90.00", None),  # a format-1 export row before periods: a week
    ]
    doc = variance.report(variance.decided_cases(rows, None, None))
    groups = {g["period"]: g for g in doc["groups"]}
    assert set(groups) == {"week", "one_off"}
    assert (groups["week"]["cases"], groups["week"]["total_indicative"]) == (2, "400.00")
    assert (groups["one_off"]["cases"], groups["one_off"]["total_final"]) == (2, "550.00")
    percents = {variance.group_key(c): [] for c in variance.decided_cases(rows, None, None)}
    pdf = tmp_path / "variance.pdf"
    pdf.write_bytes(render_variance(doc, percents, "Test Council"))  # type: ignore[arg-type]
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "questionnaire “carer”, amounts paid once" in text


def test_a_format1_case_cannot_carry_format2_answers(
    v2_server: ServerProcess, v2_token: tuple[str, str], bundles: Bundles
) -> None:
    status, body = put(v2_server.api, v2_token[1], bundles.fresh(answered_by="carer"))
    assert (status, body["error"]) == (422, "result_mismatch")
    assert "answered_by: only a case of a format-2 ruleset" in body["reasons"][0]
    record = {"washing": {"agreed": "lots", "evidence": "seen"}}
    status, body = put(v2_server.api, v2_token[1], bundles.fresh(answers=record))
    assert (status, body["error"]) == (422, "result_mismatch")
    assert "washing" in body["reasons"][0]
