"""Sending to the council, in words: times as the assessor reads them ("14:05", or the
date too when it was not today), the council's receipt for a sent case, and what went
wrong with an enrolment (each kind of failure says what to do about it).

The core's errors are typed (``EnrolmentError.reason``); the words are chosen here and
translated, with the core's own detail kept for the log and for IT."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from rasdesk.domain.errors import (
    EnrolmentError,
    InputError,
    SecretStoreUnavailable,
)
from rasdesk.storage.store import CaseStore


def local(iso: str) -> dt.datetime:
    """A stored UTC time (``2026-12-04T14:05:00.000Z``) in this computer's time zone."""
    when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()


def clock(iso: str, today: dt.date | None = None) -> str:
    """When, as the status line says it: "14:05" today, "3 December 2026, 14:05" before.
    Month names follow the app's language (QLocale's default, set with it)."""
    when = local(iso)
    if when.date() == (today or dt.datetime.now().astimezone().date()):
        return when.strftime("%H:%M")
    return day_and_time(iso)


def day_and_time(iso: str) -> str:
    """ "4 December 2026, 14:07" in the app's language."""
    when = local(iso)
    stamp = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(stamp, "d MMMM yyyy, HH:mm")


def cannot_reach(since: str) -> str:
    return QCoreApplication.translate(
        "Sending",
        "Cannot reach the council since {time} — cases are kept safe here and will be "
        "sent when it can",
    ).format(time=clock(since))


def receipt_of(store: CaseStore, case_uuid: str) -> tuple[str, str] | None:
    """(receipt, received_at) for the case's latest version, once the council holds it."""
    row = store.db.execute(
        "SELECT r.receipt, r.received_at FROM receipts r JOIN versions v"
        " ON v.version_uuid = r.version_uuid WHERE v.case_uuid = ?"
        " ORDER BY v.number DESC LIMIT 1",
        (case_uuid,),
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def receipt_words(receipt: str, received_at: str) -> str:
    return QCoreApplication.translate(
        "Sending", "Received by the council on {when}. Receipt: {receipt}"
    ).format(when=day_and_time(received_at), receipt=receipt)


def received_short(received_at: str) -> str:
    """For a line of the case list: "received by the council 4 December 2026, 14:07"."""
    return QCoreApplication.translate("Sending", "received by the council {when}").format(
        when=day_and_time(received_at)
    )


def enrol_problem(exc: BaseException, address: str) -> tuple[str, str]:
    """(which field: "address", "code" or "", the words) for a failed enrolment."""
    if isinstance(exc, EnrolmentError):
        if exc.reason == "refused":
            return "code", QCoreApplication.translate(
                "Sending",
                "The council's server did not accept that code. It may be mistyped, used "
                "already or out of date. Check it, or ask your administrator for a new code.",
            )
        if exc.reason == "tls":
            return "address", QCoreApplication.translate(
                "Sending",
                "The server at {address} could not prove it is the council's (its "
                "certificate is not trusted), so nothing was sent to it. Check the address; "
                "if it is right, ask your IT team to set up the council's certificate.",
            ).format(address=address)
        if exc.reason == "unreachable":
            return "address", QCoreApplication.translate(
                "Sending",
                "Cannot reach a server at {address}. Check the address and that this laptop "
                "is online. If both are right, the council's server may be down: try again "
                "later.",
            ).format(address=address)
        return "address", QCoreApplication.translate(
            "Sending",
            "Something answered at {address}, but not the council's rasdesk server. Check "
            "the address with your administrator.",
        ).format(address=address)
    if isinstance(exc, SecretStoreUnavailable):
        return "", QCoreApplication.translate(
            "Sending",
            "There is nowhere safe on this computer to keep the laptop's sending key (no "
            "password store). Nothing was changed, and the code can still be used. Ask your "
            "IT team to set up the password store.",
        )
    if isinstance(exc, InputError):
        return "", QCoreApplication.translate(
            "Sending", "Enrolling cannot go ahead: {detail}"
        ).format(detail=str(exc))
    return "", QCoreApplication.translate(
        "Sending",
        "Enrolling did not work: {detail}. Nothing was changed; try again, or ask your IT team.",
    ).format(detail=str(exc))


def bad_address() -> str:
    return QCoreApplication.translate(
        "Sending",
        "That is not a server address. Give it whole, like "
        "https://rasdesk.council.example (it starts with https://).",
    )
