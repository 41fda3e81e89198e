"""``rasdesk-server braille CASE_UUID -o F.brf``: the braille-ready letter for a case the
council has received (its latest version), for a person whose recorded needs include
braille: English in UEB grade 2, Welsh in Welsh grade 2, through liblouis on the server
(``rasdesk.printing.braille``). The letter is rebuilt from the received bundle and the
published ruleset exactly as the laptop builds it, and must give the bundle's figures.
The person's own notes are left out: the bundle does not record their agreement.
"""

from __future__ import annotations

from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.printing.braille import braille_document
from rasdesk.printing.compose import compose, compose_bilingual
from rasdesk.printing.letter import Letter, build_letter
from rasdesk.printing.letter_v2 import build_letter_v2
from rasdesk.server.db import Database
from rasdesk.server.recompute_v2 import answers_document
from rasdesk.server.rulesets import RulesetCache


def head_bundle(db: Database, case_uuid: str) -> dict[str, Any]:
    """The latest received version of a case, as its bundle."""
    with db.connection() as conn:
        row = conn.execute(
            "SELECT v.bundle FROM cases c JOIN versions v ON v.version_uuid = c.head_version"
            " WHERE c.case_uuid = ?",
            (case_uuid,),
        ).fetchone()
    if row is None:
        raise InputError(f"case {case_uuid}: not received by this server (check the case id)")
    bundle: dict[str, Any] = loads_strict(bytes(row[0]))
    return bundle


def _letter(db: Database, bundle: dict[str, Any], lang: str) -> Letter:
    ruleset = RulesetCache(db).get(bundle["ruleset"]["sha256"])
    if ruleset is None:
        raise InputError("the case's ruleset is not published on this server: publish it first")
    who: dict[str, Any] = {
        "person": bundle.get("person") or {},
        "assessor": (bundle.get("assessor") or {}).get("name") or "",
        "started_at": bundle.get("started_at") or "",
        "finalised_at": bundle.get("finalised_at"),
    }
    if isinstance(ruleset, RulesetV2):  # recomputed and checked on arrival (recompute_v2.py)
        return build_letter_v2(ruleset, answers_document(bundle), lang=lang, draft=False, **who)
    return build_letter(
        ruleset,
        bundle["questionnaire"],
        bundle["answers"],
        bundle.get("notes") or {},
        lang=lang,
        draft=False,
        frozen_result=bundle["result"],
        notes_on_letter=False,
        **who,
    )


def braille_for_case(
    db: Database, case_uuid: str, language: str | None = None, style: str = "standard"
) -> bytes:
    """The .brf bytes of the case's letter in ``language`` (en, cy or cy+en; default: the
    person's recorded language)."""
    bundle = head_bundle(db, case_uuid)
    language = language or (bundle.get("person") or {}).get("language") or "en"
    if language == "cy+en":
        doc = compose_bilingual(_letter(db, bundle, "cy"), _letter(db, bundle, "en"), style)
    elif language in ("en", "cy"):
        doc = compose(_letter(db, bundle, language), style)
    else:
        raise InputError(f'--language: "en", "cy" or "cy+en", not {language!r}')
    return braille_document(doc)
