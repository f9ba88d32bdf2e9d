"""Synchronisation 1 (登记 → 组建准备): a unit entered in scope without an organisation — by hand or by import —
opens a preparation item in the write's transaction; it closes itself once the unit has an instructor who has
visited it, or the unit founds its organisation, or it leaves scope; its ladder runs from the limit."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask

from service.clock import FixedClock
from service.operations.engines import escalation
from tests.support.escalation import at, notification_count
from tests.support.establishment import approve_level, found, make_unit, meeting, new_case, route, submit
from tests.support.excel import imported, xlsx
from tests.support.factories import new_credit_code
from tests.support.instructors import ASSIGNMENTS, PREPARATION, new_instructor
from tests.support.world import Api, World

UNITS = "/api/v1/units"


def ok(res: Any, status: int = 200) -> Any:
    assert res.status_code == status, res.json
    return res.json


def items(api: Api, unit_id: int) -> list[dict[str, Any]]:
    return list(ok(api.get(f"{PREPARATION}?unit_id={unit_id}", as_="handler@east_t1")))


def test_a_new_unit_without_an_organisation_opens_an_item(api: Api) -> None:
    u = make_unit(api, "east_t1", as_="handler@east_t1")
    (item,) = items(api, u["id"])
    assert (item["state"], item["state_label"], item["opened_on"], item["due_on"]) == (
        "open",
        "准备中",
        "2026-09-25",
        "2026-10-29",  # 20 working days, across the National Day week
    )
    # 催办 on the first working day after the limit.
    assert (item["next_escalation_level"], item["next_escalation_at"]) == ("reminder", "2026-10-30")
    # Out of scope (too few employees): nothing to prepare.
    small = make_unit(api, "east_t1", as_="handler@east_t1", employees=49)
    assert items(api, small["id"]) == []


def test_an_import_opens_one_item_per_new_unit(app: Flask, api: Api, world: World) -> None:
    a, b, c = new_credit_code(), new_credit_code(), new_credit_code()
    rows = [
        [a, "甲企业", "非公企业", "east_t1", 60, 3],
        [b, "乙企业", "非公企业", "east_t1", 70, 4],
        [c, "丙企业", "非公企业", "east_t1", 20, 0],  # out of scope
    ]
    assert imported(app, api, xlsx(rows))["created_count"] == 3
    listed = ok(api.get(f"{PREPARATION}?state=open", as_="admin@east"))
    names = sorted(i["unit"]["name"] for i in listed)
    assert names == ["乙企业", "甲企业"]
    # Imported again unchanged: nothing more.
    imported(app, api, xlsx(rows))
    assert len(ok(api.get(f"{PREPARATION}?state=open", as_="admin@east"))) == 2


def test_it_closes_once_an_instructor_has_visited(app: Flask, api: Api, world: World) -> None:
    u = make_unit(api, "east_t1", as_="handler@east_t1")
    me = world.users["instructor@east_t1"]
    row = ok(api.post(ASSIGNMENTS, as_="handler@east_t1", json={"instructor_id": me, "unit_ids": [u["id"]]}), 201)[0]
    (item,) = items(api, u["id"])
    assert (item["state"], item["instructor_assigned_on"], item["first_visit_on"]) == ("open", "2026-09-25", None)
    ok(
        api.post(
            f"{ASSIGNMENTS}/{row['id']}/visits",
            as_="instructor@east_t1",
            json={"visited_on": "2026-09-25", "kind": "visit", "done": "首次走访"},
        ),
        201,
    )
    (item,) = items(api, u["id"])
    assert (item["state"], item["close_reason"], item["close_reason_label"]) == (
        "closed",
        "done",
        "已选派指导员并首次走访",
    )
    assert item["next_escalation_at"] is None
    got = ok(api.get(f"{PREPARATION}/{item['id']}", as_="instructor@east_t1"))
    assert [h["action"] for h in got["history"]] == ["preparation_item.open", "preparation_item.close"]


def test_it_closes_when_the_unit_founds_its_organisation(api: Api) -> None:
    route(api, "east_t1", "any_one")
    u = make_unit(api, "east_t1", formal_members=3)
    case = new_case(api, [u["id"]], "branch")
    submit(api, case["id"])
    approve_level(api, case["id"], "approver@east_t1")
    assert found(api, case["id"], meeting(3)).status_code == 200
    (item,) = items(api, u["id"])
    assert (item["state"], item["close_reason"]) == ("closed", "founded")


def test_leaving_scope_closes_and_coming_back_reopens(api: Api) -> None:
    u = make_unit(api, "east_t1", as_="handler@east_t1")
    tag = f'"ledger_units-{u["id"]}-v{u["version"]}"'
    r = ok(api.patch(f"{UNITS}/{u['id']}", as_="handler@east_t1", json={"employees": 10}, headers={"If-Match": tag}))
    (item,) = items(api, u["id"])
    assert (item["state"], item["close_reason"]) == ("closed", "left_scope")
    tag = f'"ledger_units-{u["id"]}-v{r["version"]}"'
    ok(api.patch(f"{UNITS}/{u['id']}", as_="handler@east_t1", json={"employees": 90}, headers={"If-Match": tag}))
    states = sorted(i["state"] for i in items(api, u["id"]))
    assert states == ["closed", "open"]


def test_an_item_past_its_limit_climbs_its_ladder(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    u = make_unit(api, "east_t1", as_="handler@east_t1")
    (item,) = items(api, u["id"])
    with app.app_context():
        assert escalation.escalate("preparation_item", item["id"], date(2026, 10, 29)) == "not_due"
        assert escalation.escalate("preparation_item", item["id"], date(2026, 10, 30)) == "reminder"
        assert escalation.escalate("preparation_item", item["id"], date(2026, 10, 30)) == "not_due"
    assert notification_count(app, "escalation.reminder") == 1  # the handler of east_t1
    (item,) = items(api, u["id"])
    assert (item["escalation_level"], item["next_escalation_level"], item["next_escalation_at"]) == (
        "reminder",
        "warning",
        "2026-11-06",
    )
    with app.app_context():
        assert escalation.escalate("preparation_item", item["id"], date(2026, 11, 5)) == "not_due"
        assert escalation.escalate("preparation_item", item["id"], date(2026, 11, 6)) == "warning"
    assert notification_count(app, "escalation.warning") == 1  # the supervisor of east_t1
    # An instructor assigned late still moves it on; a visit closes it and stops the ladder.
    clock.set(at(date(2026, 11, 9)))
    who = new_instructor(app, world, "east_t1")
    ok(api.post(ASSIGNMENTS, as_="handler@east_t1", json={"instructor_id": who, "unit_ids": [u["id"]]}), 201)
    (item,) = items(api, u["id"])
    assert item["state"] == "open" and item["instructor_assigned_on"] == "2026-11-09"


def test_the_systems_own_load_opens_nothing(app: Flask, world: World) -> None:
    """The demo city's ledger, loaded by the system as it stood before the service: no preparation items."""
    from sqlalchemy import func, select

    from service.auth import system_actor
    from service.extensions import db
    from service.models.instructor import PreparationItem
    from service.operations.reference import units
    from tests.support.factories import new_unit

    with app.app_context():
        unit = units.create(system_actor("demo"), new_unit(world.ids["east_t1"], employees=80))
        n = db.session.execute(select(func.count()).where(PreparationItem.unit_id == unit.id)).scalar_one()
        db.session.remove()
    assert n == 0


def test_an_import_opens_items_as_a_unit_created_by_hand_does(app: Flask, api: Api, world: World) -> None:
    """An import's batch past bulk.COPY_FROM rows (on PostgreSQL one INSERT … SELECT FROM unnest, no ORM object
    per item) opens the items a unit created through the API opens: the same columns and plan, the same audit
    record (a snapshot of the item as written) and the same webhook event; a row naming an instructor starts
    with the instructor recorded, as a create naming one does."""
    from datetime import datetime

    from sqlalchemy import select

    from service import bulk
    from service.extensions import db
    from service.models import AuditEvent, User, WebhookDelivery
    from service.models.base import snapshot
    from service.models.instructor import PreparationItem
    from tests.support.excel import HEADERS
    from tests.support.factories import unit_payload
    from tests.support.webhooks import register

    register(api, "admin@city", "https://portal.example.org/hooks", ["preparation_item.opened"])
    instructor = new_instructor(app, world, "east_t1")
    with app.app_context():
        account = db.session.get(User, instructor)
        assert account is not None
        username = account.username
    place = world.ids["east_t1"]
    by_hand = ok(api.post(UNITS, json=unit_payload(place, employees=80), as_="admin@east"), 201)["id"]
    named = unit_payload(place, employees=80, instructor_id=instructor)
    by_hand_named = ok(api.post(UNITS, json=named, as_="admin@east"), 201)["id"]
    codes = [new_credit_code() for _ in range(bulk.COPY_FROM + 20)]
    rows = [[c, f"企业{n}", "非公企业", "east_t1", 80, 0, username if n == 7 else None] for n, c in enumerate(codes)]
    assert imported(app, api, xlsx(rows, [*HEADERS, "党建指导员账号"]))["created_count"] == len(codes)
    with app.app_context():
        from service.models import Unit

        ids = dict(db.session.execute(select(Unit.credit_code, Unit.id).where(Unit.credit_code.in_(codes))).all())
        units = [ids[c] for c in codes]
        item_of = {
            i.unit_id: i
            for i in db.session.execute(
                select(PreparationItem).where(PreparationItem.unit_id.in_([by_hand, by_hand_named, *units]))
            ).scalars()
        }
        assert set(item_of) == {by_hand, by_hand_named, *units}
        records = {
            e.subject_id: e
            for e in db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "preparation_item.open").order_by(AuditEvent.id)
            ).scalars()
        }
        sent = [
            d.payload["data"]
            for d in db.session.execute(
                select(WebhookDelivery)
                .where(WebhookDelivery.event == "preparation_item.opened")
                .order_by(WebhookDelivery.id)
            ).scalars()
        ]
        snapshots = {u: snapshot(i) for u, i in item_of.items()}
    own = ("id", "unit_id", "created_at", "updated_at")

    def shape(unit_id: int) -> dict[str, object]:
        return {k: v for k, v in snapshots[unit_id].items() if k not in own}

    assert shape(by_hand)["instructor_assigned_on"] is None and shape(by_hand)["next_escalation_at"] is not None
    assert shape(by_hand_named)["instructor_assigned_on"] == shape(by_hand_named)["opened_on"]
    assert [shape(u) for u in units] == [shape(by_hand_named if n == 7 else by_hand) for n in range(len(units))]
    assert [item_of[u].id for u in units] == sorted(item_of[u].id for u in units)  # in file order
    for unit_id, item in item_of.items():
        record = records[item.id]
        after = dict(record.state_after)
        stamps = [datetime.fromisoformat(after.pop(k)) for k in ("created_at", "updated_at")]
        assert stamps == [item.created_at, item.updated_at]
        assert after == {k: v for k, v in snapshots[unit_id].items() if k not in ("created_at", "updated_at")}
        assert list(record.state_after) == list(snapshots[unit_id])  # the same keys in the same order
        by_hand_record = records[item_of[by_hand].id]
        assert (record.actor_id, record.jurisdiction_id, record.state_before, record.comment) == (
            by_hand_record.actor_id,
            by_hand_record.jurisdiction_id,
            None,
            None,
        )
    assert sent == [{"id": item_of[u].id, "unit_id": u} for u in [by_hand, by_hand_named, *units]]
