"""Final decisions on distinct cases of one approving body, at the same instant (real threads): every one
succeeds at the first attempt. A command locks only the rows it must serialise on; locking the eagerly
joined jurisdiction row too (`with_for_update()` without `of=`) deadlocked against the key-share locks the
audit and action inserts take on that row through their foreign keys — and then the request-level retry
would hide it, so the test counts retries, not only statuses."""

from __future__ import annotations

import logging

import pytest
from flask import Flask

from tests.support.establishment import DOC_NO, TASKS, TODAY, get_case, race, route, submitted_branch, task_for
from tests.support.world import Api, World

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


def _audit_count(api: Api, case_id: int, action: str) -> int:
    r = api.get(f"/api/v1/audit?subject_type=establishment&subject_id={case_id}&page_size=200", as_="supervisor@city")
    assert r.status_code == 200, r.json
    return sum(1 for e in r.json if e["action"] == action)


@pytest.mark.parametrize("round_", range(2))
def test_votes_claims_countersigns_and_a_withdrawal_at_once(
    api: Api, app: Flask, colleagues: World, caplog: pytest.LogCaptureFixture, round_: int
) -> None:
    """One township's approvers all at once: committee votes and claims on distinct tasks, three countersigners
    on one case, and an applicant withdrawing a case while its approver decides it. Every request answers at
    the first attempt (no deadlock, no retry, no 5xx), and each case ends in one consistent state."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("row locks (FOR UPDATE OF) exist on PostgreSQL; SQLite serialises whole transactions")
    final = {"approval_doc_no": DOC_NO, "meeting_on": TODAY}
    route(api, "east_t1", "committee_vote")
    voted = [submitted_branch(api)["id"] for _ in range(3)]
    route(api, "east_t1", "any_one")
    claimed = [submitted_branch(api)["id"] for _ in range(3)]
    contested = submitted_branch(api)["id"]
    route(api, "east_t1", "countersign", DECIDERS[:3])
    signed = submitted_branch(api)["id"]

    tally = {"members": 9, "present": 7, "votes_for": 6, "votes_against": 1}
    calls = [
        (DECIDERS[i], f"{TASKS}/{task_for(api, DECIDERS[i], cid)['id']}/vote", {**tally, **final})
        for i, cid in enumerate(voted)
    ]
    calls += [
        (DECIDERS[i], f"{TASKS}/{task_for(api, DECIDERS[i], cid)['id']}/claim", None) for i, cid in enumerate(claimed)
    ]
    calls += [
        (user, f"{TASKS}/{task_for(api, user, signed)['id']}/decide", {"action": "approve", **final})
        for user in DECIDERS[:3]
    ]
    calls += [
        (DECIDERS[3], f"{TASKS}/{task_for(api, DECIDERS[3], contested)['id']}/decide", {"action": "approve", **final}),
        ("portal@east", f"/api/v1/establishment-cases/{contested}/withdraw", {"reason": "单位撤回"}),
    ]
    with caplog.at_level(logging.INFO, logger="service.db"):
        results = race(app, colleagues, calls)

    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying after")]
    assert retries == [], f"deadlocks or serialization failures were retried: {retries}"
    assert [status for status, _ in results[:9]] == [200] * 9, results
    assert {get_case(api, cid)["state"] for cid in voted} == {"approved"}
    assert {get_case(api, cid)["state"] for cid in claimed} == {"submitted"}
    signed_case = get_case(api, signed)
    assert signed_case["state"] == "approved" and _audit_count(api, signed, "establishment.approve") == 1
    # The withdrawal and the decision on one case: whichever locked the case first wins, the other is a 409.
    decided, withdrawn = results[9], results[10]
    state = get_case(api, contested)["state"]
    assert sorted([decided[0], withdrawn[0]]) == [200, 409], results[9:]
    assert state == ("approved" if decided[0] == 200 else "withdrawn"), (state, results[9:])


def test_a_decision_locks_the_subject_step_and_tasks_and_nothing_else(api: Api, app: Flask, colleagues: World) -> None:
    """While a decision holds its locks, another transaction may still lock the body's jurisdiction row and
    take key-share locks on the case (inserts referencing it), but may not lock the case for update: the
    lock is FOR NO KEY UPDATE OF the subject, the step and its tasks only. Widening it (a bare FOR UPDATE
    over the eagerly joined jurisdictions, or FOR UPDATE instead of NO KEY UPDATE) fails here."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("row locks exist on PostgreSQL; SQLite serialises whole transactions")
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from service.auth import actor_for_token
    from service.extensions import db
    from service.operations.engines import approvals

    route(api, "east_t1", "any_one")
    case_id = submitted_branch(api)["id"]
    task_id = task_for(api, DECIDERS[0], case_id)["id"]
    with app.app_context():
        actor = actor_for_token(colleagues.tokens[DECIDERS[0]], None)
        assert actor is not None
        subject, step, tasks, _candidate, _offered = approvals.acting.lock_for_decision(actor, task_id)
        assert subject.id == case_id and [t.id for t in tasks] == [task_id]
        other = db.engine.connect()
        try:
            nowait = "SET LOCAL lock_timeout = '50ms'"
            with other.begin():
                other.execute(text(nowait))
                other.execute(
                    text("SELECT id FROM jurisdictions WHERE id IN (:body, :scope) FOR UPDATE"),
                    {"body": step.body_id, "scope": subject.jurisdiction_id},
                )
                other.execute(text("SELECT id FROM establishment_cases WHERE id = :c FOR KEY SHARE"), {"c": case_id})
            for table, ident in (("establishment_cases", case_id), ("approval_steps", step.id)):
                with pytest.raises(OperationalError), other.begin():
                    other.execute(text(nowait))
                    other.execute(text(f"SELECT id FROM {table} WHERE id = :i FOR NO KEY UPDATE"), {"i": ident})
        finally:
            other.close()
            db.session.rollback()
