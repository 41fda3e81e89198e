"""A reportlab canvas that knows the number of pages, for "Page 2 of 4" footers: pages
are kept until the document is saved, then each is decorated with (page, total)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

Decorate = Callable[[Canvas, int, int], None]


def numbered_canvas(decorate: Decorate) -> type[Canvas]:
    """A canvas class that calls ``decorate(canvas, page, total)`` on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas
