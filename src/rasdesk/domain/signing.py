"""DSSE envelopes signed with Ed25519 (spec §1.2).

The signature covers DSSE's pre-authentication encoding (PAE) of the payload type and the
exact payload bytes; the ``keyid`` is the lowercase hex SHA-256 of the raw 32-byte public
key. Keys are PEM: PKCS#8 private keys and SubjectPublicKeyInfo public keys, exactly what
``openssl genpkey -algorithm ed25519`` and ``openssl pkey -pubout`` write.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from rasdesk.domain.errors import InputError, RulesetError, TrustError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import PAYLOAD_TYPE


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSEv1 pre-authentication encoding."""
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def keyid_of(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def load_private_key(pem: bytes, source: str = "the key") -> Ed25519PrivateKey:
    if b"PUBLIC KEY-----" in pem:
        raise InputError(
            f"{source} is a public key; signing needs the private key (K.pem from rasdesk keygen)"
        )
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except TypeError:
        raise InputError(
            f"{source} is protected by a password; rasdesk needs an unencrypted PKCS#8 key"
        ) from None
    except ValueError:
        raise InputError(
            f"{source} is not a PEM private key (make one with: rasdesk keygen)"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError(f"{source} is not an Ed25519 key (make one with: rasdesk keygen)")
    return key


def load_public_key(pem: bytes, source: str = "the key") -> Ed25519PublicKey:
    if b"PRIVATE KEY-----" in pem:
        raise InputError(
            f"{source} is a private key: never share it. Give the public key instead "
            "(P.pem from rasdesk keygen, or: openssl pkey -in K.pem -pubout)"
        )
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        raise InputError(
            f"{source} is not a PEM public key (it should start with -----BEGIN PUBLIC KEY-----)"
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError(f"{source} is not an Ed25519 public key")
    return key


def private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign_envelope(
    payload: bytes, key: Ed25519PrivateKey, payload_type: str = PAYLOAD_TYPE
) -> bytes:
    """A DSSE envelope (pretty JSON, UTF-8, trailing newline) over ``payload``."""
    signature = key.sign(pae(payload_type, payload))
    envelope = {
        "payloadType": payload_type,
        "payload": base64.b64encode(payload).decode("ascii"),
        "signatures": [
            {
                "keyid": keyid_of(key.public_key()),
                "sig": base64.b64encode(signature).decode("ascii"),
            }
        ],
    }
    return (json.dumps(envelope, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Envelope:
    payload_type: str
    payload: bytes
    signatures: tuple[tuple[str, bytes], ...]  # (keyid, raw signature)


def _b64(value: Any, what: str, source: str) -> bytes:
    if not isinstance(value, str):
        raise RulesetError(f'{source}: the envelope\'s "{what}" is not a base64 string')
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise RulesetError(f'{source}: the envelope\'s "{what}" is not valid base64') from None


def is_envelope(doc: Any) -> bool:
    return isinstance(doc, dict) and "payloadType" in doc and "payload" in doc


def read_envelope(data: bytes, source: str = "the signed ruleset") -> Envelope:
    """Parse a DSSE envelope strictly. Raises ``RulesetError`` (bad file) or ``TrustError``
    (unsigned: a plain ruleset document where a signed one is needed)."""
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise RulesetError(f"{source} is not valid JSON: {exc}") from None
    if isinstance(doc, dict) and "format" in doc and "payload" not in doc:
        raise TrustError(
            f"{source} is not signed: it is a bare ruleset document. Ask your council's RAS team "
            "for the signed file (*.ruleset.signed.json), or sign it with: rasdesk ruleset sign"
        )
    if not isinstance(doc, dict) or set(doc) != {"payloadType", "payload", "signatures"}:
        raise RulesetError(
            f'{source} is not a DSSE envelope: it needs exactly "payloadType", "payload" and "signatures"'
        )
    if doc["payloadType"] != PAYLOAD_TYPE:
        # The payloadType is signed with the payload (PAE): a different one is a tampered or
        # foreign envelope, a trust failure (exit code 3), not a mistake in a file.
        raise TrustError(
            f'{source} has the payloadType {str(doc["payloadType"])[:80]!r}, not "{PAYLOAD_TYPE}": '
            "it was changed or is not a rasdesk ruleset; do not use it, ask the council's RAS team"
        )
    payload = _b64(doc["payload"], "payload", source)
    sigs = doc["signatures"]
    if not isinstance(sigs, list) or not sigs:
        raise TrustError(f"{source} has no signatures")
    parsed: list[tuple[str, bytes]] = []
    for i, sig in enumerate(sigs):
        if not isinstance(sig, dict) or not isinstance(sig.get("keyid"), str) or "sig" not in sig:
            raise RulesetError(f'{source}: signature {i + 1} needs a "keyid" and a "sig"')
        parsed.append((sig["keyid"], _b64(sig["sig"], f"signatures[{i}].sig", source)))
    return Envelope(doc["payloadType"], payload, tuple(parsed))


def verify_envelope(
    envelope: Envelope, trusted: Mapping[str, Ed25519PublicKey], source: str = "the signed ruleset"
) -> bytes:
    """The payload bytes if at least one signature is valid under a trusted key."""
    message = pae(envelope.payload_type, envelope.payload)
    known = [(kid, sig) for kid, sig in envelope.signatures if kid in trusted]
    if not known:
        kids = ", ".join(kid[:16] for kid, _ in envelope.signatures)
        raise TrustError(
            f"{source} is signed by a key this computer does not trust (key id {kids}…). "
            "If your council's RAS team gave you their public key, add it with: rasdesk trust add KEY.pem"
        )
    for kid, sig in known:
        try:
            trusted[kid].verify(sig, message)
            return envelope.payload
        except InvalidSignature:
            continue
    raise TrustError(
        f"{source} has a signature that does not match its content: the file was changed after it "
        "was signed, or is damaged. Do not use it; ask for a fresh copy."
    )
