"""A case version made at the council (a decision on the support plan) taken into the store.

It arrives as exact bundle bytes with the council's receipt. It is checked in full (its
sha256, its plan and decision, that it follows the version this laptop holds as the
case's latest, the same pinned ruleset) and then kept as a new version, already ``sent``
(the council holds it): its answers and notes as any version's (and, format 2, who
answered), its bundle frozen. Either ruleset format: a format-2 case has no weekly
figure. Its ``version_uuid`` is its key, so receiving it twice keeps it once.
"""

from __future__ import annotations

import json
import logging

from rasdesk.decision.record import read_section
from rasdesk.domain.answers import json_value
from rasdesk.domain.bundle import FORMAT_V2, canonical, open_bundle
from rasdesk.domain.errors import InputError
from rasdesk.storage.answered_by import EVENT as ANSWERED_BY
from rasdesk.storage.store import CaseStore, now

log = logging.getLogger("rasdesk.storage")


def receive_council_version(store: CaseStore, data: bytes, receipt: str, received_at: str) -> bool:
    """Keep one council-made version. True if new; False if already held. Raises
    ``InputError`` (with why) when it cannot be taken: nothing is then written."""
    bundle = open_bundle(data, "the council's version")
    vid, case_uuid = bundle.get("version_uuid"), bundle.get("case_uuid")
    if store.db.execute("SELECT 1 FROM versions WHERE version_uuid = ?", (vid,)).fetchone():
        return False
    if bundle.get("format") != FORMAT_V2 or bundle.get("decision") is None:
        raise InputError(f"the council's version {vid} carries no support plan or decision")
    read_section(bundle["decision"], "the council's decision")
    store.case_row(str(case_uuid))  # the case must be on this laptop (InputError if not)
    head = store.current_version(str(case_uuid))
    if bundle.get("supersedes") != head["version_uuid"] or head["bundle"] is None:
        raise InputError(
            f"the council's version of case {str(case_uuid)[:8]} follows a version this laptop "
            f"does not hold as the case's latest (version {head['number']} is {head['state']})"
        )
    if bundle["ruleset"]["sha256"] != head["ruleset_sha256"]:
        raise InputError(
            f"the council's version of case {str(case_uuid)[:8]} names another ruleset"
        )
    at = now()
    status = bundle["decision"]["status"]
    with store.transaction() as db:
        db.execute(
            "INSERT INTO versions (version_uuid, case_uuid, number, supersedes, amendment_reason, state,"
            " ruleset_sha256, assessor, device_id, started_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
            (
                vid,
                case_uuid,
                head["number"] + 1,
                head["version_uuid"],
                bundle.get("amendment_reason") or "decision made at the council",
                head["ruleset_sha256"],
                str(bundle["assessor"].get("name") or "the council"),
                head["device_id"],
                bundle.get("started_at") or at,
            ),
        )
        for question, value in bundle["answers"].items():
            db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, ?, ?, ?, 0, ?)",
                (vid, question, canonical(json_value(value)).decode(), at, store.session),
            )
        for question, text in bundle["notes"].items():
            db.execute(
                "INSERT INTO notes (version_uuid, question, text, at) VALUES (?, ?, ?, ?)",
                (vid, question, text, at),
            )
        db.execute(
            "UPDATE versions SET state = 'sent', finalised_at = ?, bundle = ?, bundle_sha256 = ?"
            " WHERE version_uuid = ?",
            (bundle["finalised_at"], data, bundle["sha256"], vid),
        )
        db.execute(
            "INSERT INTO receipts (version_uuid, case_uuid, bundle_sha256, receipt, received_at, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (vid, case_uuid, bundle["sha256"], receipt, received_at, at),
        )
        db.execute(
            "UPDATE cases SET current_version = ?, state = 'sent', decision_status = ?, weekly = ?,"
            " updated_at = ? WHERE case_uuid = ?",
            # format 1's weekly figure for the case list; a format-2 case has none
            (vid, status, bundle["result"].get("weekly"), at, case_uuid),
        )
        if bundle.get("answered_by") is not None:  # format 2: kept per version, as any
            store.audit(str(case_uuid), vid, ANSWERED_BY, new=str(bundle["answered_by"]), at=at)
        store.audit(
            str(case_uuid),
            vid,
            "received from the council",
            new=json.dumps(bundle["decision"]["decision"], ensure_ascii=False),
            reason=receipt,
            at=at,
        )
    log.info("received case %s version %s from the council (%s)", case_uuid, vid, receipt)
    return True
