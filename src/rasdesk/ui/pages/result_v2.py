"""The budget of a format-2 case: each amount with its period (a week, a month, a year, or a
one-off with what it covers), its parts each with its funder, then the council's part, the
other funders' parts and the total, never mixed up; the points chart only for a part that is
per point; the "what it would buy in hours" line beside an amount that declares it; the
engine's explanation step by step (a carer's facts among them, with the version of the
person's case they were read from); for a review, what changed since last time (as format
1's budget page); the council's contact details under their own heading; once finalised,
the way on to the support plan (docs/ruleset-v2.md §5).
A screen reader hears on arrival the heading with each total, and where another body pays
a part, the council's part and each other funder's (the heading's description). Read aloud speaks the page's words in order: the figures, then the explanation step by
step."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QWidget

from rasdesk.domain.model_v2 import Amount, PeriodSpec, QuestionnaireV2
from rasdesk.domain.phrases_v2 import PHRASES_V2
from rasdesk.domain.result_v2 import AmountResult, ResultV2
from rasdesk.ui.decision_words import funder_words
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.result import confirm_finalise
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, heading, label, row
from rasdesk.ui.widgets.points_chart import PointsChart
from rasdesk.ui.widgets.read_aloud import ReadAloud
from rasdesk.ui.words import money, shown_text


class ResultV2Page(Page):
    def __init__(
        self,
        result: ResultV2,
        questionnaire: QuestionnaireV2,
        final: bool,
        modes: Modes,
        go_back: Callable[[], None],
        finalise: Callable[[], None] | None = None,
        print_letter: Callable[[], None] | None = None,
        receipt: QWidget | None = None,
        linked: str | None = None,  # which version of the person's case facts came from
        plan: Callable[[], None] | None = None,  # a finalised case's support plan
        since: QWidget | None = None,  # a review: what changed since last time
    ) -> None:
        super().__init__()
        self.finalise_action = finalise
        self.lang = modes.language
        title = self.tr("The budget") if final else self.tr("The indicative budget")
        # Heard on arrival (the focus starts here): the heading with each amount's total
        # ("The indicative budget: £301.20 a week"), as on format 1's budget page.
        totals = "; ".join(
            f"£{money(amount.total)} {self._per(spec.period)}"
            for spec, amount in zip(questionnaire.amounts, result.amounts, strict=True)
        )
        self.heading = heading(title, name=f"{title}: {totals}" if totals else "")
        self.body.addWidget(self.heading)
        if not final:
            self.body.addWidget(
                label(
                    self.tr("This is a draft. It is not a decision until it is finalised."),
                    "warning",
                )
            )
        self.read_aloud = ReadAloud(self.spoken, self.tr("the budget and how it was worked out"))
        self.body.addWidget(self.read_aloud)
        self.receipt = receipt  # a finalised case's: received by the council, or not yet
        if receipt is not None:
            self.body.addWidget(receipt)
        # Every figure shown, by (amount id, what): for tests and read-aloud.
        self.figures: dict[tuple[str, str], str] = {}
        self.charts: list[PointsChart] = []
        self.hours: dict[str, QWidget] = {}  # amount id → its "what it would buy" line
        self.funder_lines: list[str] = []  # who pays what, where another body pays a part
        for spec, amount in zip(questionnaire.amounts, result.amounts, strict=True):
            self._amount(spec, amount, result, questionnaire, modes)
        # Heard with the heading on arrival: the figure is not all the council's.
        self.heading.setAccessibleDescription(" ".join(self.funder_lines))
        self.since = since
        if since is not None:  # as on format 1's budget page: after the figures
            self.body.addWidget(since)
        self.body.addWidget(label(self.tr("How the figures were worked out"), "h2"))
        self.linked = label(linked, "hint") if linked else None
        if self.linked is not None:  # a carer's facts: the explanation shows each one
            self.body.addWidget(self.linked)
        for step in result.explanation:
            if step.step != "contact":  # said under its own heading, where it is looked for
                self.body.addWidget(label(step.easy_read if modes.easy else step.text))
        # The council's contact details, only where the ruleset gives them.
        self.contact: QWidget | None = None
        for step in result.explanation:
            if step.step == "contact":
                self.body.addWidget(label(self.tr("Questions, or if you disagree"), "h2"))
                self.contact = label(step.easy_read if modes.easy else step.text)
                self.body.addWidget(self.contact)
        buttons: list[QWidget] = [button(self.tr("Back to the answers"), go_back)]
        self.finalise_button: QWidget | None = None
        if not final and finalise is not None:
            self.finalise_button = button(
                self.tr("Finalise"),
                self._confirm,
                primary=True,
                description=self.tr("Freeze the answers and the figures; they can then be sent."),
            )
            buttons.append(self.finalise_button)
        if print_letter is not None:
            self.print_button = button(self.tr("Print the letter"), print_letter)
            buttons.append(self.print_button)
        self.plan_button: QWidget | None = None
        if final and plan is not None:  # as format 1's budget page
            self.plan_button = button(
                self.tr("Support plan"),
                plan,
                description=self.tr(
                    "What the council's part of the budget will buy, and the decision on it."
                ),
            )
            buttons.append(self.plan_button)
        self.body.addWidget(row(*buttons))
        self.finish()

    @classmethod
    def for_case(
        cls,
        session: Session,
        case_uuid: str,
        modes: Modes,
        go_back: Callable[[], None],
        finalise: Callable[[], None],
        print_letter: Callable[[], None],
        plan: Callable[[], None] | None = None,
    ) -> ResultV2Page:
        """The page of a stored case: its result (``Session.budget_v2``), the council's
        receipt of a finalised version, and where a carer's facts were read from."""
        from rasdesk.domain.model_v2 import RulesetV2
        from rasdesk.domain.shown_v2 import shown_v2
        from rasdesk.storage.linked_facts import linked_shown
        from rasdesk.ui import reviews
        from rasdesk.ui.linked_words import source_words
        from rasdesk.ui.widgets.receipt import ReceiptLine

        result, questionnaire, final = session.budget_v2(case_uuid, modes.language)
        linked = linked_shown(session.store, case_uuid)  # read already: no refusal here
        # As people read it (as the letters): a part that does not apply has no funder's line.
        ruleset = session.store.any_ruleset(session.version(case_uuid)["ruleset_sha256"])
        assert isinstance(ruleset, RulesetV2)
        return cls(
            shown_v2(result, ruleset, modes.language),
            questionnaire,
            final,
            modes,
            go_back,
            finalise,
            print_letter,
            receipt=ReceiptLine(session, case_uuid) if final else None,
            linked=source_words(linked, final) if linked is not None else None,
            plan=plan,
            since=reviews.since_box(session, case_uuid, modes.language),
        )

    def spoken(self) -> list[tuple[str, str]]:
        """Every word the page shows, in its order (figures, parts, funders, the
        explanation step by step, the contact details), in the case's language."""
        said: list[tuple[str, str]] = []
        for i in range(self.body.count()):
            widget = self.body.itemAt(i).widget()
            if widget is None or widget is self.read_aloud or widget is self.receipt:
                continue
            labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
            words = (w.text().replace("\u200b", "") for w in labels)  # no wrapping aids
            said += [(self.lang, text) for text in words if text.strip()]
        return said

    def leave(self) -> None:
        self.read_aloud.stop()

    def _confirm(self) -> None:
        if self.finalise_action is not None and confirm_finalise(self):
            self.finalise_action()

    def _per(self, period: PeriodSpec) -> str:
        """ "a week", or "as a one-off payment (for the next 12 months)", in the language."""
        words = PHRASES_V2[self.lang]
        per = words[f"per_{period.per.value}"]
        if period.covers is not None:
            per = words["per_covers"].format(per=per, covers=period.covers.get(self.lang))
        return per

    def _amount(
        self,
        spec: Amount,
        amount: AmountResult,
        result: ResultV2,
        questionnaire: QuestionnaireV2,
        modes: Modes,
    ) -> None:
        """The amount's total, the council's part and each other funder's apart, the
        amount in the other periods asked for, then each part with its funder and its
        costed items, then the points chart of a per-point part."""
        per = self._per(spec.period)
        self.body.addWidget(label(amount.label, "h2"))
        total = f"£{money(amount.total)} {per}"
        self.figures[(amount.id, "total")] = money(amount.total)
        self.body.addWidget(label(self.tr("Total: {figure}").format(figure=total), "big"))
        council = f"£{money(amount.council)} {per}"
        self.figures[(amount.id, "council")] = money(amount.council)
        self.body.addWidget(label(self.tr("The council's part: {figure}").format(figure=council)))
        others = {f: v for f, v in amount.funders.items() if f != "council"}
        if others:
            self.figures[(amount.id, "others")] = money(sum(others.values(), Decimal(0)))
        lines: list[str] = []
        for funder, value in others.items():
            self.figures[(amount.id, funder)] = money(value)
            lines.append(
                self.tr("Paid by {funder}, not by the council: {figure}").format(
                    funder=self._funder(funder, spec), figure=f"£{money(value)} {per}"
                )
            )
            self.body.addWidget(label(lines[-1]))
        if lines:
            council_line = self.tr("The council's part: {figure}").format(figure=council)
            said = ". ".join([council_line, *lines]) + "."
            many = len(result.amounts) > 1
            self.funder_lines.append(f"{amount.label}: {said}" if many else said)
        for also in amount.also:
            words = PHRASES_V2[self.lang][f"per_{also.period.per.value}"]
            self.body.addWidget(
                label(
                    self.tr("{per}: £{total} in all, the council's part £{council}").format(
                        per=words[:1].upper() + words[1:],
                        total=money(also.total),
                        council=money(also.council),
                    ),
                    "hint",
                )
            )
        # "What it would buy in hours", beside the figure, only where the amount declares it.
        for step, about in zip(result.explanation, result.step_about, strict=True):
            if step.step == "hours" and about[0] == amount.id:
                hours = label(step.easy_read if modes.easy else step.text, "hint")
                self.hours[amount.id] = hours
                self.body.addWidget(hours)
        if amount.sign_off_required:
            self.body.addWidget(
                label(
                    self.tr("A manager must sign off this budget before it can be agreed."),
                    "warning",
                )
            )
        flag_words = {f.id: f.label.get(self.lang) for f in spec.flags}
        for flag in amount.flags:
            self.body.addWidget(
                label(self.tr("Flag: {flag}").format(flag=flag_words.get(flag, flag)), "warning")
            )
        self.body.addWidget(label(self.tr("{amount}: the parts").format(amount=amount.label), "h2"))
        charts = []
        for part in amount.parts:
            if not part.applies or part.replaced_by is not None:
                continue
            self.figures[(amount.id, part.id)] = money(part.amount)
            self.body.addWidget(
                label(
                    self.tr("{part} ({funder}): £{amount} {per}").format(
                        part=part.label,
                        funder=self._funder(part.funder, spec),
                        amount=money(part.amount),
                        per=self._per(part.period),
                    )
                )
            )
            if part.earmarked:
                self.body.addWidget(label(part.earmarked, "hint"))
            for step, about in zip(result.explanation, result.step_about, strict=True):
                if step.step == "item" and about == (amount.id, part.id):  # costed support
                    self.body.addWidget(label(step.easy_read if modes.easy else step.text, "hint"))
            if part.points is not None and part.method == "per_point":
                titles = {s.section.id: s.section for s in questionnaire.sections}
                bars = [
                    (
                        shown_text(titles[sid].title, titles[sid].easy_read, self.lang, modes.easy),
                        pts,
                    )
                    for sid, pts in part.points.sections.items()
                    if sid in titles
                ]
                charts.append(
                    (part.label, PointsChart(bars, self.tr("Points in each area"), modes.contrast))
                )
        for part_label, chart in charts:  # after the parts: the figures first
            self.body.addWidget(
                label(self.tr("Points in each area: {part}").format(part=part_label), "h2")
            )
            self.charts.append(chart)
            self.body.addWidget(chart)

    def _funder(self, funder: str, spec: Amount | None = None) -> str:
        """Who pays: the name the ruleset gives the funder (as the letters and the
        explanation say it), else the council, the NHS, the ILF, or "another funder"."""
        named = next(
            (
                p.funder_name
                for p in (spec.parts if spec is not None else ())
                if p.funder == funder and p.funder_name is not None and funder != "council"
            ),
            None,
        )
        if named is not None:
            return named.get(self.lang)
        return self.tr("the council") if funder == "council" else funder_words(funder)

    def first_focus(self) -> QWidget | None:
        return self.start_heading()
