"""``rasdesk compute`` on a format-2 ruleset, as plain text, says what the person reads
(docs/ruleset-v2.md §5, "a part that does not apply"; ``domain/shown_v2.py``): a part whose
``when`` does not hold is said once, in one line, with no "Paid by the NHS: £0.00", no
"NHS £0.00" beside the figure and no "+ £0.00" in a sum, in English, Welsh and easy read.
``--json`` stays the engine's record: every part and funder, ``"applies": false``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rasdesk.cli import main
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.shown_v2 import shown_v2

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/demo"
DEMO_KEY = DEMO / "DEMO-public-key.pem"
EXAMPLES = sorted(p for p in (ROOT / "resources/examples").iterdir() if p.is_dir())
OFF = "NHS-funded nursing care: this part does not apply to you, so it is £0.00."
OFF_CY = (
    "Gofal nyrsio a ariennir gan y GIG: nid yw'r rhan hon yn berthnasol i chi, felly mae'n £0.00."
)


def squeeze(text: str) -> str:
    """No whitespace at all: the text output wraps at 88 columns (and may break a word at
    its hyphen), so a sentence is looked for without its spaces and line breaks."""
    return "".join(text.split())


def compute(capsys: pytest.CaptureFixture[str], signed: Path, answers: Path, *extra: str) -> str:
    code = main(
        [
            "compute",
            "--ruleset", str(signed),
            "--trust", str(DEMO_KEY),
            "--answers", str(answers),
            "--date", "2026-05-01",
            *extra,
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def demo_answers(tmp_path: Path, nursing: str) -> Path:
    doc = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())
    doc["answers"]["nursing"] = nursing
    path = tmp_path / f"nursing-{nursing}.json"
    path.write_text(json.dumps(doc))
    return path


def demo(capsys: pytest.CaptureFixture[str], tmp_path: Path, nursing: str, *extra: str) -> str:
    signed = DEMO / "demo-v2.ruleset.signed.json"
    return compute(capsys, signed, demo_answers(tmp_path, nursing), *extra)


def test_an_nhs_part_that_does_not_apply_is_said_once_with_no_funder_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = demo(capsys, tmp_path, "no")
    assert out.splitlines()[1] == "Your indicative budget: £586.20 a week"  # no "NHS £0.00"
    assert "£0.00)" not in out and "NHS £0.00" not in out
    said = squeeze(out)
    assert squeeze("Paid by the NHS") not in said
    assert squeeze("This money is not the council's") not in said
    assert squeeze("paid by the NHS") not in said  # nor the part's heading: who would pay
    assert squeeze("+ £0.00") not in said
    assert squeeze("Paid by the council: £301.20 + £285.00 = £586.20 a week.") in said
    assert squeeze("Your indicative budget: £586.20 a week.") in said
    assert said.count(squeeze(OFF)) == 1


def test_in_welsh_and_easy_read_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = demo(capsys, tmp_path, "no", "--language", "cy")
    assert out.splitlines()[1] == "Eich cyllideb ddangosol: £586.20 yr wythnos"
    said = squeeze(out)
    assert squeeze("Yn cael ei dalu gan y GIG") not in said
    assert squeeze("yn cael ei dalu gan y GIG") not in said
    assert squeeze("+ £0.00") not in said and "GIG £0.00" not in out
    assert squeeze("Eich cyllideb ddangosol: £586.20 yr wythnos.") in said
    assert said.count(squeeze(OFF_CY)) == 1
    easy = squeeze(demo(capsys, tmp_path, "no", "--easy-read"))
    assert squeeze("Paid by the NHS") not in easy and squeeze("+ £0.00") not in easy
    assert easy.count(squeeze("NHS-funded nursing care: this part is not for you.")) == 1
    assert easy.count(squeeze("NHS")) == 1


def test_an_nhs_part_that_applies_keeps_its_own_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = demo(capsys, tmp_path, "yes")
    assert out.splitlines()[1] == (
        "Your indicative budget: £822.08 a week (council £586.20; NHS £235.88)"
    )
    said = squeeze(out)
    assert squeeze("Paid by the NHS: £235.88 a week.") in said
    assert squeeze("This money is not the council's: it is shown separately.") in said
    assert squeeze("Your indicative budget in all: £586.20 + £235.88 = £822.08 a week.") in said
    assert squeeze(OFF) not in said


def test_json_is_still_the_engines_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc: dict[str, Any] = json.loads(demo(capsys, tmp_path, "no", "--json"))
    (amount,) = doc["amounts"]
    assert amount["funders"] == {"council": "586.20", "nhs": "0.00"}
    nursing = [p for p in amount["parts"] if p["funder"] == "nhs"]
    assert [p["applies"] for p in nursing] == [False]
    said = [s["text"] for s in doc["explanation"]]
    assert "Paid by the NHS: £0.00 a week." in said
    assert "Your indicative budget in all: £586.20 + £0.00 = £586.20 a week." in said


LINES = [
    (folder, n, line)
    for folder in EXAMPLES
    for n, line in enumerate((folder / "expected.jsonl").read_text().splitlines())
    if line.strip()
]


NAMES = {"nhs": ("NHS", "GIG"), "ilf": ("Independent Living Fund", "Cronfa Byw'n Annibynnol")}


@pytest.mark.parametrize(("folder", "n", "line"), LINES, ids=[f"{f.name}-{n}" for f, n, _ in LINES])
@pytest.mark.parametrize("easy", [False, True], ids=["standard", "easy"])
def test_every_example_reads_as_the_letters_do(
    folder: Path,
    n: int,
    line: str,
    easy: bool,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """On every worked example, in each of its languages: every step of the explanation
    people read (``shown_v2``) is printed, no step it leaves out is, each part that does
    not apply is said once, and a funder none of whose parts applies has no figure."""
    (plain,) = folder.glob("*.ruleset.json")
    signed = plain.with_name(plain.name.replace(".ruleset.json", ".ruleset.signed.json"))
    ruleset = parse_ruleset_v2(plain.read_bytes())
    answers = tmp_path / "answers.json"
    answers.write_text(line)
    given = json.loads(line, parse_float=Decimal)
    extra = ["--easy-read"] if easy else []
    for lang in ruleset.languages:
        out = compute(capsys, signed, answers, "--language", lang, *extra)
        said = squeeze(out)
        doc = {k: given[k] for k in ("questionnaire", "answers", "linked") if k in given}
        result = compute_budget_v2(ruleset, doc, lang)
        shown = shown_v2(result, ruleset, lang)

        def words(steps: list[ExplanationStep]) -> list[str]:
            return [squeeze(s.easy_read if easy else s.text) for s in steps]

        kept = words(shown.explanation)
        for step in kept:
            assert step in said, step
        for step in set(words(result.explanation)) - set(kept):
            # left out, unless a kept line says it with more (a part that does not apply,
            # followed by why: docs/ruleset-v2.md §5)
            assert step not in said or any(k.startswith(step) for k in kept), step
        steps = list(zip(result.explanation, result.step_about, strict=True))
        for amount in result.amounts:
            off = {p.id for p in amount.parts if not p.applies and p.in_amount_period == 0}
            for pid in off:
                (last, *_) = reversed(
                    words([s for s, a in steps if a == (amount.id, pid) and s.step == "part"])
                )
                assert said.count(last) == 1, last
                funder = next(p.funder for p in amount.parts if p.id == pid)
                if funder in NAMES and not any(
                    p.funder == funder and p.id not in off for p in amount.parts
                ):
                    name = NAMES[funder][lang == "cy"]
                    assert squeeze(f"{name} £0.00") not in said


def test_easy_read_keeps_each_of_a_steps_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Easy read says the question, what you said (each answer chosen) and the points each
    on its own line, as the easy-read letter does; they no longer run together (it printed
    "You said:  I need help with shopping I need help to clean my home.")."""
    out = demo(capsys, tmp_path, "no", "--easy-read")
    assert (
        "  1. Do you need help to eat and drink?\n"
        "     You said: I need a little help to eat and drink.\n"
        "     That is 5 points.\n"
    ) in out
    assert (
        "     You said:\n     I need help with shopping\n     I need help to clean my home.\n"
    ) in out
    plain = demo(capsys, tmp_path, "no")  # a standard step is one paragraph, as before
    assert "  1. How much help do you need to eat and drink enough? You said:" in plain
    # Format 1's `rasdesk compute` prints its steps the same way.
    signed = DEMO / "demo.ruleset.signed.json"
    out = compute(capsys, signed, DEMO / "answers" / "person-example.json", "--easy-read")
    assert (
        "  1. Do you need help to eat and drink?\n"
        "     You said: I need a little help to eat and drink.\n"
        "     That is 5 points.\n"
    ) in out
