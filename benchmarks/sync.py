"""Sync throughput: finalised cases per second uploaded by ``rasdesk.sync.run_sync`` to a
real ``rasdesk-server`` subprocess on 127.0.0.1 — on a SQLite file, on a real PostgreSQL
15, and on SQLite through the fault-injecting proxy of the tests with 20% of requests
failing (500 before or after the server committed, a lost reply, a hang past the
client's timeout).

Target: 1,000 cases in < 20 s without faults, and with 20% of requests failing.

``--fleet``: many devices at once instead (``benchmarks/sync_fleet.py``): 150 devices ×
40 cases, every fifth amended, with two server kills (and a PostgreSQL restart on
PostgreSQL), on SQLite and PostgreSQL: versions/s, p50/p95 latency, exactly-once export.

Each scenario starts from the same store of N finalised cases (built once through the
real API, then copied), enrols a new device on a new server database with the demo
ruleset published, and times the sync: one ``run_sync`` without faults; with faults,
repeated runs (as the app would; ``ignore_backoff``) until nothing waits. Each ends by
checking the council's export holds every case exactly once. The store build and the
server start are not timed. Uses an in-memory keyring (no OS password store needed).

    .venv/bin/python benchmarks/sync.py [N] [--workers W] [--no-postgres]
    .venv/bin/python benchmarks/sync.py --fleet [--devices 150] [--cases 40] [--no-postgres]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test support (server process, PostgreSQL, proxy)

from rasdesk.platform.demo_keyring import use_demo_keyring  # noqa: E402


def build_store(home: Path, n: int) -> Path:
    """N finalised cases in the profile's store; returns a pristine copy of the file."""
    from tests.storage.helpers import answered_case
    from tests.support_server import DEMO_KEY

    from rasdesk.platform import trust
    from rasdesk.storage import lifecycle
    from rasdesk.storage.profile import open_user_store, store_path

    trust.add_key(DEMO_KEY)
    store = open_user_store()
    started = time.perf_counter()
    for i in range(n):
        case = answered_case(store, f"Person {i}", council_ref=f"B-{i:06d}")
        lifecycle.finalise(store, case)
    store.close()
    print(f"built {n} finalised cases in {time.perf_counter() - started:.1f} s (not timed below)")
    pristine = home / "pristine-cases.db"
    shutil.copyfile(store_path(), pristine)
    return pristine


def scenario(
    name: str,
    database: str,
    pristine: Path,
    n: int,
    workers: int,
    faults: float = 0.0,
) -> None:
    from tests.support_server import (
        DEMO_KEY,
        DEMO_RULESET,
        enrol_code,
        export_rows,
        publish_ruleset,
        running_server,
    )
    from tests.sync.proxy import FaultProxy, at_random

    from rasdesk.storage.profile import open_user_store, store_path
    from rasdesk.sync import SyncOptions, enrol, run_sync, sync_status
    from rasdesk.sync.device import sync_dir

    shutil.copyfile(pristine, store_path())
    for extra in ("-wal", "-shm"):
        Path(f"{store_path()}{extra}").unlink(missing_ok=True)
    shutil.rmtree(sync_dir(), ignore_errors=True)
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    weights = {
        "500": faults * 0.3,
        "500-after": faults * 0.3,
        "swallow": faults * 0.25,
        "hang": faults * 0.15,
    }
    with running_server(database) as server:
        front: AbstractContextManager[FaultProxy | None] = (
            FaultProxy(server.url, at_random(random.Random(7), weights), hang_seconds=0.6)
            if faults
            else nullcontext()
        )
        with front as proxy:
            enrol((proxy.url if proxy else server.url), enrol_code(database, "Bench"), "bench")
            options = SyncOptions(
                timeout=0.5 if faults else 30, workers=workers, ignore_backoff=True
            )
            store = open_user_store()
            runs = 0
            started = time.perf_counter()
            while True:
                run_sync(store, options=options)
                runs += 1
                if sync_status(store).waiting == 0 or runs >= 100:
                    break
            elapsed = time.perf_counter() - started
            store.close()
            injected = sum(proxy.faults.values()) if proxy else 0
            requests = len(proxy.requests) if proxy else 0
        rows = export_rows(database)
    held = len({r["version_uuid"] for r in rows})
    ok = "OK" if held == len(rows) == n else f"WRONG: {len(rows)} rows, {held} distinct"
    extra = f", {injected} faults in {requests} requests, {runs} runs" if faults else ""
    print(
        f"{name:<28} {n} cases in {elapsed:6.2f} s = {n / elapsed:7.1f} cases/s{extra}; export {ok}"
    )


def fleet(
    name: str, database: str, home: Path, n_devices: int, cases: int, restart_db: Any = None
) -> None:
    """One fleet run (sync_fleet.py) against a new server database."""
    import json
    import urllib.request

    from benchmarks.sync_fleet import Device, Fault, check_export, make_versions, run_fleet
    from tests.server.helpers import make_bundles
    from tests.support_server import (
        DEMO_KEY,
        DEMO_RULESET,
        export_rows,
        publish_ruleset,
        running_server,
    )

    from rasdesk.server.db import Database
    from rasdesk.server.devices import issue_code

    template = make_bundles(Path(tempfile.mkdtemp(dir=home)))
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        db = Database.open(database)
        devices = []
        for i in range(n_devices):
            assessor = f"Assessor {i:03d}"
            code, _ = issue_code(db, assessor)
            request = urllib.request.Request(
                f"{server.api}/enrol",
                json.dumps({"code": code, "device_name": f"laptop {i}"}).encode(),
                {"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as answer:
                body = json.loads(answer.read())
            devices.append(Device(body["device_id"], body["token"], assessor))
        db.close()
        for device in devices:
            make_versions(template, device, cases)
        faults = [
            Fault(0.25, "server killed", server.restart),
            Fault(0.65, "server killed", server.restart),
        ]
        if restart_db is not None:
            faults.append(Fault(0.45, "PostgreSQL restarted", restart_db))
        got = run_fleet(devices, server.port, faults)
    verdict = check_export(export_rows(database), devices)
    print(
        f"{name:<22} {n_devices} devices × {cases} cases = {got['versions']} versions in "
        f"{got['seconds']:6.1f} s = {got['rate']:6.1f} versions/s; upload p50 "
        f"{got['p50_ms']:.0f} ms, p95 {got['p95_ms']:.0f} ms; {got['retries']} retries, "
        f"{got['resent']} re-sent after /receipts; faults: {', '.join(got['faults'])}; "
        f"export {verdict}",
        flush=True,
    )


def fleet_main(args: argparse.Namespace, home: Path) -> None:
    from tests.support_postgres import postgres_available, postgres_cluster

    fleet("SQLite", f"sqlite:///{home / 'fleet.db'}", home, args.devices, args.cases)
    if args.no_postgres:
        return
    if not postgres_available():
        print("PostgreSQL: skipped (postgresql-15 is not installed)")
        return
    with postgres_cluster() as cluster:

        def restart() -> None:
            cluster.stop("immediate")
            time.sleep(1)
            cluster.start()

        url = cluster.create_database()
        fleet("PostgreSQL", url, home, args.devices, args.cases, restart)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--fleet", action="store_true", help="many devices at once, with faults")
    parser.add_argument("--devices", type=int, default=150)
    parser.add_argument("--cases", type=int, default=40, help="per device (--fleet)")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="rasdesk-bench-sync-"))
    os.environ["RASDESK_HOME"] = str(home / "profile")
    use_demo_keyring()
    from tests.support_postgres import postgres_available, postgres_cluster

    try:
        if args.fleet:
            fleet_main(args, home)
            return 0
        pristine = build_store(home, args.n)
        print(f"workers: {args.workers}; server and client on this machine ({os.cpu_count()} CPUs)")
        runs: list[tuple[str, Callable[[], str], float]] = [
            ("SQLite", lambda: f"sqlite:///{home / 'server-1.db'}", 0.0),
            ("SQLite, 20% faults", lambda: f"sqlite:///{home / 'server-2.db'}", 0.2),
        ]
        for name, database, faults in runs:
            scenario(name, database(), pristine, args.n, args.workers, faults)
        if args.no_postgres:
            pass
        elif not postgres_available():
            print("PostgreSQL: skipped (postgresql-15 is not installed)")
        else:
            with postgres_cluster() as cluster:
                scenario("PostgreSQL", cluster.create_database(), pristine, args.n, args.workers)
                scenario(
                    "PostgreSQL, 20% faults",
                    cluster.create_database(),
                    pristine,
                    args.n,
                    args.workers,
                    0.2,
                )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
