"""The one scoped look-up (service/operations/common.get_scoped) and the thin `get`s built on it: a row outside
the actor's scope (its jurisdiction column, a task's scope_id, a ticket's two sides, a portal's own cases) is
refused exactly as a missing one (404, same code and message), and a look-up for a command locks the row alone,
FOR NO KEY UPDATE OF its table, with the session's copy refreshed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import Select
from sqlalchemy.dialects import postgresql

from service.auth import Actor, actor_for_token
from service.errors import NotFound
from service.extensions import db
from service.models import EstablishmentCase, Unit
from service.operations.common import get_scoped
from service.operations.engines.approvals import reads
from service.operations.flows.establishment import cases
from service.operations.flows.supervision import tickets
from service.operations.reference import units
from tests.support.establishment import make_unit, new_case, submitted_branch, task_for
from tests.support.supervision import draft
from tests.support.world import Api

MISSING = 10**9


def actor(api: Api, who: str) -> Actor:
    found = actor_for_token(api.world.tokens[who], None)
    assert found is not None
    return found


def refused(load: Callable[[], Any]) -> tuple[int, str, str]:
    with pytest.raises(NotFound) as caught:
        load()
    return caught.value.status, caught.value.code, caught.value.message


def test_out_of_scope_is_refused_as_missing(api: Api, app: Flask) -> None:
    unit = make_unit(api, "east_t1")
    with app.app_context():
        east, west = actor(api, "admin@east"), actor(api, "admin@west_t1")
        assert get_scoped(Unit, unit["id"], east).id == unit["id"]
        assert units.get(east, unit["id"]).id == unit["id"]
        missing = refused(lambda: get_scoped(Unit, MISSING, east))
        assert missing == (404, "not_found", "资源不存在")
        assert refused(lambda: get_scoped(Unit, unit["id"], west)) == missing
        assert refused(lambda: get_scoped(Unit, unit["id"], west, for_update=True)) == missing
        db.session.remove()


def test_each_kind_of_scope_refuses_as_missing(api: Api, app: Flask) -> None:
    case = submitted_branch(api)
    other_portal_case = new_case(api, [make_unit(api, "east_t1", as_="portal@east")["id"]], "branch")
    task = task_for(api, "approver@east_t1", case["id"])
    ticket = draft(api, "east_t1")
    with app.app_context():
        missing = refused(lambda: cases.get(actor(api, "admin@city"), MISSING))
        # A task's scope is its scope_id (the subject's body).
        assert reads.get_task(actor(api, "approver@east_t1"), task["id"]).id == task["id"]
        assert refused(lambda: reads.get_task(actor(api, "approver@west_t1"), task["id"])) == missing
        assert refused(lambda: reads.get_task(actor(api, "approver@east_t1"), MISSING)) == missing
        # A case: the actor's subtree, and a portal sees only the cases it filed.
        assert cases.get(actor(api, "approver@east_t1"), case["id"], for_update=True).id == case["id"]
        assert refused(lambda: cases.get(actor(api, "approver@west_t1"), case["id"])) == missing
        assert refused(lambda: cases.get(actor(api, "portal@east_t1"), other_portal_case["id"])) == missing
        # A draft ticket is the issuing side's alone; the handling body meets a 404 until it is issued.
        assert tickets.get(actor(api, "supervisor@east"), ticket["id"]).id == ticket["id"]
        assert refused(lambda: tickets.get(actor(api, "handler@east_t1"), ticket["id"], for_update=True)) == missing
        assert refused(lambda: tickets.get(actor(api, "supervisor@west_t1"), ticket["id"])) == missing
        db.session.remove()


def test_a_lookup_for_a_command_locks_the_row_alone(api: Api, app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """The statement as PostgreSQL gets it: FOR NO KEY UPDATE OF the row's table only (never the eagerly joined
    jurisdiction), populate_existing; without for_update no lock."""
    case = submitted_branch(api)
    with app.app_context():
        who = actor(api, "approver@east_t1")
        seen: list[Select[Any]] = []
        execute = db.session.execute

        def spy(stmt: Any, *args: Any, **kw: Any) -> Any:
            seen.append(stmt)
            return execute(stmt, *args, **kw)

        monkeypatch.setattr(db.session, "execute", spy)
        cases.get(who, case["id"], for_update=True)
        cases.get(who, case["id"])
        monkeypatch.undo()
        locked, plain = (str(s.compile(dialect=postgresql.dialect())) for s in seen)
        assert locked.endswith(f"FOR NO KEY UPDATE OF {EstablishmentCase.__tablename__}"), locked
        assert seen[0].get_execution_options().get("populate_existing") is True
        assert "FOR " not in plain and not seen[1].get_execution_options().get("populate_existing")
        db.session.remove()
