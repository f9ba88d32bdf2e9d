"""Building escalatable items for the escalation tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Flask
from sqlalchemy import func, select

from service.db import transaction
from service.extensions import db
from service.models import EscalationEvent, Notification, SupervisionTicket
from service.operations.engines import escalation
from tests.support.factories import unit_payload
from tests.support.world import Api, World


def at(day: date, hour: int = 2) -> datetime:
    """A UTC instant on that civil day in China (02:00 UTC = 10:00 in Beijing)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def overdue_ticket(
    app: Flask, world: World, rectify_by: date, *, priority: str = "normal", state: str = "rectifying"
) -> int:
    with app.app_context(), transaction():
        t = SupervisionTicket(
            state=state,
            title="非公企业党组织覆盖率未达标",
            priority=priority,
            jurisdiction_id=world.ids["east_t1"],
            issuing_body_id=world.ids["east"],
            issuer_id=world.users["supervisor@east"],
            responsible_person="刘镇长",
            issued_on=date(2026, 9, 1),
            acknowledge_by=date(2026, 9, 3),
            acknowledge_basis="official",
            rectify_by=rectify_by,
            rectify_basis="official",
            original_rectify_by=rectify_by,
        )
        db.session.add(t)
        db.session.flush()
        escalation.replan("supervision_ticket", t)
        return t.id


def submitted_case(api: Api, formal: int = 5) -> int:
    """An establishment case waiting for east_t1's decision (its step is due 22 working days later)."""
    unit = api.post(
        "/api/v1/units", json=unit_payload(api.world.ids["east_t1"], formal_members=formal), as_="handler@east_t1"
    ).json
    case = api.post(
        "/api/v1/establishment-cases",
        as_="handler@east_t1",
        json={"unit_ids": [unit["id"]], "form": "branch", "proposed_name": "测试党支部"},
    ).json
    assert api.post(f"/api/v1/establishment-cases/{case['id']}/submit", as_="handler@east_t1").status_code == 200
    return case["id"]


def events(app: Flask, item_type: str | None = None) -> list[tuple[str, int, str]]:
    with app.app_context():
        stmt = select(EscalationEvent.item_type, EscalationEvent.item_id, EscalationEvent.level).order_by(
            EscalationEvent.id
        )
        if item_type:
            stmt = stmt.where(EscalationEvent.item_type == item_type)
        return [tuple(r) for r in db.session.execute(stmt).all()]  # type: ignore[misc]


def notification_count(app: Flask, kind: str) -> int:
    with app.app_context():
        return db.session.execute(
            select(func.count()).select_from(Notification).where(Notification.kind == kind)
        ).scalar_one()
