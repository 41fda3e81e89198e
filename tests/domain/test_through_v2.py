"""The check that runs every format-1 test's budgets through format 2 has teeth: it runs,
and a format-2 figure that differs fails it."""

from __future__ import annotations

import pytest

from rasdesk.domain import upgrade_v2
from rasdesk.domain.budget import compute_budget
from tests.domain import through_v2
from tests.domain.builders import build, minimal_doc, to_bytes

ANSWERS = {"washing": "some", "tasks": ["shopping", "cleaning"], "nights": 3}


def test_a_format_1_budget_is_checked_through_format_2() -> None:
    ruleset = through_v2.recording(lambda data, *a: build(minimal_doc()))(to_bytes(minimal_doc()))
    before = len(through_v2.CHECKED)
    through_v2.checking(compute_budget)(ruleset, {"questionnaire": "person", "answers": ANSWERS})
    assert len(through_v2.CHECKED) == before + 1


def test_a_different_format_2_figure_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = through_v2.recording(lambda data, *a: build(minimal_doc()))(to_bytes(minimal_doc()))
    real = upgrade_v2.upgrade_bytes

    def wrong_rate(data: bytes, *args: object) -> bytes:
        return real(data).replace(b'"rate": "4.20"', b'"rate": "4.21"')

    monkeypatch.setattr(through_v2, "upgrade_bytes", wrong_rate)
    with pytest.raises(AssertionError):
        through_v2.checking(compute_budget)(
            ruleset, {"questionnaire": "person", "answers": ANSWERS}
        )
