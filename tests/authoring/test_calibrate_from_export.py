"""``rasdesk ruleset calibrate`` with the council server's export as its sample: each
case's latest decided final budget is the cost, and the ratio is Σ final ÷ Σ points,
exactly, on a sample worked by hand. The cases are real: made in a case store with plans
and decisions, received by the server's own code, exported in both formats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from rasdesk.authoring.calibrate import calibrate
from rasdesk.domain.signing import read_envelope
from rasdesk.platform.paths import demo_dir
from rasdesk.server import devices, export, receive, rulesets
from rasdesk.server.db import Database
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore
from tests.cli.helpers import run
from tests.storage.helpers import answered_case, new_store

DEMO = demo_dir()
TODAY = dt.date(2026, 12, 4)
ITEM = {
    "kind": "Personal care",
    "provider": "Agency",
    "quantity": "30",
    "unit": "hours",
    "rate": "24.50",
}


def decide(store: CaseStore, case: str, final: str) -> None:
    reasons = None if final == "326.40" else "The panel's reasons."
    category = None if final == "326.40" else "local_costs"
    decisions.decide(
        store, case, final=final, by="Panel", reasons=reasons, category=category, today=TODAY
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("calibrate-export")
    store = new_store(folder)
    cases = {}
    for answers in ("person-example", "person-high-needs", "person-no-carer", "carer-example"):
        case = answered_case(store, answers, answers=answers, council_ref=answers)
        lifecycle.finalise(store, case)
        if answers != "carer-example":
            decisions.add_item(store, case, dict(ITEM))  # £735.00 a week
            lifecycle.finalise(store, case)
        cases[answers] = case
    decide(store, cases["person-example"], "320.00")
    decide(store, cases["person-high-needs"], "650.00")
    decide(store, cases["person-high-needs"], "600.00")  # decided again: the latest counts
    decide(store, cases["person-no-carer"], "326.40")
    planned_only = answered_case(store, "Planned only", council_ref="planned-only")
    lifecycle.finalise(store, planned_only)
    decisions.add_item(store, planned_only, dict(ITEM))
    lifecycle.finalise(store, planned_only)  # waiting: no final budget, not in the sample

    db = Database.open(f"sqlite:///{folder / 'council.db'}")
    rulesets.publish(db, DEMO / "demo.ruleset.signed.json", [DEMO / "DEMO-public-key.pem"])
    device_id, _ = devices.enrol(db, devices.issue_code(db, "Sam Patel")[0], "laptop")
    cache = rulesets.RulesetCache(db)
    for case_uuid, vid, data in store.db.execute(
        "SELECT case_uuid, version_uuid, bundle FROM versions WHERE bundle IS NOT NULL ORDER BY finalised_at, number"
    ).fetchall():
        bundle = receive.check_bundle(data, case_uuid, vid)
        receive.store(db, devices.Device(device_id, "Sam Patel"), bundle, data, cache)
    store.close()
    out = {fmt: export.export_text(db, fmt).encode() for fmt in ("jsonl", "csv")}
    db.close()
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_sum_of_finals_over_sum_of_points_exactly(exported: dict[str, bytes], fmt: str) -> None:
    signed = (DEMO / "demo.ruleset.signed.json").read_bytes()
    document = read_envelope(signed, "demo").payload
    from rasdesk.domain.parse import parse_ruleset

    c = calibrate(
        parse_ruleset(document, "demo"), document, exported[fmt], sample_source=f"export.{fmt}"
    )
    # By hand: person-example 61 points, final £320.00; person-high-needs 137 points,
    # final £600.00 (its later decision); person-no-carer 67 points, final £326.40.
    # Σ final = 1,246.40; Σ points = 265; 1,246.40 ÷ 265 = 4.70339…: £4.70 a point.
    assert sorted(p.ref for p in c.people) == [
        "person-example",
        "person-high-needs",
        "person-no-carer",
    ]
    assert c.total_cost == Decimal("1246.40") and c.total_points == 265
    assert c.ratio_exact == Fraction(124640, 100 * 265)
    assert c.proposed_rate == Decimal("4.70")
    assert not c.excluded


def test_the_command_takes_the_export(
    exported: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = tmp_path / "export.csv"
    sample.write_bytes(exported["csv"])
    code, out, err = run(
        capsys, "ruleset", "calibrate", DEMO / "demo.ruleset.signed.json", "--sample", sample
    )
    assert code == 0, err
    assert "4.70" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"case_uuid": "x"}\n')
    code, _, err = run(
        capsys, "ruleset", "calibrate", DEMO / "demo.ruleset.signed.json", "--sample", bad
    )
    assert code == 2 and "has no column questionnaire, final, answers" in err
