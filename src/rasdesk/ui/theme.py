"""The look: one style sheet built from the modes, and the app font.

Standard text is 13 pt; large print doubles every size (≥ 200 %, as the issue asks), and the
pages reflow because they are vertical stacks of word-wrapped labels in a scroll area that
never scrolls sideways. Colours keep text contrast ≥ 4.5:1 (GOV.UK palette: #0b0c0c on
white, white on #00703c buttons, a yellow #ffdd00 focus ring); high contrast is white and
yellow on black. Controls are at least 44 px tall at the default size.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from rasdesk.platform import paths
from rasdesk.ui.modes import Modes

BODY_PT = 13
FAMILY = "Atkinson Hyperlegible Next"


def load_fonts() -> list[str]:
    """Register the vendored fonts; returns the files Qt accepted."""
    loaded = []
    for ttf in sorted((paths.resources_dir() / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(ttf)) >= 0:
            loaded.append(ttf.name)
    return loaded


def scale(modes: Modes) -> int:
    return 2 if modes.large else 1


def style_sheet(modes: Modes) -> str:
    k = scale(modes)
    body, h1, h2, big = BODY_PT * k, 24 * k, 17 * k, 34 * k
    touch = 44 * k
    if modes.contrast:
        fg, bg, muted, accent, button_bg, button_fg, focus_bg, focus_fg, box = (
            "#ffffff",
            "#000000",
            "#ffffff",
            "#ffff00",
            "#000000",
            "#ffff00",
            "#ffff00",
            "#000000",
            "#ffffff",
        )
    else:
        fg, bg, muted, accent, button_bg, button_fg, focus_bg, focus_fg, box = (
            "#0b0c0c",
            "#ffffff",
            "#505a5f",
            "#1d70b8",
            "#00703c",
            "#ffffff",
            "#ffdd00",
            "#0b0c0c",
            "#b1b4b6",
        )
    return f"""
* {{ font-family: "{FAMILY}", "DejaVu Sans"; font-size: {body}pt; color: {fg}; }}
QMainWindow, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {bg}; }}
QLabel#h1 {{ font-size: {h1}pt; font-weight: bold; }}
QLabel#h2 {{ font-size: {h2}pt; font-weight: bold; }}
QLabel#big {{ font-size: {big}pt; font-weight: bold; }}
QLabel#hint, QLabel#caption {{ color: {muted}; }}
QLabel#warning {{ font-weight: bold; border-left: {5 * k}px solid {fg}; padding-left: {8 * k}px; }}
QFrame#errorSummary {{ border: {4 * k}px solid #d4351c; padding: {8 * k}px; }}
QFrame#card {{ border: {2 * k}px solid {box}; padding: {6 * k}px; }}
QPushButton, QToolButton {{
  min-height: {touch}px; padding: {4 * k}px {14 * k}px; border: {2 * k}px solid {fg};
  background: {bg}; border-radius: {3 * k}px; }}
QPushButton#primary {{ background: {button_bg}; color: {button_fg}; border-color: {button_bg if not modes.contrast else button_fg}; font-weight: bold; }}
QLabel#link {{ min-height: {touch}px; color: {accent}; padding: 2px; }}
QLabel#link:focus {{ background: {focus_bg}; color: {focus_fg}; }}
QFrame#choice {{ border: {2 * k}px solid {box}; min-height: {touch}px; }}
QFrame#choice[chosen="true"] {{ border: {4 * k}px solid {fg}; }}
QFrame#choice[chosen="true"] QLabel {{ font-weight: bold; }}
QFrame#choice[focused="true"] {{ background: {focus_bg}; border: {4 * k}px solid {focus_fg}; }}
QFrame#choice[focused="true"] QLabel {{ color: {focus_fg}; }}
QToolButton:checked {{ background: {fg}; color: {bg}; }}
QRadioButton, QCheckBox {{ min-height: {touch}px; spacing: {12 * k}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {24 * k}px; height: {24 * k}px; }}
QLineEdit, QPlainTextEdit, QSpinBox, QDateEdit, QComboBox {{
  min-height: {touch}px; border: {2 * k}px solid {fg}; background: {bg}; padding: {4 * k}px; }}
*:focus {{ background: {focus_bg}; color: {focus_fg}; border: {4 * k}px solid {focus_fg}; }}
QLineEdit:focus, QPlainTextEdit:focus {{ background: {bg}; color: {fg}; border: {4 * k}px solid {fg}; outline: none; }}
QStatusBar QLabel {{ color: {muted}; }}
QListWidget {{ border: {2 * k}px solid {box}; background: {bg}; }}
QListWidget::item {{ min-height: {touch}px; padding: {4 * k}px; border-bottom: 1px solid {box}; }}
QListWidget::item:selected {{ background: {focus_bg}; color: {focus_fg}; }}
"""


def apply(app: QApplication, modes: Modes) -> None:
    palette = app.palette()  # rich-text links take their colour from the palette
    palette.setColor(QPalette.ColorRole.Link, QColor("#ffff00" if modes.contrast else "#1d70b8"))
    app.setPalette(palette)
    font = QFont(FAMILY)
    font.setPointSize(BODY_PT * scale(modes))
    app.setFont(font)
    app.setStyleSheet(style_sheet(modes))
