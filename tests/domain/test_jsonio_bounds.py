"""Issue 14 item 11: every JSON document rasdesk reads is bounded (depth, number length,
exponent, size, lone surrogates) with one clear StrictJSONError, never a RecursionError, a
bare ValueError or a frozen process."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rasdesk.domain import jsonio
from rasdesk.domain.jsonio import StrictJSONError, loads_strict


@pytest.mark.parametrize("depth", [jsonio.MAX_DEPTH + 1, 5_000, 1_000_000])
def test_deep_nesting_refused(depth: int) -> None:
    with pytest.raises(StrictJSONError, match=f"nested more than {jsonio.MAX_DEPTH} deep"):
        loads_strict(b"[" * depth + b"]" * depth)
    with pytest.raises(StrictJSONError, match="nested"):
        loads_strict(b'{"a":' * depth + b"1" + b"}" * depth)


def test_nesting_up_to_the_bound_is_read() -> None:
    depth = jsonio.MAX_DEPTH
    assert loads_strict("[" * depth + "]" * depth) is not None


@pytest.mark.parametrize("digits", [jsonio.MAX_NUMBER_CHARS + 1, 4_301, 100_000])
def test_long_integers_refused(digits: int) -> None:
    with pytest.raises(StrictJSONError, match=f"at most {jsonio.MAX_NUMBER_CHARS} are allowed"):
        loads_strict(b'{"n": ' + b"9" * digits + b"}")


@pytest.mark.parametrize("text", ["1E+999999999", "1e-999999999", "0E-99999", "2.5e101"])
def test_exponents_out_of_range_refused(text: str) -> None:
    with pytest.raises(StrictJSONError, match="out of range"):
        loads_strict(f'{{"n": {text}}}')


def test_ordinary_numbers_still_exact() -> None:
    assert loads_strict('{"a": 12, "b": 2.50, "c": 1e3}') == {
        "a": 12,
        "b": Decimal("2.50"),
        "c": Decimal("1E+3"),
    }


def test_lone_surrogates_refused_pairs_kept() -> None:
    with pytest.raises(StrictJSONError, match="lone UTF-16 surrogate"):
        loads_strict(b'{"name": "a\\ud800b"}')
    with pytest.raises(StrictJSONError, match="surrogate"):
        loads_strict(b'{"\\udfff": 1}')
    assert loads_strict(b'"\\ud83d\\ude00"') == "\U0001f600"


def test_size_bound() -> None:
    with pytest.raises(StrictJSONError, match="at most"):
        loads_strict(b" " * (jsonio.MAX_BYTES + 1))
