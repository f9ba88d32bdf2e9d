"""The demo city's terms (换届) on an ordinary Monday: terms due soon and overdue on the due list, the overdue ones
escalated, nothing left due for the scheduler's first sweep, and a re-election of 石桥乡 waiting for its vote."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import select

from service import demo
from service.clock import FixedClock
from service.extensions import db
from service.models.re_election import ReElection
from service.operations.engines import escalation
from service.operations.flows.re_election import terms
from service.operations.worklists import inbox
from tests.support.escalation import events

MONDAY = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY)


def test_the_demo_city_has_terms_due_overdue_escalated_and_a_re_election_in_approval(app: Flask) -> None:
    with app.app_context():
        demo.load()
        city = demo._actor(db.session.execute(select(demo.User).where(demo.User.username == "admin")).scalar_one())
        counts = terms.due_counts(city)
        assert counts["due"] >= 1 and counts["overdue"] >= 1, counts
        rows = terms.due_rows(list(db.session.execute(terms.due_query(city, {})).scalars()))
        overdue = [r for r in rows if r["status"] == "overdue"]
        assert all(r["escalation_level"] in ("reminder", "warning") for r in overdue)
        assert any(r["open_request"] for r in overdue)  # 石桥乡's request, in approval
        assert escalation.due("term_overdue", MONDAY.date()) == []  # the first sweep finds nothing due
        (request,) = db.session.execute(select(ReElection)).scalars()
        assert (request.state, request.jurisdiction.name) == ("submitted", "石桥乡")
        approver = demo._actor(
            db.session.execute(select(demo.User).where(demo.User.username == "shiqiao_committee")).scalar_one()
        )
        (task,) = db.session.execute(inbox.task_query(approver)).scalars()
        assert (task.workflow, task.subject_id) == ("re_election", request.id)
        assert terms.remind() == 0  # reminded once already
        db.session.rollback()
    assert {e[2] for e in events(app, "term_overdue")} <= {"reminder", "warning"}
