"""``rasdesk-server report variance``: how far final budgets sit from the indicative ones.

What a RAS team needs for its annual review (a council's RAS report aims "to minimise the
variance between the RAS indicative allocation and the final agreed personal budget"):
per ruleset version, questionnaire and period of the indicative amount (a week for
format 1; a format-2 amount's own period, so a one-off is never averaged with weekly
amounts) and, for format 2, the amount the plan was measured against (the council's part
of it: a person's planning amount and a carer allocation of one questionnaire are
reported apart), over each case's latest decided version, the
median variance, its spread (quartiles, least and most), the share of cases within ±10%,
the cases furthest out, the picture by need area and by reason category.

Exact: variances are fractions of the indicative amount (``Fraction``), medians and
quartiles are taken on them exactly (quartiles by linear interpolation between the
closest ranks, as ``statistics.quantiles(method="inclusive")``), and only the words and
JSON round them (to 0.01 of a percent, half up). Cases with an indicative amount of 0
have no percentage and are counted apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

BAND = Fraction(1, 10)
FURTHEST = 10


@dataclass(frozen=True, slots=True)
class Decided:
    case_uuid: str
    council_ref: str | None
    ruleset_id: str
    ruleset_version: str
    questionnaire: str
    indicative: Decimal
    final: Decimal
    category: str
    areas: tuple[str, ...]
    received_at: str
    #: the indicative amount's period (format 1: a week; format 2: the amount's own);
    #: amounts of different periods are never summed or compared together
    period: str = "week"
    #: format 2: the id of the amount the plan was measured against (its council part);
    #: two amounts of one questionnaire are never put together either ("" for format 1)
    amount: str = ""

    @property
    def variance(self) -> Decimal:
        return self.final - self.indicative

    @property
    def share(self) -> Fraction | None:
        """final − indicative as a fraction of the indicative amount."""
        if self.indicative == 0:
            return None
        return Fraction(self.variance) / Fraction(self.indicative)


@dataclass
class Group:
    ruleset_id: str
    ruleset_version: str
    questionnaire: str
    period: str = "week"
    amount: str = ""
    cases: list[Decided] = field(default_factory=list)


def group_key(c: Decided) -> tuple[str, str, str, str, str]:
    """Cases are reported together only within one ruleset version, questionnaire,
    period of the indicative amount and (format 2) amount."""
    return (c.ruleset_id, c.ruleset_version, c.questionnaire, c.period, c.amount)


def percent(share: Fraction) -> Decimal:
    """A share as a percentage rounded half up to 0.01."""
    hundredths = share * 10000
    sign = -1 if hundredths < 0 else 1
    return (Decimal(sign * math.floor(abs(hundredths) + Fraction(1, 2))) / 100).quantize(
        Decimal("0.01")
    )


def quantile(sorted_values: list[Fraction], p: Fraction) -> Fraction:
    """Linear interpolation between closest ranks (``method="inclusive"``)."""
    position = (len(sorted_values) - 1) * p
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    frac = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * frac


def summarise(cases: list[Decided]) -> dict[str, Any]:
    shares = sorted(s for c in cases if (s := c.share) is not None)
    out: dict[str, Any] = {
        "cases": len(cases),
        "without_percentage": len(cases) - len(shares),
        "total_indicative": str(sum((c.indicative for c in cases), Decimal(0))),
        "total_final": str(sum((c.final for c in cases), Decimal(0))),
    }
    if shares:
        out.update(
            median_percent=str(percent(quantile(shares, Fraction(1, 2)))),
            lower_quartile_percent=str(percent(quantile(shares, Fraction(1, 4)))),
            upper_quartile_percent=str(percent(quantile(shares, Fraction(3, 4)))),
            least_percent=str(percent(shares[0])),
            most_percent=str(percent(shares[-1])),
            within_10_percent=sum(1 for s in shares if abs(s) <= BAND),
            share_within_10_percent=str(
                percent(Fraction(sum(1 for s in shares if abs(s) <= BAND), len(shares)))
            ),
            above=sum(1 for s in shares if s > 0),
            below=sum(1 for s in shares if s < 0),
        )
    return out


def group_report(g: Group) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleset_id": g.ruleset_id,
        "ruleset_version": g.ruleset_version,
        "questionnaire": g.questionnaire,
        "period": g.period,
        "amount": g.amount or None,
        **summarise(g.cases),
    }
    far = sorted(
        (c for c in g.cases if c.share is not None),
        key=lambda c: (-abs(c.share or 0), c.case_uuid),
    )[:FURTHEST]
    out["furthest"] = [
        {
            "case_uuid": c.case_uuid,
            "council_ref": c.council_ref,
            "indicative": str(c.indicative),
            "final": str(c.final),
            "variance": str(c.variance),
            "variance_percent": str(percent(c.share or Fraction(0))),
            "reason_category": c.category,
        }
        for c in far
    ]
    areas = sorted({a for c in g.cases for a in c.areas})
    out["by_need_area"] = {a: summarise([c for c in g.cases if a in c.areas]) for a in areas}
    categories = sorted({c.category for c in g.cases})
    out["by_reason_category"] = {
        k: summarise([c for c in g.cases if c.category == k]) for k in categories
    }
    return out


def decided_cases(
    rows: Iterable[dict[str, Any]], since: str | None, ruleset: str | None
) -> list[Decided]:
    """Each case's latest decided version (rows oldest first, as the export gives them)."""
    latest: dict[str, Decided] = {}
    for r in rows:
        if r.get("final") in (None, "") or (since and r["received_at"] < since):
            continue
        if ruleset and ruleset not in (
            r["ruleset_id"],
            f"{r['ruleset_id']}@{r['ruleset_version']}",
        ):
            continue
        areas = r["need_areas"]
        latest[r["case_uuid"]] = Decided(
            r["case_uuid"],
            r.get("council_ref"),
            r["ruleset_id"],
            r["ruleset_version"],
            r["questionnaire"],
            Decimal(r["indicative"]),
            Decimal(r["final"]),
            r.get("reason_category") or "",
            tuple(areas.split(";") if isinstance(areas, str) else areas or ()),
            r["received_at"],
            r.get("period") or "week",
            r.get("indicative_amount") or "",
        )
    return list(latest.values())


def report(
    cases: list[Decided], since: str | None = None, ruleset: str | None = None
) -> dict[str, Any]:
    groups: dict[tuple[str, str, str, str, str], Group] = {}
    for c in cases:
        key = group_key(c)
        groups.setdefault(key, Group(*key)).cases.append(c)
    return {
        "since": since,
        "ruleset": ruleset,
        "cases": len(cases),
        "groups": [group_report(groups[k]) for k in sorted(groups)],
        "method": "variance = final − indicative; percent of the indicative amount; quartiles "
        "by linear interpolation between closest ranks; within ±10% includes exactly 10%",
    }
