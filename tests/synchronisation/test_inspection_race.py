"""Two bodies record the same unit's inspection for the same year at once: exactly one is recorded, the others
are 409 (`inspection_exists`) — on PostgreSQL the losers meet the unique constraint, on SQLite they queue behind
BEGIN IMMEDIATE and meet the check. Never a 500, never two rows."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.auth import system_actor
from service.extensions import db
from service.models.synchronisation import AnnualInspection
from service.operations.reference import units
from tests.support.factories import new_unit
from tests.support.synchronisation import INSPECTIONS, inspection
from tests.support.world import World

N = 6


@pytest.mark.commits  # several threads, each with its own connection
def test_racing_records_make_one_inspection(app: Flask, world: World) -> None:
    with app.app_context():
        unit_id = units.create(system_actor("test"), new_unit(world.ids["east_t1"])).id
        db.session.remove()
    tokens = [world.tokens["supervisor@east"], world.tokens["handler@east_t1"]]
    barrier = threading.Barrier(N, timeout=30)
    results: list[Any] = [None] * N
    errors: list[BaseException] = []

    def record(i: int) -> None:
        client = app.test_client()
        try:
            barrier.wait()
            results[i] = client.post(
                INSPECTIONS,
                json=inspection(unit_id, inspected_on=f"2026-06-{10 + i}"),
                headers={"Authorization": f"Bearer {tokens[i % 2]}"},
            )
        except BaseException as exc:  # a thread's exception must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=record, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors and not any(t.is_alive() for t in threads)
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201] + [409] * (N - 1), statuses
    assert {r.json["code"] for r in results if r.status_code == 409} == {"inspection_exists"}
    with app.app_context():
        count = db.session.execute(
            select(func.count()).select_from(AnnualInspection).where(AnnualInspection.unit_id == unit_id)
        ).scalar_one()
    assert count == 1
