"""Party activities and annual inspections (五个同步 2–3) through the API: units in the ledger since a given day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import Flask

from service.auth import system_actor
from service.clock import FixedClock
from service.extensions import db
from service.models import Unit
from service.models.synchronisation import AnnualInspection, PartyActivity
from service.operations.reference import units
from tests.support.access.matrix import Scene
from tests.support.factories import new_unit, unit_payload
from tests.support.world import START, Api, World
from workflows.errors import RuleViolation

ACTIVITIES = "/api/v1/party-activities"
INSPECTIONS = "/api/v1/annual-inspections"


def unit_since(api: Api, world: World, clock: FixedClock, since: str, code: str = "east_t1", **kw: Any) -> int:
    """A unit registered in the ledger on `since` (YYYY-MM-DD, Beijing noon); the clock is back at START after."""
    clock.set(datetime.fromisoformat(f"{since}T04:00:00").replace(tzinfo=UTC))
    try:
        res = api.post("/api/v1/units", as_="admin@city", json=unit_payload(world.ids[code], **kw))
        assert res.status_code == 201, res.get_data(as_text=True)
        return int(res.json["id"])
    finally:
        clock.set(START)


def activity(unit_id: int, held_on: str = "2026-09-20", **kw: Any) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "kind": "theme_day",
        "held_on": held_on,
        "attendance": 8,
        "description": "主题党日",
        **kw,
    }


def inspection(unit_id: int, **kw: Any) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "year": 2026,
        "inspected_on": "2026-06-10",
        "result": "passed",
        "party_work_checked": True,
        **kw,
    }


def ok(res: Any, status: int = 200) -> dict[str, Any]:
    assert res.status_code == status, res.get_data(as_text=True)
    return dict(res.json)


def activity_row(app: Flask, unit_id: int, held_on: date, *, withdrawn: bool = False) -> int:
    """A party activity written straight into the database (the coverage tests' hand-counted ledger)."""
    with app.app_context():
        place = db.session.get_one(Unit, unit_id).jurisdiction_id
        row = PartyActivity(
            state="withdrawn" if withdrawn else "recorded",
            unit_id=unit_id,
            jurisdiction_id=place,
            kind="theme_day",
            held_on=held_on,
            attendance=5,
            description="主题党日",
            version=1,
        )
        db.session.add(row)
        db.session.commit()
        return row.id


def inspection_row(app: Flask, unit_id: int, year: int, *, checked: bool) -> int:
    """An annual inspection written straight into the database."""
    with app.app_context():
        place = db.session.get_one(Unit, unit_id).jurisdiction_id
        row = AnnualInspection(
            state="recorded",
            unit_id=unit_id,
            jurisdiction_id=place,
            year=year,
            inspected_on=date(year, 6, 1),
            result="passed",
            party_work_checked=checked,
            version=1,
        )
        db.session.add(row)
        db.session.commit()
        return row.id


def scene_unit(s: Scene, code: str, who: str) -> int:
    """A fresh unit in `code` for the access matrices; guided by the caller when the caller is an instructor who
    may guide a unit there (an instructor records activities only for the units they guide)."""
    actor = system_actor("test")
    with s.app.app_context():
        instructor = s.world.users[who] if who.startswith("instructor@") else None
        try:
            ident = units.create(actor, new_unit(s.world.ids[code], instructor_id=instructor)).id
        except RuleViolation:  # the instructor may not guide a unit outside their area
            ident = units.create(actor, new_unit(s.world.ids[code])).id
        db.session.remove()
    return ident
