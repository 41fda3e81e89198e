"""The plan and decision pages' place in the window: their routes (("plan", case),
("plan_summary", case), ("decide", case)), where a case opens once it has a plan, and
printing the decision letter off the GUI thread. Kept here so that main_window.py only
hands these routes over."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rasdesk.ui.modes import Modes
from rasdesk.ui.widgets.page import Page
from rasdesk.ui.work import run_slow

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
    )


def choose_print(win: MainWindow, case: str) -> None:
    if win.handed_case is not None:
        return  # with the person: no file dialog, however it was asked for (ui/handover.py)
    name, _filter = QFileDialog.getSaveFileName(
        win,
        QCoreApplication.translate("DecisionNav", "Save the decision letter as"),
        str(Path.home() / "decision.pdf"),
        QCoreApplication.translate("DecisionNav", "PDF (*.pdf)"),
    )
    if name:
        print_decision(win, case, Path(name))


def print_decision(win: MainWindow, case: str, target: Path, done: Any = None) -> None:
    language = win.modes().language

    def work() -> Path:
        from rasdesk.platform.files import write_atomic
        from rasdesk.printing.decision_case import letter_for_decision
        from rasdesk.printing.decision_letter import compose_decision
        from rasdesk.printing.render import render_document

        store = win.session.open_worker_store()
        try:
            letter, sec, style = letter_for_decision(store, case, language)
        finally:
            store.close()
        write_atomic(target, render_document(compose_decision(letter, sec, style)))
        return target

    def printed(path: Path) -> None:
        if done is not None:
            done(path)
        else:
            QMessageBox.information(
                win,
                QCoreApplication.translate("DecisionNav", "Letter saved"),
                QCoreApplication.translate(
                    "DecisionNav", "The decision letter is saved as {file}."
                ).format(file=path),
            )

    run_slow(
        win, QCoreApplication.translate("DecisionNav", "Making the decision letter…"), work, printed
    )
