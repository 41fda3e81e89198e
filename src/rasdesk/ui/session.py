"""What the open app is working with: the case store, the current ruleset, the settings,
and the looks of the open case. Pages ask the session; it asks storage and the domain.
No business rules live here, only the joining up.

At start-up the session may be made before its store is open (``Session.opening``): the
window shows the PIN page first, and the store is opened just after that first paint, or
at the first use of ``store``, ``key`` or ``open()`` if that comes sooner (ui/app.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasdesk.domain.errors import InputError
from rasdesk.platform import settings
from rasdesk.ui import modes as modes_store
from rasdesk.ui.modes import Modes

if TYPE_CHECKING:  # the store, the rulesets and the domain are imported when first used
    from rasdesk.domain.answers import AnswerValue
    from rasdesk.domain.model import Questionnaire, Ruleset
    from rasdesk.platform.rulesets import VerifiedAny
    from rasdesk.storage.store import CaseStore
    from rasdesk.ui.flow import Form

#: Opens the profile's case store: the store and its key.
Opener = Callable[[], "tuple[CaseStore, bytes]"]


@dataclass
class Session:
    _store: CaseStore | None
    store_path: Path
    _key: bytes | None
    demo: bool = False
    app_modes: Modes = field(default_factory=Modes)  # the look outside any case
    case_modes: dict[str, Modes] = field(default_factory=dict)
    _verified: dict[str, VerifiedAny] = field(default_factory=dict)
    _opener: Opener | None = None

    @classmethod
    def opening(cls, store_path: Path, opener: Opener, *, demo: bool = False) -> Session:
        """A session whose store ``opener`` opens when it is first needed."""
        return cls(None, store_path, None, demo=demo, _opener=opener)

    def open(self) -> None:
        """Open the store now, if it is not open yet (errors are the opener's own)."""
        if self._store is None:
            assert self._opener is not None
            self._store, self._key = self._opener()
            self._opener = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> CaseStore:
        self.open()
        assert self._store is not None
        return self._store

    @property
    def key(self) -> bytes:
        self.open()
        assert self._key is not None
        return self._key

    # --- settings and rulesets ---------------------------------------------------------
    def settings(self) -> settings.Settings:
        return settings.load()

    def current_ruleset(self) -> VerifiedAny | None:
        """The installed ruleset new assessments use, format 1 or 2 (verified again against
        trust)."""
        from rasdesk.platform import rulesets

        sha = rulesets.current_sha256()
        if sha is None:
            return None
        if sha not in self._verified:  # verified once per sitting, not on every page
            self._verified[sha] = rulesets.load_signed_any(rulesets.installed_path(sha))
        return self._verified[sha]

    def assessor_changed(self) -> None:
        """The assessor's name was set (first run): every version made from now on, here
        and on worker threads, records it rather than the name the store opened with."""
        self.store.actor = str(self.settings()["assessor_name"]) or self.store.actor

    def open_worker_store(self) -> CaseStore:
        """A second connection, for slow work on another thread (SQLite connections stay
        on the thread that made them)."""
        from rasdesk.storage.store import CaseStore

        return CaseStore.open(self.store_path, self.key, self.store.actor)

    # --- one case ------------------------------------------------------------------------
    def case(self, case_uuid: str) -> dict[str, Any]:
        row = self.store.case_row(case_uuid)
        row["format_needs"] = json.loads(row["format_needs"])
        return row

    def version(self, case_uuid: str) -> dict[str, Any]:
        return self.store.current_version(case_uuid)

    def ruleset_of(self, case_uuid: str) -> Ruleset:
        return self.store.ruleset(self.version(case_uuid)["ruleset_sha256"])

    def questionnaire(self, case_uuid: str) -> Questionnaire:
        return self.store.questionnaire_of(self.version(case_uuid), self.store.case_row(case_uuid))

    def form(self, case_uuid: str) -> Form:
        """The case's questionnaire as the question flow walks it (format 1 or 2)."""
        from rasdesk.domain.model_v2 import QuestionnaireV2
        from rasdesk.ui.flow import FormV1
        from rasdesk.ui.flow_v2 import FormV2

        version = self.version(case_uuid)
        found = self.store.any_ruleset(version["ruleset_sha256"]).questionnaire_by_id[
            self.store.case_row(case_uuid)["questionnaire"]
        ]
        if not isinstance(found, QuestionnaireV2):
            return FormV1(found)
        from rasdesk.storage.linked_facts import fact_values

        return FormV2(found, fact_values(self.store, case_uuid))  # conditions may read them

    def answers(self, case_uuid: str) -> dict[str, AnswerValue]:
        return self.store.answers(self.version(case_uuid)["version_uuid"])

    def notes(self, case_uuid: str) -> dict[str, str]:
        return self.store.notes(self.version(case_uuid)["version_uuid"])

    def is_draft(self, case_uuid: str) -> bool:
        return bool(self.version(case_uuid)["state"] == "draft")

    # --- looks -----------------------------------------------------------------------------
    def modes_for(self, case_uuid: str) -> Modes:
        if case_uuid not in self.case_modes:
            found = modes_store.remembered(case_uuid)
            if found is None:
                case = self.case(case_uuid)
                found = modes_store.modes_for_needs(case["format_needs"], case["language"])
            self.case_modes[case_uuid] = found
        return self.case_modes[case_uuid]

    def carry_into(self, case_uuid: str) -> Modes:
        """Opening a case from the case list keeps the high contrast and the Welsh chosen
        there (the assessor's eyes and language do not change at the door of a case)."""
        modes = self.modes_for(case_uuid)
        carried = replace(
            modes,
            contrast=modes.contrast or self.app_modes.contrast,
            language="cy" if self.app_modes.language == "cy" else modes.language,
        )
        if carried != modes:
            self.set_modes(case_uuid, carried)
        return carried

    def set_modes(self, case_uuid: str | None, modes: Modes) -> None:
        if case_uuid is None:
            self.app_modes = modes
            return
        self.case_modes[case_uuid] = modes
        modes_store.remember(case_uuid, modes)

    # --- starting a case ---------------------------------------------------------------------
    def start_case(self, person: Any, kind: str, linked: str | None) -> str:
        """A new draft for ``person`` with the current ruleset's questionnaire of ``kind``."""
        verified = self.current_ruleset()
        if verified is None:
            raise InputError("no ruleset is installed: install your council's ruleset first")
        chosen = [q for q in verified.ruleset.questionnaires if q.kind == kind]
        if not chosen:
            raise InputError(f"the installed ruleset has no {kind} questionnaire")
        from rasdesk.sync.device import enrolled_device_id

        case_uuid, _version = self.store.new_case(
            person,
            chosen[0].id,
            verified.ruleset,
            verified.signed_bytes,
            linked_case=linked,
            device_id=enrolled_device_id(),
        )
        return case_uuid

    # --- the budget ------------------------------------------------------------------------
    def is_format2(self, case_uuid: str) -> bool:
        from rasdesk.domain.model_v2 import RulesetV2

        sha = self.version(case_uuid)["ruleset_sha256"]
        return isinstance(self.store.any_ruleset(sha), RulesetV2)

    def budget_v2(self, case_uuid: str, language: str) -> tuple[Any, Any, bool]:
        """A format-2 case's result (as ``rasdesk compute`` gives it, in ``language``), its
        questionnaire, and whether it is final. A finalised version shows its frozen
        answers' result, which must equal the amounts it was finalised with."""
        from rasdesk.domain.budget_v2 import compute_budget_v2
        from rasdesk.domain.bundle import answers_document, open_bundle
        from rasdesk.domain.errors import StorageError
        from rasdesk.domain.model_v2 import RulesetV2
        from rasdesk.storage.linked_facts import case_document

        case = self.store.case_row(case_uuid)
        version = self.version(case_uuid)
        ruleset = self.store.any_ruleset(version["ruleset_sha256"])
        assert isinstance(ruleset, RulesetV2)
        questionnaire = ruleset.questionnaire_by_id[case["questionnaire"]]
        source = f"case {case_uuid[:8]}"
        if version["bundle"] is None:  # who answered, and a carer's facts, with the answers
            doc, _linked = case_document(self.store, case_uuid)
            return compute_budget_v2(ruleset, doc, language, source), questionnaire, False
        bundle = open_bundle(version["bundle"], source)
        doc = answers_document(bundle)  # the linked answers frozen at finalising
        again = compute_budget_v2(ruleset, doc, language, source)
        totals = [(a["id"], a["council"], a["total"]) for a in bundle["result"]["amounts"]]
        if [(a["id"], a["council"], a["total"]) for a in again.as_dict()["amounts"]] != totals:
            raise StorageError(f"{source}: recomputing gives other amounts; nothing is shown")
        return again, questionnaire, True

    def budget(self, case_uuid: str, language: str) -> tuple[dict[str, Any], bool]:
        """The budget as ``rasdesk compute --json`` gives it, explained in ``language``, and
        whether it is final. A finalised version shows its frozen figures; the explanation
        is recomputed from the pinned ruleset and must agree with them to the penny."""
        from rasdesk.domain.budget import compute_budget
        from rasdesk.domain.bundle import open_bundle
        from rasdesk.domain.errors import StorageError

        case = self.store.case_row(case_uuid)
        version = self.version(case_uuid)
        ruleset = self.store.ruleset(version["ruleset_sha256"])
        if version["bundle"] is None:
            answers = self.store.answers_json(version["version_uuid"])
            doc = {"questionnaire": case["questionnaire"], "answers": answers}
            return compute_budget(ruleset, doc, language, f"case {case_uuid[:8]}").as_dict(), False
        bundle = open_bundle(version["bundle"], f"case {case_uuid[:8]}")
        doc = {"questionnaire": bundle["questionnaire"], "answers": bundle["answers"]}
        again = compute_budget(ruleset, doc, language, f"case {case_uuid[:8]}").as_dict()
        frozen = bundle["result"]
        if (str(again["weekly"]), str(again["annual"])) != (
            str(frozen["weekly"]),
            str(frozen["annual"]),
        ):
            raise StorageError(
                f"case {case_uuid[:8]}: recomputing with its ruleset gives £{again['weekly']}, "
                f"not the £{frozen['weekly']} it was finalised with; nothing is shown"
            )
        return again, True
