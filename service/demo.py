"""Demo data: a city with two counties, townships, an industry committee, ~50 ledger units with varied
member counts, a few existing party organisations, one user of every role — and work waiting in every
role's 待办 (see `_work`), written through the service layer's own commands on the service's clock, so
states, steps, tasks, notifications and the audit trail are what real use would have left.

Loaded only into an empty database, and only on the embedded defaults or when asked for."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from service import demo_adjustment, demo_instructors, demo_pairing, demo_re_election, demo_synchronisation
from service.auth import Actor, system_actor
from service.calendar import calendar
from service.clock import CHINA, FixedClock, today
from service.db import transaction
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import ApprovalTask, EstablishmentCase, Jurisdiction, PartyOrg, SupervisionTicket, Unit, User
from service.operations.reference import jurisdictions, units, users
from workflows import credit_code
from workflows.approval import StepStatus
from workflows.establishment import NewCase
from workflows.interview import NewInterview
from workflows.ledger import NewUnit
from workflows.pairing import NewAgreement, Progress
from workflows.supervision import ExtensionRequest, NewTicket, ProblemInput, ProblemReport, RectificationReport

TREE = [
    # code, name, kind, parent code
    ("350100", "示范市", "city", None),
    ("350102", "青山县", "county", "350100"),
    ("350103", "绿水区", "district", "350100"),
    ("350102001", "青山镇", "township", "350102"),
    ("350102002", "石桥乡", "township", "350102"),
    ("350102003", "东湖街道", "street", "350102"),
    ("350102IC1", "青山县物流行业党委", "industry_committee", "350102"),
    ("350103001", "滨江街道", "street", "350103"),
    ("350103002", "柳林镇", "township", "350103"),
    ("350103P01", "绿水高新技术产业园区", "park", "350103"),
]

USERS = [
    # username, display name, role, jurisdiction code
    ("admin", "市委组织部系统管理员", "admin", "350100"),
    ("supervisor", "市委组织部督查科", "supervisor", "350100"),
    ("county_supervisor", "青山县委组织部组织科", "supervisor", "350102"),
    ("approver", "青山镇党委委员", "approver", "350102001"),
    ("county_approver", "青山县委组织部审批人", "approver", "350102"),
    ("handler", "青山镇党建办", "handler", "350102001"),
    ("portal", "青山县非公企业服务门户", "portal", "350102"),
    ("instructor", "青山镇党建指导员", "instructor", "350102001"),
    ("shiqiao_committee", "石桥乡党委委员", "approver", "350102002"),  # decides 石桥乡's 换届请示
]

PREFIXES = ["青山", "石桥", "东湖", "滨江", "柳林", "绿水", "鑫达", "华宇", "瑞丰", "恒通", "启明", "新源"]
TRADES = [
    ("精密机械有限公司", "制造业"),
    ("物流有限公司", "交通运输业"),
    ("软件科技有限公司", "信息技术"),
    ("食品股份有限公司", "食品加工"),
    ("建筑工程有限公司", "建筑业"),
    ("电子商务有限公司", "批发零售"),
]
SOCIAL = [("行业协会", "社会团体"), ("社会工作服务中心", "民办非企业"), ("职业培训学校", "民办非企业")]
# (employees, formal members) pairs chosen to hit the rule edges: 0-3 members, 50/51, 99/100, 120.
# fmt: off
ENTERPRISE_COUNTS = [
    (12, 0), (35, 1), (48, 2), (50, 3), (60, 2), (80, 3), (95, 7), (150, 12), (300, 50), (320, 51),
    (500, 99), (650, 100), (77, 2), (55, 0), (70, 1), (66, 4), (52, 0), (210, 9), (140, 5), (90, 2),
    (58, 0), (75, 1), (110, 6), (49, 2), (260, 30), (45, 0), (130, 3), (62, 2), (88, 0), (400, 26),
    (51, 1), (57, 2), (64, 0), (180, 11), (73, 1), (96, 2), (1200, 150), (68, 0), (54, 1), (230, 18),
]
# fmt: on
SOCIAL_COUNTS = [(30, 3), (29, 1), (45, 2), (31, 0), (60, 5), (25, 0), (33, 1), (38, 4), (80, 8), (30, 0)]
# The walk-through (docs/walkthrough.md): a 120-member enterprise in 青山镇 founding a primary committee.
WALKTHROUGH_UNIT = {
    "credit_code": credit_code.make("91350102MA2Y0Q8K1"),
    "name": "青山重工机械股份有限公司",
    "kind": "enterprise",
    "industry": "制造业",
    "address": "示范市青山镇工业大道8号",
    "employees": 800,
    "formal_members": 120,
    "probationary_members": 6,
    "mobile_members": 5,
    "investor_or_head": "陈建国",
    "no_org_reason": "正在筹建",
}
# Two more enterprises of 青山镇 whose requests are under way in the demo (see `_work`): a walk-through-like
# one founding a primary committee (awaiting the county) and a small one whose branch request is overdue.
WORK_UNITS = (
    {
        "credit_code": credit_code.make("91350102MA2Y1D6P3"),
        "name": "青山新能源电池股份有限公司",
        "kind": "enterprise",
        "industry": "制造业",
        "address": "示范市青山镇新材料产业园6号",
        "employees": 620,
        "formal_members": 108,
        "probationary_members": 4,
        "mobile_members": 5,
        "investor_or_head": "刘志远",
        "no_org_reason": "正在筹建",
    },
    {
        "credit_code": credit_code.make("91350102MA2Y3H5L7"),
        "name": "青山绿源食品有限公司",
        "kind": "enterprise",
        "industry": "食品加工",
        "address": "示范市青山镇富民路18号",
        "employees": 96,
        "formal_members": 6,
        "probationary_members": 1,
        "mobile_members": 0,
        "investor_or_head": "赵明",
        "no_org_reason": "正在筹建",
    },
)
PLACES = ["350102001", "350102002", "350102003", "350102IC1", "350103001", "350103002", "350103P01"]


def database_is_empty() -> bool:
    empty = db.session.execute(select(func.count()).select_from(Jurisdiction)).scalar_one() == 0
    db.session.rollback()  # a read must not keep SQLite's write lock (BEGIN IMMEDIATE) open
    return empty


# The demo city was set up this many working days before today; its work happened since (see `_work`).
SET_UP_WORKDAYS_AGO = 45


def load() -> dict[str, str]:
    """Create the demo city; returns username -> API token. Refused unless the database is empty."""
    if not database_is_empty():
        raise RuntimeError("the database is not empty: demo data is only loaded into an empty one")
    history = _Timeline()
    with history.at(SET_UP_WORKDAYS_AGO, 8, 30):
        tokens, people, ids, busy = _city()
    _work(history, people, ids, busy)
    return tokens


def _city() -> tuple[dict[str, str], dict[str, User], dict[str, int], list[Unit]]:
    """The tree, the users and their tokens, the ledger, the organisations founded before the service existed,
    the instructor's units: (tokens by username, users by username, jurisdiction ids by code, WORK_UNITS)."""
    actor = system_actor("demo")
    ids: dict[str, int] = {}
    for code, name, kind, parent in TREE:
        row = jurisdictions.create(
            actor, NewJurisdiction(code=code, name=name, kind=kind, parent_id=ids[parent] if parent else None)
        )
        ids[code] = row.id
    tokens: dict[str, str] = {}
    people: dict[str, User] = {}
    for username, display, role, place in USERS:
        user = users.create(
            actor, NewUser(username=username, display_name=display, role=role, jurisdiction_id=ids[place])
        )
        people[username] = user
        tokens[username] = users.issue_token(actor, user, "demo")[1]

    rows = [("enterprise", e, f, i) for i, (e, f) in enumerate(ENTERPRISE_COUNTS)]
    rows += [("social_org", e, f, i + 100) for i, (e, f) in enumerate(SOCIAL_COUNTS)]
    created: list[Unit] = []
    names: set[str] = set()  # not `u.name` of the units created: each commit expires them (a query per look)
    for n, (kind, employees, formal, seq) in enumerate(rows):
        place = PLACES[n % len(PLACES)]
        if kind == "enterprise":
            suffix, industry = TRADES[n % len(TRADES)]
            name, first = f"{PREFIXES[n % len(PREFIXES)]}{suffix}", "91"
        else:
            suffix, industry = SOCIAL[n % len(SOCIAL)]
            name, first = f"{PREFIXES[n % len(PREFIXES)]}{suffix}", "52"
        name = f"{name}（{n + 1:02d}）" if name in names else name
        names.add(name)
        region = place[:6]
        code = credit_code.make(f"{first}{region}{70000000 + seq:08d}{seq % 10}")
        created.append(
            units.create(
                actor,
                NewUnit(
                    credit_code=code,
                    name=name,
                    kind=kind,
                    jurisdiction_id=ids[place],
                    industry=industry,
                    address=f"示范市{TREE_NAMES[place]}{n + 1}号",
                    employees=employees,
                    formal_members=formal,
                    probationary_members=seq % 3 if formal else 0,
                    mobile_members=5 if employees >= 300 else seq % 2,
                    investor_or_head=f"负责人{n + 1:02d}",
                    no_org_reason=None if formal >= 3 else "正式党员不足3名",
                ),
            )
        )
    created.append(units.create(actor, NewUnit.of(WALKTHROUGH_UNIT | {"jurisdiction_id": ids["350102001"]})))
    _existing_orgs(created[:-1], ids)
    _instructors(created, people["instructor"])
    busy = [units.create(actor, NewUnit.of(spec | {"jurisdiction_id": ids["350102001"]})) for spec in WORK_UNITS]
    return tokens, people, ids, busy


TREE_NAMES = {code: name for code, name, _, _ in TREE}


def _existing_orgs(created: list[Unit], ids: dict[str, int]) -> None:
    """Organisations founded before the service existed, so coverage is neither 0 nor 100%."""
    with transaction():
        picks = [u for u in created if u.formal_members >= 3][::2]
        for unit in picks:
            kind = (
                "primary_committee"
                if unit.formal_members >= 100
                else ("general_branch" if unit.formal_members > 50 else "branch")
            )
            years = 5 if kind == "primary_committee" else 3
            org = PartyOrg(
                name=f"{unit.name}{_ORG_SUFFIX[kind]}",
                kind=kind,
                jurisdiction_id=unit.jurisdiction_id,
                status="active",
                founded_on=date(2023, 7, 1),
                approval_doc_no=f"示组批〔2023〕{unit.id}号",
                approved_on=date(2023, 6, 20),
                secretary_name=f"书记{unit.id:02d}",
                committee_size=5 if unit.formal_members >= 7 else 0,
                term_years=years,
                term_start=date(2023, 7, 1),
                term_due_on=date(2023 + years, 7, 1),
            )
            db.session.add(org)
            db.session.flush()
            unit.party_org_id = org.id
            unit.no_org_reason = None
        # One joint branch over two small neighbours in the same township.
        small = [u for u in created if 1 <= u.formal_members < 3 and u.jurisdiction_id == ids["350102001"]][:2]
        if len(small) == 2:
            org = PartyOrg(
                name="青山镇非公企业联合党支部",
                kind="joint_branch",
                jurisdiction_id=ids["350102001"],
                status="active",
                founded_on=date(2024, 3, 1),
                approval_doc_no="青组批〔2024〕3号",
                approved_on=date(2024, 2, 20),
                secretary_name="联合支部书记",
                committee_size=0,
                term_years=3,
                term_start=date(2024, 3, 1),
                term_due_on=date(2027, 3, 1),
            )
            db.session.add(org)
            db.session.flush()
            for unit in small:
                unit.party_org_id = org.id
                unit.no_org_reason = None


_ORG_SUFFIX = {"branch": "党支部", "general_branch": "党总支", "primary_committee": "委员会"}


def _instructors(created: list[Unit], instructor: User) -> None:
    """The township instructor serves a few uncovered units in its township."""
    with transaction():
        mine = [u for u in created if u.party_org_id is None and u.jurisdiction_id == instructor.jurisdiction_id]
        for unit in mine[:3]:
            unit.instructor_id = instructor.id


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)


class _Timeline:
    """The demo's past, told on the service's own clock: each step runs with the clock injected at its moment
    (`service.clock`, as tests and simulations do), so every date, timestamp, deadline, notification and
    audit record is the one real use would have left. Days are counted in working days back from today on
    the official calendar, so the demo looks the same whichever day it is loaded on."""

    def __init__(self) -> None:
        self.today = today()
        self.cal = calendar()

    def day(self, back: int) -> date:
        """The `back`-th working day before today (1: the last working day before today)."""
        d, seen = self.today, 0
        while seen < back:
            d -= timedelta(days=1)
            seen += self.cal.is_workday(d)
        return d

    @contextmanager
    def at(self, back: int, hour: int, minute: int = 0) -> Iterator[None]:
        """Run the block at `hour:minute` China time, `back` working days ago."""
        extensions = current_app.extensions
        saved = extensions.get("clock")
        moment = datetime.combine(self.day(back), time(hour, minute), tzinfo=CHINA)
        extensions["clock"] = FixedClock(moment.astimezone(UTC))  # the clock speaks UTC, as SystemClock does
        try:
            yield
        finally:
            if saved is None:
                extensions.pop("clock", None)
            else:
                extensions["clock"] = saved


def _open_task(case_id: int) -> ApprovalTask:
    """The open task of a case's pending step (group modes: one task offered to the body's approvers)."""
    from service.operations.engines import approvals

    step = approvals.reads.steps_of("establishment", case_id)[-1]
    assert step.status == StepStatus.PENDING.value
    return next(t for t in approvals.reads.tasks_of([step.id]) if t.status == "open")


@dataclass(frozen=True)
class _Cast:
    """Who acts in the demo's history, and on what in 青山镇."""

    t: _Timeline
    sup: Actor  # county_supervisor (青山县)
    handler: Actor  # 青山镇党建办
    approver: Actor  # 青山镇's approver
    portal: Actor  # the enterprise portal
    township: int  # 青山镇's id
    ledger: dict[str, Unit]  # 青山镇's units by name
    big: Unit  # the busy units: a primary committee's and a branch's
    small: Unit


def _work(t: _Timeline, people: dict[str, User], ids: dict[str, int], busy: list[Unit]) -> None:
    """Work in every role's 待办, through the commands the API and the console call, in the order it happened:

    - approver (青山镇): a branch request awaiting the township committee's vote (集体表决, offered to the
      body); a joint branch request claimed (签收) by the approver; a branch request past its due date, at
      the first level of the approval ladder (催办, sent by the escalation sweep the day before today);
    - county_approver (青山县): a primary committee (基层党委) the township reviewed, awaiting the county;
    - county_supervisor (青山县): a ticket the handler acknowledged, rectified and reported (待审核), and a
      ticket with an extension request (延期) pending; a pairing agreement (结对共建) in force, behind its plan;
    - handler (青山镇): a ticket issued today (待签收) and the rectifying one whose extension is pending;
    - the urgent ticket issued today to 石桥乡 has an interview (约谈) on the next working day at 09:00.

    The walk-through's unit (青山重工) is left without a case: the walk-through files it. The order of
    the steps below is the order of the rows' ids, which the docs' examples name."""
    from service.operations.flows.pairing import agreements

    township = ids["350102001"]
    ledger = {u.name: u for u in db.session.execute(select(Unit).where(Unit.jurisdiction_id == township)).scalars()}
    c = _Cast(
        t,
        _actor(people["county_supervisor"]),
        _actor(people["handler"]),
        _actor(people["approver"]),
        _actor(people["portal"]),
        township,
        ledger,
        *busy,
    )
    agreement_id = _pairing_in_force(c, ids)  # 40 days ago
    _overdue_branch_request(c)  # 26 days ago
    with t.at(20, 15):
        agreements.record_progress(c.sup, agreement_id, Progress(visits=1, trainings=1))
    drafts = _draft_tickets(c, ids)  # 13 days ago: issued today
    reviewed, committee, extended, claimed = _second_week(c)
    _last_week(c, committee, claimed)
    _report(c, reviewed)  # 2 days ago
    _sweep_and_extension(c, extended)  # yesterday
    _today(c, drafts)
    demo_pairing.more_pairing(c)  # 结对共建: one escalated behind its plan, one reviewed (service/demo_pairing.py)
    demo_synchronisation.load(c)  # party activities and annual inspections (五个同步)
    demo_re_election.re_elections(c, ids)  # 换届
    demo_instructors.work(c)  # 党建指导员: profiles, assignments, visits, one 催办, an open 组建准备
    demo_adjustment.load(c.handler, c.sup, c.township)  # 组织调整: a case in approval, one to submit, an upgrade


def _pairing_in_force(c: _Cast, ids: dict[str, int]) -> int:
    """结对共建: 石桥乡's largest committee mentors 青山镇's joint branch; followed by 青山县 (above both)."""
    from service.operations.flows.pairing import agreements

    orgs = list(db.session.execute(select(PartyOrg).order_by(PartyOrg.id)).scalars())
    mentor = next(o for o in orgs if o.kind == "primary_committee" and o.jurisdiction_id == ids["350102002"])
    joint = next(o for o in orgs if o.kind == "joint_branch")
    due = min(c.t.cal.add_workdays(c.t.today, 5).date, date(c.t.today.year, 12, 31))
    with c.t.at(40, 10):
        agreement = agreements.create(
            c.sup,
            NewAgreement(
                org_a_id=mentor.id,
                org_b_id=joint.id,
                title="石桥乡青山精密机械党委结对帮扶青山镇非公企业联合党支部",
                year=due.year,
                duties_due_on=due,
                planned_visits=4,
                planned_trainings=2,
                planned_activists=3,
            ),
        )
        agreements.sign(c.sup, agreement.id, c.t.day(40))
    with c.t.at(39, 9, 30):
        agreements.take_effect(c.sup, agreement.id)
    return agreement.id


def _overdue_branch_request(c: _Cast) -> None:
    """A branch request of 青山镇 that has waited too long: its step fell due two working days ago."""
    from service.operations.flows.establishment import cases

    with c.t.at(26, 9, 30):
        overdue = cases.create(
            c.handler,
            NewCase(
                unit_ids=[c.small.id],
                form="branch",
                proposed_name=f"中共{c.small.name}支部委员会",
                proposed_secretary="赵明",
                request_text="本单位有正式党员6名，申请成立党支部。",
            ),
        )
    with c.t.at(24, 10):
        cases.submit(c.handler, overdue.id)


def _draft_tickets(c: _Cast, ids: dict[str, int]) -> list[SupervisionTicket]:
    """The two tickets issued today were drafted first (the ids the docs' examples and the interview use: 1 and 2)."""
    from service.operations.flows.supervision import tickets

    drafts = []
    with c.t.at(13, 9):
        for target, title, priority, workdays, person, problems in (
            (
                "350102001",
                "青山镇应建未建企业党组织组建进度滞后",
                "normal",
                15,
                "王建华",
                [
                    ("辖区应建未建党组织的企业3家，未制定组建计划", "逐家制定组建方案，明确责任人和时间表"),
                    ("2家企业未落实党建指导员", "选派党建指导员并建立联系制度"),
                ],
            ),
            (
                "350102002",
                "石桥乡台账“五个清”不完整",
                "urgent",
                5,
                "李国平",
                [("部分单位缺少出资人、负责人信息", "逐一核实补齐台账信息")],
            ),
        ):
            drafts.append(
                tickets.create(
                    c.sup,
                    NewTicket(
                        title=title,
                        jurisdiction_id=ids[target],
                        responsible_person=person,
                        responsible_title="党委书记",
                        priority=priority,
                        rectification_workdays=workdays,
                        problems=tuple(ProblemInput(d, m) for d, m in problems),
                    ),
                )
            )
    return drafts


def _second_week(c: _Cast) -> tuple[SupervisionTicket, EstablishmentCase, SupervisionTicket, EstablishmentCase]:
    """12 to 8 days ago: a ticket 青山镇 goes on to rectify and report (county_supervisor reviews it), the
    portal's primary committee request, a ticket whose handler will ask for more time, and a joint branch
    request. Returns (the reviewed ticket, the committee request, the extended ticket, the joint request)."""
    from service.operations.flows.establishment import cases
    from service.operations.flows.supervision import tickets

    with c.t.at(12, 9, 30):
        reviewed = _ticket(
            c.sup,
            c.township,
            "青山镇非公企业党组织“三会一课”制度落实不到位",
            15,
            [
                ("3个企业党支部未按季度召开党员大会", "督促各支部制定年度组织生活计划并按期召开"),
                ("党课记录不全，无签到和会议纪要", "建立组织生活记实台账，逐次登记签到和纪要"),
            ],
        )
    with c.t.at(12, 14):
        committee = cases.create(
            c.portal,
            NewCase(
                unit_ids=[c.big.id],
                form="primary_committee",
                proposed_name=f"中共{c.big.name}委员会",
                proposed_secretary="刘志远",
                proposed_committee_size=5,
                request_text="本单位有正式党员108名，申请成立中共青山新能源电池股份有限公司委员会。",
            ),
        )
    with c.t.at(11, 10):
        tickets.acknowledge(c.handler, reviewed.id)
    with c.t.at(11, 15):
        tickets.start_rectification(c.handler, reviewed.id)
    with c.t.at(10, 10):
        cases.submit(c.portal, committee.id)
    with c.t.at(9, 9, 30):
        extended = _ticket(
            c.sup,
            c.township,
            "青山镇流动党员管理台账不健全",
            10,
            [("流动党员底数不清，5家企业未建立流动党员台账", "逐企摸排流动党员，建立台账并动态更新")],
        )
    with c.t.at(8, 10):
        tickets.acknowledge(c.handler, extended.id)
        tickets.start_rectification(c.handler, extended.id)
    with c.t.at(8, 15):
        claimed = cases.create(
            c.handler,
            NewCase(
                unit_ids=[c.ledger["新源电子商务有限公司（36）"].id, c.ledger["鑫达行业协会"].id],
                form="joint_branch",
                proposed_name="中共青山镇新源电商鑫达协会联合支部委员会",
                proposed_secretary="周丽",
                request_text="两单位正式党员均不足3名，合计4名，申请成立联合党支部。",
            ),
        )
    return reviewed, committee, extended, claimed


def _last_week(c: _Cast, committee: EstablishmentCase, claimed: EstablishmentCase) -> None:
    """7 to 3 days ago: the township passes the committee request up to the county, the approver claims the
    joint branch request, and the portal files a branch request left to the township committee's vote."""
    from service.operations.engines import approvals
    from service.operations.flows.establishment import cases

    with c.t.at(7, 10):
        approvals.acting.act(
            c.approver, _open_task(committee.id).id, "approve", comment="经镇党委会议审查，同意上报县委组织部审批"
        )
    with c.t.at(6, 10):
        cases.submit(c.handler, claimed.id)
    with c.t.at(5, 9):
        task = _open_task(claimed.id)
        approvals.acting.claim(c.approver, task.id)
        approvals.acting.act(c.approver, task.id, "comment", comment="已签收，提交下次镇党委会议集体研究")
    with c.t.at(4, 10):
        voting = cases.create(
            c.portal,
            NewCase(
                unit_ids=[c.ledger["华宇物流有限公司"].id],
                form="branch",
                proposed_name="中共华宇物流有限公司支部委员会",
                proposed_secretary="孙海涛",
                request_text="本单位有正式党员12名，申请成立党支部。",
            ),
        )
    with c.t.at(3, 10):
        cases.submit(c.portal, voting.id)


def _report(c: _Cast, reviewed: SupervisionTicket) -> None:
    """青山镇 reports the ticket rectified, with its evidence: it awaits the county supervisor's review."""
    from service.operations.flows.supervision import tickets

    with c.t.at(2, 16):
        done = tickets.problems_of([reviewed.id])[reviewed.id]
        tickets.submit_report(
            c.handler,
            reviewed.id,
            RectificationReport(
                problems_reported=(
                    ProblemReport(
                        done[0].id,
                        "3个支部已制定年度组织生活计划，本季度党员大会均已召开",
                        ("各支部年度组织生活计划.pdf", "党员大会会议纪要.pdf"),
                    ),
                    ProblemReport(
                        done[1].id,
                        "已建立组织生活记实台账，补齐本年度党课签到和纪要",
                        ("组织生活记实台账.xlsx",),
                    ),
                ),
                summary="问题已全部整改，请审核",
            ),
        )


def _sweep_and_extension(c: _Cast, extended: SupervisionTicket) -> None:
    """The escalation sweep of the last working day: whatever was due then climbs its ladder (the overdue
    branch request's step: 催办 to 青山镇's approvers), as the scheduler and its worker job would do; then the
    handler asks for more time on the extended ticket."""
    from service.operations.engines import escalation
    from service.operations.flows.supervision import tickets

    with c.t.at(1, 9, 5):
        for item_type in escalation.ITEM_TYPES:
            for item_id in escalation.due(item_type, today()):
                escalation.escalate(item_type, item_id)
    with c.t.at(1, 15):
        ticket = tickets.get(c.handler, extended.id)
        assert ticket.rectify_by is not None
        tickets.request_extension(
            c.handler,
            extended.id,
            ExtensionRequest(
                new_deadline=c.t.cal.add_workdays(ticket.rectify_by, 10).date,
                reason="部分企业流动党员在外务工，需逐一电话核实，申请延期10个工作日",
            ),
        )


def _today(c: _Cast, drafts: list[SupervisionTicket]) -> None:
    """Today: the two drafts are issued, and an interview (约谈) about the urgent one is scheduled for the next
    working day at 09:00, so its notice (约谈通知) can be downloaded and held."""
    from service.operations.engines import interviews
    from service.operations.flows.supervision import tickets

    for draft in drafts:
        tickets.issue(c.sup, draft.id)
    interviews.create(
        c.sup,
        NewInterview(
            reason="台账“五个清”整改进展缓慢，约谈乡党委书记",
            ticket_id=drafts[-1].id,
            scheduled_at=_next_morning(),
            place="青山县委组织部二楼会议室",
        ),
    )


def _ticket(sup: Actor, body_id: int, title: str, workdays: int, problems: list[tuple[str, str]]) -> SupervisionTicket:
    """A ticket from 青山县 to a body, issued at once (the responsible person: 青山镇's party secretary)."""
    from service.operations.flows.supervision import tickets

    ticket = tickets.create(
        sup,
        NewTicket(
            title=title,
            jurisdiction_id=body_id,
            responsible_person="王建华",
            responsible_title="党委书记",
            priority="normal",
            rectification_workdays=workdays,
            problems=tuple(ProblemInput(d, m) for d, m in problems),
        ),
    )
    return tickets.issue(sup, ticket.id)


def _next_morning() -> datetime:
    """09:00 China time on the next working day (the official calendar), as the service's clock sees it."""
    day = calendar().add_workdays(today(), 1).date
    return datetime.combine(day, time(9, 0), tzinfo=CHINA)


def set_passwords(usernames: list[str]) -> dict[str, str]:
    """Console passwords for the demo users: random, printed once beside their tokens."""
    from service.operations.reference import passwords

    actor = system_actor("demo")
    out: dict[str, str] = {}
    for username in usernames:
        user_id = db.session.execute(select(User.id).where(User.username == username)).scalar_one()
        out[username] = f"demo-{secrets.token_urlsafe(8)}"
        passwords.set_password(actor, user_id, out[username])
    return out


def print_tokens(
    tokens: dict[str, str],
    tokens_file: str | os.PathLike[str] | None = None,
    passwords: dict[str, str] | None = None,
) -> None:
    passwords = passwords or {}
    lines = [f"  {name:<18} {passwords.get(name, ''):<20} {token}" for name, token in tokens.items()]
    text = (
        "Demo users: sign in to the console with the username and password; "
        "the API takes the token (Authorization: Bearer <token>):\n"
        f"  {'username':<18} {'password':<20} token\n" + "\n".join(lines) + "\n"
    )
    print(text, end="")
    if tokens_file:
        path = Path(tokens_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
