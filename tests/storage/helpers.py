"""Shared set-up for store tests: a store with the demo ruleset, and demo answers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import Verified, load_signed
from rasdesk.storage.store import CaseStore, Person

DEMO = demo_dir()


def demo_ruleset() -> Verified:
    return load_signed(DEMO / "demo.ruleset.signed.json", [DEMO / "DEMO-public-key.pem"])


def demo_answers(name: str = "person-example") -> dict[str, Any]:
    doc = json.loads((DEMO / "answers" / f"{name}.json").read_text("utf-8"), parse_float=Decimal)
    answers: dict[str, Any] = doc["answers"]
    return answers


def new_store(folder: Path, actor: str = "Sam Patel") -> CaseStore:
    return CaseStore.open(folder / "cases.db", bytes(range(32)), actor)


def answered_case(
    store: CaseStore, name: str = "Siân Jones", answers: str = "person-example", **person: Any
) -> str:
    verified = demo_ruleset()
    questionnaire = "carer" if answers.startswith("carer") else "person"
    linked = person.pop("linked_case", None)
    case_uuid, _ = store.new_case(
        Person(name, **person),
        questionnaire,
        verified.ruleset,
        verified.signed_bytes,
        linked_case=linked,
    )
    for question, value in demo_answers(answers).items():
        store.set_answer(case_uuid, question, value)
    return case_uuid
