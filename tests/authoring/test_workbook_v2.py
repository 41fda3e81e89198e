"""The ruleset workbook for format 2: template, export and build round trips (the examples,
the format-2 demo, upgraded format-1 rulesets, random format-2 rulesets), an edited cell
changing the figures, problems at the cell a person edits, and the commands."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from rasdesk.authoring.diff_v2 import diff_any
from rasdesk.authoring.workbook import build_ruleset, export_ruleset
from rasdesk.authoring.workbook_v2 import options_map
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.upgrade_v2 import upgrade_bytes
from rasdesk.platform.paths import demo_dir
from tests.authoring.test_workbook import col, letter, run, save
from tests.domain.builders import minimal_doc, to_bytes
from tests.domain.builders_v2 import EXAMPLES, example
from tests.domain.test_properties_v2 import rulesets_v2

DEMO_V2 = demo_dir() / "demo-v2.ruleset.json"
Doc = dict[str, Any]


def dumps(doc: Doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def book_of(doc: Doc) -> Any:
    return openpyxl.load_workbook(io.BytesIO(export_ruleset(dumps(doc))))


def rows_where(ws: Any, **match: Any) -> int:
    """The row number of the one row of ``ws`` whose cells equal ``match``."""
    found = [
        r
        for r in range(2, ws.max_row + 1)
        if all(ws.cell(r, col(ws, k)).value == v for k, v in match.items())
    ]
    assert len(found) == 1, (ws.title, match, found)
    return found[0]


def set_at(wb: Any, sheet: str, column: str, value: Any, **match: Any) -> str:
    ws = wb[sheet]
    r = rows_where(ws, **match)
    ws.cell(r, col(ws, column)).value = value
    return f"{sheet}!{letter(ws, column)}{r}"


def problems_of(data: bytes) -> list[Problem]:
    with pytest.raises(InputError) as err:
        build_ruleset(data)
    assert err.value.problems, str(err.value)
    return err.value.problems


# --- round trips ----------------------------------------------------------------------------
ROUND_TRIP = [
    *sorted(p for p in EXAMPLES.glob("*/*.ruleset.json")),
    DEMO_V2,
]


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.name)
def test_export_then_build_gives_the_same_format_2_ruleset(path: Path) -> None:
    data = path.read_bytes()
    book = export_ruleset(data, str(path))
    out = build_ruleset(book)
    parse_ruleset_v2(out)
    assert loads_strict(out) == loads_strict(data)  # every value, decimal strings exact
    assert out == build_ruleset(export_ruleset(out))  # and build writes one way


def test_the_upgraded_format_1_demo_and_minimal_ruleset_come_back() -> None:
    for data in ((demo_dir() / "demo.ruleset.json").read_bytes(), to_bytes(minimal_doc())):
        upgraded = upgrade_bytes(data)
        assert loads_strict(build_ruleset(export_ruleset(upgraded))) == loads_strict(upgraded)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets_v2())
def test_random_format_2_rulesets_come_back(doc: Doc) -> None:
    assert loads_strict(build_ruleset(export_ruleset(dumps(doc)))) == doc


def test_the_workbook_has_a_sheet_per_list_and_text_cells_for_money() -> None:
    wb = book_of(example("c"))
    assert {"settings", "rates", "amounts", "parts", "items", "item_rates", "rules"} <= set(
        wb.sheetnames
    )
    items = wb["items"]
    r = rows_where(items, id="sleep_in")
    assert items.cell(r, col(items, "quantity_answer")).value == "nights"
    assert items.cell(r, col(items, "quantity_options")).value == "none=0, some=3, every=7"
    assert items.cell(r, col(items, "part")).value == "night_support"
    rates = wb["item_rates"]
    assert rates.cell(2, col(rates, "when")).value == "area = rural"
    parts = wb["parts"]
    fixed = parts.cell(rows_where(parts, id="care_home"), col(parts, "fixed_amount"))
    assert fixed.value == "850.00" and fixed.data_type == "s"  # text: 850.00 stays 850.00
    amounts = book_of(example("b"))["amounts"]
    assert amounts.cell(2, col(amounts, "period")).value == "one_off"
    assert amounts.cell(2, col(amounts, "covers_en")).value  # "for the next 12 months"
    settings_ = book_of(json.loads(DEMO_V2.read_text("utf-8")))["settings"]
    keys = [settings_.cell(r, 1).value for r in range(2, settings_.max_row + 1)]
    assert "format" in keys and any(str(k).startswith("contact_") for k in keys)


def test_an_edited_rate_changes_the_figures_it_should() -> None:
    doc = example("c")
    wb = book_of(doc)
    set_at(wb, "rates", "amount", "16.00", id="home_care")  # £15.10 → £16.00 an hour
    built = loads_strict(build_ruleset(save(wb)))
    ruleset = parse_ruleset_v2(dumps(built))
    answers = {"living": "alone", "area": "urban", "nursing": "no", "pc_hours": D("17.6")}
    answers.update({"hh_hours": 0, "social_hours": 0, "nights": "none"})
    result = compute_budget_v2(ruleset, {"questionnaire": "person", "answers": answers}).as_dict()
    (support,) = result["amounts"]
    home = next(p for p in support["parts"] if p["id"] == "home_care")
    assert D(home["amount"]) == D("281.60")  # 17.6 × £16.00, exact (never a band)
    changes = diff_any(parse_ruleset_v2(dumps(doc)), ruleset)
    assert len(changes) == 1 and "22.40" in changes[0] and "16.00" in changes[0], changes


# --- problems at the cell -----------------------------------------------------------------
def test_an_unknown_rate_is_reported_at_its_cell() -> None:
    wb = book_of(example("c"))
    where = set_at(wb, "items", "rate", "domestik", id="household")
    found = problems_of(save(wb))
    assert [p.path for p in found] == [where], found  # and no knock-on problem elsewhere
    assert "domestik" in found[0].message


def test_a_row_naming_an_unknown_part_or_amount_is_reported_there() -> None:
    wb = book_of(example("c"))
    ws = wb["items"]
    r = rows_where(ws, id="household")
    ws.cell(r, col(ws, "part")).value = "home_kare"
    found = problems_of(save(wb))
    assert (
        Problem(
            f"items!{letter(ws, 'part')}{r}",
            'part: unknown part "home_kare" of questionnaire "person", amount "support"; it must '
            "be in the parts sheet",
        )
        in found
    )
    wb = book_of(example("c"))
    where = set_at(wb, "parts", "amount", "suport", id="nursing")
    found = problems_of(save(wb))
    assert where in [p.path for p in found]
    assert any('unknown amount "suport"' in p.message for p in found)


def test_cell_problems_of_the_format_2_columns() -> None:
    wb = book_of(example("c"))
    bad_options = set_at(wb, "items", "quantity_options", "none 0, some=3", id="sleep_in")
    bad_money = set_at(wb, "parts", "fixed_amount", "£850", id="care_home")
    bad_method = set_at(wb, "parts", "method", "costd", id="night_support")
    found = {p.path: p.message for p in problems_of(save(wb))}
    assert bad_options in found and "option=quantity" in found[bad_options]
    assert bad_money in found and "no £ sign" in found[bad_money]
    assert bad_method in found  # the ruleset check's problem, moved to the cell


def test_a_rate_in_both_places_and_a_wrong_empty_list() -> None:
    wb = book_of(example("c"))
    ws = wb["items"]
    set_at(wb, "items", "rate", "home_care", id="personal_care")  # it also has item_rates rows
    found = problems_of(save(wb))
    assert any("not both" in p.message for p in found)
    wb = book_of(json.loads(DEMO_V2.read_text("utf-8")))
    ws = wb["parts"]
    r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col(ws, "empty_lists")).value)
    ws.cell(r, col(ws, "empty_lists")).value = "adjustments, colours"
    found = problems_of(save(wb))
    assert any('empty_lists: "colours" is not a list' in p.message for p in found), found


def test_an_unknown_sheet_and_a_missing_one() -> None:
    wb = book_of(example("a"))
    wb.create_sheet("part")
    del wb["amounts"]
    found = problems_of(save(wb))
    assert Problem("sheet amounts", 'the sheet "amounts" is missing') in found
    assert any(p.path == "sheet part" and 'unknown sheet "part"' in p.message for p in found)


def test_options_map() -> None:
    assert options_map("none=0, some = 2.5 ,every=7") == {"none": "0", "some": "2.5", "every": "7"}
    for bad in ("none", "none=0, none=1", "None=1", "a=x"):
        with pytest.raises(ValueError):
            options_map(bad)


# --- the commands ---------------------------------------------------------------------------
def test_cli_template_format_2_builds_the_format_2_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book, out = tmp_path / "v2.xlsx", tmp_path / "v2.json"
    code, text, _ = run(["ruleset", "template", "--format", "2", "-o", str(book)], capsys)
    assert code == 0 and "format 2" in text
    code, text, _ = run(["ruleset", "build", str(book), "-o", str(out)], capsys)
    assert code == 0 and "valid ruleset" in text
    assert loads_strict(out.read_bytes()) == loads_strict(DEMO_V2.read_bytes())
    code, text, _ = run(["ruleset", "diff", str(DEMO_V2), str(out)], capsys)
    assert code == 0 and "No changes" in text


def test_cli_export_of_a_signed_format_2_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (signed,) = (EXAMPLES / "d-person-and-carer").glob("*.signed.json")
    book = tmp_path / "d.xlsx"
    assert run(["ruleset", "export", str(signed), "-o", str(book)], capsys)[0] == 0
    assert loads_strict(build_ruleset(book.read_bytes())) == example("d")


def test_the_docs_name_every_format_2_sheet_and_column() -> None:
    from rasdesk.authoring.workbook_v2 import SHEETS_V2

    docs = (Path(__file__).resolve().parents[2] / "docs/ruleset-workbook.md").read_text("utf-8")
    section = docs[docs.index("## Format 2") : docs.index("## For developers")]
    for sheet in SHEETS_V2[1:]:
        assert f"`{sheet.name}`" in section, sheet.name
        for column in sheet.columns:
            name = f"{column.name}_en" if column.kind == "text" else column.name
            shown = "calibration_*" if name.startswith("calibration_") else name
            assert (
                f"`{shown}`" in section
                or f"**`{shown}`**" in section
                or (
                    sheet.name
                    in (
                        "sections",
                        "questions",
                        "options",
                        "bands",
                        "point_adjustments",
                        "adjustments",
                    )
                )
            ), (sheet.name, name)
