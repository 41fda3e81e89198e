"""The bar at the top of every screen, always one row (it must fit 1280 px in large print):
Cases, "Looks" (which opens a small panel of large print, easy read, high contrast and
language), hand to the person, and lock. Every button has an Alt shortcut and an
accessible name, and the looks say in words whether they are on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rasdesk.ui.accessible import set_language, show_toggle
from rasdesk.ui.modes import Modes

LOOKS = ("large", "easy", "contrast", "language")


class LooksPanel(QFrame):
    """The looks, in a panel that drops down under "Looks" (Esc or a click outside closes
    it; Tab moves between the looks; Enter or Space turns one on or off)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("looksPanel")
        self.setFrameShape(QFrame.Shape.Box)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(12, 12, 12, 12)


class ModeBar(QWidget):
    def __init__(self, act: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("modeBar")
        self.act = act
        # One row, at its full height: the page below gives way, never the bar's buttons.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.panel = LooksPanel(self)
        self.buttons: dict[str, QPushButton] = {}
        for name in ("cases", "looks", *LOOKS, "handed", "lock"):
            widget = QPushButton()
            widget.setCheckable(name in ("large", "easy", "contrast", "handed"))
            widget.setAutoDefault(True)  # Enter presses the focused button, as Space does
            if name == "looks":
                widget.clicked.connect(self.open_looks)
            else:
                widget.clicked.connect(lambda _checked=False, n=name: self._pressed(n))
            self.buttons[name] = widget
            if name in LOOKS:
                self.panel.column.addWidget(widget)
            else:
                layout.addWidget(widget)
        layout.addStretch(1)

    def open_looks(self) -> None:
        looks = self.buttons["looks"]
        self.panel.adjustSize()
        where = looks.mapToGlobal(QPoint(0, looks.height()))
        self.panel.move(where)
        self.panel.show()
        self.panel.raise_()
        self.buttons["large"].setFocus()

    def _pressed(self, name: str) -> None:
        self.panel.hide()
        self.act(name)

    def state_words(self, name: str) -> str:
        """What a mode button says now, e.g. "High contrast: on" (announced on a change)."""
        return self.buttons[name].accessibleName()

    def show_modes(self, modes: Modes, in_case: bool) -> None:
        texts = {
            "cases": QCoreApplication.translate("ModeBar", "C&ases"),
            "looks": QCoreApplication.translate("ModeBar", "Look&s"),
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
        on = [texts[n].replace("&", "") for n in ("large", "easy", "contrast") if state[n]]
        self.buttons["looks"].setAccessibleName(
            QCoreApplication.translate("ModeBar", "Looks: {on}").format(
                on=", ".join(on) if on else QCoreApplication.translate("ModeBar", "standard")
            )
        )
        self.buttons["looks"].setToolTip(self.buttons["looks"].accessibleName())
        # The language button's words are in the other language: say so to the reader.
        set_language(self.buttons["language"], "cy" if modes.language == "en" else "en")
        for widget in self.buttons.values():  # the bar is one row, never squeezed
            widget.setMinimumHeight(widget.sizeHint().height())
        self.buttons["handed"].setVisible(in_case)
        self.buttons["cases"].setVisible(not modes.handed)
