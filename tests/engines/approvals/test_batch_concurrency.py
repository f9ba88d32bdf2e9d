"""A batch racing a single decision on one of its tasks (real threads, real commits; on PostgreSQL the row
locks, on SQLite BEGIN IMMEDIATE): exactly one of them decides the task, the other is told so — the batch
reports `conflict` naming who acted, or the single decision answers 409 — and the rest of the batch is done."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import create_engine, event, text

from service.extensions import db
from tests.support.establishment import TASKS, audit_actions, get_case, make_unit, new_case, race, submit, task_for
from tests.support.world import Api, World

A, B = "approver@east_t1", "approver2@east_t1"

pytestmark = pytest.mark.commits


def committee_request(api: Api) -> int:
    unit = make_unit(api, formal_members=100, employees=400)
    case_id = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, case_id)
    return case_id


@pytest.mark.parametrize("round_", range(3))
def test_exactly_one_decides_the_raced_task(api: Api, app: Flask, colleagues: World, round_: int) -> None:
    cases = [committee_request(api) for _ in range(3)]
    tasks = [task_for(api, A, c)["id"] for c in cases]
    raced, raced_case = tasks[1], cases[1]
    results = race(
        app,
        colleagues,
        [
            (A, f"{TASKS}/batch", {"action": "approve", "task_ids": tasks, "comment": "同意"}),
            (B, f"{TASKS}/{raced}/decide", {"action": "return", "comment": "请补充材料"}),
        ],
    )

    (batch_status, batch), (single_status, single) = results
    assert batch_status == 200, batch
    got = {r["task_id"]: r for r in batch["results"]}
    assert got[tasks[0]]["result"] == got[tasks[2]]["result"] == "done"
    if single_status == 200:  # the colleague won: the batch says so, by name
        assert got[raced]["result"] == "conflict", got[raced]
        assert got[raced]["acted_by"] == "approver2@east_t1"
        assert got[raced]["code"] in ("step_already_decided", "task_claimed", "task_closed")
        assert get_case(api, raced_case)["state"] == "returned"
        trail = audit_actions(api, raced_case)
        assert (trail.count("task.return"), trail.count("task.approve")) == (1, 0)
    else:  # the batch won: the colleague got 409
        assert single_status == 409, single
        assert got[raced]["result"] == "done"
        assert get_case(api, raced_case)["state"] == "submitted"
        trail = audit_actions(api, raced_case)
        assert (trail.count("task.return"), trail.count("task.approve")) == (0, 1)
    for c in (cases[0], cases[2]):
        assert audit_actions(api, c).count("task.approve") == 1


def test_a_task_the_database_cannot_lock_reports_error_and_the_others_go_on(api: Api, app: Flask) -> None:
    """PostgreSQL: another connection holds one case's row lock past the batch's lock_timeout — that task is
    `error` with database_busy (503-class), its case untouched; the tasks before and after it are done."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("row locks and lock_timeout exist on PostgreSQL; SQLite serialises whole transactions")
    cases = [committee_request(api) for _ in range(3)]
    tasks = [task_for(api, A, c)["id"] for c in cases]

    def short_lock_wait(conn: Any) -> None:
        conn.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")

    holder = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with app.app_context():
        engine = db.engine
    event.listen(engine, "begin", short_lock_wait)
    try:
        with holder.connect() as conn:
            conn.execute(text("SELECT id FROM establishment_cases WHERE id = :id FOR UPDATE"), {"id": cases[1]})
            res = api.post(f"{TASKS}/batch", as_=A, json={"action": "approve", "task_ids": tasks, "comment": "同意"})
            conn.rollback()
    finally:
        event.remove(engine, "begin", short_lock_wait)
        holder.dispose()

    assert res.status_code == 200, res.json
    got = {r["task_id"]: r for r in res.json["results"]}
    assert [got[t]["result"] for t in tasks] == ["done", "error", "done"]
    assert got[tasks[1]]["code"] == "database_busy" and got[tasks[1]]["message"]
    assert get_case(api, cases[1])["state"] == "submitted"
    assert "task.approve" not in audit_actions(api, cases[1])
    assert task_for(api, A, cases[1])["status"] == "open"  # still waiting in the inbox
