"""The figures a case list shows for finalised format-2 cases: each amount's period, the
council's figure and every other funder's, read from the latest frozen bundle (format-1
cases have their weekly figure in ``cases.weekly``). Only the result's ``amounts`` are
read, by SQLite's JSON functions, not the whole bundle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from rasdesk.domain.jsonio import loads_strict
from rasdesk.storage.store import CaseStore


@dataclass(frozen=True, slots=True)
class AmountFigure:
    id: str
    label: str
    per: str  # week | month | year | one_off
    council: Decimal
    funders: dict[str, Decimal]  # every funder with a part, council first if it has one
    total: Decimal


def amount_figures(store: CaseStore, cases: Sequence[str]) -> dict[str, list[AmountFigure]]:
    """For each of ``cases`` with a finalised format-2 version: its amounts, in order."""
    if not cases:
        return {}
    marks = ", ".join("?" for _ in cases)
    rows = store.db.execute(
        "SELECT case_uuid, json_extract(CAST(bundle AS TEXT), '$.result.amounts') FROM versions"
        " WHERE bundle IS NOT NULL AND number = (SELECT max(number) FROM versions v"
        f" WHERE v.case_uuid = versions.case_uuid AND v.bundle IS NOT NULL) AND case_uuid IN ({marks})",
        tuple(cases),
    ).fetchall()
    out: dict[str, list[AmountFigure]] = {}
    for case_uuid, amounts in rows:
        if amounts is None:
            continue  # format 1: no amounts
        out[case_uuid] = [
            AmountFigure(
                str(a["id"]),
                str(a["label"]),
                str(a["period"]["per"]),
                Decimal(str(a["council"])),
                {str(f): Decimal(str(v)) for f, v in a["funders"].items()},
                Decimal(str(a["total"])),
            )
            for a in loads_strict(amounts)
        ]
    return out
