"""The demo data obeys the date rules it teaches: every organisation founded on or after its approval, its term
starting with the founding meeting, nothing in the future (`make run` seeds it on the real clock)."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from service import demo
from service.auth import Actor
from service.calendar import calendar
from service.clock import CHINA, now, today
from service.extensions import db
from service.models import Interview, PartyOrg, SupervisionTicket, User
from service.operations.engines import documents
from workflows.establishment import check_founding_dates


def test_demo_organisations_and_tickets_obey_the_date_rules(app: Flask) -> None:
    with app.app_context():
        demo.load()
        orgs = list(db.session.execute(select(PartyOrg)).scalars())
        assert orgs
        for org in orgs:
            assert org.founded_on is not None
            check_founding_dates(
                held_on=org.founded_on, today=today(), approved_on=org.approved_on, term_start=org.term_start
            )
        tickets = list(db.session.execute(select(SupervisionTicket)).scalars())
        assert tickets
        for t in tickets:
            assert t.issued_on is not None and t.rectify_by is not None and t.acknowledge_by is not None
            assert t.issued_on <= today() and t.issued_on < t.acknowledge_by <= t.rectify_by


def test_demo_interview_is_scheduled_ahead_and_its_notice_downloads(app: Flask) -> None:
    """The README downloads the demo's interview notice on a fresh `make run`: it must exist and be issuable."""
    with app.app_context():
        demo.load()
        (interview,) = db.session.execute(select(Interview)).scalars()
        assert interview.ticket_id is not None and interview.place
        at = interview.scheduled_at
        assert at is not None and at > now()
        local = at.astimezone(CHINA)
        assert (local.hour, local.minute) == (9, 0) and calendar().is_workday(local.date())
        supervisor = db.session.execute(select(User).where(User.username == "county_supervisor")).scalar_one()
        actor = Actor(
            supervisor.id,
            supervisor.username,
            supervisor.role,
            supervisor.jurisdiction_id,
            supervisor.jurisdiction.path,
        )
        rendered = documents.interview_notice(actor, interview.id)
        assert rendered.ascii_filename == f"interview_notice-{interview.id}.docx"
        assert rendered.content[:2] == b"PK"
