"""Final decisions on distinct cases of one approving body, at the same instant (real threads): every one
succeeds at the first attempt. A command locks only the rows it must serialise on; locking the eagerly
joined jurisdiction row too (`with_for_update()` without `of=`) deadlocked against the key-share locks the
audit and action inserts take on that row through their foreign keys — and then the request-level retry
would hide it, so the test counts retries, not only statuses."""

from __future__ import annotations

import logging

import pytest
from flask import Flask

from tests.conftest import Api, World
from tests.flows.helpers import DOC_NO, TASKS, TODAY, get_case, race, route, submitted_branch, task_for

pytestmark = pytest.mark.commits  # real threads, each request on its own connection

DECIDERS = ["approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver4@east_t1"]
CASES = 8


@pytest.mark.parametrize("round_", range(3))
def test_final_decisions_in_one_body_never_deadlock(
    api: Api, app: Flask, colleagues: World, caplog: pytest.LogCaptureFixture, round_: int
) -> None:
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("row locks (FOR UPDATE OF) exist on PostgreSQL; SQLite serialises whole transactions")
    route(api, "east_t1", "any_one")
    cases = [submitted_branch(api)["id"] for _ in range(CASES)]
    calls = [
        (
            DECIDERS[i % len(DECIDERS)],
            f"{TASKS}/{task_for(api, DECIDERS[i % len(DECIDERS)], cid)['id']}/decide",
            {"action": "approve", "approval_doc_no": DOC_NO, "meeting_on": TODAY, "comment": "同意"},
        )
        for i, cid in enumerate(cases)
    ]
    with caplog.at_level(logging.INFO, logger="service.db"):
        results = race(app, colleagues, calls)

    assert [status for status, _ in results] == [200] * CASES, results
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying after")]
    assert retries == [], f"deadlocks or serialization failures were retried: {retries}"
    assert {get_case(api, cid)["state"] for cid in cases} == {"approved"}
