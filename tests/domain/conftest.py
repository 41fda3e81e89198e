"""The format-1 tests of this folder also hold format 2 to format 1's figures
(``through_v2``: every budget they compute, computed again through upgrade + format 2)."""

from __future__ import annotations

import pytest

from tests.domain import builders, through_v2


@pytest.fixture(autouse=True)
def also_through_format_2(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    module = request.module
    if module.__name__.rsplit(".", 1)[-1] not in through_v2.FORMAT_1_MODULES:
        return
    monkeypatch.setattr(builders, "parse_ruleset", through_v2.recording(builders.parse_ruleset))
    if hasattr(module, "parse_ruleset"):
        monkeypatch.setattr(module, "parse_ruleset", through_v2.recording(module.parse_ruleset))
    if hasattr(module, "compute_budget"):
        monkeypatch.setattr(module, "compute_budget", through_v2.checking(module.compute_budget))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if through_v2.CHECKED:
        terminalreporter.write_line(
            f"format-1 budgets also computed through upgrade + format 2, same figures: "
            f"{len(through_v2.CHECKED)} (of {len(set(through_v2.CHECKED))} rulesets)"
        )
