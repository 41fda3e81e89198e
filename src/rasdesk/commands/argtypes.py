"""Argument types shared by the commands: numbers a person types, checked by argparse so a
bad one is a usage error (exit code 2) that says what is allowed, never a traceback."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def count(lowest: int, highest: int) -> Callable[[str], int]:
    """A whole number from ``lowest`` to ``highest`` (e.g. ``--limit``)."""

    def parse(text: str) -> int:
        words = text.strip()
        if not words.isdecimal() or len(words) > 12 or not lowest <= int(words) <= highest:
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a whole number from {lowest:,} to {highest:,}"
            )
        return int(words)

    return parse


def seconds(highest: float) -> Callable[[str], float]:
    """A time in seconds, more than 0 and at most ``highest`` (e.g. ``--timeout``)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and 0 < value <= highest):
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a number of seconds more than 0 and at most {highest:g}"
            )
        return value

    return parse
