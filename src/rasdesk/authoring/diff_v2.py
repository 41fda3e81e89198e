"""What changed between two rulesets when either is format 2, in plain English (``rasdesk
ruleset diff OLD NEW``): the same sentences as format 1 for the ruleset, its sections and
questions (``authoring.diff``), then format 2's own — the format, contact, named rates,
and each amount's period, parts (funder, method, period, rate, table, items, fixed amount,
bands, adjustments, floor, ceiling), rules, conversions, sign-off, flags and hours."""

from __future__ import annotations

from decimal import Decimal

from rasdesk.authoring.diff import (
    NO_CHANGES,
    _adj,
    _changed,
    _named,
    _percent,
    _pounds,
    _question,
    _section,
    _show,
    _when,
    diff,
)
from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Question, Ruleset, Section
from rasdesk.domain.model_v2 import Amount, Conversion, Part, PeriodSpec, Rule, RulesetV2
from rasdesk.domain.parse_v2 import AnyRuleset


def diff_any(old: AnyRuleset, new: AnyRuleset) -> list[str]:
    """Every change from ``old`` to ``new`` (either format), one sentence each."""
    if isinstance(old, Ruleset) and isinstance(new, Ruleset):
        return diff(old, new)
    out: list[str] = []
    fa, fb = _format(old), _format(new)
    _changed(out, "The format", fa, fb, _show)
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
    if isinstance(old, RulesetV2) and isinstance(new, RulesetV2):
        _changed(out, "The council's contact details", old.contact, new.contact, lambda c: "set")
        for rid in old.rates.keys() - new.rates.keys():
            out.append(f"The rate {rid} was removed.")
        for rid in [r for r in new.rates if r not in old.rates]:
            r = new.rates[rid]
            out.append(f"The rate {rid} was added: {_pounds(r.amount)} {_a(r.unit)}.")
        for rid, r in old.rates.items():
            n = new.rates.get(rid)
            if n is not None and (n.amount, n.unit) != (r.amount, r.unit):
                out.append(
                    f"The rate {rid} changed: {_pounds(r.amount)} → {_pounds(n.amount)} {_a(n.unit)}"
                    f"{_percent(r.amount, n.amount)}."
                )
    olds, news = old.questionnaire_by_id, new.questionnaire_by_id
    for qid in olds.keys() - news.keys():
        out.append(f'Questionnaire "{qid}" was removed.')
    for qid in [q for q in news if q not in olds]:
        out.append(f'Questionnaire "{qid}" ({news[qid].title.en}) was added.')
    for qid in olds:
        if qid in news:
            out.extend(f"{qid}: {s}" for s in _questionnaire(olds[qid], news[qid]))
    return out or [NO_CHANGES]


def _a(unit: str) -> str:
    return f"{'an' if unit[0] in 'aeiouh' else 'a'} {unit}"


def _format(r: AnyRuleset) -> str:
    return "rasdesk-ruleset/2" if isinstance(r, RulesetV2) else "rasdesk-ruleset/1"


def _sections(q: object) -> dict[str, Section]:
    return {
        (s.section if hasattr(s, "section") else s).id: (s.section if hasattr(s, "section") else s)
        for s in q.sections  # type: ignore[attr-defined]
    }


def _questionnaire(a: object, b: object) -> list[str]:
    out: list[str] = []
    _changed(out, "The kind", a.kind, b.kind, _show)  # type: ignore[attr-defined]
    _changed(out, "The title", a.title, b.title, _show)  # type: ignore[attr-defined]
    sa, sb = _sections(a), _sections(b)
    for sid in sa.keys() - sb.keys():
        out.append(f"Section {sid} ({sa[sid].title.en}) was removed.")
    for sid in [s for s in sb if s not in sa]:
        out.append(
            f"Section {sid} ({sb[sid].title.en}) was added, with {len(sb[sid].questions)} question(s)."
        )
    for sid in sa:
        if sid in sb:
            out.extend(_section(sa[sid], sb[sid]))
    qa: dict[str, Question] = a.question_by_id  # type: ignore[attr-defined]
    qb: dict[str, Question] = b.question_by_id  # type: ignore[attr-defined]
    for qid in [q for q in qa if q not in qb]:
        out.append(f"Question {qid} ({qa[qid].text.en}) was removed.")
    for qid in [q for q in qb if q not in qa]:
        out.append(f"Question {qid} ({qb[qid].text.en}) was added to section {qb[qid].section_id}.")
    for qid in qa:
        if qid in qb:
            out.extend(f"Question {qid}: {s}" for s in _question(qa[qid], qb[qid]))
    aa = {x.id: x for x in getattr(a, "amounts", ())}
    ab = {x.id: x for x in getattr(b, "amounts", ())}
    for aid in aa.keys() - ab.keys():
        out.append(f"The amount {aid} ({aa[aid].label.en}) was removed.")
    for aid in [x for x in ab if x not in aa]:
        x = ab[aid]
        parts = ", ".join(p.id for p in x.parts)
        out.append(
            f"The amount {aid} ({x.label.en}) was added: {_period(x.period)}, parts {parts}."
        )
    for aid in aa:
        if aid in ab:
            out.extend(f"Amount {aid}: {s}" for s in _amount(aa[aid], ab[aid]))
    return out


def _period(p: PeriodSpec) -> str:
    return p.per.value.replace("_", "-") + (f" ({p.covers.en})" if p.covers else "")


def _amount(a: Amount, b: Amount) -> list[str]:
    out: list[str] = []
    _changed(out, "the label", a.label, b.label, _show)
    _changed(out, "whose amount it is", a.for_whom, b.for_whom, _show)
    _changed(out, "the period", a.period, b.period, _period)
    pa, pb = {p.id: p for p in a.parts}, {p.id: p for p in b.parts}
    for pid in pa.keys() - pb.keys():
        out.append(f"the part {pid} ({pa[pid].label.en}) was removed.")
    for pid in [p for p in pb if p not in pa]:
        p = pb[pid]
        out.append(f"the part {pid} ({p.label.en}) was added: {p.method}, funded by {p.funder}.")
    for pid in pa:
        if pid in pb:
            out.extend(f"part {pid}: {s}" for s in _part(pa[pid], pb[pid]))
    ra, rb = {r.id: r for r in a.rules}, {r.id: r for r in b.rules}
    for rid in ra.keys() - rb.keys():
        out.append(f"the rule {rid} ({_rule(ra[rid])}) was removed.")
    for rid in [r for r in rb if r not in ra]:
        out.append(f"the rule {rid} was added: {_rule(rb[rid])}.")
    for rid in ra:
        if rid in rb and _rule(ra[rid]) != _rule(rb[rid]):
            out.append(f"the rule {rid} changed from {_rule(ra[rid])} to {_rule(rb[rid])}.")
    _changed(
        out,
        "the conversions",
        tuple(map(_conversion, a.conversions)),
        tuple(map(_conversion, b.conversions)),
        "; ".join,
    )
    _changed(
        out,
        "also shown in",
        tuple(p.value for p in a.show_also),
        tuple(p.value for p in b.show_also),
        ", ".join,
    )
    _changed(out, "senior sign-off above", a.sign_off_above, b.sign_off_above, _pounds)
    _changed(out, "the illustrative hourly rate", a.hourly_rate, b.hourly_rate, _pounds)
    _changed(out, "the notice", a.notice, b.notice, _show)
    _changed(out, "the closing words", a.closing, b.closing, _show)
    return out


def _conversion(c: Conversion) -> str:
    factor = c.multiply if c.multiply is not None else c.divide
    sign = "×" if c.multiply is not None else "÷"
    assert factor is not None
    return f"{c.source.value} → {c.target.value} {sign} {plain(factor)}"


def _rule(r: Rule) -> str:
    if r.kind == "replace" or r.limit is None:
        what = f"replaces {', '.join(r.replaces)} with {r.part}"
    else:
        what = f"{r.kind} {r.part} at {_pounds(r.limit)}"
    return f"{what} {_when(r.when)}"


def _maybe(value: Decimal | None) -> str:
    return "none" if value is None else _pounds(value)


def _part(a: Part, b: Part) -> list[str]:
    out: list[str] = []
    _changed(out, "the label", a.label, b.label, _show)
    _changed(out, "the funder", a.funder, b.funder, _show)
    _changed(out, "the period", a.period, b.period, _period)
    _changed(out, "the method", a.method, b.method, _show)
    _changed(out, "when it applies", a.when, b.when, lambda c: _when(c))
    if a.rate is not None and b.rate is not None and a.rate != b.rate:
        out.append(
            f"the rate changed: {_pounds(a.rate)} → {_pounds(b.rate)} a point{_percent(a.rate, b.rate)}."
        )
    ta = {r.from_points: r.amount for r in a.table}
    tb = {r.from_points: r.amount for r in b.table}
    for p in sorted(ta.keys() | tb.keys()):
        if ta.get(p) != tb.get(p):
            out.append(
                f"the table row from {plain(p)} points: {_maybe(ta.get(p))} → {_maybe(tb.get(p))}."
            )
    ia, ib = {i.id: i for i in a.items}, {i.id: i for i in b.items}
    for iid in ia.keys() - ib.keys():
        out.append(f"the item {iid} was removed.")
    for iid in [i for i in ib if i not in ia]:
        out.append(f"the item {iid} ({ib[iid].label.en}) was added.")
    for iid in ia:
        if iid in ib and ia[iid] != ib[iid]:
            out.append(f"the item {iid} changed (its quantity, rate or when it counts).")
    _changed(out, "the fixed amount", a.amount, b.amount, _pounds)
    _changed(
        out,
        "the bands",
        tuple(x.amount for x in a.bands),
        tuple(x.amount for x in b.bands),
        lambda t: ", ".join(map(_pounds, t)),
    )
    _named(out, "adjustment", a.adjustments, b.adjustments, _adj)
    _changed(out, "the floor (minimum)", a.minimum, b.minimum, _pounds)
    _changed(out, "the ceiling (maximum)", a.maximum, b.maximum, _pounds)
    return out
