"""Printing a letter on paper through Qt's print support: the very PDF that is saved
(``printing/render.py``) is drawn page by page onto the printer, each page rasterised by
PDFium (pypdfium2) at the printer's resolution (at most 300 dpi), so the paper shows what
the PDF shows — the same words, sizes and pictures.

Runs on a worker thread (QPainter may paint on a QPrinter outside the GUI thread), after
``load_image_plugins`` on the GUI thread; one page is in memory at a time."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from rasdesk.domain.errors import RasdeskError

MAX_DPI = 300
FORMATS = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBX8888}


def printer_named(name: str, copies: int = 1) -> QPrinter:
    """A printer of this computer, by the name the print dialog listed."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise RasdeskError(f"the printer {name!r} is not there any more; choose another")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(copies)
    return printer


def load_image_plugins() -> None:
    """Load Qt's image-format plugins now, on the GUI thread, before a worker paints.

    Qt's PDF engine asks for the image writers' formats the first time it draws an image,
    and Qt loads those plugins then and moves each to the GUI thread. Done first on the
    worker, that move waited for a lock the GUI thread held while it waited for Python's
    lock, which the worker held: the print never finished (seen once in CI). Loaded here
    first, the worker only reads the list Qt keeps."""
    QImageWriter.supportedImageFormats()


def print_pdf(pdf: bytes, printer: QPrinter, title: str = "rasdesk") -> int:
    """Draw every page of ``pdf`` on ``printer``; the number of pages printed."""
    import pypdfium2 as pdfium

    printer.setDocName(title)  # what the print queue shows: no person's name
    printer.setFullPage(True)  # the letter's own margins, not the printer's on top
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    document = pdfium.PdfDocument(pdf)
    pages = len(document)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RasdeskError("the printer could not be started: is it switched on and ready?")
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            for number in range(pages):
                if number and not printer.newPage():
                    raise RasdeskError("the printer stopped part-way through the letter")
                page = document[number]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    FORMATS[bitmap.n_channels],
                )
                target = QSizeF(image.size()).scaled(
                    QSizeF(paper.size()), Qt.AspectRatioMode.KeepAspectRatio
                )
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                page.close()
        finally:
            painter.end()
    finally:
        document.close()
    return pages
