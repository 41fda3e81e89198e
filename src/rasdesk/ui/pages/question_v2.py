"""One question of a format-2 questionnaire (docs/ruleset-v2.md §1.3–1.4): the question page
of format 1, plus what real assessment forms have — *does not apply* as its own answer, a
picture per option in easy read, the question worded for whoever holds the laptop, and for
the assessor each view, who answered and helped, and the evidence. The answer buttons give
the agreed answer, the one that counts. Everything is saved the moment it changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.model_v2 import QuestionExtra, QuestionnaireV2
from rasdesk.ui.answer_record import NA_JSON, Recorded
from rasdesk.ui.pages.question import TYPING_PAUSE_MS, QuestionPage
from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer
from rasdesk.ui.widgets.page import label
from rasdesk.ui.widgets.record_fields import RecordFields
from rasdesk.ui.words import shown_text


class QuestionV2Page(QuestionPage):
    not_applicable: QCheckBox | None = None
    record_fields: RecordFields | None = None

    @property
    def form(self) -> QuestionnaireV2:
        found = self.session.form(self.case_uuid)
        return found.questionnaire  # type: ignore[attr-defined,no-any-return]

    def extra(self) -> QuestionExtra:
        return self.form.extra.get(self.step.question.id) or QuestionExtra()

    def record(self) -> Recorded:
        return Recorded.read(self.session.answers(self.case_uuid).get(self.step.question.id))

    # --- the hooks of QuestionPage ------------------------------------------------------
    def shown_view(self) -> str:
        """Whose wording the heading is in: the assessor's, or, when the laptop is handed
        over, the one being assessed — the carer in a carer's assessment, else the person."""
        if not self.modes.handed:
            return "assessor"
        worded = self.extra().views
        return "carer" if self.form.kind == "carer" and "carer" in worded else "person"

    def question_words(self, lang: str, easy: bool) -> str:
        """The question in the wording of ``shown_view`` (the question's own text when the
        ruleset gives that view no wording of its own)."""
        worded = self.extra().views
        view = self.shown_view()
        if view in worded:
            text, easy_text = worded[view]
            return shown_text(text, easy_text, lang, easy)
        return super().question_words(lang, easy)

    def view_wording(self, lang: str, easy: bool) -> dict[str, str]:
        """How each other view is asked, where the ruleset words it for that view (the
        assessor reads the person's or the carer's own question to them)."""
        return {
            view: shown_text(text, easy_text, lang, easy)
            for view, (text, easy_text) in self.extra().views.items()
            if view != self.shown_view()
        }

    def saved_value(self) -> AnswerValue | None:
        agreed = self.record().agreed
        if agreed is None or agreed == NA_JSON:
            return None
        return tuple(agreed) if isinstance(agreed, list) else agreed  # type: ignore[no-any-return]

    def option_pictures(self) -> dict[str, str] | None:
        return self.extra().pictures or None

    def add_after_answer(self) -> None:
        record, extra, lang = self.record(), self.extra(), self.modes.language
        if len(self.form.views) > 1 and not self.modes.handed:  # beside each view below
            self.body.insertWidget(
                self.body.indexOf(self.answer),
                label(self.tr("The agreed answer (the one that counts)"), "h2"),
            )
        na_words = extra.not_applicable.get(lang) if extra.not_applicable else None
        if na_words:
            self.not_applicable = QCheckBox(na_words)
            self.not_applicable.setObjectName("not_applicable")
            self.not_applicable.setAccessibleName(na_words)
            self.not_applicable.setProperty("roomy", True)  # the focus ring never clips it
            self.not_applicable.setAccessibleDescription(
                self.tr("Not applicable: recorded as its own answer, not counted.")
            )
            self.not_applicable.setChecked(record.not_applicable)
            self.answer.setEnabled(not record.not_applicable)
            self.not_applicable.toggled.connect(self._not_applicable)
            self.body.addWidget(self.not_applicable)
        if self.modes.handed:
            return  # views, who answered and evidence are the assessor's
        self.record_fields = RecordFields(
            self.step.question,
            self.form.views,
            na_words,
            record,
            lang,
            self._recorded,
            self.view_wording(lang, self.modes.easy),
        )
        self.record_fields.evidence.textChanged.connect(self._typed_evidence)
        self.body.addWidget(self.record_fields)

    def save_answer(self, value: object) -> None:
        agreed = list(value) if isinstance(value, tuple) else value
        self._save(self.record().changed(agreed=agreed))

    def first_focus(self) -> QWidget | None:
        if self.not_applicable is not None and self.not_applicable.isChecked():
            return self.not_applicable  # the answers are off while it does not apply
        return super().first_focus()

    # --- the answer object ---------------------------------------------------------------
    def _save(self, record: Recorded) -> None:
        self.session.store.set_answer(self.case_uuid, self.step.question.id, record.stored())
        if self.record_fields is not None:
            self.record_fields.show_views_differ(record.views_differ())
        step = self.progress_changed()
        if step is not None:
            self._set_progress(step)

    def _not_applicable(self, checked: bool) -> None:
        self.answer.setEnabled(not checked)
        if checked:
            self._save(self.record().changed(agreed=NA_JSON))
        else:
            self.save_answer(self.answer.value() if self._has_value() else None)

    def _has_value(self) -> bool:
        if isinstance(self.answer, ChoiceAnswer | NumberAnswer):
            return self.answer.value() not in (None, [])
        return bool(self.answer.toPlainText())

    def _recorded(self, **what: Any) -> None:
        record = self.record()
        if "view" in what:
            view, value = what["view"]
            record = record.with_view(view, value)
        else:
            record = record.changed(**what)
        self._save(record)

    def _typed_evidence(self) -> None:
        self.pending["evidence"] = "yes"
        self.timer.start(TYPING_PAUSE_MS)

    def flush(self) -> None:
        evidence = "evidence" in self.pending
        self.pending.pop("evidence", None)
        super().flush()
        if evidence and self.record_fields is not None:
            text = self.record_fields.evidence_text()
            self._save(self.record().changed(evidence=text or None))
