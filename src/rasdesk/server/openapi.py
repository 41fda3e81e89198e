"""The OpenAPI 3 document of the sync API, served at ``/api/v1/openapi.json``.

Written by hand, next to the handlers in ``app.py``, so that it says exactly what they do:
schemathesis checks every answer of a running server against it in the tests.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasdesk import __version__

UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_uuid = {"type": "string", "format": "uuid", "pattern": UUID_PATTERN}
#: A name: no control characters (C0, DEL, C1), nothing that reorders or hides text.
_NAME_PATTERN = "^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]*$"
_text = {"type": "string"}
_time = {"type": "string", "description": "UTC, ISO 8601, e.g. 2026-01-31T09:15:00.123Z"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _err(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


_AUTH_ERRORS = {
    "401": _err("no token, or a token the server does not know (error: unauthorised)"),
    "403": _err("the device was revoked (error: revoked)"),
    "500": _err("the server failed (error: internal)"),
    "503": _err("the database is busy or unreachable: try again (error: unavailable)"),
}


def _obj(required: list[str], props: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": props, **more}


SCHEMAS: dict[str, Any] = {
    "Error": _obj(
        ["error", "message"],
        {
            "error": {"type": "string", "description": "a stable code, e.g. version_conflict"},
            "message": {"type": "string", "description": "what went wrong, in plain words"},
            "reasons": {"type": "array", "items": _text},
            "head_version": {
                "type": ["string", "null"],
                "description": "409 supersedes_conflict: the case's latest version on the server",
            },
        },
    ),
    "Health": _obj(
        ["status", "api"],
        {"status": {"type": "string", "enum": ["ok"]}, "api": {"type": "integer", "enum": [1]}},
    ),
    "EnrolRequest": _obj(
        ["code", "device_name"],
        {
            "code": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": _NAME_PATTERN,
                "description": "the one-time code",
            },
            "device_name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "pattern": _NAME_PATTERN,
            },
        },
        additionalProperties=False,
    ),
    "Enrolled": _obj(["device_id", "token"], {"device_id": _uuid, "token": _text}),
    "CaseBundle": _obj(
        [
            "format",
            "case_uuid",
            "version_uuid",
            "supersedes",
            "questionnaire",
            "person",
            "answers",
            "ruleset",
            "result",
            "assessor",
            "sha256",
        ],
        {
            "format": {"type": "string", "enum": ["rasdesk-case/1", "rasdesk-case/2"]},
            "case_uuid": _uuid,
            "version_uuid": _uuid,
            "supersedes": {"anyOf": [_uuid, {"type": "null"}]},
            "amendment_reason": {"type": ["string", "null"]},
            "questionnaire": _text,
            "person": {"type": "object"},
            "linked_case_uuid": {"type": ["string", "null"]},
            "review_of": _obj(
                ["case_uuid", "version_uuid"],
                {"case_uuid": _uuid, "version_uuid": _uuid},
                description="a review only: the case it reviews and the finalised version it started from (docs/sync-v2.md)",
            ),
            "answers": {
                "type": "object",
                "description": "question id → answer; for a format-2 ruleset also "
                '{"not_applicable": true} or a record {agreed, views, answered_by, helped_by, '
                "evidence} (docs/ruleset-v2.md §1.4)",
            },
            "answered_by": {
                "type": ["string", "null"],
                "description": "format 2: who answered (person, person_helped, carer, assessor, "
                "representative)",
            },
            "linked": {
                "type": ["object", "null"],
                "description": "format 2: {questionnaire, answers} of the linked case its facts "
                "were read from (docs/ruleset-v2.md §1.5)",
            },
            "notes": {"type": "object"},
            "ruleset": _obj(
                ["id", "version", "sha256"],
                {
                    "id": _text,
                    "version": _text,
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            ),
            "result": {
                "type": "object",
                "description": "as rasdesk compute --json gives it: rasdesk-result/2 for a "
                "format-2 ruleset (amounts with periods, parts and funders); the server "
                "recomputes it and refuses any difference (422 result_mismatch)",
            },
            "assessor": {"type": "object"},
            "started_at": _text,
            "finalised_at": _text,
            "audit": {"type": "array", "items": {"type": "object"}},
            "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "hex SHA-256 of the canonical JSON of the bundle without this field",
            },
        },
        description="A finalised case version (sync spec v1), sent as canonical JSON.",
    ),
    "Receipt": _obj(
        ["receipt", "version_uuid", "received_at"],
        {"receipt": _text, "version_uuid": _uuid, "received_at": _time},
    ),
    "ReceiptsRequest": _obj(
        ["version_uuids"],
        {"version_uuids": {"type": "array", "maxItems": 1000, "items": _uuid}},
        additionalProperties=False,
    ),
    "Receipts": _obj(
        ["held", "missing"],
        {
            "held": {
                "type": "object",
                "additionalProperties": _obj(
                    ["receipt", "received_at"], {"receipt": _text, "received_at": _time}
                ),
            },
            "missing": {"type": "array", "items": _text},
        },
    ),
    "Envelope": _obj(
        ["payloadType", "payload", "signatures"],
        {
            "payloadType": _text,
            "payload": {"type": "string", "description": "base64 of the ruleset document"},
            "signatures": {
                "type": "array",
                "items": _obj(["keyid", "sig"], {"keyid": _text, "sig": _text}),
            },
        },
        description="A DSSE envelope, exactly as the administrator published it",
    ),
    "Rulesets": _obj(
        ["rulesets"],
        {
            "rulesets": {"type": "array", "items": _ref("Envelope")},
            "formats": {
                "type": "array",
                "items": _text,
                "description": "the ruleset formats this server publishes and recomputes "
                '(e.g. "rasdesk-ruleset/2"); a server without this field reads format 1 only',
            },
        },
    ),
}


def _paths() -> dict[str, Any]:
    bundle_types = {
        kind: {"schema": _ref("CaseBundle")}
        for kind in ("application/vnd.rasdesk.case+json", "application/json")
    }
    return {
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "Is the server up?",
                "security": [],
                "responses": {"200": _json(_ref("Health"), "the server is up")},
            }
        },
        "/enrol": {
            "post": {
                "operationId": "enrol",
                "summary": "Use a one-time code: a device id and its token",
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("EnrolRequest")}},
                },
                "responses": {
                    "201": _json(_ref("Enrolled"), "enrolled; keep the token secret"),
                    "403": _err("the code is unknown, used or expired (error: enrolment_refused)"),
                    "408": _err("the body came too slowly (error: too_slow)"),
                    "413": _err("the body is too large (error: too_large)"),
                    "422": _err("the body is not an enrolment request (error: invalid_request)"),
                    "429": _err(
                        "too many wrong codes from this address lately: wait Retry-After "
                        "seconds (error: too_many_attempts)"
                    ),
                    "500": _AUTH_ERRORS["500"],
                    "503": _AUTH_ERRORS["503"],
                },
            }
        },
        "/cases/{case_uuid}/versions/{version_uuid}": {
            "put": {
                "operationId": "putVersion",
                "summary": "Upload one finalised case version (idempotent by version_uuid)",
                "parameters": [
                    {"name": n, "in": "path", "required": True, "schema": _uuid}
                    for n in ("case_uuid", "version_uuid")
                ],
                "requestBody": {"required": True, "content": bundle_types},
                "responses": {
                    "201": _json(
                        _ref("Receipt"),
                        "held: the first upload, or the same bytes again (the same receipt)",
                    ),
                    **_AUTH_ERRORS,
                    "403": _err(
                        "the device was revoked (error: revoked), or the case belongs to another "
                        "assessor's devices (error: not_your_case)"
                    ),
                    "408": _err("the bundle came too slowly (error: too_slow)"),
                    "409": _err(
                        "version_conflict (this version_uuid with other content) or "
                        "supersedes_conflict (supersedes is not the case's latest version)"
                    ),
                    "413": _err("the bundle is over 5 MiB (error: too_large)"),
                    "415": _err("not application/vnd.rasdesk.case+json or application/json"),
                    "422": _err(
                        "invalid_bundle (see reasons), unknown_ruleset (publish it first), "
                        "result_mismatch (the result is not what the ruleset gives for the "
                        "answers), assessor_mismatch (assessor.device_id is another assessor's "
                        "device), or invalid_request (the address is not two lowercase UUIDs)"
                    ),
                },
            }
        },
        "/receipts": {
            "post": {
                "operationId": "receipts",
                "summary": "Which of these versions does the server hold?",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("ReceiptsRequest")}},
                },
                "responses": {
                    "200": _json(_ref("Receipts"), "held (with receipts) and missing"),
                    **_AUTH_ERRORS,
                    "408": _err("the body came too slowly (error: too_slow)"),
                    "413": _err("the body is too large (error: too_large)"),
                    "422": _err("not a list of at most 1000 version ids (error: invalid_request)"),
                },
            }
        },
        "/cases/updates": {
            "post": {
                "operationId": "caseUpdates",
                "summary": "Versions the council made after each case's head (decisions; docs/sync-v2.md)",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["heads"],
                                "properties": {
                                    "heads": {
                                        "type": "object",
                                        "maxProperties": 1000,
                                        "propertyNames": {"pattern": UUID_PATTERN},
                                        "additionalProperties": _uuid,
                                    }
                                },
                                "additionalProperties": False,
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "versions": {"type": "array", "items": {"type": "object"}}
                            },
                        },
                        "the council's versions, oldest first, each with its exact bundle text",
                    ),
                    **_AUTH_ERRORS,
                    "408": _err("the body came too slowly (error: too_slow)"),
                    "413": _err("the body is too large (error: too_large)"),
                    "422": _err(
                        "not a map of at most 1000 case ids to version ids (error: invalid_request)"
                    ),
                },
            }
        },
        "/rulesets/current": {
            "get": {
                "operationId": "currentRulesets",
                "summary": "The signed rulesets the council publishes (latest of each id)",
                "responses": {"200": _json(_ref("Rulesets"), "the envelopes"), **_AUTH_ERRORS},
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "the OpenAPI document")},
            }
        },
    }


@cache
def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "rasdesk sync API",
            "version": f"1 (rasdesk-server {__version__})",
            "description": "Laptops send finalised case versions to the council (sync spec v1).",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": _paths(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
