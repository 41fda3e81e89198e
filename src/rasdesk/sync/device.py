"""This laptop's enrolment with the council's server: who it is and where it sends.

The bearer token lives only in the OS password store (``platform.secrets``), never in a
file. What is not secret — the server address, the device id and name the server gave,
when it was enrolled, and whether the server has since revoked it — is kept in
``data/sync/device.json`` in the profile. The server address is checked here: https, or
plain http only to this computer (127.0.0.1, ::1, localhost).
"""

from __future__ import annotations

import json
import ssl
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from rasdesk.domain.errors import InputError, SecretStoreUnavailable, SyncError
from rasdesk.platform import paths, secrets, settings
from rasdesk.platform.files import MAX_SMALL_BYTES, read_json, write_atomic

TOKEN_SECRET = "sync-token"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class Device:
    server_url: str
    device_id: str
    device_name: str
    enrolled_at: str
    revoked_at: str | None = None
    revoked_reason: str | None = None


def sync_dir() -> Path:
    return paths.data_dir() / "sync"


def device_file() -> Path:
    return sync_dir() / "device.json"


def normalise_url(url: str) -> str:
    """The server's base address (no trailing slash, no ``/api/v1``), checked for safety."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number to 65535)
        hostname = parts.hostname
    except ValueError as exc:  # "http://[::1" (Invalid IPv6 URL), "https://host:99999"
        raise InputError(
            f"{url!r} is not a server address ({exc}): give it whole, such as "
            "https://rasdesk.council.example"
        ) from None
    if parts.scheme not in ("https", "http") or not hostname:
        raise InputError(
            f"{url!r} is not a server address: give it whole, such as https://rasdesk.council.example"
        )
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise InputError(
            f"{url} uses plain http, which would send people's cases unencrypted: use https:// "
            "(plain http is allowed only to this computer, 127.0.0.1 or localhost)"
        )
    if parts.query or parts.fragment:
        raise InputError(f"{url}: a server address has no ?query or #fragment")
    path = parts.path.rstrip("/")
    if path.endswith("/api/v1"):
        path = path[: -len("/api/v1")]
    return f"{parts.scheme}://{parts.netloc}{path}"


def tls_verify() -> ssl.SSLContext:
    """What httpx should trust: the council's CA bundle (setting ``ca_bundle``, usually from
    the administrator's policy) or, when none is set, the operating system's certificate
    store (``truststore``): the Windows certificate store, the macOS Keychain, or the Linux
    system bundle. Council IT installs its own authority there, so a council server signed by
    it is trusted without any rasdesk setting, as a browser on the same laptop trusts it."""
    bundle = settings.load()["ca_bundle"]
    if not bundle:
        import truststore  # imported here: only a sync run needs it, never the app's start

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    path = Path(bundle).expanduser()
    if not path.is_file():
        raise InputError(
            f"the ca_bundle setting names {path}, which is not a file: fix the setting "
            f"({settings.user_file()}) or ask your IT team, who may set it in {settings.policy_file()}"
        )
    try:
        return ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError, ValueError) as exc:
        raise InputError(
            f"the ca_bundle {path} is not a PEM file of certificates ({exc}); ask your IT team"
        ) from None


def load() -> Device | None:
    """This laptop's enrolment, or None if it was never enrolled."""
    path = device_file()
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = read_json(path, "device file", MAX_SMALL_BYTES)
        return Device(**data)
    except (InputError, TypeError) as exc:
        raise SyncError(
            f"{path} is damaged ({exc}); enrol this laptop again: rasdesk enrol --server URL --code CODE"
        ) from None


def require() -> Device:
    device = load()
    if device is None:
        raise SyncError(
            "this laptop is not enrolled with your council's server yet. Ask your administrator "
            "for an enrolment code, then run: rasdesk enrol --server URL --code CODE"
        )
    managed = settings.load()
    if "server_url" in managed.managed and managed["server_url"]:
        wanted = normalise_url(managed["server_url"])
        if wanted != device.server_url:
            raise SyncError(
                f"this laptop is enrolled with {device.server_url}, but your administrator's policy "
                f"names {wanted}: enrol again with a code for {wanted}"
            )
    return device


def save(device: Device) -> None:
    write_atomic(
        device_file(), (json.dumps(asdict(device), indent=2, ensure_ascii=False) + "\n").encode()
    )


def mark_revoked(device: Device, at: str, reason: str) -> Device:
    revoked = replace(device, revoked_at=at, revoked_reason=reason)
    save(revoked)
    return revoked


def token() -> str:
    value = secrets.get_secret(TOKEN_SECRET)
    if not value:
        raise SyncError(
            "this laptop's sync token is missing from the password store; enrol again: "
            "rasdesk enrol --server URL --code CODE"
        )
    return value


def store_token(value: str) -> None:
    secrets.set_secret(TOKEN_SECRET, value)


def check_password_store() -> None:
    """Refuse before an enrolment code is spent when the token would have nowhere to go."""
    problem = secrets.backend_problem()
    if problem:
        raise SecretStoreUnavailable(
            f"{problem}. rasdesk keeps this laptop's sync token only in your computer's password "
            "store, and will not enrol without one. On Linux, install and unlock GNOME Keyring or "
            "KWallet; on Windows and macOS the system store is used. Your IT team can help."
        )


def enrolled_device_id() -> str | None:
    """The device id new cases record (``assessor.device_id`` in the bundle), or None when
    this laptop is not enrolled or its enrolment file cannot be read (a case can always be
    started; ``rasdesk sync`` reports the damaged file)."""
    try:
        device = load()
    except SyncError:
        return None
    return device.device_id if device is not None else None
