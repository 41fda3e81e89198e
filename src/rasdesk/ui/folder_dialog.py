"""Choosing the folder a copy of a letter is saved in: the folders on this computer as a
tree (folders only, names as the system gives them), quick buttons for the home folder,
Documents, the desktop and any memory stick, and the folder chosen said in words.

The app's own dialog rather than Qt's file dialog, so every word on it is the app's and
translated (Qt's says "Look in", "File name", "Save", "Cancel" in English on a Welsh
screen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QModelIndex, QStandardPaths, QStorageInfo
from PySide6.QtWidgets import QDialog, QFileSystemModel, QTreeView, QVBoxLayout, QWidget

from rasdesk.ui.widgets.flow_layout import FlowLayout
from rasdesk.ui.widgets.page import button, label, row


def places() -> list[tuple[str, Path]]:
    """(kind, folder) for the quick buttons: home, documents, desktop, memory sticks."""
    found: list[tuple[str, Path]] = [("home", Path.home())]
    for kind, where in (
        ("documents", QStandardPaths.StandardLocation.DocumentsLocation),
        ("desktop", QStandardPaths.StandardLocation.DesktopLocation),
    ):
        path = QStandardPaths.writableLocation(where)
        if path and Path(path).is_dir() and Path(path) != Path.home():
            found.append((kind, Path(path)))
    for volume in QStorageInfo.mountedVolumes():
        root = Path(volume.rootPath())
        removable = any(part in ("media", "Volumes") for part in root.parts[:-1]) or (
            len(root.parts) == 1 and root.drive not in ("", "C:")
        )
        if volume.isValid() and volume.isReady() and not volume.isReadOnly() and removable:
            found.append(("volume", root))
    return found


class FolderDialog(QDialog):
    def __init__(self, parent: QWidget, start: Path) -> None:
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Choose a folder"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Choose the folder to save the copy in"), "h2"))
        quick = QWidget()
        flow = FlowLayout(quick)
        names = {
            "home": self.tr("Home folder"),
            "documents": self.tr("Documents"),
            "desktop": self.tr("Desktop"),
        }
        for kind, path in places():
            text = names.get(kind) or self.tr("Memory stick: {name}").format(name=path.name)
            flow.addWidget(button(text, lambda p=path: self.show_folder(p)))
        layout.addWidget(quick)
        self.model = QFileSystemModel(self)
        self.model.setFilter(QDir.Filter.AllDirs | QDir.Filter.NoDotAndDotDot | QDir.Filter.Drives)
        self.model.setRootPath(QDir.rootPath())
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)  # only the names: no "Size", "Type" in English
        for column in range(1, self.model.columnCount()):
            self.tree.hideColumn(column)
        self.tree.setAccessibleName(self.tr("Folders"))
        self.tree.setRootIndex(self.model.index(QDir.rootPath()))
        self.tree.selectionModel().currentChanged.connect(self._moved)
        layout.addWidget(self.tree, 1)
        self.where = label("")
        layout.addWidget(self.where)
        self.ok = button(self.tr("Save in this folder"), self._choose, primary=True)
        self.cancel = button(self.tr("Cancel"), self.reject)
        layout.addWidget(row(self.ok, self.cancel))
        self.show_folder(start)
        screen = parent.screen().availableGeometry() if parent.screen() else None
        if screen is not None:
            self.resize(min(900, screen.width() - 60), screen.height() - 100)

    def show_folder(self, path: Path) -> None:
        index = self.model.index(str(path))
        if not index.isValid():
            return
        self.tree.setCurrentIndex(index)
        self.tree.expand(index)
        self.tree.scrollTo(index)
        self._moved(index)

    def current(self) -> Path | None:
        index = self.tree.currentIndex()
        return Path(self.model.filePath(index)) if index.isValid() else None

    def _moved(self, index: QModelIndex, _old: QModelIndex | None = None) -> None:
        path = self.current() if index.isValid() else None
        self.where.setText(
            self.tr("Chosen: {folder}").format(folder=path) if path else self.tr("No folder chosen")
        )
        self.ok.setEnabled(path is not None)

    def _choose(self) -> None:
        path = self.current()
        if path is not None and path.is_dir():
            self.chosen = path
            self.accept()
