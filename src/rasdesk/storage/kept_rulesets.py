"""The rulesets a case store keeps (part of ``CaseStore``): the exact signed bytes of each
ruleset a case was pinned to, kept for ever and keyed by the payload's sha256, so a case
can be recomputed years later with the very ruleset it used. Read back verified (its
sha256 must match) and parsed once per session."""

from __future__ import annotations

import sqlite_utils

from rasdesk.domain.errors import InputError, StorageError
from rasdesk.domain.model import Ruleset
from rasdesk.domain.parse_v2 import AnyRuleset, parse_any
from rasdesk.domain.signing import read_envelope
from rasdesk.storage.transactions import now


class KeptRulesets:
    """Keeping and reading pinned rulesets; ``CaseStore`` gives the connection and cache."""

    db: sqlite_utils.Database
    _rulesets: dict[str, AnyRuleset]

    def keep_ruleset(self, signed: bytes, ruleset: AnyRuleset) -> None:
        """Keep the exact signed bytes forever, keyed by the payload's sha256."""
        self.db.execute(
            "INSERT OR IGNORE INTO rulesets (sha256, id, version, signed, stored_at) VALUES (?, ?, ?, ?, ?)",
            (ruleset.sha256, ruleset.id, ruleset.version, signed, now()),
        )

    def ruleset(self, sha256: str) -> Ruleset:
        """The format-1 ruleset a case is pinned to (format-2 cases: ``any_ruleset``)."""
        found = self.any_ruleset(sha256)
        if not isinstance(found, Ruleset):
            raise InputError(
                f"the ruleset {sha256[:12]}… is format 2: this step works only for format-1 cases"
            )
        return found

    def any_ruleset(self, sha256: str) -> AnyRuleset:
        """The ruleset (format 1 or 2) with this payload sha256, verified when it was kept."""
        found = self._rulesets.get(sha256)
        if found is None:
            row = self.db.execute(
                "SELECT signed FROM rulesets WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if row is None:
                raise StorageError(f"the ruleset {sha256[:12]}… is missing from the case store")
            payload = read_envelope(row[0], f"stored ruleset {sha256[:12]}…").payload
            found = parse_any(payload, f"stored ruleset {sha256[:12]}…")
            if found.sha256 != sha256:
                raise StorageError(f"the stored ruleset {sha256[:12]}… is damaged")
            self._rulesets[sha256] = found
        return found
