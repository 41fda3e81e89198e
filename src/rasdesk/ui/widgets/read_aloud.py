"""Read aloud, offline, at the table: a "Read aloud" button (and Ctrl+R) that speaks a
page's words — a question and its answers in the ruleset's words, or the budget's
explanation step by step — in the case's language, and a voice speed choice (labelled
on screen, so a screen reader hears what it is for).

The voice (``speaker.py``) is the platform's own through Qt's text-to-speech where it has
one for the language, else espeak-ng (English and Welsh): the program, or the library and
voices the Windows installer bundles. Speaking stops when the button (or Ctrl+R) is
pressed again, and when the page goes. The speed is remembered for the user
(``ui-speech.json`` in the config folder; no personal data).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from rasdesk.platform import paths
from rasdesk.platform.files import write_atomic
from rasdesk.printing.audio import DEFAULT_SPEED, spoken
from rasdesk.ui.accessible import announce
from rasdesk.ui.widgets.speaker import Speaker

KEY = "Ctrl+R"
SPEEDS = (120, DEFAULT_SPEED, 190)  # slow, normal, fast: words a minute


def saved_speed() -> int:
    try:
        speed = json.loads((paths.config_dir() / "ui-speech.json").read_text("utf-8"))["speed"]
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_SPEED
    return speed if speed in SPEEDS else DEFAULT_SPEED


def save_speed(speed: int) -> None:
    write_atomic(
        paths.config_dir() / "ui-speech.json", (json.dumps({"speed": speed}) + "\n").encode()
    )


class ReadAloud(QWidget):
    """The control. ``parts()`` gives the ``(language, text)`` passages to speak, read when
    the button is pressed (so it follows the page's current words)."""

    def __init__(
        self, parts: Callable[[], list[tuple[str, str]]], what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.parts = parts
        self.speaker = Speaker(self)
        self.speaker.done.connect(self.stop)
        self.speaker.failed.connect(self._failed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("Read aloud"))
        self.button.setAccessibleName(self.tr("Read aloud"))
        self.button.setAccessibleDescription(
            self.tr("Reads {what} aloud. Ctrl+R starts and stops.").format(what=what)
        )
        self.button.clicked.connect(self.toggle)
        self.speed = QComboBox()
        self.speed.addItems([self.tr("Slow voice"), self.tr("Normal voice"), self.tr("Fast voice")])
        self.speed.setAccessibleName(self.tr("Voice speed"))
        self.speed.setCurrentIndex(SPEEDS.index(saved_speed()))
        self.speed.currentIndexChanged.connect(lambda i: save_speed(SPEEDS[i]))
        # Said on screen, and the combo's buddy: a screen reader hears what the choice is
        # for ("labelled by"), not only "Normal voice". The two go together, beside the
        # button or (``detach_speed``) elsewhere on the page.
        self.speed_label = QLabel(self.tr("Voice speed"))
        self.speed_label.setBuddy(self.speed)
        self.speed_row = QWidget()
        pair = QHBoxLayout(self.speed_row)
        pair.setContentsMargins(12, 0, 0, 0)
        pair.addWidget(self.speed_label)
        pair.addWidget(self.speed)
        pair.addStretch(1)
        layout.addWidget(self.button)
        layout.addWidget(self.speed_row)
        layout.addStretch(1)
        self.shortcut = QShortcut(QKeySequence(KEY), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.toggle)

    def detach_speed(self) -> QWidget:
        """The voice speed (its label and choice), taken from beside the button to be
        placed elsewhere: in large print the footer keeps only "Read aloud", and the speed,
        a setting changed seldom, goes at the end of the page."""
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.speed_row)
        return self.speed_row

    @property
    def speaking(self) -> bool:
        return self.speaker.busy

    @property
    def process(self) -> QProcess | None:
        """espeak-ng's process while the program speaks."""
        return self.speaker.process

    def toggle(self) -> None:
        if not self.isVisible():
            return
        if self.speaking:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        runs: list[tuple[str, str]] = []
        for lang, text in self.parts():
            if not text.strip():
                continue
            if runs and runs[-1][0] == lang:
                runs[-1] = (lang, f"{runs[-1][1]}\n{spoken(text)}")
            else:
                runs.append((lang, spoken(text)))
        self.button.setText(self.tr("Stop reading"))
        self.speaker.say(runs, SPEEDS[self.speed.currentIndex()])

    def _failed(self, reason: str) -> None:
        self.stop()
        announce(self, reason, assertive=True)
        self.button.setToolTip(reason)

    def stop(self) -> None:
        """Stop speaking at once."""
        self.speaker.stop()
        self.button.setText(self.tr("Read aloud"))

    def hideEvent(self, event: QHideEvent) -> None:  # the page went: stop talking
        self.stop()
        super().hideEvent(event)
