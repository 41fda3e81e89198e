"""Who a case is for: the person's name, date of birth, council reference, communication
needs (Accessible Information Standard), language, who helps them, and the details the
national return asks (``rasdesk.cld``). Checked before a case is started."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from rasdesk.cld.details import CaseDetails
from rasdesk.domain.errors import InputError

FORMAT_NEEDS = ("large_print", "easy_read", "welsh", "bsl", "audio", "braille", "plain_text")


@dataclass(frozen=True, slots=True)
class Person:
    """Who a case is for, and their communication needs (Accessible Information Standard)."""

    name: str
    date_of_birth: str | None = None
    council_ref: str | None = None
    format_needs: tuple[str, ...] = ()
    language: str = "en"
    helper: str | None = None  # who is helping them with the assessment
    details: CaseDetails = field(default_factory=CaseDetails)  # national return (rasdesk.cld)

    def checked(self) -> Person:
        if not self.name.strip():
            raise InputError("a case needs the name of the person it is for")
        if self.date_of_birth:
            try:
                dt.date.fromisoformat(self.date_of_birth)
            except ValueError:
                raise InputError(
                    f"date of birth {self.date_of_birth!r} is not a date written YYYY-MM-DD"
                ) from None
        unknown = [n for n in self.format_needs if n not in FORMAT_NEEDS]
        if unknown:
            raise InputError(
                f"unknown format need(s) {', '.join(unknown)} (known: {', '.join(FORMAT_NEEDS)})"
            )
        if self.language not in ("en", "cy"):
            raise InputError(f'language must be "en" or "cy", not {self.language!r}')
        details = self.details.checked()
        return self if details == self.details else replace(self, details=details)
