"""``rasdesk case new`` records the national return's case details, and refuses bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

ANSWERS = demo_dir() / "answers" / "person-example.json"


@pytest.mark.usefixtures("installed")
def test_details_are_recorded_in_national_spelling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "case", "new", "--name", "Siân Jones", "--nhs-number", "943 476 5919",
        "--primary-support-reason", "mental health support", "--method-of-assessment",
        "service USER and  carer", "--eligible-needs", "yes", "--unpaid-carer", "No",
        "--format-needs", "easy_read", "--answers", ANSWERS, "--finalise",
    )  # fmt: skip
    assert code == 0
    assert run(capsys, "case", "export", out.strip()[:8], "-o", tmp_path / "b.json")[0] == 0
    person = open_bundle((tmp_path / "b.json").read_bytes())["person"]
    assert person["details"] == {
        "nhs_number": "9434765919",
        "primary_support_reason": "Mental Health Support",
        "method_of_assessment": "Service user and carer",
        "eligible_needs_identified": "Yes",
        "has_unpaid_carer": "No",
    }
    assert person["communication_needs"] == [
        {
            "need": "easy_read",
            "snomed": "796161000000101",
            "term": "Requires information in Easyread",
        }
    ]


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--nhs-number", "943 476 5918", "NHS number"),
        ("--primary-support-reason", "Needs help", "Primary Support Reason"),
        ("--method-of-assessment", "Letter", "Method of Assessment"),
        # How it was held is not who took part: the former values are refused as input.
        ("--method-of-assessment", "Telephone", "Method of Assessment"),
    ],
)
def test_bad_details_are_refused_with_the_field_named(
    capsys: pytest.CaptureFixture[str], option: str, value: str, field: str
) -> None:
    code, out, err = run(capsys, "case", "new", "--name", "Bob Evans", option, value)
    assert code == 2 and out == ""
    assert field in err and "Traceback" not in err
    assert run(capsys, "case", "list")[1].count("Bob Evans") == 0
