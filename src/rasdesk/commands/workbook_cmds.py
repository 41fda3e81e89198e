"""``rasdesk ruleset build|template|export``: the ruleset workbook of either format
(docs/ruleset-workbook.md).

``register(rsub)`` adds the three subcommands to the ``rasdesk ruleset`` sub-parsers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.signing import is_envelope, read_envelope
from rasdesk.platform.files import read_bytes, write_new
from rasdesk.platform.paths import demo_dir


def build(args: argparse.Namespace) -> int:
    from rasdesk.authoring.workbook import build_ruleset

    data = read_bytes(args.file, "workbook")
    out = build_ruleset(data, str(args.file))
    write_new(Path(args.output), out, overwrite=args.force)
    print(f"Built {args.output} from {args.file}; it is a valid ruleset.")
    print(f"  next: rasdesk ruleset sign {args.output} --key K.pem -o R.signed.json")
    return 0


def template(args: argparse.Namespace) -> int:
    from rasdesk.authoring.workbook import export_ruleset

    name = "demo-v2.ruleset.json" if args.format == "2" else "demo.ruleset.json"
    demo = demo_dir() / name
    write_new(
        Path(args.output),
        export_ruleset(read_bytes(demo, "demo ruleset"), str(demo)),
        overwrite=args.force,
    )
    print(
        f"Wrote {args.output}: the demonstration ruleset (format {args.format}) as a workbook "
        "to start from."
    )
    print(f"  edit it, then: rasdesk ruleset build {args.output} -o my.ruleset.json")
    return 0


def export(args: argparse.Namespace) -> int:
    from rasdesk.authoring.workbook import export_ruleset

    data = read_bytes(args.file, "ruleset file")
    source = str(args.file)
    try:
        doc = loads_strict(data)
    except StrictJSONError:
        doc = None  # export_ruleset says what is wrong with it
    if is_envelope(doc):
        data = read_envelope(data, source).payload  # its content; trust is `verify`'s job
        source += " (signed content)"
    write_new(Path(args.output), export_ruleset(data, source), overwrite=args.force)
    print(f"Exported {args.file} → {args.output}")
    return 0


def register(rsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    b = rsub.add_parser("build", help="build a ruleset document from a ruleset workbook (.xlsx)")
    b.add_argument("file", metavar="SOURCE.xlsx")
    b.add_argument("-o", "--output", required=True, metavar="R.json")
    b.add_argument("--force", action="store_true", help="overwrite an existing output file")
    b.set_defaults(func=build)
    t = rsub.add_parser("template", help="write a filled-in ruleset workbook to start from")
    t.add_argument("-o", "--output", required=True, metavar="T.xlsx")
    t.add_argument(
        "--format",
        choices=("1", "2"),
        default="1",
        help="1: the format-1 demo (one weekly amount); 2: the format-2 demo (periods, parts "
        "with funders, costed items, a carer's one-off amount); default 1",
    )
    t.add_argument("--force", action="store_true", help="overwrite an existing output file")
    t.set_defaults(func=template)
    e = rsub.add_parser("export", help="write a ruleset (or a signed ruleset) as a workbook")
    e.add_argument("file", metavar="R.json")
    e.add_argument("-o", "--output", required=True, metavar="R.xlsx")
    e.add_argument("--force", action="store_true", help="overwrite an existing output file")
    e.set_defaults(func=export)
