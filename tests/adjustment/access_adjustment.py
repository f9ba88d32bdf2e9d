"""Access rows of the adjustment-case endpoints (组织调整): every role but portals reads within its scope; the
workflow's `manage` group (admin, supervisor, handler) opens, submits and cancels; out of scope is 404."""

from __future__ import annotations

from typing import Any

from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene, _seq
from tests.support.adjustment import ledger_case, org_with_units

CASES = "/api/v1/adjustment-cases"
READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
MANAGERS = frozenset({"admin", "supervisor", "handler"})


def case(s: Scene, code: str) -> int:
    return ledger_case(s.app, s.world.ids[code])


def manual_body(s: Scene, code: str) -> dict[str, Any]:
    org, _ = org_with_units(s.app, s.world.ids[code], "branch", [6])
    return {"party_org_id": org, "trigger": "merged", "action": "dissolve", "note": f"被吸收合并{next(_seq)}"}


def _case_inside(s: Scene) -> None:
    case(s, INSIDE)


def _eligible_inside(s: Scene) -> None:
    org_with_units(s.app, s.world.ids[INSIDE], "branch", [60])


def _action(suffix: str, json: Any) -> Build:
    return lambda s, code, who: Call(f"{CASES}/{case(s, code)}/{suffix}", json)


ROWS = [
    Row(
        "GET",
        CASES,
        READERS,
        200,
        lambda s, c, who: Call(f"{CASES}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_case_inside,
    ),
    Row("POST", CASES, MANAGERS, 201, lambda s, c, who: Call(CASES, manual_body(s, c))),
    Row(
        "GET",
        f"{CASES}/upgrade-eligible",
        READERS,
        200,
        lambda s, c, who: Call(f"{CASES}/upgrade-eligible"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        outside_status=200,
        setup=_eligible_inside,
    ),
    Row("GET", f"{CASES}/<int:case_id>", READERS, 200, lambda s, c, who: Call(f"{CASES}/{case(s, c)}")),
    Row("POST", f"{CASES}/<int:case_id>/submit", MANAGERS, 200, _action("submit", {}), audit_records=None),
    Row("POST", f"{CASES}/<int:case_id>/cancel", MANAGERS, 200, _action("cancel", {"reason": "误报注销"})),
]
