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

``case_document`` is the one builder of the answers document every computation of a stored
case uses: computing and finalising (``lifecycle.py``), the app's budget and letter, a
draft moving to another ruleset (``rebase.py``: the linked answers checked under each
ruleset) and a review (``review.py``: last time's figures from the linked answers its
bundle froze, ``frozen``; now's from the linked case).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rasdesk.domain.answers import AnswerValue, json_value
from rasdesk.domain.answers_v2 import read_answers_v2
from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import AnswersError, LinkedCaseError, Problem, StorageError
from rasdesk.domain.model_v2 import Fact, RulesetV2
from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.storage import answered_by
from rasdesk.storage.migrations import FROZEN_STATES as FROZEN  # answers frozen in these
from rasdesk.storage.store import CaseStore


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


def _pinned(store: CaseStore, case_uuid: str) -> AnyRuleset:
    return store.any_ruleset(store.current_version(case_uuid)["ruleset_sha256"])


def facts_of(
    store: CaseStore, case_uuid: str, ruleset: AnyRuleset | None = None
) -> tuple[Fact, ...]:
    """The facts the case's questionnaire declares in ``ruleset`` (default: its pinned one;
    none for format 1)."""
    ruleset = _pinned(store, case_uuid) if ruleset is None else ruleset
    if not isinstance(ruleset, RulesetV2):
        return ()
    questionnaire = ruleset.questionnaire_by_id.get(store.case_row(case_uuid)["questionnaire"])
    return () if questionnaire is None else questionnaire.facts


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


def read_linked(
    store: CaseStore,
    case_uuid: str,
    ruleset: AnyRuleset | None = None,
    *,
    linked_to: str | None = None,
    frozen: dict[str, Any] | None = None,
) -> LinkedAnswers | None:
    """The linked answers the case's facts are read from; None when it declares no facts.
    Raises ``LinkedCaseError`` naming what is missing and what to do.

    ``ruleset`` is the one the case is computed with (default: its pinned one; another when
    its draft moves to a newer ruleset, or a review works last time's answers out under
    the new one). The answers are read from the case's linked case, or ``linked_to`` (a
    review's carer, before it is linked), or a finalised bundle's frozen ``linked``
    (``frozen``: last time's, in a review)."""
    ruleset = _pinned(store, case_uuid) if ruleset is None else ruleset
    facts = facts_of(store, case_uuid, ruleset)
    if not facts:
        return None
    assert isinstance(ruleset, RulesetV2)
    if frozen is not None:
        return _checked(case_uuid, ruleset, facts, *_frozen_source(store, case_uuid, frozen))
    linked_uuid = store.case_row(case_uuid)["linked_case_uuid"] if linked_to is None else linked_to
    if linked_uuid is None:
        labels = ", ".join(f'"{f.label.get("en")}"' for f in facts)
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
    # The questionnaire is checked before any version is read (a purged case has none).
    _refuse_wrong(case_uuid, facts, linked_case["person_name"], linked_case["questionnaire"])
    version = _read_version(store, linked_uuid)
    answers = store.answers_json(version["version_uuid"])
    return _checked(
        case_uuid,
        ruleset,
        facts,
        linked_uuid,
        linked_case["person_name"],
        linked_case["questionnaire"],
        version,
        answers,
    )


def _frozen_source(
    store: CaseStore, case_uuid: str, bundle: dict[str, Any]
) -> tuple[str, str, str, dict[str, Any], dict[str, Any]]:
    """A finalised bundle's frozen linked answers, as ``_checked`` reads them."""
    source, linked = bundle.get("linked_version"), bundle.get("linked")
    if source is None or linked is None:
        raise LinkedCaseError(
            f"case {case_uuid[:8]}: the finalised assessment it is compared with kept no "
            "answers of the cared-for person's case: nothing was computed",
            [
                Problem(
                    "linked.versions",
                    "it was finalised before the facts were read from the person's case; "
                    "ask the council's team for the person's answers then",
                )
            ],
        )
    try:
        name = store.case_row(source["case_uuid"])["person_name"]
    except StorageError:  # a case this laptop never held: the bundle still says which
        name = f"case {source['case_uuid'][:8]}"
    return source["case_uuid"], name, linked["questionnaire"], source, linked["answers"]


def _refuse_wrong(case_uuid: str, facts: tuple[Fact, ...], name: str, questionnaire: str) -> None:
    wrong = [f for f in facts if f.questionnaire != questionnaire]
    if wrong:
        raise LinkedCaseError(
            f"case {case_uuid[:8]} cannot read its facts from {name}'s case: nothing was computed",
            [
                Problem(
                    "linked.questionnaire",
                    f'the fact "{f.id}" ({f.label.get("en")}) is read from a "{f.questionnaire}" '
                    f'assessment, but {name}\'s case is a "{questionnaire}" '
                    "assessment; link the carer's assessment to the cared-for person's own case",
                )
                for f in wrong
            ],
        )


def _checked(
    case_uuid: str,
    ruleset: RulesetV2,
    facts: tuple[Fact, ...],
    linked_uuid: str,
    name: str,
    questionnaire: str,
    version: dict[str, Any],
    answers: dict[str, Any],
) -> LinkedAnswers:
    """The linked answers, checked under ``ruleset``: the fact's questionnaire, answers the
    ruleset can use, each fact's question answered where it was shown."""
    _refuse_wrong(case_uuid, facts, name, questionnaire)
    doc = {"questionnaire": questionnaire, "answers": answers}
    linked_q = ruleset.questionnaire_by_id[questionnaire]
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
        questionnaire,
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


def case_document(
    store: CaseStore,
    case_uuid: str,
    ruleset: AnyRuleset | None = None,
    answers: Mapping[str, AnswerValue] | None = None,
    *,
    linked_to: str | None = None,
    frozen: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], LinkedAnswers | None]:
    """The answers document the case is computed from, and the linked answers in it: the one
    builder every computation of a stored case goes through (computing, finalising, the
    app's budget and letter, moving a draft to another ruleset, a review's "since last
    time"). Format 2 adds who answered (when recorded) and ``linked`` (when the
    questionnaire declares facts); format 1's is ``{"questionnaire", "answers"}``.

    By default the current version's answers under its pinned ruleset; ``ruleset`` and
    ``answers`` give others (a draft moving, last time's answers). ``frozen``: a finalised
    bundle, whose who-answered and linked answers are used; ``linked_to``: read the facts
    from that case rather than the case's own link (see ``read_linked``)."""
    case = store.case_row(case_uuid)
    # A finalised bundle's answers under a given ruleset need no version of this case.
    needed = ruleset is None or answers is None or frozen is None
    version = store.current_version(case_uuid) if needed else None
    if ruleset is None:
        assert version is not None
        ruleset = store.any_ruleset(version["ruleset_sha256"])
    if answers is None:
        assert version is not None
        answered = store.answers_json(version["version_uuid"])
    else:
        answered = {q: json_value(v) for q, v in answers.items()}
    doc: dict[str, Any] = {"questionnaire": case["questionnaire"], "answers": answered}
    if not isinstance(ruleset, RulesetV2):
        return doc, None
    if frozen is not None:
        who = frozen.get("answered_by")
    else:
        assert version is not None
        who = answered_by.answered_by(store, version["version_uuid"])
    if who is not None:
        doc["answered_by"] = who
    linked = read_linked(store, case_uuid, ruleset, linked_to=linked_to, frozen=frozen)
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


def facts_under(
    store: CaseStore, case_uuid: str, ruleset: AnyRuleset, *, linked_to: str | None = None
) -> dict[str, object]:
    """The facts the case's questions read under ``ruleset`` (a draft moving to it, a
    review starting on it), from its linked case or ``linked_to``; none while they cannot
    be read (the figure worked out then says why)."""
    try:
        linked = read_linked(store, case_uuid, ruleset, linked_to=linked_to)
    except LinkedCaseError:
        return {}
    return {} if linked is None else linked.facts


def fact_values(store: CaseStore, case_uuid: str) -> dict[str, object]:
    """The facts the question flow's conditions read: the finalised version's frozen ones,
    or the draft's as the linked case gives them now; none while they cannot be read (the
    budget and check pages say why)."""
    try:
        linked = linked_shown(store, case_uuid)
    except (LinkedCaseError, AnswersError):
        return {}
    return {} if linked is None else linked.facts
