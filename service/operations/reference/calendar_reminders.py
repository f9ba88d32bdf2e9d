"""December reminder: next year's holiday notice (国务院办公厅节假日安排) is not loaded, so deadlines that
reach into next year are counted Monday–Friday. The admins who may load it (service.operations.calendar
.may_load: admins of a top-level body) get one notification each per year; the scheduler asks every sweep."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from service.calendar import calendar
from service.clock import today
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, Notification, Role, User
from service.operations.engines.notifications import notify

KIND = "calendar_missing"
SUBJECT = "calendar_year"
REMIND_IN_MONTH = 12


def missing_year(on: date) -> int | None:
    """Next year, when it is time to remind (December) and its calendar is only the Monday–Friday fallback."""
    year = on.year + 1
    if on.month != REMIND_IN_MONTH or calendar().basis_for_year(year) == "official":
        return None
    return year


def remind_admins(on: date | None = None) -> int:
    """Notify each active top-level admin not yet told this year; returns how many were notified."""
    year = missing_year(on or today())
    if year is None:
        return 0
    told = select(Notification.user_id).where(
        Notification.kind == KIND, Notification.subject_type == SUBJECT, Notification.subject_id == year
    )
    with transaction():
        admins = db.session.execute(
            select(User.id)
            .join(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
            .where(
                User.role == Role.admin,
                User.active.is_(True),
                Jurisdiction.parent_id.is_(None),
                User.id.not_in(told),
            )
        ).scalars()
        return notify(
            list(admins),
            KIND,
            f"{year}年节假日安排尚未载入",
            f"{year}年的节假日安排（国务院办公厅通知）尚未载入，延伸到{year}年的期限暂按周一至周五计算。"
            f"通知发布后请在“管理 → 节假日安排”中载入。",
            SUBJECT,
            year,
        )
