"""Format-2 decided cases on the council's server: bundles made by a real case store (a
plan measured against the council's part, the NHS's part beside it; a second amount of one
assessment chosen for another plan) are received, a council decision is recorded on one,
and the export and the variance report state each against the council's part of the amount
it was measured against, never mixing two amounts of one questionnaire."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.server import decisions as server_decisions
from rasdesk.server import devices, receive, rulesets, variance
from rasdesk.server.db import Database
from rasdesk.server.variance_pdf import render_variance
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore, Person
from tests.storage.helpers import new_store
from tests.storage.test_decisions_v2 import EXAMPLE_D
from tests.support_server import export_rows, server_cli

DEMO = demo_dir()
KEY = DEMO / "DEMO-public-key.pem"
DEMO_V2 = DEMO / "demo-v2.ruleset.signed.json"
SIGNED_D = DEMO.parent / "examples" / "d-person-and-carer" / "person-and-carer.ruleset.signed.json"
TODAY = dt.date(2026, 12, 4)
CARE = {"kind": "Personal care", "provider": "Agency", "unit": "hours", "rate": "24.50"}


def _case(
    store: CaseStore, signed: Path, answers: dict[str, Any], item: dict[str, str], **kw: Any
) -> str:
    verified = load_signed_any(signed, [KEY])
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in answers.items():
        store.set_answer(case, question, value)
    lifecycle.finalise(store, case)
    decisions.add_item(store, case, {**CARE, **item}, **kw)
    decisions.set_mechanism(store, case, "Direct Payment")
    lifecycle.finalise(store, case)
    return case


def _send(db: Database, device: devices.Device, store: CaseStore, case: str) -> None:
    rows = store.db.execute(
        "SELECT version_uuid, bundle FROM versions WHERE case_uuid = ? AND bundle IS NOT NULL"
        " ORDER BY number",
        (case,),
    ).fetchall()
    cache = rulesets.RulesetCache(db)
    for vid, data in rows:
        checked = receive.check_bundle(bytes(data), case, vid)
        receive.store(db, device, checked, bytes(data), cache)


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    folder = tmp_path_factory.mktemp("council-v2")
    url = f"sqlite:///{folder / 'council.db'}"
    db = Database.open(url)
    for signed in (DEMO_V2, SIGNED_D):
        rulesets.publish(db, signed, [KEY])
    code, _ = devices.issue_code(db, "Sam Patel")
    device_id, _ = devices.enrol(db, code, "laptop")
    device = devices.Device(device_id, "Sam Patel")
    store = new_store(folder)
    demo_answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())
    cases = {
        # the demo's person: £586.20 a week of council money, £235.88 of the NHS's
        "nhs": _case(store, DEMO_V2, demo_answers["answers"], {"quantity": "24"}),
        # example (d): the person's planning amount (a year), and its carer allocation
        "person": _case(store, SIGNED_D, EXAMPLE_D, {"quantity": "900", "period": "year"}),
        "carer": _case(
            store,
            SIGNED_D,
            EXAMPLE_D,
            {"quantity": "2", "rate": "30.00", "period": "month"},
            amount="carer_allocation",
        ),
    }
    decisions.decide(  # the first decided on the laptop, the others at the council
        store,
        cases["nhs"],
        final="588.00",
        by="Resource allocation panel",
        reasons="Two more hours of personal care.",
        category="needs_not_captured",
        today=TODAY,
    )
    for case in cases.values():
        _send(db, device, store, case)
    server_decisions.record_decision(
        db,
        cases["person"],
        {"final": "22050.00", "by": "Jo Bloggs, team manager", "reasons": "Local costs.",
         "category": "local_costs"},
        today=TODAY,
    )  # fmt: skip
    server_decisions.record_decision(
        db, cases["carer"], {"final": "600.00", "by": "Jo Bloggs, team manager"}, today=TODAY
    )
    store.close()
    db.close()
    return url, cases


def test_the_export_states_the_council_part_of_the_planned_amount(
    council: tuple[str, dict[str, str]],
) -> None:
    url, cases = council
    rows = export_rows(url)
    decided = {r["case_uuid"]: r for r in rows if r["final"] is not None}
    assert set(decided) == set(cases.values())
    nhs = decided[cases["nhs"]]
    assert (nhs["indicative"], nhs["period"], nhs["final"], nhs["variance"]) == (
        "586.20",
        "week",
        "588.00",
        "1.80",
    )
    assert nhs["indicative_amount"] == "budget" and nhs["decision_source"] == "assessor"
    assert nhs["plan_cost_per_year"] == "30576.00"
    person, carer = decided[cases["person"]], decided[cases["carer"]]
    assert (person["indicative_amount"], person["period"]) == ("planning_amount", "year")
    assert (carer["indicative_amount"], carer["period"]) == ("carer_allocation", "year")
    assert (carer["indicative"], carer["final"], carer["variance"]) == ("600.00", "600.00", "0.00")
    assert person["decision_source"] == carer["decision_source"] == "council"
    assert Decimal(person["variance"]) == Decimal("22050.00") - Decimal(person["indicative"])
    # The national return: each decided plan is a Service event, by its delivery mechanism.
    out = server_cli("export", "--database", url, "--format", "cld").stdout
    cld = list(csv.DictReader(io.StringIO(out)))
    services = [r for r in cld if r["Event Type"] == "Service"]
    assert len(services) == 3 and {r["Delivery Mechanism"] for r in services} == {"Direct Payment"}
    csv_rows = [r for r in export_rows(url, "csv") if r["final"]]
    assert {r["indicative_amount"] for r in csv_rows} == {
        "budget",
        "planning_amount",
        "carer_allocation",
    }


def test_variance_keeps_two_amounts_of_one_questionnaire_apart(
    council: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, _ = council
    cases = variance.decided_cases(export_rows(url), None, None)
    doc = variance.report(cases)
    groups = {(g["ruleset_id"], g["amount"]): g for g in doc["groups"]}
    assert set(groups) == {
        ("demo-council-ras-v2", "budget"),
        ("example-d-person-and-carer", "planning_amount"),
        ("example-d-person-and-carer", "carer_allocation"),
    }
    assert groups[("example-d-person-and-carer", "carer_allocation")]["total_final"] == "600.00"
    percents: dict[tuple[str, ...], list[Decimal]] = {}
    for c in cases:
        if c.share is not None:
            percents.setdefault(variance.group_key(c), []).append(variance.percent(c.share))
    pdf = tmp_path / "variance.pdf"
    pdf.write_bytes(render_variance(doc, percents, "Demo County Council"))
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "amounts a year, amount “carer_allocation” (the council's part)" in text
    assert "questionnaire “person”, amount “budget” (the council's part)" in text
    assert "Total indicative, total final (a year) £21," in text  # not "(a week)"


def test_a_council_decision_on_a_format2_case_reaches_the_laptop(tmp_path: Path) -> None:
    """The laptop takes the council's decision version of a format-2 case (which has no
    weekly figure), with who answered the assessment carried to that version."""
    from rasdesk.storage.answered_by import answered_by, set_answered_by
    from rasdesk.storage.council import receive_council_version

    db = Database.open(f"sqlite:///{tmp_path / 'council.db'}")
    rulesets.publish(db, DEMO_V2, [KEY])
    code, _ = devices.issue_code(db, "Sam Patel")
    device = devices.Device(devices.enrol(db, code, "laptop")[0], "Sam Patel")
    store = new_store(tmp_path)
    verified = load_signed_any(DEMO_V2, [KEY])
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
    for question, value in answers.items():
        store.set_answer(case, question, value)
    set_answered_by(store, case, "person_helped")
    lifecycle.finalise(store, case)
    decisions.add_item(store, case, {**CARE, "quantity": "24"})
    lifecycle.finalise(store, case)
    _send(db, device, store, case)
    head = store.current_version(case)
    server_decisions.record_decision(
        db,
        case,
        {"final": "588.00", "by": "Resource allocation panel", "reasons": "Agreed.",
         "category": "needs_not_captured"},
        today=TODAY,
    )  # fmt: skip
    [update] = server_decisions.updates(db, device, {case: head["version_uuid"]})
    data = update["bundle"].encode()
    assert receive_council_version(store, data, update["receipt"], update["received_at"])
    assert not receive_council_version(store, data, update["receipt"], update["received_at"])
    row = store.case_row(case)
    assert (row["decision_status"], row["weekly"], row["state"]) == ("decided", None, "sent")
    version, sec = decisions.current(store, case)
    assert sec is not None and sec.decision is not None
    assert (sec.decision.source, sec.decision.final) == ("council", Decimal("588.00"))
    assert sec.indicative.amount_id == "budget"
    assert answered_by(store, version["version_uuid"]) == "person_helped"
    store.close()
    db.close()
