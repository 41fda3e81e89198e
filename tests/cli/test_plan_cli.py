"""``rasdesk case plan …`` and ``rasdesk case decide`` end to end (RASDESK_HOME, exit codes)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

ANSWERS = demo_dir() / "answers" / "person-example.json"


def item(capsys: pytest.CaptureFixture[str], case: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "case", "plan", case, "add", *extra)


@pytest.mark.usefixtures("installed")
def test_plan_and_decide_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = run(capsys, "case", "new", "--name", "Siân Jones", "--answers", ANSWERS, "--finalise")[
        1
    ].strip()
    code, out, _ = item(
        capsys,
        case[:8],
        "--kind",
        "Personal care",
        "--provider",
        "Agency",
        "--quantity",
        "10",
        "--unit",
        "hours",
        "--rate",
        "24.50",
        "--meets",
        "personal_care",
    )
    assert code == 0 and "added item 1" in out and "£245.00 a week" in out
    assert (
        item(
            capsys,
            case[:8],
            "--kind",
            "Day service",
            "--provider",
            "Day centre",
            "--quantity",
            "2",
            "--unit",
            "days",
            "--rate",
            "40",
        )[0]
        == 0
    )
    assert (
        item(
            capsys,
            case[:8],
            "--kind",
            "Equipment",
            "--provider",
            "Shop",
            "--quantity",
            "1",
            "--unit",
            "item",
            "--rate",
            "350",
            "--per",
            "one_off",
        )[0]
        == 0
    )
    assert run(capsys, "case", "plan", case[:8], "managed-as", "Direct Payment")[0] == 0
    code, out, _ = run(capsys, "case", "plan", case[:8], "list", "--json")
    doc = json.loads(out)
    assert doc["version"] == 2 and doc["cost"]["totals"] == {"week": "325.00", "one_off": "350.00"}
    assert doc["cost"]["comparison"]["direction"] == "above" and doc["status"] == "waiting"
    code, out, _ = run(capsys, "case", "plan", case[:8], "list")
    assert "the plan is above by" in out and "Managed as: Direct Payment" in out
    # bad input: refused with the field named, exit 2, nothing saved
    for extra, field in (
        (("--quantity", "-1", "--rate", "5"), "quantity"),
        (("--quantity", "1", "--rate", "abc"), "rate"),
        (("--quantity", "1", "--rate", "5", "--per", "fortnight"), "per"),
    ):
        code, _, err = item(
            capsys, case[:8], "--kind", "K", "--provider", "P", "--unit", "u", *extra
        )
        assert code == 2 and f"rasdesk: {field}: " in err
    code, _, err = run(capsys, "case", "plan", case[:8], "managed-as", "cash")
    assert code == 2 and "mechanism: 'cash'" in err and "CASSR Commissioned Support" in err
    code, _, err = run(
        capsys,
        "case",
        "plan",
        case[:8],
        "add",
        "--kind",
        "K",
        "--provider",
        "P",
        "--quantity",
        "1",
        "--unit",
        "u",
        "--rate",
        "1",
        "--version",
        "1",
    )
    assert code == 2 and "version 1 is not its latest" in err
    code, _, err = run(
        capsys, "case", "decide", case[:8], "--final", "320", "--by", "Panel", "--reason", "r"
    )
    assert code == 2 and "is a draft" in err
    assert (
        json.loads(run(capsys, "case", "plan", case[:8], "list", "--json")[1])["plan"][
            "items"
        ].__len__()
        == 3
    )
    assert run(capsys, "case", "finalise", case[:8])[0] == 0
    code, out, _ = run(capsys, "case", "list")
    assert "[waiting for a decision]" in out
    code, _, err = run(capsys, "print", case[:8], "--letter", "decision", "-o", tmp_path / "x.pdf")
    assert code == 2 and "no decision yet" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(
        capsys, "case", "decide", case[:8], "--final", "320", "--by", "Resource allocation panel"
    )
    assert code == 2 and "reason: the final budget (£320.00) differs" in err
    code, out, err = run(
        capsys,
        "case",
        "decide",
        case[:8],
        "--final",
        "320.00",
        "--by",
        "Resource allocation panel",
        "--reason",
        "Night checks are needed.",
        "--category",
        "needs_not_captured",
        "--date",
        "2026-12-01",
    )
    assert code == 0, err
    assert "decided by Resource allocation panel on 2026-12-01: £320.00 a week" in out
    assert "[decided]" in run(capsys, "case", "list")[1]
    assert [
        c["decision_status"]
        for c in json.loads(run(capsys, "case", "list", "--decision", "decided", "--json")[1])
    ] == ["decided"]
    doc = json.loads(run(capsys, "case", "plan", case[:8], "list", "--json")[1])
    assert doc["version"] == 3 and doc["decision"]["final"] == "320.00"
    pdf = tmp_path / "decision.pdf"
    code, out, _ = run(capsys, "print", case[:8], "--letter", "decision", "-o", pdf)
    assert code == 0 and "final budget £320.00 a week" in out
    assert pdf.read_bytes().startswith(b"%PDF-")
    # Welsh and English: every section in Welsh, then the same section in English.
    both = tmp_path / "decision-cy-en.pdf"
    code, out, err = run(
        capsys, "print", case[:8], "--letter", "decision", "--language", "cy+en", "-o", both
    )
    assert code == 0 and "(standard, cy+en)" in out, err
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(both), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    order = [
        "Eich cyllideb bersonol: y penderfyniad",
        "Your personal budget: the decision",
        "Pam mae'r gyllideb yn wahanol i'r swm dangosol",
        "Why the budget is different from the indicative amount",
        "Os nad ydych chi'n cytuno â'r penderfyniad",
        "If you disagree with the decision",
    ]
    at = [text.find(words) for words in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at, strict=True))
    assert text.count("Night checks are needed.") == 2  # the reasons, in each half
    assert text.count("320.00") >= 2
    accessible = tmp_path / "decision-cy-en-accessible.pdf"
    code, _, err = run(
        capsys,
        "print",
        case[:8],
        "--letter",
        "decision",
        "--language",
        "cy+en",
        "--accessible",
        "-o",
        accessible,
    )
    assert code == 0, err
    import pikepdf

    def langs(node):  # type: ignore[no-untyped-def]
        kids = node.get("/K")
        for kid in [] if kids is None else kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if "/Lang" in kid:
                    yield str(kid["/Lang"])
                yield from langs(kid)

    with pikepdf.open(accessible) as doc_pdf:
        assert doc_pdf.Root.MarkInfo.Marked
        assert str(doc_pdf.Root.Lang) == "cy-GB"  # the document's language: Welsh, first
        assert "en-GB" in set(langs(doc_pdf.Root.StructTreeRoot))  # the English half marked
