"""The demo city's adjustment cases (组织调整, 五个同步 5), told on the demo's clock after the rest of its history:

- a unit of 青山镇's joint branch deregistered today: the shrunk joint branch is flagged (one unit left,
  fewer than 3 formal members) and the case to re-found it (改建联合党支部) was submitted; it waits for 青山镇's
  committee in the approver's 待办;
- a branch of 石桥乡 whose unit fell to 2 formal members: its case (re-found as a joint branch
  with neighbours) waits to be submitted (待报批), for the county's supervisors;
- a branch of 石桥乡 whose unit has grown past 50 formal members: listed as eligible to become a general branch.

Every change goes through the ledger's own command (units.update) and the workflow's, as a user's request
would; the ledger event opens the cases."""

from __future__ import annotations

from sqlalchemy import select

from service.auth import Actor
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Unit
from service.models.adjustment import AdjustmentCase
from service.operations.reference import units
from workflows.adjustment import ProposalChanges
from workflows.ledger import UnitChanges

SHIQIAO = "350102002"  # 石桥乡


def load(handler: Actor, county_supervisor: Actor, township: int) -> None:
    """`handler`: 青山镇党建办; `county_supervisor`: 青山县委组织部组织科; `township`: 青山镇's id."""
    from service.operations.flows.adjustment import cases

    shiqiao = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == SHIQIAO)).scalar_one()
    joint = db.session.execute(
        select(PartyOrg).where(PartyOrg.kind == "joint_branch", PartyOrg.jurisdiction_id == township)
    ).scalar_one()
    leaving = db.session.execute(select(Unit).where(Unit.party_org_id == joint.id).order_by(Unit.id)).scalars().first()
    assert leaving is not None
    # Today, after the rest of the demo's history (one audit trail in time order).
    units.update(handler, leaving.id, UnitChanges.of({"operating_status": "deregistered"}))
    case = db.session.execute(select(AdjustmentCase).where(AdjustmentCase.party_org_id == joint.id)).scalar_one()
    cases.submit(
        handler, case.id, ProposalChanges(note="该单位已办理注销登记，党员组织关系正在转出，拟与邻近企业重新组建")
    )

    shrinking = db.session.execute(
        select(Unit)
        .join(PartyOrg, PartyOrg.id == Unit.party_org_id)
        .where(Unit.jurisdiction_id == shiqiao, PartyOrg.kind == "branch", Unit.formal_members == 4)
    ).scalar_one()
    units.update(county_supervisor, shrinking.id, UnitChanges.of({"formal_members": 2}))  # members moved away

    grown = db.session.execute(
        select(Unit)
        .join(PartyOrg, PartyOrg.id == Unit.party_org_id)
        .where(Unit.jurisdiction_id == shiqiao, PartyOrg.kind == "branch", Unit.formal_members == 50)
    ).scalar_one()
    units.update(
        county_supervisor, grown.id, UnitChanges.of({"formal_members": 56, "employees": max(grown.employees, 120)})
    )
