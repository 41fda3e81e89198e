"""Running the app under uvicorn with bounds that keep it up against slow or many clients.

- A request's line and headers must arrive within ``header_timeout`` seconds of the
  connection opening (or of the previous response on a kept-alive connection); else the
  connection is closed. uvicorn alone waits for ever, so a few thousand half-sent
  requests ("slowloris") would hold the server. The body has its own timeout
  (``app.read_body``).
- Headers are at most ``MAX_HEADER_BYTES`` (h11's incomplete-event limit: a longer
  header block is a 400); an idle kept-alive connection is closed after
  ``KEEP_ALIVE`` seconds; past ``max_connections`` open connections new requests get 503.
- The listening socket is bound before anything says "serving", so a port in use is a
  plain error (exit 1), never a start-up that fails afterwards.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import socket
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from rasdesk.domain.errors import InputError, RasdeskError

log = logging.getLogger("rasdesk.server")

MAX_HEADER_BYTES = 32 * 1024
KEEP_ALIVE = 5


@dataclass(frozen=True)
class Limits:
    header_timeout: float = 10.0
    body_timeout: float = 60.0
    max_connections: int = 2000


class PortInUse(RasdeskError):
    """The address and port to listen on are taken or not allowed."""


def _guarded_protocol(header_timeout: float) -> type[H11Protocol]:
    class GuardedH11Protocol(H11Protocol):
        """uvicorn's h11 protocol, with a deadline for each request's headers."""

        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

    return GuardedH11Protocol


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, or ``PortInUse`` saying what to do."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"--host {host!r} is not an address this machine has: {exc}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise PortInUse(
            f"cannot listen on {host} port {port}: {exc.strerror or exc} "
            "(another server may be using it: stop it, or choose another --port)"
        ) from None
    sock.set_inheritable(True)
    return sock


def _more_files(wanted: int) -> None:
    """Each connection is an open file: raise the soft limit to fit ``max_connections``."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    goal = wanted + 256 if hard == resource.RLIM_INFINITY else min(hard, wanted + 256)
    if soft != resource.RLIM_INFINITY and soft < goal:
        resource.setrlimit(resource.RLIMIT_NOFILE, (goal, hard))


def run(
    app: Any, sock: socket.socket, limits: Limits, log_config: dict[str, Any], access_log: bool
) -> None:
    _more_files(limits.max_connections)
    config = uvicorn.Config(
        app,
        http=_guarded_protocol(limits.header_timeout),
        log_config=log_config,
        access_log=access_log,
        timeout_keep_alive=KEEP_ALIVE,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        limit_concurrency=limits.max_connections,
        timeout_graceful_shutdown=10,
    )
    uvicorn.Server(config).run(sockets=[sock])
