"""The demo city's instructors (党建指导员), today, after the rest of the demo's day (service/demo.py calls `work`
last: the rows before keep their ids and the audit trail stays in order):

- 青山镇党建指导员 gets a profile (part-time, sent by 青山镇党委); the three units the ledger has named them for
  since the city was set up are recorded as assignments from then (`adopt_ledger`); two are visited today (the
  guidance with its 工作记录, a short text file, attached as the visit form does), the third is long overdue and
  the sweep sends its 催办 (the 预警 follows five working days later);
- a full-time instructor of 青山县委组织部 (no sign-in: shown in the lists) serves two units of 石桥乡;
- 青山镇's handler enters a new unit without an organisation: its preparation item (组建准备) is open, waiting
  for an instructor and a first visit.
Every step goes through the commands the API and the console call, on the service's clock."""

from __future__ import annotations

import io
from typing import Protocol

from sqlalchemy import select

from service.auth import Actor, system_actor
from service.clock import today
from service.extensions import db
from service.inputs import NewUser
from service.models import Jurisdiction, User
from service.models.instructor import InstructorAssignment
from service.operations.engines import attachments, escalation
from service.operations.flows.instructors import assignments
from service.operations.reference import units, users
from workflows import credit_code
from workflows.instructors import Assign, NewVisit, Profile
from workflows.ledger import NewUnit

# The 工作记录 attached to the demo's guidance visit.
GUIDANCE_NOTES = """组建党支部指导要点
一、正式党员3名以上的，可以成立党支部；
二、党员名册：姓名、党籍所在组织、入党时间、联系电话；
三、下周召开党员座谈会，商定支部委员人选。
"""


class _Cast(Protocol):
    """What this module uses of the demo's cast (service.demo._Cast): who acts, and 青山镇."""

    @property
    def sup(self) -> Actor: ...  # 青山县's supervisor

    @property
    def handler(self) -> Actor: ...  # 青山镇党建办

    @property
    def township(self) -> int: ...  # 青山镇's id


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)


def work(c: _Cast) -> None:
    """Today, after the rest of the demo's day (its audit trail stays in order): see the module's docstring."""
    instructor = db.session.execute(select(User).where(User.username == "instructor")).scalar_one()
    me = _actor(instructor)
    assignments.put_profile(c.handler, instructor.id, Profile("part_time", "青山镇党委", "0591-83215678"))
    # The ledger has named the instructor since the city was set up: the visits fell due long ago.
    assignments.adopt_ledger(system_actor("demo"))
    mine = assignments.query(c.handler, {"instructor_id": instructor.id, "state": "active"})
    rows: list[InstructorAssignment] = sorted(db.session.execute(mine).scalars(), key=lambda r: r.id)
    visits = [
        ("visit", "走访企业负责人，了解党员职工情况", "协助物色入党积极分子"),
        ("guidance", "指导企业建立党员名册，讲解组建党支部的条件", "下周召开党员座谈会"),
    ]
    for row, (kind, done, next_step) in zip(rows, visits, strict=False):
        upload = None
        if kind == "guidance":
            upload = attachments.Upload("record", "组建党支部指导要点.txt", io.BytesIO(GUIDANCE_NOTES.encode()))
        assignments.log_visit(me, row.id, NewVisit(today(), kind, done, next_step), upload=upload)
    for row in rows[len(visits) :]:
        escalation.escalate(assignments.WORKFLOW, row.id)  # the scheduler's sweep: 催办 to the instructor
    _county_instructor(c)
    _new_registration(c)


def _county_instructor(c: _Cast) -> None:
    """A full-time instructor sent by the county department, serving two units of 石桥乡 (no sign-in)."""
    county = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == "350102")).scalar_one()
    township = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == "350102002")).scalar_one()
    user = users.create(
        c.sup,
        NewUser(
            username="instructor_county", display_name="青山县专职党建指导员", role="instructor", jurisdiction_id=county
        ),
    )
    assignments.put_profile(c.sup, user.id, Profile("full_time", "青山县委组织部", "0591-83219900"))
    free = units.query(
        c.sup, {"jurisdiction_id": township, "in_scope": True, "has_party_org": False, "has_instructor": False}
    )
    picked = [u.id for u in db.session.execute(free.limit(2)).scalars()]
    if picked:
        assignments.assign(c.sup, Assign(instructor_id=user.id, unit_ids=tuple(picked)))


def _new_registration(c: _Cast) -> None:
    """A unit 青山镇's handler entered today, without an organisation: its 组建准备 is open."""
    units.create(
        c.handler,
        NewUnit(
            credit_code=credit_code.make("91350102700009990"),
            name="青山智造新材料有限公司",
            kind="enterprise",
            jurisdiction_id=c.township,
            industry="制造业",
            address="示范市青山镇工业园8号",
            employees=68,
            formal_members=0,
            probationary_members=0,
            mobile_members=0,
            investor_or_head="陈立新",
            no_org_reason="正式党员不足3名",
        ),
    )
