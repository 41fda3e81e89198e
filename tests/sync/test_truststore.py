"""Sync trusts the operating system's certificate store when the policy names no CA bundle.

Council IT installs its own certificate authority in the machine's store (the Windows
certificate store; on Linux /usr/local/share/ca-certificates + update-ca-certificates). A
loopback HTTPS server with a certificate from a fresh test CA is trusted exactly while that
CA is in the system store; with the CA only in a ``ca_bundle`` it is trusted through the
setting, as before. Adding a CA to the system store needs root (CI runs as root).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import shutil
import ssl
import subprocess
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from rasdesk.platform import settings
from rasdesk.sync import device
from rasdesk.sync.client import Client

SYSTEM_CA_DIR = Path("/usr/local/share/ca-certificates")


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_ca_and_leaf(folder: Path) -> tuple[Path, Path, Path]:
    """A test CA (PEM), and a server certificate + key for 127.0.0.1 signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"rasdesk test council CA {uuid.uuid4()}")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)  # self-signed
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
    )
    ca_cert = ca.sign(ca_key, hashes.SHA256())
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.crt", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(_pem(ca_cert))
    cert_path.write_bytes(_pem(leaf))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_path, cert_path, key_path


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"status": "ok", "api": 1}).encode()
        self.send_response(200 if self.path == "/api/v1/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(https URL on 127.0.0.1, the CA that signed its certificate)."""
    ca, cert, key = make_ca_and_leaf(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", ca
    finally:
        server.shutdown()
        server.server_close()


def _update_system_store() -> None:
    subprocess.run(["update-ca-certificates"], check=True, capture_output=True)


@pytest.fixture
def system_ca() -> Iterator[Path]:
    """Where a CA file goes to be in the system store; removed (and the store rebuilt) after."""
    if os.geteuid() != 0 or shutil.which("update-ca-certificates") is None:
        pytest.skip("adding a CA to the system store needs root and update-ca-certificates")
    path = SYSTEM_CA_DIR / f"rasdesk-test-{uuid.uuid4().hex}.crt"
    try:
        yield path
    finally:
        if path.exists():
            path.unlink()
            _update_system_store()


def reachable(url: str) -> bool:
    with Client(url, None, verify=device.tls_verify(), timeout=5.0) as client:
        return client.health()


def test_no_ca_bundle_trusts_the_system_store(
    tls_server: tuple[str, Path], system_ca: Path
) -> None:
    url, ca = tls_server
    assert not settings.load()["ca_bundle"]
    assert not reachable(url)  # an authority nobody installed: refused
    SYSTEM_CA_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ca, system_ca)
    _update_system_store()
    assert reachable(url)  # installed by "IT" in the machine's store: trusted, no setting
    system_ca.unlink()
    _update_system_store()
    assert not reachable(url)  # and removed again: refused again


def test_ca_only_in_a_ca_bundle_is_trusted_through_the_setting(
    tls_server: tuple[str, Path], tmp_path: Path
) -> None:
    url, ca = tls_server
    assert not reachable(url)
    settings.set_user("ca_bundle", str(ca))
    assert reachable(url)
