"""The instructors in the campaign's lists, at once: the must-establish list shows the instructor's display name and
last visit, the supervision board counts units without guidance, overdue visits and preparation items, the
instructors' list flags those with no unit or overdue visits."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask

from service.operations.engines import escalation
from tests.support.instructors import ASSIGNMENTS, INSTRUCTORS, new_instructor, uncovered_unit
from tests.support.world import Api, World

BOARD = "/api/v1/supervision-tickets/board"
MUST = "/api/v1/coverage/must-establish"


def ok(res: Any, status: int = 200) -> Any:
    assert res.status_code == status, res.json
    return res.json


def guidance(api: Api) -> dict[str, int]:
    return dict(ok(api.get(BOARD, as_="supervisor@east_t1"))["guidance"])


def test_the_board_and_the_must_establish_list_reflect_instructors_at_once(app: Flask, api: Api, world: World) -> None:
    start = guidance(api)
    u = uncovered_unit(app, world, "east_t1")
    after_entry = guidance(api)
    assert after_entry["units_without_guidance"] == start["units_without_guidance"] + 1
    assert after_entry["open_preparation_items"] == start["open_preparation_items"] + 1
    me = world.users["instructor@east_t1"]
    row = ok(api.post(ASSIGNMENTS, as_="handler@east_t1", json={"instructor_id": me, "unit_ids": [u]}), 201)[0]
    assigned = guidance(api)
    assert assigned["units_without_guidance"] == start["units_without_guidance"]
    listed = {r["id"]: r for r in ok(api.get(f"{MUST}?page_size=200", as_="handler@east_t1"))}
    assert (listed[u]["instructor_name"], listed[u]["instructor_last_visit_on"]) == ("instructor@east_t1", None)
    ok(
        api.post(
            f"{ASSIGNMENTS}/{row['id']}/visits",
            as_="instructor@east_t1",
            json={"visited_on": "2026-09-25", "kind": "visit", "done": "走访"},
        ),
        201,
    )
    listed = {r["id"]: r for r in ok(api.get(f"{MUST}?page_size=200", as_="handler@east_t1"))}
    assert listed[u]["instructor_last_visit_on"] == "2026-09-25"
    # The visit closed the preparation item.
    assert guidance(api)["open_preparation_items"] == start["open_preparation_items"]
    # Overdue: the visit ladder's 催办 puts it on the board.
    with app.app_context():
        assert escalation.escalate("instructor_assignment", row["id"], date(2026, 10, 30)) == "reminder"
    assert guidance(api)["overdue_visits"] == start["overdue_visits"] + 1
    flagged = ok(api.get(f"{INSTRUCTORS}?status=overdue_visits", as_="handler@east_t1"))
    assert me in [i["id"] for i in flagged]


def test_the_instructors_list_flags_those_without_a_unit(app: Flask, api: Api, world: World) -> None:
    idle = new_instructor(app, world, "east_t1")
    listed = ok(api.get(f"{INSTRUCTORS}?status=no_units", as_="handler@east_t1"))
    entry = next(i for i in listed if i["id"] == idle)
    assert (entry["serving"], entry["cap"], entry["flags"], entry["display_name"]) == (
        0,
        5,
        ["no_units"],
        entry["display_name"],
    )
    assert all("no_units" in i["flags"] for i in listed)
    # Another county's instructors are not listed.
    west = new_instructor(app, world, "west_t1")
    assert west not in [i["id"] for i in ok(api.get(INSTRUCTORS, as_="supervisor@east"))]
    bad = api.get(f"{INSTRUCTORS}?status=busy", as_="handler@east_t1")
    assert bad.status_code == 422 and "status" in bad.json["errors"]["query"]
