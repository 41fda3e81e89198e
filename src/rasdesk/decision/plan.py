"""The support plan: what the budget will buy, item by item, and how it is managed.

Each item is a kind of support, who provides it, a quantity of a unit at a rate per
period (``7.5 hours × £24.50 a week``) or a one-off cost (quantity 1 of the thing), and
the need areas it meets. Every value is checked here, with the field named, before
anything is saved; the same checks read a plan back from a bundle that came over the
network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rasdesk.decision.errors import FieldError
from rasdesk.decision.mechanisms import BY_CODE, Mechanism, find_mechanism
from rasdesk.domain.decimals import money, plain
from rasdesk.domain.periods import Period

MAX_ITEMS = 100
MAX_TEXT = 200
MAX_QUANTITY = Decimal(10000)  # more of anything in one period is a typing slip
MAX_RATE = Decimal(100000)  # £ per unit
MAX_AREAS = 20
_AREA = re.compile(r"[a-z0-9_]{1,64}")
_NUMBER = re.compile(r"[0-9]{1,7}(\.[0-9]{1,4})?")


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: int
    kind: str  # the kind of support: "personal care", "day service", "short breaks"
    provider: str  # who provides it: an agency, a personal assistant, a day centre…
    quantity: Decimal
    unit: str  # "hours", "days", "nights", "item"
    rate: Decimal  # £ per unit
    period: Period
    meets: tuple[str, ...] = ()  # need areas (the ruleset's section ids) or outcomes

    @property
    def cost(self) -> Decimal:
        """quantity × rate, exactly, for one ``period`` (or once, for a one-off)."""
        return self.quantity * self.rate

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "provider": self.provider,
            "quantity": plain(self.quantity),
            "unit": self.unit,
            "rate": money(self.rate),
            "period": self.period.value,
            "meets": list(self.meets),
            "cost": money(self.cost),
        }


@dataclass(frozen=True, slots=True)
class Plan:
    items: tuple[PlanItem, ...] = ()
    mechanism: Mechanism | None = None
    agreed_by: str | None = None  # who agreed the plan: "Siân Jones and Sam Patel"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def next_id(self) -> int:
        return max((i.id for i in self.items), default=0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": [i.as_dict() for i in self.items],
            "mechanism": None if self.mechanism is None else self.mechanism.code,
            "agreed_by": self.agreed_by,
        }


def text_field(name: str, value: Any, *, required: bool = True) -> str:
    """Text a person typed: trimmed, at most 200 characters, no control characters."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(name, "is empty: say what it is")
        return ""
    if not isinstance(value, str):
        raise FieldError(name, "must be text")
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        raise FieldError(name, f"is {len(text)} characters long: keep it to {MAX_TEXT}")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise FieldError(name, "holds control characters: type plain text")
    return text


def number_field(name: str, value: Any, *, limit: Decimal, places: int, zero_ok: bool) -> Decimal:
    """A plain decimal typed by a person ("7.5", "24.50"), within sensible bounds."""
    text = value if isinstance(value, str) else str(value) if isinstance(value, int) else None
    if text is None or isinstance(value, bool):
        raise FieldError(name, "must be a number written like 7.5")
    text = text.strip().removeprefix("£")
    if not _NUMBER.fullmatch(text):
        if text.startswith("-"):
            raise FieldError(name, f"{value!r} is below zero: it must be 0 or more")
        raise FieldError(
            name, f"{value!r} is not a number written like 7.5 (digits, one point, no commas)"
        )
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        raise FieldError(name, f"{value!r} is not a number") from None
    if number == 0 and not zero_ok:
        raise FieldError(name, "is 0: it must be more than 0")
    if number > limit:
        raise FieldError(name, f"{text} is more than {plain(limit)}: check it")
    if -number.normalize().as_tuple().exponent > places:  # type: ignore[operator]  # 24.50 is 2 places
        raise FieldError(name, f"{text} has more than {places} decimal places")
    return number


def make_item(
    item_id: int,
    *,
    kind: Any,
    provider: Any,
    quantity: Any,
    unit: Any,
    rate: Any,
    period: Any = "week",
    meets: Any = (),
    areas: tuple[str, ...] | None = None,
) -> PlanItem:
    """A checked item from typed values; ``areas`` the need areas the ruleset knows."""
    try:
        per = period if isinstance(period, Period) else Period.parse(str(period))
    except ValueError as exc:
        raise FieldError("per", str(exc)) from None
    if not isinstance(meets, (list, tuple)) or len(meets) > MAX_AREAS:
        raise FieldError("meets", f"give at most {MAX_AREAS} need areas")
    checked: list[str] = []
    for area in meets:
        if not isinstance(area, str) or not _AREA.fullmatch(area):
            raise FieldError("meets", f"{area!r} is not a need area id (like personal_care)")
        if areas is not None and area not in areas:
            raise FieldError(
                "meets", f"{area!r} is not a need area of this questionnaire ({', '.join(areas)})"
            )
        if area not in checked:
            checked.append(area)
    return PlanItem(
        id=item_id,
        kind=text_field("kind", kind),
        provider=text_field("provider", provider),
        quantity=number_field("quantity", quantity, limit=MAX_QUANTITY, places=2, zero_ok=False),
        unit=text_field("unit", unit),
        rate=number_field("rate", rate, limit=MAX_RATE, places=2, zero_ok=True),
        period=per,
        meets=tuple(checked),
    )


def add_item(plan: Plan, item: PlanItem) -> Plan:
    if len(plan.items) >= MAX_ITEMS:
        raise FieldError("item", f"a plan holds at most {MAX_ITEMS} items")
    return Plan((*plan.items, item), plan.mechanism, plan.agreed_by)


def remove_item(plan: Plan, item_id: int) -> Plan:
    if all(i.id != item_id for i in plan.items):
        known = ", ".join(str(i.id) for i in plan.items) or "none"
        raise FieldError("item", f"the plan has no item {item_id} (its items: {known})")
    return Plan(tuple(i for i in plan.items if i.id != item_id), plan.mechanism, plan.agreed_by)


def mechanism_field(text: Any) -> Mechanism:
    found = find_mechanism(text) if isinstance(text, str) else None
    if found is None:
        from rasdesk.decision.mechanisms import MECHANISMS

        words = "; ".join(f'"{m.words}"' for m in MECHANISMS)
        raise FieldError("mechanism", f"{text!r} is not a way a budget is managed: use {words}")
    return found


def plan_from_dict(doc: Any, where: str = "plan") -> Plan:
    """A plan read back from a bundle (``Plan.as_dict()``), checked like typed input."""
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FieldError(where, "is not a support plan")
    if len(doc["items"]) > MAX_ITEMS:
        raise FieldError(where, f"has more than {MAX_ITEMS} items")
    items = []
    for raw in doc["items"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), int):
            raise FieldError(where, "has an item that is not an object with a whole-number id")
        items.append(
            make_item(
                raw["id"],
                kind=raw.get("kind"),
                provider=raw.get("provider"),
                quantity=raw.get("quantity"),
                unit=raw.get("unit"),
                rate=raw.get("rate"),
                period=raw.get("period"),
                meets=raw.get("meets", []),
            )
        )
    code = doc.get("mechanism")
    mechanism = None if code is None else BY_CODE.get(code) or mechanism_field(code)
    agreed = doc.get("agreed_by")
    return Plan(tuple(items), mechanism, text_field("agreed_by", agreed, required=False) or None)
