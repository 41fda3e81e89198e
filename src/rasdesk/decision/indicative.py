"""The indicative amount a plan and a decision are measured against.

An adapter over what the ruleset computed: the amount with its period, how many of that
period make a year (as the ruleset declares it), the sign-off threshold, and, when the
result has them, its parts with their funders. Today's format-1 result is a weekly amount
with an annual figure (``weekly × annual_factor``, rounded to the penny); format 2
(docs/ruleset-v2.md) adds other periods and components with funders, and only this
adapter grows. A plan is compared on a year, the only span every period converts to
exactly (a week by the ruleset's own factor, a month as 12, a one-off once).

Format 2 (docs/ruleset-v2.md §5, "support plan"): the amount is the **council's** total
of the chosen amount (what the personal budget and its sign-off are about); every part
that applies is kept with its funder, so another funder's part (the NHS's, the ILF's) is
shown beside the plan but never counted as council money. Weeks in a year come only from
the ruleset's declared week↔year conversion; with none, a weekly amount cannot be
compared and a plan item costed a week is refused (``yearly``), never assumed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.decision.errors import FieldError
from rasdesk.domain.decimals import money, parse_decimal, plain
from rasdesk.domain.errors import InputError
from rasdesk.domain.periods import Period


@dataclass(frozen=True, slots=True)
class Part:
    """One component of the indicative amount and who funds it (format 2)."""

    id: str
    amount: Decimal
    funder: str


@dataclass(frozen=True, slots=True)
class Indicative:
    amount: Decimal
    period: Period
    #: the amount over a year, as the result states it (format 1: its "annual" figure)
    per_year: Decimal
    #: how many weeks make a year in this ruleset (format 1: the allocation's annual_factor;
    #: format 2: its declared week↔year conversion, None when it declares none)
    weeks_per_year: Decimal | None
    sign_off_above: Decimal | None = None
    parts: tuple[Part, ...] = field(default=())
    #: format 2: the id of the result's amount the plan is measured against
    amount_id: str | None = None
    #: format 2: what the amount's period covers, by language (the ruleset's words, e.g.
    #: a one-off carer's budget "for the next 12 months"); empty when it says none
    covers: tuple[tuple[str, str], ...] = ()

    @property
    def once(self) -> bool:
        """A one-off amount: said once, with what it covers, never "a year" (its year's
        worth is the same figure)."""
        return self.period is Period.ONE_OFF

    def covers_in(self, lang: str) -> str | None:
        """What the amount's period covers in ``lang`` (English when not given), or None."""
        by_lang = dict(self.covers)
        return by_lang.get(lang) or by_lang.get("en")

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods a plan item may be costed in against this amount: every period that
        converts to a year, so not a week when the ruleset declares no week↔year
        conversion (``yearly`` refuses it; a screen offers only these)."""
        return tuple(p for p in Period if p is not Period.WEEK or self.weeks_per_year is not None)

    def yearly(self, amount: Decimal, period: Period) -> Decimal:
        """``amount`` a ``period`` over one year, exactly (a one-off counts once)."""
        if period is Period.WEEK and self.weeks_per_year is None:
            raise FieldError(
                "per",
                "the ruleset declares no conversion between a week and a year for this "
                "amount, so a cost a week cannot be compared with it: give the cost a "
                "month, a year or once (one_off)",
            )
        weeks = self.weeks_per_year if self.weeks_per_year is not None else Decimal(0)
        factor = {
            Period.WEEK: weeks,
            Period.MONTH: Decimal(12),
            Period.YEAR: Decimal(1),
            Period.ONE_OFF: Decimal(1),
        }[period]
        return amount * factor

    @property
    def exact_per_year(self) -> Decimal:
        """The amount over a year by the same exact sum a plan's items get (the stated
        ``per_year`` is rounded to the penny; comparisons use this one, so a plan costing
        exactly the indicative amount a week is "the same", not a fraction of a penny above)."""
        return self.yearly(self.amount, self.period)

    @property
    def council_parts(self) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.funder == "council")

    @property
    def other_parts(self) -> tuple[Part, ...]:
        """Parts another body funds (the NHS, the ILF …): shown, never council money."""
        return tuple(p for p in self.parts if p.funder != "council")

    def as_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "amount": money(self.amount),
            "period": self.period.value,
            "per_year": money(self.per_year),
            "weeks_per_year": None if self.weeks_per_year is None else plain(self.weeks_per_year),
            "sign_off_above": None if self.sign_off_above is None else money(self.sign_off_above),
            "parts": [
                {"id": p.id, "amount": money(p.amount), "funder": p.funder} for p in self.parts
            ],
        }
        if self.amount_id is not None:  # format 2 only: format 1's section is unchanged
            doc["amount_id"] = self.amount_id
        if self.covers:  # format 2, only when the ruleset says what the period covers
            doc["covers"] = dict(self.covers)
        return doc


def from_format1(
    result: dict[str, Any], weeks_per_year: Decimal, sign_off_above: Decimal | None
) -> Indicative:
    """The indicative amount of a format-1 result (its JSON, as in a case bundle)."""
    return Indicative(
        amount=parse_decimal(result["weekly"]),
        period=Period.WEEK,
        per_year=parse_decimal(result["annual"]),
        weeks_per_year=weeks_per_year,
        sign_off_above=sign_off_above,
    )


def from_dict(doc: Any, where: str = "indicative") -> Indicative:
    """Read ``as_dict()`` back (from a bundle); every field checked."""
    if not isinstance(doc, dict):
        raise InputError(f"{where} is not an object")
    try:
        threshold = doc.get("sign_off_above")
        weeks = doc["weeks_per_year"]
        amount_id = doc.get("amount_id")
        if amount_id is not None and (not isinstance(amount_id, str) or len(amount_id) > 64):
            raise ValueError("amount_id must be an amount id")
        covers = doc.get("covers", {})
        if not isinstance(covers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) <= 16 and len(v) <= 500
            for k, v in covers.items()
        ):
            raise ValueError("covers must map languages to words")
        parts = doc.get("parts", [])
        if not isinstance(parts, list) or len(parts) > 50:
            raise ValueError("parts must be a list of at most 50")
        return Indicative(
            amount=parse_decimal(doc["amount"]),
            period=Period.parse(doc["period"]),
            per_year=parse_decimal(doc["per_year"]),
            weeks_per_year=None if weeks is None else parse_decimal(weeks),
            sign_off_above=None if threshold is None else parse_decimal(threshold),
            parts=tuple(
                Part(str(p["id"]), parse_decimal(p["amount"]), str(p["funder"])) for p in parts
            ),
            amount_id=amount_id,
            covers=tuple(sorted(covers.items())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where} cannot be read: {exc}") from None


def from_format2(
    amount: dict[str, Any],
    conversions: tuple[Any, ...],
    sign_off_above: Decimal | None,
    covers: Mapping[str, str] | None = None,
) -> Indicative:
    """The indicative amount of one amount of a format-2 result (its JSON: ``council`` and
    ``total`` for its ``period``, with ``parts`` and their funders): the council's total,
    which is what a plan and a decision are measured against (docs/ruleset-v2.md §5); a
    year's worth is the amount's own council figure for a year when the result shows one
    (``also``), otherwise the council total × the ruleset's declared conversion; weeks in
    a year come from its week↔year conversion (``model_v2.Conversion``). No conversion is
    ever assumed: a weekly amount without one is refused; an amount for a month, a year or
    once needs none (a plan item costed a week is then refused). ``covers``: what the
    amount's period covers, by language, as the ruleset words it (None: it says nothing)."""
    period = Period.parse(amount["period"]["per"])
    weeks = None
    for c in conversions:
        if (c.source, c.target) == (Period.WEEK, Period.YEAR) and c.multiply is not None:
            weeks = c.multiply
        elif (c.source, c.target) == (Period.YEAR, Period.WEEK) and c.divide is not None:
            weeks = c.divide
    if weeks is None and period is Period.WEEK:
        raise InputError(
            "the ruleset declares no conversion between a week and a year: a support plan "
            "cannot be compared with this amount"
        )
    council = parse_decimal(amount["council"])
    year = next(
        (
            parse_decimal(a["council"])
            for a in amount.get("also", [])
            if a["period"]["per"] == "year"
        ),
        None,
    )
    parts = tuple(
        Part(str(p["id"]), parse_decimal(p["in_amount_period"]), str(p["funder"]))
        for p in amount.get("parts", [])
        if p.get("applies", True)
    )
    draft = Indicative(council, period, Decimal(0), weeks, sign_off_above, parts)
    return Indicative(
        council,
        period,
        year if year is not None else draft.exact_per_year,
        weeks,
        sign_off_above,
        parts,
        str(amount["id"]),
        tuple(sorted((covers or {}).items())),
    )
