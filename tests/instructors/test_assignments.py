"""Instructors through the API: profiles, assigning within the cap, reassigning and releasing (the history and the
ledger column in step), the ledger writing instructor_id, the founding releasing the instructor unless they stay as
联络员, the visit log, the lists; refusals change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, WebhookDelivery
from tests.support.database import fingerprint
from tests.support.establishment import approve_level, found, make_unit, meeting, new_case, submit
from tests.support.instructors import ASSIGNMENTS, INSTRUCTORS, new_instructor, uncovered_unit
from tests.support.webhooks import register
from tests.support.world import Api, World

UNITS = "/api/v1/units"


def ok(res: Any, status: int = 200) -> Any:
    assert res.status_code == status, res.json
    return res.json


def assign(api: Api, instructor: int, units: list[int], as_: str = "handler@east_t1", **kw: Any) -> Any:
    return api.post(ASSIGNMENTS, as_=as_, json={"instructor_id": instructor, "unit_ids": units, **kw})


def unit(api: Api, ident: int) -> dict[str, Any]:
    return dict(ok(api.get(f"{UNITS}/{ident}", as_="admin@city")))


def test_the_whole_path(app: Flask, api: Api, world: World) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    me = world.users["instructor@east_t1"]
    p = ok(
        api.call(
            "PUT",
            f"{INSTRUCTORS}/{me}/profile",
            as_="supervisor@east",
            json={"employment": "full_time", "home_unit": "东县县委组织部", "phone": "0591-87654321"},
        )
    )
    assert p["profile"]["employment_label"] == "专职" and p["serving"] == 0 and p["flags"] == ["no_units"]
    a, b = uncovered_unit(app, world, "east_t1"), uncovered_unit(app, world, "east_t1")
    rows = ok(assign(api, me, [a, b]), 201)
    assert [(r["unit"]["id"], r["state"], r["state_label"]) for r in rows] == [
        (a, "active", "联系中"),
        (b, "active", "联系中"),
    ]
    assert rows[0]["instructor"] == {"id": me, "name": "instructor@east_t1"}
    # The ledger's column follows in the same transaction; the work coverage counts it.
    assert unit(api, a)["instructor_id"] == me
    # Twenty working days from Friday 25 September across the National Day week.
    assert rows[0]["visit_due_on"] == "2026-10-29"
    listed = ok(api.get(f"{INSTRUCTORS}?status=no_units", as_="handler@east_t1"))
    assert me not in [i["id"] for i in listed]
    mine = ok(api.get(f"{ASSIGNMENTS}?instructor_id={me}&state=active", as_="instructor@east_t1"))
    assert sorted(r["unit"]["id"] for r in mine) == sorted([a, b])
    visit = ok(
        api.post(
            f"{ASSIGNMENTS}/{rows[0]['id']}/visits",
            as_="instructor@east_t1",
            json={
                "visited_on": "2026-09-25",
                "kind": "guidance",
                "done": "指导建立党员名册",
                "next_step": "物色积极分子",
            },
        ),
        201,
    )
    assert (visit["kind_label"], visit["unit_id"]) == ("指导", a)
    got = ok(api.get(f"{ASSIGNMENTS}/{rows[0]['id']}", as_="handler@east_t1"))
    assert got["last_visit_on"] == "2026-09-25" and got["visit_due_on"] == "2026-10-29"
    log = ok(api.get(f"{ASSIGNMENTS}/{rows[0]['id']}/visits", as_="supervisor@east"))
    assert [v["done"] for v in log] == ["指导建立党员名册"]
    released = ok(api.post(f"{ASSIGNMENTS}/{rows[1]['id']}/release", as_="handler@east_t1", json={"reason": "调岗"}))
    assert (released["state"], released["release_reason_label"]) == ("released", "解除选派")
    assert [h["action"] for h in released["history"]] == [
        "instructor_assignment.assign",
        "instructor_assignment.release",
    ]
    assert unit(api, b)["instructor_id"] is None
    detail = ok(api.get(f"{INSTRUCTORS}/{me}", as_="approver@east_t1"))
    assert detail["serving"] == 1 and len(detail["assignments"]) == 2
    with app.app_context():
        sent = set(db.session.execute(select(WebhookDelivery.event)).scalars())
    assert {"instructor_assignment.assigned", "instructor_assignment.released"} <= sent


def test_the_cap_at_its_edge(app: Flask, api: Api, world: World) -> None:
    who = new_instructor(app, world, "east_t1")
    units = [uncovered_unit(app, world, "east_t1") for _ in range(6)]
    ok(assign(api, who, units[:4]), 201)
    before = fingerprint(app)
    refused = assign(api, who, units[4:6])  # 4 + 2 > 5
    assert refused.status_code == 422 and refused.json["code"] == "instructor_over_cap"
    assert refused.json["detail"] == {"cap": 5, "serving": 4, "adding": 2}
    assert "最多同时联系5个单位" in refused.json["message"]
    assert fingerprint(app) == before
    ok(assign(api, who, units[4:5]), 201)  # exactly the cap
    assert assign(api, who, units[5:6]).json["code"] == "instructor_over_cap"
    flagged = ok(api.get(f"{INSTRUCTORS}/{who}", as_="handler@east_t1"))
    assert (flagged["serving"], flagged["cap"], flagged["flags"]) == (5, 5, [])


def test_reassigning_keeps_the_history(app: Flask, api: Api, world: World) -> None:
    first, second = new_instructor(app, world, "east_t1"), new_instructor(app, world, "east")
    u = uncovered_unit(app, world, "east_t1")
    old = ok(assign(api, first, [u]), 201)[0]
    new = ok(assign(api, second, [u], as_="supervisor@east"), 201)[0]
    history = ok(api.get(f"{ASSIGNMENTS}?unit_id={u}", as_="handler@east_t1"))
    states = {r["id"]: (r["state"], r["release_reason"]) for r in history}
    assert states == {old["id"]: ("released", "reassigned"), new["id"]: ("active", None)}
    assert unit(api, u)["instructor_id"] == second
    # The same instructor twice is a conflict, and changes nothing.
    before = fingerprint(app)
    again = assign(api, second, [u], as_="supervisor@east")
    assert again.status_code == 409 and again.json["code"] == "already_assigned"
    assert fingerprint(app) == before


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"unit_ids": []}, 422, "unit_ids"),
        ({"unit_ids": "1"}, 422, "unit_ids"),
        ({"liaison": "也许"}, 422, "liaison"),
        ({"extra": 1}, 422, "extra"),
    ],
)
def test_bad_input_changes_nothing(
    app: Flask, api: Api, world: World, payload: dict[str, Any], status: int, field: str
) -> None:
    who = new_instructor(app, world, "east_t1")
    body = {"instructor_id": who, "unit_ids": [uncovered_unit(app, world, "east_t1")], **payload}
    before = fingerprint(app)
    r = api.post(ASSIGNMENTS, as_="handler@east_t1", json=body)
    assert r.status_code == status and field in r.json["errors"]["json"], r.json
    assert fingerprint(app) == before


def test_units_and_people_the_rules_refuse(app: Flask, api: Api, world: World) -> None:
    who = new_instructor(app, world, "east_t1")
    small = make_unit(api, "east_t1", as_="handler@east_t1", employees=10)  # out of the must-establish scope
    r = assign(api, who, [small["id"]])
    assert (r.status_code, r.json["code"]) == (422, "unit_not_in_scope")
    r = assign(api, world.users["handler@east_t1"], [uncovered_unit(app, world, "east_t1")])
    assert (r.status_code, r.json["code"]) == (422, "not_an_instructor")
    # An instructor of one township does not serve a unit of another.
    r = assign(api, new_instructor(app, world, "east_t2"), [uncovered_unit(app, world, "east_t1")], as_="admin@east")
    assert (r.status_code, r.json["code"]) == (422, "instructor_out_of_area")
    bad = api.call(
        "PUT",
        f"{INSTRUCTORS}/{who}/profile",
        as_="handler@east_t1",
        json={"employment": "full_time", "home_unit": "镇党委", "phone": "12"},
    )
    assert bad.status_code == 422 and bad.json["code"] == "phone_invalid"


def test_a_ledger_write_of_the_instructor_is_an_assignment(app: Flask, api: Api, world: World) -> None:
    who = new_instructor(app, world, "east_t1")
    u = make_unit(api, "east_t1", as_="handler@east_t1", instructor_id=who)
    rows = ok(api.get(f"{ASSIGNMENTS}?unit_id={u['id']}", as_="handler@east_t1"))
    assert [(r["instructor"]["id"], r["state"]) for r in rows] == [(who, "active")]
    # Through the cap: a PATCH naming an instructor at the cap is refused on instructor_id, and changes nothing.
    full = new_instructor(app, world, "east_t1")
    ok(assign(api, full, [uncovered_unit(app, world, "east_t1") for _ in range(5)]), 201)
    current = unit(api, u["id"])
    before = fingerprint(app)
    r = api.patch(
        f"{UNITS}/{u['id']}",
        as_="handler@east_t1",
        json={"instructor_id": full},
        headers={"If-Match": f'"ledger_units-{u["id"]}-v{current["version"]}"'},
    )
    assert (
        r.status_code == 422 and r.json["code"] == "instructor_over_cap" and "instructor_id" in r.json["errors"]["json"]
    )
    assert fingerprint(app) == before
    # Clearing the column releases the assignment.
    r = api.patch(
        f"{UNITS}/{u['id']}",
        as_="handler@east_t1",
        json={"instructor_id": None},
        headers={"If-Match": f'"ledger_units-{u["id"]}-v{current["version"]}"'},
    )
    assert r.status_code == 200, r.json
    rows = ok(api.get(f"{ASSIGNMENTS}?unit_id={u['id']}", as_="handler@east_t1"))
    assert [(r["state"], r["release_reason"]) for r in rows] == [("released", "released")]


def _found_with(api: Api, unit_id: int) -> None:
    case = new_case(api, [unit_id], "branch")
    submit(api, case["id"])
    approve_level(api, case["id"], "approver@east_t1")
    r = found(api, case["id"], meeting(3))
    assert r.status_code == 200, r.json


@pytest.mark.parametrize("liaison", [False, True])
def test_the_founding_releases_the_instructor_unless_a_liaison(
    app: Flask, api: Api, world: World, liaison: bool
) -> None:
    from tests.support.establishment import route

    route(api, "east_t1", "any_one")
    who = new_instructor(app, world, "east_t1")
    u = make_unit(api, "east_t1", formal_members=3)
    row = ok(assign(api, who, [u["id"]], liaison=liaison), 201)[0]
    _found_with(api, u["id"])
    got = ok(api.get(f"{ASSIGNMENTS}/{row['id']}", as_="handler@east_t1"))
    if liaison:
        assert got["state"] == "active" and unit(api, u["id"])["instructor_id"] == who
    else:
        assert (got["state"], got["release_reason"], got["release_reason_label"]) == (
            "released",
            "founded",
            "单位已建立党组织",
        )
        assert unit(api, u["id"])["instructor_id"] is None
        with app.app_context():
            actions = list(
                db.session.execute(
                    select(AuditEvent.action).where(AuditEvent.subject_type == "unit", AuditEvent.subject_id == u["id"])
                ).scalars()
            )
        assert "unit.instructor" in actions and "unit.covered" in actions


def test_only_the_instructor_logs_visits_on_their_units(app: Flask, api: Api, world: World) -> None:
    me = world.users["instructor@east_t1"]
    row = ok(assign(api, me, [uncovered_unit(app, world, "east_t1")]), 201)[0]
    url = f"{ASSIGNMENTS}/{row['id']}/visits"
    body = {"visited_on": "2026-09-25", "kind": "visit", "done": "走访了解情况"}
    before = fingerprint(app)
    assert api.post(url, as_="instructor@east", json=body).status_code == 403  # not theirs
    assert api.post(url, as_="handler@east_t1", json=body).status_code == 403  # not an instructor
    future = api.post(url, as_="instructor@east_t1", json={**body, "visited_on": "2026-09-28"})
    assert future.status_code == 422 and future.json["code"] == "visit_in_future"
    missing = api.post(url, as_="instructor@east_t1", json={"visited_on": "2026-09-25", "kind": "chat"})
    assert missing.status_code == 422 and {"kind", "done"} <= set(missing.json["errors"]["json"])
    assert fingerprint(app) == before
    ok(api.post(f"{ASSIGNMENTS}/{row['id']}/release", as_="handler@east_t1", json={}))
    gone = api.post(url, as_="instructor@east_t1", json=body)
    assert gone.status_code == 409 and gone.json["code"] == "assignment_released"


def test_an_import_naming_instructors_records_assignments_within_the_cap(app: Flask, api: Api, world: World) -> None:
    from tests.support.excel import HEADERS, imported, xlsx
    from tests.support.factories import new_credit_code

    who = new_instructor(app, world, "east_t1")
    with app.app_context():
        from service.models import User

        account = db.session.get(User, who).username  # type: ignore[union-attr]
        db.session.remove()
    headers = [*HEADERS, "党建指导员账号"]
    rows = [[new_credit_code(), f"导入企业{i}", "非公企业", "east_t1", 60, 0, account] for i in range(5)]
    assert imported(app, api, xlsx(rows, headers))["created_count"] == 5
    active = ok(api.get(f"{ASSIGNMENTS}?instructor_id={who}&state=active", as_="admin@east"))
    assert len(active) == 5
    # A sixth unit for the same instructor: the whole file is refused with the rule's message, nothing imported.
    sixth = [[new_credit_code(), "导入企业6", "非公企业", "east_t1", 60, 0, account]]
    status = imported(app, api, xlsx(sixth, headers))
    assert status["status"] == "failed" and "最多同时联系5个单位" in status["message"], status
    assert "导入企业6" in status["message"]
    with app.app_context():
        from service.models import Unit

        assert db.session.execute(select(Unit.id).where(Unit.name == "导入企业6")).first() is None
        db.session.remove()
    assert len(ok(api.get(f"{ASSIGNMENTS}?instructor_id={who}", as_="admin@east"))) == 5


def test_leaving_scope_releases_the_instructor(app: Flask, api: Api, world: World) -> None:
    who = new_instructor(app, world, "east_t1")
    u = make_unit(api, "east_t1", as_="handler@east_t1")
    row = ok(assign(api, who, [u["id"]]), 201)[0]
    current = unit(api, u["id"])
    r = api.patch(
        f"{UNITS}/{u['id']}",
        as_="handler@east_t1",
        json={"operating_status": "deregistered"},
        headers={"If-Match": f'"ledger_units-{u["id"]}-v{current["version"]}"'},
    )
    assert r.status_code == 200, r.json
    got = ok(api.get(f"{ASSIGNMENTS}/{row['id']}", as_="handler@east_t1"))
    assert (got["state"], got["release_reason"]) == ("released", "left_scope")
    assert unit(api, u["id"])["instructor_id"] is None


def test_the_assignments_export(app: Flask, api: Api, world: World) -> None:
    from tests.support.excel import read_xlsx

    me = world.users["instructor@east_t1"]
    api.call(
        "PUT",
        f"{INSTRUCTORS}/{me}/profile",
        as_="handler@east_t1",
        json={"employment": "part_time", "home_unit": "东一镇党委", "phone": "13800138000"},
    )
    a, b = uncovered_unit(app, world, "east_t1"), uncovered_unit(app, world, "east_t1")
    rows = ok(assign(api, me, [a, b]), 201)
    ok(api.post(f"{ASSIGNMENTS}/{rows[1]['id']}/release", as_="handler@east_t1", json={}))
    r = api.get(f"{ASSIGNMENTS}/export.xlsx?instructor_id={me}", as_="supervisor@east")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    header, *body = read_xlsx(r.data)
    assert header[:4] == ("单位名称", "统一社会信用代码", "所属乡镇（街道）", "党建指导员")
    by_unit = {row[0]: row for row in body}
    assert len(body) == 2
    names = {u["id"]: u["name"] for u in (unit(api, a), unit(api, b))}
    first, second = by_unit[names[a]], by_unit[names[b]]
    assert first[3:8] == ("instructor@east_t1", "兼职", "东一镇党委", "13800138000", "联系中")
    assert (second[7], second[12]) == ("已解除", "解除选派")
    # Out of scope: nothing of another county.
    assert (
        api.get(f"{ASSIGNMENTS}/export.xlsx?jurisdiction_id={world.ids['west_t1']}", as_="supervisor@east").status_code
        == 404
    )
