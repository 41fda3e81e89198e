"""``rasdesk case plan …`` and ``rasdesk case decide``: the support plan and the decision.

Each change is checked in full (the field named) before anything is saved; each step is
a new case version (storage/decisions.py). Money is printed to the penny, JSON exact.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from rasdesk.decision.decide import REASON_CATEGORIES
from rasdesk.decision.mechanisms import MECHANISMS
from rasdesk.domain.decimals import CENT, money
from rasdesk.domain.periods import PERIOD_WORDS

PER = {"week": "a week", "month": "a month", "year": "a year", "one_off": "once"}


def pounds(text: str) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    return "£" + f"{Decimal(text).quantize(CENT, rounding=ROUND_HALF_UP):,}"


def _with_store(work: Any) -> Any:
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        return work(store)
    finally:
        store.close()


def add(args: argparse.Namespace) -> int:
    from rasdesk.storage import decisions

    fields = {
        "kind": args.kind,
        "provider": args.provider,
        "quantity": args.quantity,
        "unit": args.unit,
        "rate": args.rate,
        "period": args.per,
        "meets": args.meets,
    }

    def work(store: Any) -> tuple[str, Any]:
        case = store.resolve(args.case)
        return case, decisions.add_item(
            store, case, fields, on_version=args.version, amount=args.amount
        )

    case, item = _with_store(work)
    print(
        f"Case {case[:8]}: added item {item.id}, {item.kind} ({item.provider}): "
        f"{pounds(money(item.cost))} {PER[item.period.value]}."
    )
    return 0


def remove(args: argparse.Namespace) -> int:
    from rasdesk.storage import decisions

    def work(store: Any) -> str:
        case = store.resolve(args.case)
        decisions.remove_item(store, case, args.item, on_version=args.version)
        return str(case)

    case = _with_store(work)
    print(f"Case {case[:8]}: removed item {args.item} from the support plan.")
    return 0


def managed_as(args: argparse.Namespace) -> int:
    from rasdesk.storage import decisions

    def work(store: Any) -> tuple[str, str]:
        case = store.resolve(args.case)
        return case, decisions.set_mechanism(store, case, args.mechanism, on_version=args.version)

    case, words = _with_store(work)
    print(f"Case {case[:8]}: the budget is managed as: {words}.")
    return 0


def agreed_by(args: argparse.Namespace) -> int:
    from rasdesk.storage import decisions

    def work(store: Any) -> str:
        case = store.resolve(args.case)
        decisions.set_agreed_by(store, case, args.who, on_version=args.version)
        return str(case)

    case = _with_store(work)
    print(f"Case {case[:8]}: the plan was agreed by {args.who.strip()}.")
    return 0


def list_plan(args: argparse.Namespace) -> int:
    from rasdesk.decision.costing import over_a_year
    from rasdesk.decision.record import section
    from rasdesk.storage import decisions

    def work(store: Any) -> tuple[str, Any, Any]:
        case = store.resolve(args.case)
        version, sec = decisions.current(store, case)
        return case, version, sec

    case, version, sec = _with_store(work)
    if sec is None:
        if args.json:
            print(json.dumps({"case_uuid": case, "version": version["number"], "plan": None}))
        else:
            print(f"Case {case[:8]} has no support plan yet.")
        return 0
    doc = section(sec.indicative, sec.plan, sec.decision)
    if args.json:
        print(
            json.dumps(
                {"case_uuid": case, "version": version["number"], **doc},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"Support plan, case {case[:8]} version {version['number']} ({doc['status']})")
    for it in doc["plan"]["items"]:
        meets = f" — meets {', '.join(it['meets'])}" if it["meets"] else ""
        print(
            f"  {it['id']:>3}. {it['kind']} ({it['provider']}): {it['quantity']} {it['unit']} × "
            f"{pounds(it['rate'])} = {pounds(it['cost'])} {PER[it['period']]}{meets}"
        )
    totals = (
        ", ".join(f"{pounds(v)} {PER[p]}" for p, v in doc["cost"]["totals"].items()) or "nothing"
    )
    cmp = doc["cost"]["comparison"]
    ind = doc["indicative"]
    yearly = over_a_year(sec.plan, sec.indicative)  # not for a one-off amount and plan
    print(f"  Total: {totals}" + (f"; {pounds(cmp['plan_per_year'])} a year" if yearly else ""))
    pct = f" ({cmp['percent']}%)" if cmp["percent"] is not None else ""
    if "amount_id" in ind:  # format 2: the council's total of one amount
        others = [p for p in ind["parts"] if p["funder"] != "council"]
        print(
            f"  Measured against: the council's part of amount {ind['amount_id']}"
            + "".join(
                f"; {p['id']} ({p['funder'].upper()}) {pounds(p['amount'])} {PER[ind['period']]}"
                " is not council money and is not counted"
                for p in others
            )
        )
    covers = sec.indicative.covers_in("en")
    said = (  # a one-off amount: once, with what it covers, never "(… a year)"
        (f" ({covers})" if covers else "")
        if sec.indicative.once
        else f" ({pounds(cmp['indicative_per_year'])} a year)"
    )
    print(
        f"  Indicative: {pounds(ind['amount'])} {PER[ind['period']]}{said}: "
        f"the plan is {cmp['direction']}"
        + (
            ""
            if cmp["direction"] == "same"
            else f" by {pounds(cmp['difference'].lstrip('-'))}{'' if sec.indicative.once else ' a year'}{pct}"
        )
    )
    mech = doc["plan"]["mechanism"]
    words = {m.code: m.words for m in MECHANISMS}
    print(
        f"  Managed as: {words[mech] if mech else 'not chosen yet'}; agreed by: {doc['plan']['agreed_by'] or '—'}"
    )
    if doc["needs_decision"] and doc["decision"] is None:
        print(
            "  Needs a decision: " + ", ".join(n.replace("_", " ") for n in doc["needs_decision"])
        )
    if doc["decision"]:
        d = doc["decision"]
        print(
            f"  Decided by {d['by']} on {d['decided_on']}: {pounds(d['final'])} {PER[d['period']]}"
        )
        if d["reasons"]:
            print(f"  Reasons: {d['reasons']}")
    return 0


def decide(args: argparse.Namespace) -> int:
    from rasdesk.storage import decisions

    def work(store: Any) -> tuple[str, Any]:
        case = store.resolve(args.case)
        _, decision = decisions.decide(
            store,
            case,
            on_version=args.version,
            final=args.final,
            by=args.by,
            reasons=args.reason,
            category=args.category,
            role=args.role,
            decided_on=args.date,
        )
        return case, decision

    case, d = _with_store(work)
    print(
        f"Case {case[:8]}: decided by {d.by} on {d.decided_on}: {pounds(money(d.final))} {PER[d.period]}."
    )
    return 0


def register(cs: Any) -> None:
    """Add ``plan`` and ``decide`` to ``rasdesk case``."""
    p = cs.add_parser("plan", help="the support plan: add, list, remove, managed-as, agreed-by")
    p.add_argument("case", metavar="CASE_ID")
    ps = p.add_subparsers(
        dest="plan_command", required=True, metavar="add|list|remove|managed-as|agreed-by"
    )

    def version_opt(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--version", type=int, metavar="N", help="refuse unless N is the case's latest version"
        )

    a = ps.add_parser("add", help="add an item: quantity × rate per period, or a one-off cost")
    a.add_argument("--kind", required=True, help='the kind of support ("personal care")')
    a.add_argument(
        "--provider", required=True, help="who provides it (agency, personal assistant…)"
    )
    a.add_argument("--quantity", required=True, help="how many units (7.5)")
    a.add_argument("--unit", required=True, help="hours, days, nights, item…")
    a.add_argument("--rate", required=True, help="£ per unit (24.50)")
    a.add_argument("--per", default="week", metavar="|".join(PERIOD_WORDS), help="default: week")
    a.add_argument("--meets", nargs="*", default=[], metavar="AREA", help="need areas it meets")
    a.add_argument(
        "--amount",
        metavar="ID",
        help="format 2, when the plan starts: the amount to measure it against "
        "(default: the first amount for whom the assessment is, e.g. the person's)",
    )
    version_opt(a)
    a.set_defaults(func=add)
    ls = ps.add_parser("list", help="the plan, its cost and the indicative amount")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=list_plan)
    r = ps.add_parser("remove", help="remove an item by its number")
    r.add_argument("item", type=int, metavar="ITEM")
    version_opt(r)
    r.set_defaults(func=remove)
    m = ps.add_parser("managed-as", help="; ".join(x.words for x in MECHANISMS))
    m.add_argument("mechanism", metavar="MECHANISM")
    version_opt(m)
    m.set_defaults(func=managed_as)
    g = ps.add_parser("agreed-by", help="who agreed the plan")
    g.add_argument("who", metavar="NAMES")
    version_opt(g)
    g.set_defaults(func=agreed_by)
    d = cs.add_parser("decide", help="record the decision on a finalised plan (a new version)")
    d.add_argument("case", metavar="CASE_ID")
    d.add_argument(
        "--final",
        required=True,
        metavar="AMOUNT",
        help="the final personal budget, £ for the indicative amount's period (a week for format 1)",
    )
    d.add_argument("--by", required=True, help='who decided ("Resource allocation panel")')
    d.add_argument("--role", choices=["manager", "panel"], help="default: panel if --by says so")
    d.add_argument("--reason", help="required when the final budget differs from the indicative")
    d.add_argument("--category", choices=list(REASON_CATEGORIES), help="why it differs")
    d.add_argument("--date", metavar="YYYY-MM-DD", help="when it was decided (default: today)")
    version_opt(d)
    d.set_defaults(func=decide)
