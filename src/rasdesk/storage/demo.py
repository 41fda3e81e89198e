"""The demo profile: a throwaway folder with the DEMO ruleset trusted and installed and a
few fictional cases in every state, so a newcomer sees the whole app in a minute.

Only ``rasdesk demo`` calls this, after pointing ``RASDESK_HOME`` at a new temporary folder
and selecting the in-memory password store (``platform/demo_keyring.py``). The DEMO key is
trusted in that folder only; a real profile never trusts it.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.platform import paths, pin, rulesets, settings, trust
from rasdesk.storage import lifecycle
from rasdesk.storage.profile import open_user_store
from rasdesk.storage.store import CaseStore, Person

DEMO_PIN = "1234"
DEMO_ASSESSOR = "Demo Assessor"


def _answers(name: str) -> dict[str, object]:
    data = json.loads((paths.demo_dir() / "answers" / f"{name}.json").read_text("utf-8"))
    answers: dict[str, object] = data["answers"]
    return answers


def _answer_all(store: CaseStore, case_uuid: str, answers: dict[str, object]) -> None:
    for question, value in answers.items():
        store.set_answer(case_uuid, question, value)


def make_demo_profile() -> CaseStore:
    """Fill the (empty) profile under ``RASDESK_HOME`` and return its open case store.

    The PIN's hash (scrypt, slow on purpose) is made on a worker thread while the ruleset
    is verified and the cases are written, all in one transaction (one write to disk, not
    one per answer); the hash is kept in the password store from this thread."""
    demo = paths.demo_dir()
    settings.set_user("assessor_name", DEMO_ASSESSOR)
    with ThreadPoolExecutor(1, thread_name_prefix="rasdesk-demo-pin") as pool:
        pin_hash = pool.submit(pin.hash_new_pin, DEMO_PIN)  # scrypt lets this thread run
        trust.add_key(demo / "DEMO-public-key.pem")
        verified = rulesets.install(demo / "demo.ruleset.signed.json")
        store = open_user_store()
        try:
            with store.transaction():
                _fill(store, verified.ruleset, verified.signed_bytes)
            pin.keep_hash(pin_hash.result())
        except BaseException:
            store.close()
            raise
    return store


def _fill(store: CaseStore, ruleset: AnyRuleset, signed: bytes) -> None:
    """The demo's fictional cases, in every state."""

    def new(person: Person, questionnaire: str = "person", **kw: str) -> str:
        return store.new_case(person, questionnaire, ruleset, signed, **kw)[0]

    # Sent: the council holds it (a receipt).
    sent = new(Person("Gareth Hughes", "1948-02-11", "WX-100233"))
    _answer_all(store, sent, _answers("person-no-carer"))
    lifecycle.finalise(store, sent)
    version = store.current_version(sent)["version_uuid"]
    for step in ("queued", "sending"):
        lifecycle.transition(store, version, step)
    lifecycle.record_receipt(store, version, "DEMO-RECEIPT-0001", "2026-11-20T10:15:00Z")

    # Needs attention: the server refused one version; a person must look at it.
    refused = new(Person("Priya Shah", "1961-07-30", "WX-100871", ("large_print",)))
    _answer_all(store, refused, _answers("person-high-needs"))
    lifecycle.finalise(store, refused)
    version = store.current_version(refused)["version_uuid"]
    for step in ("queued", "sending"):
        lifecycle.transition(store, version, step)
    lifecycle.transition(
        store,
        version,
        "quarantined",
        "The council's server already holds a different version of this case (409). "
        "Ask the council's team which one is right before sending again.",
    )

    # Waiting to send: finalised, not yet sent.
    person = new(Person("Alys Pritchard", "1952-03-14", "WX-104512", ("welsh",), "cy"))
    _answer_all(store, person, _answers("person-example"))
    lifecycle.finalise(store, person)

    # A carer's assessment linked to her, still a draft with most answers given.
    carer = new(Person("Rhys Pritchard", "1950-09-02", "WX-104513"), "carer", linked_case=person)
    carer_answers = _answers("carer-example")
    carer_answers.pop("relationships")
    _answer_all(store, carer, carer_answers)

    # Drafts: one half done, one just started, one in easy read.
    half = new(Person("John Evans", "1939-12-01", "WX-109876", ("large_print",)))
    _answer_all(store, half, dict(list(_answers("person-example").items())[:6]))
    new(Person("Mary Lewis", "1945-05-21", "WX-110002", ("easy_read",), helper="Her son, Tom"))
