"""A bad value in a plan or decision, with the field it belongs to.

``field`` is the name a person sees next to the box (and the CLI option): the UI puts the
message beside that box, the CLI prints it; nothing is saved.
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError


class FieldError(InputError):
    """One field of a support plan or a decision that cannot be accepted (exit code 2)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message
