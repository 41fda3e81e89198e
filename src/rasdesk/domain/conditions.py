"""Conditions (``show_if`` and ``when``): data, not code, evaluated on the answers.

A condition is evaluated on the *visible* answers only: a question the person was not
shown, or did not answer, makes every test on it false (``not`` of such a test is true).
The values handed in are: single → option id (str), multiple → frozenset of option ids,
number → Decimal, text → str.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

Values = Mapping[str, object]

COMPARISONS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}


class Condition:
    """Base of the condition forms of spec §1.1."""

    __slots__ = ()

    def holds(self, values: Values) -> bool:
        raise NotImplementedError

    def questions(self) -> Iterator[str]:
        """Every question id this condition reads (for validation and cycle checks)."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Is(Condition):
    question: str
    option: str

    def holds(self, values: Values) -> bool:
        value = values.get(self.question)
        if isinstance(value, str):
            return value == self.option
        if isinstance(value, frozenset):
            return self.option in value
        return False

    def questions(self) -> Iterator[str]:
        yield self.question


@dataclass(frozen=True, slots=True)
class In(Condition):
    question: str
    options: frozenset[str]

    def holds(self, values: Values) -> bool:
        value = values.get(self.question)
        if isinstance(value, str):
            return value in self.options
        if isinstance(value, frozenset):
            return not value.isdisjoint(self.options)
        return False

    def questions(self) -> Iterator[str]:
        yield self.question


@dataclass(frozen=True, slots=True)
class Compare(Condition):
    question: str
    op: str
    value: Decimal

    def holds(self, values: Values) -> bool:
        given = values.get(self.question)
        if not isinstance(given, Decimal):
            return False
        return COMPARISONS[self.op](given, self.value)

    def questions(self) -> Iterator[str]:
        yield self.question


@dataclass(frozen=True, slots=True)
class Answered(Condition):
    question: str

    def holds(self, values: Values) -> bool:
        return self.question in values

    def questions(self) -> Iterator[str]:
        yield self.question


@dataclass(frozen=True, slots=True)
class All(Condition):
    parts: tuple[Condition, ...]

    def holds(self, values: Values) -> bool:
        return all(part.holds(values) for part in self.parts)

    def questions(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.questions()


@dataclass(frozen=True, slots=True)
class AnyOf(Condition):
    parts: tuple[Condition, ...]

    def holds(self, values: Values) -> bool:
        return any(part.holds(values) for part in self.parts)

    def questions(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.questions()


@dataclass(frozen=True, slots=True)
class Not(Condition):
    part: Condition

    def holds(self, values: Values) -> bool:
        return not self.part.holds(values)

    def questions(self) -> Iterator[str]:
        yield from self.part.questions()
