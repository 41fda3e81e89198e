"""``rasdesk ruleset check|sign|verify|install|upgrade`` (check, sign and verify read both
formats; ``upgrade`` writes the format-2 file of a format-1 one with the same budgets)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rasdesk.commands import calibrate_cmds, workbook_cmds
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.parse_v2 import parse_any
from rasdesk.domain.signing import is_envelope, load_private_key, read_envelope, sign_envelope
from rasdesk.domain.upgrade_v2 import upgrade_bytes
from rasdesk.platform.files import read_bytes, write_new
from rasdesk.platform.rulesets import install, load_signed_any


def _summary(
    ruleset_id: str, version: str, council: str, sha256: str, questionnaires: list[str]
) -> str:
    return (
        f"{council}: ruleset {ruleset_id} version {version}\n"
        f"  questionnaires: {', '.join(questionnaires)}\n"
        f"  sha256: {sha256}"
    )


def check(args: argparse.Namespace) -> int:
    data = read_bytes(args.file, "ruleset file")
    source = str(args.file)
    try:
        doc = loads_strict(data)
    except StrictJSONError:
        doc = None
    if is_envelope(doc):
        data = read_envelope(data, source).payload  # check the content; trust is `verify`'s job
        source += " (signed content, signature not checked)"
    ruleset = parse_any(data, source)
    print(f"OK: {args.file} is a valid ruleset.")
    print(
        _summary(
            ruleset.id,
            ruleset.version,
            ruleset.council,
            ruleset.sha256,
            [q.id for q in ruleset.questionnaires],
        )
    )
    return 0


def sign(args: argparse.Namespace) -> int:
    data = read_bytes(args.file, "ruleset file")
    ruleset = parse_any(data, str(args.file))  # never sign something invalid
    key = load_private_key(read_bytes(args.key, "private key file"), str(args.key))
    write_new(Path(args.output), sign_envelope(data, key), overwrite=args.force)
    print(f"Signed {ruleset.id} {ruleset.version} → {args.output}")
    print(f"  sha256: {ruleset.sha256}")
    return 0


def verify(args: argparse.Namespace) -> int:
    verified = load_signed_any(args.file, [Path(p) for p in args.trust])
    r = verified.ruleset
    print(f"Verified: {args.file} is signed by a trusted key.")
    print(_summary(r.id, r.version, r.council, r.sha256, [q.id for q in r.questionnaires]))
    print(
        f"  in force: from {r.effective_from}" + (f" to {r.effective_to}" if r.effective_to else "")
    )
    return 0


def upgrade(args: argparse.Namespace) -> int:
    data = read_bytes(args.file, "ruleset file")
    out = upgrade_bytes(data, str(args.file))
    write_new(Path(args.output), out, overwrite=args.force)
    print(
        f"Upgraded {args.file} to format 2 → {args.output} (the same budgets; sign it before use)"
    )
    return 0


def install_cmd(args: argparse.Namespace) -> int:
    verified = install(args.file)
    r = verified.ruleset
    print(f"Installed {r.id} {r.version}: new assessments will use it.")
    print(f"  sha256: {r.sha256}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ruleset", help="check, sign, verify, install, build and calibrate RAS rulesets"
    )
    rsub = p.add_subparsers(
        dest="ruleset_command",
        required=True,
        metavar="check|sign|verify|install|upgrade|build|template|export|calibrate|diff",
    )
    c = rsub.add_parser("check", help="validate a ruleset document and list every problem")
    c.add_argument("file", metavar="R.json")
    c.set_defaults(func=check)
    s = rsub.add_parser("sign", help="sign a valid ruleset document (DSSE, Ed25519)")
    s.add_argument("file", metavar="R.json")
    s.add_argument("--key", required=True, metavar="K.pem", help="the private key (PEM PKCS#8)")
    s.add_argument("-o", "--output", required=True, metavar="R.signed.json")
    s.add_argument("--force", action="store_true", help="overwrite an existing output file")
    s.set_defaults(func=sign)
    v = rsub.add_parser("verify", help="check a signed ruleset against the trusted keys")
    v.add_argument("file", metavar="R.signed.json")
    v.add_argument(
        "--trust", action="append", default=[], metavar="P.pem", help="also trust this public key"
    )
    v.set_defaults(func=verify)
    # No --trust here: a ruleset is installed only when a key in the trust store signed
    # it, because new cases re-verify the installed ruleset every time they use it.
    i = rsub.add_parser("install", help="verify a signed ruleset and use it for new assessments")
    i.add_argument("file", metavar="R.signed.json")
    i.set_defaults(func=install_cmd)
    u = rsub.add_parser(
        "upgrade", help="write the format-2 file of a format-1 ruleset (same budgets)"
    )
    u.add_argument("file", metavar="R1.json")
    u.add_argument("-o", "--output", required=True, metavar="R2.json")
    u.add_argument("--force", action="store_true", help="overwrite an existing output file")
    u.set_defaults(func=upgrade)
    workbook_cmds.register(rsub)
    calibrate_cmds.register(rsub)
