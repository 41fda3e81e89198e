"""A carer's format-2 case finalised by the real case store with facts read from the linked
person's case: its bundle (``answered_by``, ``linked``, ``linked_version``) passes the
server's bundle checks, is recomputed by the server to the same figures, and is received by
a real rasdesk-server; a bundle whose frozen linked answers were changed is refused."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from rasdesk.domain.bundle import open_bundle, seal
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.server.receive import check_bundle
from rasdesk.server.recompute_v2 import recompute_v2
from rasdesk.storage import lifecycle
from rasdesk.storage.answered_by import set_answered_by
from tests.server.helpers import enrol, put
from tests.server.helpers_v2 import SIGNED
from tests.storage.helpers import new_store
from tests.storage.test_linked_facts import CARER, PERSON, new_case
from tests.support_server import (
    DEMO_KEY,
    ServerProcess,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
)


@pytest.fixture(scope="module")
def carer_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, RulesetV2]:
    store = new_store(tmp_path_factory.mktemp("store"))
    try:
        person = new_case(store, "Alys Pritchard", "person", PERSON)
        lifecycle.finalise(store, person)
        carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
        set_answered_by(store, carer, "carer")
        lifecycle.finalise(store, carer)
        version = store.current_version(carer)
        ruleset = store.any_ruleset(version["ruleset_sha256"])
        assert isinstance(ruleset, RulesetV2)
        return bytes(version["bundle"]), ruleset
    finally:
        store.close()


def test_the_server_checks_and_recomputes_the_linked_bundle_to_the_same_figures(
    carer_bundle: tuple[bytes, RulesetV2],
) -> None:
    data, ruleset = carer_bundle
    sent = open_bundle(data)
    checked = check_bundle(data, sent["case_uuid"], sent["version_uuid"])
    assert checked["linked"]["answers"] == PERSON
    assert checked["linked_version"]["state"] == "finalised"
    assert recompute_v2(ruleset, checked, "en") is None
    # Without its linked answers the figures cannot be reproduced: said, not guessed.
    bare = {k: v for k, v in checked.items() if k != "linked"}
    assert "give its answers under" in (recompute_v2(ruleset, bare, "en") or "")


def _tampered(data: bytes) -> bytes:
    bundle: dict[str, Any] = copy.deepcopy(open_bundle(data))
    bundle["linked"]["answers"]["care_hours"] = 20  # under 50: no "long hours" part
    return seal(bundle)[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.db'}"
    publish_ruleset(url, SIGNED["b"], DEMO_KEY)
    with running_server(url) as running:
        yield running


def test_a_real_server_receives_it_and_refuses_changed_linked_answers(
    server: ServerProcess, carer_bundle: tuple[bytes, RulesetV2]
) -> None:
    data, ruleset = carer_bundle
    assert "carer_budget.parts.long_hours.amount" in (
        recompute_v2(ruleset, open_bundle(_tampered(data)), "en") or ""
    ).replace("amounts.", "")
    _device, token = enrol(server.api, enrol_code(server.database, "Sam Patel"))
    status, body = put(server.api, token, _tampered(data))
    assert status == 422 and body["error"] == "result_mismatch", body
    status, body = put(server.api, token, data)
    assert status == 201, body
    [row] = [r for r in export_rows(server.database) if r["version_uuid"] == body["version_uuid"]]
    assert row["recompute_agrees"] is True, row["recompute_problem"]
    assert [(a["id"], a["total"]) for a in row["amounts"]] == [("carer_budget", "350.00")]
