""" "A newer ruleset is installed: move this draft to it?" The figure before and after side
by side, what carries over, what will be asked again and why, and the council's changes in
``ruleset diff``'s words. Moving is the assessor's explicit choice, and is audited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rasdesk.reviews.rebase_plan import AnyResult, RebasePlan, has_amount, headline, period
from rasdesk.storage import rebase
from rasdesk.ui import amount_words, reviews
from rasdesk.ui.linked_words import problem_words
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, heading, label, row


class MoveRulesetPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        moved: Callable[[], None],
        later: Callable[[], None],
    ) -> None:
        super().__init__()
        self.session, self.case_uuid, self.moved = session, case_uuid, moved
        verified = reviews.newer_ruleset(session, case_uuid)
        assert verified is not None, "the move page needs a newer ruleset"
        self.verified = verified
        self.plan: RebasePlan = rebase.plan_for_case(session.store, case_uuid, verified.ruleset)
        plan, new = self.plan, verified.ruleset
        self.body.addWidget(
            heading(self.tr("A newer ruleset is installed: move this draft to it?"))
        )
        self.body.addWidget(
            label(
                self.tr(
                    "This draft uses {old_id} version {old_version}. The council's current "
                    "ruleset is version {new_version}."
                ).format(old_id=plan.old.id, old_version=plan.old.version, new_version=new.version)
            )
        )
        self.before = label(
            self.tr("Before: {figure}").format(figure=self._figure(plan.before)), "h2"
        )
        self.after = label(self.tr("After: {figure}").format(figure=self._figure(plan.after)), "h2")
        self.body.addWidget(row(self.before, self.after))
        # A carer's figure the linked person's case cannot give yet: what to do there first.
        lang = session.modes_for(case_uuid).language
        said = [
            line
            for error in (plan.before_why, plan.after_why)
            if error is not None
            for line in problem_words(session, case_uuid, error, lang)
        ]
        self.why = [label(line, "hint") for line in dict.fromkeys(said)]  # each said once
        for line in self.why:
            self.body.addWidget(line)
        carry = plan.carry
        self.body.addWidget(
            label(
                self.tr(
                    "{carried} answers carry over. {asked} questions will be asked again."
                ).format(carried=len(carry.carried), asked=len(carry.asked_again))
            )
        )
        if carry.not_carried:
            self.body.addWidget(label(self.tr("What does not carry over"), "h2"))
            for lost in carry.not_carried:
                self.body.addWidget(label(lost.words))
        for note in carry.notes:
            self.body.addWidget(label(note, "hint"))
        self.body.addWidget(label(self.tr("What the council changed"), "h2"))
        for change in plan.changes:
            self.body.addWidget(label(change))
        self.move_button = button(self.tr("Move it to the new ruleset"), self._move, primary=True)
        self.body.addWidget(row(button(self.tr("Not now"), later), self.move_button))
        self.finish()

    def _figure(self, result: AnyResult | None) -> str:
        """The figure people compare, in its own period: a format-1 weekly amount, or a
        format-2 first amount's total ("£2,600.00 a year", "£250.00 one-off")."""
        if result is None:
            return self.tr("not worked out yet")
        if not has_amount(result):  # example (b)'s person's: a carer's reads its answers
            return self.tr("no amount of its own")
        return amount_words.figure(headline(result), period(result))

    def first_focus(self) -> QWidget | None:
        return self.move_button

    def _move(self) -> None:
        rebase.rebase_draft(
            self.session.store, self.case_uuid, self.verified.ruleset, self.verified.signed_bytes
        )
        self.say(self.tr("Moved to the new ruleset"))
        self.moved()
