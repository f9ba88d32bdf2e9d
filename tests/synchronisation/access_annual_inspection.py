"""Access rows of the annual-inspection endpoints (五个同步 3): every role but portals reads within its scope;
admins, supervisors and handlers record and correct; out of scope is 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.auth import system_actor
from service.extensions import db
from service.operations.flows.synchronisation import inspections
from service.operations.reference import units
from tests.support.access.matrix import INSIDE, Call, Row, Scene
from tests.support.factories import new_unit
from workflows.synchronisation import NewInspection

INSPECTIONS = "/api/v1/annual-inspections"
READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
RECORDERS = frozenset({"admin", "supervisor", "handler"})


def unit_in(s: Scene, code: str) -> int:
    with s.app.app_context():
        ident = units.create(system_actor("test"), new_unit(s.world.ids[code])).id
        db.session.remove()
    return ident


def body(unit_id: int) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "year": 2026,
        "inspected_on": "2026-06-10",
        "result": "passed",
        "party_work_checked": False,
    }


def inspection(s: Scene, code: str) -> int:
    unit_id = unit_in(s, code)
    with s.app.app_context():
        data = {**body(unit_id), "inspected_on": date(2026, 6, 10)}
        ident = inspections.record(system_actor("test"), NewInspection.of(data)).id
        db.session.remove()
    return ident


def _inspection_inside(s: Scene) -> None:
    inspection(s, INSIDE)


CORRECTION = {"inspected_on": "2026-06-11", "result": "passed", "party_work_checked": True, "reason": "补录党建检查"}

ROWS = [
    Row(
        "GET",
        INSPECTIONS,
        READERS,
        200,
        lambda s, c, who: Call(f"{INSPECTIONS}?party_work_checked=false&jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        setup=_inspection_inside,
    ),
    Row("POST", INSPECTIONS, RECORDERS, 201, lambda s, c, who: Call(INSPECTIONS, body(unit_in(s, c)))),
    Row(
        "GET",
        f"{INSPECTIONS}/<int:inspection_id>",
        READERS,
        200,
        lambda s, c, who: Call(f"{INSPECTIONS}/{inspection(s, c)}"),
    ),
    Row(
        "POST",
        f"{INSPECTIONS}/<int:inspection_id>/correct",
        RECORDERS,
        200,
        lambda s, c, who: Call(f"{INSPECTIONS}/{inspection(s, c)}/correct", CORRECTION),
    ),
]
