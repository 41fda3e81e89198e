"""An easy-read picture: one of the SVGs in ``resources/pictures`` drawn at a size that
follows large print. A question with no picture, or a name that is not there, gets
``default``. The screen reader hears the question's own words, not the file's title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from rasdesk.platform import paths
from rasdesk.printing.easy import picture_file


def picture_path(name: str | None) -> Path:
    return picture_file(name) or paths.resources_dir() / "pictures" / "default.svg"


def picture_label(name: str | None, size: int, description: str) -> QLabel:
    renderer = QSvgRenderer(str(picture_path(name)))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    widget = QLabel()
    widget.setPixmap(pixmap)
    widget.setFixedSize(size, size)
    widget.setAccessibleName(description)
    widget.setObjectName("picture")
    return widget


def picture_count() -> int:
    return len(list((paths.resources_dir() / "pictures").glob("*.svg")))
