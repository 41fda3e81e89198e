"""Typed errors of the core. The CLI and the UI turn these into words and exit codes.

Every error a person can cause carries enough to say *where* (file, JSON path, line)
and *what to do*; the core never prints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, at a JSON path such as ``$.questionnaires[0].id``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RasdeskError(Exception):
    """Base of every error rasdesk raises on purpose."""

    exit_code = 1


class InputError(RasdeskError):
    """Bad input a person can fix (exit code 2). May list several problems at once."""

    exit_code = 2

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message]
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)


class RulesetError(InputError):
    """A ruleset document or envelope that cannot be used (not a trust failure)."""


class AnswersError(InputError):
    """Answers that do not fit the questionnaire: unknown ids, out of range, missing."""


class LinkedCaseError(InputError):
    """A carer's assessment whose facts cannot be read from the linked person's case: no
    linked case, a linked case of another questionnaire, or a fact it has not answered.
    Each problem names the field and what to do (docs/ruleset-v2.md §1.5)."""


class TrustError(RasdeskError):
    """A signature or trust failure: unsigned, untrusted, or a signature that does not match."""

    exit_code = 3


class StorageError(RasdeskError):
    """The case store cannot do what was asked (missing case, wrong state, damaged file)."""

    exit_code = 1


class CaseStateError(StorageError):
    """An action that the case's lifecycle does not allow (e.g. answering a finalised case)."""

    exit_code = 2


class SecretStoreUnavailable(RasdeskError):
    """No usable OS password store: rasdesk refuses to store case data rather than fall
    back to anything weaker."""

    exit_code = 1


class SyncError(RasdeskError):
    """Sending cases to the council cannot go ahead: not enrolled, a refused enrolment code,
    an unusable server address or CA bundle, or a server that cannot be reached."""

    exit_code = 1


class EnrolmentError(SyncError):
    """Enrolling with a one-time code did not work. ``reason`` says why, for the app's
    words: ``refused`` (the code is mistyped, used already or expired: the server does
    not say which), ``tls`` (the server's certificate is not trusted), ``unreachable`` (no
    connection: a wrong address, or the server is down) or ``answer`` (something answered,
    but not as a rasdesk server does)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class DeviceRevoked(SyncError):
    """The council's server no longer accepts this laptop's token (revoked): syncing stops
    until the laptop is enrolled again with a new code."""

    exit_code = 3
