"""Remembering what was made from an object, by the object's identity.

For long-lived objects of a ruleset whose own hash is slow to compute (it reads their text
maps): the fast paths of format 2 make a value once per object and find it again by id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def by_identity(cache: dict[int, tuple[object, T]], key: object, make: Callable[[], T]) -> T:
    """What ``make()`` gives for the object ``key``, made once per object; the object is
    kept beside it so that its id cannot be reused while it is remembered."""
    found = cache.get(id(key))
    if found is None or found[0] is not key:
        if len(cache) >= 1024:
            cache.clear()
        found = cache[id(key)] = (key, make())
    return found[1]
