"""The demo city's adjustment cases: a deregistered unit's case in 青山镇's approval, a joint branch flagged,
a unit eligible to upgrade — left by the ledger's and the workflow's own commands, on the demo's clock."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from service import demo
from service.extensions import db
from service.models import PartyOrg, Unit
from service.models.adjustment import AdjustmentCase
from service.operations.flows.adjustment import cases
from service.operations.worklists import inbox


def test_the_demo_has_each_kind_of_adjustment_work(app: Flask) -> None:
    with app.app_context():
        demo.load()
        found = {c.trigger: c for c in db.session.execute(select(AdjustmentCase)).scalars()}
        assert set(found) == {"deregistered", "below_form"}
        gone = found["deregistered"]
        assert (gone.state, gone.action) == ("submitted", "refound_joint")
        # The joint branch it left is flagged on the same case: one unit with 1 formal member remains.
        assert [t["trigger"] for t in gone.triggers] == ["deregistered", "joint_below_total"]
        approver = demo._actor(
            db.session.execute(select(demo.User).where(demo.User.username == "approver")).scalar_one()
        )
        tasks = [t for t in db.session.execute(inbox.task_query(approver)).scalars() if t.workflow == "adjustment"]
        assert [t.subject_id for t in tasks] == [gone.id]
        flagged = found["below_form"]
        assert (flagged.state, flagged.action) == ("proposed", "refound_joint")
        assert db.session.get(PartyOrg, flagged.party_org_id).status == "active"  # nothing changes before approval
        assert gone.next_escalation_at is not None and flagged.next_escalation_at is not None
        county = demo._actor(
            db.session.execute(select(demo.User).where(demo.User.username == "county_supervisor")).scalar_one()
        )
        (eligible,) = cases.upgrade_eligible(county)
        assert (eligible["formal_members"], eligible["eligible_form"]) == (56, "general_branch")
        assert db.session.get(Unit, eligible["unit"]["id"]).jurisdiction.name == "石桥乡"
