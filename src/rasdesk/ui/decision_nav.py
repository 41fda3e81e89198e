"""The plan and decision pages' place in the window: their routes (("plan", case),
("plan_summary", case), ("decide", case)), where a case opens once it has a plan, and
the decision letter's print dialog. Kept here so that main_window.py only
hands these routes over. The decision letter is printed through ui/letter_print.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasdesk.ui.modes import Modes
from rasdesk.ui.widgets.page import Page

if TYPE_CHECKING:
    from rasdesk.ui.main_window import MainWindow

ROUTES = frozenset({"plan", "plan_summary", "decide"})


def route_for(win: MainWindow, case: str) -> tuple[str, str] | None:
    """Where a case with a support plan opens: its plan while a draft, else the summary."""
    from rasdesk.storage import decisions  # the store's modules: not before the first paint

    version, sec = decisions.current(win.session.store, case)
    if sec is None:
        return None
    return ("plan", case) if version["bundle"] is None else ("plan_summary", case)


def plan_route(win: MainWindow, case: str) -> tuple[str, str]:
    """From the budget page: the plan (to start or go on) or, once finalised, its summary."""
    return route_for(win, case) or ("plan", case)


def build(win: MainWindow, kind: str, case: str, modes: Modes) -> Page:
    from rasdesk.ui.pages.decision import DecisionPage
    from rasdesk.ui.pages.plan import PlanPage
    from rasdesk.ui.pages.plan_summary import PlanSummaryPage

    s = win.session
    if kind == "plan":
        return PlanPage(
            s,
            case,
            modes,
            refresh=lambda: win.go(("plan", case)),
            finalised=lambda: win.go(("plan_summary", case)),
            go_back=lambda: win.go(("cases",)),
        )
    if kind == "plan_summary":
        return PlanSummaryPage(
            s,
            case,
            modes,
            decide=lambda: win.go(("decide", case)),
            change=lambda: win.go(("plan", case)),
            print_letter=lambda: choose_print(win, case),
            go_back=lambda: win.go(("cases",)),
        )
    return DecisionPage(
        s,
        case,
        decided=lambda: win.go(("plan_summary", case)),
        go_back=lambda: win.go(("plan_summary", case)),
        language=modes.language,
    )


def choose_print(win: MainWindow, case: str) -> None:
    """The decision letter through the app's own print dialog, as the assessment letter
    (ui/letter_print.py): style, language, paper or a copy that never overwrites a file.
    Nothing opens while the laptop is handed to the person."""
    from rasdesk.ui import letter_print

    letter_print.choose_print(win, case, "decision")
