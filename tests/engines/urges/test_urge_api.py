"""催办 through the API: an overdue approval task (applicant side or supervisor → its approvers) and a
supervision ticket (issuing side → the handling body's handlers). Scope, roles, the once-per-working-day limit,
the audit record and the notifications, all written together."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from service.clock import FixedClock
from service.extensions import db
from service.models import AuditEvent, Notification
from service.models.urge import Urge
from tests.support.establishment import CASES, TASKS, submitted_branch
from tests.support.supervision import TICKETS, acknowledged, issued, move, ok, rectifying
from tests.support.world import Api

DUE = date(2026, 11, 2)  # the first step's due date for a case submitted on 2026-09-25


def open_task(api: Api, place: str = "east_t1") -> dict[str, Any]:
    case = submitted_branch(api, place)
    res = api.get(f"{TASKS}/inbox", as_=f"approver@{place}")
    assert res.status_code == 200
    tasks = res.json
    task = next(t for t in tasks if t["subject_id"] == case["id"])
    assert task["due_on"] == DUE.isoformat()
    return dict(task)


def urges_of(app: Flask, subject_type: str, ident: int) -> list[Urge]:
    with app.app_context():
        rows = list(
            db.session.execute(
                select(Urge).where(Urge.subject_type == subject_type, Urge.subject_id == ident).order_by(Urge.id)
            ).scalars()
        )
        db.session.expunge_all()
    return rows


def notifications_of(app: Flask, kind: str) -> list[tuple[int, str, str | None, str | None, int | None]]:
    with app.app_context():
        return [
            tuple(r)
            for r in db.session.execute(
                select(
                    Notification.user_id,
                    Notification.title,
                    Notification.body,
                    Notification.subject_type,
                    Notification.subject_id,
                )
                .where(Notification.kind == kind)
                .order_by(Notification.id)
            ).all()
        ]


def audits(app: Flask, action: str) -> list[AuditEvent]:
    with app.app_context():
        rows = list(
            db.session.execute(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).scalars()
        )
        db.session.expunge_all()
    return rows


def count(app: Flask, model: type) -> int:
    with app.app_context():
        return int(db.session.execute(select(func.count()).select_from(model)).scalar_one())


# -- approval tasks ---------------------------------------------------------------------------------------------


def test_the_applicant_urges_an_overdue_task_and_its_approvers_are_told(
    api: Api, app: Flask, clock: FixedClock
) -> None:
    task = open_task(api)
    move(clock, date(2026, 11, 3))
    res = api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={"message": "材料已齐，请尽快审批"})
    body = ok(res, 201)
    assert body["subject_type"] == "approval_task" and body["subject_id"] == task["id"]
    assert body["actor_name"] == "portal@east"  # the display name
    assert body["urge_count"] == 1 and body["notified"] == 1
    assert body["next_allowed_on"] == "2026-11-04" and body["urged_on"] == "2026-11-03"
    sent = notifications_of(app, "task.urged")
    assert [(n[0], n[3], n[4]) for n in sent] == [
        (api.world.users["approver@east_t1"], "establishment", task["subject_id"])
    ]
    assert "逾期" in sent[0][1] and sent[0][2] == "portal@east催办：材料已齐，请尽快审批"
    (record,) = audits(app, "task.urge")
    assert (record.subject_type, record.subject_id) == ("establishment", task["subject_id"])
    assert record.actor_id == api.world.users["portal@east"] and record.comment == "材料已齐，请尽快审批"
    assert record.state_after is not None and record.state_after["task_id"] == task["id"]


def test_a_claimed_task_urges_only_its_assignee(api: Api, app: Flask, clock: FixedClock) -> None:
    task = open_task(api)
    ok(api.post(f"{TASKS}/{task['id']}/claim", as_="approver@east_t1"))
    move(clock, date(2026, 11, 3))
    ok(api.post(f"{TASKS}/{task['id']}/urge", as_="supervisor@east", json={}), 201)
    assert [n[0] for n in notifications_of(app, "task.urged")] == [api.world.users["approver@east_t1"]]


def test_once_per_working_day_then_again_on_the_next(api: Api, app: Flask, clock: FixedClock) -> None:
    task = open_task(api)
    move(clock, date(2026, 11, 6))  # a Friday
    ok(api.post(f"{TASKS}/{task['id']}/urge", as_="handler@east_t1", json={}), 201)
    before = (count(app, Urge), count(app, Notification), count(app, AuditEvent))
    for day in (date(2026, 11, 6), date(2026, 11, 7), date(2026, 11, 8)):  # the same day, the weekend
        move(clock, day)
        res = api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={"message": "再催"})
        assert res.status_code == 409, res.json
        assert res.json["code"] == "already_urged"
        assert "2026-11-09" in res.json["message"] and res.json["detail"]["next_allowed_on"] == "2026-11-09"
    assert (count(app, Urge), count(app, Notification), count(app, AuditEvent)) == before
    move(clock, date(2026, 11, 9))
    assert ok(api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={}), 201)["urge_count"] == 2


def test_a_task_not_overdue_or_closed_is_refused(api: Api, app: Flask, clock: FixedClock) -> None:
    task = open_task(api)
    res = api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={})
    assert res.status_code == 422 and res.json["code"] == "task_not_overdue" and "2026-11-02" in res.json["message"]
    move(clock, DUE)  # the due day itself is not overdue
    assert api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={}).status_code == 422
    ok(api.post(f"{CASES}/{task['subject_id']}/withdraw", as_="portal@east", json={}))  # its task is cancelled
    move(clock, date(2026, 11, 3))
    res = api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={})
    assert res.status_code == 409 and res.json["code"] == "task_not_open"
    assert urges_of(app, "approval_task", task["id"]) == []


def test_task_urge_scope_role_and_message(api: Api, app: Flask, clock: FixedClock) -> None:
    task = open_task(api)
    move(clock, date(2026, 11, 3))
    assert api.post(f"{TASKS}/{task['id']}/urge", as_="portal@west_t1", json={}).status_code == 404
    assert api.post(f"{TASKS}/{task['id']}/urge", as_="supervisor@west_t1", json={}).status_code == 404
    for who in ("approver@east_t1", "instructor@east"):
        res = api.post(f"{TASKS}/{task['id']}/urge", as_=who, json={})
        assert res.status_code == 403 and res.json["code"] == "forbidden"
    res = api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={"message": "催" * 201})
    assert res.status_code == 422 and "message" in res.json["errors"]["json"]
    assert urges_of(app, "approval_task", task["id"]) == []


# -- supervision tickets ----------------------------------------------------------------------------------------


def test_the_supervisor_urges_a_rectifying_ticket_and_its_handlers_are_told(
    api: Api, app: Flask, clock: FixedClock
) -> None:
    t = rectifying(api)
    body = ok(api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@east", json={"message": "请按期报送"}), 201)
    assert body["subject_type"] == "supervision_ticket" and body["urge_count"] == 1
    # The 25th is a holiday (中秋): the next working day is Monday the 28th.
    assert body["actor_name"] == "supervisor@east" and body["next_allowed_on"] == "2026-09-28"
    sent = notifications_of(app, "ticket.urged")
    assert [(n[0], n[3], n[4]) for n in sent] == [(api.world.users["handler@east_t1"], "supervision_ticket", t["id"])]
    assert sent[0][2] == "supervisor@east催办：请按期报送"
    (record,) = audits(app, "ticket.urge")
    assert (record.subject_type, record.subject_id, record.jurisdiction_id) == (
        "supervision_ticket",
        t["id"],
        api.world.ids["east_t1"],
    )
    res = api.post(f"{TICKETS}/{t['id']}/urge", as_="admin@east", json={})
    assert res.status_code == 409 and res.json["code"] == "already_urged" and "2026-09-28" in res.json["message"]
    move(clock, date(2026, 9, 27))  # still the holiday weekend
    assert api.post(f"{TICKETS}/{t['id']}/urge", as_="admin@east", json={}).status_code == 409
    move(clock, date(2026, 9, 28))
    assert ok(api.post(f"{TICKETS}/{t['id']}/urge", as_="admin@east", json={}), 201)["urge_count"] == 2
    move(clock, date(2026, 9, 28), hour=9)  # 17:00 the same day
    assert api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@east", json={}).status_code == 409


def test_issued_and_acknowledged_tickets_may_be_urged_too(api: Api) -> None:
    for t in (issued(api), acknowledged(api)):
        ok(api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@east", json={}), 201)


def test_a_ticket_the_unit_has_reported_or_that_is_closed_is_refused(api: Api, app: Flask) -> None:
    t = rectifying(api)
    report = {"problems_reported": [{"problem_id": p["id"], "measures_taken": "已整改"} for p in t["problems"]]}
    ok(api.post(f"{TICKETS}/{t['id']}/report", as_="handler@east_t1", json=report))
    res = api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@east", json={})
    assert res.status_code == 409 and res.json["code"] == "ticket_reported"
    ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={}))
    res = api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@east", json={})
    assert res.status_code == 409 and res.json["code"] == "ticket_not_open"
    assert urges_of(app, "supervision_ticket", t["id"]) == []


def test_ticket_urge_scope_and_side(api: Api, app: Flask) -> None:
    t = rectifying(api)
    assert api.post(f"{TICKETS}/{t['id']}/urge", as_="supervisor@west_t1", json={}).status_code == 404
    # The handling body's own supervisor sees the ticket but is not the issuing side; handlers may not urge.
    for who in ("supervisor@east_t1", "handler@east_t1", "portal@east", "approver@east"):
        res = api.post(f"{TICKETS}/{t['id']}/urge", as_=who, json={})
        assert res.status_code == 403, (who, res.json)
    assert urges_of(app, "supervision_ticket", t["id"]) == []
