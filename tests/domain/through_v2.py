"""Every format-1 test ruleset, also through format 2 (#15 Must show).

While the format-1 tests of ``FORMAT_1_MODULES`` run, each budget they compute with
``compute_budget`` is computed again from the same document upgraded to format 2
(``upgrade_bytes`` and the format-2 engine) and must give the same figures: every amount,
point, adjustment step, flag and sign-off (``test_properties_v2.same_figures``). The
documents are known by their SHA-256: recorded when a test builds or parses a ruleset, and
the demo's from its file. ``tests/domain/conftest.py`` turns it on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.model import Ruleset
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.upgrade_v2 import upgrade_bytes
from rasdesk.platform.paths import demo_dir

FORMAT_1_MODULES = ("test_engine", "test_explain", "test_demo_ruleset", "test_properties")

#: SHA-256 of a format-1 document → its bytes.
DOCUMENTS: dict[str, bytes] = {}
#: How many budgets were held to format 2 (for the test that this runs at all).
CHECKED: list[str] = []


def remember(data: bytes) -> None:
    DOCUMENTS[hashlib.sha256(data).hexdigest()] = bytes(data)


remember((demo_dir() / "demo.ruleset.json").read_bytes())


def recording(parse: Callable[..., Any]) -> Callable[..., Any]:
    """``parse_ruleset`` that remembers the document it parsed."""

    def parse_and_remember(data: bytes, *args: Any, **kwargs: Any) -> Any:
        ruleset = parse(data, *args, **kwargs)
        remember(data)
        return ruleset

    return parse_and_remember


def checking(compute: Callable[..., Any]) -> Callable[..., Any]:
    """``compute_budget`` that also computes through upgrade + format 2 and compares."""
    from tests.domain.test_properties_v2 import same_figures

    def compute_both(ruleset: Any, doc: Any, *args: Any, **kwargs: Any) -> Any:
        v1 = compute(ruleset, doc, *args, **kwargs)
        data = DOCUMENTS.get(ruleset.sha256) if isinstance(ruleset, Ruleset) else None
        if data is not None:
            lang = args[0] if args else kwargs.get("lang", "en")
            v2 = compute_budget_v2(parse_ruleset_v2(upgrade_bytes(data)), doc, lang)
            same_figures(v1, v2)
            CHECKED.append(ruleset.sha256)
        return v1

    return compute_both
