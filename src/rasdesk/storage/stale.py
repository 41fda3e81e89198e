"""Stale work: drafts pinned to a ruleset that is no longer the current one, and drafts
older than the council's policy allows (``draft_max_age_days``). The case list shows both,
so nothing waits unseen until the figure it would give is out of date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rasdesk.storage.store import CaseStore


@dataclass(frozen=True, slots=True)
class Stale:
    case_uuid: str
    ruleset: str  # "id version" of the ruleset the draft is pinned to
    old_ruleset: bool  # pinned to a ruleset that is not the current one
    age_days: int  # since the draft was started
    too_old: bool

    def words(self) -> list[str]:
        out = []
        if self.old_ruleset:
            out.append(f"uses an older ruleset ({self.ruleset}): move it (rasdesk case rebase)")
        if self.too_old:
            out.append(f"started {self.age_days} days ago, longer than the council allows")
        return out


def stale_drafts(
    store: CaseStore, current_sha256: str | None, max_age_days: int, today: dt.date
) -> dict[str, Stale]:
    """Every draft that is pinned to an old ruleset or older than ``max_age_days``."""
    out: dict[str, Stale] = {}
    for case_uuid, sha, started, rid, version in store.db.execute(
        "SELECT c.case_uuid, v.ruleset_sha256, v.started_at, r.id, r.version FROM cases c"
        " JOIN versions v ON v.version_uuid = c.current_version"
        " JOIN rulesets r ON r.sha256 = v.ruleset_sha256 WHERE c.state = 'draft'"
    ).fetchall():
        age = (today - dt.date.fromisoformat(started[:10])).days
        old = current_sha256 is not None and sha != current_sha256
        if old or age > max_age_days:
            out[case_uuid] = Stale(case_uuid, f"{rid} {version}", old, age, age > max_age_days)
    return out
