"""The question flow of a format-2 questionnaire (``flow.Form``): the same path rules as
format 1, on the value that counts — the agreed answer (``answer_record``); *not
applicable* counts as answered and as shown, never as a value (docs/ruleset-v2.md §2)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rasdesk.domain.answers_v2 import Value, shown_v2
from rasdesk.domain.model import Question, Section
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.ui.answer_record import Recorded


@dataclass(frozen=True, slots=True)
class FormV2:
    questionnaire: QuestionnaireV2
    facts: Mapping[str, object] = field(default_factory=dict)  # from the linked case

    def order(self) -> list[tuple[Section, Question]]:
        return [(s.section, q) for s in self.questionnaire.sections for q in s.section.questions]

    def values(self, answers: Mapping[str, Any]) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for qid, stored in answers.items():
            value = Recorded.read(stored).value()
            if value is not None:
                out[qid] = value
        return out

    def shown(self, answers: Mapping[str, Any]) -> frozenset[str]:
        return shown_v2(self.questionnaire, self.values(answers), self.facts)

    def answered(self, answers: Mapping[str, Any], question_id: str) -> bool:
        return question_id in answers and Recorded.read(answers[question_id]).value() is not None
