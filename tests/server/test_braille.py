"""``rasdesk-server braille``: a received case's letter in braille, made on the council's
server from the bundle and the published ruleset (liblouis: UEB grade 2, Welsh grade 2)."""

from __future__ import annotations

from pathlib import Path

from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, enrol, put
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    enrol_code,
    publish_ruleset,
    running_server,
    server_cli,
)


def test_braille_for_a_received_case(database: str, bundles: Bundles, tmp_path: Path) -> None:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        _, token = enrol(server.api, enrol_code(database, "Sam Patel"))
        put(server.api, token, bundles.first)
    case = loads_strict(bundles.first)["case_uuid"]
    out = tmp_path / "letter.brf"
    done = server_cli("braille", "--database", database, case, "--language", "cy+en", "-o", out)
    assert "braille letter" in done.stderr
    text = out.read_bytes().decode("ascii")
    assert ",EI* CYLLIDEB B]SONOL DDANGOSOL" in text  # Welsh grade 2, first
    assert text.index(",EI* CYLLIDEB") < text.index(",YR 9DICATIVE P]SONAL BUDGET")  # UEB
    assert all(len(line) <= 40 for line in text.replace("\f", "\r\n").split("\r\n"))
    again = server_cli("braille", "--database", database, case, "-o", out, check=False)
    assert again.returncode == 2 and "already exists" in again.stderr
    unknown = server_cli(
        "braille", "--database", database, "0" * 8, "-o", tmp_path / "x.brf", check=False
    )
    assert unknown.returncode == 2 and "not received by this server" in unknown.stderr
