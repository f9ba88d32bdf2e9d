"""Read queries for the console's 待办 (my tasks): the approval inbox with the filters a person works with
(workflow, deciding body, warning light), counts, and a page of rows. The scope and the candidate rules are
approvals.reads.inbox_query's; this module only narrows and pages it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from service.auth import Actor
from service.calendar import calendar
from service.clock import today
from service.extensions import db
from service.models import ApprovalTask, Jurisdiction
from service.operations.engines import approvals, escalation
from service.operations.reference import jurisdictions
from workflows.deadlines import warning_level

LIGHTS = ("red", "yellow", "green")


def task_yellow_within() -> int:
    return escalation.settings().approval_task.yellow_within_workdays


def first_green_day(on: date) -> date:
    """The earliest due date that is still green on `on` (as supervision.first_green_day, with the approval
    ladder's window)."""
    return calendar().add_workdays(on, task_yellow_within() + 1).date


def light_of_due(due_on: date, on: date, first_green: date) -> str:
    """The light of one due date; the same cut-offs as the SQL filter below (first_green from the calendar)."""
    if due_on < on:
        return "red"
    return "yellow" if due_on < first_green else "green"


def due_light_condition(column: Any, level: str, on: date, first_green: date) -> ColumnElement[bool]:
    """A warning light as a WHERE clause on a due-date column (for lists filtered by light)."""
    if level == "red":
        return column < on
    if level == "yellow":
        return and_(column >= on, column < first_green)
    return column >= first_green


def task_query(
    actor: Actor, workflow: str | None = None, body_id: int | None = None, light: str | None = None
) -> Select[Any]:
    """My open approval tasks, overdue first then by due date (the due date orders both), filtered."""
    stmt = approvals.reads.inbox_query(actor, workflow)
    if body_id is not None:
        # The body a case comes from, with everything under it (out of scope: 404, like the API's filters).
        stmt = stmt.where(ApprovalTask.scope_id.in_(jurisdictions.subtree_ids(jurisdictions.get(actor, body_id))))
    if light:
        on = today()
        stmt = stmt.where(due_light_condition(ApprovalTask.due_on, light, on, first_green_day(on)))
    return stmt


def count(stmt: Select[Any]) -> int:
    """Rows a list query would return (one COUNT; for the navigation's counters)."""
    return int(db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one())


def lights(due_dates: list[date | None], first_green: date | None = None) -> list[str | None]:
    """Lights for a page of due dates: the calendar is asked once, not per row. `first_green` from another
    ladder's window (e.g. supervision.first_green_day) for other items; None dates have no light."""
    on = today()
    first_green = first_green or first_green_day(on)
    return [light_of_due(d, on, first_green) if d is not None else None for d in due_dates]


def body_options(actor: Actor) -> list[Jurisdiction]:
    """The bodies a list may be filtered by: the jurisdictions in my scope, in tree order."""
    return list(db.session.execute(jurisdictions.query(actor)).scalars())


def check_light_rule(on: date, due_on: date) -> str:
    """The pure rule (workflows.deadlines.warning_level) for one date: tests compare it with light_of_due."""
    return warning_level(on, due_on, calendar(), task_yellow_within())
