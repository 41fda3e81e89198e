"""The colours of each look, and the WCAG 2.2 contrast arithmetic that checks them.

Standard is the GOV.UK palette; high contrast is white and yellow on black. Every pair
the app draws is listed in ``PAIRS`` with the contrast it needs: 4.5:1 for text, 3:1 for
large text, for the parts of a control (borders, radio and checkbox indicators) and for
focus and state indicators (WCAG 2.2 SC 1.4.3, 1.4.11, 2.4.13). ``tests/ui/test_contrast.py``
measures them from this table and again from the pixels of rendered pages and dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT, LARGE, COMPONENT = 4.5, 3.0, 3.0


@dataclass(frozen=True, slots=True)
class Colours:
    fg: str  # text
    bg: str  # page, dialogs, inputs
    muted: str  # hints, captions, placeholders
    link: str  # links
    button_bg: str  # the primary button
    button_fg: str
    focus_bg: str  # whatever has the keyboard
    focus_fg: str
    ring: str  # the focus indicator's edge: what sets focus apart from the page
    box: str  # borders of cards, answers, lists, indicators
    error: str  # the error summary's border, an invalid field's border
    chosen_bg: str  # the chosen row of a list, a mode that is on, the current tab
    chosen_fg: str


STANDARD = Colours(
    fg="#0b0c0c",
    bg="#ffffff",
    muted="#505a5f",
    link="#1d70b8",
    button_bg="#00703c",
    button_fg="#ffffff",
    focus_bg="#ffdd00",
    focus_fg="#0b0c0c",
    ring="#0b0c0c",
    box="#505a5f",
    error="#d4351c",
    chosen_bg="#0b0c0c",
    chosen_fg="#ffffff",
)
HIGH_CONTRAST = Colours(
    fg="#ffffff",
    bg="#000000",
    muted="#ffffff",
    link="#ffff00",
    button_bg="#000000",
    button_fg="#ffff00",
    focus_bg="#ffff00",
    focus_fg="#000000",
    ring="#ffff00",
    box="#ffffff",
    error="#ff6e6e",
    chosen_bg="#ffffff",
    chosen_fg="#000000",
)


def colours(contrast: bool) -> Colours:
    return HIGH_CONTRAST if contrast else STANDARD


# (what, foreground field, background field, the contrast it needs)
PAIRS: tuple[tuple[str, str, str, float], ...] = (
    ("text", "fg", "bg", TEXT),
    ("hint, caption, placeholder", "muted", "bg", TEXT),
    ("link", "link", "bg", TEXT),
    ("primary button", "button_fg", "button_bg", TEXT),
    ("focused control's text", "focus_fg", "focus_bg", TEXT),
    ("focus indicator against the page", "ring", "bg", COMPONENT),
    ("link, focused", "focus_fg", "focus_bg", TEXT),
    ("borders and indicators", "box", "bg", COMPONENT),
    ("error border", "error", "bg", COMPONENT),
    ("chosen row, current tab, mode on", "chosen_fg", "chosen_bg", TEXT),
    ("chosen row against the other rows", "chosen_bg", "bg", COMPONENT),
)


def luminance(colour: str | tuple[int, int, int]) -> float:
    """WCAG relative luminance of ``#rrggbb`` or an (r, g, b) triple."""
    rgb = (
        tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) if isinstance(colour, str) else colour
    )
    parts = []
    for value in rgb:
        c = value / 255
        parts.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]


def contrast(a: str | tuple[int, int, int], b: str | tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1.0 to 21.0."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
