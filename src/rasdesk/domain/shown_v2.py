"""A format-2 result as people read it: in every letter and on the app's budget page
(docs/ruleset-v2.md §5, "a part that does not apply").

A part whose ``when`` does not hold is £0.00 and does not apply. It is said once, in one
line ("NHS-funded nursing care: this part does not apply to you, so it is £0.00."), with
why where its ``when`` can be said plainly ("It applies only when the answer to “…” is
“Yes”.", ``why_v2``), and is
not listed among the funders: a funder none of whose parts applies has no line of its own
(no "Paid by the NHS: £0.00"), no "£0.00 +" in the total's sum, and a funder's sum lists
only its parts that apply. Every figure is the engine's, unchanged; the words are the
explanation's own, its totals made again from the funders shown. The result the engine
gives (``rasdesk compute --json``, the bundle, the server's recomputation) is not changed:
an auditor still finds every part and funder there, with ``"applies": false``.
"""

from __future__ import annotations

from dataclasses import replace

from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model_v2 import Amount, RulesetV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import AmountResult, PartResult, ResultV2
from rasdesk.domain.why_v2 import WhyWords

About = tuple[str | None, str | None]
_TOTALS = ("funder_total", "amount_total")


def shown_v2(result: ResultV2, ruleset: RulesetV2, lang: str) -> ResultV2:
    """The result as letters and screens show it (the same object when no part is off)."""
    q = ruleset.questionnaire_by_id[result.questionnaire]
    steps = list(zip(result.explanation, result.step_about, strict=True))
    amounts: list[AmountResult] = []
    words: AmountWords | None = None
    why = WhyWords(ruleset, q, lang)
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        off = {p.id for p in amount.parts if _off(p)}
        if not off:
            amounts.append(amount)
            continue
        kept = [p for p in amount.parts if p.id not in off]
        funders = {
            f: v
            for f, v in amount.funders.items()
            if f == "council" or any(p.funder == f for p in kept)
        }
        if not funders:  # nothing applies at all: every funder is said, at £0.00
            funders = dict(amount.funders)
        # A funder kept with no part that applies (the council at £0.00) lists its parts.
        listed = [
            p for p in amount.parts if p.funder in funders and (p.id not in off or _none(kept, p))
        ]
        amounts.append(replace(amount, funders=funders, memo=None))
        words = words or AmountWords(ruleset, q, lang)
        view = replace(amount, parts=listed, funders=funders, memo=None)
        here: About = (spec.id, None)
        totals = [(s, here) for s in words.totals(spec, view) if s.step in _TOTALS]
        steps = _said(steps, spec, off, totals, why)
    if words is None:
        return result
    return replace(
        result,
        amounts=amounts,
        explanation=[s for s, _ in steps],
        step_about=[a for _, a in steps],
        amount_json=[],
        explanation_json=[],
    )


def _off(part: PartResult) -> bool:
    """A part that does not apply (its ``when`` does not hold) and is £0.00."""
    return not part.applies and part.in_amount_period == 0


def _none(kept: list[PartResult], part: PartResult) -> bool:
    return not any(p.funder == part.funder for p in kept)


def _said(
    steps: list[tuple[ExplanationStep, About]],
    spec: Amount,
    off: set[str],
    totals: list[tuple[ExplanationStep, About]],
    why: WhyWords,
) -> list[tuple[ExplanationStep, About]]:
    """The steps with the amount's funder and total lines made again (``totals``), and of
    each part that does not apply only its last line (that it does not apply), with why
    (its ``when`` in words, where that can be said plainly)."""
    whens = {p.id: p.when for p in spec.parts}
    last = {
        pid: max(i for i, (s, a) in enumerate(steps) if a == (spec.id, pid) and s.step == "part")
        for pid in off
        if any(a == (spec.id, pid) and s.step == "part" for s, a in steps)
    }
    out: list[tuple[ExplanationStep, About]] = []
    placed = False
    for i, (step, about) in enumerate(steps):
        if (
            about[0] == spec.id
            and about[1] in off
            and step.step in ("part", "conversion")
            and last.get(about[1]) != i
        ):
            continue  # a part that does not apply: its heading (who would pay), its £0.00
        if about[0] == spec.id and about[1] is not None and last.get(about[1]) == i:
            step = why.with_reason(step, whens.get(about[1]))
        if about == (spec.id, None) and step.step in _TOTALS:
            if not placed:
                out += totals
                placed = True
            continue
        out.append((step, about))
    return out
