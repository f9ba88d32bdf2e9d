"""The demo city's instructors (service/demo_instructors.py): profiles, the ledger's instructor recorded as
assignments from the city's set-up, two units visited today and one escalated (催办, the 预警 still ahead), a
county instructor serving two units, a 组建准备 item open for a unit the handler entered; nothing of theirs due on
the day it is loaded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import select

from service import demo
from service.auth import Actor
from service.clock import FixedClock, today
from service.extensions import db
from service.models import Attachment, EscalationEvent, Notification, Unit, User
from service.models.instructor import InstructorAssignment, InstructorProfile, PreparationItem, VisitLog
from service.operations.engines import escalation


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 7, 1, 30, tzinfo=UTC))  # an ordinary Monday


def _user(username: str) -> User:
    return db.session.execute(select(User).where(User.username == username)).scalar_one()


def test_the_demo_city_has_instructors_at_work(app: Flask) -> None:
    with app.app_context():
        demo.load()
        me = _user("instructor")
        profile = db.session.get(InstructorProfile, me.id)
        assert profile is not None and (profile.employment, profile.home_unit) == ("part_time", "青山镇党委")
        rows = list(
            db.session.execute(
                select(InstructorAssignment)
                .where(InstructorAssignment.instructor_id == me.id)
                .order_by(InstructorAssignment.id)
            ).scalars()
        )
        assert [r.state for r in rows] == ["active"] * 3
        assert [r.last_visit_on is not None for r in rows] == [True, True, False]
        stalled = rows[2]
        assert stalled.escalation_level == "reminder" and stalled.next_escalation_level == "warning"
        assert stalled.next_escalation_at is not None and stalled.next_escalation_at > today()
        (event,) = db.session.execute(
            select(EscalationEvent).where(EscalationEvent.item_type == "instructor_assignment")
        ).scalars()
        assert (event.item_id, event.level) == (stalled.id, "reminder")
        reminded = db.session.execute(
            select(Notification.title).where(Notification.user_id == me.id, Notification.kind == "escalation.reminder")
        ).scalars()
        assert any("未记录走访" in t for t in reminded)
        # The guidance visit carries its 工作记录, added by the instructor from the visit form.
        (note,) = db.session.execute(select(Attachment).where(Attachment.subject_type == "instructor_visit")).scalars()
        visit = db.session.get(VisitLog, note.subject_id)
        assert visit is not None and visit.kind == "guidance" and visit.assignment_id == rows[1].id
        assert (note.kind, note.content_type, note.uploaded_by) == ("record", "text/plain", me.id)
        assert note.filename == "组建党支部指导要点.txt" and note.size > 0
        # Each unit's ledger column names its instructor.
        for r in rows:
            assert db.session.get(Unit, r.unit_id).instructor_id == me.id  # type: ignore[union-attr]
        county = _user("instructor_county")
        served = db.session.execute(
            select(InstructorAssignment.id).where(InstructorAssignment.instructor_id == county.id)
        ).all()
        assert len(served) == 2
        (item,) = db.session.execute(select(PreparationItem).where(PreparationItem.state == "open")).scalars()
        unit = db.session.get(Unit, item.unit_id)
        assert unit is not None and unit.name == "青山智造新材料有限公司"
        assert item.next_escalation_at is not None and item.next_escalation_at > today()
        for item_type in ("instructor_assignment", "preparation_item"):
            assert escalation.due(item_type, today()) == []
        assert isinstance(me.id, int) and Actor  # the users exist for the console's day
