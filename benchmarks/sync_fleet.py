"""Many devices at once against one real ``rasdesk-server`` (``benchmarks/sync.py --fleet``).

D devices (default 150), each enrolled for its own assessor, each send C cases (default
40), every fifth amended once (the amendment right after its first version), all at the
same time, each over its own kept-alive HTTP connection, retrying as the sync client does
(network errors, 5xx and 429 with a short back-off; the amendment waits for its first
version). Meanwhile the server is killed (SIGKILL) and restarted twice, and on PostgreSQL
the database is restarted once. At the end every device asks ``/receipts`` for all its
versions and re-sends what is missing; then the council's export must hold every version
exactly once, and each amended case's two versions in order.

Reported: versions per second over the whole run (faults included), the p50 and p95
latency of accepted uploads, retries, and the exactness check. The bundles are real
ones made by the case store and sealed for each device (not timed).
"""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasdesk.domain.bundle import seal
from rasdesk.domain.jsonio import loads_strict


@dataclass
class Device:
    device_id: str
    token: str
    assessor: str
    versions: list[tuple[str, bytes]] = field(default_factory=list)  # (url path, bundle)
    latencies: list[float] = field(default_factory=list)
    retries: int = 0


def make_versions(template: Any, device: Device, cases: int) -> None:
    """``cases`` new cases for ``device`` (sealed bundles), every fifth with an amendment."""
    for i in range(cases):
        amended = i % 5 == 4
        first = loads_strict(template.first if amended else template.other)
        case_uuid, v1 = str(uuid.uuid4()), str(uuid.uuid4())
        who = {"name": device.assessor, "device_id": device.device_id}
        first.update(case_uuid=case_uuid, version_uuid=v1, supersedes=None, assessor=who)
        device.versions.append((f"/api/v1/cases/{case_uuid}/versions/{v1}", seal(first)[0]))
        if amended:
            second = loads_strict(template.amended)
            v2 = str(uuid.uuid4())
            second.update(case_uuid=case_uuid, version_uuid=v2, supersedes=v1, assessor=who)
            device.versions.append((f"/api/v1/cases/{case_uuid}/versions/{v2}", seal(second)[0]))


class Link:
    """One device's kept-alive connection, reconnecting after any failure."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes, kind: str) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.conn.request(
                method,
                path,
                body,
                {"Authorization": f"Bearer {self.token}", "Content-Type": kind},
            )
            answer = self.conn.getresponse()
            return answer.status, answer.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise


def send_all(device: Device, port: int, stop: threading.Event) -> None:
    link = Link(port, device.token)
    for path, data in device.versions:
        delay = 0.05
        while not stop.is_set():
            started = time.perf_counter()
            try:
                status, body = link.request("PUT", path, data, "application/vnd.rasdesk.case+json")
            except (OSError, http.client.HTTPException):
                status, body = 0, b""
            if status == 201:
                device.latencies.append(time.perf_counter() - started)
                break
            if status in (0, 429) or status >= 500:
                device.retries += 1
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            raise RuntimeError(f"{path}: {status} {body[:300]!r}")


def resend_missing(device: Device, port: int) -> int:
    """Ask /receipts for everything; send again what the server lacks. Returns how many."""
    link = Link(port, device.token)
    ids = [path.rsplit("/", 1)[1] for path, _ in device.versions]
    status, body = link.request(
        "POST", "/api/v1/receipts", json.dumps({"version_uuids": ids}).encode(), "application/json"
    )
    assert status == 200, body
    missing = set(json.loads(body)["missing"])
    again = [(p, d) for p, d in device.versions if p.rsplit("/", 1)[1] in missing]
    for path, data in again:
        status, body = link.request("PUT", path, data, "application/vnd.rasdesk.case+json")
        assert status == 201, body
    return len(again)


@dataclass
class Fault:
    at: float  # the share of all versions sent when it happens
    name: str
    act: Callable[[], None]


def run_fleet(devices: list[Device], port: int, faults: list[Fault]) -> dict[str, Any]:
    """Send every device's versions at once, with ``faults`` along the way."""
    total = sum(len(d.versions) for d in devices)
    stop = threading.Event()
    threads = [
        threading.Thread(target=send_all, args=(d, port, stop), daemon=True) for d in devices
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    done_faults = []
    pending = sorted(faults, key=lambda f: f.at)
    while any(t.is_alive() for t in threads):
        sent = sum(len(d.latencies) for d in devices)
        if pending and sent >= pending[0].at * total:
            fault = pending.pop(0)
            fault.act()
            done_faults.append(f"{fault.name} at {sent}/{total}")
        time.sleep(0.05)
    for t in threads:
        t.join()
    resent = sum(resend_missing(d, port) for d in devices)
    elapsed = time.perf_counter() - started
    latencies = sorted(x for d in devices for x in d.latencies)
    return {
        "versions": total,
        "seconds": elapsed,
        "rate": total / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "retries": sum(d.retries for d in devices),
        "resent": resent,
        "faults": done_faults,
    }


def check_export(rows: list[dict[str, Any]], devices: list[Device]) -> str:
    """ "OK" if every version is exported exactly once and each amendment follows its first."""
    expected = {path.rsplit("/", 1)[1] for d in devices for path, _ in d.versions}
    got = [r["version_uuid"] for r in rows]
    if len(got) != len(set(got)):
        return f"WRONG: {len(got) - len(set(got))} version(s) exported twice"
    if set(got) != expected:
        return f"WRONG: {len(expected - set(got))} missing, {len(set(got) - expected)} unknown"
    order = {v: i for i, v in enumerate(got)}
    late = [
        r for r in rows if r["supersedes"] and order[r["supersedes"]] > order[r["version_uuid"]]
    ]
    if late:
        return f"WRONG: {len(late)} amendment(s) received before their first version"
    return f"OK ({len(got)} versions, each once)"
