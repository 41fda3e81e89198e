"""A real HTTP/1.1 proxy on 127.0.0.1 that sits between the sync client and a real
``rasdesk-server`` and breaks things on purpose (threads, stdlib only).

For each request ``decide(method, path)`` names a fault, or None to pass it through:

- ``swallow``: forward it, let the server answer (it has committed), then close the
  connection without a word: the reply is lost;
- ``500``: answer 500 with an HTML page, without forwarding;
- ``500-after``: forward it (the server commits), then answer 500 instead;
- ``hang``: say nothing for ``hang_seconds`` (longer than the client's timeout), then
  close, without forwarding; ``hang-after`` forwards first;
- ``html200``: answer ``200 OK`` with a captive portal's HTML page, without forwarding;
- ``429``: answer 429 with ``Retry-After: retry_after`` (a JSON error), without forwarding;
- ``before-format2``: forward it, and take ``formats`` out of the JSON answer, as a server
  from before ruleset format 2 answers ``/rulesets/current``.

With ``tls`` (an ``ssl.SSLContext`` with the server's certificate) it speaks HTTPS to the
client, plain HTTP to the server: a TLS-terminating front end.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Decide = Callable[[str, str], str | None]
PORTAL = (
    b"<!doctype html><html><body><h1>Welcome to Cafe Wi-Fi</h1><p>Please log in.</p></body></html>"
)
ERROR_PAGE = b"<html><body><h1>500 Internal Server Error</h1></body></html>"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    proxy: FaultProxy


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    def _any(self) -> None:
        self.server.proxy.handle(self)

    do_GET = do_PUT = do_POST = do_DELETE = _any


class FaultProxy:
    def __init__(
        self,
        upstream: str,
        decide: Decide | None = None,
        *,
        hang_seconds: float = 1.5,
        retry_after: str = "1",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.decide: Decide = decide or (lambda method, path: None)
        self.hang_seconds, self.retry_after = hang_seconds, retry_after
        self.faults: Counter[str] = Counter()
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def puts(self) -> list[str]:
        """The paths of every PUT that reached the proxy."""
        with self._lock:
            return [p for m, p in self.requests if m == "PUT"]

    # --- one request -------------------------------------------------------------
    def _forward(self, h: _Handler, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            headers = {k: v for k, v in h.headers.items() if k.lower() not in HOP_BY_HOP}
            conn.request(h.command, h.path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            kept = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
            return response.status, kept, data
        finally:
            conn.close()

    def _reply(self, h: _Handler, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        h.send_response(status)
        for k, v in headers:
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _drop(self, h: _Handler) -> None:
        h.close_connection = True
        with contextlib.suppress(OSError):
            h.connection.shutdown(socket.SHUT_RDWR)

    def handle(self, h: _Handler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        fault = self.decide(h.command, h.path)
        with self._lock:
            self.requests.append((h.command, h.path))
            if fault:
                self.faults[fault] += 1
        html = [("Content-Type", "text/html; charset=utf-8")]
        if fault in ("swallow", "500-after", "hang-after"):
            self._forward(h, body)  # the server has the request and has answered
        if fault in ("swallow",):
            self._drop(h)
        elif fault in ("hang", "hang-after"):
            time.sleep(self.hang_seconds)
            self._drop(h)
        elif fault in ("500", "500-after"):
            self._reply(h, 500, html, ERROR_PAGE)
        elif fault == "html200":
            self._reply(h, 200, html, PORTAL)
        elif fault == "429":
            self._reply(
                h,
                429,
                [("Content-Type", "application/json"), ("Retry-After", self.retry_after)],
                b'{"error": "too_many_requests", "message": "slow down"}',
            )
        elif fault == "before-format2":
            status, headers, data = self._forward(h, body)
            doc = json.loads(data)
            doc.pop("formats", None)
            self._reply(h, status, headers, json.dumps(doc).encode())
        elif fault is None:
            self._reply(h, *self._forward(h, body))
        else:
            raise ValueError(f"unknown fault {fault!r}")


def at_random(
    rng: random.Random, weights: dict[str, float], methods: tuple[str, ...] = ("GET", "PUT", "POST")
) -> Decide:
    """Each request of ``methods`` gets each fault with its probability (thread-safe)."""
    lock = threading.Lock()

    def decide(method: str, path: str) -> str | None:
        if method not in methods or path.endswith("/health"):
            return None
        with lock:
            roll = rng.random()
        for fault, p in weights.items():
            if roll < p:
                return fault
            roll -= p
        return None

    return decide
