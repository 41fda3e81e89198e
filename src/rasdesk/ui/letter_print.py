"""Letters from the app: the print dialog opened for a case, the person's consent to put
their notes on the letter recorded (and audited) as given there, then the letter made off
the GUI thread in the style and language chosen and either printed on paper or saved as
a copy under a name that never overwrites a file. While the laptop is handed to the
person nothing here opens: no print dialog, no folders, no files.

One path for both letters: ``letter`` is "assessment" (the indicative budget, the
default) or "decision" (the final budget and its reasons, ``printing/decision_letter.py``).

``save_to`` is the window's ``print_to`` hook: a letter written to one given path (the
person's recorded language unless one is given)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from rasdesk.printing.blocks import Document
from rasdesk.ui.letter_options import LetterChoice, options_for
from rasdesk.ui.work import run_slow

if TYPE_CHECKING:
    from rasdesk.ui.main_window import MainWindow


def choose_print(win: MainWindow, case: str, letter: str = "assessment") -> None:
    """The print dialog for ``case``'s ``letter``; then what was chosen in it."""
    if win.handed_case is not None:
        return  # with the person: only their questions, never the disk or a printer
    from rasdesk.ui.print_dialog import PrintDialog

    dialog = PrintDialog(win, options_for(win.session, case, letter))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
        return
    carry_out(win, case, dialog.choice)


def carry_out(
    win: MainWindow,
    case: str,
    choice: LetterChoice,
    done: Callable[[Any], None] | None = None,
    printer: QPrinter | None = None,
) -> None:
    """Record the notes consent, then print or save the letter ``choice`` describes.
    ``done(value)`` instead of the message at the end: the path saved, or the pages
    printed. ``printer`` overrides the printer named in ``choice``."""
    if win.handed_case is not None:
        return
    session = win.session
    carries_notes = choice.letter == "assessment"  # the decision letter has none of them
    if carries_notes and bool(session.case(case)["notes_on_letter"]) != choice.notes:
        session.store.set_notes_on_letter(case, choice.notes)  # the consent, audited
    if choice.action == "print":
        _print(win, case, choice, done, printer)
        return

    def work() -> Path:
        from rasdesk.platform.saved_copies import save_new
        from rasdesk.printing.copies import render_copy

        doc = _document(win, case, choice.language, choice.style, choice.letter)
        assert choice.folder is not None
        return save_new(choice.folder, choice.name, render_copy(doc, choice.kind))

    said = {
        "pdf": QCoreApplication.translate("LetterPrint", "The letter is saved as {file}."),
        "accessible": QCoreApplication.translate(
            "LetterPrint", "The accessible copy is saved as {file}."
        ),
        "audio": QCoreApplication.translate(
            "LetterPrint", "The letter read aloud is saved as {file}."
        ),
        "braille": QCoreApplication.translate(
            "LetterPrint", "The letter in braille is saved as {file}."
        ),
    }[choice.kind]
    run_slow(
        win,
        QCoreApplication.translate("LetterPrint", "Making the letter…"),
        work,
        done or _tell(win, said, "file"),
    )


def _print(
    win: MainWindow,
    case: str,
    choice: LetterChoice,
    done: Callable[[Any], None] | None,
    printer: QPrinter | None,
) -> None:
    from rasdesk.ui.printer import load_image_plugins, print_pdf, printer_named

    chosen = printer or printer_named(choice.printer, choice.copies)
    load_image_plugins()  # on this (the GUI) thread, never first on the worker

    def work() -> int:
        from rasdesk.printing.render import render_document

        doc = _document(win, case, choice.language, choice.style, choice.letter)
        return print_pdf(render_document(doc), chosen)

    said = QCoreApplication.translate(
        "LetterPrint", "The letter has gone to the printer. Pages: {pages}."
    )
    run_slow(
        win,
        QCoreApplication.translate("LetterPrint", "Printing the letter…"),
        work,
        done or _tell(win, said, "pages"),
    )


def _document(
    win: MainWindow,
    case: str,
    language: str | None,
    style: str | None,
    letter: str = "assessment",
) -> Document:
    """The composed letter, read through a worker thread's own store connection."""
    store = win.session.open_worker_store()
    try:
        if letter == "decision":
            from rasdesk.printing.decision_case import decision_document

            return decision_document(store, case, language, style)[0]
        from rasdesk.printing.case_letter import document_for_case

        doc, _letter = document_for_case(store, case, language, style)
    finally:
        store.close()
    return doc


def _tell(win: MainWindow, pattern: str, field: str) -> Callable[[Any], None]:
    def tell(value: Any) -> None:
        QMessageBox.information(
            win,
            QCoreApplication.translate("LetterPrint", "Letter"),
            pattern.format(**{field: value}),
        )

    return tell


def save_to(
    win: MainWindow,
    case: str,
    target: Path,
    done: Callable[[Any], None] | None = None,
    *,
    accessible: bool = False,
    language: str | None = None,
    style: str | None = None,
    letter: str = "assessment",
) -> None:
    """The letter (or its accessible copy) written to ``target`` exactly."""

    def work() -> Path:
        from rasdesk.platform.files import write_atomic
        from rasdesk.printing.copies import render_copy

        doc = _document(win, case, language, style, letter)
        write_atomic(target, render_copy(doc, "accessible" if accessible else "pdf"), 0o600)
        return target

    run_slow(
        win,
        QCoreApplication.translate("LetterPrint", "Making the letter…"),
        work,
        done
        or _tell(
            win, QCoreApplication.translate("LetterPrint", "The letter is saved as {file}."), "file"
        ),
    )
