"""The ruleset workbook: template → build, export → build round trips, and every layout
problem reported at its sheet, row and column."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk import cli
from rasdesk.authoring.workbook import build_ruleset, export_ruleset
from rasdesk.commands import ruleset as ruleset_cmds
from rasdesk.commands import workbook_cmds
from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.signing import sign_envelope
from rasdesk.platform.paths import demo_dir
from tests.domain.builders import allocation, minimal_doc, questionnaire, t, to_bytes

DEMO = demo_dir() / "demo.ruleset.json"
Doc = dict[str, Any]


# --- helpers -------------------------------------------------------------------------
def workbook_of(doc: Doc) -> Any:
    return openpyxl.load_workbook(io.BytesIO(export_ruleset(to_bytes(doc))))


def save(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def col(ws: Any, name: str) -> int:
    return [c.value for c in ws[1]].index(name) + 1


def row_of(ws: Any, column: str, value: Any) -> int:
    index = col(ws, column)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, index).value == value:
            return r
    raise AssertionError(f"{value!r} not in {ws.title}.{column}")


def letter(ws: Any, name: str) -> str:
    return str(openpyxl.utils.get_column_letter(col(ws, name)))


def set_cell(wb: Any, sheet: str, key: tuple[str, Any], column: str, value: Any) -> str:
    """Set ``column`` in the row of ``sheet`` where ``key[0] == key[1]``; its cell path."""
    ws = wb[sheet]
    r = row_of(ws, *key)
    ws.cell(r, col(ws, column)).value = value
    return f"{sheet}!{letter(ws, column)}{r}"


def problems_of(data: bytes) -> list[Problem]:
    with pytest.raises(InputError) as err:
        build_ruleset(data)
    assert err.value.problems, str(err.value)
    return err.value.problems


def one_problem(data: bytes) -> Problem:
    found = problems_of(data)
    assert len(found) == 1, found
    return found[0]


def built(data: bytes) -> Doc:
    out = build_ruleset(data)
    parse_ruleset(out)
    doc: Doc = loads_strict(out)
    return doc


# --- template and round trips -----------------------------------------------------------
def test_template_builds_the_demo_ruleset_exactly() -> None:
    demo = DEMO.read_bytes()
    out = build_ruleset(export_ruleset(demo))
    ruleset = parse_ruleset(out)
    assert ruleset.id == "demo-council-ras"
    assert loads_strict(out) == loads_strict(demo)  # Decimal-exact, both languages
    assert out == demo  # even byte for byte: the demo is written the way build writes


def test_the_demo_workbook_holds_text_cells_for_decimals_and_both_languages() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export_ruleset(DEMO.read_bytes())))
    alloc = wb["allocation"]
    rate = alloc.cell(row_of(alloc, "key", "rate"), col(alloc, "value"))
    assert rate.value == "4.20" and rate.data_type == "s"
    q = wb["questions"]
    falls = row_of(q, "id", "falls")
    assert q.cell(falls, col(q, "show_if")).value == "moving in (some, lots, all)"
    assert q.cell(falls, col(q, "text_cy")).value  # Welsh in its own column
    pa = wb["point_adjustments"]
    assert pa.cell(2, col(pa, "when")).value == "carer_support = daily and carer_willing = yes"
    assert pa.cell(2, col(pa, "sections")).value == "eating, personal_care"
    assert "README" in wb.sheetnames


def _variants() -> Iterator[tuple[str, Doc]]:
    doc = minimal_doc()
    yield "minimal", doc

    doc = minimal_doc()
    a = allocation(doc)
    del a["rate"]
    a["method"] = "table"
    a["table"] = [
        {"from_points": 0, "amount": "0.00"},
        {"from_points": "2.5", "amount": "10.50"},
        {"from_points": 10, "amount": "99.99"},
    ]
    a["points_rounding"] = {"to": "0.5", "mode": "half_even"}
    yield "table", doc

    doc = minimal_doc()
    doc["effective_to"] = "2027-03-31"
    doc["title"] = t("Test – prawf", "Prawf")
    q = questionnaire(doc)
    q["title"] = t("Person", "Person (cy)")
    care, safety = q["sections"]
    care.update(easy_read=t("Care easy", "Gofal hawdd"), weight="1.5", max_points=20)
    safety["max_points"] = "12.5"
    washing, tasks = care["questions"]
    washing.update(
        required=False,
        easy_read=t("Wash?", "Golchi?"),
        help={"en": "=not a formula", "cy": "Help\nar ddwy linell"},
        picture="washing",
    )
    washing["options"][0]["easy_read"] = t("No help", "Dim help")
    tasks.update(scoring="max", show_if={"not": {"answer": "washing", "is": "none"}})
    tasks["options"].append({"id": "1", "text": t("One"), "points": "0.25"})
    nights, notes = safety["questions"]
    nights.update(min="0.5", max=7, required=True)
    nights["show_if"] = {
        "any": [
            {"all": [{"answer": "washing", "in": ["some", "all"]}, {"answered": "notes"}]},
            {"answer": "tasks", "is": "1"},
        ]
    }
    notes.update(required=True, show_if={"answer": "washing", "in": ["all"]})
    a = allocation(doc)
    a.update(
        point_adjustments=[
            {
                "id": "carer",
                "label": t("Carer", "Gofalwr"),
                "explain": t("Because"),
                "when": {"answer": "nights", ">=": 3},
                "sections": ["care"],
                "multiply": "0.80",
            },
            {"id": "always", "label": t("Always"), "multiply": 1},
        ],
        minimum_points=5,
        adjustments=[
            {
                "id": "less",
                "label": t("Less"),
                "multiply": "0.85",
                "when": {"answer": "nights", "<": "2.5"},
            },
            {"id": "more", "label": t("More", "Mwy"), "add": "-12.50", "explain": t("E", "C")},
        ],
        minimum="0.00",
        maximum="1500.00",
        sign_off_above="600.00",
        flags=[
            {"id": "high", "label": t("High"), "when_points_above": 80},
            {"id": "dear", "label": t("Dear", "Drud"), "when_weekly_above": "500.00"},
        ],
        illustrative_hourly_rate="24.00",
        calibration={
            "sample_size": 120,
            "sample_weekly_cost": "36000.00",
            "sample_points": "8140",
            "contingency": "0.05",
            "date": "2026-02-01",
        },
    )
    a["rounding"] = {"to": "0.05", "mode": "down"}
    yield "everything", doc

    doc = minimal_doc()
    del doc["effective_to"]
    doc["languages"] = ["en"]
    for s in questionnaire(doc)["sections"]:
        s["title"] = {"en": s["title"]["en"]}
        for q in s["questions"]:
            q["text"] = {"en": q["text"]["en"]}
    allocation(doc).update(point_adjustments=[], adjustments=[], flags=[])
    yield "english only, empty lists", doc

    doc = minimal_doc()
    carer = json.loads(json.dumps(questionnaire(doc)))
    carer.update(id="carer", kind="carer", title=t("Carer", "Gofalwr"))
    carer["allocation"] = {
        "period": "week",
        "method": "table",
        "table": [{"from_points": 0, "amount": "0.00"}, {"from_points": 6, "amount": "10.00"}],
        "rounding": {"to": "1", "mode": "up"},
        "annual_factor": "52.143",
    }
    doc["questionnaires"].append(carer)
    yield "two questionnaires, both methods", doc


@pytest.mark.parametrize(("name", "doc"), list(_variants()), ids=[n for n, _ in _variants()])
def test_export_then_build_gives_the_same_ruleset(name: str, doc: Doc) -> None:
    data = to_bytes(doc)
    parse_ruleset(data)  # the variant itself is valid
    assert built(export_ruleset(data)) == loads_strict(data)


def test_export_refuses_an_invalid_ruleset() -> None:
    doc = minimal_doc()
    allocation(doc)["rate"] = 4.2
    with pytest.raises(InputError, match="not a valid ruleset"):
        export_ruleset(json.dumps(doc).encode())


# --- cells typed by a person ----------------------------------------------------------
def test_numbers_typed_as_numbers_are_read_exactly() -> None:
    wb = workbook_of(minimal_doc())
    set_cell(wb, "allocation", ("key", "rate"), "value", 4.2)
    set_cell(wb, "allocation", ("key", "annual_factor"), "value", 52)
    set_cell(wb, "options", ("id", "cleaning"), "points", 1.5)
    set_cell(wb, "options", ("id", "some"), "points", 4.0)
    set_cell(wb, "options", ("id", "all"), "points", 0.1)
    set_cell(wb, "settings", ("key", "effective_from"), "value", dt.datetime(2026, 4, 1))
    set_cell(wb, "settings", ("key", "version"), "value", 2026.1)
    set_cell(wb, "questions", ("id", "washing"), "required", True)
    set_cell(wb, "questions", ("id", "tasks"), "required", "no")
    doc = built(save(wb))
    a = allocation(doc)
    assert a["rate"] == "4.2"  # money is always a string
    assert a["annual_factor"] == 52
    options = {
        o["id"]: o["points"]
        for s in questionnaire(doc)["sections"]
        for q in s["questions"]
        for o in q.get("options", [])
    }
    assert options["cleaning"] == "1.5" and options["some"] == 4 and options["all"] == "0.1"
    assert doc["effective_from"] == "2026-04-01"
    assert doc["version"] == "2026.1"
    washing, tasks = questionnaire(doc)["sections"][0]["questions"]
    assert washing["required"] is True and tasks["required"] is False


def test_notes_columns_and_sheets_and_blank_rows_are_ignored() -> None:
    wb = workbook_of(minimal_doc())
    q = wb["questions"]
    q.cell(1, q.max_column + 1).value = "# comment"
    q.cell(2, q.max_column).value = "remember to ask"
    q.insert_rows(3)
    wb.create_sheet("# scratch")["A1"] = "anything"
    assert built(save(wb)) == minimal_doc()


# --- layout problems, each at its sheet/row/column ------------------------------------
def test_not_a_workbook() -> None:
    with pytest.raises(InputError, match=r"not an Excel workbook \(\.xlsx\)"):
        build_ruleset(b"id,text\nwashing,Washing?\n", "my.csv")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(InputError, match="cannot be read as an Excel workbook"):
        build_ruleset(buf.getvalue(), "odd.xlsx")


def test_missing_sheet() -> None:
    wb = workbook_of(minimal_doc())
    del wb["questions"]
    assert Problem("sheet questions", 'the sheet "questions" is missing') in problems_of(save(wb))
    wb = openpyxl.Workbook()
    wb.active.title = "settings"
    found = problems_of(save(wb))
    assert Problem("sheet settings", "the sheet is empty: row 1 must name the columns") in found
    for name in ("questionnaires", "sections", "questions", "allocation"):
        assert Problem(f"sheet {name}", f'the sheet "{name}" is missing') in found


def test_unknown_sheet() -> None:
    wb = workbook_of(minimal_doc())
    wb.create_sheet("question")
    p = one_problem(save(wb))
    assert p.path == "sheet question"
    assert 'unknown sheet "question" (did you mean "questions"?)' in p.message


def test_unknown_column() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["questions"]
    ws.cell(1, ws.max_column + 1).value = "colour"
    p = one_problem(save(wb))
    assert p.path == f"questions!{openpyxl.utils.get_column_letter(ws.max_column)}1"
    assert p.message.startswith('colour: unknown column "colour"')


def test_language_column_for_an_undeclared_language() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["options"]
    ws.cell(1, ws.max_column + 1).value = "text_fr"
    p = one_problem(save(wb))
    assert p.path.startswith("options!") and p.path.endswith("1")
    assert 'the language "fr" is not one of the ruleset\'s languages (en, cy)' in p.message


def test_missing_required_column() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["questions"]
    ws.delete_cols(col(ws, "type"))
    p = one_problem(save(wb))
    assert p == Problem(
        "sheet questions, row 1", 'the required column "type" is missing from row 1'
    )


def test_repeated_and_nameless_columns() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["sections"]
    n = ws.max_column
    ws.cell(1, n + 1).value = "weight"
    ws.cell(2, n + 2).value = "stray"
    found = problems_of(save(wb))
    g, h = openpyxl.utils.get_column_letter(n + 1), openpyxl.utils.get_column_letter(n + 2)
    assert [p.path for p in found] == [f"sections!{g}1", f"sections!{h}1"]
    assert "appears twice (first in column G)" in found[0].message
    assert "has values but no name" in found[1].message


@pytest.mark.parametrize(
    ("sheet", "key", "column", "value", "words"),
    [
        ("options", ("id", "some"), "points", "lots", '"lots" is not a number written like 4.20'),
        ("options", ("id", "some"), "points", "£4", "no £ sign"),
        ("options", ("id", "some"), "points", True, "expected a number"),
        (
            "questions",
            ("id", "washing"),
            "required",
            "maybe",
            'expected TRUE or FALSE, found "maybe"',
        ),
        ("questions", ("id", "washing"), "id", "Washing", '"Washing" is not a valid id'),
        ("questions", ("id", "washing"), "picture", "a picture", "is not a valid id"),
        ("allocation", ("key", "rate"), "value", "4,20", "is not a number"),
        ("allocation", ("key", "rate"), "value", None, '"rate" needs a value'),
        (
            "questions",
            ("id", "tasks"),
            "show_if",
            "washing = ",
            "expected an option id, found the end of the text (at character 11)",
        ),
        ("questions", ("id", "tasks"), "show_if", "washing is some", 'found "is" (at character 9)'),
        ("questions", ("id", "washing"), "section", "nowhere", 'unknown section "nowhere"'),
        ("options", ("id", "some"), "question", "ghost", 'unknown question "ghost"'),
        (
            "options",
            ("id", "some"),
            "question",
            "nights",
            "only single and multiple questions have rows in the options sheet",
        ),
        (
            "bands",
            ("from", 3),
            "question",
            "washing",
            "only number questions have rows in the bands sheet",
        ),
        ("options", ("id", "some"), "questionnaire", "carer", 'unknown questionnaire "carer"'),
        (
            "questions",
            ("id", "tasks"),
            "id",
            "washing",
            'the question id "washing" is used twice (first at questions!C2)',
        ),
        (
            "options",
            ("id", "some"),
            "id",
            "none",
            'the option id "none" is used twice (first at options!C2)',
        ),
        ("sections", ("id", "safety"), "id", "care", 'the section id "care" is used twice'),
        ("options", ("id", "some"), "text_en", None, "the English text is empty"),
        ("questions", ("id", "washing"), "type", None, "every row needs a type"),
        (
            "questions",
            ("id", "washing"),
            "type",
            "choice",
            "expected one of single, multiple, number, text, found 'choice'",
        ),
        (
            "questions",
            ("id", "tasks"),
            "show_if",
            "washing = lots",
            '"lots" is not an option of question "washing"',
        ),
        ("questions", ("id", "tasks"), "show_if", "nobody = x", 'unknown question "nobody"'),
        ("questions", ("id", "tasks"), "show_if", "washing >= 3", '">=" needs a number question'),
        ("questions", ("id", "tasks"), "scoring", "avg", 'expected "sum" or "max"'),
        ("questions", ("id", "nights"), "max", "-1", "max (-1) is below min (0)"),
        ("bands", ("from", 3), "from", 0, "bands must go up"),
        ("sections", ("id", "care"), "weight", "-1", "must be 0 or more"),
        (
            "settings",
            ("key", "effective_from"),
            "value",
            "1/4/2026",
            "expected a date written YYYY-MM-DD",
        ),
        ("settings", ("key", "languages"), "value", "en, Welsh", '"Welsh" is not a valid id'),
        ("settings", ("key", "languages"), "value", "en, cymraeg", "expected a language code"),
        ("settings", ("key", "version"), "key", "versions", 'unknown setting "versions"'),
        ("settings", ("key", "title_en"), "value", None, 'the setting "title_en" needs a value'),
        (
            "allocation",
            ("key", "rounding_mode"),
            "value",
            "nearest",
            'expected "half_up", "down", "up" or "half_even"',
        ),
        ("allocation", ("key", "period"), "key", "periods", 'unknown allocation key "periods"'),
    ],
)
def test_each_bad_value_is_reported_at_its_cell(
    sheet: str, key: tuple[str, Any], column: str, value: Any, words: str
) -> None:
    wb = workbook_of(minimal_doc())
    where = set_cell(wb, sheet, key, column, value)
    found = problems_of(save(wb))
    assert any(words in p.message for p in found), found
    hit = next(p for p in found if words in p.message)
    assert hit.path == where, found


def test_an_undeclared_language_in_settings() -> None:
    wb = workbook_of(minimal_doc())
    set_cell(wb, "settings", ("key", "languages"), "value", "en, cy")
    wb["settings"].append(["title_fr", "Essai"])
    p = one_problem(save(wb))
    assert p.path == f"settings!A{wb['settings'].max_row}"
    assert 'the language "fr" is not one of' in p.message


def test_missing_settings_and_duplicate_keys() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["settings"]
    ws.delete_rows(row_of(ws, "key", "council"))
    ws.append(["version", "2"])
    found = problems_of(save(wb))
    assert (
        Problem("sheet settings", 'the setting "council" is missing: add a row with key council')
        in found
    )
    assert any(p.path == f"settings!A{ws.max_row}" and "appears twice" in p.message for p in found)


def test_a_choice_question_without_options() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["options"]
    for r in range(ws.max_row, 1, -1):
        if ws.cell(r, col(ws, "question")).value == "tasks":
            ws.delete_rows(r)
    p = one_problem(save(wb))
    q = wb["questions"]
    assert p.path == f"questions!{letter(q, 'type')}{row_of(q, 'id', 'tasks')}"
    assert "a multiple question needs its answers in the options sheet" in p.message


def test_adjustment_and_flag_shapes_and_none_lists() -> None:
    doc = minimal_doc()
    allocation(doc)["adjustments"] = [{"id": "less", "label": t("Less"), "multiply": "0.9"}]
    allocation(doc)["flags"] = [{"id": "high", "label": t("High"), "when_points_above": 10}]
    wb = workbook_of(doc)
    where_add = set_cell(wb, "adjustments", ("id", "less"), "add", "5.00")
    where_flag = set_cell(wb, "flags", ("id", "high"), "when_weekly_above", "100.00")
    wb["allocation"].append(["person", "adjustments", "none"])
    wb["allocation"].append(["person", "flags", "empty"])
    found = problems_of(save(wb))
    n = wb["allocation"].max_row
    assert {p.path for p in found} == {
        where_add,
        where_flag.replace(
            letter(wb["flags"], "when_weekly_above"), letter(wb["flags"], "when_points_above")
        ),
        f"allocation!C{n - 1}",
        f"allocation!C{n}",
    }, found


def test_per_point_without_a_rate_names_the_questionnaire() -> None:
    wb = workbook_of(minimal_doc())
    ws = wb["allocation"]
    ws.delete_rows(row_of(ws, "key", "rate"))
    p = one_problem(save(wb))
    assert p == Problem(
        "sheet allocation",
        'questionnaire "person": the per_point method needs a "rate" (money per point)',
    )


def test_formula_cells_are_refused() -> None:
    wb = workbook_of(minimal_doc())
    where = set_cell(wb, "allocation", ("key", "rate"), "value", "=36000/8140")
    p = next(p for p in problems_of(save(wb)) if p.path == where)
    assert "formulas are not read" in p.message


def test_several_problems_are_all_reported_at_once() -> None:
    wb = workbook_of(minimal_doc())
    paths = [
        set_cell(wb, "options", ("id", "some"), "points", "lots"),
        set_cell(wb, "questions", ("id", "tasks"), "show_if", "washing in (some"),
        set_cell(wb, "questions", ("id", "nights"), "section", "nowhere"),
        set_cell(wb, "bands", ("from", 3), "points", "-5"),
        set_cell(wb, "allocation", ("key", "rounding_mode"), "value", "nearest"),
    ]
    ws = wb["questions"]
    ws.cell(1, ws.max_column + 1).value = "colour"
    with pytest.raises(InputError) as err:
        build_ruleset(save(wb), "ras.xlsx")
    found = {p.path for p in err.value.problems}
    assert set(paths) - {paths[3]} <= found  # bands of a question whose row is wrong say nothing
    assert f"questions!{openpyxl.utils.get_column_letter(ws.max_column)}1" in found
    assert str(err.value).startswith("ras.xlsx cannot be built into a ruleset (")


def test_a_valid_layout_with_an_invalid_ruleset_is_still_all_reported() -> None:
    wb = workbook_of(minimal_doc())
    paths = [
        set_cell(wb, "questions", ("id", "tasks"), "show_if", "washing = lots"),
        set_cell(wb, "bands", ("from", 3), "from", 0),
        set_cell(wb, "questionnaires", ("id", "person"), "kind", "family"),
    ]
    found = {p.path for p in problems_of(save(wb))}
    assert found == set(paths)


# --- the commands -----------------------------------------------------------------------
@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch) -> None:
    """Add build/template/export to `rasdesk ruleset` unless cli.py already does."""
    original = ruleset_cmds.register

    def register(sub: Any) -> None:
        original(sub)
        parser = sub.choices["ruleset"]
        for action in parser._actions:
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict) and "build" not in choices:
                workbook_cmds.register(action)

    monkeypatch.setattr(ruleset_cmds, "register", register)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_template_build_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, out = tmp_path / "my.xlsx", tmp_path / "my.json"
    assert run(["ruleset", "template", "-o", str(book)], capsys)[0] == 0
    code, text, _ = run(["ruleset", "build", str(book), "-o", str(out)], capsys)
    assert code == 0 and "valid ruleset" in text
    assert out.read_bytes() == DEMO.read_bytes()
    assert run(["ruleset", "check", str(out)], capsys)[0] == 0
    code, _, err = run(["ruleset", "build", str(book), "-o", str(out)], capsys)
    assert code == 2 and "already exists" in err
    assert run(["ruleset", "build", str(book), "-o", str(out), "--force"], capsys)[0] == 0


def test_cli_export_of_a_plain_and_a_signed_ruleset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = to_bytes(minimal_doc())
    (tmp_path / "r.json").write_bytes(data)
    (tmp_path / "r.signed.json").write_bytes(sign_envelope(data, Ed25519PrivateKey.generate()))
    for name in ("r.json", "r.signed.json"):
        book = tmp_path / f"{name}.xlsx"
        assert run(["ruleset", "export", str(tmp_path / name), "-o", str(book)], capsys)[0] == 0
        assert loads_strict(build_ruleset(book.read_bytes())) == minimal_doc()


def test_cli_bad_workbook_exits_2_naming_the_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = workbook_of(minimal_doc())
    where = set_cell(wb, "options", ("id", "some"), "points", "lots")
    book = tmp_path / "bad.xlsx"
    book.write_bytes(save(wb))
    code, _, err = run(["ruleset", "build", str(book), "-o", str(tmp_path / "r.json")], capsys)
    assert code == 2
    assert f"{where}: points: " in err and "Traceback" not in err
    assert not (tmp_path / "r.json").exists()
    (tmp_path / "x.xlsx").write_text("not a workbook")
    code, _, err = run(
        ["ruleset", "build", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "r.json")], capsys
    )
    assert code == 2 and "not an Excel workbook" in err
    code, _, err = run(
        ["ruleset", "build", str(tmp_path / "none.xlsx"), "-o", str(tmp_path / "r.json")], capsys
    )
    assert code == 2 and "no such workbook" in err
