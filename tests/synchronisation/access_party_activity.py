"""Access rows of the party-activity endpoints (五个同步 2): every role but portals reads within its scope; admins,
handlers and instructors record and correct (an instructor for the units they guide: the unit built here has
the calling instructor as its own); out of scope is 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.auth import system_actor
from service.extensions import db
from service.models import Unit
from service.operations.flows.synchronisation import activities
from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene
from tests.support.synchronisation import scene_unit
from workflows.synchronisation import NewActivity

ACTIVITIES = "/api/v1/party-activities"
READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
RECORDERS = frozenset({"admin", "handler", "instructor"})


unit_for = scene_unit


def body(unit_id: int) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "kind": "theme_day",
        "held_on": "2026-09-20",
        "attendance": 5,
        "description": "主题党日",
    }


def activity(s: Scene, code: str, who: str) -> int:
    unit_id = unit_for(s, code, who)
    with s.app.app_context():
        data = {**body(unit_id), "held_on": date(2026, 9, 20)}
        ident = activities.record(system_actor("test"), NewActivity.of(data)).id
        db.session.remove()
    return ident


def _activity_inside(s: Scene) -> None:
    activity(s, INSIDE, "admin@city")


def _inactive_inside(s: Scene) -> None:
    """An operating unit in the ledger for over a year without an activity."""
    unit_id = unit_for(s, INSIDE, "admin@city")
    with s.app.app_context():
        db.session.get_one(Unit, unit_id).created_at = db.session.get_one(Unit, unit_id).created_at.replace(year=2024)
        db.session.commit()
        db.session.remove()


def _action(suffix: str, json: Any) -> Build:
    return lambda s, code, who: Call(f"{ACTIVITIES}/{activity(s, code, who)}/{suffix}", json)


CORRECTION = {**body(1), "reason": "人数录错"}
del CORRECTION["unit_id"]

ROWS = [
    Row(
        "GET",
        ACTIVITIES,
        READERS,
        200,
        lambda s, c, who: Call(f"{ACTIVITIES}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        setup=_activity_inside,
    ),
    Row(
        "POST",
        ACTIVITIES,
        RECORDERS,
        201,
        lambda s, c, who: Call(ACTIVITIES, body(unit_for(s, c, who))),
        per_caller=True,
    ),
    Row(
        "GET",
        f"{ACTIVITIES}/inactive-units",
        READERS,
        200,
        lambda s, c, who: Call(f"{ACTIVITIES}/inactive-units?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        setup=_inactive_inside,
    ),
    Row(
        "GET",
        f"{ACTIVITIES}/<int:activity_id>",
        READERS,
        200,
        lambda s, c, who: Call(f"{ACTIVITIES}/{activity(s, c, who)}"),
    ),
    Row(
        "POST",
        f"{ACTIVITIES}/<int:activity_id>/correct",
        RECORDERS,
        200,
        _action("correct", CORRECTION),
        per_caller=True,
    ),
    Row(
        "POST",
        f"{ACTIVITIES}/<int:activity_id>/withdraw",
        RECORDERS,
        200,
        _action("withdraw", {"reason": "重复登记"}),
        per_caller=True,
    ),
]
