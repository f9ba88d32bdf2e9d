"""已办 (GET /api/v1/tasks/done) filtered by unit: a unit's name (a part of it) or its credit code finds the
decisions taken on its cases, and nothing else (the filter is a correlated EXISTS:
service/operations/worklists/done.py)."""

from __future__ import annotations

from typing import Any

from tests.support.establishment import approve_level, make_unit, new_case, submit
from tests.support.world import Api, World

DONE = "/api/v1/tasks/done"


def _decided(api: Api, name: str) -> tuple[dict[str, Any], int]:
    unit = make_unit(api, name=name, formal_members=3)
    case = new_case(api, [unit["id"]], "branch")
    submit(api, case["id"])
    approve_level(api, case["id"], "approver@east_t1")
    return unit, case["id"]


def _subjects(api: Api, query: str) -> set[int]:
    res = api.get(f"{DONE}?{query}", as_="approver@east_t1")
    assert res.status_code == 200, res.json
    return {row["subject_id"] for row in res.json}


def test_done_by_unit_name_part_or_credit_code(api: Api, world: World) -> None:
    _, steel_case = _decided(api, "青山钢铁有限公司")
    food, food_case = _decided(api, "绿水食品有限公司")
    assert _subjects(api, "") == {steel_case, food_case}
    assert _subjects(api, "unit=钢铁") == {steel_case}
    assert _subjects(api, "unit=有限公司") == {steel_case, food_case}
    assert _subjects(api, f"unit={food['credit_code'].lower()}") == {food_case}  # the code in any case
    assert _subjects(api, "unit=不存在的单位") == set()
    assert _subjects(api, "unit=%25") == set()  # a literal %, not a wildcard
