"""Looks remembered per case and started from the person's recorded needs; large print at
200 % with no sideways scrolling; Welsh ruleset text; the letter printed off the GUI
thread and read back; the calm crash dialog."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from rasdesk.ui import theme
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named


def test_looks_start_from_recorded_needs_and_are_remembered_per_case(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    john, mary = case_named(win, "John Evans"), case_named(win, "Mary Lewis")
    win.open_case(john)
    assert win.modes().large and not win.modes().easy  # recorded: large print
    win.act("contrast")
    win.open_case(mary)
    assert win.modes().easy and not win.modes().large and not win.modes().contrast
    win.open_case(john)
    assert win.modes() == Modes(large=True, contrast=True)
    win.session.case_modes.clear()  # a new sitting reads them back from the file
    assert win.session.modes_for(john) == Modes(large=True, contrast=True)


def test_large_print_doubles_the_text_and_never_scrolls_sideways(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.resize(900, 700)
    win.open_case(case_named(win, "Mary Lewis"))
    if win.modes().large:
        win.act("large")
    normal = QApplication.font().pointSize()
    win.act("large")
    assert QApplication.font().pointSize() >= 2 * normal
    assert f"font-size: {2 * theme.BODY_PT}pt" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    page = win.page
    assert isinstance(page, QuestionPage)
    qtbot.wait(50)
    assert page.scroll.horizontalScrollBar().maximum() == 0
    assert win.width() <= 900
    inner, view = page.scroll.widget(), page.scroll.viewport().width()
    labels = [w for w in inner.findChildren(QLabel) if w.isVisible() and w.text()]
    assert labels
    for widget in labels:  # every text inside the view, tall enough for its wrapped lines
        right = widget.mapTo(inner, QPoint(widget.width(), 0)).x()
        assert right <= view, f"{widget.text()[:40]!r} runs off the page"
        if widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()) - 2, widget.text()[:40]


def test_welsh_shows_the_rulesets_welsh_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.open_case(case_named(win, "Mary Lewis"))
    if win.modes().language != "cy":
        win.act("language")
    page = win.page
    assert isinstance(page, QuestionPage)
    assert page.heading.text() == page.step.question.easy_read.get("cy")  # type: ignore[union-attr]


def test_the_letter_is_printed_off_the_gui_thread(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    win.open_case(alys)
    assert isinstance(win.page, ResultPage) and win.page.final
    done: list[object] = []
    target = tmp_path / "letter.pdf"
    win.print_to(alys, target, done.append)
    assert not done  # it runs on a worker thread
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Alys Pritchard" in text and "301.20" in text
    # The hook for the print dialog's "Save an accessible copy": the tagged PDF/UA-1.
    tagged = tmp_path / "accessible.pdf"
    win.print_to(alys, tagged, done.append, accessible=True)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=20_000)
    import pikepdf

    with pikepdf.open(tagged) as pdf:
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert "Alys Pritchard" in str(pdf.docinfo.get("/Title"))


def test_an_unexpected_error_shows_a_calm_dialog_and_is_logged(
    qtbot, window: MainWindow, rasdesk_home
) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.platform.logs import setup_logging
    from rasdesk.ui.errors import install_crash_handler

    setup_logging()  # as app.run() does
    install_crash_handler()
    seen: list[str] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(100, close_dialog)
    try:
        raise RuntimeError("boom for the test")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert seen == ["Something went wrong"]
    log = (rasdesk_home / "log" / "rasdesk.log").read_text()
    assert "boom for the test" in log
