"""Which page each route of the window is (docs in ui/main_window.py: the routes), built
for the looks given. Each page's module is imported here, when the page is first built, not
when the window is: the app opens on the PIN page and its first paint must not wait for
every page (issue 20). The plan and decision pages are ui/decision_nav.py's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rasdesk.ui import decision_nav
from rasdesk.ui.modes import Modes
from rasdesk.ui.widgets.page import Page

if TYPE_CHECKING:
    from rasdesk.ui.main_window import MainWindow


def build_page(win: MainWindow, route: tuple[Any, ...], modes: Modes) -> Page:
    kind, *args = route
    s = win.session
    if kind == "cases":
        from rasdesk.ui.pages.case_list import CaseListPage

        return CaseListPage(
            s,
            win.open_case,
            lambda k, linked: win.go(("new", k, linked)),
            sync=win.sync,
            sending=lambda: win.go(("sending",)),
        )
    if kind == "sending":
        from rasdesk.ui.pages.sending import SendingPage

        return SendingPage(s, win.sync, lambda: win.go(("cases",)))
    if kind == "first_run":
        from rasdesk.ui.pages.first_run import FirstRunPage

        return FirstRunPage(win._set_up, win.first_run_typed, win.modes().language)
    if kind == "new":
        from rasdesk.ui.pages.new_case import NewCasePage

        return NewCasePage(s, args[0], args[1], win.open_case, lambda: win.go(("cases",)))
    if kind == "lock":
        from rasdesk.ui.pages.lock import LockPage

        return LockPage(win.attempts, win.unlock, win.close_store, s.demo, starting=win.starting)
    if kind == "closed":
        from rasdesk.ui.pages.closed import ClosedPage

        return ClosedPage()
    case = args[0]
    if kind == "move":
        from rasdesk.ui.pages.move_ruleset import MoveRulesetPage

        return MoveRulesetPage(
            s, case, lambda: win.open_case(case), lambda: win._resume(case, False)
        )
    if kind == "changes":
        from rasdesk.ui.pages.since_last_time import SinceLastTimePage

        return SinceLastTimePage(
            s,
            case,
            modes.language,
            go_on=lambda: win.go(("result", case)),
            go_back=lambda: win.go(("check", case)),
            print_letter=lambda: win.choose_print(case),
        )
    if kind == "question":
        from rasdesk.ui import flow
        from rasdesk.ui.pages.question import QuestionPage
        from rasdesk.ui.pages.question_v2 import QuestionV2Page

        form, answers = s.form(case), s.answers(case)
        step = flow.step_for(form, answers, args[1]) or flow.first_step(form, answers)
        page_type = QuestionV2Page if s.is_format2(case) else QuestionPage
        return page_type(
            s,
            case,
            step,
            modes,
            go_back=lambda: win._previous(case, step.question.id),
            go_on=lambda: win._next(case, step.question.id, bool(args[2])),
            progress_changed=lambda: flow.step_for(s.form(case), s.answers(case), step.question.id),
        )
    if kind == "check":
        from rasdesk.ui import reviews
        from rasdesk.ui.pages.check_answers import CheckAnswersPage
        from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page

        check_type = CheckAnswersV2Page if s.is_format2(case) else CheckAnswersPage
        return check_type(
            s,
            case,
            modes,
            change=lambda qid: win.go(("question", case, qid, True)),
            go_on=lambda: win.go(
                ("changes", case) if reviews.is_review(s, case) else ("result", case)
            ),
            go_back=lambda: win._last_question(case),
            amend=lambda: win.amend(case),
        )
    if kind == "result" and s.is_format2(case):
        from rasdesk.ui.pages.result_v2 import ResultV2Page

        return ResultV2Page.for_case(  # with the council's receipt, a carer's facts
            s,
            case,
            modes,
            go_back=lambda: win.go(("check", case)),  # a finalised case's: read-only
            finalise=lambda: win.finalise(case),
            print_letter=lambda: win.choose_print(case),
            plan=lambda: win.go(decision_nav.plan_route(win, case)),
        )
    if kind == "result":
        from rasdesk.ui.pages.result import ResultPage

        return ResultPage(
            s,
            case,
            modes,
            finalise=lambda: win.finalise(case),
            print_letter=lambda: win.choose_print(case),
            go_back=lambda: win.go(("check", case)),  # a finalised case's: read-only
            plan=lambda: win.go(decision_nav.plan_route(win, case)),
        )
    if kind in decision_nav.ROUTES:
        return decision_nav.build(win, kind, case, modes)
    raise ValueError(f"unknown page {kind!r}")
