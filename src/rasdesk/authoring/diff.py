"""What changed between two rulesets, in plain English (``rasdesk ruleset diff OLD NEW``).

One sentence per change, in the order a RAS team reads a ruleset: the ruleset itself,
then each questionnaire's sections, questions and options, then its allocation (method,
rate, table, point adjustments, adjustments, floor, ceiling, rounding, sign-off, flags,
hourly rate, calibration). Sentences about a questionnaire start with its id. Two
rulesets that mean the same thing give ``["No changes."]``; byte-level differences that
change no meaning (spacing, key order) are not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from rasdesk.domain.conditions import (
    All,
    Answered,
    AnyOf,
    Compare,
    Condition,
    In,
    Is,
    Not,
)
from rasdesk.domain.decimals import money, plain
from rasdesk.domain.model import (
    Adjustment,
    Allocation,
    Calibration,
    Flag,
    PointAdjustment,
    Question,
    Questionnaire,
    Rounding,
    Ruleset,
    Section,
)
from rasdesk.domain.text import Text

T = TypeVar("T")
NO_CHANGES = "No changes."


def diff(old: Ruleset, new: Ruleset) -> list[str]:
    """Every change from ``old`` to ``new``, one plain-English sentence each."""
    out: list[str] = []
    for label, a, b in (
        ("The ruleset id", old.id, new.id),
        ("The version", old.version, new.version),
        ("The council", old.council, new.council),
        ("The title", old.title, new.title),
        ("The start date (effective_from)", old.effective_from, new.effective_from),
        ("The end date (effective_to)", old.effective_to, new.effective_to),
        ("The languages", ", ".join(old.languages), ", ".join(new.languages)),
    ):
        _changed(out, label, a, b, _show)
    olds, news = old.questionnaire_by_id, new.questionnaire_by_id
    for qid in olds.keys() - news.keys():
        out.append(f'Questionnaire "{qid}" was removed.')
    for qid in news.keys() - olds.keys():
        out.append(f'Questionnaire "{qid}" ({news[qid].title.en}) was added.')
    for qid in olds:
        if qid in news:
            out.extend(f"{qid}: {s}" for s in _questionnaire(olds[qid], news[qid]))
    return out or [NO_CHANGES]


def _show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, Text):
        return f"'{value.en}'"
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def _changed(
    out: list[str], label: str, a: T | None, b: T | None, show: Callable[[T], str]
) -> None:
    if a == b:
        return
    if a is None:
        out.append(f"{label} was added: {show(b)}.")  # type: ignore[arg-type]
    elif b is None:
        out.append(f"{label} was removed (it was {show(a)}).")
    else:
        out.append(f"{label} changed from {show(a)} to {show(b)}.")


def _pounds(value: Decimal) -> str:
    return f"£{money(value)}"


def _percent(a: Decimal, b: Decimal) -> str:
    if a == 0:
        return ""
    pct = ((b - a) / a * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f", {'+' if pct > 0 else ''}{pct}%"


def _questionnaire(a: Questionnaire, b: Questionnaire) -> list[str]:
    out: list[str] = []
    _changed(out, "The kind", a.kind, b.kind, _show)
    _changed(out, "The title", a.title, b.title, _show)
    sa, sb = {s.id: s for s in a.sections}, {s.id: s for s in b.sections}
    for sid in sa.keys() - sb.keys():
        out.append(f"Section {sid} ({sa[sid].title.en}) was removed.")
    for sid in [s for s in sb if s not in sa]:
        n = len(sb[sid].questions)
        out.append(f"Section {sid} ({sb[sid].title.en}) was added, with {n} question(s).")
    for sid in sa:
        if sid in sb:
            out.extend(_section(sa[sid], sb[sid]))
    if [s for s in sa if s in sb] != [s for s in sb if s in sa]:
        out.append("The sections are in a different order.")
    qa, qb = a.question_by_id, b.question_by_id
    for qid in [q for q in qa if q not in qb]:
        out.append(f"Question {qid} ({qa[qid].text.en}) was removed.")
    for qid in [q for q in qb if q not in qa]:
        q = qb[qid]
        out.append(f"Question {qid} ({q.text.en}) was added to section {q.section_id}.")
    for qid in qa:
        if qid in qb:
            out.extend(f"Question {qid}: {s}" for s in _question(qa[qid], qb[qid]))
    out.extend(_allocation(a.allocation, b.allocation))
    return out


def _section(a: Section, b: Section) -> list[str]:
    out: list[str] = []
    label = f"Section {a.id}"
    _changed(out, f"{label}: the title", a.title, b.title, _show)
    _changed(out, f"{label}: the easy-read title", a.easy_read, b.easy_read, _show)
    _changed(out, f"{label}: the weight", a.weight, b.weight, _show)
    _changed(out, f"{label}: the cap (max_points)", a.max_points, b.max_points, _show)
    return out


def _question(a: Question, b: Question) -> list[str]:
    out: list[str] = []
    _changed(out, "the section", a.section_id, b.section_id, _show)
    _changed(out, "the type", a.type, b.type, _show)
    _changed(out, "required", a.required, b.required, lambda v: "yes" if v else "no")
    _changed(out, "the text", a.text, b.text, _show)
    _changed(out, "the easy-read text", a.easy_read, b.easy_read, _show)
    _changed(out, "the help", a.help, b.help, _show)
    _changed(out, "the picture", a.picture, b.picture, _show)
    _changed(out, "when it is shown (show_if)", a.show_if, b.show_if, condition_words)
    oa, ob = a.option_by_id, b.option_by_id
    for oid in [o for o in oa if o not in ob]:
        out.append(f"option '{oa[oid].text.en}' ({oid}) was removed.")
    for oid in [o for o in ob if o not in oa]:
        o = ob[oid]
        out.append(f"option '{o.text.en}' ({oid}) was added, scoring {plain(o.points)} points.")
    for oid, o in oa.items():
        if oid in ob:
            n = ob[oid]
            if o.points != n.points:
                out.append(
                    f"'{n.text.en}' ({oid}) went from {plain(o.points)} to {plain(n.points)} points."
                )
            _changed(out, f"option {oid}: the text", o.text, n.text, _show)
            _changed(out, f"option {oid}: the easy-read text", o.easy_read, n.easy_read, _show)
    _changed(out, "scoring", a.scoring, b.scoring, _show)
    _changed(out, "the unit", a.unit, b.unit, _show)
    _changed(out, "the smallest answer (min)", a.minimum, b.minimum, _show)
    _changed(out, "the largest answer (max)", a.maximum, b.maximum, _show)
    _changed(out, "the bands", a.bands, b.bands, _bands)
    return out


def _bands(bands: Sequence[object]) -> str:
    words = [f"from {plain(x.start)}: {plain(x.points)} points" for x in bands]  # type: ignore[attr-defined]
    return "; ".join(words) if words else "no bands"


def condition_words(c: Condition) -> str:
    """A condition as words: ``carer_support is daily and carer_willing is yes``."""
    if isinstance(c, Is):
        return f"{c.question} is {c.option}"
    if isinstance(c, In):
        return f"{c.question} is one of {', '.join(sorted(c.options))}"
    if isinstance(c, Compare):
        return f"{c.question} {c.op} {plain(c.value)}"
    if isinstance(c, Answered):
        return f"{c.question} is answered"
    if isinstance(c, All):
        return "(" + " and ".join(condition_words(p) for p in c.parts) + ")"
    if isinstance(c, AnyOf):
        return "(" + " or ".join(condition_words(p) for p in c.parts) + ")"
    if isinstance(c, Not):
        return f"not {condition_words(c.part)}"
    return repr(c)


def _when(c: Condition | None) -> str:
    return "always" if c is None else f"when {condition_words(c)}"


def _allocation(a: Allocation, b: Allocation) -> list[str]:
    out: list[str] = []
    _changed(out, "The period", a.period, b.period, _show)
    _changed(out, "The method", a.method, b.method, _show)
    if a.rate is not None and b.rate is not None and a.rate != b.rate:
        out.append(
            f"The rate changed: {_pounds(a.rate)} → {_pounds(b.rate)} a point{_percent(a.rate, b.rate)}."
        )
    else:
        _changed(out, "The rate", a.rate, b.rate, lambda v: f"{_pounds(v)} a point")
    ta = {r.from_points: r.amount for r in a.table}
    tb = {r.from_points: r.amount for r in b.table}
    for p in sorted(ta.keys() - tb.keys()):
        out.append(f"The table row from {plain(p)} points ({_pounds(ta[p])}) was removed.")
    for p in sorted(tb.keys() - ta.keys()):
        out.append(f"A table row was added: from {plain(p)} points, {_pounds(tb[p])}.")
    for p in sorted(ta.keys() & tb.keys()):
        if ta[p] != tb[p]:
            out.append(
                f"The table row from {plain(p)} points went from {_pounds(ta[p])} to {_pounds(tb[p])}."
            )
    _named(out, "point adjustment", a.point_adjustments, b.point_adjustments, _point_adj)
    _changed(out, "The rounding of points", a.points_rounding, b.points_rounding, _rounding)
    _changed(out, "The minimum points", a.minimum_points, b.minimum_points, _show)
    _named(out, "adjustment", a.adjustments, b.adjustments, _adj)
    _changed(out, "The floor (minimum)", a.minimum, b.minimum, _pounds)
    _changed(out, "The ceiling (maximum)", a.maximum, b.maximum, _pounds)
    _changed(out, "The rounding of the weekly amount", a.rounding, b.rounding, _rounding)
    _changed(out, "The annual factor", a.annual_factor, b.annual_factor, _show)
    _changed(out, "Senior sign-off above", a.sign_off_above, b.sign_off_above, _pounds)
    _named(out, "flag", a.flags, b.flags, _flag)
    _changed(
        out,
        "The illustrative hourly rate",
        a.illustrative_hourly_rate,
        b.illustrative_hourly_rate,
        _pounds,
    )
    _changed(out, "The calibration", a.calibration, b.calibration, _calibration)
    return out


N = TypeVar("N", PointAdjustment, Adjustment, Flag)


def _named(
    out: list[str], kind: str, a: Sequence[N], b: Sequence[N], show: Callable[[N], str]
) -> None:
    ia, ib = {x.id: x for x in a}, {x.id: x for x in b}
    for xid in [x for x in ia if x not in ib]:
        out.append(f"The {kind} {xid} ('{ia[xid].label.en}') was removed (it was {show(ia[xid])}).")
    for xid in [x for x in ib if x not in ia]:
        out.append(f"The {kind} {xid} ('{ib[xid].label.en}') was added: {show(ib[xid])}.")
    for xid in ia:
        if xid in ib and ia[xid] != ib[xid]:
            x, y = ia[xid], ib[xid]
            if show(x) != show(y):
                out.append(f"The {kind} {xid} changed from {show(x)} to {show(y)}.")
            if x.label != y.label:
                out.append(f"The {kind} {xid}: the label changed to '{y.label.en}'.")
            if show(x) == show(y) and x.label == y.label:
                out.append(f"The {kind} {xid}: its explanation changed.")
    if [x for x in ia if x in ib] != [x for x in ib if x in ia]:
        out.append(f"The {kind}s are applied in a different order.")


def _point_adj(p: PointAdjustment) -> str:
    return f"× {plain(p.multiply)} on {', '.join(p.sections)} {_when(p.when)}"


def _adj(a: Adjustment) -> str:
    if a.multiply is not None:
        effect = f"× {plain(a.multiply)}"
    else:
        assert a.add is not None
        effect = f"{'+' if a.add >= 0 else '−'} {_pounds(abs(a.add))}"
    return f"{effect} {_when(a.when)}"


def _flag(f: Flag) -> str:
    if f.points_above is not None:
        return f"raised above {plain(f.points_above)} points"
    assert f.weekly_above is not None
    return f"raised above {_pounds(f.weekly_above)} a week"


def _rounding(r: Rounding) -> str:
    return f"to {plain(r.to)} ({r.mode.replace('_', ' ')})"


def _calibration(c: Calibration) -> str:
    parts = [
        f"{c.sample_size} people" if c.sample_size is not None else None,
        f"{_pounds(c.sample_weekly_cost)} a week" if c.sample_weekly_cost is not None else None,
        f"{plain(c.sample_points)} points" if c.sample_points is not None else None,
        f"contingency {plain(c.contingency)}" if c.contingency is not None else None,
        f"dated {c.date}" if c.date else None,
    ]
    return "(" + ", ".join(p for p in parts if p) + ")"
