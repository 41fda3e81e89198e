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
    RasdeskError,
    RulesetError,
    SecretStoreUnavailable,
    StorageError,
    TrustError,
)
from rasdesk.platform import paths

log = logging.getLogger("rasdesk.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def describe(exc: BaseException) -> tuple[str, str]:
    """(title, what to do) for an error, in the current language."""
    if isinstance(exc, TrustError):
        return (
            _tr("This ruleset cannot be trusted"),
            _tr(
                "Its signature does not match a key your council trusts, or the file was changed "
                "after it was signed. Nothing was installed. Ask your council's team for the "
                "signed ruleset file and the key it was signed with."
            ),
        )
    if isinstance(exc, RulesetError):
        return (
            _tr("This ruleset cannot be used"),
            _tr("The file is not a ruleset rasdesk can use. Nothing was installed."),
        )
    if isinstance(exc, AnswersError):
        return (
            _tr("Some answers are missing or do not fit"),
            _tr("Go back to the questions named below and answer them."),
        )
    if isinstance(exc, CaseStateError):
        return (
            _tr("This case cannot be changed"),
            _tr("It has been finalised. To correct it, amend it and give a reason."),
        )
    if isinstance(exc, SecretStoreUnavailable):
        return (
            _tr("There is nowhere safe to keep the cases' key"),
            _tr(
                "rasdesk keeps case data encrypted, with its key in this computer's password "
                "store, and will not store cases without one. Ask your IT team to set up the "
                "password store (GNOME Keyring or KWallet on Linux)."
            ),
        )
    if isinstance(exc, StorageError):
        return (
            _tr("The case store could not do that"),
            _tr("Nothing was lost. If this keeps happening, ask your IT team."),
        )
    if isinstance(exc, InputError):
        return (_tr("That cannot be used"), _tr("Check what is named below and try again."))
    if isinstance(exc, OSError):
        return (
            _tr("A file could not be read or written"),
            _tr("Check the file or folder named below, and that there is room on the disk."),
        )
    return (
        _tr("Something went wrong"),
        _tr(
            "rasdesk hit a problem it did not expect. Every answer given so far is saved. "
            "The details are in the log file named below; your IT team may ask for it."
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
