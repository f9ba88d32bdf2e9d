"""HTTP helpers shared by the supervision tests: tickets in each state, interviews, the audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import Flask
from sqlalchemy import select, text

from service.clock import FixedClock
from service.extensions import db
from service.models import AuditEvent, Notification
from tests.support.world import Api

TICKETS = "/api/v1/supervision-tickets"
INTERVIEWS = "/api/v1/interviews"
# The injected clock: 2026-09-25 02:00 UTC = 10:00 in Beijing, the Mid-Autumn Festival (a holiday Friday).
TODAY = date(2026, 9, 25)
PROBLEMS = [
    {"description": "规上非公企业党组织覆盖率低于90%", "measure": "逐户排查，10月底前完成单独或联合组建"},
    {"description": "党建指导员选派不到位", "measure": "为未建党组织单位全部选派党建指导员"},
]


def at(day: date, hour: int = 2) -> datetime:
    """A UTC instant on that civil day in China (02:00 UTC = 10:00 in Beijing)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def move(clock: FixedClock, day: date, hour: int = 2) -> None:
    clock.set(at(day, hour))


def ticket_payload(api: Api, place: str = "east_t1", **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "党组织覆盖工作推进滞后",
        "jurisdiction_id": api.world.ids[place],
        "responsible_person": "刘镇长",
        "responsible_title": "镇党委书记",
        "problems": PROBLEMS,
        "rectification_workdays": 5,
    }
    body.update(kw)
    return {k: v for k, v in body.items() if v is not None}


def ok(resp: Any, status: int = 200) -> dict[str, Any]:
    assert resp.status_code == status, (resp.status_code, resp.get_json())
    return dict(resp.json)


def assert_error(resp: Any, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, (resp.status_code, resp.get_json())
    assert resp.json["code"] == code, resp.json
    return dict(resp.json)


def draft(api: Api, place: str = "east_t1", as_: str = "supervisor@east", **kw: Any) -> dict[str, Any]:
    return ok(api.post(TICKETS, as_=as_, json=ticket_payload(api, place, **kw)), 201)


def issued(api: Api, place: str = "east_t1", as_: str = "supervisor@east", **kw: Any) -> dict[str, Any]:
    t = draft(api, place, as_, **kw)
    return ok(api.post(f"{TICKETS}/{t['id']}/issue", as_=as_))


def handler_of(place: str) -> str:
    return f"handler@{place}"


def acknowledged(api: Api, place: str = "east_t1", **kw: Any) -> dict[str, Any]:
    t = issued(api, place, **kw)
    return ok(api.post(f"{TICKETS}/{t['id']}/acknowledge", as_=handler_of(place)))


def rectifying(api: Api, place: str = "east_t1", **kw: Any) -> dict[str, Any]:
    t = acknowledged(api, place, **kw)
    return ok(api.post(f"{TICKETS}/{t['id']}/start", as_=handler_of(place)))


def report_body(ticket: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {
        "summary": kw.pop("summary", "已完成整改"),
        "problems_reported": [
            {"problem_id": p["id"], "measures_taken": f"已落实：{p['measure']}", "evidence": [f"file-{p['id']}.pdf"]}
            for p in ticket["problems"]
        ],
        **kw,
    }


def report(api: Api, ticket: dict[str, Any], as_: str = "handler@east_t1") -> Any:
    return api.post(f"{TICKETS}/{ticket['id']}/report", as_=as_, json=report_body(ticket))


def submitted(api: Api, place: str = "east_t1", **kw: Any) -> dict[str, Any]:
    t = rectifying(api, place, **kw)
    return ok(report(api, t, as_=handler_of(place)))


def get_ticket(api: Api, ticket_id: int, as_: str = "supervisor@city") -> dict[str, Any]:
    return ok(api.get(f"{TICKETS}/{ticket_id}", as_=as_))


def actions(app: Flask, subject_type: str, subject_id: int) -> list[str]:
    """The audit trail of a subject, oldest first."""
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent.action)
            .where(AuditEvent.subject_type == subject_type, AuditEvent.subject_id == subject_id)
            .order_by(AuditEvent.id)
        ).scalars()
        out = list(rows)
        db.session.remove()
    return out


def notified(app: Flask, kind: str) -> list[int]:
    """Recipients of the notifications of one kind, in order."""
    with app.app_context():
        out = list(
            db.session.execute(
                select(Notification.user_id).where(Notification.kind == kind).order_by(Notification.id)
            ).scalars()
        )
        db.session.remove()
    return out


def sql(app: Flask, statement: str, **params: Any) -> None:
    with app.app_context():
        db.session.execute(text(statement), params)
        db.session.commit()
        db.session.remove()


def ask(api: Api, ticket_id: int, new_deadline: str = "2026-10-16", as_: str = "handler@east_t1", **kw: Any) -> Any:
    body = {"new_deadline": new_deadline, "reason": kw.pop("reason", "涉及单位多，需延长排查时间"), **kw}
    return api.post(f"{TICKETS}/{ticket_id}/extensions", as_=as_, json=body)


def decide(api: Api, ticket_id: int, ext_id: int, decision: str = "approve", as_: str = "supervisor@east", **kw: Any):
    return api.post(f"{TICKETS}/{ticket_id}/extensions/{ext_id}/decide", as_=as_, json={"decision": decision, **kw})


def pending_id(ticket: dict[str, Any]) -> int:
    (ext,) = [e for e in ticket["extensions"] if e["status"] == "pending"]
    return int(ext["id"])


def arrange(api: Api, ticket_id: int, as_: str = "supervisor@east", **kw: Any) -> Any:
    body = {
        "ticket_id": ticket_id,
        "reason": "督办单逾期未整改",
        "scheduled_at": "2026-09-28T09:00:00",
        "place": "县委组织部会议室",
        **kw,
    }
    return api.post(INTERVIEWS, as_=as_, json={k: v for k, v in body.items() if v is not None})
