"""The budget page's chart agrees with its total (issue 12, point 11): the bars show each
area's points after every point adjustment, the carer reduction is visible, and the bars
add up to the figure the page states."""

from __future__ import annotations

import re
from decimal import Decimal

from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result import ResultPage
from tests.ui.fill import fill_answers


def _stated_total(page: ResultPage) -> Decimal:
    found = re.search(r"[\d.,]+", page.points_total.text())
    assert found, page.points_total.text()
    return Decimal(found.group(0).replace(",", ""))


def test_the_bars_add_up_to_the_total_with_the_carer_reduction_shown(
    window: MainWindow,
) -> None:
    case = window.session.start_case(Person("Eira Hughes"), "person", None)
    fill_answers(window, case)  # a carer helps every day and is willing: × 0.80
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultPage)
    budget, _final = window.session.budget(case, "en")
    applied = [p for p in budget["point_adjustments"] if p["applied"]]
    assert applied, "the example should have the carer reduction"
    total = Decimal(budget["total_points"])
    assert _stated_total(page) == total
    assert page.chart.total() == total
    # Before adjustments the sections add up to more: the chart is after them.
    assert sum(Decimal(s["points"]) for s in budget["sections"]) > total
    reduced = {
        name: (points, was)
        for (name, points), was in zip(page.chart.bars, page.chart.was, strict=True)
        if was is not None
    }
    assert len(reduced) == 2  # eating and drinking, personal care
    assert all(points == was * Decimal("0.80") for points, was in reduced.values())
    description = page.chart.accessibleDescription()
    assert "(was " in description


def test_the_chart_adds_up_in_welsh_too(window: MainWindow) -> None:
    case = window.session.start_case(Person("Eira Hughes"), "person", None)
    fill_answers(window, case)
    window.go(("result", case))
    window.set_modes(window.modes().with_language("cy"))  # this case's looks: Welsh
    page = window.page
    assert isinstance(page, ResultPage)
    assert "pwynt i gyd" in page.points_total.text()
    assert page.chart.total() == _stated_total(page)
    assert "(roedd yn " in page.chart.accessibleDescription()
