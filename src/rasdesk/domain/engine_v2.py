"""The exact Decimal engine of format 2: the steps of docs/ruleset-v2.md §2, in order.

Questions and sections are scored by format 1's own functions (``engine.score_section``),
so a question scores the same in both formats. Parts are computed by ``parts_v2``; this
module applies the amount's rules, conversions and totals.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import cast

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.decimals import CENT, EXACT, ROUNDING, ZERO, round_to
from rasdesk.domain.engine import HIDDEN, TEXT, score_section
from rasdesk.domain.model_v2 import Amount, Conversion, PeriodSpec, Rule, RulesetV2, SectionV2
from rasdesk.domain.parts_v2 import Context, compute_part
from rasdesk.domain.result import QuestionScore, SectionScore
from rasdesk.domain.result_v2 import (
    AlsoIn,
    AmountResult,
    PartResult,
    QuestionV2Score,
    ResultV2,
    RuleStep,
    SectionV2Score,
)

TENTH = Decimal("0.1")
MEMO_LIMIT = 100_000


def _values(section: SectionV2, answers: AnswersV2) -> tuple[object, ...]:
    """Per question what format 1's scoring reads; not applicable scores as unanswered."""
    out: list[object] = []
    given, shown = answers.given, answers.shown
    for q in section.section.questions:
        if q.id not in shown:
            out.append(HIDDEN)
        elif q.id not in given or given[q.id] is NOT_APPLICABLE:
            out.append(None)
        else:
            out.append(TEXT if q.type == "text" else given[q.id])
    return tuple(out)


def convert(value: Decimal, conversion: Conversion) -> Decimal:
    """A declared conversion: exact arithmetic, then one rounding to whole pence."""
    if conversion.multiply is not None:
        raw = ROUNDING.multiply(value, conversion.multiply)
    else:
        assert conversion.divide is not None
        raw = ROUNDING.divide(value, conversion.divide)
    rounding = conversion.rounding
    return round_to(raw, rounding.to, rounding.mode).quantize(CENT)


def compute_v2(ruleset: RulesetV2, answers: AnswersV2) -> ResultV2:
    """Every amount of the questionnaire, from answers checked by ``read_answers_v2``."""
    q = answers.questionnaire
    with localcontext(EXACT):
        memo = q.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        questions: list[QuestionV2Score] = []
        sections: list[SectionV2Score] = []
        for s in q.sections:
            values = _values(s, answers)
            key = (s.section.id, values)
            found = memo.get(key)
            if found is None:
                found = memo[key] = score_section(s.section, values)
            scores, score = cast(tuple[tuple[QuestionScore, ...], SectionScore], found)
            eligible = s.eligible_if is None or s.eligible_if.holds(answers.visible)
            sections.append(
                SectionV2Score(
                    s.section.id,
                    score.raw_points,
                    score.capped,
                    score.points if eligible else ZERO,
                    eligible,
                )
            )
            for qs in scores:
                questions.append(_question(qs.question, qs.section, qs.points, answers))
        ctx = Context(ruleset, answers, {s.id: s.points for s in sections})
        amounts = [_amount(a, ctx) for a in q.amounts]
    return ResultV2(
        ruleset=ruleset.ref,
        questionnaire=q.id,
        answered_by=answers.answered_by,
        questions=questions,
        sections=sections,
        facts=dict(answers.facts),
        amounts=amounts,
    )


def _question(qid: str, sid: str, points: Decimal, answers: AnswersV2) -> QuestionV2Score:
    value = answers.given.get(qid)
    question = answers.questionnaire.question_by_id[qid]
    if value is NOT_APPLICABLE:
        kind = "not_applicable"
    elif value is None:
        kind = "unanswered"
    else:
        kind = "text" if question.type == "text" else "answer"
    record = answers.records.get(qid)
    differ = bool(record and any(v != value for v in record.views.values()))
    return QuestionV2Score(qid, sid, kind, points, differ)


def _amount(amount: Amount, ctx: Context) -> AmountResult:
    parts = [compute_part(p, ctx) for p in amount.parts]
    by_id = {p.id: p for p in parts}
    for p in parts:
        p.amount = p.rounded
    rules = [_rule(rule, by_id, ctx) for rule in amount.rules]
    funders: dict[str, Decimal] = {}
    for spec, p in zip(amount.parts, parts, strict=True):
        if spec.period.per == amount.period.per:
            p.in_amount_period = p.amount
        else:
            conv = amount.conversion(spec.period.per, amount.period.per)
            assert conv is not None  # validation
            p.in_amount_period = convert(p.amount, conv)
        funders[p.funder] = funders.get(p.funder, ZERO) + p.in_amount_period
    council = funders.get("council", ZERO)
    total = sum(funders.values(), ZERO)
    also: list[AlsoIn] = []
    for per in amount.show_also:
        conv = amount.conversion(amount.period.per, per)
        if conv is None:
            continue  # the amount's own period: already stated
        also.append(AlsoIn(PeriodSpec(per), convert(council, conv), convert(total, conv)))
    sign_off = amount.sign_off_above is not None and council > amount.sign_off_above
    flags = []
    for f in amount.flags:
        if f.points_above is not None:
            points = by_id[f.part].points if f.part else None
            if points is not None and points.total > f.points_above:
                flags.append(f.id)
        elif f.amount_above is not None and council > f.amount_above:
            flags.append(f.id)
    hours = None
    if amount.hourly_rate is not None:
        hours = round_to(ROUNDING.divide(council, amount.hourly_rate), TENTH, "half_up")
    return AmountResult(
        id=amount.id,
        for_whom=amount.for_whom,
        label=amount.label.en,
        period=amount.period,
        parts=parts,
        rules=rules,
        funders=funders,
        council=council,
        total=total,
        also=also,
        sign_off_required=sign_off,
        flags=flags,
        hours=hours,
    )


def _rule(rule: Rule, parts: dict[str, PartResult], ctx: Context) -> RuleStep:
    applied = rule.when is None or rule.when.holds(ctx.answers.visible)
    changes: dict[str, tuple[Decimal, Decimal]] = {}

    def set_to(pid: str, value: Decimal) -> None:
        before = parts[pid].amount
        if before != value:
            parts[pid].amount = value
            changes[pid] = (before, value)

    target = parts[rule.part]
    if rule.kind == "cap":
        if applied and rule.limit is not None and target.amount > rule.limit:
            set_to(rule.part, rule.limit)
    elif rule.kind == "floor":
        if applied and target.applies and rule.limit is not None and target.amount < rule.limit:
            set_to(rule.part, rule.limit)
    elif applied:
        for pid in rule.replaces:
            set_to(pid, ZERO)
            parts[pid].replaced_by = rule.part
    else:
        set_to(rule.part, ZERO)
    return RuleStep(rule.id, rule.kind, applied, changes)
