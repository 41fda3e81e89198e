"""Errors in words: each typed core error becomes a calm, translated explanation of what
happened and what to do, with the core's own detail (which names the file or field) under
it. Anything unexpected writes the full traceback to the log and shows a calm dialog; the
answers are already saved, because every answer is written the moment it is given.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rasdesk.domain.errors import (
    AnswersError,
    CaseStateError,
    InputError,
    LinkedCaseError,
    RasdeskError,
    RulesetError,
    SecretStoreUnavailable,
    StorageError,
    TrustError,
)
from rasdesk.platform import paths

log = logging.getLogger("rasdesk.ui")


def describe(exc: BaseException) -> tuple[str, str]:
    """(title, what to do) for an error, in the current language."""
    if isinstance(exc, TrustError):
        return (
            QCoreApplication.translate("Errors", "This ruleset cannot be trusted"),
            QCoreApplication.translate(
                "Errors",
                "Its signature does not match a key your council trusts, or the file was changed "
                "after it was signed. Nothing was installed. Ask your council's team for the "
                "signed ruleset file and the key it was signed with.",
            ),
        )
    if isinstance(exc, RulesetError):
        return (
            QCoreApplication.translate("Errors", "This ruleset cannot be used"),
            QCoreApplication.translate(
                "Errors", "The file is not a ruleset rasdesk can use. Nothing was installed."
            ),
        )
    if isinstance(exc, LinkedCaseError):
        return (
            QCoreApplication.translate("Errors", "The cared-for person's case is needed first"),
            QCoreApplication.translate(
                "Errors",
                "This carer's assessment reads facts from the cared-for person's case. Do what "
                "is named below in that case, then come back to this one.",
            ),
        )
    if isinstance(exc, AnswersError):
        return (
            QCoreApplication.translate("Errors", "Some answers are missing or do not fit"),
            QCoreApplication.translate(
                "Errors", "Go back to the questions named below and answer them."
            ),
        )
    if isinstance(exc, CaseStateError):
        return (
            QCoreApplication.translate("Errors", "This case cannot be changed"),
            QCoreApplication.translate(
                "Errors", "It has been finalised. To correct it, amend it and give a reason."
            ),
        )
    if isinstance(exc, SecretStoreUnavailable):
        return (
            QCoreApplication.translate("Errors", "There is nowhere safe to keep the cases' key"),
            QCoreApplication.translate(
                "Errors",
                "rasdesk keeps case data encrypted, with its key in this computer's password "
                "store, and will not store cases without one. Ask your IT team to set up the "
                "password store (GNOME Keyring or KWallet on Linux).",
            ),
        )
    if isinstance(exc, StorageError):
        return (
            QCoreApplication.translate("Errors", "The case store could not do that"),
            QCoreApplication.translate(
                "Errors", "Nothing was lost. If this keeps happening, ask your IT team."
            ),
        )
    if isinstance(exc, InputError):
        return (
            QCoreApplication.translate("Errors", "That cannot be used"),
            QCoreApplication.translate("Errors", "Check what is named below and try again."),
        )
    if isinstance(exc, OSError):
        return (
            QCoreApplication.translate("Errors", "A file could not be read or written"),
            QCoreApplication.translate(
                "Errors",
                "Check the file or folder named below, and that there is room on the disk.",
            ),
        )
    return (
        QCoreApplication.translate("Errors", "Something went wrong"),
        QCoreApplication.translate(
            "Errors",
            "rasdesk hit a problem it did not expect. Every answer given so far is saved. "
            "The details are in the log file named below; your IT team may ask for it.",
        ),
    )


def detail(exc: BaseException) -> str:
    if isinstance(exc, RasdeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or ''} {exc.strerror or exc}".strip()
    return f"{type(exc).__name__}: {exc}\n\n{paths.log_dir() / 'rasdesk.log'}"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title, words = describe(exc)
    if not isinstance(exc, RasdeskError):
        log.error(
            "unexpected error: %s",
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(words)
    box.setDetailedText(detail(exc))
    box.setAccessibleName(title)
    box.setAccessibleDescription(words)
    box.exec()


def install_crash_handler() -> None:
    """Unexpected exceptions in Qt callbacks: log them, show the calm dialog, carry on."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)  # logs the traceback too
        else:
            log.error("crash: %s", "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook
