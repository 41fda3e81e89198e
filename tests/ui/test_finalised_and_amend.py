"""Defect 8 (kitchen): a finalised case's answers are shown read-only ("Back to the answers"
no longer leads to the case list), and Amend in the app asks for a reason (required) and
makes a new version through the lifecycle's amend: it supersedes the finalised one, which
stays as it was, and carries the reason into the version and the audit trail."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from rasdesk.storage.queries import show_case
from rasdesk.ui.amend import AmendDialog
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named
from tests.ui.drive import visible_text


def answer_amend(steps: list[str], seen: list[str]) -> None:
    """When the Amend dialog opens: for each step, "" presses Amend with no reason,
    "cancel" cancels, any other text is typed as the reason and Amend pressed."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(50, act)
            return
        for step in steps:
            if step == "cancel":
                dialog.cancel.click()
                return
            dialog.reason.setPlainText(step)
            dialog.amend.click()
            seen.append(dialog.error.text() if dialog.isVisible() else "accepted")

    QTimer.singleShot(50, act)


def test_a_finalised_case_shows_its_answers_read_only(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    win.open_case(alys)
    win.set_modes(win.modes().with_language("en"))  # her screen opens in Welsh
    page = win.page
    assert isinstance(page, ResultPage) and page.final
    back = next(b for b in page.findChildren(QPushButton) if b.text() == "Back to the answers")
    back.click()
    answers = win.page
    assert win.route == ("check", alys) and isinstance(answers, CheckAnswersPage)
    assert answers.read_only and answers.change_links == {}
    assert answers.summary is None
    assert answers.amend_button.isVisible()  # Amend lives here, beside the answers it changes
    assert not hasattr(page, "amend_button")  # not on the budget page
    assert "these answers cannot change" in visible_text(answers)
    answers.continue_button.click()  # Back to the budget
    assert win.route == ("result", alys)
    assert not win.mode_bar.buttons["handed"].isVisible()  # never handed over from here


def test_amend_needs_a_reason_then_makes_a_new_version(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    store = win.session.store
    alys = case_named(win, "Alys Pritchard")
    old = store.current_version(alys)
    win.go(("check", alys))
    win.set_modes(win.modes().with_language("en"))
    page = win.page
    assert isinstance(page, CheckAnswersPage) and page.read_only
    # Cancel: nothing changes.
    seen: list[str] = []
    answer_amend(["cancel"], seen)
    page.amend_button.click()
    assert store.current_version(alys)["version_uuid"] == old["version_uuid"]
    # No reason: the dialog says so and stays; then a reason amends.
    answer_amend(["   ", "Her son says she now needs help at night too."], seen)
    page.amend_button.click()
    assert seen == ["Give the reason for the amendment.", "accepted"]
    new = store.current_version(alys)
    assert new["number"] == old["number"] + 1 and new["state"] == "draft"
    assert new["supersedes"] == old["version_uuid"]
    assert new["amendment_reason"] == "Her son says she now needs help at night too."
    again = next(v for v in show_case(store, alys)["versions"] if v["number"] == old["number"])
    assert again["state"] != "draft"  # the finalised version stays as it was
    assert (
        store.db.execute(
            "SELECT bundle_sha256 FROM versions WHERE version_uuid = ?", (old["version_uuid"],)
        ).fetchone()[0]
        == old["bundle_sha256"]
    )
    audit = [h for h in show_case(store, alys)["history"] if h["event"] == "amended"]
    assert audit and audit[-1]["reason"] == "Her son says she now needs help at night too."
    assert audit[-1]["old"] == old["version_uuid"]
    # The answers open for changing: the new draft's check page, with its Change links.
    assert win.route == ("check", alys)
    assert isinstance(win.page, CheckAnswersPage) and not win.page.read_only
    assert win.page.change_links
    assert store.answers(new["version_uuid"]) == store.answers(old["version_uuid"])
