"""What both synchronisations need of a unit: the unit in the actor's scope, and who may record for it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from service.auth import Actor, in_scope
from service.clock import CHINA
from service.errors import Forbidden
from service.extensions import db
from service.models import Role, Unit
from service.operations.common import get_scoped
from workflows.errors import Conflict, RuleViolation
from workflows.ledger import OperatingStatus


def unit_for_record(actor: Actor, unit_id: int) -> Unit:
    """The unit in the actor's scope (else 404); an instructor records only for the units they guide (403), and
    nothing is recorded against a deregistered unit (409)."""
    unit = get_scoped(Unit, unit_id, actor)
    if actor.role == Role.instructor and unit.instructor_id != actor.user_id:
        raise Forbidden("党建指导员只能为所指导的单位登记")
    if unit.operating_status == OperatingStatus.deregistered:
        raise Conflict("unit_deregistered", "该单位已注销，不能登记", "unit_id")
    return unit


def instructor_may_act(actor: Actor, unit_instructor_id: int | None) -> None:
    """A correction by an instructor: only of a record for a unit they guide."""
    if actor.role == Role.instructor and unit_instructor_id != actor.user_id:
        raise Forbidden("党建指导员只能更正所指导单位的登记")


def end_of_day(day: date) -> datetime:
    """The first instant after `day` in Beijing, in UTC: a unit created before it was in the ledger on `day`."""
    return datetime.combine(day + timedelta(days=1), time(), CHINA).astimezone(UTC)


def unit_by_code(actor: Actor, credit_code: str) -> Unit:
    """The unit with this credit code in the actor's scope (the console's forms name a unit by its code)."""
    code = credit_code.strip().upper()
    found = db.session.execute(
        in_scope(select(Unit).where(Unit.credit_code == code), Unit.jurisdiction_id, actor)
    ).scalar_one_or_none()
    if found is None:
        raise RuleViolation("unit_not_found", "在您的管辖范围内未找到该统一社会信用代码的单位", "credit_code")
    return found


def unit_in_scope(actor: Actor, unit_id: int) -> Unit:
    return get_scoped(Unit, unit_id, actor)
