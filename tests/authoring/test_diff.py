"""``diff``: every kind of change, in words; "No changes." for equal rulesets."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk.authoring.diff import NO_CHANGES, diff
from rasdesk.domain.signing import sign_envelope
from tests.authoring.test_calibrate import BAD, GOOD, cli, document, sample, wire_commands
from tests.domain.builders import allocation, build, minimal_doc, option, questionnaire, t


def _diff(change: Any) -> list[str]:
    old = minimal_doc()
    new = copy.deepcopy(old)
    change(new)
    return diff(build(old), build(new))


def test_equal_rulesets_have_no_changes() -> None:
    assert diff(build(), build()) == [NO_CHANGES]
    assert NO_CHANGES == "No changes."


def test_top_level() -> None:
    def change(d: dict[str, Any]) -> None:
        d["version"] = "2"
        d["effective_to"] = "2027-03-31"

    out = _diff(change)
    assert "The version changed from 1 to 2." in out
    assert "The end date (effective_to) was added: 2027-03-31." in out


def test_option_points_text_and_options_added_removed() -> None:
    def change(d: dict[str, Any]) -> None:
        washing = questionnaire(d)["sections"][0]["questions"][0]
        washing["options"][1]["points"] = 5
        washing["options"][2]["text"] = t("Everything")
        washing["options"].append(option("night", 10))
        tasks = questionnaire(d)["sections"][0]["questions"][1]
        tasks["options"] = tasks["options"][:1]
        washing["text"] = t("How much help to wash?")

    out = _diff(change)
    assert "person: Question washing: 'Option some' (some) went from 4 to 5 points." in out
    assert (
        "person: Question washing: option 'Option night' (night) was added, scoring 10 points."
        in out
    )
    assert "person: Question tasks: option 'Option cleaning' (cleaning) was removed." in out
    assert (
        "person: Question washing: option all: the text changed from 'Option all' to 'Everything'."
        in out
    )
    assert (
        "person: Question washing: the text changed from 'Washing?' to 'How much help to wash?'."
        in out
    )


def test_questions_sections_types_and_bands() -> None:
    def change(d: dict[str, Any]) -> None:
        q = questionnaire(d)
        q["sections"][0]["weight"] = "1.5"
        q["sections"][0]["max_points"] = 10
        q["sections"][1]["questions"][0]["bands"][1]["points"] = 6
        q["sections"][1]["questions"].pop()  # notes
        q["sections"].append(
            {
                "id": "home",
                "title": t("Home"),
                "questions": [
                    {
                        "id": "cooking",
                        "type": "single",
                        "text": t("Cooking?"),
                        "options": [option("no", 0), option("yes", 3)],
                    }
                ],
            }
        )

    out = _diff(change)
    assert "person: Section care: the weight changed from 1 to 1.5." in out
    assert "person: Section care: the cap (max_points) was added: 10." in out
    assert "person: Section home (Home) was added, with 1 question(s)." in out
    assert "person: Question notes (Anything else?) was removed." in out
    assert "person: Question cooking (Cooking?) was added to section home." in out
    assert (
        "person: Question nights: the bands changed from from 0: 0 points; from 3: 5 points "
        "to from 0: 0 points; from 3: 6 points." in out
    )


def test_type_change() -> None:
    def change(d: dict[str, Any]) -> None:
        q = questionnaire(d)["sections"][0]["questions"][1]
        q["type"] = "single"

    assert "person: Question tasks: the type changed from multiple to single." in _diff(change)


def test_rate_with_percentage_and_allocation_parts() -> None:
    def change(d: dict[str, Any]) -> None:
        a = allocation(d)
        a["rate"] = "4.35"
        a["minimum"] = "25.00"
        a["maximum"] = "1200.00"
        a["rounding"] = {"to": "0.05", "mode": "up"}
        a["sign_off_above"] = "600.00"
        a["illustrative_hourly_rate"] = "24.00"
        a["flags"] = [{"id": "high", "label": t("High"), "when_points_above": 80}]
        a["calibration"] = {"sample_size": 4, "sample_weekly_cost": "165.00", "contingency": "0.05"}

    out = _diff(change)
    assert "person: The rate changed: £4.20 → £4.35 a point, +3.6%." in out
    assert "person: The floor (minimum) was added: £25.00." in out
    assert "person: The ceiling (maximum) was added: £1200.00." in out
    assert (
        "person: The rounding of the weekly amount changed from to 0.01 (half up) to to 0.05 (up)."
        in out
    )
    assert "person: Senior sign-off above was added: £600.00." in out
    assert "person: The illustrative hourly rate was added: £24.00." in out
    assert "person: The flag high ('High') was added: raised above 80 points." in out
    assert "person: The calibration was added: (4 people, £165.00 a week, contingency 0.05)." in out


def test_adjustments_added_removed_and_changed() -> None:
    adj = {
        "id": "night",
        "label": t("Nights"),
        "when": {"answer": "nights", ">=": 3},
        "add": "45.00",
    }
    padj = {
        "id": "carer",
        "label": t("Carer"),
        "when": {"answer": "washing", "is": "all"},
        "sections": ["care"],
        "multiply": "0.80",
    }
    old = minimal_doc()
    allocation(old)["adjustments"] = [adj, {"id": "gone", "label": t("Gone"), "multiply": "0.9"}]
    allocation(old)["point_adjustments"] = [padj]
    new = copy.deepcopy(old)
    allocation(new)["adjustments"][0]["add"] = "50.00"
    allocation(new)["adjustments"][1:] = [{"id": "new", "label": t("New"), "add": "-5"}]
    allocation(new)["point_adjustments"][0]["multiply"] = "0.75"
    out = diff(build(old), build(new))
    assert (
        "person: The adjustment night changed from + £45.00 when nights >= 3 to + £50.00 when nights >= 3."
        in out
    )
    assert "person: The adjustment gone ('Gone') was removed (it was × 0.9 always)." in out
    assert "person: The adjustment new ('New') was added: − £5.00 always." in out
    assert (
        "person: The point adjustment carer changed from × 0.8 on care when washing is all "
        "to × 0.75 on care when washing is all." in out
    )


def test_method_and_table_rows() -> None:
    old = minimal_doc()
    a = allocation(old)
    del a["rate"]
    a["method"] = "table"
    a["table"] = [{"from_points": 0, "amount": "0.00"}, {"from_points": 10, "amount": "55.00"}]
    new = copy.deepcopy(old)
    allocation(new)["table"] = [
        {"from_points": 0, "amount": "0.00"},
        {"from_points": 10, "amount": "60.00"},
        {"from_points": 25, "amount": "140.00"},
    ]
    out = diff(build(old), build(new))
    assert "person: The table row from 10 points went from £55.00 to £60.00." in out
    assert "person: A table row was added: from 25 points, £140.00." in out
    out = diff(build(minimal_doc()), build(old))
    assert "person: The method changed from per_point to table." in out
    assert "person: The rate was removed (it was £4.20 a point)." in out


def test_diff_of_a_document_and_a_signed_r2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wire_commands(monkeypatch)
    r, s = tmp_path / "R.json", tmp_path / "S.csv"
    r.write_bytes(document())
    s.write_bytes(sample(GOOD + BAD))
    r2 = tmp_path / "R2.json"
    assert cli(capsys, "ruleset", "calibrate", r, "--sample", s, "-o", r2)[0] == 0
    signed = tmp_path / "R2.signed.json"
    signed.write_bytes(sign_envelope(r2.read_bytes(), Ed25519PrivateKey.generate()))
    code, out, err = cli(capsys, "ruleset", "diff", r, signed)
    assert code == 0, err
    assert "signature not checked" in out
    assert "person: The rate changed: £4.20 → £5.00 a point, +19.0%." in out
    assert "person: The calibration was added" in out
    code, out, _ = cli(capsys, "ruleset", "diff", r, r)
    assert code == 0 and "No changes." in out
    code, _, err = cli(capsys, "ruleset", "diff", r, tmp_path / "missing.json")
    assert code == 2 and "missing.json" in err
