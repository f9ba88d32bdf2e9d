"""Concurrent writers: no lost update, no duplicate, no 500 — on PostgreSQL and on SQLite.

On PostgreSQL the requests really overlap: the losers of a race meet the version check
(`UPDATE … WHERE version = :loaded`, 409) or the unique index (409). On SQLite every transaction begins
with BEGIN IMMEDIATE, so the requests queue up and the later ones see the winner's write (412 / 409).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.auth import system_actor
from service.errors import ApiError
from service.extensions import db
from service.models import AuditEvent, Unit
from service.operations.common import Precondition
from service.operations.reference import units
from tests.support.factories import new_credit_code, new_unit, unit_payload
from tests.support.world import World
from workflows.ledger import UnitChanges

N = 8
UNITS = "/api/v1/units"


def unit_state(app: Flask, unit_id: int) -> tuple[int, int, list[str]]:
    """(employees, version, audit actions) of a unit, read in a fresh session."""
    with app.app_context():
        row = db.session.get(Unit, unit_id)
        assert row is not None
        actions = db.session.execute(
            select(AuditEvent.action)
            .where(AuditEvent.subject_type == "unit", AuditEvent.subject_id == unit_id)
            .order_by(AuditEvent.id)
        ).scalars()
        return row.employees, row.version, list(actions)


def run_together(app: Flask, n: int, request: Callable[[Any, int], Any]) -> list[Any]:
    """Run `request(client, i)` in n threads released at the same instant; return the responses."""
    barrier = threading.Barrier(n, timeout=30)
    results: list[Any] = [None] * n
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        client = app.test_client()
        try:
            barrier.wait()
            results[i] = request(client, i)
        except BaseException as exc:  # surfaced below: a thread's exception must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a request hung"
    assert not errors, errors
    return results


def test_a_lost_update_is_refused_at_the_service_layer(app: Flask, world: World) -> None:
    """Two writers read version 1; the first writes; the second's write, whose precondition is checked on the
    row once locked, must fail, not overwrite."""
    actor = system_actor("test")
    with app.app_context():
        unit_id = units.create(actor, new_unit(world.ids["east_t1"], employees=60)).id
        read = units.get(actor, unit_id).version
        assert read == 1
        db.session.rollback()

    def expects(version: int) -> Precondition:
        def check(row: Any) -> None:
            if row.version != version:
                raise ApiError(412)

        return check

    with app.app_context():
        assert units.update(actor, unit_id, UnitChanges.of({"employees": 70}), expects(read)).version == 2
    with app.app_context(), pytest.raises(ApiError) as refused:
        units.update(actor, unit_id, UnitChanges.of({"employees": 40}), expects(read))
    assert refused.value.status == 412

    employees, version, actions = unit_state(app, unit_id)
    assert (employees, version) == (70, 2)
    assert actions == ["unit.create", "unit.update"]


@pytest.mark.commits  # several threads, each with its own connection
def test_concurrent_patches_with_the_same_if_match_let_exactly_one_win(app: Flask, world: World) -> None:
    token = world.tokens["handler@east_t1"]
    with app.app_context():
        unit_id = units.create(system_actor("test"), new_unit(world.ids["east_t1"], employees=60)).id
    tag = f'"ledger_units-{unit_id}-v1"'

    def patch(client: Any, i: int) -> Any:
        return client.patch(
            f"{UNITS}/{unit_id}",
            json={"employees": 100 + i},
            headers={"Authorization": f"Bearer {token}", "If-Match": tag},
        )

    responses = run_together(app, N, patch)

    statuses = sorted(r.status_code for r in responses)
    assert 500 not in statuses
    assert statuses.count(200) == 1, statuses
    # If-Match is checked on the row once locked: every loser sees the winner's version (412), none
    # slips through to the version column's last-moment 409.
    assert all(s == 412 for s in statuses if s != 200), statuses
    [winner] = [i for i, r in enumerate(responses) if r.status_code == 200]
    assert responses[winner].headers["ETag"] == f'"ledger_units-{unit_id}-v2"'
    assert {r.json["code"] for r in responses if r.status_code == 412} == {"precondition_failed"}

    employees, version, actions = unit_state(app, unit_id)
    assert (employees, version) == (100 + winner, 2)
    assert actions == ["unit.create", "unit.update"]


@pytest.mark.commits  # several threads, each with its own connection
def test_concurrent_creates_with_the_same_credit_code_make_one_unit(app: Flask, world: World) -> None:
    token = world.tokens["portal@east_t1"]
    code = new_credit_code()

    def create(client: Any, i: int) -> Any:
        # Half send the code lower-case: it is normalised before the uniqueness check.
        body = unit_payload(world.ids["east_t1"], credit_code=code.lower() if i % 2 else code, name=f"并发企业{i}")
        return client.post(UNITS, json=body, headers={"Authorization": f"Bearer {token}"})

    responses = run_together(app, N, create)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * (N - 1), statuses
    assert {r.json["code"] for r in responses if r.status_code == 409} == {"duplicate_credit_code"}
    [winner] = [r for r in responses if r.status_code == 201]
    with app.app_context():
        rows = db.session.execute(select(Unit.id, Unit.name).where(Unit.credit_code == code)).all()
        assert [tuple(r) for r in rows] == [(winner.json["id"], winner.json["name"])]
        creates = db.session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "unit.create")
        ).scalar_one()
        assert creates == 1


@pytest.mark.commits  # several threads, each with its own connection
def test_concurrent_patches_to_different_units_all_succeed(app: Flask, world: World) -> None:
    """The version check is per row: writers of different units do not refuse each other."""
    token = world.tokens["handler@east_t1"]
    with app.app_context():
        ids = [units.create(system_actor("test"), new_unit(world.ids["east_t1"])).id for _ in range(N)]

    def patch(client: Any, i: int) -> Any:
        return client.patch(
            f"{UNITS}/{ids[i]}",
            json={"employees": 200 + i},
            headers={"Authorization": f"Bearer {token}", "If-Match": f'"ledger_units-{ids[i]}-v1"'},
        )

    responses = run_together(app, N, patch)

    assert [r.status_code for r in responses] == [200] * N
    for i, unit_id in enumerate(ids):
        assert unit_state(app, unit_id)[:2] == (200 + i, 2)
