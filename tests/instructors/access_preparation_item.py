"""Access rows of the preparation items (组建准备): read by every role but portals, within scope."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models.instructor import PreparationItem
from tests.support.access.matrix import INSIDE, Call, Row, Scene
from tests.support.instructors import PREPARATION, uncovered_unit

READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})


def _item_of(app: Flask, unit_id: int) -> int:
    with app.app_context():
        ident = db.session.execute(select(PreparationItem.id).where(PreparationItem.unit_id == unit_id)).scalar_one()
        db.session.remove()
    return int(ident)


def _item(s: Scene, code: str) -> int:
    return _item_of(s.app, uncovered_unit(s.app, s.world, code))


def _inside(s: Scene) -> None:
    _item(s, INSIDE)


ROWS = [
    Row(
        "GET",
        PREPARATION,
        READERS,
        200,
        lambda s, c, who: Call(f"{PREPARATION}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_inside,
    ),
    Row("GET", f"{PREPARATION}/<int:item_id>", READERS, 200, lambda s, c, who: Call(f"{PREPARATION}/{_item(s, c)}")),
]
