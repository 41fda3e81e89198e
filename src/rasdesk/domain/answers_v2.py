"""Answers to a format-2 questionnaire (docs/ruleset-v2.md §1.4–1.5): plain values as in
format 1, *not applicable*, views with an agreed answer, who answered, evidence notes, and
the linked case's answers that facts are read from. Every problem is reported at once with
its JSON path, and nothing is computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.domain.answers import AnswerValue, _check_one, _plainly_valid
from rasdesk.domain.decimals import type_name
from rasdesk.domain.errors import AnswersError, Problem
from rasdesk.domain.identity_memo import by_identity
from rasdesk.domain.model import Question
from rasdesk.domain.model_v2 import WHO, QuestionnaireV2, RulesetV2

MAX_EVIDENCE = 4000
_DOC_FIELDS = ("questionnaire", "answers", "answered_by", "linked")
_RECORD_FIELDS = ("agreed", "views", "answered_by", "helped_by", "evidence")


class NotApplicable:
    """The answer kind "does not apply": visible and answered, but never a value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE = NotApplicable()
Value = AnswerValue | NotApplicable


@dataclass(frozen=True, slots=True)
class Record:
    """What an answer object says beside its agreed value."""

    views: dict[str, Value] = field(default_factory=dict)
    answered_by: str | None = None
    helped_by: str | None = None
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class AnswersV2:
    questionnaire: QuestionnaireV2
    given: Mapping[str, Value]  # the agreed value of each answered question
    records: Mapping[str, Record]
    visible: Mapping[str, object]  # what conditions read: shown answers and facts
    shown: frozenset[str]
    facts: Mapping[str, object]
    answered_by: str | None = None
    linked_questionnaire: str | None = None


def read_answers_v2(doc: Any, ruleset: RulesetV2, source: str = "the answers") -> AnswersV2:
    """Check ``{"questionnaire", "answers", ...}`` against a format-2 ruleset."""
    problems: list[Problem] = []
    answers = _read(doc, ruleset, "$", problems, with_facts=True)
    if problems or answers is None:
        raise AnswersError(f"{source} cannot be used: nothing was computed", problems)
    return answers


def _read(
    doc: Any, ruleset: RulesetV2, root: str, problems: list[Problem], *, with_facts: bool
) -> AnswersV2 | None:
    if not isinstance(doc, dict):
        problems.append(
            Problem(
                root,
                f'expected an object with "questionnaire" and "answers", found {type_name(doc)}',
            )
        )
        return None
    allowed = (*_DOC_FIELDS, "expect") if with_facts else _DOC_FIELDS
    for k in doc:
        if k not in allowed:
            problems.append(
                Problem(f"{root}.{k}", f'unknown field "{k}" (allowed: {", ".join(_DOC_FIELDS)})')
            )
    qid = doc.get("questionnaire")
    q = ruleset.questionnaire_by_id.get(qid) if isinstance(qid, str) else None
    if q is None:
        known = ", ".join(ruleset.questionnaire_by_id)
        problems.append(
            Problem(
                f"{root}.questionnaire",
                f"unknown questionnaire {qid!r} (this ruleset has: {known})",
            )
        )
        return None
    given = doc.get("answers")
    if not isinstance(given, dict):
        problems.append(
            Problem(f"{root}.answers", f"expected an object of answers, found {type_name(given)}")
        )
        return None
    who = (
        _who(doc.get("answered_by"), f"{root}.answered_by", problems)
        if "answered_by" in doc
        else None
    )
    before = len(problems)
    typed: dict[str, Value] = {}
    records: dict[str, Record] = {}
    by_id = q.question_by_id
    singles = _singles(q)
    for key, value in given.items():
        if value.__class__ is str and (key, value) in singles:
            typed[key] = value  # the most usual case: an option of a single question
            continue
        question = by_id.get(key)
        if question is not None and value.__class__ is not dict and _plainly_valid(question, value):
            cls = value.__class__  # the usual case: a plain, valid value
            typed[key] = value if cls is str else tuple(value) if cls is list else Decimal(value)
            continue
        path = f"{root}.answers.{key}"
        if question is None:
            problems.append(
                Problem(path, f'there is no question "{key}" in questionnaire "{q.id}"')
            )
            continue
        _one(q, question, value, path, problems, typed, records)
    facts: dict[str, object] = {}
    linked_id = None
    if with_facts and q.facts:
        linked_id, facts = _facts(doc, ruleset, q, root, problems)
    elif "linked" in doc and with_facts:
        problems.append(
            Problem(f"{root}.linked", f'questionnaire "{q.id}" reads no facts from a linked case')
        )
    visible, shown = _visible(q, typed, facts)
    for question in q.required_questions:
        if question.id in shown and question.id not in typed:
            bad = any(p.path.startswith(f"{root}.answers.{question.id}") for p in problems[before:])
            if not bad:
                problems.append(
                    Problem(
                        f"{root}.answers.{question.id}",
                        f'the question "{question.id}" is required and was shown, but has no answer',
                    )
                )
    return AnswersV2(q, typed, records, visible, shown, facts, who, linked_id)


_SINGLES: dict[int, tuple[object, frozenset[tuple[str, str]]]] = {}


def _singles(q: QuestionnaireV2) -> frozenset[tuple[str, str]]:
    """Every (question, option) of the questionnaire's single questions: the answers that
    are valid as they stand (as ``_plainly_valid`` finds them), looked up at once."""
    found = _SINGLES.get(id(q))
    if found is not None and found[0] is q:
        return found[1]
    return by_identity(
        _SINGLES,
        q,
        lambda: frozenset(
            (question.id, option)
            for question in q.question_by_id.values()
            if question.type == "single"
            for option in question.option_by_id
        ),
    )


def _who(value: Any, path: str, problems: list[Problem]) -> str | None:
    if value not in WHO:
        problems.append(Problem(path, f"expected one of {', '.join(WHO)}, found {value!r}"))
        return None
    return str(value)


def _value(
    q: QuestionnaireV2, question: Question, value: Any, path: str, problems: list[Problem]
) -> Value | None:
    if isinstance(value, dict):
        extra = q.extra.get(question.id)
        if value == {"not_applicable": True} and extra is not None and extra.not_applicable:
            return NOT_APPLICABLE
        why = (
            'this question has no "not applicable" answer'
            if "not_applicable" in value
            else "expected an answer value"
        )
        problems.append(Problem(path, why))
        return None
    return _check_one(question, value, path, problems)  # refuses exclusive + others too


def _one(
    q: QuestionnaireV2,
    question: Question,
    value: Any,
    path: str,
    problems: list[Problem],
    typed: dict[str, Value],
    records: dict[str, Record],
) -> None:
    if value.__class__ is not dict and _plainly_valid(question, value):  # the usual case
        typed[question.id] = (
            value
            if value.__class__ is str
            else tuple(value)
            if value.__class__ is list
            else Decimal(value)
        )
        return
    if not (isinstance(value, dict) and set(value) & set(_RECORD_FIELDS)):
        checked = _value(q, question, value, path, problems)
        if checked is not None:
            typed[question.id] = checked
        return
    for k in value:
        if k not in _RECORD_FIELDS:
            problems.append(
                Problem(
                    f"{path}.{k}", f'unknown field "{k}" (allowed: {", ".join(_RECORD_FIELDS)})'
                )
            )
    views: dict[str, Value] = {}
    raw_views = value.get("views", {})
    if not isinstance(raw_views, dict):
        problems.append(
            Problem(f"{path}.views", f"expected an object of views, found {type_name(raw_views)}")
        )
        raw_views = {}
    for view, v in raw_views.items():
        if view not in q.views:
            problems.append(
                Problem(
                    f"{path}.views.{view}",
                    f'"{view}" is not a view of this questionnaire ({", ".join(q.views)})',
                )
            )
            continue
        checked = _value(q, question, v, f"{path}.views.{view}", problems)
        if checked is not None:
            views[view] = checked
    agreed: Value | None = None
    if "agreed" in value:
        agreed = _value(q, question, value["agreed"], f"{path}.agreed", problems)
    elif views:
        distinct = {repr(v) for v in views.values()}
        if len(distinct) > 1:
            names = " and the ".join(views)
            problems.append(
                Problem(
                    path,
                    f'the {names} views of "{question.id}" differ; record the agreed answer ("agreed")',
                )
            )
        elif len(views) == len(raw_views):
            agreed = next(iter(views.values()))
    evidence = value.get("evidence")
    if evidence is not None and (not isinstance(evidence, str) or len(evidence) > MAX_EVIDENCE):
        problems.append(
            Problem(f"{path}.evidence", f"expected text of at most {MAX_EVIDENCE} characters")
        )
        evidence = None
    answered_by = (
        _who(value["answered_by"], f"{path}.answered_by", problems)
        if "answered_by" in value
        else None
    )
    helped_by = (
        _who(value["helped_by"], f"{path}.helped_by", problems) if "helped_by" in value else None
    )
    records[question.id] = Record(views, answered_by, helped_by, evidence)
    if agreed is not None:
        typed[question.id] = agreed


def _facts(
    doc: dict[str, Any], ruleset: RulesetV2, q: QuestionnaireV2, root: str, problems: list[Problem]
) -> tuple[str | None, dict[str, object]]:
    linked = doc.get("linked")
    if linked is None:
        names = ", ".join(f.id for f in q.facts)
        problems.append(
            Problem(
                f"{root}.linked",
                f'this questionnaire reads facts ({names}) from the linked case: give its answers under "linked"',
            )
        )
        return None, {}
    inner = _read(linked, ruleset, f"{root}.linked", problems, with_facts=False)
    if inner is None:
        return None, {}
    facts: dict[str, object] = {}
    for fact in q.facts:
        if fact.questionnaire != inner.questionnaire.id:
            problems.append(
                Problem(
                    f"{root}.linked.questionnaire",
                    f'the fact "{fact.id}" is read from a "{fact.questionnaire}" case, not "{inner.questionnaire.id}"',
                )
            )
        elif fact.question in inner.visible:
            facts[fact.id] = inner.visible[fact.question]
    return inner.questionnaire.id, facts


def _visible(
    q: QuestionnaireV2, typed: Mapping[str, Value], facts: Mapping[str, object]
) -> tuple[dict[str, object], frozenset[str]]:
    """Step 2: which questions are shown, and the values conditions read (facts too)."""
    always = q.always_shown
    visible: dict[str, object] = dict(facts)
    for qid, value in typed.items():
        if qid in always:
            visible[qid] = frozenset(value) if value.__class__ is tuple else value
    if not q.conditional_questions:
        return visible, always
    shown = set(always)
    for question in q.conditional_questions:
        if question.show_if.holds(visible):  # type: ignore[union-attr]
            qid = question.id
            shown.add(qid)
            if qid in typed:
                value = typed[qid]
                visible[qid] = frozenset(value) if value.__class__ is tuple else value
    return visible, frozenset(shown)


def check_answer_v2(q: QuestionnaireV2, question: Question, value: Any) -> Any:
    """One answer saved on its own (autosave in the app, ``rasdesk case answer``): a plain
    value, ``{"not_applicable": true}`` or an answer object (agreed, views, who answered or
    helped, evidence), checked as §1.4 checks it inside a document. Returns it as JSON
    holds it; raises ``AnswersError`` naming the field. Views that differ before the agreed
    answer is chosen are kept (nothing typed is lost): computing refuses them until then."""
    problems: list[Problem] = []
    typed: dict[str, Value] = {}
    records: dict[str, Record] = {}
    checked = value
    if isinstance(value, dict) and "agreed" not in value and value.get("views"):
        views = value["views"]
        if isinstance(views, dict):  # each view is still checked, as if it were agreed
            checked = {**value, "agreed": next(iter(views.values()))}
    _one(q, question, checked, f"$.answers.{question.id}", problems, typed, records)
    if problems:
        raise AnswersError(f'that is not an answer to "{question.id}"', problems)
    return _as_json(value)


def _as_json(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    return value


def shown_v2(
    q: QuestionnaireV2, typed: Mapping[str, Value], facts: Mapping[str, object] | None = None
) -> frozenset[str]:
    """The questions shown for these agreed values (and facts): the question flow's path."""
    return _visible(q, typed, facts or {})[1]
