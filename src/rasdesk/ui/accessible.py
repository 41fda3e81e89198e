"""What a screen reader is told beyond Qt's defaults, in one place for every page.

- **Roles Qt's widgets lack.** ``give_role(widget, "heading")`` makes a label a heading
  (AT-SPI "heading", UI Automation Heading), ``"link"`` makes a focusable label a link,
  ``"group"`` makes a container a named group (AT-SPI "panel", a fieldset). A factory
  installed once (``install()``) answers Qt's accessibility queries for such widgets.
- **Announcements.** ``announce(widget, words)`` sends Qt's announcement event (Orca 46+,
  NVDA, Narrator speak it) and shows the words in the window's announcer, a label under
  the page with the notification role whose showing Orca 43 (Debian 12) speaks.
- **Invalid fields.** Qt 6 has no "invalid entry" state (``QAccessible::State::invalid``
  means "defunct"; ``invalidEntry`` is commented out in qaccessible.h), so
  ``set_problem(field, words)`` puts the problem first in the field's description, which
  Orca speaks when it changes on the focused field, keeps the field's own property
  ``invalid`` for the style sheet (a thick red border), and announces it.
- **Language.** ``set_language(widget, "cy")`` sets a widget's locale, which Qt's bridge
  reports as its language, so a screen reader can choose a Welsh voice.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

ROLE_PROPERTY = "a11yRole"
ANNOUNCER = "announcer"
QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum" for a widget's height
_ROLES = {
    "heading": QAccessible.Role.Heading,
    "link": QAccessible.Role.Link,
    "group": QAccessible.Role.Grouping,
    "notification": QAccessible.Role.Notification,
}
said: deque[str] = deque(maxlen=50)  # the last announcements, newest last (for the tests)
_installed = False


class _RoleInterface(QAccessibleWidget):
    """A widget seen through a role it names in its ``a11yRole`` property."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._widget = widget

    def text(self, kind: QAccessible.Text) -> str:
        widget = self._widget
        if kind == QAccessible.Text.Name:
            if widget.accessibleName():
                return widget.accessibleName()
            if isinstance(widget, QLabel):
                return widget.text()
        if kind == QAccessible.Text.Value and isinstance(widget, QLabel):
            return ""
        return super().text(kind)

    def actionNames(self) -> list[str]:
        names = list(super().actionNames())
        if self.role() == QAccessible.Role.Link:
            names.insert(0, QAccessibleWidget.pressAction())
        return names

    def doAction(self, name: str) -> None:
        activate = getattr(self._widget, "activate", None)
        if name == QAccessibleWidget.pressAction() and callable(activate):
            activate()
            return
        super().doAction(name)


def _factory(_class_name: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, QWidget):
        role = _ROLES.get(str(obj.property(ROLE_PROPERTY) or ""))
        if role is not None:
            return _RoleInterface(obj, role)
    return None


def install() -> None:
    """Answer Qt's accessibility queries for widgets with a role (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def give_role(widget: QWidget, role: str, name: str = "") -> QWidget:
    """``widget`` as a heading, link, group or notification (see ``_ROLES``)."""
    assert role in _ROLES, role
    install()
    widget.setProperty(ROLE_PROPERTY, role)
    # Setting a label's text or name may already have made (and cached) Qt's own
    # interface for it while a screen reader is running: drop it so ours is made.
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None and interface.role() != _ROLES[role]:
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
    if name:
        widget.setAccessibleName(name)
    return widget


def role_of(widget: QWidget) -> QAccessible.Role:
    """The role a screen reader is given for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.role()


def announce(widget: QWidget, words: str, *, assertive: bool = False, shown: bool = True) -> None:
    """Tell assistive technology ``words`` now (an error, "Saved", "Locked" …). With
    ``shown`` False (a page's heading said as it opens: already on screen) the announcer
    takes no room; a status or an error is shown there too, except where the window
    squeezes it away (question pages: the ``squeezed`` property)."""
    if not words:
        return
    said.append(words)
    event = QAccessibleAnnouncementEvent(widget, words)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    announcer = widget.window().findChild(QLabel, ANNOUNCER)
    if announcer is not None:
        announcer.setText(words)
        announcer.setAccessibleName(words)
        squeezed = not shown or bool(announcer.property("squeezed"))
        announcer.setMaximumHeight(0 if squeezed else QWIDGETSIZE_MAX)
        announcer.hide()  # showing again is what Orca 43 speaks for a notification
        announcer.show()


def make_announcer() -> QLabel:
    """The label where announcements also appear (put it in the window, never hidden)."""
    widget = QLabel()
    widget.setObjectName(ANNOUNCER)
    widget.setWordWrap(True)
    widget.setContentsMargins(32, 2, 32, 2)  # in line with the pages' words
    give_role(widget, "notification")
    return widget


def set_problem(field: QWidget, problem: str | None, description: str = "") -> None:
    """Mark ``field`` invalid with ``problem`` (None: valid again, ``description`` back)."""
    was = bool(field.property("invalid"))
    field.setProperty("invalid", problem is not None)
    words = (
        QCoreApplication.translate("Accessible", "Invalid entry: {problem}").format(problem=problem)
        if problem
        else ""
    )
    field.setAccessibleDescription(f"{words} {description}".strip() if problem else description)
    QAccessible.updateAccessibility(QAccessibleEvent(field, QAccessible.Event.DescriptionChanged))
    if was != (problem is not None):
        field.style().unpolish(field)
        field.style().polish(field)
    if problem:
        announce(field, problem, assertive=True)


def set_language(widget: QWidget, language: str) -> None:
    """The language ``widget``'s words are in ("en" or "cy")."""
    widget.setLocale(locale_for(language))


def locale_for(language: str) -> QLocale:
    welsh = language == "cy"
    return QLocale(
        QLocale.Language.Welsh if welsh else QLocale.Language.English,
        QLocale.Country.UnitedKingdom,
    )


def show_toggle(button: QAbstractButton, text: str, on: bool) -> None:
    """A button that turns a look on and off shows it (pressed in, inverted colours and a
    tick) and says it ("Large print: on"). ``text`` may hold an ``&`` mnemonic."""
    button.setCheckable(True)
    button.setChecked(on)
    button.setText(f"✓ {text}" if on else text)
    state = (
        QCoreApplication.translate("Accessible", "on")
        if on
        else QCoreApplication.translate("Accessible", "off")
    )
    button.setAccessibleName(f"{text.replace('&', '')}: {state}")
