"""Generate decided cases on a rasdesk-server database, for the variance report.

    .venv/bin/python scripts/generate_decided_cases.py sqlite:////tmp/council.db [N] [--seed S]

Publishes the demo ruleset, enrols a device, and for each of N people (default 1,000)
uploads, as a laptop would, three versions through the server's own receiving code
(``receive.check_bundle`` + ``receive.store``): the finalised assessment (random valid
answers to the demo questionnaire, computed by the engine), the support plan (1–4 weekly
items whose cost scatters around the indicative amount, meeting the plan's need areas),
and the decision (the final budget: the plan's cost, the indicative amount, or between,
with a reason category and reasons when it differs). Seeded: the same N and seed give
the same cases. Then: ``rasdesk-server report variance --database URL -o REPORT.pdf``.
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.store import random_answers  # noqa: E402  (valid answers, shown questions only)

from rasdesk.decision.decide import REASON_CATEGORIES, make_decision  # noqa: E402
from rasdesk.decision.indicative import from_format1  # noqa: E402
from rasdesk.decision.mechanisms import MECHANISMS  # noqa: E402
from rasdesk.decision.plan import Plan, make_item  # noqa: E402
from rasdesk.decision.record import section  # noqa: E402
from rasdesk.domain.budget import compute_budget  # noqa: E402
from rasdesk.domain.bundle import FORMAT, FORMAT_V2, seal  # noqa: E402
from rasdesk.domain.jsonio import loads_strict  # noqa: E402
from rasdesk.platform.paths import demo_dir  # noqa: E402
from rasdesk.server import devices, receive, rulesets  # noqa: E402
from rasdesk.server.db import Database  # noqa: E402

KINDS = (
    (
        "Personal care",
        "Home care agency",
        "hours",
        ("18.50", "21.40", "24.50"),
        ("personal_care", "washing"),
    ),
    (
        "Personal assistant",
        "PA employed by the person",
        "hours",
        ("14.20", "16.00"),
        ("daily_living", "social"),
    ),
    ("Day service", "Day centre", "days", ("45.00", "62.50"), ("social", "daily_living")),
    ("Night support", "Home care agency", "nights", ("95.00", "120.00"), ("night",)),
)
STAMP = "2026-11-02T10:00:00.000Z"


def _upload(
    db: Database, device: devices.Device, bundle: dict[str, Any], cache: rulesets.RulesetCache
) -> dict[str, Any]:
    data, _ = seal(bundle)
    checked = receive.check_bundle(data, bundle["case_uuid"], bundle["version_uuid"])
    receive.store(db, device, checked, data, cache)
    sealed: dict[str, Any] = loads_strict(data)
    return sealed


def generate(url: str, n: int = 1000, seed: int = 2026) -> None:
    rng = random.Random(seed)
    db = Database.open(url)
    if db.target.kind == "sqlite":  # a generated file: no need to wait for each fsync
        with db.connection() as conn:
            conn.execute("PRAGMA synchronous = OFF")
    demo = demo_dir()
    ruleset, _ = rulesets.publish(
        db, demo / "demo.ruleset.signed.json", [demo / "DEMO-public-key.pem"]
    )
    code, _ = devices.issue_code(db, "Generator")
    device_id, _ = devices.enrol(db, code, "generator")
    device = devices.Device(device_id, "Generator")
    q = ruleset.questionnaire_by_id["person"]
    cache = rulesets.RulesetCache(db)
    areas = tuple(s.id for s in q.sections)
    for i in range(n):
        answers = random_answers(q, rng)
        result = compute_budget(
            ruleset, {"questionnaire": "person", "answers": answers}, "en", f"case {i}"
        )
        case_uuid = str(uuid.UUID(int=rng.getrandbits(128)))
        v1 = _upload(
            db,
            device,
            {
                "format": FORMAT,
                "case_uuid": case_uuid,
                "version_uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "supersedes": None,
                "amendment_reason": None,
                "questionnaire": "person",
                "person": {
                    "name": f"Person {i}",
                    "date_of_birth": None,
                    "council_ref": f"GEN-{i:05d}",
                    "format_needs": [],
                    "language": "en",
                },
                "linked_case_uuid": None,
                "answers": loads_strict(_canon(answers)),
                "notes": {},
                "ruleset": ruleset.ref.as_dict(),
                "result": loads_strict(_canon(result.as_dict())),
                "assessor": {"name": "Generator", "device_id": device_id},
                "started_at": STAMP,
                "finalised_at": STAMP,
                "audit": [],
            },
            cache,
        )
        alloc = q.allocation
        indicative = from_format1(v1["result"], alloc.annual_factor, alloc.sign_off_above)
        target = indicative.amount * Decimal(str(round(rng.lognormvariate(0.03, 0.18), 3)))
        items = []
        left = target
        for j in range(rng.randint(1, 4)):
            kind, provider, unit, rates, meets = rng.choice(KINDS)
            rate = Decimal(rng.choice(rates))
            share = left if j == 3 else left * Decimal(rng.choice(("0.4", "0.5", "0.7", "1")))
            quantity = max(Decimal("0.5"), (share / rate * 2).quantize(Decimal(1)) / 2)
            meets = tuple(a for a in meets if a in areas) or (rng.choice(areas),)
            items.append(
                make_item(
                    j + 1,
                    kind=kind,
                    provider=provider,
                    quantity=str(quantity),
                    unit=unit,
                    rate=str(rate),
                    period="week",
                    meets=list(meets),
                )
            )
            left -= quantity * rate
            if left <= 0:
                break
        plan = Plan(tuple(items), rng.choice(MECHANISMS), "the person and the assessor")
        plan_cost = sum((it.cost for it in items), Decimal(0))
        v2 = _upload(
            db,
            device,
            {
                **v1,
                "format": FORMAT_V2,
                "version_uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "supersedes": v1["version_uuid"],
                "amendment_reason": "support plan",
                "decision": section(indicative, plan, None),
            },
            cache,
        )
        roll = rng.random()
        final = (
            plan_cost.quantize(Decimal("0.01"))
            if roll < 0.45
            else indicative.amount
            if roll < 0.7
            else ((indicative.amount + plan_cost) / 2).quantize(Decimal("0.01"))
        )
        differs = final != indicative.amount
        category = (
            rng.choice([k for k in REASON_CATEGORIES if k != "as_indicative"]) if differs else None
        )
        decision = make_decision(
            indicative=indicative.amount,
            period="week",
            final=str(final),
            by=rng.choice(("Resource allocation panel", "Team manager")),
            reasons="The panel looked at the support plan." if differs else None,
            category=category,
            decided_on="2026-11-20",
        )
        _upload(
            db,
            device,
            {
                **v2,
                "version_uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "supersedes": v2["version_uuid"],
                "amendment_reason": "decision on the support plan",
                "decision": section(indicative, plan, decision),
            },
            cache,
        )
    db.close()


def _canon(value: Any) -> bytes:
    from rasdesk.domain.bundle import canonical

    return canonical(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database", metavar="URL")
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.database, args.n, args.seed)
    print(f"{args.n} decided cases on {args.database}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
