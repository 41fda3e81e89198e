"""Enrolment: the token goes into the password store and nowhere else; refused codes and
unsafe addresses are refused in plain words; with no password store rasdesk refuses
before the one-time code is spent; the council's own CA works through ``ca_bundle``."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from tests.memory_keyring import MemoryKeyring
from tests.support_server import ServerProcess, enrol_code
from tests.sync.conftest import FAST
from tests.sync.helpers import finalised_cases
from tests.sync.proxy import FaultProxy

from rasdesk.domain.errors import InputError, SecretStoreUnavailable, SyncError
from rasdesk.platform import paths, settings
from rasdesk.storage.store import CaseStore
from rasdesk.sync import enrol, run_sync, server_reachable, sync_status
from rasdesk.sync.device import TOKEN_SECRET, device_file, normalise_url


def test_enrol_keeps_the_token_only_in_the_password_store(
    server: ServerProcess, store: CaseStore, rasdesk_home: Path, memory_keyring: MemoryKeyring
) -> None:
    device = enrol(
        server.url + "/api/v1/", enrol_code(server.database, "Sam Patel"), "Sam's laptop"
    )
    assert device.server_url == server.url and device.device_name == "Sam's laptop"
    saved = json.loads(device_file().read_text("utf-8"))
    assert saved["device_id"] == device.device_id and saved["server_url"] == server.url
    (token,) = [v for (service, user), v in memory_keyring.entries.items() if TOKEN_SECRET in user]
    assert len(token) >= 20
    finalised_cases(store, 1)
    assert run_sync(store).outcome == "ok"
    for path in rasdesk_home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    status = sync_status(store)
    assert status.enrolled and status.device_id == device.device_id


def test_a_refused_code_is_said_plainly(server: ServerProcess) -> None:
    with pytest.raises(SyncError, match="refused the enrolment code"):
        enrol(server.url, "NOT-A-REAL-CODE", "laptop")
    code = enrol_code(server.database, "Sam Patel")
    enrol(server.url, code, "laptop")
    with pytest.raises(SyncError, match="used already"):  # single use
        enrol(server.url, code, "another laptop")


def test_no_password_store_refuses_before_spending_the_code(
    server: ServerProcess, no_keyring: None
) -> None:
    code = enrol_code(server.database, "Sam Patel")
    with pytest.raises(SecretStoreUnavailable, match="will not enrol without one"):
        enrol(server.url, code, "laptop")
    assert not device_file().exists()
    keyring.set_keyring(MemoryKeyring())  # the password store is unlocked after all
    assert enrol(server.url, code, "laptop").device_id  # the code was not spent


def test_addresses() -> None:
    assert normalise_url("https://ras.council.example/") == "https://ras.council.example"
    assert normalise_url("http://localhost:8080/api/v1") == "http://localhost:8080"
    for bad, why in [
        ("http://192.0.2.10:8080", "plain http"),
        ("http://ras.council.example", "plain http"),
        ("ftp://ras.council.example", "not a server address"),
        ("ras.council.example", "not a server address"),
    ]:
        with pytest.raises(InputError, match=why):
            normalise_url(bad)


def test_not_enrolled_is_said_plainly(store: CaseStore) -> None:
    with pytest.raises(SyncError, match="not enrolled"):
        run_sync(store)
    assert not server_reachable()
    assert not sync_status(store).enrolled


def test_server_reachable(server: ServerProcess) -> None:
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "laptop")
    assert server_reachable()
    server.stop()
    assert not server_reachable(timeout=0.5)


def test_policy_names_the_server(server: ServerProcess, rasdesk_home: Path) -> None:
    policy = paths.site_config_dir() / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"server_url": server.url}))
    with pytest.raises(InputError, match="your administrator set the server"):
        enrol("https://elsewhere.example", "CODE", "laptop")
    device = enrol(None, enrol_code(server.database, "Sam Patel"), "laptop")
    assert device.server_url == server.url


# --- the council's own certificate authority -------------------------------------------
def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate it signed for 127.0.0.1 and localhost: (ca, cert, key)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Council CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    paths_ = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths_[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths_[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths_[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths_


def test_https_with_the_councils_ca_bundle(
    server: ServerProcess, store: CaseStore, tmp_path: Path
) -> None:
    ca, cert, key = _certificates(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(server.url, tls=context) as front:
        assert front.url.startswith("https://")
        code = enrol_code(server.database, "Sam Patel")
        with pytest.raises(SyncError, match="certificate is not trusted"):
            enrol(front.url, code, "laptop")  # the council's CA is not known yet

        settings.set_user("ca_bundle", str(tmp_path / "missing.pem"))
        with pytest.raises(InputError, match=r"missing\.pem, which is not a file"):
            enrol(front.url, code, "laptop")

        settings.set_user("ca_bundle", str(ca))
        enrol(front.url, code, "laptop")
        assert server_reachable()
        finalised_cases(store, 2)
        report = run_sync(store, options=FAST)
        assert report.outcome == "ok" and len(report.sent) == 2
