"""The plan's list is as tall as its rows: one short row is one row high (no blank box), a
long row wraps and the list grows to show all of it, and past ``most`` rows it scrolls."""

from __future__ import annotations

from rasdesk.ui.widgets.fitted_list import FittedList


def test_as_tall_as_its_rows_wrapping_and_capped(qtbot) -> None:  # type: ignore[no-untyped-def]
    items = FittedList(most=3)
    qtbot.addWidget(items)
    items.resize(300, 400)
    items.show()
    items.addItem("No items yet.")
    one = items.row_height(0)
    assert one > 0 and items.height() == one + 2 * items.frameWidth()
    items.addItem("1. Personal care (Home Care Agency Ltd): 10 hours × £20.00 = £200.00 a week")
    qtbot.wait(10)
    assert items.row_height(1) >= 2 * one  # wrapped onto more lines, all of it shown
    assert items.height() == one + items.row_height(1) + 2 * items.frameWidth()
    for n in range(5):
        items.addItem(f"{n + 2}. Day centre")
    assert items.height() == sum(items.row_height(i) for i in range(3)) + 2 * items.frameWidth()
    assert not items.horizontalScrollBar().isVisible()
