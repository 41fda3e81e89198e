"""Rulesets the council publishes: verified once with the keys the administrator names,
kept as the exact signed bytes, known by the sha256 of their content.

A bundle is accepted only if the server knows its ruleset, so that every version it holds
can be recomputed. Both formats are published, kept and recomputed alike
(``rasdesk-ruleset/1`` and ``/2``, read by ``parse_any``); a later format is refused in
words that say to update rasdesk-server. The latest published of each ruleset id is *current*: that is what
laptops download. Publishing an older one again makes it current again (a roll-back).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.domain.model import FORMAT
from rasdesk.domain.model_v2 import FORMAT_V2
from rasdesk.domain.parse_v2 import AnyRuleset, parse_any
from rasdesk.domain.signing import keyid_of, load_public_key, read_envelope, verify_envelope
from rasdesk.platform.files import read_bytes
from rasdesk.server.clock import now
from rasdesk.server.db import Connection, Database

#: The ruleset formats this server publishes and recomputes; told to laptops with the
#: rulesets (``GET /rulesets/current``), so a laptop can tell a server too old for a case.
READS = (FORMAT, FORMAT_V2)


def publish(db: Database, path: Path, trust: list[Path]) -> tuple[AnyRuleset, bool]:
    """Verify ``path`` against ``trust`` and make it current. Returns it and whether it is
    new to this server."""
    if not trust:
        raise InputError(
            "publish-ruleset needs --trust KEY.pem: the public key(s) the ruleset must be signed with"
        )
    keys = {}
    for key_path in trust:
        key = load_public_key(read_bytes(key_path, "public key file"), str(key_path))
        keys[keyid_of(key)] = key
    data = read_bytes(path, "signed ruleset file")
    payload = verify_envelope(read_envelope(data, str(path)), keys, str(path))
    ruleset = parse_any(payload, f"{path} (signed content)")
    with db.connection() as conn, conn.transaction():
        known = conn.execute(
            "SELECT 1 FROM rulesets WHERE sha256 = ?", (ruleset.sha256,)
        ).fetchone()
        if known:
            conn.execute(
                "UPDATE rulesets SET published_at = ? WHERE sha256 = ?", (now(), ruleset.sha256)
            )
        else:
            conn.execute(
                "INSERT INTO rulesets (sha256, ruleset_id, version, council, signed, published_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (ruleset.sha256, ruleset.id, ruleset.version, ruleset.council, data, now()),
            )
    return ruleset, not known


def current(db: Database) -> list[dict[str, Any]]:
    """The current signed envelope of each ruleset id, as published."""
    with db.connection() as conn:
        rows = conn.execute(
            "SELECT r.signed FROM rulesets r WHERE r.published_at = ("
            " SELECT MAX(p.published_at) FROM rulesets p WHERE p.ruleset_id = r.ruleset_id)"
            " ORDER BY r.ruleset_id, r.sha256"
        ).fetchall()
    envelopes: list[dict[str, Any]] = [json.loads(bytes(row[0])) for row in rows]
    return envelopes


def is_known(conn: Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM rulesets WHERE sha256 = ?", (sha256,)).fetchone() is not None


class RulesetCache:
    """Parsed rulesets by sha256, for recomputing many versions (a ruleset parses once)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._parsed: dict[str, AnyRuleset | None] = {}

    def get(self, sha256: str) -> AnyRuleset | None:
        if sha256 not in self._parsed:
            with self.db.connection() as conn:
                row = conn.execute(
                    "SELECT signed FROM rulesets WHERE sha256 = ?", (sha256,)
                ).fetchone()
            # The bytes were verified when published; here only their content is read.
            self._parsed[sha256] = (
                None
                if row is None
                else parse_any(read_envelope(bytes(row[0])).payload, f"ruleset {sha256[:12]}")
            )
        return self._parsed[sha256]
