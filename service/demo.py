"""Demo data: a city with two counties, townships, an industry committee, ~50 ledger units with varied
member counts, a few existing party organisations and one user of every role.

Loaded only into an empty database, and only on the embedded defaults or when asked for."""

from __future__ import annotations

import os
import secrets
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import func, select

from service.auth import system_actor
from service.clock import CHINA, today
from service.db import transaction
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import Jurisdiction, PartyOrg, Unit, User
from service.operations import jurisdictions, units, users
from workflows import credit_code
from workflows.interview import NewInterview
from workflows.ledger import NewUnit
from workflows.supervision import NewTicket, ProblemInput

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
# The README's walk-through: a 120-member enterprise in 青山镇 founding a primary committee.
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
PLACES = ["350102001", "350102002", "350102003", "350102IC1", "350103001", "350103002", "350103P01"]


def database_is_empty() -> bool:
    empty = db.session.execute(select(func.count()).select_from(Jurisdiction)).scalar_one() == 0
    db.session.rollback()  # a read must not keep SQLite's write lock (BEGIN IMMEDIATE) open
    return empty


def load() -> dict[str, str]:
    """Create the demo city; returns username -> API token."""
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
    for n, (kind, employees, formal, seq) in enumerate(rows):
        place = PLACES[n % len(PLACES)]
        if kind == "enterprise":
            suffix, industry = TRADES[n % len(TRADES)]
            name, first = f"{PREFIXES[n % len(PREFIXES)]}{suffix}", "91"
        else:
            suffix, industry = SOCIAL[n % len(SOCIAL)]
            name, first = f"{PREFIXES[n % len(PREFIXES)]}{suffix}", "52"
        name = f"{name}（{n + 1:02d}）" if any(u.name == name for u in created) else name
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
    _tickets(people["county_supervisor"], ids)
    return tokens


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


def _tickets(supervisor: User, ids: dict[str, int]) -> None:
    """Two issued supervision tickets from 青山县, so the board, the handler inbox and the sweep have work, and
    an interview (约谈) about the urgent one, scheduled for the next working day at 09:00, so its notice
    (约谈通知) can be downloaded and held."""
    from service.auth import Actor
    from service.operations import interviews, supervision

    actor = Actor(
        supervisor.id, supervisor.username, supervisor.role, supervisor.jurisdiction_id, supervisor.jurisdiction.path
    )
    for target, title, priority, workdays, problems in (
        (
            "350102001",
            "青山镇应建未建企业党组织组建进度滞后",
            "normal",
            15,
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
            [
                ("部分单位缺少出资人、负责人信息", "逐一核实补齐台账信息"),
            ],
        ),
    ):
        ticket = supervision.create(
            actor,
            NewTicket(
                title=title,
                jurisdiction_id=ids[target],
                responsible_person="党委书记",
                priority=priority,
                rectification_workdays=workdays,
                problems=tuple(ProblemInput(d, m) for d, m in problems),
            ),
        )
        supervision.issue(actor, ticket.id)
    interviews.create(
        actor,
        NewInterview(
            reason="台账“五个清”整改进展缓慢，约谈乡党委书记",
            ticket_id=ticket.id,
            scheduled_at=_next_morning(),
            place="青山县委组织部二楼会议室",
        ),
    )


def _next_morning() -> datetime:
    """09:00 China time on the next working day (the official calendar), as the service's clock sees it."""
    from service.calendar import calendar

    day = calendar().add_workdays(today(), 1).date
    return datetime.combine(day, time(9, 0), tzinfo=CHINA)


def set_passwords(usernames: list[str]) -> dict[str, str]:
    """Console passwords for the demo users: random, printed once beside their tokens."""
    from service.operations import passwords

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
