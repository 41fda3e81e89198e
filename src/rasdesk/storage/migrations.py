"""The case store's schema: ``SCHEMA_VERSION`` and ordered migrations, one per version.

Each migration moves a store from the version before it; each is tested from a real file
of the previous version (tests/storage/fixtures). The version is ``PRAGMA user_version``.
Never edit a released migration: add the next one.
"""

from __future__ import annotations

import sqlite_utils

from rasdesk.domain.errors import StorageError
from rasdesk.storage.connection import DatabaseError

STATES = ("draft", "finalised", "queued", "sending", "sent", "failed", "quarantined")
#: Every state after the draft: a version in one of them is frozen (its bundle sealed).
FROZEN_STATES = STATES[1:]
_STATE_CHECK = "state IN (" + ", ".join(f"'{s}'" for s in STATES) + ")"


# v1: cases, versions, answers, notes, audit, rulesets, outbox, receipts.
_V1 = f"""
    CREATE TABLE rulesets (
        sha256 TEXT PRIMARY KEY, id TEXT NOT NULL, version TEXT NOT NULL,
        signed BLOB NOT NULL, stored_at TEXT NOT NULL
    );
    CREATE TABLE cases (
        case_uuid TEXT PRIMARY KEY,
        questionnaire TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'carer')),
        person_name TEXT NOT NULL,
        date_of_birth TEXT,
        council_ref TEXT,
        format_needs TEXT NOT NULL DEFAULT '[]',
        language TEXT NOT NULL DEFAULT 'en',
        helper TEXT,
        linked_case_uuid TEXT REFERENCES cases(case_uuid),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        current_version TEXT,
        state TEXT NOT NULL CHECK ({_STATE_CHECK}),
        weekly TEXT
    );
    CREATE INDEX cases_by_update ON cases(updated_at DESC);
    CREATE INDEX cases_by_state ON cases(state, updated_at DESC);
    CREATE TABLE versions (
        version_uuid TEXT PRIMARY KEY,
        case_uuid TEXT NOT NULL REFERENCES cases(case_uuid),
        number INTEGER NOT NULL,
        supersedes TEXT,  -- not a foreign key: a purged version is named here and in receipts
        amendment_reason TEXT,
        state TEXT NOT NULL CHECK ({_STATE_CHECK}),
        state_reason TEXT,
        ruleset_sha256 TEXT NOT NULL REFERENCES rulesets(sha256),
        assessor TEXT NOT NULL,
        device_id TEXT,
        started_at TEXT NOT NULL,
        finalised_at TEXT,
        bundle BLOB,
        bundle_sha256 TEXT,
        UNIQUE (case_uuid, number)
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        version_uuid TEXT NOT NULL REFERENCES versions(version_uuid),
        question TEXT NOT NULL,
        value TEXT,
        at TEXT NOT NULL,
        mono_ns INTEGER NOT NULL,
        session TEXT NOT NULL
    );
    CREATE INDEX answers_by_version ON answers(version_uuid, question, id);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        version_uuid TEXT NOT NULL REFERENCES versions(version_uuid),
        question TEXT NOT NULL,
        text TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX notes_by_version ON notes(version_uuid, question, id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        case_uuid TEXT NOT NULL,
        version_uuid TEXT,
        at TEXT NOT NULL,
        mono_ns INTEGER NOT NULL,
        session TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        question TEXT,
        old TEXT,
        new TEXT,
        reason TEXT
    );
    CREATE INDEX audit_by_case ON audit(case_uuid, id);
    CREATE TABLE outbox (
        version_uuid TEXT PRIMARY KEY REFERENCES versions(version_uuid),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT
    );
    CREATE TABLE receipts (
        version_uuid TEXT PRIMARY KEY,
        case_uuid TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL,
        receipt TEXT NOT NULL,
        received_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );

    -- A finalised version never changes: its bundle, hash, ruleset and answers are frozen.
    CREATE TRIGGER versions_frozen BEFORE UPDATE OF bundle, bundle_sha256, ruleset_sha256,
        finalised_at, number, supersedes, amendment_reason, case_uuid ON versions
        WHEN OLD.bundle IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a finalised case version cannot change'); END;
    CREATE TRIGGER answers_only_on_drafts BEFORE INSERT ON answers
        WHEN (SELECT state FROM versions WHERE version_uuid = NEW.version_uuid) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'answers can only be given on a draft'); END;
    CREATE TRIGGER notes_only_on_drafts BEFORE INSERT ON notes
        WHEN (SELECT state FROM versions WHERE version_uuid = NEW.version_uuid) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'notes can only be written on a draft'); END;
    CREATE TRIGGER answers_append_only BEFORE UPDATE ON answers
        BEGIN SELECT RAISE(ABORT, 'answers are never rewritten: add a new row'); END;
    CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    -- Nothing is deleted except a version the council has a receipt for (retention purge).
    CREATE TRIGGER versions_kept BEFORE DELETE ON versions
        WHEN NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'only a version with a server receipt can be purged'); END;
    CREATE TRIGGER answers_kept BEFORE DELETE ON answers
        WHEN NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'answers are only removed by a purge after a receipt'); END;
    CREATE TRIGGER notes_kept BEFORE DELETE ON notes
        WHEN NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'notes are only removed by a purge after a receipt'); END;
    CREATE TRIGGER audit_kept BEFORE DELETE ON audit
        WHEN OLD.version_uuid IS NULL
          OR NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'the audit trail is only cut by a purge after a receipt'); END;
"""

# v2: full-text search over names and references (FTS5, inside the encrypted file).
_V2 = """
    CREATE VIRTUAL TABLE cases_fts USING fts5(
        person_name, council_ref, content='cases', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO cases_fts(rowid, person_name, council_ref)
        SELECT rowid, person_name, coalesce(council_ref, '') FROM cases;
    CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts(rowid, person_name, council_ref)
        VALUES (NEW.rowid, NEW.person_name, coalesce(NEW.council_ref, ''));
    END;
    CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, person_name, council_ref)
        VALUES ('delete', OLD.rowid, OLD.person_name, coalesce(OLD.council_ref, ''));
    END;
    CREATE TRIGGER cases_fts_update AFTER UPDATE OF person_name, council_ref ON cases BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, person_name, council_ref)
        VALUES ('delete', OLD.rowid, OLD.person_name, coalesce(OLD.council_ref, ''));
        INSERT INTO cases_fts(rowid, person_name, council_ref)
        VALUES (NEW.rowid, NEW.person_name, coalesce(NEW.council_ref, ''));
    END;
"""

# v3: guards v1 lacked (the rest of a finalised version's identity is frozen too), and
# whether the person agreed that their own words go on the letter. A finalised version could be set back to 'draft' by SQL, and
# would then take new answers and notes (the API checks the state too); and a note could be
# rewritten in place, although notes, like answers, are one row per change.
_V3 = """
    CREATE TRIGGER versions_never_back_to_draft BEFORE UPDATE OF state ON versions
        WHEN OLD.bundle IS NOT NULL AND NEW.state = 'draft'
        BEGIN SELECT RAISE(ABORT, 'a finalised case version cannot go back to draft'); END;
    CREATE TRIGGER notes_append_only BEFORE UPDATE ON notes
        BEGIN SELECT RAISE(ABORT, 'notes are never rewritten: add a new row'); END;
    ALTER TABLE cases ADD COLUMN notes_on_letter INTEGER NOT NULL DEFAULT 0;
    CREATE TRIGGER versions_frozen_identity BEFORE UPDATE OF version_uuid, assessor, device_id,
        started_at ON versions
        WHEN OLD.bundle IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a finalised case version cannot change'); END;
"""

# v4: deciding the budget. A draft version may carry a support plan (and, for a decision
# version, the decision) in ``plans`` until it is finalised into the bundle; the case list
# shows where the decision stands (``decision_status``). Kept like answers.
_V4_DECISIONS = """
    ALTER TABLE cases ADD COLUMN decision_status TEXT
        CHECK (decision_status IN ('planning', 'waiting', 'agreed', 'decided'));
    CREATE TABLE plans (
        version_uuid TEXT PRIMARY KEY REFERENCES versions(version_uuid),
        section TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TRIGGER plans_only_on_drafts BEFORE INSERT ON plans
        WHEN (SELECT state FROM versions WHERE version_uuid = NEW.version_uuid) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'a support plan can only change on a draft'); END;
    CREATE TRIGGER plans_change_only_on_drafts BEFORE UPDATE ON plans
        WHEN (SELECT state FROM versions WHERE version_uuid = OLD.version_uuid) IS NOT 'draft'
          OR NEW.version_uuid IS NOT OLD.version_uuid
        BEGIN SELECT RAISE(ABORT, 'a support plan can only change on a draft'); END;
    CREATE TRIGGER plans_kept BEFORE DELETE ON plans
        WHEN NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'plans are only removed by a purge after a receipt'); END;
"""

# v5: reviews. A case may review an earlier case of the same person (``review_of``); a
# draft's answers pre-filled from last time are marked until the assessor confirms each
# (``prefilled``: set once, confirmed once, never rewritten, kept like answers).
_V5_REVIEWS = """
    ALTER TABLE cases ADD COLUMN review_of TEXT REFERENCES cases(case_uuid);
    CREATE TABLE prefilled (
        version_uuid TEXT NOT NULL REFERENCES versions(version_uuid),
        question TEXT NOT NULL,
        source_version TEXT NOT NULL,
        at TEXT NOT NULL,
        confirmed_at TEXT,
        PRIMARY KEY (version_uuid, question)
    );
    CREATE TRIGGER prefilled_only_on_drafts BEFORE INSERT ON prefilled
        WHEN (SELECT state FROM versions WHERE version_uuid = NEW.version_uuid) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'answers can only be pre-filled on a draft'); END;
    CREATE TRIGGER prefilled_confirmed_once BEFORE UPDATE ON prefilled
        WHEN OLD.confirmed_at IS NOT NULL OR NEW.version_uuid IS NOT OLD.version_uuid
          OR NEW.question IS NOT OLD.question OR NEW.source_version IS NOT OLD.source_version
          OR NEW.at IS NOT OLD.at
        BEGIN SELECT RAISE(ABORT, 'a pre-filled answer is only ever confirmed, once'); END;
    CREATE TRIGGER prefilled_kept BEFORE DELETE ON prefilled
        WHEN NOT EXISTS (SELECT 1 FROM receipts WHERE version_uuid = OLD.version_uuid)
        BEGIN SELECT RAISE(ABORT, 'pre-filled marks are only removed by a purge after a receipt'); END;
"""

# v6: the case details a council's national return (CLD) needs: NHS number, Primary
# Support Reason, method of assessment, …, as checked JSON (rasdesk.cld.details).
_V6_CASE_DETAILS = """
    ALTER TABLE cases ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
"""

#: MIGRATIONS[n] moves a store from version n to n + 1 (SQL run in one transaction).
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4_DECISIONS, _V5_REVIEWS, _V6_CASE_DETAILS)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Bring the store to ``target``, one migration per transaction. Returns the version."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise StorageError(
            f"this case store was written by a newer rasdesk (schema {current}; this one knows "
            f"{SCHEMA_VERSION}). Update rasdesk; nothing was changed."
        )
    while current < target:
        # One script, one transaction: the schema change and its version number land
        # together or not at all (executescript would commit an open transaction first).
        script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[current]}\nPRAGMA user_version = {current + 1};\nCOMMIT;"
        try:
            db.conn.executescript(script)
        except BaseException as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            if isinstance(exc, DatabaseError):
                raise StorageError(
                    f"the case store could not be updated to schema {current + 1} ({exc}); "
                    "nothing was changed. Check there is free disk space, then try again."
                ) from exc
            raise
        current += 1
    return current
