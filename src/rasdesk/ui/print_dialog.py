"""The print dialog: the letter's style and language (starting from the person's recorded
needs, not from the screen), the person's consent to put their notes on it, then either
print it on a printer (Qt's print support) or save a copy — the letter as a PDF, the
accessible copy for screen readers, the letter read aloud, or in braille — under a name
per case and version that never overwrites a file.

Every word is the app's own and translated: the folder is chosen in ``folder_dialog.py``
and the printer from a list here, not in Qt's file or print dialogs, whose buttons would
stay in English on a Welsh screen. The dialog only records a ``LetterChoice``; the letter
is made by ``letter_print.py``. The same dialog serves the assessment letter and the
decision letter (``LetterOptions.letter``): its title, the file name, and what it says
of the notes and the languages follow the letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rasdesk.ui.letter_options import LetterChoice, LetterOptions
from rasdesk.ui.widgets.page import button, label, row
from rasdesk.ui.widgets.wrapping import ChoiceRow

_last_folder: Path | None = None  # where the last copy went, this sitting


def default_folder() -> Path:
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class PrintDialog(QDialog):
    def __init__(
        self, parent: QWidget, options: LetterOptions, printers: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.choice: LetterChoice | None = None
        self.folder = default_folder()
        decision = options.letter == "decision"
        title = (
            self.tr("Print or save the decision letter")
            if decision
            else self.tr("Print or save the letter")
        )
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        body = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        body.addWidget(label(title, "h2"))
        body.addWidget(
            label(self.tr("The choices start from the needs recorded for the person."), "hint")
        )
        body.addWidget(self._letter_box())
        body.addWidget(self._printer_box(printers))
        body.addWidget(self._save_box())
        body.addStretch(1)
        self.cancel = button(self.tr("Cancel"), self.reject)
        # Print and Save stay in view below the choices (the choices scroll at 1366x768 and
        # in large print): Cancel on the left, the two ways to finish on the right.
        finish = [b for b in (self.print_button, self.save_button) if b.isEnabled()]
        footer = QHBoxLayout()
        footer.addWidget(self.cancel)
        footer.addStretch(1)
        for widget in finish:
            footer.addWidget(widget)
        outer.addLayout(footer)
        self.scroll = scroll
        self._kind_changed()
        screen = parent.screen().availableGeometry() if parent.screen() else None
        if screen is not None:  # never taller or wider than the screen (large print)
            self.setMaximumSize(screen.width() - 40, screen.height() - 60)
            self.resize(min(900, screen.width() - 40), screen.height() - 80)

    # --- the letter: style, language, notes --------------------------------------------------
    def _letter_box(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        style_names = {
            "standard": self.tr("Standard print"),
            "large": self.tr("Large print"),
            "easy": self.tr("Easy read, with pictures"),
        }
        language_names = {
            "en": self.tr("English"),
            "cy": self.tr("Welsh (Cymraeg)"),
            "cy+en": self.tr("Welsh and English, Welsh first"),
        }
        boxes = QHBoxLayout()
        style_box = QGroupBox(self.tr("Style of the letter"))
        self.styles = self._radios(
            QVBoxLayout(style_box), self.options.styles, style_names, self.options.style
        )
        language_box = QGroupBox(self.tr("Language of the letter"))
        language_layout = QVBoxLayout(language_box)
        self.languages = self._radios(
            language_layout,
            self.options.languages,
            language_names,
            self.options.language,
        )
        boxes.addWidget(style_box)
        boxes.addWidget(language_box)
        layout.addLayout(boxes)
        self.notes = QCheckBox()
        self.notes.setChecked(self.options.notes)
        if not self.options.carries_notes:  # the consent is the assessment letter's
            self.notes.setEnabled(False)
            self.notes.hide()
            layout.addWidget(
                label(self.tr("The decision letter does not carry the person's notes."), "hint")
            )
            return holder
        layout.addWidget(
            ChoiceRow(
                self.notes,
                self.tr("The person agrees that their own words (the notes) go on the letter"),
            )
        )
        if not self.options.has_notes:
            self.notes.setEnabled(False)
            layout.addWidget(label(self.tr("There are no notes in this assessment."), "hint"))
        return holder

    def _radios(
        self, layout: QVBoxLayout, keys: tuple[str, ...], names: dict[str, str], chosen: str
    ) -> dict[str, QRadioButton]:
        group = QButtonGroup(self)
        radios = {}
        for key in keys:
            radio = QRadioButton()
            radio.setChecked(key == chosen)
            group.addButton(radio)
            layout.addWidget(ChoiceRow(radio, names.get(key, key)))
            radios[key] = radio
        return radios

    # --- on paper -------------------------------------------------------------------------------
    def _printer_box(self, printers: list[str] | None) -> QGroupBox:
        box = QGroupBox(self.tr("Print on paper"))
        grid = QGridLayout(box)
        names = QPrinterInfo.availablePrinterNames() if printers is None else printers
        self.printer = QComboBox()
        self.printer.addItems(names)
        self.printer.setAccessibleName(self.tr("Printer"))
        default = QPrinterInfo.defaultPrinterName()
        if default in names:
            self.printer.setCurrentText(default)
        self.copies = QSpinBox()
        self.copies.setRange(1, 20)
        self.copies.setAccessibleName(self.tr("Copies"))
        self.print_button = button(self.tr("Print"), self._print, primary=True)
        if not names:
            grid.addWidget(
                label(
                    self.tr(
                        "No printer is set up on this laptop. Save the letter instead "
                        "and print it later."
                    )
                ),
                0,
                0,
                1,
                2,
            )
            for widget in (self.printer, self.copies, self.print_button):
                widget.setEnabled(False)
                widget.hide()
            return box
        grid.addWidget(label(self.tr("Printer")), 0, 0)
        grid.addWidget(self.printer, 0, 1)
        grid.addWidget(label(self.tr("Copies")), 1, 0)
        grid.addWidget(self.copies, 1, 1)
        return box

    # --- a copy in a file -----------------------------------------------------------------------
    def _save_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Save a copy"))
        layout = QVBoxLayout(box)
        kinds = {
            "pdf": self.tr("The letter (PDF)"),
            "accessible": self.tr("An accessible copy (tagged PDF for screen readers)"),
            "audio": self.tr("The letter read aloud (audio, WAV)"),
            "braille": self.tr("The letter in braille (BRF)"),
        }
        needs = self.options.needs
        first = "audio" if "audio" in needs else "braille" if "braille" in needs else "pdf"
        self.kinds = self._radios(layout, tuple(kinds), kinds, first)
        for radio in self.kinds.values():
            radio.toggled.connect(lambda on: on and self._kind_changed())
        self.folder_label = label("")
        layout.addWidget(self.folder_label)
        self.choose_folder = button(self.tr("Choose another folder…"), self._choose_folder)
        layout.addWidget(row(self.choose_folder))
        layout.addWidget(label(self.tr("File name")))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("File name"))
        self.name.textEdited.connect(self._name_typed)
        self.named_by_hand = False
        layout.addWidget(self.name)
        self.error = label("", "warning")
        self.error.hide()
        layout.addWidget(self.error)
        self.save_button = button(self.tr("Save"), self._save, primary=True)
        return box

    def kind(self) -> str:
        return next(k for k, r in self.kinds.items() if r.isChecked())

    def _name_typed(self, _text: str) -> None:
        self.named_by_hand = True

    def _kind_changed(self) -> None:
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=self.folder))
        self.folder_label.setAccessibleName(self.folder_label.text())
        if not self.named_by_hand:
            stem = (
                self.tr("decision-letter")
                if self.options.letter == "decision"
                else self.tr("budget-letter")
            )
            self.name.setText(self.options.file_name(stem, self.kind(), self.folder))

    def _choose_folder(self) -> None:
        from rasdesk.ui.folder_dialog import FolderDialog

        chooser = FolderDialog(self, self.folder)
        if chooser.exec() == QDialog.DialogCode.Accepted and chooser.chosen is not None:
            self.folder = chooser.chosen
            self._kind_changed()

    # --- the choice -------------------------------------------------------------------------------
    def _chosen(self, radios: dict[str, QRadioButton]) -> str:
        return next(k for k, r in radios.items() if r.isChecked())

    def _print(self) -> None:
        self.choice = LetterChoice(
            style=self._chosen(self.styles),
            language=self._chosen(self.languages),
            notes=self.notes.isChecked(),
            action="print",
            printer=self.printer.currentText(),
            copies=self.copies.value(),
            letter=self.options.letter,
        )
        self.accept()

    def _save(self) -> None:
        global _last_folder
        name = self.name.text().strip()
        if not name or "/" in name or "\\" in name:
            self.error.setText(self.tr("Give a file name, without any folder in it."))
            self.error.show()
            self.name.setFocus()
            self.scroll.ensureWidgetVisible(self.error)
            return
        _last_folder = self.folder
        self.choice = LetterChoice(
            style=self._chosen(self.styles),
            language=self._chosen(self.languages),
            notes=self.notes.isChecked(),
            action="save",
            kind=self.kind(),
            folder=self.folder,
            name=name,
            letter=self.options.letter,
        )
        self.accept()
