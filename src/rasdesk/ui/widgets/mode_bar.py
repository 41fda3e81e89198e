"""The bar at the top of every screen: Cases, large print, easy read, high contrast,
language, hand to the person, and lock. Every button is in the tab order, has an Alt
shortcut and an accessible name, and says in words whether it is on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from rasdesk.ui.accessible import set_language, show_toggle
from rasdesk.ui.modes import Modes
from rasdesk.ui.widgets.flow_layout import FlowLayout


class ModeBar(QWidget):
    def __init__(self, act: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("modeBar")
        layout = FlowLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.buttons: dict[str, QPushButton] = {}
        for name in ("cases", "large", "easy", "contrast", "language", "handed", "lock"):
            widget = QPushButton()
            widget.setCheckable(name in ("large", "easy", "contrast", "handed"))
            widget.setAutoDefault(False)
            widget.clicked.connect(lambda _checked=False, n=name: act(n))
            self.buttons[name] = widget
            layout.addWidget(widget)

    def state_words(self, name: str) -> str:
        """What a mode button says now, e.g. "High contrast: on" (announced on a change)."""
        return self.buttons[name].accessibleName()

    def show_modes(self, modes: Modes, in_case: bool) -> None:
        texts = {
            "cases": QCoreApplication.translate("ModeBar", "C&ases"),
            "large": QCoreApplication.translate("ModeBar", "&Large print"),
            "easy": QCoreApplication.translate("ModeBar", "&Easy read"),
            "contrast": QCoreApplication.translate("ModeBar", "High con&trast"),
            # The button names the language it switches to, in that language.
            "language": "&Cymraeg" if modes.language == "en" else "&English",
            "handed": QCoreApplication.translate("ModeBar", "&Hand to the person")
            if not modes.handed
            else QCoreApplication.translate("ModeBar", "Take &back"),
            "lock": QCoreApplication.translate("ModeBar", "Loc&k"),
        }
        state = {
            "large": modes.large,
            "easy": modes.easy,
            "contrast": modes.contrast,
            "handed": modes.handed,
        }
        for name, widget in self.buttons.items():
            if name in state:
                show_toggle(widget, texts[name], state[name])
            else:
                widget.setText(texts[name])
                widget.setAccessibleName(texts[name].replace("&", ""))
        # The language button's words are in the other language: say so to the reader.
        set_language(self.buttons["language"], "cy" if modes.language == "en" else "en")
        self.buttons["handed"].setVisible(in_case)
        self.buttons["cases"].setVisible(not modes.handed)
