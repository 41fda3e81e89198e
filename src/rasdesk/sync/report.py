"""What a sync run tells its caller, as plain dataclasses (no Qt, no httpx): the CLI prints
them, the desktop app shows them. Also the knobs of a run (``SyncOptions``)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: ``SyncReport.outcome`` values.
OK, FAILED, OFFLINE, REVOKED, STOPPED = "ok", "failed", "offline", "revoked", "stopped"


@dataclass(frozen=True, slots=True)
class VersionNote:
    """One case version in a report. ``reason`` says why it failed or was quarantined;
    ``receipt`` is the council's receipt once it holds the version."""

    case_uuid: str
    version_uuid: str
    number: int
    council_ref: str | None = None
    reason: str | None = None
    receipt: str | None = None
    next_attempt_at: str | None = None


@dataclass(frozen=True, slots=True)
class RulesetNote:
    """A ruleset the server publishes: installed, or refused (``reason`` says why)."""

    ruleset_id: str
    version: str
    sha256: str
    reason: str | None = None
    made_current: bool = False
    #: refused on trust (signature, key); False: a ruleset this rasdesk cannot read
    #: (damaged, or a later format: update rasdesk)
    trust: bool = True


@dataclass
class SyncReport:
    """One run. ``outcome``: ``ok`` (nothing failed), ``failed`` (something failed and will
    be tried again), ``offline`` (the server could not be reached), ``revoked`` (the server
    refused this laptop: enrol again), ``stopped`` (``should_stop`` said so)."""

    started_at: str
    finished_at: str = ""
    outcome: str = OK
    message: str = ""
    server_url: str = ""
    sent: list[VersionNote] = field(default_factory=list)
    already_there: list[VersionNote] = field(default_factory=list)
    failed: list[VersionNote] = field(default_factory=list)
    quarantined: list[VersionNote] = field(default_factory=list)
    waiting: list[VersionNote] = field(default_factory=list)
    rulesets_installed: list[RulesetNote] = field(default_factory=list)
    rulesets_refused: list[RulesetNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: versions the council made (a decision on a support plan), received this run
    received: list[VersionNote] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """For ``rasdesk sync``: 3 revoked or a published ruleset refused on trust, 1 when
        anything failed, the server was unreachable or a published ruleset could not be
        read (a later format: update rasdesk), otherwise 0."""
        if self.outcome == REVOKED or any(r.trust for r in self.rulesets_refused):
            return 3
        if self.outcome in (FAILED, OFFLINE) or self.failed or self.problems:
            return 1
        if self.rulesets_refused:
            return 1
        return 0


@dataclass(frozen=True, slots=True)
class SyncOptions:
    """How a run behaves. The defaults suit the app; tests shorten the waits.

    - ``timeout``: seconds to wait for the server on any one request;
    - ``workers``: uploads in parallel (each case's versions still go in order);
    - ``backoff_base``/``backoff_cap``: a failed version waits base × 2^(attempts − 1)
      seconds, at most ``cap``, then jitter picks between half of that and all of it;
    - ``ignore_backoff``: try failed versions now (``rasdesk sync`` asked by a person);
    - ``max_wait``: a 429's Retry-After up to this many seconds is waited out within
      the run; a longer one ends the run's uploads;
    - ``max_consecutive_failures``: this many failures in a row with no success end the
      run's uploads (the network is down), leaving the rest untouched.
    """

    timeout: float = 30.0
    workers: int = 4
    backoff_base: float = 30.0
    backoff_cap: float = 3600.0
    ignore_backoff: bool = False
    max_wait: float = 10.0
    max_consecutive_failures: int = 8
