"""The demo city's party activities and annual inspections (五个同步 2–4), so the party-work indicators, the
inactive list and the unchecked list show something: about half of the in-scope units have an activity in the
last year, a few only an older one; this year's inspections in 青山县, some without party work checked.

The demo ledger was kept in the offices' Excel books before the service existed: its units are dated into the
ledger two years back (the date a unit counts as operating from), so a unit with no activity is listed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from sqlalchemy import select, update

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, Unit, User
from service.operations.flows.synchronisation import activities, inspections
from workflows.ledger import OperatingStatus
from workflows.synchronisation import ActivityKind, InspectionResult, NewActivity, NewInspection


class _Timeline(Protocol):
    @property
    def today(self) -> date: ...

    def day(self, back: int) -> date: ...


class _Cast(Protocol):
    """What this module reads of service.demo's cast (a protocol: the demo imports this module, not the reverse)."""

    @property
    def t(self) -> _Timeline: ...
    @property
    def sup(self) -> Actor: ...
    @property
    def handler(self) -> Actor: ...
    @property
    def township(self) -> int: ...


KINDS = list(ActivityKind)
DESCRIPTIONS = {
    ActivityKind.theme_day: "主题党日：学习党的二十届三中全会精神",
    ActivityKind.three_meetings: "支部委员会：研究发展党员工作",
    ActivityKind.volunteer: "志愿服务：走进社区开展义诊",
    ActivityKind.training: "党务知识培训",
    ActivityKind.other: "参观红色教育基地",
}


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.jurisdiction_id, user.jurisdiction.path)


def load(c: _Cast) -> None:
    """Called once at the end of demo._work, after the day's work and, like it, on today's clock (the
    activities' own dates lie in the past year)."""
    t = c.t
    people = {u.username: u for u in db.session.execute(select(User)).scalars()}
    admin, instructor = _actor(people["admin"]), _actor(people["instructor"])
    with transaction():
        # The ledger's rows date from two years ago; their last write stays what it was (instructors' visits
        # fall due from it, service/demo_instructors.py).
        db.session.execute(update(Unit).values(created_at=now() - timedelta(days=730), updated_at=Unit.updated_at))
    scope = list(
        db.session.execute(
            select(Unit.id, Unit.jurisdiction_id, Unit.instructor_id, Jurisdiction.path)
            .join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id)
            .where(Unit.in_scope, Unit.operating_status == OperatingStatus.operating.value)
            .order_by(Unit.id)
        )
    )
    for n, (unit_id, place, guide, _path) in enumerate(scope):
        if n % 2:  # every other unit: no activity this year
            if n % 6 == 1:  # some of them an older one, before the window
                _activity(c, admin, unit_id, n, t.today - timedelta(days=400))
            continue
        who = instructor if guide == instructor.user_id else c.handler if place == c.township else admin
        _activity(c, who, unit_id, n, t.day(5 + n % 30))
    county = c.sup
    year = t.today.year
    on = min(t.today, max(date(year, 1, 1), t.day(35)))
    county_units = [u for u, _p, _g, path in scope if path.startswith(_county_path(c))]
    for n, unit_id in enumerate(county_units[:8]):
        inspections.record(
            county,
            NewInspection(
                unit_id=unit_id,
                year=year,
                inspected_on=on,
                result=InspectionResult.failed if n == 5 else InspectionResult.passed,
                party_work_checked=n % 3 != 2,
                note=None if n % 3 != 2 else "年检时未同步检查党建工作",
            ),
        )


def _county_path(c: _Cast) -> str:
    return str(db.session.execute(select(Jurisdiction.path).where(Jurisdiction.id == c.sup.jurisdiction_id)).scalar())


def _activity(c: _Cast, who: Actor, unit_id: int, n: int, held_on: date) -> None:
    kind = KINDS[n % len(KINDS)]
    activities.record(
        who,
        NewActivity(unit_id=unit_id, kind=kind, held_on=held_on, attendance=5 + n % 20, description=DESCRIPTIONS[kind]),
    )
