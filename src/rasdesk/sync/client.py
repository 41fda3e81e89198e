"""The HTTP side of sync protocol v1 (httpx): one method per endpoint, and a strict
reading of every answer.

Success is only what the spec calls success: a 2xx whose JSON body says so (a receipt
for *this* version). A proxy's 200 page or a captive portal is not success. Each upload
answer is sorted into one ``Answer.kind``:

- ``receipt``: the council holds the version;
- ``quarantine``: 409, 422, 413 — sending the same bytes again cannot help;
- ``retry``: network errors, timeouts, 429 (with Retry-After), 5xx, anything unexpected;
- ``revoked``: 401/403 with the server's JSON error — the device token is refused;
- ``offline``: the server cannot be reached at all (connection refused, DNS, TLS).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ssl
from dataclasses import dataclass
from typing import Any

import httpx

from rasdesk import __version__
from rasdesk.domain.bundle import MEDIA_TYPE
from rasdesk.domain.errors import EnrolmentError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import FORMAT

API = "/api/v1"
QUARANTINE = {409: "conflict", 422: "invalid", 413: "too large"}


@dataclass(frozen=True, slots=True)
class Answer:
    kind: str  # receipt | quarantine | retry | revoked | offline
    reason: str
    receipt: str | None = None
    received_at: str | None = None
    retry_after: float | None = None
    tls: bool = False  # offline because the server's certificate is not trusted


class Revoked(Exception):
    """The server refused the device's token (401/403 with its JSON error)."""


class Unreachable(Exception):
    """The server could not be reached (connection refused, DNS, TLS, no answer);
    ``tls`` when it was its certificate that is not trusted."""

    def __init__(self, reason: str, tls: bool = False) -> None:
        super().__init__(reason)
        self.tls = tls


class BadAnswer(Exception):
    """The server (or something in the way) answered, but not as the protocol says."""


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _json(response: httpx.Response) -> Any:
    if "json" not in response.headers.get("content-type", ""):
        return None
    try:
        return loads_strict(response.content)  # bounded: a hostile answer cannot crash us
    except StrictJSONError:
        return None


def describe(response: httpx.Response) -> str:
    """The server's own words for an error (its JSON error), or what came back instead."""
    body = _json(response)
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        text = str(body.get("message") or body["error"])
        reasons = body.get("reasons")
        if isinstance(reasons, list) and reasons:
            text += ": " + "; ".join(str(r) for r in reasons)
        return f"{text} ({response.status_code} {body['error']})"
    kind = response.headers.get("content-type", "no content type").split(";")[0]
    return f"the answer was {response.status_code} with {kind}, not the rasdesk server's JSON (a proxy or a captive portal?)"


def _transport_problem(exc: httpx.TransportError, timeout: float) -> Answer:
    if isinstance(exc, httpx.ConnectTimeout):
        return Answer("offline", f"the server did not accept a connection within {timeout:g} s")
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "CERTIFICATE" in text.upper() or isinstance(exc.__cause__, ssl.SSLError):
            return Answer(
                "offline",
                f"the server's certificate is not trusted ({text}); if your council uses its own "
                "certificate authority, your IT team sets it as ca_bundle",
                tls=True,
            )
        return Answer("offline", f"cannot connect to the server ({text or type(exc).__name__})")
    if isinstance(exc, httpx.TimeoutException):
        return Answer("retry", f"no answer from the server within {timeout:g} s")
    return Answer(
        "retry", f"the connection broke before the server answered ({type(exc).__name__})"
    )


def _is_revocation(response: httpx.Response) -> bool:
    body = _json(response)
    return (
        response.status_code in (401, 403)
        and isinstance(body, dict)
        and isinstance(body.get("error"), str)
    )


class Client:
    """One connection pool to the server; safe to share between threads."""

    def __init__(
        self,
        server_url: str,
        token: str | None,
        *,
        verify: ssl.SSLContext | bool = True,
        timeout: float = 30.0,
        connections: int = 8,
    ) -> None:
        headers = {"User-Agent": f"rasdesk/{__version__}", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.timeout = timeout
        #: the ruleset formats the server reads, once ``rulesets()`` has asked (None: not
        #: known); a server from before format 2 does not say, and reads format 1 only
        self.server_formats: tuple[str, ...] | None = None
        self.http = httpx.Client(
            base_url=server_url + API,
            headers=headers,
            verify=verify,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            follow_redirects=False,  # a redirect would carry the token elsewhere
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        """A response; ``Unreachable`` when no connection could be made, ``BadAnswer``
        when one broke or timed out (the server may be there, but did not answer)."""
        try:
            return self.http.request(method, path, **kw)
        except httpx.TransportError as exc:
            problem = _transport_problem(exc, self.timeout)
            if problem.kind == "offline":
                raise Unreachable(problem.reason, problem.tls) from None
            raise BadAnswer(problem.reason) from None

    def health(self) -> bool:
        try:
            response = self._request("GET", "/health")
        except (Unreachable, BadAnswer):
            return False
        body = _json(response)
        return response.status_code == 200 and body == {"status": "ok", "api": 1}

    def enrol(self, code: str, device_name: str) -> tuple[str, str]:
        """(device_id, token) for a one-time code; ``EnrolmentError`` in plain words if refused."""
        try:
            response = self._request(
                "POST", "/enrol", json={"code": code, "device_name": device_name}
            )
        except Unreachable as exc:
            raise EnrolmentError(
                f"cannot enrol with {self.http.base_url}: {exc}",
                "tls" if exc.tls else "unreachable",
            ) from None
        except BadAnswer as exc:
            raise EnrolmentError(
                f"cannot enrol with {self.http.base_url}: {exc}", "answer"
            ) from None
        body = _json(response)
        if response.status_code == 201 and isinstance(body, dict):
            device_id, token = body.get("device_id"), body.get("token")
            if isinstance(device_id, str) and device_id and isinstance(token, str) and token:
                return device_id, token
        if response.status_code == 403 and isinstance(body, dict):
            raise EnrolmentError(
                "the server refused the enrolment code: it may be mistyped, used already, or "
                f"expired ({describe(response)}). Ask your administrator for a new code.",
                "refused",
            )
        raise EnrolmentError(f"enrolment did not work: {describe(response)}", "answer")

    def put_version(self, case_uuid: str, version_uuid: str, data: bytes) -> Answer:
        try:
            response = self.http.put(
                f"/cases/{case_uuid}/versions/{version_uuid}",
                content=data,
                headers={"Content-Type": MEDIA_TYPE},
            )
        except httpx.TransportError as exc:
            return _transport_problem(exc, self.timeout)
        except httpx.HTTPError as exc:  # e.g. a garbled answer: not success, try again later
            return Answer("retry", f"the server's answer could not be read ({exc})")
        status = response.status_code
        if 200 <= status < 300:
            body = _json(response)
            if (
                isinstance(body, dict)
                and isinstance(body.get("receipt"), str)
                and body["receipt"]
                and body.get("version_uuid") == version_uuid
                and isinstance(body.get("received_at"), str)
            ):
                return Answer("receipt", "", body["receipt"], body["received_at"])
            return Answer("retry", f"no receipt in the answer: {describe(response)}")
        if status in QUARANTINE:
            return Answer(
                "quarantine", f"the server refused it as {QUARANTINE[status]}: {describe(response)}"
            )
        if _is_revocation(response):
            return Answer("revoked", describe(response))
        if status in (429, 503):  # busy: honour its Retry-After
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            return Answer("retry", f"the server is busy: {describe(response)}", retry_after=wait)
        return Answer("retry", describe(response))

    def _checked_json(self, response: httpx.Response, what: str) -> Any:
        if _is_revocation(response):
            raise Revoked(describe(response))
        body = _json(response)
        if response.status_code != 200 or body is None:
            raise BadAnswer(f"{what}: {describe(response)}")
        return body

    def receipts(self, version_uuids: list[str]) -> dict[str, tuple[str, str]]:
        """version_uuid → (receipt, received_at) for those the server holds."""
        body = self._checked_json(
            self._request("POST", "/receipts", json={"version_uuids": version_uuids}),
            "asking which cases the server holds",
        )
        held = body.get("held") if isinstance(body, dict) else None
        if not isinstance(held, dict):
            raise BadAnswer('asking which cases the server holds: the answer had no "held"')
        out: dict[str, tuple[str, str]] = {}
        for vid, entry in held.items():
            if (
                vid in version_uuids
                and isinstance(entry, dict)
                and isinstance(entry.get("receipt"), str)
                and entry["receipt"]
                and isinstance(entry.get("received_at"), str)
            ):
                out[vid] = (entry["receipt"], entry["received_at"])
        return out

    def updates(self, heads: dict[str, str]) -> list[dict[str, Any]]:
        """Versions the council made after each case's head (docs/sync-v2.md)."""
        body = self._checked_json(
            self._request("POST", "/cases/updates", json={"heads": heads}),
            "asking for the council's decisions",
        )
        found = body.get("versions") if isinstance(body, dict) else None
        if not isinstance(found, list):
            raise BadAnswer('asking for the council\'s decisions: the answer had no "versions"')
        return [v for v in found if isinstance(v, dict)]

    def rulesets(self) -> list[Any]:
        """The signed ruleset envelopes the council publishes now."""
        body = self._checked_json(
            self._request("GET", "/rulesets/current"), "fetching the council's rulesets"
        )
        found = body.get("rulesets") if isinstance(body, dict) else None
        if not isinstance(found, list):
            raise BadAnswer('fetching the council\'s rulesets: the answer had no "rulesets" list')
        formats = body.get("formats", [FORMAT])
        if isinstance(formats, list) and all(isinstance(f, str) for f in formats):
            self.server_formats = tuple(formats)
        return found
