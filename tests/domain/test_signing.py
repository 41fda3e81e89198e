"""DSSE + Ed25519 exactly as spec §1.2: PAE, key ids, openssl interoperability, every
refusal, and that no byte flip of a signed file ever verifies as a different document."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from rasdesk.domain.errors import RulesetError, TrustError
from rasdesk.domain.model import PAYLOAD_TYPE
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.signing import (
    keyid_of,
    load_private_key,
    load_public_key,
    pae,
    private_pem,
    public_pem,
    read_envelope,
    sign_envelope,
    verify_envelope,
)
from tests.domain.builders import minimal_doc, to_bytes

KEY = Ed25519PrivateKey.generate()
TRUSTED = {keyid_of(KEY.public_key()): KEY.public_key()}
PAYLOAD = to_bytes(minimal_doc())
SIGNED = sign_envelope(PAYLOAD, KEY)


def verify(data: bytes, trusted: dict = TRUSTED) -> bytes:  # type: ignore[type-arg]
    return verify_envelope(read_envelope(data, "test.signed.json"), trusted, "test.signed.json")


def test_pae_matches_the_dsse_test_vector() -> None:
    # The example in the DSSE protocol document.
    assert (
        pae("http://example.com/HelloWorld", b"hello world")
        == b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )


def test_pae_counts_bytes_not_characters() -> None:
    assert pae("t", "ŵ".encode()) == b"DSSEv1 1 t 2 " + "ŵ".encode()


def test_keyid_is_sha256_of_raw_public_key() -> None:
    raw = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert keyid_of(KEY.public_key()) == hashlib.sha256(raw).hexdigest()


def test_envelope_shape_and_round_trip() -> None:
    env = json.loads(SIGNED)
    assert set(env) == {"payloadType", "payload", "signatures"}
    assert env["payloadType"] == PAYLOAD_TYPE
    assert base64.b64decode(env["payload"]) == PAYLOAD
    assert env["signatures"][0]["keyid"] == keyid_of(KEY.public_key())
    assert verify(SIGNED) == PAYLOAD


def test_pem_round_trip() -> None:
    again = load_private_key(private_pem(KEY))
    assert keyid_of(again.public_key()) == keyid_of(load_public_key(public_pem(KEY.public_key())))
    assert private_pem(KEY).startswith(b"-----BEGIN PRIVATE KEY-----")
    assert public_pem(KEY.public_key()).startswith(b"-----BEGIN PUBLIC KEY-----")


openssl = pytest.mark.skipif(
    shutil.which("openssl") is None, reason="openssl is installed by scripts/setup.sh"
)


@openssl
def test_openssl_signed_ruleset_verifies_in_rasdesk(tmp_path: Path) -> None:
    """Key from `openssl genpkey`, signature from `openssl pkeyutl -sign -rawin` over PAE."""
    key, pub = tmp_path / "k.pem", tmp_path / "p.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", key], check=True)
    subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", pub], check=True)
    (tmp_path / "pae.bin").write_bytes(pae(PAYLOAD_TYPE, PAYLOAD))
    subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-sign",
            "-rawin",
            "-inkey",
            key,
            "-in",
            tmp_path / "pae.bin",
            "-out",
            tmp_path / "sig.bin",
        ],
        check=True,
    )
    public = load_public_key(pub.read_bytes())
    envelope = {
        "payloadType": PAYLOAD_TYPE,
        "payload": base64.b64encode(PAYLOAD).decode(),
        "signatures": [
            {
                "keyid": keyid_of(public),
                "sig": base64.b64encode((tmp_path / "sig.bin").read_bytes()).decode(),
            }
        ],
    }
    data = json.dumps(envelope).encode()
    assert verify(data, {keyid_of(public): public}) == PAYLOAD
    # And the key openssl wrote loads as a rasdesk signing key.
    assert keyid_of(load_private_key(key.read_bytes()).public_key()) == keyid_of(public)


@openssl
def test_rasdesk_signature_verifies_in_openssl(tmp_path: Path) -> None:
    (tmp_path / "p.pem").write_bytes(public_pem(KEY.public_key()))
    (tmp_path / "pae.bin").write_bytes(pae(PAYLOAD_TYPE, PAYLOAD))
    sig = json.loads(SIGNED)["signatures"][0]["sig"]
    (tmp_path / "sig.bin").write_bytes(base64.b64decode(sig))
    done = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-rawin",
            "-pubin",
            "-inkey",
            tmp_path / "p.pem",
            "-in",
            tmp_path / "pae.bin",
            "-sigfile",
            tmp_path / "sig.bin",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Success" in done.stdout


# Refusals -------------------------------------------------------------------------------
def envelope_with(**changes: object) -> bytes:
    env = json.loads(SIGNED)
    env.update(changes)
    return json.dumps(env).encode()


def test_unsigned_document_refused_as_trust_failure() -> None:
    with pytest.raises(TrustError, match="not signed"):
        verify(PAYLOAD)


def test_untrusted_key_refused() -> None:
    other = Ed25519PrivateKey.generate()
    with pytest.raises(TrustError, match="does not trust"):
        verify(sign_envelope(PAYLOAD, other))


def test_changed_payload_refused() -> None:
    changed = PAYLOAD.replace(b'"4.20"', b'"9.20"')
    with pytest.raises(TrustError, match="does not match"):
        verify(envelope_with(payload=base64.b64encode(changed).decode()))


def test_signature_for_another_payload_type_refused() -> None:
    # Issue 14 item 15: a tampered payloadType is a trust failure (exit code 3).
    with pytest.raises(TrustError, match="payloadType"):
        verify(envelope_with(payloadType="application/json"))


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"{not json", RulesetError, "not valid JSON"),
        (b"[]", RulesetError, "not a DSSE envelope"),
        (envelope_with(extra=1), RulesetError, "not a DSSE envelope"),
        (envelope_with(payload="***"), RulesetError, "base64"),
        (envelope_with(signatures=[]), TrustError, "no signatures"),
        (envelope_with(signatures=[{"keyid": "x"}]), RulesetError, "keyid"),
        (envelope_with(signatures=[{"keyid": "x", "sig": "%%"}]), RulesetError, "base64"),
    ],
)
def test_bad_envelopes(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        verify(data)


def test_one_valid_signature_among_several_is_enough() -> None:
    other = Ed25519PrivateKey.generate()
    env = json.loads(SIGNED)
    env["signatures"].insert(
        0, {"keyid": keyid_of(other.public_key()), "sig": base64.b64encode(b"x" * 64).decode()}
    )
    assert verify(json.dumps(env).encode()) == PAYLOAD


def test_trusted_signature_over_an_invalid_document_is_still_refused() -> None:
    doc = minimal_doc()
    doc["questionnaires"][0]["allocation"]["rate"] = "4,20"
    payload = verify(sign_envelope(to_bytes(doc), KEY))  # signature fine...
    with pytest.raises(RulesetError) as caught:  # ...but nothing is computed from it
        parse_ruleset(payload)
    assert [p.path for p in caught.value.problems] == ["$.questionnaires[0].allocation.rate"]


@settings(max_examples=1500, deadline=None)
@given(position=st.integers(min_value=0, max_value=len(SIGNED) - 1), mask=st.integers(1, 255))
def test_no_byte_flip_verifies_as_a_different_document(position: int, mask: int) -> None:
    flipped = bytearray(SIGNED)
    flipped[position] ^= mask
    try:
        payload = verify(bytes(flipped))
    except (RulesetError, TrustError) as exc:
        assert str(exc)  # refused, with a message
        return
    assert payload == PAYLOAD  # e.g. white space outside the strings changed: same document
