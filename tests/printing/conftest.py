"""The demo's sample cases, made once through the store API, and their letters rendered
(on first use) in every style and both languages. Each letter is written to a file and read
back with poppler's tools and pdfplumber (tests/printing/pdfs.py)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rasdesk.domain.result import Result
from rasdesk.platform.paths import demo_dir
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.render import render
from rasdesk.storage.lifecycle import finalise, preview
from rasdesk.storage.store import CaseStore
from tests.printing.pdfs import Pdf
from tests.storage.helpers import answered_case, new_store

STYLES = ("standard", "large", "easy")
LANGS = ("en", "cy")

# Distinctive words in the person's own notes: on the letter only with their agreement.
NOTE_WASHING = "Zebra-striped towel, warmed, on Tuesdays"
NOTE_GENERAL = "Prefers the marmalade cat to stay in the room"
NOTE_REFUSED = "Quixotic yellow kazoo lessons on Fridays"


@dataclass(frozen=True)
class Sample:
    name: str  # the demo answers file
    case_uuid: str
    weekly: str  # as printed, hard-coded from the demo (and checked against the engine)
    draft: bool
    questionnaire: str
    answers: dict[str, Any]
    result: Result
    notes_agreed: bool


# name → (person, weekly shown, finalised?, notes, notes agreed?)
PLAN: dict[str, tuple[str, str, bool, dict[str, str], bool]] = {
    "person-example": (
        "Siân Jones",
        "£301.20",
        True,
        {"washing": NOTE_WASHING, "general": NOTE_GENERAL},
        True,
    ),
    # A draft: over the sign-off limit and flagged; the carer point adjustment does not apply.
    "person-high-needs": ("Dafydd Prys", "£620.40", False, {}, False),
    # Notes recorded, but the person did not agree to them being on the letter.
    "person-no-carer": (
        "Eirlys Thomas",
        "£326.40",
        True,
        {"activities": NOTE_REFUSED, "general": NOTE_REFUSED},
        False,
    ),
    "carer-example": ("Huw Jones", "£35.00", True, {}, False),
}
SAMPLES = tuple(PLAN)


class Library:
    """The sample cases in one store, and a cache of their rendered letters."""

    def __init__(self, store: CaseStore, folder: Path) -> None:
        self.store, self.folder = store, folder
        self.samples: dict[str, Sample] = {}
        self._pdfs: dict[tuple[str, str, str], Pdf] = {}

    def add(self, name: str) -> Sample:
        person, weekly, final, notes, agreed = PLAN[name]
        extra: dict[str, Any] = {"date_of_birth": "1950-02-03", "council_ref": f"DC-{name[:6]}"}
        if name == "carer-example":
            extra["linked_case"] = self.samples["person-example"].case_uuid
        case = answered_case(self.store, person, name, **extra)
        for question, text in notes.items():
            self.store.set_note(case, question, text)
        self.store.set_notes_on_letter(case, agreed)
        result = preview(self.store, case)
        if final:
            finalise(self.store, case)
        doc = json.loads(
            (demo_dir() / "answers" / f"{name}.json").read_text("utf-8"), parse_float=Decimal
        )
        sample = Sample(
            name,
            case,
            weekly,
            not final,
            doc["questionnaire"],
            doc["answers"],
            result,
            agreed,
        )
        self.samples[name] = sample
        return sample

    def pdf(self, name: str, style: str, lang: str) -> Pdf:
        key = (name, style, lang)
        if key not in self._pdfs:
            letter, _ = letter_for_case(self.store, self.samples[name].case_uuid, lang)
            self._pdfs[key] = Pdf(render(letter, style), self.folder / f"{name}-{style}-{lang}.pdf")
        return self._pdfs[key]


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("letters")
    with pytest.MonkeyPatch.context() as mp:  # never a real profile, even at session scope
        mp.setenv("RASDESK_HOME", str(tmp_path_factory.mktemp("letters-home")))
        store = new_store(folder)
        lib = Library(store, folder)
        for name in SAMPLES:
            lib.add(name)
        yield lib
        store.close()


def signed_payload() -> bytes:
    """The demo ruleset's signed payload, decoded here (not by rasdesk)."""
    envelope = json.loads((demo_dir() / "demo.ruleset.signed.json").read_text("utf-8"))
    return base64.b64decode(envelope["payload"])


@pytest.fixture(scope="session")
def demo_doc() -> dict[str, Any]:
    """The demo ruleset as signed: the words a letter must show are taken from here."""
    doc: dict[str, Any] = json.loads(signed_payload())
    return doc


@pytest.fixture(scope="session")
def demo_sha256() -> str:
    """The fingerprint a letter must print: the sha256 of the signed payload."""
    return hashlib.sha256(signed_payload()).hexdigest()
