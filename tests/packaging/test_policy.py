"""The administrator's policy: it beats the user's settings, it names the ruleset keys this
computer trusts, it can forbid user keys, and a malformed policy is refused with the file
and the field named. Real files under the test's RASDESK_HOME (``site/`` stands in for
``/etc/rasdesk``), the real ``rasdesk`` command in-process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rasdesk.domain.errors import InputError, TrustError
from rasdesk.platform import settings, trust
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED, ANSWERS = DEMO / "demo.ruleset.signed.json", DEMO / "answers" / "person-example.json"
DEMO_PEM = DEMO / "DEMO-public-key.pem"
DEMO_KEYID = "a40406180bce61a00922b59acf5953d1ba3a464da6786d55bbae4ec4948b0072"


def write_policy(home: Path, data: object) -> Path:
    path = home / "site" / "policy.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def demo_key_in_site(home: Path) -> None:
    keys = home / "site" / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "ras-team.pem").write_bytes(DEMO_PEM.read_bytes())


# --- policy beats the user ------------------------------------------------------------


def test_policy_overrides_user_settings_and_is_shown_as_managed(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.set_user("inactivity_lock_minutes", 30)
    settings.set_user("languages", ["en"])
    settings.set_user("server_url", "https://mine.example")
    write_policy(
        rasdesk_home,
        {"inactivity_lock_minutes": 3, "languages": ["cy", "en"], "allow_user_keys": False},
    )
    loaded = settings.load()
    assert loaded["inactivity_lock_minutes"] == 3 and loaded["languages"] == ["cy", "en"]
    assert loaded["server_url"] == "https://mine.example"  # not in the policy: the user's
    assert loaded.managed == {"inactivity_lock_minutes", "languages", "allow_user_keys"}
    assert [loaded.source(n) for n in ("inactivity_lock_minutes", "server_url", "ca_bundle")] == [
        "policy",
        "user",
        "default",
    ]
    with pytest.raises(InputError, match=r"set by your administrator \(.*policy\.json\)"):
        settings.set_user("languages", ["en", "cy"])

    code, out, _ = run(capsys, "policy", "show", "--json")
    shown = json.loads(out)["settings"]
    assert code == 0
    assert shown["inactivity_lock_minutes"] == {"value": 3, "managed": True, "source": "policy"}
    assert shown["server_url"] == {
        "value": "https://mine.example",
        "managed": False,
        "source": "user",
    }
    code, out, _ = run(capsys, "policy", "show")
    row = next(line for line in out.splitlines() if line.startswith("languages"))
    assert "administrator (managed)" in row and '["cy", "en"]' in row


def test_user_settings_cannot_name_trusted_keys(rasdesk_home: Path) -> None:
    (rasdesk_home / "config").mkdir(parents=True)
    (rasdesk_home / "config" / "settings.json").write_text(
        json.dumps({"trusted_keys": [{"name": "mine", "file": str(DEMO_PEM)}]})
    )
    with pytest.raises(InputError) as caught:
        settings.load()
    message = str(caught.value)
    assert "settings.json: $.trusted_keys: only the administrator's policy" in message
    assert "rasdesk trust add" in message


# --- a malformed policy: the file and the field, in one line ----------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"inactivity_lock_minutes": 0}, "$.inactivity_lock_minutes: expected 1 to 240 minutes, found 0"),
        ({"inactivity_lock_minutes": True}, "$.inactivity_lock_minutes: expected a whole number"),
        ({"languages": []}, '$.languages: expected a non-empty list of "en" and "cy"'),
        ({"languages": ["en", "en"]}, "$.languages: expected a non-empty list"),
        ({"allow_user_keys": "no"}, "$.allow_user_keys: expected true or false, found 'no'"),
        ({"server_url": "http://ras.council.example"}, "$.server_url: the server must use https://"),
        ({"server_url": "ras.council.example"}, "$.server_url: 'ras.council.example' is not a whole address"),
        ({"inactivity_lock": 5}, '$.inactivity_lock: unknown setting "inactivity_lock"'),
        ({"trusted_keys": {"name": "x"}}, "$.trusted_keys: expected a list of keys"),
        ({"trusted_keys": [{"name": "RAS", "file": "a.pem", "pem": "b"}]}, '$.trusted_keys[0]: give exactly one of "file"'),
        ({"trusted_keys": [{"file": "a.pem"}]}, "$.trusted_keys[0].name: give each key a name"),
        ({"trusted_keys": [{"name": "RAS", "pem": "x", "keyid": "ABC"}]}, "$.trusted_keys[0].keyid: expected the key id"),
        ({"trusted_keys": [{"name": "RAS", "pem": "x", "comment": "y"}]}, '$.trusted_keys[0].comment: unknown field "comment"'),
        ([], '$: expected a JSON object of settings'),
    ],
)  # fmt: skip
def test_malformed_policy_names_the_file_and_the_field(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str], content: object, expected: str
) -> None:
    path = write_policy(rasdesk_home, content)
    with pytest.raises(InputError) as caught:
        settings.load()
    assert str(caught.value).startswith(f"{path}: {expected}")
    # Every command says the same, and exits 2: nothing runs on a policy IT got wrong.
    code, _, err = run(capsys, "trust", "list")
    assert code == 2 and f"{path}: {expected}" in err


def test_several_problems_are_all_listed_each_with_the_file(rasdesk_home: Path) -> None:
    path = write_policy(rasdesk_home, {"inactivity_lock_minutes": 999, "languages": ["fr"]})
    with pytest.raises(InputError) as caught:
        settings.load()
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path} has 2 problems; your IT team must fix them"
    assert lines[1:] == [
        f"  - {path}: $.inactivity_lock_minutes: expected 1 to 240 minutes, found 999",
        f'  - {path}: $.languages: expected a non-empty list of "en" and "cy", found [\'fr\']',
    ]


def test_policy_that_is_not_json_names_the_file(rasdesk_home: Path) -> None:
    path = write_policy(rasdesk_home, '{"inactivity_lock_minutes": 5,}')
    with pytest.raises(InputError, match=rf"^{path} cannot be read as JSON .*line 1"):
        settings.load()


def test_schema_key_is_allowed_for_editors(rasdesk_home: Path) -> None:
    write_policy(rasdesk_home, {"$schema": "packaging/policy.schema.json", "languages": ["en"]})
    assert settings.load().managed == {"languages"}


# --- ruleset keys named by the policy ---------------------------------------------------


def verify(capsys: pytest.CaptureFixture[str], *extra: str | Path) -> tuple[int, str, str]:
    return run(capsys, "ruleset", "verify", *extra, SIGNED)


def test_policy_keys_are_trusted_from_a_file_or_inline(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(capsys)[0] == 3  # nobody trusts the demo key yet
    demo_key_in_site(rasdesk_home)
    write_policy(
        rasdesk_home,
        {"trusted_keys": [{"name": "RAS team", "file": "keys/ras-team.pem", "keyid": DEMO_KEYID}]},
    )
    assert verify(capsys)[0] == 0
    (tk,) = trust.trusted_keys().values()
    assert (tk.keyid, tk.origin, tk.name) == (DEMO_KEYID, "administrator", "RAS team")
    assert tk.path == rasdesk_home / "site" / "keys" / "ras-team.pem"  # relative to the policy

    body = "".join(DEMO_PEM.read_text().splitlines()[1:-1])  # the one-line base64 body
    write_policy(rasdesk_home, {"trusted_keys": [{"name": "RAS team", "pem": body}]})
    assert verify(capsys)[0] == 0
    code, out, _ = run(capsys, "trust", "list")
    assert code == 0 and f"{DEMO_KEYID}  administrator" in out and "(RAS team)" in out
    # Users cannot remove what the administrator set.
    code, _, err = run(capsys, "trust", "remove", DEMO_KEYID[:12])
    assert code == 2 and "set by your administrator" in err


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"file": "keys/missing.pem"}, "$.trusted_keys[0].file: cannot read"),
        ({"file": "keys/ras-team.pem", "keyid": "0" * 64}, "$.trusted_keys[0].keyid: the key's id is " + DEMO_KEYID),
        ({"pem": "bm90IGEga2V5"}, "$.trusted_keys[0].pem: this entry is not a PEM public key"),
    ],
)  # fmt: skip
def test_a_policy_key_that_cannot_be_used_is_an_error_not_fewer_keys(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str], entry: dict[str, str], expected: str
) -> None:
    demo_key_in_site(rasdesk_home)
    path = write_policy(rasdesk_home, {"trusted_keys": [{"name": "RAS team", **entry}]})
    code, _, err = verify(capsys)
    assert code == 2 and f"{path}: {expected}" in err
    code, _, err = run(capsys, "policy", "check", path)
    assert code == 2 and f"{path}: {expected}" in err


def test_the_trusted_keys_folder_beside_the_policy_still_counts(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = rasdesk_home / "site" / "trusted-keys"
    folder.mkdir(parents=True)
    (folder / "demo.pem").write_bytes(DEMO_PEM.read_bytes())
    assert verify(capsys)[0] == 0
    code, out, _ = run(capsys, "policy", "show")
    assert code == 0 and f"  {DEMO_KEYID}  (unnamed)  {folder / 'demo.pem'}" in out


# --- allow_user_keys: false -------------------------------------------------------------


def test_when_user_keys_are_not_allowed_only_the_administrators_count(
    rasdesk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "trust", "add", DEMO_PEM)[0] == 0  # before the policy arrived
    assert verify(capsys)[0] == 0
    path = write_policy(rasdesk_home, {"allow_user_keys": False})

    code, _, err = verify(capsys)  # the key the user added no longer counts
    assert code == 3 and "does not trust" in err
    code, _, err = run(capsys, "trust", "add", DEMO_PEM)
    assert code == 3 and f"({path}: allow_user_keys is false)" in err
    with pytest.raises(TrustError):
        trust.add_key(DEMO_PEM)
    code, _, err = run(
        capsys, "compute", "--ruleset", SIGNED, "--trust", DEMO_PEM, "--answers", ANSWERS
    )
    assert code == 3 and err.startswith("rasdesk: --trust cannot be used")
    code, out, _ = run(capsys, "trust", "list")
    assert f"{DEMO_KEYID}  not used" in out and "allow_user_keys is false" in out
    # The user can still tidy away their own key.
    assert run(capsys, "trust", "remove", DEMO_KEYID[:8])[0] == 0
    assert not any((rasdesk_home / "config" / "trusted-keys").iterdir())

    demo_key_in_site(rasdesk_home)  # IT names the key: now it is trusted again
    write_policy(
        rasdesk_home,
        {"allow_user_keys": False, "trusted_keys": [{"name": "RAS", "file": "keys/ras-team.pem"}]},
    )
    assert verify(capsys)[0] == 0


# --- rasdesk policy check FILE ----------------------------------------------------------


def _ca_pem() -> bytes:
    key = Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "Demo County CA")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, None)
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_policy_check_reads_every_file_the_policy_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ca.pem").write_bytes(_ca_pem())
    (tmp_path / "ras.pem").write_bytes(DEMO_PEM.read_bytes())
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        json.dumps(
            {
                "server_url": "https://ras.council.example",
                "ca_bundle": "ca.pem",
                "trusted_keys": [{"name": "RAS team", "file": "ras.pem"}],
                "allow_user_keys": False,
            }
        )
    )
    code, out, _ = run(capsys, "policy", "check", policy_file)
    assert code == 0 and out.startswith(f"OK: {policy_file} is a valid rasdesk policy.")
    assert f'ca_bundle = "{tmp_path / "ca.pem"}"' in out and f"{DEMO_KEYID}  RAS team" in out

    (tmp_path / "ca.pem").write_text("not a certificate")
    code, _, err = run(capsys, "policy", "check", policy_file)
    assert code == 2 and f"{policy_file}: $.ca_bundle: {tmp_path / 'ca.pem'} holds no PEM" in err
    code, _, err = run(capsys, "policy", "check", tmp_path / "nope.json")
    assert code == 2 and "no such policy file" in err
