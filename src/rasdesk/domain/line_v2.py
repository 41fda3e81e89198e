"""One line of ``rasdesk compute --answers X.jsonl --json`` for a format-2 ruleset, written
straight from the memos (the fast path of the ``.jsonl`` batch).

It writes exactly the bytes ``compute_budget_v2(…).to_json_bytes()`` writes, without
making the result's objects: each section's score, JSON and words come from the section
memo (``engine_v2.score_sections``); each amount's figures from its memo
(``amount_memo_v2.find``), its JSON from the pieces kept there with the person's own points
stage (``result_json_v2``) and its words from beside its figures (``explain_amount_v2``). Only an
amount not yet kept is computed (by the engine itself, then kept), and result objects are
made only when an amount's words must be made. A property test holds it to
``to_json_bytes`` on random rulesets and answers.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import localcontext
from itertools import chain
from typing import Any

from rasdesk.domain.amount_memo_v2 import Entry, find, from_entry, keep
from rasdesk.domain.answers_v2 import read_answers_v2
from rasdesk.domain.decimals import EXACT
from rasdesk.domain.engine_v2 import _amount, _ref, check_questionnaire, score_sections
from rasdesk.domain.explain_amount_v2 import amount_words
from rasdesk.domain.explain_keys_v2 import changes_key
from rasdesk.domain.explain_memo_v2 import memo_for
from rasdesk.domain.explain_v2 import end_group, given, head_groups, section_groups
from rasdesk.domain.model_v2 import Amount, RulesetV2
from rasdesk.domain.parts_v2 import Context, PointsStage
from rasdesk.domain.result_json_v2 import facts_json, heads_of, points_head_of, result_bytes
from rasdesk.domain.result_v2 import AmountResult, start_json


def result_line_v2(ruleset: RulesetV2, doc: Any, lang: str, source: str) -> bytes:
    """``compute_budget_v2(ruleset, doc, lang, source).to_json_bytes()``, faster."""
    answers = read_answers_v2(doc, ruleset, source)
    q = answers.questionnaire
    check_questionnaire(ruleset, q)
    found: list[tuple[Amount, Entry, list[PointsStage], Callable[[], AmountResult]]] = []
    with localcontext(EXACT):
        keys, scored = score_sections(answers)
        ctx = Context(ruleset, answers, {s[0].id: s[0].points for s in scored})
        for spec in q.amounts:
            plan, entry, stages, key = find(spec, ctx)
            if entry is None:
                made = _amount(spec, ctx)
                entry = keep(plan, key, made)
                found.append((spec, entry, stages, given(made)))
            else:
                found.append((spec, entry, stages, _maker(spec, plan, entry, stages)))
    # The words, as explain_v2 makes them (outside the engine's exact context).
    memo = memo_for(ruleset, q, lang)
    groups = head_groups(memo, ruleset, answers)
    # Each section's words are kept beside its score: made here only for a new key.
    words: list[Any] = [s[4].get(lang) for s in scored]
    if None in words:
        words = section_groups(
            memo,
            answers,
            keys,
            [s[0] for s in scored],
            [s[4] for s in scored],
            lambda: chain.from_iterable(s[2] for s in scored),
            lang,
        )
    groups += words
    amounts: list[bytes] = []
    for spec, entry, stages, made_by in found:
        amounts.append(_amount_json(spec, lang, entry, stages))
        changes = [changes_key(s[1], s[2]) for s in stages]
        groups += amount_words(memo, spec, entry, changes, made_by, lang)
    groups.append(end_group(memo))
    return result_bytes(
        start_json(_ref(ruleset), q.id, answers.answered_by),
        [s[5] for s in scored if s[5]],
        [s[1] for s in scored],
        facts_json(answers.facts),
        amounts,
        b",".join([g[2] for g in groups if g[2]]),
    )


def _maker(
    spec: Amount, plan: Any, entry: Entry, stages: list[PointsStage]
) -> Callable[[], AmountResult]:
    """The person's result objects for an amount from its memo, made only if asked for."""
    return lambda: from_entry(spec, plan, entry, stages)


def _amount_json(spec: Amount, lang: str, entry: Entry, stages: list[PointsStage]) -> bytes:
    """``amount_json`` of the amount's result in ``lang``, from its memo entry and the
    person's points stages."""
    head, part_heads = heads_of(spec, lang)
    stage_at = iter(stages)
    parts = []
    for part_head, kept, (state, rest) in zip(
        part_heads, entry.parts, entry.part_json, strict=True
    ):
        if kept.points_after is None:
            points = "null"
        else:
            current, overlaps, padjs, _ = next(stage_at)
            points = points_head_of(current, overlaps, padjs)
        parts.append(part_head + state + points + rest)
    return (head + ",".join(parts)).encode() + entry.tail_json
