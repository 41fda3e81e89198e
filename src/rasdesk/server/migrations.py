"""The server's schema: numbered migrations, the same on SQLite and PostgreSQL.

``schema_version`` records each migration applied. Every command migrates the database
first, inside one transaction holding a lock (``BEGIN IMMEDIATE`` on SQLite, an advisory
lock on PostgreSQL), so two processes starting at once apply each migration once. A
database made by a newer rasdesk-server is refused rather than misread.

Times are ISO 8601 UTC text (``2026-01-31T09:15:00.123Z``), which sorts as time does on
both databases. Codes and tokens are kept only as SHA-256 hashes.
"""

from __future__ import annotations

from rasdesk.domain.errors import StorageError
from rasdesk.server.clock import now
from rasdesk.server.db import Connection

#: Migration n is MIGRATIONS[n - 1]. ``{blob}`` is BLOB on SQLite and BYTEA on PostgreSQL.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE enrol_codes (
            code_hash TEXT PRIMARY KEY,
            assessor TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            device_id TEXT
        )""",
        """CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            assessor TEXT NOT NULL,
            device_name TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            revoked_at TEXT
        )""",
        """CREATE TABLE rulesets (
            sha256 TEXT PRIMARY KEY,
            ruleset_id TEXT NOT NULL,
            version TEXT NOT NULL,
            council TEXT NOT NULL,
            signed {blob} NOT NULL,
            published_at TEXT NOT NULL
        )""",
        "CREATE INDEX rulesets_by_id ON rulesets (ruleset_id, published_at)",
        # One row per case: its head is the latest version received. A new version must
        # name the head in `supersedes`; the conditional UPDATE of this row is what makes
        # two racing amendments of one case give one winner and one 409.
        """CREATE TABLE cases (
            case_uuid TEXT PRIMARY KEY,
            head_version TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # The idempotency key is version_uuid (the primary key); a version is superseded
        # at most once (UNIQUE supersedes; NULLs are distinct on both databases).
        """CREATE TABLE versions (
            version_uuid TEXT PRIMARY KEY,
            case_uuid TEXT NOT NULL,
            supersedes TEXT UNIQUE,
            sha256 TEXT NOT NULL,
            receipt TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL,
            device_id TEXT NOT NULL REFERENCES devices (device_id),
            ruleset_sha256 TEXT NOT NULL REFERENCES rulesets (sha256),
            bundle {blob} NOT NULL
        )""",
        "CREATE INDEX versions_by_received ON versions (received_at, version_uuid)",
        "CREATE INDEX versions_by_case ON versions (case_uuid)",
    ),
    # 2: decisions recorded at the council (``rasdesk-server decide``). The version itself
    # is an ordinary row of ``versions`` (its device is the one that sent the plan, which
    # receives it on its next sync); this table says the council made it, and who decided.
    (
        """CREATE TABLE council_versions (
            version_uuid TEXT PRIMARY KEY REFERENCES versions (version_uuid),
            case_uuid TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX council_versions_by_case ON council_versions (case_uuid)",
    ),
)

#: Any constant: the advisory lock that makes PostgreSQL migrations one at a time.
_PG_LOCK = 0x72617364


def schema_version(conn: Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: Connection) -> int:
    """Bring the schema up to date. Returns the schema version."""
    latest = len(MIGRATIONS)
    with conn.transaction():
        if conn.postgres:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        current = schema_version(conn)
        if current > latest:
            raise StorageError(
                f"the database {conn.target.shown} has schema version {current}, made by a newer "
                f"rasdesk-server (this one knows up to {latest}): upgrade rasdesk-server"
            )
        blob = "BYTEA" if conn.postgres else "BLOB"
        for number in range(current + 1, latest + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement.replace("{blob}", blob))
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (number, now())
            )
    return latest
