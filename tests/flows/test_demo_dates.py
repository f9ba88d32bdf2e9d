"""The demo data obeys the date rules it teaches: every organisation founded on or after its approval, its term
starting with the founding meeting, nothing in the future (`make run` seeds it on the real clock)."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from service import demo
from service.clock import today
from service.extensions import db
from service.models import PartyOrg, SupervisionTicket
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
