"""Rulesets the council publishes (``GET /rulesets/current``): verified against this
computer's trust store, then kept; one signed by a key it does not trust is refused and
reported, never kept or used.

Every verified ruleset is kept (exact signed bytes, named by payload sha256), so a case
started with it can always be recomputed. The one in force today with the latest
``effective_from`` becomes the current ruleset for new assessments — through
``platform.rulesets.install``, which verifies it again, just as ``rasdesk ruleset
install`` does. A published ruleset that starts later is kept but not made current.
Format-1 and format-2 rulesets (``rasdesk-ruleset/1`` and ``/2``) go through the same
checks; one of a later format is refused and reported ("update rasdesk"), and the run goes
on with the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from rasdesk.domain.errors import RasdeskError, TrustError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.signing import read_envelope
from rasdesk.platform import rulesets
from rasdesk.platform.files import write_atomic
from rasdesk.sync.report import RulesetNote


def _identify(envelope: Any) -> tuple[str, str, str]:
    """(id, version, sha256) read from the unverified payload, only for the report."""
    try:
        payload = read_envelope(json.dumps(envelope).encode(), "published").payload
        doc = loads_strict(payload)
        return (
            str(doc.get("id", "?")),
            str(doc.get("version", "?")),
            hashlib.sha256(payload).hexdigest(),
        )
    except (RasdeskError, ValueError, AttributeError, TypeError):
        return "?", "?", "?"


def take(
    published: list[Any], today: dt.date | None = None
) -> tuple[list[RulesetNote], list[RulesetNote]]:
    """Verify and keep what the server publishes. Returns (installed, refused)."""
    day = (today or dt.date.today()).isoformat()
    installed: list[RulesetNote] = []
    refused: list[RulesetNote] = []
    in_force: list[rulesets.VerifiedAny] = []
    for i, envelope in enumerate(published):
        source = f"the council's published ruleset {i + 1}"
        data = (json.dumps(envelope, indent=2) + "\n").encode("utf-8")
        try:
            verified = rulesets.verify_signed_any_bytes(data, source)
        except RasdeskError as exc:  # TrustError (untrusted key, bad signature) or RulesetError
            rid, version, sha = _identify(envelope)
            trust = isinstance(exc, TrustError)
            refused.append(RulesetNote(rid, version, sha, reason=str(exc), trust=trust))
            continue
        r = verified.ruleset
        target = rulesets.installed_path(r.sha256)
        if not target.exists():
            write_atomic(target, verified.signed_bytes)
            installed.append(RulesetNote(r.id, r.version, r.sha256))
        if r.effective_from <= day and (r.effective_to is None or day <= r.effective_to):
            in_force.append(verified)
    if in_force:
        best = max(in_force, key=lambda v: (v.ruleset.effective_from, v.ruleset.version))
        if rulesets.current_sha256() != best.ruleset.sha256:
            rulesets.install(rulesets.installed_path(best.ruleset.sha256))
            r = best.ruleset
            installed = [n for n in installed if n.sha256 != r.sha256]
            installed.append(RulesetNote(r.id, r.version, r.sha256, made_current=True))
    return installed, refused
