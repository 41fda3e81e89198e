"""Failed enrolments, counted per client address: past a limit, the address must wait.

An enrolment code has about 74 bits, so guessing one is hopeless even unlimited; but a
council's security review rightly asks that guessing be slowed and seen. Each failed
``POST /enrol`` is logged with the client's address; after ``limit`` failures within
``window`` seconds the address gets ``429`` (with ``Retry-After``) without its code being
tried, until the oldest of those failures is older than the window. The count is kept in
the memory of each server process (several processes each count on their own), and at
most ``max_addresses`` addresses are remembered (the stalest are forgotten first).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict, deque

from rasdesk.server.limits import shown

log = logging.getLogger("rasdesk.server")


class FailedEnrolments:
    def __init__(self, limit: int = 10, window: float = 600.0, max_addresses: int = 10_000) -> None:
        self.limit, self.window, self.max_addresses = limit, window, max_addresses
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, address: str, at: float) -> deque[float]:
        times = self._failures.get(address)
        if times is None:
            return deque()
        while times and times[0] <= at - self.window:
            times.popleft()
        return times

    def wait_for(self, address: str) -> int:
        """Seconds ``address`` must wait before trying another code (0: it may try now)."""
        at = time.monotonic()
        with self._lock:
            times = self._recent(address, at)
            if len(times) < self.limit:
                return 0
            return max(1, math.ceil(times[-self.limit] + self.window - at))

    def failed(self, address: str) -> None:
        """Record (and log) a refused code from ``address``."""
        at = time.monotonic()
        with self._lock:
            times = self._recent(address, at)
            times.append(at)
            self._failures[address] = times
            self._failures.move_to_end(address)
            while len(self._failures) > self.max_addresses:
                self._failures.popitem(last=False)
            count = len(times)
        if count >= self.limit:
            log.warning(
                "enrolment refused for %s: %d failed codes in %d s; it must now wait",
                shown(address),
                count,
                self.window,
            )
        else:
            log.warning(
                "enrolment refused for %s (an unknown, used or expired code)", shown(address)
            )
