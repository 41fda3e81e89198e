"""The amounts of each exported version, never mixing periods, parts or funders.

A format-2 result (docs/ruleset-v2.md §3) gives one or more amounts, each in its own
period, made of parts that the council or another body (NHS, Independent Living Fund,
other) funds. The export states each amount with its period, the council's part, each
other funder's part and the total, as the result says them (exact text, never re-added),
and each part with its funder and its figure in its own and in the amount's period.

A format-1 result is read as the one amount its upgrade to format 2 gives
(docs/ruleset-v2.md §7): amount and part ``budget``, funded by the council, a week, with
the year's figure beside it; so one file holds every version's amounts alike.

- ``summary(bundle, kind)``: the amounts of one bundle's result (the JSON export's
  ``amounts`` for format 2).
- ``AMOUNT_COLUMNS`` / ``amount_rows`` and ``PART_COLUMNS`` / ``part_rows``: the
  ``--format amounts`` and ``--format parts`` CSV files, one row per amount or part.
"""

from __future__ import annotations

from typing import Any

RESULT_V2 = "rasdesk-result/2"
FUNDERS = ("council", "nhs", "ilf", "other")
ALSO = ("week", "month", "year")

#: The version's columns that lead every amounts and parts row.
_VERSION = (
    "case_uuid",
    "version_uuid",
    "received_at",
    "council_ref",
    "questionnaire",
    "ruleset_id",
    "ruleset_version",
    "ruleset_sha256",
    "ruleset_format",
)
AMOUNT_COLUMNS = (
    *_VERSION,
    "amount",
    "amount_for",
    "amount_label",
    "period",
    "period_covers",
    *FUNDERS,
    "total",
    *(f"{period}_{what}" for period in ALSO for what in ("council", "total")),
    "sign_off_required",
    "flags",
    "recompute_agrees",
)
PART_COLUMNS = (
    *_VERSION,
    "amount",
    "amount_period",
    "part",
    "part_label",
    "funder",
    "earmarked",
    "applies",
    "part_period",
    "part_period_covers",
    "part_amount",
    "in_amount_period",
    "recompute_agrees",
)


def is_v2(bundle: dict[str, Any]) -> bool:
    result = bundle.get("result")
    return isinstance(result, dict) and result.get("format") == RESULT_V2


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _part(p: dict[str, Any]) -> dict[str, Any]:
    period = p.get("period") or {}
    return {
        "id": p["id"],
        "label": p.get("label"),
        "funder": p.get("funder"),
        "earmarked": p.get("earmarked"),
        "applies": p.get("applies"),
        "period": period.get("per"),
        "covers": period.get("covers"),
        "amount": _text(p.get("amount")),
        "in_amount_period": _text(p.get("in_amount_period")),
    }


def _amount(a: dict[str, Any]) -> dict[str, Any]:
    period = a.get("period") or {}
    return {
        "id": a["id"],
        "for": a.get("for"),
        "label": a.get("label"),
        "period": period.get("per"),
        "covers": period.get("covers"),
        "council": _text(a.get("council")),
        "funders": {str(k): _text(v) for k, v in (a.get("funders") or {}).items()},
        "total": _text(a.get("total")),
        "also": [
            {
                "period": (x.get("period") or {}).get("per"),
                "council": _text(x.get("council")),
                "total": _text(x.get("total")),
            }
            for x in a.get("also") or []
        ],
        "sign_off_required": a.get("sign_off_required"),
        "flags": [str(f) for f in a.get("flags") or []],
        "parts": [_part(p) for p in a.get("parts") or []],
    }


def _format1(result: dict[str, Any], kind: str | None) -> dict[str, Any]:
    weekly, annual = _text(result.get("weekly")), _text(result.get("annual"))
    return {
        "id": "budget",
        "for": kind,
        "label": None,
        "period": "week",
        "covers": None,
        "council": weekly,
        "funders": {"council": weekly},
        "total": weekly,
        "also": [{"period": "year", "council": annual, "total": annual}],
        "sign_off_required": result.get("sign_off_required"),
        "flags": [str(f) for f in result.get("flags") or []],
        "parts": [
            {
                "id": "budget",
                "label": None,
                "funder": "council",
                "earmarked": None,
                "applies": True,
                "period": "week",
                "covers": None,
                "amount": weekly,
                "in_amount_period": weekly,
            }
        ],
    }


def summary(bundle: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    """Each amount of the bundle's result with its period, funders, total and parts.
    ``kind``: whose amount a format-1 result is (its questionnaire's kind)."""
    result = bundle.get("result")
    if not isinstance(result, dict):
        return []
    if is_v2(bundle):
        return [_amount(a) for a in result.get("amounts") or [] if isinstance(a, dict)]
    return [_format1(result, kind)]


def _version(row: dict[str, Any]) -> dict[str, Any]:
    return {**{c: row.get(c) for c in _VERSION}, "ruleset_format": row["ruleset_format"]}


def amount_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One ``AMOUNT_COLUMNS`` row per amount of an exported version."""
    out = []
    for a in row["all_amounts"]:
        also = {x["period"]: x for x in a["also"]}
        out.append(
            {
                **_version(row),
                "amount": a["id"],
                "amount_for": a["for"],
                "amount_label": a["label"],
                "period": a["period"],
                "period_covers": a["covers"],
                **{f: a["funders"].get(f) for f in FUNDERS},
                "council": a["council"],  # stated even when no part is the council's
                "total": a["total"],
                **{
                    f"{period}_{what}": (also.get(period) or {}).get(what)
                    for period in ALSO
                    for what in ("council", "total")
                },
                "sign_off_required": a["sign_off_required"],
                "flags": a["flags"],
                "recompute_agrees": row["recompute_agrees"],
            }
        )
    return out


def part_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One ``PART_COLUMNS`` row per part of each amount of an exported version."""
    return [
        {
            **_version(row),
            "amount": a["id"],
            "amount_period": a["period"],
            "part": p["id"],
            "part_label": p["label"],
            "funder": p["funder"],
            "earmarked": p["earmarked"],
            "applies": p["applies"],
            "part_period": p["period"],
            "part_period_covers": p["covers"],
            "part_amount": p["amount"],
            "in_amount_period": p["in_amount_period"],
            "recompute_agrees": row["recompute_agrees"],
        }
        for a in row["all_amounts"]
        for p in a["parts"]
    ]
