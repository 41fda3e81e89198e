"""Text maps: every user-facing string in a ruleset, in each of its languages."""

from __future__ import annotations

from collections.abc import Mapping


class Text:
    """A text map ``{"en": ..., "cy": ...}``. ``en`` is required; others fall back to it."""

    __slots__ = ("_by_lang",)

    def __init__(self, by_lang: Mapping[str, str]) -> None:
        self._by_lang = dict(by_lang)

    @property
    def en(self) -> str:
        return self._by_lang["en"]

    def get(self, lang: str) -> str:
        return self._by_lang.get(lang) or self._by_lang["en"]

    def has(self, lang: str) -> bool:
        return bool(self._by_lang.get(lang))

    def as_dict(self) -> dict[str, str]:
        return dict(self._by_lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._by_lang == other._by_lang

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._by_lang.items())))

    def __repr__(self) -> str:
        return f"Text({self._by_lang!r})"
