"""The client remembers since when the council cannot be reached (the app says "Cannot
reach the council since 14:05"), and says why an enrolment failed as a typed reason the
app turns into words: a refused code, a server that is down, an untrusted certificate."""

from __future__ import annotations

import ssl
import time
from pathlib import Path

import pytest
from tests.cli.helpers import run
from tests.support_postgres import free_port
from tests.support_server import ServerProcess, enrol_code
from tests.sync.conftest import FAST, enrol_with
from tests.sync.helpers import finalised_cases
from tests.sync.proxy import FaultProxy
from tests.sync.test_truststore import make_ca_and_leaf

from rasdesk.domain.errors import EnrolmentError
from rasdesk.storage.store import CaseStore
from rasdesk.sync import enrol, run_sync, sync_status
from rasdesk.sync.state import load_state


def test_offline_since_is_the_first_failed_run_and_clears_when_it_gets_through(
    server: ServerProcess, store: CaseStore, capsys: pytest.CaptureFixture[str]
) -> None:
    enrol_with(server)
    finalised_cases(store, 1)
    assert sync_status(store).offline_since is None
    server.stop()
    first = run_sync(store, options=FAST)
    assert first.outcome == "offline"
    since = sync_status(store).offline_since
    assert since == first.started_at
    second = run_sync(store, options=FAST)
    assert second.outcome == "offline" and second.started_at > since
    assert sync_status(store).offline_since == since  # since the first, not the latest
    assert load_state().offline_since == since
    code, out, _err = run(capsys, "sync", "--status")
    assert code == 0 and f"Cannot reach the server since {since}" in out
    server.start()
    assert run_sync(store, options=FAST).outcome == "ok"
    status = sync_status(store)
    assert status.offline_since is None and status.waiting == 0


@pytest.mark.parametrize("case", ["refused", "expired", "unreachable", "tls"])
def test_enrolment_failures_carry_their_reason(
    server: ServerProcess, tmp_path: Path, case: str
) -> None:
    url, code = server.url, enrol_code(server.database, "Sam Patel")
    expected = case
    if case == "refused":
        code = "NOT-A-REAL-CODE"
    elif case == "expired":
        code = enrol_code(server.database, "Sam Patel", expires_hours=0.0003)  # ~1 second
        time.sleep(1.5)
        expected = "refused"  # the server does not say which: unknown, used or expired
    elif case == "unreachable":
        url = f"http://127.0.0.1:{free_port()}"
    if case == "tls":
        _ca, cert, key = make_ca_and_leaf(tmp_path)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        with FaultProxy(server.url, tls=context) as front, pytest.raises(EnrolmentError) as got:
            enrol(front.url, code, "laptop")
    else:
        with pytest.raises(EnrolmentError) as got:
            enrol(url, code, "laptop")
    assert got.value.reason == expected
