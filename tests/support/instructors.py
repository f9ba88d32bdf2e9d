"""Instructors, units without an organisation and assignments, for the instructor tests and their access rows."""

from __future__ import annotations

import io
from datetime import date
from itertools import count
from typing import Any

from flask import Flask

from service.auth import Actor, system_actor
from service.extensions import db
from service.inputs import NewUser
from service.models import User
from service.operations.engines import attachments
from service.operations.flows.instructors import assignments
from service.operations.reference import units, users
from tests.support.factories import new_unit
from tests.support.world import World
from workflows.instructors import Assign, NewVisit

ASSIGNMENTS = "/api/v1/instructor-assignments"
VISITS = "/api/v1/instructor-visits"
NOTE = "走访情况：已与企业负责人沟通\n".encode()
INSTRUCTORS = "/api/v1/instructors"
PREPARATION = "/api/v1/preparation-items"

_seq = count(1)


def new_instructor(app: Flask, world: World, code: str) -> int:
    """A fresh instructor of body `code` (the world's own instructors would reach their cap across tests)."""
    with app.app_context():
        n = next(_seq)
        user = users.create(
            system_actor("test"),
            NewUser(
                username=f"zdy{n}.{code}", display_name=f"指导员{n}", role="instructor", jurisdiction_id=world.ids[code]
            ),
        )
        ident = user.id
        db.session.remove()
    return ident


def admin(world: World) -> Actor:
    """The city's admin as an actor: a person's ledger writes open preparation items, the system's do not."""
    user = db.session.get(User, world.users["admin@city"])
    assert user is not None
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)


def uncovered_unit(app: Flask, world: World, code: str, **overrides: Any) -> int:
    """An in-scope unit of `code` without an organisation, entered by a person (it opens a preparation item)."""
    with app.app_context():
        ident = units.create(admin(world), new_unit(world.ids[code], employees=80, **overrides)).id
        db.session.remove()
    return ident


def assigned(app: Flask, world: World, code: str, instructor_id: int | None = None, *, liaison: bool = False) -> int:
    """An active assignment of a unit of `code` (to a fresh instructor of `code` unless one is named)."""
    who = instructor_id or new_instructor(app, world, code)
    unit = uncovered_unit(app, world, code)
    with app.app_context():
        row = assignments.assign(system_actor("test"), Assign(instructor_id=who, unit_ids=(unit,), liaison=liaison))
        ident = row[0].id
        db.session.remove()
    return ident


def _as(user_id: int) -> Actor:
    user = db.session.get(User, user_id)
    assert user is not None
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)


def visited(app: Flask, world: World, code: str, instructor_id: int | None = None, *, with_file: bool = False) -> int:
    """A visit logged today by the instructor of a fresh assignment in `code` (a fresh instructor unless one is
    named), through the command; `with_file`: with a short text note attached (工作记录)."""
    who = instructor_id or new_instructor(app, world, code)
    row = assigned(app, world, code, who)
    with app.app_context():
        upload = attachments.Upload("record", "走访记录.txt", io.BytesIO(NOTE)) if with_file else None
        visit = assignments.log_visit(_as(who), row, NewVisit(date(2026, 9, 25), "visit", "走访企业"), upload=upload)
        ident = visit.id
        db.session.remove()
    return ident


def visit_attachment(app: Flask, visit_id: int) -> int:
    """A file attached to the visit by the instructor who logged it, through the engine."""
    with app.app_context():
        visit = assignments.get_visit(system_actor("test"), visit_id)
        row = attachments.add(
            _as(visit.instructor_id),
            assignments.VISIT_SUBJECT,
            visit_id,
            kind="photo",
            filename="走访合影.png",
            stream=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40),
        )
        ident = row.id
        db.session.remove()
    return ident
