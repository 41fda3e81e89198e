"""The facts a format-2 carer's assessment reads from the linked person's case
(docs/ruleset-v2.md §1.5), and the answers document a stored case is computed from.

A case whose questionnaire declares facts is computed with the linked case's answers under
``linked``. **Which version is read:** the linked case's latest finalised version (its
answers are frozen: finalised, queued, sending, sent, failed or quarantined), and only when
it has none, its current draft. A finalised assessment is what the council holds; a draft
may still change, so its answers are read as they stand at the moment of computing. Either
way the version read (its id, number and state) goes with the result: ``LinkedAnswers``
here, the bundle's ``linked_version`` and a ``facts read`` event in the audit trail at
finalising. At finalising the linked answers used are frozen into the bundle (``linked``),
so the council's recomputation and the app's re-display of the finalised version give the
same figures whatever the linked case does later.

Refused, each with a ``LinkedCaseError`` naming the field and what to do (never a
traceback): no linked case; a linked case of another questionnaire than a fact declares;
linked answers the ruleset cannot use (an incomplete draft); a fact whose question was
shown in the linked case but not answered. A fact whose question the linked case did not
show is unanswered, as §1.5 says, and computed as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasdesk.domain.answers_v2 import read_answers_v2
from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import AnswersError, LinkedCaseError, Problem, StorageError
from rasdesk.domain.model_v2 import Fact, RulesetV2
from rasdesk.storage import answered_by
from rasdesk.storage.store import CaseStore

#: The states of a version whose answers are frozen.
FROZEN = ("finalised", "queued", "sending", "sent", "failed", "quarantined")


@dataclass(frozen=True, slots=True)
class LinkedAnswers:
    """The linked case's answers a carer's assessment reads, and which version they are."""

    case_uuid: str
    person_name: str
    version_uuid: str
    number: int
    state: str
    questionnaire: str
    answers: dict[str, Any]
    facts: dict[str, object]  # each answered fact's value, as conditions read it

    def document(self) -> dict[str, Any]:
        """The answers document's ``linked``."""
        return {"questionnaire": self.questionnaire, "answers": self.answers}

    def source(self) -> dict[str, Any]:
        """The bundle's ``linked_version``: which version of the linked case was read."""
        return {
            "case_uuid": self.case_uuid,
            "version_uuid": self.version_uuid,
            "number": self.number,
            "state": self.state,
        }


def facts_of(store: CaseStore, case_uuid: str) -> tuple[Fact, ...]:
    """The facts the case's pinned questionnaire declares (none for format 1)."""
    version = store.current_version(case_uuid)
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    if not isinstance(ruleset, RulesetV2):
        return ()
    return ruleset.questionnaire_by_id[store.case_row(case_uuid)["questionnaire"]].facts


def _read_version(store: CaseStore, linked_uuid: str) -> dict[str, Any]:
    """The linked case's latest frozen version, else its current draft."""
    marks = ", ".join("?" for _ in FROZEN)
    cur = store.db.execute(
        f"SELECT * FROM versions WHERE case_uuid = ? AND state IN ({marks})"
        " ORDER BY number DESC LIMIT 1",
        (linked_uuid, *FROZEN),
    )
    row = cur.fetchone()
    if row is not None:
        return dict(zip([d[0] for d in cur.description], row, strict=True))
    try:
        return store.current_version(linked_uuid)
    except StorageError:  # purged after the council received it: nothing left to read
        raise LinkedCaseError(
            f"the linked case {linked_uuid[:8]} has no answers on this laptop: nothing was computed",
            [
                Problem(
                    "linked.versions",
                    "its versions were removed after the council received them; ask the "
                    "council's team for the person's answers, or link the carer's assessment "
                    "to a newer assessment of the person",
                )
            ],
        ) from None


def read_linked(store: CaseStore, case_uuid: str) -> LinkedAnswers | None:
    """The linked answers the case's facts are read from; None when it declares no facts.
    Raises ``LinkedCaseError`` naming what is missing and what to do."""
    facts = facts_of(store, case_uuid)
    if not facts:
        return None
    case = store.case_row(case_uuid)
    ruleset = store.any_ruleset(store.current_version(case_uuid)["ruleset_sha256"])
    assert isinstance(ruleset, RulesetV2)
    labels = ", ".join(f'"{f.label.get("en")}"' for f in facts)
    linked_uuid = case["linked_case_uuid"]
    if linked_uuid is None:
        raise LinkedCaseError(
            f"case {case_uuid[:8]} reads {labels} from the cared-for person's case, "
            "but it is not linked to one: nothing was computed",
            [
                Problem(
                    "linked_case_uuid",
                    "start the carer's assessment from the person's case (select the person "
                    "in the case list, then New carer's assessment; or rasdesk case new "
                    "--linked-to CASE)",
                )
            ],
        )
    linked_case = store.case_row(linked_uuid)
    name = linked_case["person_name"]
    wrong = [f for f in facts if f.questionnaire != linked_case["questionnaire"]]
    if wrong:
        raise LinkedCaseError(
            f"case {case_uuid[:8]} cannot read its facts from {name}'s case: nothing was computed",
            [
                Problem(
                    "linked.questionnaire",
                    f'the fact "{f.id}" ({f.label.get("en")}) is read from a "{f.questionnaire}" '
                    f'assessment, but {name}\'s case is a "{linked_case["questionnaire"]}" '
                    "assessment; link the carer's assessment to the cared-for person's own case",
                )
                for f in wrong
            ],
        )
    version = _read_version(store, linked_uuid)
    answers = store.answers_json(version["version_uuid"])
    doc = {"questionnaire": linked_case["questionnaire"], "answers": answers}
    linked_q = ruleset.questionnaire_by_id[linked_case["questionnaire"]]
    where = f"{name}'s case (version {version['number']}, {version['state']})"
    try:
        read = read_answers_v2(doc, ruleset, where)
    except AnswersError as exc:
        raise LinkedCaseError(
            f"case {case_uuid[:8]} reads its facts from {where}, whose answers cannot be used "
            "yet: nothing was computed",
            [_in_linked(p, linked_q, name) for p in exc.problems],
        ) from None
    unanswered = [f for f in facts if f.question in read.shown and f.question not in read.visible]
    if unanswered:
        raise LinkedCaseError(
            f"case {case_uuid[:8]} reads facts {name}'s case has not answered: nothing was computed",
            [
                Problem(
                    f"linked.answers.{f.question}",
                    f'answer "{linked_q.question_by_id[f.question].text.get("en")}" in '
                    f'{name}\'s case first (the fact "{f.id}": {f.label.get("en")})',
                )
                for f in unanswered
            ],
        )
    values = {f.id: read.visible[f.question] for f in facts if f.question in read.visible}
    return LinkedAnswers(
        linked_uuid,
        name,
        version["version_uuid"],
        version["number"],
        version["state"],
        linked_case["questionnaire"],
        answers,
        values,
    )


def _in_linked(problem: Problem, questionnaire: Any, name: str) -> Problem:
    """A problem of the linked answers, at its path under ``linked`` and said as what to do."""
    path = problem.path.removeprefix("$.")
    question = path.removeprefix("answers.").split(".")[0]
    asked = questionnaire.question_by_id.get(question)
    if path.startswith("answers.") and asked is not None:
        return Problem(
            f"linked.{path}",
            f'{problem.message}: answer "{asked.text.get("en")}" in {name}\'s case first',
        )
    return Problem(f"linked.{path}", problem.message)


def case_document(store: CaseStore, case_uuid: str) -> tuple[dict[str, Any], LinkedAnswers | None]:
    """The answers document the case's current version is computed from, and the linked
    answers in it. Format 2 adds who answered (when recorded) and ``linked`` (when the
    questionnaire declares facts); format 1's is ``{"questionnaire", "answers"}``."""
    case = store.case_row(case_uuid)
    version = store.current_version(case_uuid)
    vid = version["version_uuid"]
    doc: dict[str, Any] = {
        "questionnaire": case["questionnaire"],
        "answers": store.answers_json(vid),
    }
    if not isinstance(store.any_ruleset(version["ruleset_sha256"]), RulesetV2):
        return doc, None
    who = answered_by.answered_by(store, vid)
    if who is not None:
        doc["answered_by"] = who
    linked = read_linked(store, case_uuid)
    if linked is not None:
        doc["linked"] = linked.document()
    return doc, linked


def linked_shown(store: CaseStore, case_uuid: str) -> LinkedAnswers | None:
    """The linked answers the case's current version uses, for the check and budget pages:
    a finalised version's frozen ones (and the version its bundle names), or a draft's as
    the linked case gives them now (raising ``LinkedCaseError`` as computing would). None
    when the questionnaire declares no facts, or an older bundle names no version."""
    facts = facts_of(store, case_uuid)
    if not facts:
        return None
    version = store.current_version(case_uuid)
    if version["bundle"] is None:
        return read_linked(store, case_uuid)
    bundle = open_bundle(version["bundle"])
    source = bundle.get("linked_version")
    if source is None or bundle.get("linked") is None:
        return None
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    assert isinstance(ruleset, RulesetV2)
    read = read_answers_v2(bundle["linked"], ruleset)
    return LinkedAnswers(
        source["case_uuid"],
        store.case_row(source["case_uuid"])["person_name"],
        source["version_uuid"],
        source["number"],
        source["state"],
        bundle["linked"]["questionnaire"],
        bundle["linked"]["answers"],
        {f.id: read.visible[f.question] for f in facts if f.question in read.visible},
    )


def fact_values(store: CaseStore, case_uuid: str) -> dict[str, object]:
    """The facts the question flow's conditions read: the finalised version's frozen ones,
    or the draft's as the linked case gives them now; none while they cannot be read (the
    budget and check pages say why)."""
    try:
        linked = linked_shown(store, case_uuid)
    except (LinkedCaseError, AnswersError):
        return {}
    return {} if linked is None else linked.facts
