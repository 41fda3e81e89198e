"""The budget page of a format-2 case (the demo's format-2 ruleset): every amount's total,
council's part, other funders' parts and each part equal ``rasdesk compute`` on the same
answers; the points chart only where a part is per point."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.words import money
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"


def test_format2_budget_page_shows_what_compute_gives(
    window: MainWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", ANSWERS_V2, "--json")
    assert code == 0
    expected = json.loads(out)
    verified = load_signed_any(SIGNED_V2)
    store = window.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in json.loads(ANSWERS_V2.read_text())["answers"].items():
        store.set_answer(case, question, value)
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    for amount in expected["amounts"]:
        aid = amount["id"]
        assert page.figures[(aid, "total")] == money(Decimal(amount["total"]))
        assert page.figures[(aid, "council")] == money(Decimal(amount["council"]))
        others = sum(
            (Decimal(v) for f, v in amount["funders"].items() if f != "council"), Decimal(0)
        )
        if others:
            assert page.figures[(aid, "others")] == money(others)
            assert page.figures[(aid, "council")] != page.figures[(aid, "total")]
        for part in amount["parts"]:
            if part["applies"] and part["replaced_by"] is None:
                assert page.figures[(aid, part["id"])] == money(Decimal(part["amount"]))
    per_point = [
        p
        for a in expected["amounts"]
        for p in a["parts"]
        if p["method"] == "per_point" and p["applies"]
    ]
    assert len(page.charts) == len(per_point)
    assert expected["explanation"]
