"""The NHS number: 10 digits, the last a Modulus 11 check digit.

Source: NHS Data Dictionary, "NHS Number": multiply each of the first nine digits by a
weight from 10 down to 2, add the products, take the remainder on dividing by 11 and
subtract it from 11. A result of 11 gives the check digit 0; a result of 10 means the
number is not valid (no such NHS number is ever issued).
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when none is possible (the result 10)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    digit = 11 - total % 11
    if digit == 11:
        return 0
    return None if digit == 10 else digit


def normalise_nhs_number(text: str, field: str = "NHS number") -> str | None:
    """The 10 digits of an NHS number typed with or without spaces (None if blank); a
    wrong length or check digit is refused naming ``field``."""
    digits = "".join(text.split()).replace("-", "")
    if not digits:
        return None
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        raise InputError(f"{field}: an NHS number is 10 digits, like 943 476 5919 (not {text!r})")
    if check_digit(digits[:9]) != int(digits[9]):
        raise InputError(
            f"{field}: {text!r} is not a valid NHS number (its check digit is wrong); "
            "check it against a letter from the NHS, or leave it blank"
        )
    return digits
