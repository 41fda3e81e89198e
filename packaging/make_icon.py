"""Render the app icon (packaging/linux/uk.rasdesk.Rasdesk.svg) to a Windows .ico.

One drawing for every platform: the Windows build (packaging/build-windows.ps1) makes
build/rasdesk.ico from it for rasdesk.exe, rasdesk-app.exe and the installer, with Qt's
own SVG renderer and ICO writer from PySide6, so it needs nothing the build venv lacks.

    python packaging/make_icon.py build/rasdesk.ico [--size 256]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent / "linux" / "uk.rasdesk.Rasdesk.svg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size", type=int, default=256, help="pixels (Windows scales it down)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is needed

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icon: {SVG} is not a drawing Qt can read", file=sys.stderr)
        return 1
    image = QImage(args.size, args.size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.output), "ICO"):
        print(f"make_icon: could not write {args.output}", file=sys.stderr)
        return 1
    print(f"make_icon: {args.output} ({args.size}×{args.size})")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
