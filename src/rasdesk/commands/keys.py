"""``rasdesk keygen`` and ``rasdesk trust add|list|remove``."""

from __future__ import annotations

import argparse
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk.domain.signing import keyid_of, private_pem, public_pem
from rasdesk.platform import settings
from rasdesk.platform.files import write_new
from rasdesk.platform.trust import add_key, refusal, remove_key, trusted_keys, user_keys


def keygen(args: argparse.Namespace) -> int:
    key = Ed25519PrivateKey.generate()
    private, public = Path(args.private), Path(args.public)
    write_new(private, private_pem(key), 0o600, overwrite=args.force)
    write_new(public, public_pem(key.public_key()), 0o644, overwrite=args.force)
    print(f"Private key (keep it secret, never commit it): {private}")
    print(f"Public key (give this to every assessor's laptop): {public}")
    print(f"Key id: {keyid_of(key.public_key())}")
    return 0


def trust_add(args: argparse.Namespace) -> int:
    tk = add_key(Path(args.key))
    print(f"Trusted: {tk.keyid}")
    return 0


def trust_list(args: argparse.Namespace) -> int:
    keys = trusted_keys()
    refused = refusal(settings.load())
    ignored = [tk for tk in user_keys() if tk.keyid not in keys] if refused else []
    if not keys:
        print("No trusted keys yet. Add your council's public key with: rasdesk trust add KEY.pem")
    for tk in keys.values():
        print(f"{tk.keyid}  {tk.origin:13}  {tk.path}" + (f"  ({tk.name})" if tk.name else ""))
    for tk in ignored:
        print(f"{tk.keyid}  not used       {tk.path}")
    if ignored:
        print(f"Keys marked 'not used' were added by you, and {refused}.")
    return 0


def trust_remove(args: argparse.Namespace) -> int:
    tk = remove_key(args.keyid)
    print(f"No longer trusted: {tk.keyid}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("keygen", help="make an Ed25519 signing key pair (PEM, openssl-compatible)")
    p.add_argument(
        "--private", required=True, metavar="K.pem", help="where to write the private key"
    )
    p.add_argument("--public", required=True, metavar="P.pem", help="where to write the public key")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=keygen)
    t = sub.add_parser("trust", help="the keys this computer trusts to sign rulesets")
    tsub = t.add_subparsers(dest="trust_command", required=True, metavar="add|list|remove")
    a = tsub.add_parser("add", help="trust a public key (PEM)")
    a.add_argument("key", metavar="P.pem")
    a.set_defaults(func=trust_add)
    ls = tsub.add_parser("list", help="list trusted keys")
    ls.set_defaults(func=trust_list)
    r = tsub.add_parser("remove", help="stop trusting a key you added")
    r.add_argument("keyid", metavar="KEYID")
    r.set_defaults(func=trust_remove)
