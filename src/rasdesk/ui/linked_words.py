"""The words the check and budget pages use for a carer's facts read from the linked
person's case (storage/linked_facts.py, docs/ruleset-v2.md §1.5): each fact with its
value, which version of the person's case it was read from, and, when the facts cannot be
read, what is missing and what to do, in the page's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from rasdesk.domain.answers_v2 import NotApplicable
from rasdesk.domain.errors import LinkedCaseError
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.storage.linked_facts import FROZEN, LinkedAnswers
from rasdesk.ui.session import Session
from rasdesk.ui.words import answer_words


def _ruleset(session: Session, case_uuid: str) -> RulesetV2:
    found = session.store.any_ruleset(session.version(case_uuid)["ruleset_sha256"])
    assert isinstance(found, RulesetV2)
    return found


def source_words(linked: LinkedAnswers, final: bool) -> str:
    """Which version of the person's case the facts are (or were) read from."""
    if linked.state in FROZEN:
        return QCoreApplication.translate(
            "LinkedFacts", "Read from {name}'s case, version {number} (finalised)."
        ).format(name=linked.person_name, number=linked.number)
    if final:
        return QCoreApplication.translate(
            "LinkedFacts",
            "Read from {name}'s case, version {number}, as its draft stood when this "
            "assessment was finalised.",
        ).format(name=linked.person_name, number=linked.number)
    return QCoreApplication.translate(
        "LinkedFacts",
        "Read from {name}'s case, version {number}, a draft: the facts may change until "
        "it is finalised.",
    ).format(name=linked.person_name, number=linked.number)


def fact_lines(
    session: Session, case_uuid: str, linked: LinkedAnswers, lang: str, easy: bool
) -> list[str]:
    """ "hours of care you give each week: 55 hours a week", one a fact, in order."""
    ruleset = _ruleset(session, case_uuid)
    q = ruleset.questionnaire_by_id[session.store.case_row(case_uuid)["questionnaire"]]
    asked = ruleset.questionnaire_by_id[linked.questionnaire]
    lines = []
    for fact in q.facts:
        question = asked.question_by_id[fact.question]
        value: Any = linked.facts.get(fact.id)
        if isinstance(value, NotApplicable):
            words = asked.extra[question.id].not_applicable
            shown = words.get(lang) if words is not None else ""
        else:
            if isinstance(value, frozenset):  # a multiple answer, in the options' order
                value = tuple(o.id for o in question.options if o.id in value)
            shown = answer_words(question, value, lang, easy)
        lines.append(
            QCoreApplication.translate("LinkedFacts", "{fact}: {value}").format(
                fact=fact.label.get(lang), value=shown
            )
        )
    return lines


def problem_words(session: Session, case_uuid: str, error: LinkedCaseError, lang: str) -> list[str]:
    """What is missing and what to do, one sentence a problem."""
    ruleset = _ruleset(session, case_uuid)
    linked_uuid = session.store.case_row(case_uuid)["linked_case_uuid"]
    name = session.store.case_row(linked_uuid)["person_name"] if linked_uuid else ""
    out: list[str] = []
    for problem in error.problems:
        if problem.path == "linked_case_uuid":
            out.append(
                QCoreApplication.translate(
                    "LinkedFacts",
                    "This assessment reads facts from the cared-for person's case, but it is "
                    "not linked to one. Start the carer's assessment from the person's case: "
                    "select them in the case list, then choose New carer's assessment.",
                )
            )
        elif problem.path == "linked.questionnaire":
            out.append(
                QCoreApplication.translate(
                    "LinkedFacts",
                    "{name}'s case is not the assessment these facts come from. Link the "
                    "carer's assessment to the cared-for person's own case.",
                ).format(name=name)
            )
        else:
            qid = problem.path.removeprefix("linked.answers.").split(".")[0]
            linked_q = session.store.case_row(linked_uuid)["questionnaire"] if linked_uuid else ""
            found = ruleset.questionnaire_by_id.get(linked_q)
            question = found.question_by_id.get(qid) if found is not None else None
            if question is None:
                out.append(
                    QCoreApplication.translate(
                        "LinkedFacts", "Check {name}'s case: {problem}"
                    ).format(name=name, problem=str(problem))
                )
                continue
            out.append(
                QCoreApplication.translate(
                    "LinkedFacts", 'Answer "{question}" in {name}\'s case first.'
                ).format(question=question.text.get(lang), name=name)
            )
    return out
