"""The HTTP API (sync spec v1) as a Starlette app: routes, authentication, error bodies.

Every error is JSON ``{"error": code, "message": plain words, "reasons": [...]?}``. The
handlers only read and check requests; the work happens in ``receive``, ``devices`` and
``rulesets``, in a worker thread (the database calls block).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from rasdesk.domain.bundle import MEDIA_TYPE
from rasdesk.domain.jsonio import StrictJSONError
from rasdesk.server import devices, receive, rulesets
from rasdesk.server.authz import Forbidden
from rasdesk.server.bundle_schema import UUID_RE
from rasdesk.server.db import Database, UnavailableErrors
from rasdesk.server.limits import control_problem, loads_bounded, shown
from rasdesk.server.openapi import document
from rasdesk.server.ratelimit import FailedEnrolments

log = logging.getLogger("rasdesk.server")

#: The largest bundle accepted (a real one is 20-60 KB): anything bigger is refused (413).
MAX_BUNDLE_BYTES = 5 * 1024 * 1024
#: The largest JSON body of the small endpoints (enrol, receipts).
MAX_SMALL_BYTES = 256 * 1024
MAX_RECEIPTS = 1000
#: A body over its limit but under this is read and dropped before the 413 (see read_body).
DRAIN_LIMIT = 64 * 1024 * 1024
ACCEPTED_TYPES = (MEDIA_TYPE, "application/json")
#: Seconds a body may take to arrive (at most ``BODY_IDLE`` between two pieces of it).
BODY_TIMEOUT = 60.0
BODY_IDLE = 15.0

Handler = Callable[[Request], Awaitable[Response]]


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, reasons: list[str] | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.reasons = status, code, message, reasons
        self.extra = extra


def error(
    status: int, code: str, message: str, reasons: list[str] | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if reasons is not None:
        body["reasons"] = reasons
    retry_after = extra.pop("retry_after", 1)
    body.update(extra)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status in (429, 503):
        headers = {"Retry-After": str(retry_after)}
    return JSONResponse(body, status_code=status, headers=headers)


async def read_body(request: Request, limit: int, timeout: float = BODY_TIMEOUT) -> bytes:
    """The body, or 413 past ``limit`` bytes, or 408 if it is sent too slowly (``timeout``
    in all, ``BODY_IDLE`` between pieces). A body a little over the limit is read to its
    end (and dropped) first, so the client sees the 413 instead of a connection closed
    while it was still sending (which it would take for a network fault, and retry)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > DRAIN_LIMIT:
        raise ApiError(413, "too_large", f"the body is {declared} bytes; the limit is {limit}")
    chunks, size = [], 0
    deadline = time.monotonic() + timeout
    pieces = request.stream().__aiter__()
    while True:
        wait = min(BODY_IDLE, deadline - time.monotonic())
        try:
            chunk = await asyncio.wait_for(pieces.__anext__(), max(wait, 0.001))
        except StopAsyncIteration:
            break
        except TimeoutError:
            raise ApiError(
                408, "too_slow", f"the body did not arrive in time (at most {timeout:g} s)"
            ) from None
        size += len(chunk)
        if size > DRAIN_LIMIT:
            break
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise ApiError(413, "too_large", f"the body is over the limit of {limit} bytes")
    return b"".join(chunks)


async def read_json(request: Request, timeout: float, fields: tuple[str, ...]) -> dict[str, Any]:
    """The JSON object of a small request, with no fields but ``fields``."""
    data = await read_body(request, MAX_SMALL_BYTES, timeout)
    try:
        doc = loads_bounded(data, max_depth=4)
    except StrictJSONError as exc:
        raise ApiError(422, "invalid_request", "the body is not valid JSON", [str(exc)]) from None
    if not isinstance(doc, dict):
        raise ApiError(422, "invalid_request", "the body must be a JSON object")
    unknown = [f"unknown field {shown(key[:80])!r}" for key in doc if key not in fields]
    if unknown:
        raise ApiError(
            422, "invalid_request", f"the body may only hold {', '.join(fields)}", unknown[:10]
        )
    return doc


def make_app(db: Database, body_timeout: float = BODY_TIMEOUT) -> Starlette:
    cache = rulesets.RulesetCache(db)
    failures = FailedEnrolments()

    async def auth(request: Request) -> devices.Device:
        try:
            return await run_in_threadpool(
                devices.authenticate, db, request.headers.get("authorization")
            )
        except devices.Unauthorised:
            raise ApiError(
                401,
                "unauthorised",
                "this request needs the device's token (Authorization: Bearer …)",
            ) from None
        except devices.Revoked:
            raise ApiError(
                403,
                "revoked",
                "this device was revoked by the council's administrator: it can no longer send cases",
            ) from None

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "api": 1})

    async def openapi(request: Request) -> Response:
        return JSONResponse(document())

    async def enrol(request: Request) -> Response:
        address = request.client.host if request.client else "unknown"
        wait = failures.wait_for(address)
        if wait:
            raise ApiError(
                429,
                "too_many_attempts",
                f"too many wrong enrolment codes from this address: try again in {wait} s",
                retry_after=wait,
            )
        doc = await read_json(request, body_timeout, ("code", "device_name"))
        # A blank code is simply not a valid code (403 below), not a malformed request.
        reasons = [
            f'"{key}" must be non-empty text'
            for key in ("code", "device_name")
            if not isinstance(doc.get(key), str) or not doc[key]
        ]
        if isinstance(doc.get("device_name"), str) and len(doc["device_name"]) > 200:
            reasons.append('"device_name" must be at most 200 characters')
        if isinstance(doc.get("code"), str) and len(doc["code"]) > 100:
            reasons.append('"code" must be at most 100 characters')
        for key in ("code", "device_name"):
            problem = control_problem(doc[key]) if isinstance(doc.get(key), str) else None
            if problem:
                reasons.append(f'"{key}" {problem}')
        if reasons:
            raise ApiError(422, "invalid_request", "the enrolment request is incomplete", reasons)
        try:
            device_id, token = await run_in_threadpool(
                devices.enrol, db, doc["code"], doc["device_name"]
            )
        except devices.EnrolmentRefused:
            failures.failed(address)
            raise ApiError(
                403,
                "enrolment_refused",
                "this enrolment code is unknown, already used or expired: ask the administrator for a new one",
            ) from None
        log.info("enrolled device %s", device_id)
        return JSONResponse({"device_id": device_id, "token": token}, status_code=201)

    async def put_version(request: Request) -> Response:
        device = await auth(request)
        case_uuid = request.path_params["case_uuid"]
        version_uuid = request.path_params["version_uuid"]
        bad = [
            f"{name} {shown(value[:80])!r} in the address is not a lowercase UUID"
            for name, value in (("case_uuid", case_uuid), ("version_uuid", version_uuid))
            if not UUID_RE.fullmatch(value)
        ]
        if bad:
            raise ApiError(422, "invalid_request", "the address names no case version", bad)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in ACCEPTED_TYPES:
            raise ApiError(
                415,
                "unsupported_media_type",
                f"send the bundle as {MEDIA_TYPE} (or application/json), not {kind or 'nothing'}",
            )
        data = await read_body(request, MAX_BUNDLE_BYTES, body_timeout)
        try:
            # Parsing, checking and recomputing are CPU work: off the event loop.
            bundle = await run_in_threadpool(receive.check_bundle, data, case_uuid, version_uuid)
            got, new = await run_in_threadpool(receive.store, db, device, bundle, data, cache)
        except receive.Invalid as exc:
            raise ApiError(422, exc.code, exc.message, exc.reasons) from None
        except Forbidden as exc:
            raise ApiError(403, exc.code, exc.message) from None
        except receive.Conflict as exc:
            raise ApiError(409, exc.code, exc.message, head_version=exc.head) from None
        if new:
            log.info("received case %s version %s as %s", case_uuid, version_uuid, got.receipt)
        return JSONResponse(got.as_dict(), status_code=201)

    async def post_receipts(request: Request) -> Response:
        device = await auth(request)
        doc = await read_json(request, body_timeout, ("version_uuids",))
        wanted = doc.get("version_uuids")
        if not isinstance(wanted, list) or not all(isinstance(v, str) for v in wanted):
            raise ApiError(422, "invalid_request", '"version_uuids" must be a list of text')
        bad = [
            f"{shown(v[:80])!r} is not a lowercase UUID" for v in wanted if not UUID_RE.fullmatch(v)
        ]
        if bad:
            raise ApiError(
                422, "invalid_request", '"version_uuids" must all be version ids', bad[:10]
            )
        if len(wanted) > MAX_RECEIPTS:
            raise ApiError(
                422,
                "invalid_request",
                f"ask for at most {MAX_RECEIPTS} versions at a time (asked for {len(wanted)})",
            )
        held, missing = await run_in_threadpool(receive.receipts, db, device, wanted)
        return JSONResponse({"held": held, "missing": missing})

    async def post_updates(request: Request) -> Response:
        from rasdesk.server import decisions

        device = await auth(request)
        doc = await read_json(request, body_timeout, ("heads",))
        heads = doc.get("heads")
        if not isinstance(heads, dict) or not all(
            isinstance(v, str) and UUID_RE.fullmatch(k) and UUID_RE.fullmatch(v)
            for k, v in heads.items()
        ):
            raise ApiError(422, "invalid_request", '"heads" must map case ids to version ids')
        if len(heads) > decisions.MAX_HEADS:
            raise ApiError(
                422, "invalid_request", f"ask about at most {decisions.MAX_HEADS} cases at a time"
            )
        found = await run_in_threadpool(decisions.updates, db, device, heads)
        return JSONResponse({"versions": found})

    async def current_rulesets(request: Request) -> Response:
        await auth(request)
        found = await run_in_threadpool(rulesets.current, db)
        return JSONResponse({"rulesets": found, "formats": list(rulesets.READS)})

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error(exc.status, exc.code, exc.message, exc.reasons, **exc.extra)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            answer = error(405, "method_not_allowed", f"{request.method} is not allowed here")
            answer.headers.update(exc.headers or {})  # Allow: the methods that are
            return answer
        if exc.status_code == 404:
            return error(404, "not_found", f"there is nothing at {request.url.path}")
        return error(exc.status_code, "http_error", str(exc.detail))

    async def on_unavailable(request: Request, exc: Exception) -> Response:
        # Logged once per outage by the pool (db.Outage), not once per request.
        return error(503, "unavailable", "the database is busy or unreachable: try again shortly")

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("request %s %s failed", request.method, request.url.path)
        return error(500, "internal", "the server failed to answer; the error is in its log")

    prefix = "/api/v1"
    routes = [
        Route(f"{prefix}/health", health, methods=["GET"]),
        Route(f"{prefix}/openapi.json", openapi, methods=["GET"]),
        Route(f"{prefix}/enrol", enrol, methods=["POST"]),
        Route(
            f"{prefix}/cases/{{case_uuid}}/versions/{{version_uuid}}", put_version, methods=["PUT"]
        ),
        Route(f"{prefix}/receipts", post_receipts, methods=["POST"]),
        Route(f"{prefix}/cases/updates", post_updates, methods=["POST"]),
        Route(f"{prefix}/rulesets/current", current_rulesets, methods=["GET"]),
    ]
    handlers: dict[Any, Any] = {
        ApiError: on_api_error,
        HTTPException: on_http_error,
        Exception: on_crash,
    }
    for kind in UnavailableErrors:
        handlers[kind] = on_unavailable
    return Starlette(routes=routes, exception_handlers=handlers)
