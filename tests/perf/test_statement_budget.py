"""Statement budgets per operation (issue 9), counted so they cannot creep back.

Counted: every statement the database receives during the operation, except transaction control
(BEGIN/SAVEPOINT/RELEASE/COMMIT/ROLLBACK) and, for the reads over HTTP, authentication (the token
lookup). The configuration caches (service/config_cache.py) are warm, as in a running process, and not due
for their time-based version check (one SELECT per process every CONFIG_CHECK_SECONDS, shared by all its
requests; a command reads the version on its locking statement instead, decision 0047);
a webhook subscribed to an event the operation publishes adds one INSERT of its deliveries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event

from service.auth import Actor, actor_for_token
from service.extensions import db
from tests.support.establishment import DOC_NO, TODAY, make_unit, meeting, new_case, route, submit, task_for
from tests.support.supervision import issued
from tests.support.world import Api
from workflows.approval import Reply, VoteTally
from workflows.establishment import FoundingMeeting

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT")
COMMAND_BUDGET = 8
READ_BUDGET = 4


@contextmanager
def counting(skip: str | None = None) -> Iterator[list[str]]:
    statements: list[str] = []

    def before(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if sql.lstrip().upper().startswith(TRANSACTION_CONTROL) or (skip and skip in sql):
            return
        statements.append(sql)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def actor(api: Api, user: str) -> Actor:
    found = actor_for_token(api.world.tokens[user], None)
    assert found is not None
    return found


def submitted(api: Api, formal: int = 3) -> int:
    unit = make_unit(api, "east_t1", formal_members=formal)
    case = new_case(api, [unit["id"]], "branch")
    return int(submit(api, case["id"])["id"])


@pytest.fixture(autouse=True)
def _no_version_check_during_the_count(app: Flask) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], config_check_seconds=3600)


def warm(app: Flask, api: Api) -> None:
    """A first submission loads the configuration caches, as a running process has them."""
    submitted(api)


def test_submission(app: Flask, api: Api) -> None:
    from service.operations.flows.establishment import cases

    warm(app, api)
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    with app.app_context():
        portal = actor(api, "portal@east")
        with counting() as statements:
            cases.submit(portal, case["id"])
    assert len(statements) <= COMMAND_BUDGET, statements


@pytest.mark.parametrize("mode", ["committee_vote", "any_one"])
def test_decision_that_closes_the_step_and_approves_the_case(app: Flask, api: Api, mode: str) -> None:
    from service.operations.engines import approvals
    from service.operations.flows.establishment import cases

    route(api, "east_t1", mode)
    warm(app, api)
    case_id = submitted(api)
    task = task_for(api, "approver@east_t1", case_id)
    reply = Reply(approval_doc_no=DOC_NO)
    with app.app_context():
        approver = actor(api, "approver@east_t1")
    with app.app_context(), counting() as statements:
        if mode == "committee_vote":
            tally = VoteTally(members=9, present=7, votes_for=6, votes_against=1)
            approvals.acting.act(approver, task["id"], "vote", tally=tally, reply=reply)
        else:
            approvals.acting.act(approver, task["id"], "approve", reply=reply)
    assert len(statements) <= COMMAND_BUDGET, statements
    with app.app_context():
        assert cases.get(actor(api, "admin@city"), case_id).state == "approved"


def test_decision_that_returns_the_case(app: Flask, api: Api) -> None:
    from service.operations.engines import approvals

    route(api, "east_t1", "any_one")
    warm(app, api)
    task = task_for(api, "approver@east_t1", submitted(api))
    with app.app_context():
        approver = actor(api, "approver@east_t1")
        with counting() as statements:
            approvals.acting.act(approver, task["id"], "return", comment="请补充花名册")
    assert len(statements) <= COMMAND_BUDGET, statements


@pytest.mark.parametrize("operation", ["consult", "add_approvers", "remove_approvers", "take_back"])
def test_the_other_task_actions(app: Flask, api: Api, colleagues: Any, operation: str) -> None:
    """委派, 加签, 减签 and 拿回 (within an open countersign) stay within the command budget too."""
    from service.operations.engines import approvals

    a, b, c = "approver@east_t1", "approver2@east_t1", "approver3@east_t1"
    route(api, "east_t1", "countersign", [a, b])
    warm(app, api)
    task = task_for(api, a, submitted(api))["id"]
    if operation == "take_back":
        api.post(f"/api/v1/tasks/{task}/decide", as_=a, json={"action": "approve"})
    with app.app_context():
        approver = actor(api, a)
    with app.app_context(), counting() as statements:
        if operation == "consult":
            approvals.acting.act(approver, task, "consult", delegate_to=colleagues.users[c])
        elif operation == "take_back":
            approvals.acting.take_back(approver, task)
        else:
            who = colleagues.users[c] if operation == "add_approvers" else colleagues.users[b]
            approvals.acting.change_approvers(approver, task, operation, [who], "理由")
    assert len(statements) <= COMMAND_BUDGET, "\n".join(statements)


def test_take_back_in_a_sequence(app: Flask, api: Api, colleagues: Any) -> None:
    """拿回 within an open sequence stays within the command budget: the locks, the decision, the two tasks (the
    taker's reopened, the next one's withdrawn), the waiting task in its place, the audit record — eight."""
    from service.operations.engines import approvals

    a, b = "approver@east_t1", "approver2@east_t1"
    route(api, "east_t1", "sequential", [a, b])
    warm(app, api)
    task = task_for(api, a, submitted(api))["id"]
    api.post(f"/api/v1/tasks/{task}/decide", as_=a, json={"action": "approve"})
    with app.app_context():
        approver = actor(api, a)
    with app.app_context(), counting() as statements:
        approvals.acting.take_back(approver, task)
    assert len(statements) <= COMMAND_BUDGET, "\n".join(statements)


def test_founding(app: Flask, api: Api) -> None:
    from service.operations.engines import approvals
    from service.operations.flows.establishment import cases

    route(api, "east_t1", "any_one")
    warm(app, api)
    case_id = submitted(api)
    task = task_for(api, "approver@east_t1", case_id)
    with app.app_context():
        approvals.acting.act(actor(api, "approver@east_t1"), task["id"], "approve", reply=Reply(approval_doc_no=DOC_NO))
    data = FoundingMeeting.of({**meeting(3), "held_on": date.fromisoformat(TODAY)})
    with app.app_context():
        portal = actor(api, "portal@east")
        with counting() as statements:
            cases.found(portal, case_id, data)
    assert len(statements) <= COMMAND_BUDGET, statements


@pytest.mark.parametrize(
    ("path", "user"),
    [
        ("/api/v1/tasks/inbox?page_size=50", "approver@east_t1"),
        ("/api/v1/supervision-tickets/board", "supervisor@east"),
        ("/api/v1/supervision-tickets/inbox?page_size=50", "handler@east_t1"),
    ],
)
def test_reads(app: Flask, api: Api, path: str, user: str) -> None:
    """The inbox and the board, whatever the number of rows: a few statements, none per row."""
    for _ in range(3):
        submitted(api)
        issued(api)
    api.get(path, as_=user)  # warm
    with app.app_context(), counting(skip="api_tokens") as statements:
        r = api.get(path, as_=user)
    assert r.status_code == 200, r.json
    assert len(statements) <= READ_BUDGET, "\n".join(statements)


def test_a_read_pays_no_statement_for_the_configuration_version(app: Flask, api: Api) -> None:
    """Only a command's locking statement reads the configuration counter (decision 0047); a page does not."""
    warm(app, api)
    path = f"/api/v1/establishment-cases/{submitted(api)}"
    api.get(path, as_="portal@east")  # warm
    with app.app_context(), counting(skip="api_tokens") as statements:
        r = api.get(path, as_="portal@east")
    assert r.status_code == 200, r.json
    assert not [s for s in statements if "config_version" in s], "\n".join(statements)


def test_a_command_reads_the_configuration_version_on_its_lock(app: Flask, api: Api) -> None:
    """The counter rides on the statement that locks the subject: no statement of its own."""
    from service.operations.flows.establishment import cases

    warm(app, api)
    case = new_case(api, [make_unit(api, "east_t1", formal_members=3)["id"]], "branch")
    with app.app_context():
        portal = actor(api, "portal@east")
        with counting() as statements:
            cases.submit(portal, case["id"])
    reading = [s for s in statements if "config_version" in s]
    assert len(reading) == 1 and "establishment_cases" in reading[0], reading
