"""The exact Decimal engine of format 2: the steps of docs/ruleset-v2.md §2, in order.

Questions and sections are scored by format 1's own functions (``engine.score_section``),
so a question scores the same in both formats. Parts are computed by ``parts_v2``; this
module applies the amount's rules, conversions and totals.
"""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal, localcontext
from itertools import chain
from typing import cast

from rasdesk.domain.amount_memo_v2 import amount_result
from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.conditions import Condition
from rasdesk.domain.decimals import CENT, EXACT, ROUNDING, ZERO, round_to
from rasdesk.domain.engine import HIDDEN, TEXT, score_section
from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.identity_memo import by_identity
from rasdesk.domain.model import RulesetRef
from rasdesk.domain.model_v2 import (
    Amount,
    Conversion,
    PeriodSpec,
    QuestionnaireV2,
    Rule,
    RulesetV2,
    SectionV2,
)
from rasdesk.domain.parts_v2 import Context, compute_part
from rasdesk.domain.periods import Period
from rasdesk.domain.result_v2 import (
    AlsoIn,
    AmountResult,
    PartResult,
    QuestionV2Score,
    ResultV2,
    RuleStep,
    SectionV2Score,
    question_score,
    section_score,
)

TENTH = Decimal("0.1")
MEMO_LIMIT = 100_000


def _values(section: SectionV2, answers: AnswersV2) -> tuple[object, ...]:
    """Per question what format 1's scoring reads; not applicable scores as unanswered."""
    out: list[object] = []
    add = out.append
    get, shown = answers.given.get, answers.shown
    for qid, is_text in section.plan:
        if qid not in shown:
            add(HIDDEN)
        else:
            value = get(qid)
            add(None if value is None or value is NOT_APPLICABLE else TEXT if is_text else value)
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
    check_questionnaire(ruleset, q)
    with localcontext(EXACT):
        keys, found = score_sections(answers)
        sections_t, section_json, question_t, question_json, words, _ = (
            zip(*found, strict=True) if found else ((), (), (), (), (), ())
        )
        sections = list(sections_t)
        ctx = Context(ruleset, answers, {x.id: x.points for x in sections})
        amounts = [amount_result(a, ctx, _amount) for a in q.amounts]
    return ResultV2(
        ruleset=_ref(ruleset),
        questionnaire=q.id,
        answered_by=answers.answered_by,
        questions=list(chain.from_iterable(question_t)),
        sections=sections,
        facts=dict(answers.facts),
        amounts=amounts,
        question_json=list(chain.from_iterable(question_json)),
        section_json=list(section_json),
        section_keys=keys,
        section_words=list(words),
    )


def check_questionnaire(ruleset: RulesetV2, q: QuestionnaireV2) -> None:
    """The answers' questionnaire must be the ruleset's own (``read_answers_v2`` finds it
    there; answers read against another ruleset object must not be computed with this one)."""
    if ruleset.questionnaire_by_id.get(q.id) is not q:
        raise InputError(
            "the answers cannot be computed with this ruleset",
            [
                Problem(
                    "$.questionnaire",
                    f"the questionnaire {q.id!r} of these answers is not one of ruleset "
                    f"{ruleset.id!r} version {ruleset.version!r}: read the answers against "
                    "the ruleset they are computed with",
                )
            ],
        )


def score_sections(answers: AnswersV2) -> tuple[list[tuple[object, ...]], list[_Scored]]:
    """Steps 3–4 for every section: the key each is memoized by, and its score (from the
    questionnaire's memo, or scored now and kept). Needs ``localcontext(EXACT)``."""
    q = answers.questionnaire
    memo = cast(dict[tuple[object, ...], _Scored], q.memo)
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    keys: list[tuple[object, ...]] = []
    found: list[_Scored] = []
    # Usually no answer is "not applicable" or has views: then no question needs marks.
    plain = not answers.records and NOT_APPLICABLE not in answers.given.values()
    visible = answers.visible
    get, shown, na = answers.given.get, answers.shown, NOT_APPLICABLE
    flat, rows = _flat_plan(q)
    # _values(s, answers) for every section at once: it runs for every person.
    every = tuple(
        [
            HIDDEN
            if qid not in shown
            else None
            if (value := get(qid)) is None or value is na
            else TEXT
            if is_text
            else value
            for qid, is_text in flat
        ]
    )
    for s, sid, start, end, eligible_if in rows:
        values = every[start:end]
        marks = () if plain else tuple(mark(answers, x.id) for x in s.section.questions)
        eligible = eligible_if is None or eligible_if.holds(visible)
        key = (sid, values, marks, eligible)
        keys.append(key)
        scored = memo.get(key)
        if scored is None:
            scored = memo[key] = _score(s, values, eligible, answers)
        found.append(scored)
    return keys, found


#: Per section: the section, its id, where its questions are in the flat plan, and its
#: eligibility condition.
_Row = tuple[SectionV2, str, int, int, Condition | None]
_Flat = tuple[tuple[tuple[str, bool], ...], tuple[_Row, ...]]
_FLAT: dict[int, tuple[object, _Flat]] = {}


def _flat_plan(q: QuestionnaireV2) -> _Flat:
    """Every section's plan in one, and per section where its questions are in it."""
    found = _FLAT.get(id(q))
    if found is not None and found[0] is q:
        return found[1]

    def make() -> _Flat:
        flat = tuple(x for s in q.sections for x in s.plan)
        rows: list[_Row] = []
        start = 0
        for s in q.sections:
            rows.append((s, s.section.id, start, start + len(s.plan), s.eligible_if))
            start += len(s.plan)
        return flat, tuple(rows)

    return by_identity(_FLAT, q, make)


#: A section's score and JSON, its questions' scores and JSON (memoized by its values), the
#: explanation's words for them, per language (explain_v2 fills it), and its questions' JSON
#: joined.
_Scored = tuple[
    SectionV2Score,
    bytes,
    tuple[QuestionV2Score, ...],
    tuple[bytes, ...],
    dict[str, object],
    bytes,
]


def _score(s: SectionV2, values: tuple[object, ...], eligible: bool, answers: AnswersV2) -> _Scored:
    """Steps 3–4 for one section: a pure function of its values, marks and eligibility."""
    scores, score = score_section(s.section, values)
    sscore, sjson = section_score(
        s.section.id, score.raw_points, score.capped, score.points if eligible else ZERO, eligible
    )
    made = [_question(x.question, x.section, x.points, answers) for x in scores]
    question_json = tuple(m[1] for m in made)
    return sscore, sjson, tuple(m[0] for m in made), question_json, {}, b",".join(question_json)


def mark(answers: AnswersV2, qid: str) -> Hashable:
    """What, beside its scoring value, changes a question's kind and words: not applicable,
    or views beside the agreed answer."""
    given = answers.given.get(qid)
    if given is NOT_APPLICABLE:
        return NOT_APPLICABLE
    record = answers.records.get(qid)
    if record is None or not record.views:
        return None
    return tuple(sorted(record.views.items(), key=lambda kv: kv[0]))


def _question(
    qid: str, sid: str, points: Decimal, answers: AnswersV2
) -> tuple[QuestionV2Score, bytes]:
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
    return question_score(qid, sid, kind, points, differ)


def _amount(amount: Amount, ctx: Context) -> AmountResult:
    parts = [compute_part(p, ctx) for p in amount.parts]  # each with amount = rounded
    by_id = {p.id: p for p in parts}
    rules = [_rule(rule, by_id, ctx) for rule in amount.rules]
    funders: dict[str, Decimal] = {}
    per = amount.period.per
    for spec, p in zip(amount.parts, parts, strict=True):
        if spec.period.per is per:
            p.in_amount_period = p.amount
        else:
            conv = amount.conversion(spec.period.per, per)
            assert conv is not None  # validation
            p.in_amount_period = convert(p.amount, conv)
        funder = p.funder
        funders[funder] = (
            funders[funder] + p.in_amount_period if funder in funders else p.in_amount_period
        )
    council = funders.get("council", ZERO)
    total = sum(funders.values(), ZERO)
    also: list[AlsoIn] = []
    for other in amount.show_also:
        conv = amount.conversion(per, other)
        if conv is None:
            continue  # the amount's own period: already stated
        in_council = convert(council, conv)
        # (one conversion when the council pays it all: the same figure, converted once)
        in_total = in_council if total == council else convert(total, conv)
        also.append(AlsoIn(_PLAIN_PERIOD[other], in_council, in_total))
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


_PLAIN_PERIOD = {per: PeriodSpec(per) for per in Period}
_REFS: dict[int, tuple[object, RulesetRef]] = {}


def _ref(ruleset: RulesetV2) -> RulesetRef:
    """``ruleset.ref``, made once per ruleset object."""
    return by_identity(_REFS, ruleset, lambda: ruleset.ref)


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
