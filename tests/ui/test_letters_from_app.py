"""Defect 7 (kitchen) and "Save an accessible copy" (every-reader): letters from the app.
The print dialog starts from the person's recorded needs (not the screen's language), the
style and language chosen are the letter's, the notes go on it only with the consent
given there (recorded and audited), copies are saved under a name per case and version
that never overwrites, the accessible copy is the tagged PDF/UA-1, and printing on paper
goes through Qt's print support (a QPrinter writing a PDF stands in for the printer).
Real store, real PDFs read back with poppler and pikepdf."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from rasdesk.storage.queries import show_case
from rasdesk.ui import letter_print
from rasdesk.ui.letter_options import LetterChoice, options_for
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.print_dialog import PrintDialog
from tests.ui.conftest import case_named
from tests.ui.fill import fill_answers


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def smallest_text(pdf: Path) -> float:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return min(
            round(c["size"], 1) for page in doc.pages for c in page.chars if c["text"].strip()
        )


def make(qtbot, win: MainWindow, case: str, choice: LetterChoice, printer: QPrinter | None = None):  # type: ignore[no-untyped-def]
    done: list[object] = []
    letter_print.carry_out(win, case, choice, done.append, printer)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    return done[0]


def dialog_for(win: MainWindow, case: str, folder: Path) -> PrintDialog:
    dialog = PrintDialog(win, options_for(win.session, case), printers=[])
    dialog.folder = folder
    dialog._kind_changed()
    return dialog


def test_the_language_follows_the_person_not_the_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")  # recorded: Welsh; the council offers both
    john = case_named(win, "John Evans")  # recorded: English, large print
    mary = case_named(win, "Mary Lewis")  # recorded: easy read
    win.open_case(john)
    win.act("language")  # the screen in Welsh …
    assert win.modes().language == "cy"
    john_options = options_for(win.session, john)
    assert (john_options.language, john_options.style) == ("en", "large")  # … the letter not
    win.open_case(alys)
    if win.modes().language == "cy":
        win.act("language")  # the screen in English …
    alys_options = options_for(win.session, alys)
    assert alys_options.language == "cy+en" and alys_options.style == "standard"
    assert alys_options.languages == ("en", "cy", "cy+en")
    assert options_for(win.session, mary).style == "easy"
    dialog = PrintDialog(win, alys_options, printers=[])
    assert dialog.languages["cy+en"].isChecked() and dialog.styles["standard"].isChecked()
    assert set(dialog.styles) == {"standard", "large", "easy"}  # every style the renderers have


def test_saved_letter_in_the_chosen_style_and_language_never_overwrites(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    win.open_case(alys)
    assert dialog_for(win, alys, tmp_path).name.text() == "llythyr-cyllideb-WX-104512-v1.pdf"
    win.set_modes(win.modes().with_language("en"))  # her screen opened in Welsh
    dialog = dialog_for(win, alys, tmp_path)
    assert dialog.name.text() == "budget-letter-WX-104512-v1.pdf"
    dialog.styles["large"].setChecked(True)
    dialog.languages["cy"].setChecked(True)
    dialog._save()
    assert dialog.choice is not None
    first = make(qtbot, win, alys, dialog.choice)
    assert first == tmp_path / "budget-letter-WX-104512-v1.pdf"
    text = text_of(first)
    assert "Eich cyllideb bersonol ddangosol" in text and "Your indicative" not in text
    assert "301.20" in text and "Alys Pritchard" in text
    assert smallest_text(first) >= 18  # large print: nothing under 18 pt
    with pikepdf.open(first) as pdf:
        assert str(pdf.Root.Lang) == "cy-GB"
    before = first.read_bytes()
    # The same again: a new name, the first letter untouched; the next default is free too.
    second = make(qtbot, win, alys, dialog.choice)
    assert second == tmp_path / "budget-letter-WX-104512-v1-2.pdf"
    assert first.read_bytes() == before
    assert dialog_for(win, alys, tmp_path).name.text() == "budget-letter-WX-104512-v1-3.pdf"
    # Standard print, bilingual: Welsh first, then English, both whole.
    dialog = dialog_for(win, alys, tmp_path)
    dialog._save()
    both = make(qtbot, win, alys, dialog.choice)  # type: ignore[arg-type]
    text = text_of(both)
    welsh, english = text.find("Eich cyllideb bersonol"), text.find("Your indicative personal")
    assert 0 <= welsh < english
    assert 14 <= smallest_text(both) < 18


def test_the_accessible_copy_is_tagged_with_its_language(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    dialog = dialog_for(win, alys, tmp_path)
    dialog.kinds["accessible"].setChecked(True)
    assert dialog.name.text() == "budget-letter-WX-104512-v1-accessible.pdf"
    dialog.styles["easy"].setChecked(True)
    dialog._save()
    saved = make(qtbot, win, alys, dialog.choice)  # type: ignore[arg-type]
    assert saved == tmp_path / "budget-letter-WX-104512-v1-accessible.pdf"
    with pikepdf.open(saved) as pdf:
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "cy-GB"  # bilingual: the first language, Welsh
        figures = [
            node
            for node in _structure(pdf.Root.StructTreeRoot)
            if node.get("/S") == pikepdf.Name.Figure
        ]
        assert figures and all("/Alt" in f for f in figures)  # easy read: pictures, described
        langs = {str(n.get("/Lang")) for n in _structure(pdf.Root.StructTreeRoot) if "/Lang" in n}
        assert "en-GB" in langs  # the English half marked; the Welsh is the document's own


def _structure(node):  # type: ignore[no-untyped-def]
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _structure(kid)


def test_notes_go_on_the_letter_only_with_the_consent_given_in_the_dialog(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    john = case_named(win, "John Evans")
    fill_answers(win, john)
    question = next(iter(win.session.answers(john)))
    win.session.store.set_note(john, question, "I like my porridge at seven")
    options = options_for(win.session, john)
    assert options.has_notes and not options.notes
    dialog = dialog_for(win, john, tmp_path)
    assert dialog.notes.isEnabled() and not dialog.notes.isChecked()
    dialog._save()
    without = make(qtbot, win, john, dialog.choice)  # type: ignore[arg-type]
    assert "porridge" not in text_of(without)
    assert "DRAFT" in text_of(without) and without.name.endswith("-v1-draft.pdf")
    dialog = dialog_for(win, john, tmp_path)
    dialog.notes.setChecked(True)
    dialog._save()
    with_notes = make(qtbot, win, john, dialog.choice)  # type: ignore[arg-type]
    assert "porridge" in text_of(with_notes)
    assert win.session.case(john)["notes_on_letter"]
    events = [h for h in show_case(win.session.store, john)["history"]]
    consent = [h for h in events if h["event"] == "notes on letter"]
    assert consent and consent[-1]["new"] == "true"
    assert dialog_for(win, john, tmp_path).notes.isChecked()  # remembered for next time


def test_printing_on_paper_draws_the_same_letter(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    saved = make(
        qtbot,
        win,
        alys,
        LetterChoice("standard", "cy+en", False, "save", "pdf", tmp_path, "letter.pdf"),
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper = tmp_path / "paper.pdf"
    printer.setOutputFileName(str(paper))
    printed = make(
        qtbot, win, alys, LetterChoice("standard", "cy+en", False, "print"), printer=printer
    )
    assert printed == pages_of(saved) == pages_of(paper) and printed >= 2
    for page in (1, printed):
        original = _grey(saved, page, tmp_path / "a")
        on_paper = _grey(paper, page, tmp_path / "b")
        other = _grey(saved, 2 if page == 1 else 1, tmp_path / "c")
        assert len(_inked_rows(original)) > 50  # a page with lines of words on it …
        # … and the paper has its lines of print where the letter has them (within a
        # pixel at 30 dpi), not where another page of the letter has them.
        same = _overlap(_inked_rows(original), _inked_rows(on_paper))
        assert same > 0.93 and same > _overlap(_inked_rows(original), _inked_rows(other)) + 0.1


def _inked_rows(page: list[bytes]) -> set[int]:
    return {y for y, row in enumerate(page) if min(row) < 128}


def _overlap(a: set[int], b: set[int]) -> float:
    """How far two pages' inked rows coincide (1.0: all, allowing a pixel either way)."""

    def grown(rows: set[int]) -> set[int]:
        return {y + d for y in rows for d in (-1, 0, 1)}

    return (len(a & grown(b)) + len(b & grown(a))) / (len(a) + len(b))


def _grey(pdf: Path, page: int, stem: Path) -> list[bytes]:
    """Page ``page`` of ``pdf`` as rows of 8-bit grey pixels at 30 dpi (poppler's pdftoppm)."""
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            "30",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    magic, size, _maxval, pixels = data.split(b"\n", 3)
    assert magic == b"P5"
    width, height = (int(n) for n in size.split())
    return [pixels[y * width : (y + 1) * width] for y in range(height)]


def test_with_no_printer_the_dialog_says_so_and_offers_saving(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")
    dialog = PrintDialog(win, options_for(win.session, alys), printers=[])
    assert not dialog.print_button.isEnabled()
    assert "No printer is set up" in "".join(w.text() for w in dialog.findChildren(QLabel))
    assert dialog.save_button.isEnabled()


def test_the_print_button_opens_the_dialog_and_saves(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import rasdesk.ui.print_dialog as print_dialog

    monkeypatch.setattr(print_dialog, "_last_folder", tmp_path)
    win = window
    alys = case_named(win, "Alys Pritchard")
    win.open_case(alys)
    win.set_modes(win.modes().with_language("en"))
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PrintDialog):
            seen.append(dialog.name.text())
            dialog.save_button.click()
        elif isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            dialog.accept()
            return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    win.page.print_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=60_000)
    saved = tmp_path / "budget-letter-WX-104512-v1.pdf"
    assert seen == ["budget-letter-WX-104512-v1.pdf", f"The letter is saved as {saved}."]
    assert "Eich cyllideb bersonol" in text_of(saved)


def test_a_format2_case_prints_from_the_same_dialog(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Format 2 (its own letter model, ``printing/letter_v2.py``) through the same dialog:
    the defaults from the recorded needs, a bilingual letter, the notes only with consent,
    the accessible copy, audio and braille; a finalised case's answers read-only."""
    import json
    from decimal import Decimal

    from rasdesk.platform import rulesets
    from rasdesk.platform.paths import demo_dir
    from rasdesk.storage import lifecycle
    from rasdesk.storage.store import Person
    from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
    from rasdesk.ui.pages.result_v2 import ResultV2Page

    win = window
    signed = demo_dir() / "demo-v2.ruleset.signed.json"
    rulesets.install(signed)
    verified = rulesets.load_signed_any(signed)
    store = win.session.store
    case, _ = store.new_case(
        Person("Eluned Hughes", council_ref="WX-2", format_needs=("large_print",), language="cy"),
        "person",
        verified.ruleset,
        verified.signed_bytes,
    )
    example = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
    for qid, value in example["answers"].items():
        number = isinstance(value, int) and not isinstance(value, bool)
        store.set_answer(case, qid, Decimal(value) if number else value)
    store.set_note(case, "washing", "Rwy'n hoffi uwd am saith")
    options = options_for(win.session, case)
    assert (options.language, options.style) == ("cy+en", "large")
    assert options.has_notes and not options.notes
    dialog = dialog_for(win, case, tmp_path)
    dialog._save()
    both = make(qtbot, win, case, dialog.choice)  # type: ignore[arg-type]
    assert both.name == "budget-letter-WX-2-v1-draft.pdf"
    text = text_of(both)
    assert "Eluned Hughes" in text and "DRAFT" in text.upper()
    assert "uwd am saith" not in text  # no consent yet: no notes
    welsh, english = text.find("Faint o help"), text.find("How much help")
    assert 0 <= welsh < english  # Welsh first, then English
    assert smallest_text(both) >= 18  # large print, as recorded
    dialog = dialog_for(win, case, tmp_path)
    dialog.notes.setChecked(True)
    dialog.languages["cy"].setChecked(True)
    dialog._save()
    with_notes = make(qtbot, win, case, dialog.choice)  # type: ignore[arg-type]
    assert "uwd am saith" in text_of(with_notes) and win.session.case(case)["notes_on_letter"]
    # Finalised: the budget page's Back leads to its answers, read-only; the copies.
    worker = win.session.open_worker_store()
    try:
        lifecycle.finalise(worker, case)
    finally:
        worker.close()
    win.open_case(case)
    win.set_modes(win.modes().with_language("en"))  # her screen opened in Welsh
    page = win.page
    assert isinstance(page, ResultV2Page)
    next(b for b in page.findChildren(QPushButton) if b.text() == "Back to the answers").click()
    answers = win.page
    assert isinstance(answers, CheckAnswersV2Page) and answers.read_only
    assert answers.change_links == {} and answers.amend_button.isVisible()
    for kind, suffix in (("accessible", "-accessible.pdf"), ("audio", ".wav"), ("braille", ".brf")):
        dialog = dialog_for(win, case, tmp_path)
        dialog.kinds[kind].setChecked(True)
        dialog.languages["en"].setChecked(True)
        dialog._save()
        saved = make(qtbot, win, case, dialog.choice)  # type: ignore[arg-type]
        assert saved.name == f"budget-letter-WX-2-v1{suffix}", saved
        assert saved.stat().st_size > 1000
    with pikepdf.open(tmp_path / "budget-letter-WX-2-v1-accessible.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked and str(pdf.Root.Lang) == "en-GB"


def test_print_and_save_stay_in_view_below_the_choices(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At 1366x768 in large print the choices scroll, but Cancel, Print and Save stay in
    view at the dialog's foot (they were at the end of the scrolled choices)."""
    win = window
    win.resize(1366, 768)
    win.set_modes(replace(win.modes(), large=True))
    alys = case_named(win, "Alys Pritchard")
    dialog = PrintDialog(win, options_for(win.session, alys), printers=["Office printer"])
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.scroll.verticalScrollBar().maximum() > 0, "the choices fit: test says nothing"
    for finish in (dialog.cancel, dialog.print_button, dialog.save_button):
        assert finish.isVisible() and finish.isEnabled()
        assert not dialog.scroll.isAncestorOf(finish), f"{finish.text()} scrolls with the choices"
        box = QRect(finish.mapTo(dialog, QPoint(0, 0)), finish.size())
        assert dialog.rect().contains(box), f"{finish.text()} is outside the dialog"
    dialog.name.setText("")
    dialog.save_button.click()  # no file name: the problem is scrolled into view
    assert dialog.error.isVisible()
    top = dialog.error.mapTo(dialog.scroll.viewport(), dialog.error.rect().topLeft())
    assert dialog.scroll.viewport().rect().contains(top)
    dialog.reject()


DECISION_REASONS = (
    "Two carers are needed for every transfer, which the questionnaire does not ask about."
)


def _decide(win: MainWindow, case: str) -> None:
    """A support plan on the finalised assessment, finalised, and the decision on it."""
    import datetime as dt

    from rasdesk.storage import decisions, lifecycle

    store = win.session.store
    decisions.add_item(
        store,
        case,
        {
            "kind": "Personal care",
            "provider": "Helping Hands agency",
            "quantity": "10",
            "unit": "hours",
            "rate": "24.50",
            "period": "week",
        },
    )
    decisions.set_mechanism(store, case, "Direct Payment")
    lifecycle.finalise(store, case)
    decisions.decide(
        store,
        case,
        final="320.00",
        by="Resource allocation panel",
        reasons=DECISION_REASONS,
        category="needs_not_captured",
        decided_on="2026-12-01",
        today=dt.date(2026, 12, 4),
    )


def test_the_decision_letter_goes_through_the_same_dialog_and_never_overwrites(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    alys = case_named(win, "Alys Pritchard")  # recorded: Welsh; the council offers both
    _decide(win, alys)
    win.set_modes(win.modes().with_language("en"))
    consent = bool(win.session.case(alys)["notes_on_letter"])
    options = options_for(win.session, alys, "decision")
    # The same languages as her assessment letter: Welsh and English, Welsh first, for her.
    assert options.languages == ("en", "cy", "cy+en") and options.language == "cy+en"
    dialog = PrintDialog(win, options, printers=[])
    dialog.folder = tmp_path
    dialog._kind_changed()
    said = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert dialog.windowTitle() == "Print or save the decision letter"
    assert "does not carry the person's notes" in said and not dialog.notes.isEnabled()
    assert dialog.languages["cy+en"].isChecked()
    version = win.session.version(alys)["number"]
    name = f"decision-letter-WX-104512-v{version}.pdf"
    assert dialog.name.text() == name
    dialog.languages["en"].setChecked(True)
    dialog._save()
    assert dialog.choice is not None and dialog.choice.letter == "decision"
    first = make(qtbot, win, alys, replace(dialog.choice, notes=not consent))
    assert first == tmp_path / name
    text = " ".join(text_of(first).split())
    for words in ("Your personal budget is £320.00 a week", "£301.20 a week", "£245.00 a week"):
        assert words in text, words
    assert "Two carers are needed for every transfer" in text and "Alys Pritchard" in text
    assert bool(win.session.case(alys)["notes_on_letter"]) == consent  # not the decision's
    before = first.read_bytes()
    # The same again: a new name, the first letter untouched.
    second = make(qtbot, win, alys, dialog.choice)
    assert second == tmp_path / name.replace(".pdf", "-2.pdf")
    assert first.read_bytes() == before
    # The accessible copy, in Welsh then English: tagged, each half's language marked.
    dialog = PrintDialog(win, options, printers=[])
    dialog.folder = tmp_path
    dialog.kinds["accessible"].setChecked(True)
    assert dialog.name.text() == name.replace(".pdf", "-accessible.pdf")
    dialog._save()
    accessible = make(qtbot, win, alys, dialog.choice)  # type: ignore[arg-type]
    assert accessible == tmp_path / name.replace(".pdf", "-accessible.pdf")
    with pikepdf.open(accessible) as pdf:
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "cy-GB"  # the first language, Welsh
        langs = {str(n.get("/Lang")) for n in _structure(pdf.Root.StructTreeRoot) if "/Lang" in n}
        assert "en-GB" in langs  # the English half marked
    both = " ".join(text_of(accessible).split())
    welsh = both.find("Eich cyllideb bersonol: y penderfyniad")
    english = both.find("Your personal budget: the decision")
    assert 0 <= welsh < english and both.count("Two carers are needed") == 2
    # In braille, read aloud, and on paper (a QPrinter writing a PDF stands in for the printer).
    dialog.kinds["braille"].setChecked(True)
    dialog._save()
    braille = make(qtbot, win, alys, dialog.choice)  # type: ignore[arg-type]
    assert braille.suffix == ".brf" and braille.stat().st_size > 500
    dialog.kinds["audio"].setChecked(True)
    dialog._save()
    audio = make(qtbot, win, alys, dialog.choice)  # type: ignore[arg-type]
    assert audio == tmp_path / name.replace(".pdf", ".wav")
    assert audio.read_bytes()[:4] == b"RIFF" and audio.stat().st_size > 100_000
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper = tmp_path / "paper.pdf"
    printer.setOutputFileName(str(paper))
    choice = LetterChoice("standard", "en", consent, "print", letter="decision")
    printed = make(qtbot, win, alys, choice, printer=printer)
    assert printed == pages_of(paper) == pages_of(first)
    # The printer gets pictures of the pages: their lines of print are the letter's.
    original, on_paper = _grey(first, 1, tmp_path / "a"), _grey(paper, 1, tmp_path / "b")
    assert _overlap(_inked_rows(original), _inked_rows(on_paper)) > 0.93
