"""Large print at the table (issue 12, point 3), measured offscreen at the window sizes a
1366×768 and a 1280×720 screen leave under a window manager's title bar: every question of
both questionnaires shows the question, its first five answers and Continue without
scrolling, in English and in Welsh; pressing 1–9 leaves the chosen answer in view; no page
scrolls on into blank space after its last control; and at 1024 px nothing is clipped (each
label's and button's needed size against its shown size). The real-window stage
(scripts/stage-real-window.sh) checks the same under openbox."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from rasdesk.storage.store import Person
from rasdesk.ui.accessible import ANNOUNCER
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer
from tests.ui.conftest import case_named
from tests.ui.fill import fill_answers

#: The client area of a maximised window under openbox's title bar (as the stage sees it).
SCREENS = {"1366x768": (1366, 750), "1280x720": (1280, 702)}


def in_view(page: QuestionPage, widget: QWidget) -> bool:
    viewport = page.scroll.viewport()
    view = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
    return view.contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_question_fits_without_scrolling(
    window: MainWindow, screen: str, language: str
) -> None:
    window.resize(*SCREENS[screen])
    problems, checked = [], 0
    for kind in ("person", "carer"):
        case = window.session.start_case(Person("Gwen Fit"), kind, None)
        if kind == "person":
            fill_answers(window, case)  # every question shown (falls follows moving)
        for section in window.session.questionnaire(case).sections:
            for question in section.questions:
                window.go(("question", case, question.id, False))
                if not window.modes().large or window.modes().language != language:
                    window.set_modes(replace(window.modes(), large=True, language=language))
                settle()
                page = window.page
                assert isinstance(page, QuestionPage)
                if page.step.question.id != question.id:
                    continue  # not asked with these answers
                checked += 1
                must: list[QWidget] = [page.heading, page.next]
                if isinstance(page.answer, ChoiceAnswer):
                    must += [b.parentWidget() for b in page.answer.buttons[:5]]  # whole rows
                elif isinstance(page.answer, NumberAnswer):
                    must.append(page.answer.edit)
                for widget in must:
                    inside = window.rect().contains(
                        QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
                    )
                    scrolled = page.scroll.widget().isAncestorOf(widget) and not in_view(
                        page, widget
                    )
                    if not inside or scrolled:
                        name = widget.accessibleName() or type(widget).__name__
                        problems.append(f"{kind} {question.id}: {name[:40]!r} needs scrolling")
    assert checked >= 18, f"only {checked} questions were reached"
    assert problems == []


def test_a_number_key_leaves_the_chosen_answer_in_view(window: MainWindow) -> None:
    window.resize(*SCREENS["1280x720"])
    case = window.session.start_case(Person("Gwen Fit"), "person", None)
    window.go(("question", case, "home_tasks", False))
    window.set_modes(replace(window.modes(), large=True, easy=True))
    settle()
    page = window.page
    assert isinstance(page, QuestionPage) and isinstance(page.answer, ChoiceAnswer)
    for number in range(1, len(page.answer.buttons) + 1):
        QTest.keyClick(page.answer.buttons[0], Qt.Key(Qt.Key.Key_0 + number))
        settle()
        chosen = page.answer.buttons[number - 1]
        assert chosen.hasFocus()
        assert in_view(page, chosen.parentWidget()), f"answer {number} is out of view"


def blank_after_the_end(window: MainWindow) -> int:
    page = window.page
    assert page is not None
    inner = page.scroll.widget()
    bottoms = [
        w.mapTo(inner, QPoint(0, w.height())).y()
        for w in inner.findChildren(QWidget)
        if w.isVisibleTo(inner) and w.width() > 0
    ]
    margin = page.body.contentsMargins().bottom()
    return max(0, inner.height() - margin - max(bottoms, default=0))


def clipped(window: MainWindow) -> list[str]:
    """Labels and buttons shown smaller than they need, or past the window's right edge."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if widget.objectName() == ANNOUNCER and widget.maximumHeight() == 0:
            continue  # on question pages the announcer is for screen readers only
        text = getattr(widget, "text", lambda: "")()
        if isinstance(widget, QLabel) and text and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 2:
                    found.append(f"{text[:40]!r} needs {needed} px high, has {widget.height()}")
            elif widget.sizeHint().width() > widget.width() + 2 and widget.maximumHeight():
                found.append(f"{text[:40]!r} needs {widget.sizeHint().width()} px wide")
        if isinstance(widget, QAbstractButton) and text:
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 2 or hint.height() > widget.height() + 2:
                found.append(f"{text[:40]!r} needs {hint.toTuple()}, has {widget.size().toTuple()}")
        if isinstance(widget, QLabel | QAbstractButton) and text:
            right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
            if right > window.width() + 1:
                found.append(f"{text[:40]!r} runs past the window's right edge")
    return found


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_page_is_clipped_at_1024_nor_scrolls_into_blank_space(
    window: MainWindow, language: str
) -> None:
    window.resize(1024, 700)
    case = window.session.start_case(Person("Gwen Fit"), "person", None)
    fill_answers(window, case)
    alys = case_named(window, "Alys Pritchard")
    routes = [
        ("cases",),
        ("new", "person", None),
        ("question", case, "washing", False),
        ("question", case, "night_help", False),
        ("check", case),
        ("result", case),
        ("result", alys),
    ]
    problems = []
    for route in routes:
        window.go(route)
        window.set_modes(replace(window.modes(), large=True, language=language))
        settle()
        problems += [f"{route[0]}: {p}" for p in clipped(window)]
        blank = blank_after_the_end(window)
        if blank > 24:
            problems.append(f"{route[0]}: scrolls on {blank} px into blank space")
    assert problems == []
