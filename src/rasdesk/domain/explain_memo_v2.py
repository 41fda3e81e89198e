"""The memo of format 2's explanation: groups of steps, each a pure function of what its
words read (its key), kept per ruleset, questionnaire and language with their JSON encoded
once (``explain_v2``, ``explain_amount_v2``). Bounded: at most ``MEMO_LIMIT`` groups a
memo (then it starts again) and 64 memos."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model_v2 import QuestionnaireV2, RulesetV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import about_json

#: Which amount and part a step is about.
About = tuple[str | None, str | None]


MEMO_LIMIT = 200_000
Group = tuple[tuple[ExplanationStep, About], ...]
#: A group as kept: its steps, what each is about, and its JSON (b"" when it has no step).
Kept = tuple[tuple[ExplanationStep, ...], tuple[About, ...], bytes]


class Memo:
    """Groups of steps, each a pure function of its key, for one questionnaire and
    language: across thousands of people the same answers and figures recur."""

    def __init__(self, words: AmountWords) -> None:
        self.words = words
        self.groups: dict[Hashable, Kept] = {}

    def make(self, key: Hashable, make: Callable[[], Group]) -> Kept:
        """Make the group for ``key`` (not found) and keep it, its JSON encoded once."""
        if len(self.groups) >= MEMO_LIMIT:
            self.groups.clear()
        found = self.groups[key] = keep_group(make())
        return found


def keep_group(group: Group) -> Kept:
    """A group as kept, its JSON (the steps with what they are about) encoded once."""
    data = b",".join(s.json[:-1] + about_json(*a) for s, a in group)
    return tuple(s for s, _ in group), tuple(a for _, a in group), data


_MEMOS: dict[tuple[str, str, str], Memo] = {}


def memo_for(ruleset: RulesetV2, q: QuestionnaireV2, lang: str) -> Memo:
    """The memo of ``q``'s words in ``lang`` for this ruleset object."""
    key = (ruleset.sha256, q.id, lang)
    memo = _MEMOS.get(key)
    if memo is None or memo.words.ruleset is not ruleset:
        if len(_MEMOS) > 64:
            _MEMOS.clear()
        memo = _MEMOS[key] = Memo(AmountWords(ruleset, q, lang))
    return memo


def group(where: About, steps: Callable[..., Iterable[ExplanationStep]], *args: Any) -> Group:
    """The steps ``steps(*args)`` makes, each about ``where``."""
    return tuple((step, where) for step in steps(*args))


def join(kept: Sequence[Kept]) -> Kept:
    """Several groups as one."""
    return (
        tuple(s for k in kept for s in k[0]),
        tuple(a for k in kept for a in k[1]),
        b",".join(k[2] for k in kept if k[2]),
    )
