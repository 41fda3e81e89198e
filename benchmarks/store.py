"""The encrypted case store with 50,000 cases: the case list, name search, one autosaved
answer, and peak memory.

Targets (judged on p95, the stricter figure; p50 is printed too):
  - open the case list (``CaseStore.open`` + ``queries.list_cases(limit=200)``) < 100 ms
  - name search (``queries.list_cases(search=...)``)                            < 50 ms
  - one autosaved answer (``CaseStore.set_answer``), p95                         < 20 ms

The store is a real SQLCipher file opened with ``CaseStore.open(path, key, "bench")`` and a
random 32-byte key (independent of RASDESK_HOME). It holds N cases (default 50,000) made
with a fixed seed: UK and Welsh names, council references, 4 in 5 person assessments and
1 in 5 carers' (some linked to the person's case), answers to the demo ruleset (shown
questions only, a few changed once), notes, amendments, and a mix of states (most sent,
some drafts, finalised, queued, failed, quarantined) over three years.

How the bulk is built: going through the public API (``new_case``, ``set_answer``,
``lifecycle.finalise`` …, one transaction and one fsync each) takes about 15 ms a case,
so 50,000 would take some 12 minutes. Instead the same rows are written with direct SQL
in large transactions (``synchronous = OFF`` for the build only), mirroring exactly what
the API writes: the same tables and columns, the same values (answers encoded with
``check_answer`` + ``canonical``, results with ``compute_budget``, bundles sealed with
``seal``), the same audit events, outbox and receipt rows, and in the same order so that
the schema's triggers (answers only on drafts, FTS index) run as they do in use. After a
build, a sample of the cases (every state and feature) is replayed through the real API
into a scratch store and both are compared row by row (ids, times and sessions
normalised); the build stops if they differ. The measured operations use the real API.

The built file is cached in ``$TMPDIR/rasdesk-bench-cache`` under a name made of BUILD,
the schema version and N, so a re-run only copies it (each run measures a fresh copy,
fsynced before timing, so the cache never changes). ``--rebuild`` builds it again.

Each search is also checked to return the same cases, in the same order, as the plain
FTS query (with and without a state filter). The OS page cache is warm in every case
("cold" means a new connection with an empty SQLite page cache). An autosave's cost is
mostly its fsync, which depends on the disk: the file system (``df -T``) and the cost of
one 4 KiB fsync there are printed. Peak memory is measured in a fresh process started
through ``sh`` (see ``memory``) so that the build's memory does not count.

    .venv/bin/python benchmarks/store.py [N] [--rebuild]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rasdesk.domain.answers import check_answer, visible_values
from rasdesk.domain.budget import compute_budget
from rasdesk.domain.bundle import FORMAT, canonical, open_bundle, seal
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model import Question, Questionnaire
from rasdesk.platform.rulesets import Verified, load_signed
from rasdesk.storage import lifecycle, queries
from rasdesk.storage.migrations import SCHEMA_VERSION
from rasdesk.storage.store import CaseStore, Person

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"
BUILD = "2"  # change when the generated data changes: the cached store is then rebuilt
SEED = 20261123
CACHE = Path(tempfile.gettempdir()) / "rasdesk-bench-cache"
TARGET_LIST_MS, TARGET_SEARCH_MS, TARGET_SAVE_MS = 100.0, 50.0, 20.0
END = dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)  # "now" in the generated store
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
SECOND, MINUTE, HOUR, DAY = 1_000, 60_000, 3_600_000, 86_400_000  # milliseconds
BATCH = 2_500  # cases per build transaction

# --- names (weights are rough relative frequencies; the store is a Welsh council's) ------
SURNAMES = {
    "Jones": 575, "Williams": 390, "Davies": 350, "Evans": 240, "Thomas": 230,
    "Roberts": 160, "Hughes": 110, "Lewis": 110, "Morgan": 90, "Griffiths": 80,
    "Edwards": 70, "Owen": 65, "Price": 60, "Rees": 55, "Jenkins": 55, "Lloyd": 45,
    "Phillips": 40, "Morris": 40, "James": 40, "Powell": 35, "Parry": 35, "Harris": 30,
    "Watkins": 25, "Bowen": 15, "Pritchard": 15, "Pugh": 15, "Bevan": 10, "Vaughan": 12,
    "Howells": 10, "Llewellyn": 10, "Meredith": 8, "Prosser": 8, "Wynne": 6, "Rhys": 5,
    "Gruffydd": 4, "Gwyn": 3, "Maddocks": 3, "Cadwaladr": 1, "Prydderch": 1,
    "ap Iorwerth": 1, "Smith": 120, "Brown": 70, "Taylor": 70, "Wilson": 50,
    "Johnson": 45, "Thompson": 40, "Walker": 40, "Wright": 40, "Robinson": 35,
    "White": 35, "Hall": 35, "Green": 35, "Clarke": 35, "Patel": 35, "Wood": 30,
    "Khan": 30, "Ali": 25, "Begum": 20, "Hussain": 20, "Singh": 20, "Murphy": 20,
    "Kaur": 15, "O'Brien": 15, "Kelly": 15, "Campbell": 15, "Stewart": 12,
    "MacDonald": 10, "Nowak": 6, "Chen": 5, "Fitzgerald": 5, "Kowalski": 4, "Okafor": 4,
    "Mensah": 3, "Nguyen": 3, "Ashworth": 3, "Pemberton": 3, "Featherstone": 2,
    "Abubakar": 2, "Winterbottom": 1,
}  # fmt: skip
# The long tail (most people do not have a top-ten name): weights 80 down to 20, so that
# Jones is about 6% of cases and the ten commonest names about a quarter, as in Wales.
TAIL = (
    "Richards", "Ellis", "Matthews", "John", "Hopkins", "Humphreys", "Francis", "Mason",
    "Harries", "Baker", "Hill", "Moore", "Cooper", "King", "Lee", "Turner", "Carter",
    "Mitchell", "Bennett", "Cook", "Ward", "Bell", "Scott", "Jackson", "Martin", "Allen",
    "Young", "Hughes-Jones", "Collins", "Rogers", "Reynolds", "Palmer", "Webb",
    "Shaw", "Mills", "Lloyd-Williams", "Fisher", "Knight", "Ryan", "Gibson", "Marshall",
    "Kennedy", "Hamilton", "Graham", "Holmes", "Chapman", "Harvey", "Butler", "Barnes",
    "Russell", "Dixon", "Cole", "Pearce", "Fox", "Stevens", "Hunt", "Ford", "Cox", "Gray",
    "Newman", "Lowe", "Rowlands", "Tudor", "Bowden", "Beynon", "Probert", "Gwilliam",
    "Llywelyn", "Cadogan", "Gittins", "Kinsey", "Lewis-Evans", "Probyn", "Saunders",
    "Nicholas", "Mathias", "Protheroe", "Ifans", "Dyfnallt", "Elias", "Ashton", "Barker",
    "Brooks", "Chambers", "Day", "Dean", "Elliott", "Foster", "Gardner", "Grant", "Hart",
    "Hayes", "Hudson", "Lawrence", "Lord", "Mann", "Nash", "Osborne", "Parker", "Payne",
    "Perry", "Porter", "Read", "Rose", "Shepherd", "Simpson", "Spencer", "Stone", "Sutton",
    "Tucker", "Wade", "Wallace", "Warren", "Watts", "Weaver", "West", "Wheeler", "Willis",
    "Woods", "Yates", "Adebayo", "Chowdhury", "Zhang", "Wiśniewski", "Ó Súilleabháin",
)  # fmt: skip
SURNAMES.update({name: 80 - 60 * i // (len(TAIL) - 1) for i, name in enumerate(TAIL)})
FIRST_NAMES = {
    "Margaret": 60, "Mary": 50, "Joan": 40, "Dorothy": 35, "Jean": 35, "Patricia": 30,
    "Elizabeth": 40, "Eileen": 25, "Brenda": 25, "Betty": 20, "Doris": 15, "Susan": 25,
    "Linda": 20, "Christine": 20, "Anne": 25, "Sarah": 15, "Emma": 10, "Claire": 10,
    "Sophie": 6, "Chloe": 5, "Gwyneth": 25, "Glenys": 20, "Megan": 15, "Myfanwy": 12,
    "Eirlys": 10, "Olwen": 12, "Ceinwen": 6, "Gwenllïan": 3, "Siân": 20, "Rhian": 15,
    "Nia": 10, "Catrin": 10, "Bethan": 12, "Ffion": 6, "Cerys": 6, "Angharad": 8,
    "Eleri": 8, "Heledd": 4, "Lowri": 6, "Mererid": 2, "John": 60, "David": 50,
    "William": 40, "Robert": 35, "Michael": 30, "Peter": 30, "Brian": 25, "Kenneth": 20,
    "Alan": 20, "Derek": 15, "James": 20, "Stephen": 15, "Mark": 10, "Jack": 5,
    "Oliver": 4, "Liam": 4, "Connor": 3, "Jamie": 4, "Dafydd": 20, "Gareth": 20,
    "Rhys": 12, "Huw": 15, "Emrys": 10, "Gwilym": 8, "Iorwerth": 4, "Idris": 5,
    "Islwyn": 4, "Emlyn": 6, "Dai": 6, "Aled": 8, "Owain": 8, "Iolo": 4, "Llŷr": 3,
    "Gethin": 5, "Tomos": 5, "Osian": 3, "Mohammed": 12, "Ahmed": 6, "Priya": 5,
    "Aisha": 5, "Fatima": 5, "Zainab": 3, "Agnieszka": 3, "Tomasz": 3, "Chidi": 2,
}  # fmt: skip
RELATIONS = ("daughter", "son", "wife", "husband", "neighbour", "friend", "advocate")
ASSESSORS = (
    "Sam Patel", "Rhian Lloyd", "Gareth Evans", "Nia Hughes", "Tom Bevan", "Aisha Khan",
    "Owain Price", "Claire Morgan", "Dafydd Rees", "Helen Walker", "Cerys Thomas",
)  # fmt: skip
NOTES = (
    "Mornings are the hardest; her daughter helps with breakfast.",
    "Uses a frame indoors and a wheelchair outside.",
    "Likes to be called by his middle name.",
    "Wants to keep going to chapel on Sundays.",
    "Mae'n well ganddi siarad Cymraeg gartref.",
    "A neighbour does the shopping on Fridays.",
    "Needs help at night since coming home from hospital.",
    "Hearing aid in the left ear; speak on that side.",
    "Husband is the main carer and is finding it hard.",
    "Misses the day centre, which closed last year.",
)
AMEND_REASONS = (
    "Needs increased after a fall",
    "Wrong answer recorded for washing",
    "Review after discharge from hospital",
    "Carer's circumstances changed",
    "Council asked for night help to be checked again",
)
FAIL_REASONS = (
    "the council server did not answer within 30 s",
    "no network connection",
    "TLS handshake failed: the server's certificate is not yet valid",
)
QUARANTINE_REASONS = (
    "the council server refused the bundle: unknown ruleset version",
    "the council server refused the bundle: the person already has an open assessment",
)


# --- the plan: what happened to each case, in time order ---------------------------------
@dataclass
class Step:
    at: int  # ms since the epoch
    kind: str  # "answer" | "note"
    question: str
    value: Any  # the answer as given to set_answer, or the note's text


@dataclass
class VersionPlan:
    uuid: str
    session: str
    session_start: int
    started: int
    reason: str | None  # the amendment's reason (version 2 and later)
    steps: list[Step] = field(default_factory=list)
    finalised: int | None = None
    moves: list[tuple[int, str, str | None]] = field(default_factory=list)  # (at, to, reason)
    receipt: tuple[str, int, int] | None = None  # (receipt, received_at, recorded_at)

    @property
    def state(self) -> str:
        if self.receipt:
            return "sent"
        if self.moves:
            return self.moves[-1][1]
        return "finalised" if self.finalised is not None else "draft"


@dataclass
class CasePlan:
    uuid: str
    questionnaire: str
    person: Person
    actor: str
    created: int
    linked: str | None
    versions: list[VersionPlan] = field(default_factory=list)


def stamp(ms: int) -> str:
    """The store's time format (``store.now()``) for ``ms`` since the epoch."""
    t = EPOCH + dt.timedelta(milliseconds=ms)
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def ms_of(t: dt.datetime) -> int:
    return (t - EPOCH) // dt.timedelta(milliseconds=1)


def rand_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def random_value(question: Question, rng: random.Random) -> Any:
    options = list(question.option_by_id)
    if question.type == "single":
        return rng.choice(options)
    if question.type == "multiple":
        others = [o for o in options if o != "none"]
        if "none" in options and rng.random() < 0.15:
            return ["none"]
        return rng.sample(others, rng.randint(1, len(others)))
    low, high = int(question.minimum or 0), int(question.maximum or 100)
    if high - low > 20:  # hours of care: mostly modest, sometimes many
        return int(rng.triangular(low, high, low + (high - low) * 0.15))
    return rng.randint(low, high)


def shown(questionnaire: Questionnaire, answers: dict[str, Any]) -> frozenset[str]:
    typed = {q: check_answer(questionnaire.question_by_id[q], v) for q, v in answers.items()}
    return visible_values(questionnaire, typed)[1]


def random_answers(questionnaire: Questionnaire, rng: random.Random) -> dict[str, Any]:
    """A valid, complete set: every shown question answered, no hidden one."""
    answers = {q.id: random_value(q, rng) for q in questionnaire.questions()}
    visible = shown(questionnaire, answers)
    return {q: v for q, v in answers.items() if q in visible}


def pick_state(rng: random.Random, age_days: float) -> str:
    if age_days < 1:
        weights = {"draft": 70, "finalised": 20, "queued": 4, "sent": 6}
    elif age_days < 14:
        weights = {"draft": 35, "finalised": 8, "queued": 2, "failed": 3, "quarantined": 1}
        weights["sent"] = 100 - sum(weights.values())
    else:  # old drafts were abandoned; a few sends are stuck
        weights = {"draft": 3.0, "finalised": 0.3, "failed": 0.4, "quarantined": 0.3}
        weights["sent"] = 100 - sum(weights.values())
    return rng.choices(list(weights), list(weights.values()))[0]


def working_times(rng: random.Random, n: int, years: int = 3) -> list[int]:
    """n case-start times on weekdays, 08:30-17:00, over the last ``years`` before END."""
    first = END.date() - dt.timedelta(days=365 * years)
    days = [
        d for d in (first + dt.timedelta(days=i) for i in range(365 * years)) if d.weekday() < 5
    ]
    starts = []
    for _ in range(n):
        day = rng.choice(days)
        midnight = ms_of(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))
        starts.append(midnight + rng.randint(510 * MINUTE, 1020 * MINUTE))
    return sorted(starts)


def plan_version(
    rng: random.Random,
    questionnaire: Questionnaire,
    version: VersionPlan,
    answers: dict[str, Any],
    state: str,
    *,
    changes: dict[str, Any] | None = None,
) -> None:
    """Fill in a version's steps and send history, ending in ``state`` (or sooner, if
    that would run past END)."""
    end = ms_of(END)
    t = version.started
    if changes is None:  # a first version: answer the questions in order
        order = list(answers)
        if state == "draft":
            order = order[: rng.randint(0, len(order))]
        for qid in order:
            t += rng.randint(15 * SECOND, 150 * SECOND)
            if rng.random() < 0.07:  # first one answer, then another
                question = questionnaire.question_by_id[qid]
                first = random_value(question, rng)
                if first != answers[qid] and shown(questionnaire, {**answers, qid: first}) == shown(
                    questionnaire, answers
                ):
                    version.steps.append(Step(t, "answer", qid, first))
                    t += rng.randint(10 * SECOND, 60 * SECOND)
            version.steps.append(Step(t, "answer", qid, answers[qid]))
    else:
        for qid, value in changes.items():
            t += rng.randint(20 * SECOND, 120 * SECOND)
            version.steps.append(Step(t, "answer", qid, value))
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, 2)):
            t += rng.randint(20 * SECOND, 180 * SECOND)
            topic = rng.choice([*answers, "general"])
            version.steps.append(Step(t, "note", topic, rng.choice(NOTES)))
    if state == "draft" or t > end:
        return
    t += rng.randint(1 * MINUTE, 15 * MINUTE)
    if t > end:
        return
    version.finalised = t
    if state == "finalised":
        return
    queued = t + rng.randint(2 * SECOND, 2 * HOUR)
    sending = queued + rng.randint(1 * SECOND, 3 * SECOND)
    if sending + 10 * SECOND > end:
        return
    version.moves.append((queued, "queued", None))
    if state == "queued":
        return
    version.moves.append((sending, "sending", None))
    if state == "failed":
        version.moves.append((sending + 30 * SECOND, "failed", rng.choice(FAIL_REASONS)))
    elif state == "quarantined":
        version.moves.append(
            (sending + rng.randint(2, 9) * SECOND, "quarantined", rng.choice(QUARANTINE_REASONS))
        )
    else:
        received = sending + rng.randint(1 * SECOND, 4 * SECOND)
        receipt = f"RCPT-{rng.getrandbits(64):016x}"
        version.receipt = (receipt, received, received + rng.randint(100, 900))


def make_plans(n: int, verified: Verified, seed: int = SEED) -> list[CasePlan]:
    rng = random.Random(seed)
    by_id = verified.ruleset.questionnaire_by_id
    surnames, surname_w = list(SURNAMES), list(SURNAMES.values())
    firsts, first_w = list(FIRST_NAMES), list(FIRST_NAMES.values())
    end = ms_of(END)
    ref_seq: dict[int, int] = {}
    people: list[CasePlan] = []
    plans = []
    for created in working_times(rng, n):
        year = (EPOCH + dt.timedelta(milliseconds=created)).year
        carer = rng.random() < 0.2
        linked = None
        surname = rng.choices(surnames, surname_w)[0]
        if carer and people and rng.random() < 0.35:
            target = rng.choice(people[-300:])
            linked = target.uuid
            surname = target.person.name.rsplit(" ", 1)[-1]
        elif rng.random() < 0.02:
            surname = f"{surname}-{rng.choices(surnames, surname_w)[0]}"
        name = rng.choices(firsts, first_w)[0]
        if rng.random() < 0.15:
            name += " " + rng.choices(firsts, first_w)[0]
        ref = None
        if rng.random() < 0.93:
            ref_seq[year] = ref_seq.get(year, 0) + rng.randint(1, 3)
            ref = f"ASC-{year}-{ref_seq[year]:05d}"
        age = 30 + int(55 * rng.random()) if carer else 18 + int(84 * rng.betavariate(2.5, 1.3))
        birth = (EPOCH + dt.timedelta(milliseconds=created)).date() - dt.timedelta(
            days=365 * age + rng.randint(0, 364)
        )
        language = "cy" if rng.random() < 0.12 else "en"
        needs: tuple[str, ...] = ()
        if rng.random() < 0.15:
            pool = ["large_print", "easy_read", "bsl", "audio", "braille", "plain_text"]
            needs = tuple(rng.sample(pool, rng.randint(1, 2)))
        if language == "cy" and rng.random() < 0.5:
            needs = ("welsh", *needs)
        helper = None
        if rng.random() < 0.2:
            helper = f"{rng.choices(firsts, first_w)[0]} {surname} ({rng.choice(RELATIONS)})"
        person = Person(
            name=f"{name} {surname}",
            date_of_birth=None if rng.random() < 0.04 else birth.isoformat(),
            council_ref=ref,
            format_needs=needs,
            language=language,
            helper=helper,
        )
        questionnaire = by_id["carer" if carer else "person"]
        plan = CasePlan(
            rand_uuid(rng),
            questionnaire.id,
            person,
            rng.choice(ASSESSORS),
            created,
            linked,
        )
        answers = random_answers(questionnaire, rng)
        state = pick_state(rng, (end - created) / DAY)
        first = VersionPlan(
            rand_uuid(rng),
            f"{rng.getrandbits(48):012x}",
            created - rng.randint(1 * MINUTE, 30 * MINUTE),
            created,
            None,
        )
        plan_version(rng, questionnaire, first, answers, state)
        plan.versions.append(first)
        if first.receipt and rng.random() < 0.04:  # an amendment, some time after
            started = first.receipt[2] + rng.randint(1 * DAY, 90 * DAY)
            if started < end - HOUR:
                changes: dict[str, Any] = {}
                visible = shown(questionnaire, answers)
                for qid in rng.sample(list(answers), rng.randint(1, 3)):
                    value = random_value(questionnaire.question_by_id[qid], rng)
                    changed = {**answers, **changes, qid: value}
                    if value != answers[qid] and shown(questionnaire, changed) == visible:
                        changes[qid] = value
                second = VersionPlan(
                    rand_uuid(rng),
                    f"{rng.getrandbits(48):012x}",
                    started - rng.randint(1 * MINUTE, 30 * MINUTE),
                    started,
                    rng.choice(AMEND_REASONS),
                )
                v2_state = pick_state(rng, (end - started) / DAY)
                plan_version(
                    rng, questionnaire, second, {**answers, **changes}, v2_state, changes=changes
                )
                plan.versions.append(second)
        plans.append(plan)
        if not carer:
            people.append(plan)
    return plans


# --- the bulk writer: the API's rows, by direct SQL ----------------------------------------
class Rows:
    """One build transaction's rows, table by table."""

    def __init__(self) -> None:
        self.cases: list[tuple[Any, ...]] = []
        self.versions: list[tuple[Any, ...]] = []
        self.finalise: list[tuple[Any, ...]] = []
        self.answers: list[tuple[Any, ...]] = []
        self.notes: list[tuple[Any, ...]] = []
        self.audit: list[tuple[Any, ...]] = []
        self.outbox: list[tuple[Any, ...]] = []
        self.receipts: list[tuple[Any, ...]] = []
        self.seq = 0

    def key(self, at: int) -> tuple[int, int]:
        """Rows of all the batch's cases go in time order, as they would have been written."""
        self.seq += 1
        return (at, self.seq)


class Writer:
    def __init__(self, verified: Verified) -> None:
        self.verified = verified
        self.ruleset = verified.ruleset
        self.started_new = (
            f"{self.ruleset.id} {self.ruleset.version} {self.ruleset.sha256}"  # "case started"
        )
        self._encoded: dict[tuple[str, str, Any], tuple[str, Any]] = {}

    def encode(self, questionnaire: Questionnaire, qid: str, value: Any) -> tuple[str, Any]:
        """What set_answer stores, and what store.answers() reads back from it."""
        key = (questionnaire.id, qid, tuple(value) if isinstance(value, list) else value)
        found = self._encoded.get(key)
        if found is None:
            checked = check_answer(questionnaire.question_by_id[qid], value)
            text = canonical(list(checked) if isinstance(checked, tuple) else checked).decode()
            found = self._encoded[key] = (text, loads_strict(text))
        return found

    def add(self, plan: CasePlan, rows: Rows) -> None:
        questionnaire = self.ruleset.questionnaire_by_id[plan.questionnaire]
        p = plan.person
        times = [plan.created]  # every event sets the case's updated_at
        # question -> (sort key of its latest row, encoded, parsed): store.answers / notes
        current: dict[str, tuple[tuple[int, int], str, Any]] = {}
        notes: dict[str, tuple[tuple[int, int], str]] = {}
        weekly: str | None = None
        previous: VersionPlan | None = None
        for number, v in enumerate(plan.versions, start=1):
            mono = _Mono(v.session_start)
            trail: list[dict[str, Any]] = []  # this version's audit, as finalise reads it

            def audit(
                at: int,
                event: str,
                *,
                v: VersionPlan = v,
                mono: _Mono = mono,
                trail: list[dict[str, Any]] = trail,
                **values: str | None,
            ) -> None:
                """store.audit: one row, and the same as finalise will read it back."""
                row = {"at": stamp(at), "event": event, "question": None, "old": None}
                row.update({"new": None, "reason": None, **values})
                fields = tuple(row[k] for k in ("event", "question", "old", "new", "reason"))
                head = (plan.uuid, v.uuid, row["at"], mono(at), v.session, plan.actor)
                rows.audit.append((rows.key(at), head + fields))
                trail.append(row)
                times.append(at)

            started = stamp(v.started)
            rows.versions.append(
                (
                    v.uuid,
                    plan.uuid,
                    number,
                    previous.uuid if previous else None,
                    v.reason,
                    self.ruleset.sha256,
                    plan.actor,
                    None,  # device_id: not set by the CLI yet
                    started,
                )
            )
            if previous is None:  # store.new_case
                audit(v.started, "case started", new=self.started_new)
                if plan.linked:
                    audit(v.started, "linked", new=plan.linked)
            else:  # lifecycle.amend: copy the answers and notes, in the order it reads them
                weekly = None
                audit(v.started, "amended", old=previous.uuid, reason=v.reason)
                for qid, (_, text, parsed) in sorted(current.items(), key=lambda kv: kv[1][0]):
                    k = rows.key(v.started)
                    rows.answers.append((k, (v.uuid, qid, text, started, 0, v.session)))
                    current[qid] = (k, text, parsed)
                for qid, (_, text) in sorted(notes.items(), key=lambda kv: kv[1][0]):
                    k = rows.key(v.started)
                    rows.notes.append((k, (v.uuid, qid, text, started)))
                    notes[qid] = (k, text)
            for step in v.steps:  # store.set_answer / store.set_note
                at, k = stamp(step.at), rows.key(step.at)
                if step.kind == "answer":
                    text, parsed = self.encode(questionnaire, step.question, step.value)
                    old = current.get(step.question)
                    row = (v.uuid, step.question, text, at, mono(step.at), v.session)
                    rows.answers.append((k, row))
                    current[step.question] = (k, text, parsed)
                    audit(
                        step.at,
                        "answer",
                        question=step.question,
                        old=old[1] if old else None,
                        new=text,
                    )
                else:
                    rows.notes.append((k, (v.uuid, step.question, step.value, at)))
                    notes[step.question] = (k, step.value)
                    audit(step.at, "note", question=step.question, new=step.value)
            if v.finalised is not None:  # lifecycle.finalise, transition, record_receipt
                digest, bundle, weekly = self.bundle(plan, v, previous, current, notes, trail)
                audit(v.finalised, "finalised", new=digest)
                state, state_reason = "finalised", None
                for at, to, reason in v.moves:
                    audit(at, to, old=state, reason=reason)
                    state, state_reason = to, reason
                if v.receipt:
                    receipt, received, recorded = v.receipt
                    audit(recorded, "sent", old=state, new=receipt)
                    rows.receipts.append(
                        (v.uuid, plan.uuid, digest, receipt, stamp(received), stamp(recorded))
                    )
                    state, state_reason = "sent", None
                else:
                    rows.outbox.append((v.uuid,))
                rows.finalise.append(
                    (state, state_reason, stamp(v.finalised), bundle, digest, v.uuid)
                )
            previous = v
        rows.cases.append(
            (
                plan.uuid,
                plan.questionnaire,
                questionnaire.kind,
                p.name.strip(),
                p.date_of_birth,
                p.council_ref,
                json.dumps(list(p.format_needs)),
                p.language,
                p.helper,
                plan.linked,
                stamp(plan.created),
                stamp(max(times)),
                plan.versions[-1].uuid,
                plan.versions[-1].state,
                weekly,
            )
        )

    def bundle(
        self,
        plan: CasePlan,
        v: VersionPlan,
        previous: VersionPlan | None,
        current: dict[str, tuple[tuple[int, int], str, Any]],
        notes: dict[str, tuple[tuple[int, int], str]],
        trail: list[dict[str, Any]],
    ) -> tuple[str, bytes, str]:
        """lifecycle.finalise's bundle: (sha256, canonical bytes, weekly)."""
        answers = {qid: parsed for qid, (_, _, parsed) in current.items()}
        doc = {"questionnaire": plan.questionnaire, "answers": answers}
        result = compute_budget(self.ruleset, doc, plan.person.language, f"case {plan.uuid[:8]}")
        as_dict = result.as_dict()
        p = plan.person
        bundle = {
            "format": FORMAT,
            "case_uuid": plan.uuid,
            "version_uuid": v.uuid,
            "supersedes": previous.uuid if previous else None,
            "amendment_reason": v.reason,
            "questionnaire": plan.questionnaire,
            "person": {
                "name": p.name.strip(),
                "date_of_birth": p.date_of_birth,
                "council_ref": p.council_ref,
                "format_needs": list(p.format_needs),
                "language": p.language,
            },
            "linked_case_uuid": plan.linked,
            "answers": answers,
            "notes": {q: text for q, (_, text) in notes.items() if text},
            "ruleset": result.ruleset.as_dict(),
            "result": as_dict,
            "assessor": {"name": plan.actor, "device_id": None},
            "started_at": stamp(v.started),
            "finalised_at": stamp(v.finalised or 0),
            "audit": trail,
        }
        data, digest = seal(bundle)
        return digest, data, str(as_dict["weekly"])


class _Mono:
    """``time.monotonic_ns() - store._mono0`` for a session that started at ``start``."""

    def __init__(self, start: int) -> None:
        self.start = start

    def __call__(self, at: int) -> int:
        return (at - self.start) * 1_000_000 + 41_000


def build(path: Path, key: bytes, n: int) -> None:
    verified = load_signed(DEMO / "demo.ruleset.signed.json", [DEMO / "DEMO-public-key.pem"])
    t0 = time.perf_counter()
    plans = make_plans(n, verified)
    print(f"  planned {n:,} cases in {time.perf_counter() - t0:.1f} s", flush=True)
    store = CaseStore.open(path, key, "bench")  # creates the schema through the migrations
    conn = store.db.conn
    conn.execute("PRAGMA synchronous = OFF")  # this connection only: build speed
    conn.execute("PRAGMA cache_size = -262144")
    writer = Writer(verified)
    conn.execute(
        "INSERT INTO rulesets (sha256, id, version, signed, stored_at) VALUES (?, ?, ?, ?, ?)",
        (
            verified.ruleset.sha256,
            verified.ruleset.id,
            verified.ruleset.version,
            verified.signed_bytes,
            stamp(plans[0].created),
        ),
    )
    for first in range(0, n, BATCH):
        rows = Rows()
        for plan in plans[first : first + BATCH]:
            writer.add(plan, rows)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO cases (case_uuid, questionnaire, kind, person_name, date_of_birth, council_ref,"
            " format_needs, language, helper, linked_case_uuid, created_at, updated_at, current_version,"
            " state, weekly) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.cases,
        )
        conn.executemany(
            "INSERT INTO versions (version_uuid, case_uuid, number, supersedes, amendment_reason, state,"
            " ruleset_sha256, assessor, device_id, started_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
            rows.versions,
        )
        conn.executemany(
            "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, ?, ?, ?, ?, ?)",
            [r for _, r in sorted(rows.answers, key=lambda kr: kr[0])],
        )
        conn.executemany(
            "INSERT INTO notes (version_uuid, question, text, at) VALUES (?, ?, ?, ?)",
            [r for _, r in sorted(rows.notes, key=lambda kr: kr[0])],
        )
        conn.executemany(
            "UPDATE versions SET state = ?, state_reason = ?, finalised_at = ?, bundle = ?,"
            " bundle_sha256 = ? WHERE version_uuid = ?",
            rows.finalise,
        )
        conn.executemany(
            "INSERT INTO audit (case_uuid, version_uuid, at, mono_ns, session, actor, event, question,"
            " old, new, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [r for _, r in sorted(rows.audit, key=lambda kr: kr[0])],
        )
        conn.executemany("INSERT INTO outbox (version_uuid) VALUES (?)", rows.outbox)
        conn.executemany(
            "INSERT INTO receipts (version_uuid, case_uuid, bundle_sha256, receipt, received_at,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            rows.receipts,
        )
        conn.execute("COMMIT")
        done = min(first + BATCH, n)
        if done % 10_000 == 0 or done == n:
            print(f"  {done:,} cases written ({time.perf_counter() - t0:.0f} s)", flush=True)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    check_against_api(path, key, plans, verified)


# --- the check: the bulk rows are the API's rows --------------------------------------------
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
SHA_RE = re.compile(r"\b[0-9a-f]{64}\b")


class Normaliser:
    """Ids in order of appearance (U1, U2 …), times as T, sessions as S, monotonic offsets
    as M (0 stays 0: amend writes 0), bundle hashes as H; bundles are opened (which checks
    their sha256) and normalised inside."""

    def __init__(self, ruleset_sha: str) -> None:
        self.ruleset_sha = ruleset_sha
        self.ids: dict[str, str] = {}

    def __call__(self, value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v) for v in value]
        if key == "session":
            return "S"
        if key == "mono_ns":
            return 0 if value == 0 else "M"
        if isinstance(value, bytes):
            return self(open_bundle(value))
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, str):
            value = UUID_RE.sub(lambda m: self.ids.setdefault(m[0], f"U{len(self.ids)}"), value)
            value = TIME_RE.sub("T", value)
            value = SHA_RE.sub(lambda m: m[0] if m[0] == self.ruleset_sha else "H", value)
        return value


def dump(store: CaseStore, case_uuid: str) -> dict[str, Any]:
    """Every row the store holds for one case, in the order written."""

    def rows(sql: str, *args: Any) -> list[dict[str, Any]]:
        cur = store.db.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    out: dict[str, Any] = {"case": rows("SELECT * FROM cases WHERE case_uuid = ?", case_uuid)}
    name = out["case"][0]["person_name"]
    out["versions"] = rows("SELECT * FROM versions WHERE case_uuid = ? ORDER BY number", case_uuid)
    for v in out["versions"]:
        vid = v["version_uuid"]
        v["answers"] = rows(
            "SELECT version_uuid, question, value, at, mono_ns, session FROM answers"
            " WHERE version_uuid = ? ORDER BY id",
            vid,
        )
        v["current answers"] = store.answers(vid)
        v["notes"] = rows(
            "SELECT version_uuid, question, text, at FROM notes WHERE version_uuid = ? ORDER BY id",
            vid,
        )
        v["outbox"] = rows("SELECT * FROM outbox WHERE version_uuid = ?", vid)
        v["receipts"] = rows("SELECT * FROM receipts WHERE version_uuid = ?", vid)
    out["audit"] = rows(
        "SELECT case_uuid, version_uuid, at, mono_ns, session, actor, event, question, old, new,"
        " reason FROM audit WHERE case_uuid = ? ORDER BY id",
        case_uuid,
    )
    out["found by name"] = store.db.execute(
        "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH ?"
        " AND rowid = (SELECT rowid FROM cases WHERE case_uuid = ?)",
        (queries.fts_query(name), case_uuid),
    ).fetchone()[0]
    return out


def sample(plans: list[CasePlan]) -> list[CasePlan]:
    """A few cases of every state and feature, and the cases they link to."""
    features = {
        **{
            f"ends {state}": (lambda p, s=state: p.versions[-1].state == s)
            for state in ("draft", "finalised", "queued", "failed", "quarantined", "sent")
        },
        "empty draft": lambda p: not p.versions[0].steps,
        "amended, draft": lambda p: len(p.versions) > 1 and p.versions[1].state == "draft",
        "amended, sent": lambda p: len(p.versions) > 1 and p.versions[1].state == "sent",
        "notes": lambda p: any(s.kind == "note" for v in p.versions for s in v.steps),
        "changed answer": lambda p: (
            len({s.question for s in p.versions[0].steps}) < len(p.versions[0].steps)
        ),
        "carer, linked": lambda p: p.linked is not None,
        "Welsh": lambda p: p.person.language == "cy",
        "helper, needs": lambda p: bool(p.person.helper and len(p.person.format_needs) > 1),
        "no ref, no birth date": lambda p: not p.person.council_ref or not p.person.date_of_birth,
        "diacritics": lambda p: any(c in p.person.name for c in "âïŷ"),
    }
    chosen: dict[str, CasePlan] = {}
    for feature, test in features.items():
        found = [p for p in plans if test(p)][:3]
        if not found:
            print(f"  (no case has the feature: {feature})")
        for plan in found:
            chosen[plan.uuid] = plan
    by_uuid = {p.uuid: p for p in plans}
    for plan in list(chosen.values()):
        if plan.linked:
            chosen[plan.linked] = by_uuid[plan.linked]
    return sorted(chosen.values(), key=lambda p: p.created)


def replay(store: CaseStore, plan: CasePlan, ids: dict[str, str], verified: Verified) -> str:
    """The plan through the public API."""
    store.actor = plan.actor
    linked = ids[plan.linked] if plan.linked else None
    case_uuid, _ = store.new_case(
        plan.person,
        plan.questionnaire,
        verified.ruleset,
        verified.signed_bytes,
        linked_case=linked,
    )
    ids[plan.uuid] = case_uuid
    for number, v in enumerate(plan.versions, start=1):
        if number > 1:
            lifecycle.amend(store, case_uuid, v.reason or "")
        for step in v.steps:
            if step.kind == "answer":
                store.set_answer(case_uuid, step.question, step.value)
            else:
                store.set_note(case_uuid, step.question, step.value)
        if v.finalised is None:
            continue
        lifecycle.finalise(store, case_uuid)
        vid = store.current_version(case_uuid)["version_uuid"]
        for _, to, reason in v.moves:
            lifecycle.transition(store, vid, to, reason)
        if v.receipt:
            lifecycle.record_receipt(store, vid, v.receipt[0], stamp(v.receipt[1]))
    return case_uuid


def check_against_api(path: Path, key: bytes, plans: list[CasePlan], verified: Verified) -> None:
    chosen = sample(plans)
    bulk = CaseStore.open(path, key, "bench")
    with tempfile.TemporaryDirectory(dir=path.parent, prefix="api-") as tmp:
        api = CaseStore.open(Path(tmp) / "api.db", key, "bench")
        ids: dict[str, str] = {}
        try:
            for plan in chosen:
                theirs = replay(api, plan, ids, verified)
                want = Normaliser(verified.ruleset.sha256)(dump(api, theirs))
                got = Normaliser(verified.ruleset.sha256)(dump(bulk, plan.uuid))
                if got != want:
                    lines = difflib.unified_diff(
                        json.dumps(want, indent=1, default=str).splitlines(),
                        json.dumps(got, indent=1, default=str).splitlines(),
                        "through the API",
                        "bulk build",
                        lineterm="",
                    )
                    print("\n".join(list(lines)[:60]))
                    raise SystemExit(f"the bulk build differs from the API for case {plan.uuid}")
        finally:
            api.close()
            bulk.close()
    print(f"  checked: {len(chosen)} sample cases match the API's rows exactly (normalised)")


# --- measuring --------------------------------------------------------------------------
def p50_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def report(label: str, seconds: list[float], target: float | None = None) -> bool:
    ms = [s * 1000 for s in seconds]
    p50, p95 = p50_p95(ms)
    line = f"  {label:<38} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   (n={len(ms)})"
    met = target is None or p95 < target
    if target is not None:
        line += f"   target < {target:g} ms: {'met' if met else 'MISSED'}"
    print(line)
    return met


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


SEARCHES = (
    ("Jones", "commonest surname"),
    ("Williams", "common surname"),
    ("Smith", "common English surname"),
    ("Siân", "first name, circumflex"),
    ("sian jones", "two words"),
    ("Margaret", "common first name"),
    ("Gwenllïan", "rare first name"),
    ("Winterbottom", "rare surname"),
    ("Cadwaladr", "rare surname"),
    ("jon", "3-letter prefix"),
    ("wil", "3-letter prefix"),
    ("mar", "3-letter prefix"),
    ("dav", "3-letter prefix"),
    ("Zebedee", "no such name"),
)
SAVES = (  # question and two answers to alternate between (none changes what is shown)
    ("washing", ("some", "lots")),
    ("night_help", (2, 3)),
    ("home_tasks", (["shopping"], ["shopping", "cleaning"])),
    ("getting_out", ("none", "some")),
)


def same_as_plain_query(store: CaseStore, text: str, state: str | None) -> None:
    """list_cases(search=...) finds what the plain FTS query finds, newest first."""
    sql = (
        "SELECT case_uuid, updated_at FROM cases WHERE rowid IN"
        " (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)"
        + (" AND state = ?" if state else "")
        + " ORDER BY updated_at DESC LIMIT 200"
    )
    args = (queries.fts_query(text), state) if state else (queries.fts_query(text),)
    want = store.db.execute(sql, args).fetchall()
    got = [(r.case_uuid, r.updated_at) for r in queries.list_cases(store, search=text, state=state)]
    # (cases changed in the same millisecond may come in either order)
    same = [t for _, t in got] == [t for _, t in want] and set(got) == set(want)
    assert same, f"list_cases(search={text!r}, state={state!r}) differs from the plain query"


def measure(path: Path, key: bytes) -> dict[str, bool]:
    met: dict[str, bool] = {}
    print("\n1. open the case list: CaseStore.open + list_cases(limit=200)")
    cold, opens = [], []
    for _ in range(30):
        t0 = time.perf_counter()
        store = CaseStore.open(path, key, "bench")
        t1 = time.perf_counter()
        rows = queries.list_cases(store, limit=200)
        cold.append(time.perf_counter() - t0)
        opens.append(t1 - t0)
        store.close()
        assert len(rows) == 200
    print(f"  first open + list of this run: {cold[0] * 1000:.2f} ms")
    report("open alone (connect + migrate check)", opens)
    met["list (cold open + list)"] = report("cold: open + list", cold, TARGET_LIST_MS)
    store = CaseStore.open(path, key, "bench")
    queries.list_cases(store, limit=200)
    warm = [timed(queries.list_cases, store, limit=200)[0] for _ in range(50)]
    met["list (warm)"] = report("warm: list alone", warm, TARGET_LIST_MS)

    print("\n2. name search: list_cases(search=...), the first 200 by last change")
    ref, number = store.db.execute(
        "SELECT council_ref, substr(council_ref, 10) FROM cases WHERE council_ref IS NOT NULL"
        " ORDER BY rowid LIMIT 1 OFFSET ?",
        (store.db.execute("SELECT count(*) FROM cases").fetchone()[0] // 2,),
    ).fetchone()
    everything: list[float] = []
    for text, what in (*SEARCHES, (ref, "a council ref"), (number, "a ref's number")):
        for state in (None, "sent", "draft"):
            same_as_plain_query(store, text, state)
        matches = len(queries.list_cases(store, search=text, limit=10**9))
        queries.list_cases(store, search=text)  # first run not counted
        samples = [timed(queries.list_cases, store, search=text)[0] for _ in range(15)]
        everything += samples
        report(f"{text!r} ({what}; {matches:,})", samples)
    met["search"] = report("all searches together", everything, TARGET_SEARCH_MS)

    print("\n3. one autosaved answer: set_answer on a draft (each call writes and commits)")
    mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[
        store.db.execute("PRAGMA synchronous").fetchone()[0]
    ]
    print(f"  journal_mode={mode}, synchronous={sync}: each commit fsyncs the WAL")
    drafts = [
        r[0]
        for r in store.db.execute(
            "SELECT case_uuid FROM cases WHERE state = 'draft' AND questionnaire = 'person'"
            " ORDER BY updated_at DESC LIMIT 10"
        )
    ]
    last: dict[tuple[str, str], Any] = {}
    for case_uuid in drafts:
        given = store.answers(store.current_version(case_uuid)["version_uuid"])
        for qid, _ in SAVES:
            value = given.get(qid)
            last[case_uuid, qid] = list(value) if isinstance(value, tuple) else value
    before = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]

    def save(i: int) -> float:
        case_uuid, (qid, pair) = drafts[i % len(drafts)], SAVES[(i // len(drafts)) % len(SAVES)]
        value = pair[1] if last[case_uuid, qid] == pair[0] else pair[0]
        last[case_uuid, qid] = value
        return timed(store.set_answer, case_uuid, qid, value)[0]

    first = save(0)
    saves = [save(i) for i in range(1, 201)]
    written = store.db.execute("SELECT count(*) FROM answers").fetchone()[0] - before
    assert written == 201, f"{written} answers written, not 201"
    print(f"  first save after opening (reads the pinned ruleset): {first * 1000:.2f} ms")
    met["answer save"] = report("set_answer", saves, TARGET_SAVE_MS)
    store.close()
    return met


def memory(path: Path, key: bytes) -> None:
    print("\n4. peak memory: a fresh process opens the store and does the three operations")
    # Through sh, which forks it: Linux keeps a process's RSS high-water mark across fork
    # and exec, so a child started straight from this (large) process would report ours.
    out = subprocess.run(
        ["/bin/sh", "-c", '"$@"; exit $?', "sh", sys.executable, __file__, "--child", str(path)],
        input=key.hex(),
        capture_output=True,
        text=True,
        check=True,
    )
    m = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  peak RSS (ru_maxrss):            {m['rss'] / 1024:6.1f} MiB")
    print(f"    of which Python + imports:     {m['base'] / 1024:6.1f} MiB")
    print(f"  Python allocations (tracemalloc) peak: {m['traced'] / 2**20:6.2f} MiB")


def child(path: Path) -> None:
    key = bytes.fromhex(sys.stdin.readline().strip())
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def operations() -> None:
        store = CaseStore.open(path, key, "bench")
        queries.list_cases(store, limit=200)
        for text in ("Jones", "wil", "Siân", "Winterbottom"):
            queries.list_cases(store, search=text)
        (draft,) = store.db.execute(
            "SELECT case_uuid FROM cases WHERE state = 'draft' AND questionnaire = 'person'"
            " ORDER BY updated_at DESC LIMIT 1"
        ).fetchone()
        for i in range(20):
            store.set_answer(draft, "washing", ("some", "lots")[i % 2])
        store.close()

    operations()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    operations()
    traced = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"base": base, "rss": rss, "traced": traced}))


def fsync_cost(path: Path) -> None:
    """What one small write + fsync costs here: an autosave's floor."""
    samples = []
    with path.open("wb") as fh:
        for i in range(50):
            fh.write(os.urandom(4096))
            fh.flush()
            t0 = time.perf_counter()
            os.fsync(fh.fileno())
            if i:
                samples.append(time.perf_counter() - t0)
    path.unlink()
    p50, p95 = p50_p95([s * 1000 for s in samples])
    print(f"fsync of a 4 KiB append here: p50 {p50:.3f} ms, p95 {p95:.3f} ms")


def size(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=50_000)
    parser.add_argument("--rebuild", action="store_true", help="build the cached store again")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    n = args.cases
    CACHE.mkdir(parents=True, exist_ok=True)
    name = f"store-b{BUILD}-s{SCHEMA_VERSION}-n{n}"
    db, keyfile = CACHE / f"{name}.db", CACHE / f"{name}.key"
    if args.rebuild or not (db.exists() and keyfile.exists()):
        for stale in CACHE.glob("store-*"):  # keep one build: they are large
            stale.unlink()
        key = os.urandom(32)
        building = CACHE / f"{name}.building"
        print(f"building the store: {n:,} cases -> {db}", flush=True)
        t0 = time.perf_counter()
        build(building, key, n)
        elapsed = time.perf_counter() - t0
        keyfile.write_text(key.hex())
        keyfile.chmod(0o600)
        os.replace(building, db)
        print(f"built in {elapsed:.1f} s: {size(db)}")
    else:
        print(f"cached store: {db} ({size(db)}); --rebuild builds it again")
    key = bytes.fromhex(keyfile.read_text())

    with tempfile.TemporaryDirectory(dir=CACHE, prefix="run-") as tmp:
        work = Path(tmp) / "cases.db"
        t0 = time.perf_counter()
        shutil.copyfile(db, work)
        with work.open("rb+") as fh:
            os.fsync(fh.fileno())  # no write-back of the copy while fsyncs are timed
        print(f"working copy: {work} ({time.perf_counter() - t0:.1f} s to copy and fsync)")
        print(subprocess.run(["df", "-T", tmp], capture_output=True, text=True).stdout.rstrip())
        fsync_cost(Path(tmp) / "fsync-probe")
        store = CaseStore.open(work, key, "bench")
        sqlite = store.db.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = store.db.execute("PRAGMA cipher_version").fetchone()[0]
        states = store.db.execute(
            "SELECT state, count(*) FROM cases GROUP BY state ORDER BY count(*) DESC"
        ).fetchall()
        counts = {
            t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("cases", "versions", "answers", "notes", "audit")
        }
        store.close()
        print(f"SQLite {sqlite}, SQLCipher {cipher}; schema version {SCHEMA_VERSION}")
        print("rows: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
        print("cases by state: " + ", ".join(f"{s} {c:,}" for s, c in states))
        met = measure(work, key)
        memory(work, key)
    print(
        "\ntargets (p95): " + "; ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in met.items())
    )


if __name__ == "__main__":
    main()
