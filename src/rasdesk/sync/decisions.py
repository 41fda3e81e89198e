"""Step 6 of a sync run: fetch the decisions the council recorded (docs/sync-v2.md).

The laptop names, for each case with a support plan whose latest version the council
holds, that version; the server answers with any versions the council made after it (a
panel's decision). Each is taken into the store once (its version id is its key); one
that cannot be taken is reported and the others go on.
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError
from rasdesk.storage.council import receive_council_version
from rasdesk.storage.store import CaseStore
from rasdesk.sync.client import BadAnswer, Client
from rasdesk.sync.report import SyncReport, VersionNote

HEADS_PER_REQUEST = 500


def heads(store: CaseStore) -> dict[str, str]:
    """case → latest version, for cases with a plan whose latest version the council holds."""
    rows = store.db.execute(
        "SELECT c.case_uuid, c.current_version FROM cases c JOIN versions v"
        " ON v.version_uuid = c.current_version WHERE c.decision_status IS NOT NULL AND v.state = 'sent'"
    ).fetchall()
    return {str(c): str(v) for c, v in rows}


def fetch_decisions(store: CaseStore, client: Client, report: SyncReport) -> None:
    wanted = list(heads(store).items())
    for start in range(0, len(wanted), HEADS_PER_REQUEST):
        try:
            found = client.updates(dict(wanted[start : start + HEADS_PER_REQUEST]))
        except BadAnswer as exc:
            report.problems.append(f"could not fetch the council's decisions: {exc}")
            return
        for item in found:
            bundle, receipt, at = item.get("bundle"), item.get("receipt"), item.get("received_at")
            if not (isinstance(bundle, str) and isinstance(receipt, str) and isinstance(at, str)):
                report.problems.append("the server sent a decision without its bundle or receipt")
                continue
            try:
                new = receive_council_version(store, bundle.encode("utf-8"), receipt, at)
            except InputError as exc:
                report.problems.append(f"a decision from the council was not taken: {exc}")
                continue
            if new:
                case = store.case_row(str(item.get("case_uuid")))
                number = store.current_version(case["case_uuid"])["number"]
                report.received.append(
                    VersionNote(
                        case["case_uuid"],
                        str(item["version_uuid"]),
                        number,
                        case["council_ref"],
                        receipt=receipt,
                    )
                )
