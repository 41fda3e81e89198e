"""Reading and checking conditions against the questions of one questionnaire.

Checks: the question exists; ``is``/``in`` only on single or multiple questions and only
with that question's option ids; comparisons only on number questions; ``all``/``any``
non-empty. ``show_if`` cycles are found separately (``find_cycle``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasdesk.domain.conditions import (
    COMPARISONS,
    All,
    Answered,
    AnyOf,
    Compare,
    Condition,
    In,
    Is,
    Not,
)
from rasdesk.domain.decimals import type_name
from rasdesk.domain.reader import Reader

#: question id → (type, option ids); built before questions are read in full.
QuestionIndex = Mapping[str, tuple[str, frozenset[str]]]

_OPS = ("is", "in", *COMPARISONS)


def read_condition(r: Reader, value: Any, path: str, index: QuestionIndex) -> Condition | None:
    if not isinstance(value, dict) or len(value) == 0:
        r.add(path, f"expected a condition object, found {type_name(value)}")
        return None
    if "all" in value or "any" in value:
        key = "all" if "all" in value else "any"
        if len(value) != 1:
            r.add(path, f'"{key}" must stand alone in its condition object')
        parts = r.items(value[key], f"{path}.{key}", non_empty=True)
        read = [read_condition(r, p, f"{path}.{key}[{i}]", index) for i, p in enumerate(parts)]
        if any(c is None for c in read) or not read:
            return None
        clean = tuple(c for c in read if c is not None)
        return All(clean) if key == "all" else AnyOf(clean)
    if "not" in value:
        if len(value) != 1:
            r.add(path, '"not" must stand alone in its condition object')
        inner = read_condition(r, value["not"], f"{path}.not", index)
        return Not(inner) if inner is not None else None
    if "answered" in value:
        if len(value) != 1:
            r.add(path, '"answered" must stand alone in its condition object')
        qid = value["answered"]
        if not isinstance(qid, str) or qid not in index:
            r.add(f"{path}.answered", f'unknown question "{qid}"')
            return None
        return Answered(qid)
    if "answer" in value:
        return _read_answer_test(r, value, path, index)
    r.add(path, 'expected one of "answer", "answered", "all", "any" or "not"')
    return None


def _read_answer_test(
    r: Reader, value: dict[str, Any], path: str, index: QuestionIndex
) -> Condition | None:
    qid = value["answer"]
    ops = [k for k in value if k != "answer"]
    bad = [k for k in ops if k not in _OPS]
    if bad or len(ops) != 1:
        r.add(
            path,
            f'an "answer" test needs exactly one of {", ".join(_OPS)} (found {", ".join(ops) or "none"})',
        )
        return None
    op = ops[0]
    if not isinstance(qid, str) or qid not in index:
        r.add(f"{path}.answer", f'unknown question "{qid}"')
        return None
    qtype, option_ids = index[qid]
    if op in ("is", "in"):
        if qtype not in ("single", "multiple"):
            r.add(
                path, f'"{op}" needs a single or multiple question; "{qid}" is a {qtype} question'
            )
            return None
        wanted = [value[op]] if op == "is" else r.items(value[op], f"{path}.in", non_empty=True)
        ok = bool(wanted)
        for i, opt in enumerate(wanted):
            where = f"{path}.is" if op == "is" else f"{path}.in[{i}]"
            if not isinstance(opt, str) or opt not in option_ids:
                r.add(where, f'"{opt}" is not an option of question "{qid}"')
                ok = False
        if not ok:
            return None
        return Is(qid, wanted[0]) if op == "is" else In(qid, frozenset(wanted))
    if qtype != "number":
        r.add(path, f'"{op}" needs a number question; "{qid}" is a {qtype} question')
        return None
    limit = r.decimal(value[op], f"{path}.{op}")
    return Compare(qid, op, limit) if limit is not None else None


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """A cycle in ``show_if`` reads (question → questions it reads), or ``None``."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def visibility_order(graph: Mapping[str, set[str]], order: list[str]) -> list[str]:
    """Question ids so that each comes after every question its ``show_if`` reads."""
    done: set[str] = set()
    out: list[str] = []

    def place(node: str) -> None:
        if node in done:
            return
        done.add(node)
        for dep in sorted(graph.get(node, ())):
            place(dep)
        out.append(node)

    for node in order:
        place(node)
    return out
