"""The app's own words in English or Welsh: Qt Linguist translations compiled from
``translations/rasdesk_cy.ts`` into ``rasdesk_cy.qm`` (built at set-up and in the wheel,
never committed). English is written in the code; ``rasdesk_en.ts`` holds only its plural
forms ("%n point(s)" → "1 point", "3 points"). Ruleset text carries its own languages and
does not pass through here."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from rasdesk.platform import paths
from rasdesk.ui.accessible import locale_for

log = logging.getLogger("rasdesk.ui")
_installed: QTranslator | None = None


def qm_path(language: str) -> str:
    return str(paths.translations_dir() / f"rasdesk_{language}.qm")


def set_language(language: str) -> bool:
    """Use ``language`` for the app's words. False if its translation is missing (English
    is then shown, and the log says why)."""
    global _installed
    app = QCoreApplication.instance()
    assert app is not None
    # The accessibility locale: a screen reader picks its voice from it (not "C").
    QLocale.setDefault(locale_for(language))
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = QTranslator(app)
    if not translator.load(qm_path(language)):
        log.warning(
            "no compiled translation at %s; run scripts/build-translations.sh", qm_path(language)
        )
        # English is written in the code; only its plural forms ("1 point") are missing.
        return language == "en"
    app.installTranslator(translator)
    _installed = translator
    return True


def welsh_available() -> bool:
    translator = QTranslator()
    return translator.load(qm_path("cy")) and bool(translator.translate("MainWindow", "Cases"))
