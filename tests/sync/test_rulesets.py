"""Rulesets the council publishes: one signed by a key this laptop does not trust is
refused and reported, never kept or used; a trusted one is kept and becomes current."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.support_server import DEMO_RULESET, ServerProcess, publish_ruleset
from tests.sync.conftest import FAST, enrol_with
from tests.sync.helpers import finalised_cases

from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.signing import public_pem, sign_envelope
from rasdesk.platform import rulesets, trust
from rasdesk.storage.store import CaseStore
from rasdesk.sync import run_sync


def council_ruleset(
    folder: Path, version: str, starts: dt.date | None = None
) -> tuple[Path, Path, str]:
    """The demo ruleset as a new version (in force from today, unless ``starts``), signed
    with a new key. Returns (signed file, public key file, payload sha256)."""
    envelope = json.loads(DEMO_RULESET.read_text("utf-8"))
    doc = json.loads(base64.b64decode(envelope["payload"]))
    doc["version"] = version
    doc["effective_from"] = (starts or dt.date.today()).isoformat()
    payload = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()
    key = Ed25519PrivateKey.generate()
    signed, public = folder / f"r-{version}.signed.json", folder / f"k-{version}.pem"
    signed.write_bytes(sign_envelope(payload, key))
    public.write_bytes(public_pem(key.public_key()))
    return signed, public, parse_ruleset(payload, "test").sha256


def test_untrusted_refused_then_trusted_installed(
    server: ServerProcess, store: CaseStore, tmp_path: Path
) -> None:
    signed, public, sha = council_ruleset(tmp_path, "2026.2")
    publish_ruleset(server.database, signed, public)
    finalised_cases(store, 2)
    enrol_with(server)

    report = run_sync(store, options=FAST)
    assert [r.version for r in report.rulesets_refused] == ["2026.2"]
    refused = report.rulesets_refused[0]
    assert refused.sha256 == sha and "does not trust" in (refused.reason or "")
    assert not report.rulesets_installed
    assert not rulesets.installed_path(sha).exists()  # never kept
    assert rulesets.current_sha256() != sha  # never used
    assert report.exit_code == 3  # a trust failure, said plainly
    assert len(report.sent) == 2  # the cases still went

    trust.add_key(public)  # the council's RAS team gave IT the new key
    report = run_sync(store, options=FAST)
    assert not report.rulesets_refused and report.exit_code == 0
    (installed,) = report.rulesets_installed
    assert (installed.version, installed.sha256, installed.made_current) == ("2026.2", sha, True)
    assert rulesets.current_sha256() == sha
    assert rulesets.installed_path(sha).exists()
    kept = rulesets.load_signed(rulesets.installed_path(sha))
    assert kept.ruleset.version == "2026.2"

    # Already installed: nothing to do the next time.
    again = run_sync(store, options=FAST)
    assert not again.rulesets_installed and not again.rulesets_refused


def test_a_ruleset_not_yet_in_force_is_kept_not_made_current(
    server: ServerProcess, store: CaseStore, tmp_path: Path
) -> None:
    later = dt.date.today() + dt.timedelta(days=30)
    signed, public, sha = council_ruleset(tmp_path, "2027.1", starts=later)
    publish_ruleset(server.database, signed, public)
    trust.add_key(public)
    enrol_with(server)
    before = rulesets.current_sha256()
    report = run_sync(store, options=FAST)
    assert [(r.sha256, r.made_current) for r in report.rulesets_installed] == [(sha, False)]
    assert rulesets.installed_path(sha).exists()
    assert rulesets.current_sha256() == before
