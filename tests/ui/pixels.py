"""Measuring WCAG contrast on rendered pixels: grab a window or dialog as the screen shows
it, crop a widget's box, take the commonest colour as its background and the colour that
stands out most from it (seen in enough pixels to be text or a line, not a stray
anti-aliased dot) as its foreground."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from rasdesk.ui.colours import contrast

RGB = tuple[int, int, int]
MIN_PIXELS = 6  # a colour seen fewer times than this is anti-aliasing, not the text


def image_of(top: QWidget) -> QImage:
    return top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def box_of(widget: QWidget, top: QWidget, rect: QRect | None = None) -> QRect:
    """``widget``'s box (or ``rect`` inside it) in ``top``'s coordinates."""
    local = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(top, local.topLeft()), local.size())


def colours_in(image: QImage, box: QRect) -> Counter[RGB]:
    box = box.intersected(image.rect())
    counts: Counter[int] = Counter()
    width = image.bytesPerLine() // 4
    words = memoryview(image.constBits()).cast("I")
    for y in range(box.top(), box.bottom() + 1):
        start = y * width + box.left()
        counts.update(words[start : start + box.width()])
    return Counter({_rgb(v): n for v, n in counts.items()})


def _rgb(value: int) -> RGB:
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


@dataclass(frozen=True)
class Measure:
    background: RGB
    foreground: RGB
    ratio: float


def measure(image: QImage, box: QRect) -> Measure | None:
    """Background and foreground of ``box``; None if it holds one colour only."""
    counts = colours_in(image, box)
    if not counts:
        return None
    background = counts.most_common(1)[0][0]
    candidates = [c for c, n in counts.items() if n >= MIN_PIXELS and c != background]
    if not candidates:
        return None
    foreground = max(candidates, key=lambda c: contrast(c, background))
    return Measure(background, foreground, contrast(foreground, background))


def hex_of(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def border_contrast(image: QImage, box: QRect, width: int = 2) -> tuple[RGB, RGB, float]:
    """A box's border (the commonest colour of its outer ``width`` px ring) against what it
    is seen against: the ring just outside it or its own inside, whichever differs more
    (WCAG 1.4.11 asks that the edge be seen against an adjacent colour)."""
    inner = box.adjusted(width, width, -width, -width)
    ring = (colours_in(image, box) - colours_in(image, inner)).most_common(1)[0][0]
    outer_box = box.adjusted(-3, -3, 3, 3)
    outside = colours_in(image, outer_box) - colours_in(image, box.adjusted(-1, -1, 1, 1))
    inside = colours_in(image, inner.adjusted(4, 4, -4, -4))
    against = [c.most_common(1)[0][0] for c in (outside, inside) if c]
    best = max(against, key=lambda c: contrast(ring, c))
    return ring, best, contrast(ring, best)


def changed_colours(before: QImage, after: QImage, box: QRect) -> Counter[tuple[RGB, RGB]]:
    """For the pixels of ``box`` that differ, how often each (before, after) pair occurs."""
    pairs: Counter[tuple[RGB, RGB]] = Counter()
    width = before.bytesPerLine() // 4
    a = memoryview(before.constBits()).cast("I")
    b = memoryview(after.constBits()).cast("I")
    box = box.intersected(before.rect()).intersected(after.rect())
    for y in range(box.top(), box.bottom() + 1):
        start = y * width + box.left()
        for old, new in zip(
            a[start : start + box.width()], b[start : start + box.width()], strict=True
        ):
            if old != new:
                pairs[(_rgb(old), _rgb(new))] += 1
    return pairs


def top_left(widget: QWidget, top: QWidget) -> QPoint:
    return widget.mapTo(top, QPoint(0, 0))
