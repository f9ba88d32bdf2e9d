"""The escalation ladder run in-process with an injected clock: what falls due when, what each step does,
and that each step happens once."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from service.clock import FixedClock
from service.db import transaction
from service.extensions import db
from service.models import ApprovalStep, EstablishmentCase, Interview, SupervisionTicket
from service.operations.engines import escalation
from tests.support.escalation import at, events, notification_count, overdue_ticket, submitted_case
from tests.support.world import Api, World

# The units these tests enter by hand open 组建准备 items; their own ladder is tested in tests/instructors.
NOT_HERE = {"preparation_item"}


def _run_due(app: Flask, on: date) -> list[str]:
    with app.app_context():
        types = [t for t in escalation.ITEM_TYPES if t not in NOT_HERE]
        return [escalation.escalate(t, i, on) for t in types for i in escalation.due(t, on)]


def test_ticket_ladder_reminder_warning_interview_then_accountability(
    app: Flask, world: World, clock: FixedClock
) -> None:
    # Deadline Wednesday 2026-09-30; National Day holiday 10-01..10-07, Saturday 10-10 a make-up working day.
    tid = overdue_ticket(app, world, date(2026, 9, 30))
    with app.app_context():
        t = db.session.get(SupervisionTicket, tid)
        assert (t.next_escalation_level, t.next_escalation_at) == ("reminder", date(2026, 10, 8))
    assert _run_due(app, date(2026, 10, 7)) == []  # still inside the holiday
    assert _run_due(app, date(2026, 10, 8)) == ["reminder"]
    assert _run_due(app, date(2026, 10, 8)) == []  # once only
    with app.app_context():
        t = db.session.get(SupervisionTicket, tid)
        # warning 3 working days after the reminder: 10-09 (Fri), 10-10 (make-up Sat), 10-12 (Mon)
        assert (t.next_escalation_level, t.next_escalation_at) == ("warning", date(2026, 10, 12))
    assert _run_due(app, date(2026, 10, 11)) == []
    assert _run_due(app, date(2026, 10, 12)) == ["warning"]
    assert _run_due(app, date(2026, 10, 15)) == ["interview"]
    assert [e[2] for e in events(app, "supervision_ticket")] == ["reminder", "warning", "interview"]
    assert notification_count(app, "escalation.reminder") == 1  # the one handler of east_t1
    assert notification_count(app, "escalation.warning") == 2  # the handler and the east supervisor (issuer)
    with app.app_context():
        interview = db.session.execute(select(Interview).where(Interview.ticket_id == tid)).scalar_one()
        assert interview.by_escalation and interview.state == "scheduled"
        assert interview.responsible_person == "刘镇长"
        t = db.session.get(SupervisionTicket, tid)
        assert t.next_escalation_at is None  # the ladder is exhausted until the interview sets a new deadline
        # The interview sets a new deadline; missing it calls for accountability.
        with transaction():
            t.rectify_by = t.post_interview_deadline = date(2026, 10, 23)
            escalation.replan("supervision_ticket", t)
        assert (t.next_escalation_level, t.next_escalation_at) == ("accountability", date(2026, 10, 26))
    assert _run_due(app, date(2026, 10, 23)) == []
    assert _run_due(app, date(2026, 10, 26)) == ["accountability"]
    with app.app_context():
        t = db.session.get(SupervisionTicket, tid)
        assert t.accountability_at is not None and t.next_escalation_at is None
    assert notification_count(app, "escalation.accountability") == 1  # the supervisor only
    assert _run_due(app, date(2026, 12, 31)) == []


def test_urgent_ticket_starts_at_warning_and_critical_at_interview(app: Flask, world: World) -> None:
    urgent = overdue_ticket(app, world, date(2026, 9, 30), priority="urgent")
    critical = overdue_ticket(app, world, date(2026, 9, 30), priority="critical")
    assert sorted(_run_due(app, date(2026, 10, 8))) == ["interview", "warning"]
    assert {(e[1], e[2]) for e in events(app)} == {(urgent, "warning"), (critical, "interview")}


def test_after_downtime_only_the_next_level_is_due(app: Flask, world: World) -> None:
    """Days of outage later, a ticket gets its reminder, not three levels at once."""
    overdue_ticket(app, world, date(2026, 9, 30))
    assert _run_due(app, date(2026, 11, 20)) == ["reminder"]
    assert _run_due(app, date(2026, 11, 20)) == []
    assert _run_due(app, date(2026, 11, 25)) == ["warning"]  # three working days after the late reminder


def test_closed_or_extended_tickets_stop_or_restart_the_ladder(app: Flask, world: World) -> None:
    done = overdue_ticket(app, world, date(2026, 9, 30))
    extended = overdue_ticket(app, world, date(2026, 9, 30))
    with app.app_context(), transaction():
        t = db.session.get(SupervisionTicket, done)
        t.state = "closed"
        escalation.replan("supervision_ticket", t)
        e = db.session.get(SupervisionTicket, extended)
        e.rectify_by = date(2026, 10, 20)
        escalation.replan("supervision_ticket", e)
    assert _run_due(app, date(2026, 10, 8)) == []
    assert _run_due(app, date(2026, 10, 21)) == ["reminder"]
    assert [e[1] for e in events(app)] == [extended]


def test_stale_plan_is_repaired_not_acted_on(app: Flask, world: World) -> None:
    tid = overdue_ticket(app, world, date(2026, 9, 30))
    with app.app_context(), transaction():
        # Someone closed the ticket without replanning (a bug elsewhere must not escalate a closed item).
        db.session.get(SupervisionTicket, tid).state = "closed"
    with app.app_context():
        assert escalation.escalate("supervision_ticket", tid, date(2026, 10, 8)) == "replanned"
        assert db.session.get(SupervisionTicket, tid).next_escalation_at is None
    assert events(app) == []


def test_stalled_approval_step_reminds_approvers_then_the_body_above(api: Api, app: Flask, world: World) -> None:
    case_id = submitted_case(api)
    with app.app_context():
        step = db.session.execute(select(ApprovalStep).where(ApprovalStep.subject_id == case_id)).scalar_one()
        due_on = step.due_on
        assert step.due_basis == "official"
        # 22 working days from Friday 2026-09-25 across the National Day week (and the 10-10 make-up day).
        assert due_on == date(2026, 11, 2)
        assert step.next_escalation_level == "reminder" and step.next_escalation_at == date(2026, 11, 3)
    assert _run_due(app, date(2026, 11, 2)) == []
    assert _run_due(app, date(2026, 11, 3)) == ["reminder"]
    assert _run_due(app, date(2026, 11, 6)) == ["escalate_to_superior"]
    assert _run_due(app, date(2026, 12, 31)) == []
    assert notification_count(app, "escalation.reminder") == 1  # approver@east_t1 (the task's group)
    assert notification_count(app, "escalation.escalate_to_superior") == 2  # supervisor and approver of east
    # Deciding the task ends its ladder.
    task = api.get("/api/v1/tasks/inbox", as_="approver@east_t1").json[0]
    api.post(
        f"/api/v1/tasks/{task['id']}/vote",
        as_="approver@east_t1",
        json={"members": 5, "present": 5, "votes_for": 5, "votes_against": 0, "approval_doc_no": "东一复1号"},
    )
    with app.app_context():
        step = db.session.execute(select(ApprovalStep).where(ApprovalStep.subject_id == case_id)).scalar_one()
        assert step.status == "approved" and step.next_escalation_at is None


def test_case_stuck_in_preparation_is_escalated(api: Api, app: Flask, world: World, clock: FixedClock) -> None:
    from tests.support.factories import unit_payload

    unit = api.post(
        "/api/v1/units", json=unit_payload(world.ids["east_t1"], formal_members=4), as_="handler@east_t1"
    ).json
    case = api.post(
        "/api/v1/establishment-cases",
        as_="handler@east_t1",
        json={"unit_ids": [unit["id"]], "form": "branch", "proposed_name": "筹备中的党支部"},
    ).json
    with app.app_context():
        c = db.session.get(EstablishmentCase, case["id"])
        limit_day = c.escalation_deadline
        assert c.next_escalation_level == "reminder" and c.next_escalation_at > limit_day
    assert _run_due(app, limit_day) == []
    assert _run_due(app, c.next_escalation_at) == ["reminder"]
    # Submitting ends the preparation ladder.
    clock.set(at(c.next_escalation_at))
    assert api.post(f"/api/v1/establishment-cases/{case['id']}/submit", as_="handler@east_t1").status_code == 200
    with app.app_context():
        assert db.session.get(EstablishmentCase, case["id"]).next_escalation_at is None
