"""The upload phase of a run: every due version, each case's versions in order, a few
cases in parallel, one bad case never holding up the others.

A case's versions go in order (version 2 names version 1 in ``supersedes``, and the
server refuses it until it holds version 1), so one case is one job: its versions are
sent one after another and the job stops at the first that does not get a receipt. Jobs
run on a small thread pool; the store is written only from the calling thread, a batch
of outcomes per transaction.

The run stops sending (leaving the rest untouched for next time) when the server cannot
be reached, when it refuses the device (revoked), when it asks for a long pause (429),
after ``max_consecutive_failures`` failures in a row, or when ``should_stop`` says so.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import groupby

from rasdesk.domain.model_v2 import FORMAT_V2
from rasdesk.storage import outbox
from rasdesk.storage.outbox import Outcome, Pending
from rasdesk.storage.store import CaseStore, now
from rasdesk.sync.client import Answer, Client
from rasdesk.sync.report import SyncOptions, SyncReport, VersionNote
from rasdesk.sync.state import after, backoff_seconds

Progress = Callable[[str, int, int], None]


def note(
    p: Pending,
    *,
    reason: str | None = None,
    receipt: str | None = None,
    next_attempt_at: str | None = None,
) -> VersionNote:
    return VersionNote(
        p.case_uuid, p.version_uuid, p.number, p.council_ref, reason, receipt, next_attempt_at
    )


#: How a format-2 result starts in a bundle (canonical JSON: sorted keys, no spaces).
FORMAT_V2_RESULT = b'"format":"rasdesk-result/2"'


class Uploader:
    def __init__(
        self,
        store: CaseStore,
        client: Client,
        report: SyncReport,
        options: SyncOptions,
        progress: Progress,
        should_stop: Callable[[], bool],
        only: set[str] | None = None,
    ) -> None:
        self.store, self.client, self.report, self.opts = store, client, report, options
        self.progress, self.should_stop = progress, should_stop
        self.halt = threading.Event()  # tells the workers not to start another version
        self.rng = random.Random()
        self.revoked: str | None = None
        self.offline: str | None = None
        self.stopped: str | None = None  # why sending ended early, for the report
        self.not_before: str | None = None
        self._failures_in_a_row = 0
        self.only = only  # send only the chains starting with one of these versions
        #: version → the earlier version of its case that did not get a receipt this pass
        self.blocked: dict[str, str] = {}

    # --- what to send --------------------------------------------------------------
    def chains(self) -> list[list[Pending]]:
        """Each case's waiting versions, when the first of them may be sent now."""
        at = now()
        out: list[list[Pending]] = []
        for _, group in groupby(outbox.pending(self.store), key=lambda p: p.case_uuid):
            chain = list(group)
            head = chain[0]
            if self.only is not None and head.version_uuid not in self.only:
                continue
            if head.state == "quarantined":
                why = f"waits for version {head.number}, which is quarantined"
                self.report.waiting.extend(note(p, reason=why) for p in chain[1:])
                continue
            due = head.next_attempt_at is None or head.next_attempt_at <= at
            if head.state == "failed" and not due and not self.opts.ignore_backoff:
                when = head.next_attempt_at
                self.report.waiting.append(
                    note(head, reason=f"tries again after {when}", next_attempt_at=when)
                )
                why = f"waits for version {head.number}"
                self.report.waiting.extend(note(p, reason=why) for p in chain[1:])
                continue
            out.append(chain)
        return out

    # --- the workers ---------------------------------------------------------------
    def _send(self, chain: list[Pending], data: dict[str, bytes]) -> list[tuple[Pending, Answer]]:
        """Runs on a worker thread: only HTTP, never the store."""
        results: list[tuple[Pending, Answer]] = []
        for p in chain:
            if self.halt.is_set():
                break
            answer = self.client.put_version(p.case_uuid, p.version_uuid, data[p.version_uuid])
            waits = 0
            while (
                answer.retry_after is not None
                and answer.retry_after <= self.opts.max_wait
                and waits < 3
                and not self.halt.wait(answer.retry_after)  # honour the server's Retry-After
            ):
                waits += 1
                answer = self.client.put_version(p.case_uuid, p.version_uuid, data[p.version_uuid])
            if answer.kind == "quarantine":
                answer = self._too_old(data[p.version_uuid], answer)
            results.append((p, answer))
            if answer.kind != "receipt":
                break
        return results

    def _too_old(self, data: bytes, answer: Answer) -> Answer:
        """A refused format-2 case whose server does not read format 2 (it is older than
        format 2: its rulesets answer did not list it): say so, and what to do."""
        formats = self.client.server_formats
        if formats is None or FORMAT_V2 in formats or FORMAT_V2_RESULT not in data:
            return answer
        return Answer(
            "quarantine",
            "this case was assessed with a format-2 ruleset, and the council's server is older "
            "than format 2 (it reads only " + ", ".join(formats) + "): ask the administrator to "
            "upgrade rasdesk-server and publish the ruleset, then send the case again with "
            f"rasdesk sync --retry-quarantined. The server said: {answer.reason}",
        )

    # --- the results ---------------------------------------------------------------
    def _outcome(self, p: Pending, answer: Answer) -> Outcome:
        if answer.kind == "receipt":
            self._failures_in_a_row = 0
            self.report.sent.append(note(p, receipt=answer.receipt))
            return Outcome(
                p.version_uuid, "sent", receipt=answer.receipt, received_at=answer.received_at
            )
        if answer.kind == "quarantine":
            self._failures_in_a_row = 0
            self.report.quarantined.append(note(p, reason=answer.reason))
            return Outcome(p.version_uuid, "quarantined", reason=answer.reason)
        if answer.kind == "revoked":
            self.revoked = answer.reason
        elif answer.kind == "offline":
            self.offline = answer.reason
        if answer.kind != "retry":
            self.halt.set()
            return Outcome(p.version_uuid, "unsent")
        wait = backoff_seconds(
            p.attempts + 1, self.opts.backoff_base, self.opts.backoff_cap, self.rng
        )
        if answer.retry_after is not None:
            wait = max(wait, answer.retry_after)
            if answer.retry_after > self.opts.max_wait:
                self.not_before = after(answer.retry_after)
                self.stopped = f"the server asked to wait until {self.not_before}"
                self.halt.set()
        next_at = after(wait)
        self._failures_in_a_row += 1
        if self._failures_in_a_row >= self.opts.max_consecutive_failures and not self.halt.is_set():
            self.stopped = f"{self._failures_in_a_row} failures in a row"
            self.halt.set()
        self.report.failed.append(note(p, reason=answer.reason, next_attempt_at=next_at))
        return Outcome(p.version_uuid, "failed", reason=answer.reason, next_attempt_at=next_at)

    def _collect(
        self, chain: list[Pending], results: list[tuple[Pending, Answer]]
    ) -> list[Outcome]:
        outcomes = [self._outcome(p, a) for p, a in results]
        if results and results[-1][1].kind != "receipt":
            stuck = results[-1][0]
            for p in chain[len(results) :]:
                self.blocked[p.version_uuid] = stuck.version_uuid
                why = f"waits for version {stuck.number}"
                self.report.waiting.append(note(p, reason=why))
        outcomes += [Outcome(p.version_uuid, "unsent") for p in chain[len(results) :]]
        return outcomes

    def run(self) -> None:
        chains = self.chains()
        total, done = sum(len(c) for c in chains), 0
        window = max(1, self.opts.workers) * 2
        pending = iter(chains)
        running: dict[Future[list[tuple[Pending, Answer]]], list[Pending]] = {}
        self.progress("sending", 0, total)
        with ThreadPoolExecutor(
            max(1, self.opts.workers), thread_name_prefix="rasdesk-sync"
        ) as pool:
            while True:
                if not self.halt.is_set() and self.should_stop():
                    self.stopped = "stopped on request"
                    self.halt.set()
                batch: list[list[Pending]] = []
                while not self.halt.is_set() and len(running) + len(batch) < window:
                    chain = next(pending, None)
                    if chain is None:
                        break
                    batch.append(chain)
                if batch:
                    ids = [p.version_uuid for c in batch for p in c]
                    outbox.start_sending(self.store, ids)
                    data = outbox.bundles(self.store, ids)
                    for chain in batch:
                        running[pool.submit(self._send, chain, data)] = chain
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                outcomes: list[Outcome] = []
                for future in finished:
                    chain = running.pop(future)
                    outcomes += self._collect(chain, future.result())
                    done += len(chain)
                outbox.settle(self.store, outcomes)
                self.progress("sending", done, total)
        if self.halt.is_set():
            left = [p for chain in pending for p in chain]
            why = f"not tried this time: {self.revoked or self.offline or self.stopped}"
            self.report.waiting.extend(note(p, reason=why) for p in left)
