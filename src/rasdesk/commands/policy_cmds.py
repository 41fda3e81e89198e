"""``rasdesk policy show|check|schema``: the administrator's policy, for council IT.

``show`` lists every setting with its value and who set it (the policy, the user, or the
default); ``check FILE`` checks a policy file, and every file it names, before it is
deployed; ``schema`` prints its JSON Schema (also in packaging/policy.schema.json).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rasdesk.platform import policy, settings, trust

_SOURCE = {"policy": "administrator (managed)", "user": "you", "default": "default"}


def _shown(name: str, value: Any) -> str:
    if name == "trusted_keys":
        return f"{len(value)} key(s), listed below" if value else "none"
    return json.dumps(value, ensure_ascii=False)


def show(args: argparse.Namespace) -> int:
    current = settings.load()
    admin = trust.administrator_keys(current)
    if args.json:
        doc = {
            "policy_file": str(settings.policy_file()),
            "user_file": str(settings.user_file()),
            "settings": {
                s.name: {
                    "value": current[s.name],
                    "managed": s.name in current.managed,
                    "source": current.source(s.name),
                }
                for s in settings.SETTINGS
            },
            "administrator_keys": [
                {"keyid": k.keyid, "name": k.name, "file": str(k.path)} for k in admin
            ],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    path = settings.policy_file()
    state = "" if path.exists() else " (there is none: nothing is managed)"
    print(f"Administrator policy: {path}{state}")
    print(f"Your settings: {settings.user_file()}")
    print()
    width = max(len(s.name) for s in settings.SETTINGS)
    print(f"{'setting':{width}}  {'set by':23}  value")
    for s in settings.SETTINGS:
        source = _SOURCE[current.source(s.name)]
        print(f"{s.name:{width}}  {source:23}  {_shown(s.name, current[s.name])}")
    print()
    if admin:
        print("Ruleset keys your administrator trusts:")
        for k in admin:
            print(f"  {k.keyid}  {k.name or '(unnamed)'}  {k.path}")
    else:
        print("Your administrator trusts no ruleset keys on this computer.")
    return 0


def check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = policy.check_file(path)
    print(f"OK: {path} is a valid rasdesk policy.")
    if not data:
        print("  It sets nothing: every setting stays the user's own.")
    for name, value in data.items():
        print(f"  {name} = {_shown(name, value)}")
    keys, _ = policy.read_keys(data.get("trusted_keys", []))
    for k in keys:
        print(f"    {k.keyid}  {k.name}")
    return 0


def schema(args: argparse.Namespace) -> int:
    print(policy.schema_text(), end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("policy", help="the administrator's policy: show, check, schema")
    psub = p.add_subparsers(dest="policy_command", required=True, metavar="show|check|schema")
    s = psub.add_parser("show", help="each setting, its value and whether it is managed")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(func=show)
    c = psub.add_parser("check", help="check a policy file (and the files it names)")
    c.add_argument("file", metavar="FILE")
    c.set_defaults(func=check)
    sc = psub.add_parser("schema", help="print the policy file's JSON Schema")
    sc.set_defaults(func=schema)
