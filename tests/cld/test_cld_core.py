"""The national return's case details: NHS number check digit, the national lists, the
Accessible Information Standard codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.cld.ais import NEEDS, coded
from rasdesk.cld.details import CaseDetails
from rasdesk.cld.lists import (
    CLIENT_TYPES,
    EVENT_TYPES,
    FORMER_REASONS,
    LONG_TERM_ASSESSMENT,
    METHODS_OF_ASSESSMENT,
    METHODS_OF_REVIEW,
    PRIMARY_SUPPORT_REASONS,
    REVIEW_REASONS,
    SHORT_TERM_ASSESSMENT,
    YES_NO_UNKNOWN,
)
from rasdesk.cld.nhs_number import normalise_nhs_number
from rasdesk.decision.mechanisms import MECHANISMS
from rasdesk.domain.errors import InputError
from rasdesk.storage.store import FORMAT_NEEDS

# Valid numbers used as examples in NHS Digital's published documentation and test data
# (943 476 5919 is the Personal Demographics Service example patient).
VALID = ["943 476 5919", "9434765919", "401 023 2137", "485 777 3457"]
# A wrong check digit; the same with a swapped pair; a number whose check would be 10.
INVALID = ["943 476 5918", "943 476 9519", "123 456 7890"]


@pytest.mark.parametrize("text", VALID)
def test_valid_nhs_numbers_are_kept_as_ten_digits(text: str) -> None:
    assert normalise_nhs_number(text) == text.replace(" ", "")


@pytest.mark.parametrize("text", INVALID)
def test_a_wrong_check_digit_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InputError, match=r"^NHS number: .*check digit"):
        normalise_nhs_number(text)


@pytest.mark.parametrize("text", ["94347659", "94347659190", "943476591x", "٩٤٣٤٧٦٥٩١٩"])
def test_a_wrong_length_or_non_digit_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="NHS number: an NHS number is 10 digits"):
        normalise_nhs_number(text)


def test_a_blank_nhs_number_is_none() -> None:
    assert normalise_nhs_number("  ") is None


@pytest.mark.parametrize("reason", PRIMARY_SUPPORT_REASONS)
def test_every_primary_support_reason_round_trips(reason: str) -> None:
    details = CaseDetails(primary_support_reason=reason.upper()).checked()
    assert details.primary_support_reason == reason
    again = CaseDetails.from_dict(json.loads(json.dumps(details.as_dict())))
    assert again == details


@pytest.mark.parametrize("method", METHODS_OF_ASSESSMENT)
@pytest.mark.parametrize("carer", YES_NO_UNKNOWN)
def test_every_method_and_carer_answer_round_trips(method: str, carer: str) -> None:
    details = CaseDetails("9434765919", None, f" {method.upper()} ", "yes", carer.lower()).checked()
    assert (details.method_of_assessment, details.has_unpaid_carer) == (method, carer)
    assert details.eligible_needs_identified == "Yes"
    assert CaseDetails.from_dict(details.as_dict()) == details


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (CaseDetails(primary_support_reason="Needs help"), "Primary Support Reason"),
        (CaseDetails(method_of_assessment="Carrier pigeon"), "Method of Assessment"),
        (CaseDetails(eligible_needs_identified="Maybe"), "Eligible Needs Identified"),
        (CaseDetails(has_unpaid_carer="Sometimes"), "Has Unpaid Carer"),
        (CaseDetails(nhs_number="9434765918"), "NHS number"),
    ],
)
def test_a_value_outside_its_list_is_refused_naming_the_field(
    details: CaseDetails, field: str
) -> None:
    with pytest.raises(InputError, match=f"^{field}: "):
        details.checked()


def test_delivery_mechanisms_are_the_decision_rooms_one_list() -> None:
    assert {m.cld for m in MECHANISMS} == {
        "Direct Payment",
        "CASSR Managed Personal Budget",
        "CASSR Commissioned Support",
    }


def test_every_recorded_need_has_its_ais_entry_and_codes_match_the_published_set() -> None:
    published = json.loads((Path(__file__).parent / "data" / "ais_codes.json").read_text())
    assert "RA-FlagCode" in published["source"]
    assert [n.need for n in NEEDS] == list(FORMAT_NEEDS)
    for need in NEEDS:
        if need.snomed is None:  # Welsh: a language, outside the standard's scope
            assert need.need == "welsh"
            continue
        assert published["concepts"][need.snomed] == need.term, need.need


def test_needs_are_carried_as_codes_and_words() -> None:
    assert coded(["large_print", "welsh"]) == [
        {
            "need": "large_print",
            "snomed": "957331000000109",
            "term": "Requires written information in at least 20 point sans serif font",
        },
        {"need": "welsh", "snomed": None, "term": "Welsh language"},
    ]


def _published(name: str) -> list[str]:
    lists = json.loads((Path(__file__).parent / "data" / "cld_r1_lists.json").read_text())
    entry = lists["lists"][name]
    assert entry["source"]  # every list names where it was copied from
    return list(entry["values"])


def test_the_national_lists_are_the_published_release_1_lists() -> None:
    assert list(PRIMARY_SUPPORT_REASONS) == _published("Primary Support Reason")
    assert list(METHODS_OF_ASSESSMENT) == _published("Method of Assessment")
    assert list(METHODS_OF_REVIEW) == _published("Method of Review")
    assert list(CLIENT_TYPES) == _published("Client Type")
    assert list(EVENT_TYPES) == _published("Event Type")
    assert _published("Assessment Type (care assessments)") == [
        LONG_TERM_ASSESSMENT,
        SHORT_TERM_ASSESSMENT,
    ]
    assert list(REVIEW_REASONS) == _published("Review Reason")
    assert list(YES_NO_UNKNOWN) == _published("Has Unpaid Carer")
    assert sorted({m.cld for m in MECHANISMS}) == sorted(_published("Delivery Mechanism"))


def test_former_spellings_are_read_as_the_national_value_and_never_taken_as_input() -> None:
    stored = {
        "primary_support_reason": "Support with Memory and Cognition",
        "method_of_assessment": "Face to Face",
    }
    details = CaseDetails.from_dict(stored)
    assert details.primary_support_reason == "Support with Memory & Cognition"
    assert details.method_of_assessment == "Face to Face"  # kept, never exported
    assert details.for_new_assessment().method_of_assessment is None
    with pytest.raises(InputError, match=r"^Method of Assessment: 'Face to Face' is not"):
        CaseDetails(method_of_assessment="Face to Face").checked()
    # Every former spelling means one national value.
    assert set(FORMER_REASONS.values()) <= set(PRIMARY_SUPPORT_REASONS)
    assert len(FORMER_REASONS) == len(PRIMARY_SUPPORT_REASONS) - 1  # "Unknown" is new


@pytest.mark.parametrize(
    "typed", ["support with memory and cognition", "PHYSICAL SUPPORT: ACCESS AND MOBILITY ONLY"]
)
def test_and_for_ampersand_is_forgiven(typed: str) -> None:
    assert CaseDetails(primary_support_reason=typed).checked().primary_support_reason in (
        "Support with Memory & Cognition",
        "Physical Support: Access & mobility only",
    )
