"""In-app notifications: written in the same transaction as what caused them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Update, and_, exists, func, or_, select, update
from sqlalchemy.orm import with_expression

from service import config_cache, pending
from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.models import ApprovalTask, Notification, Role
from service.operations.common import rowcount


def users_of(body_id: int, *roles: Role) -> list[int]:
    """Active users of a body with one of the roles (the people concerned by something there): cached."""
    return config_cache.staff(body_id, *(r.value for r in roles))


TITLE_MAX = 200
SUBJECT_MAX = 200


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def notify(
    user_ids: Iterable[int | None],
    kind: str,
    title: str,
    body: str | None = None,
    subject_type: str | None = None,
    subject_id: int | None = None,
    *,
    subject: str | None = None,
    task_id: int | None = None,
    task_of: Mapping[int, int] | None = None,
) -> int:
    """One notification per distinct user; returns how many were written. Titles and subjects longer than
    their columns are shortened rather than failing the transaction that caused them.

    `subject`: what it is about, in words (stored on the row: the listing needs no join). `task_id`: the
    approval task it asks the recipients to act on; `task_of` names it per recipient where each has their own
    (a countersign step). A notification with a task is settled when that task is decided or taken."""
    recipients = sorted({u for u in user_ids if u is not None})
    title = _fit(title, TITLE_MAX)
    subject = _fit(subject, SUBJECT_MAX) if subject else None
    stamp = now()
    for u in recipients:
        pending.add(
            Notification,
            {
                "user_id": u,
                "kind": kind,
                "title": title,
                "body": body,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "subject": subject,
                "task_id": task_of.get(u, task_id) if task_of else task_id,
                "created_at": stamp,
            },
        )
    return len(recipients)


# --------------------------------------------------------------------------------------------------
# Settling: what a notification asked for was done (by its recipient or by someone else).
#
# A notification naming a task is settled by the task row itself, as it is read: once the task is no longer
# open to its recipient — decided, cancelled with its step or case, claimed by or delegated to a colleague —
# (and open again when a claimed group task is given back). A decision writes nothing more for it: the
# decision is at its statement budget (tests/perf), and one row per task stays right whatever the number of
# notifications. Other notifications are settled by their subject's commands, one UPDATE each (settle),
# in the same transaction; rows notify() adds in that transaction are written at commit, after it.


def task_live() -> ColumnElement[bool]:
    """The notification's task is still open to its recipient (false for a notification without a task)."""
    return exists().where(
        ApprovalTask.id == Notification.task_id,
        ApprovalTask.status.in_(("open", "waiting")),
        or_(ApprovalTask.assignee_id.is_(None), ApprovalTask.assignee_id == Notification.user_id),
    )


def _settled() -> ColumnElement[bool]:
    return or_(Notification.settled_at.is_not(None), and_(Notification.task_id.is_not(None), ~task_live()))


def _settle(stmt: Update) -> None:
    db.session.execute(
        stmt.where(Notification.settled_at.is_(None))
        .values(settled_at=now())
        .execution_options(synchronize_session=False)
    )


def settle(
    subject_type: str,
    subject_id: int,
    kinds: Sequence[str] | None = None,
    *,
    escalations: bool = False,
    without_task: bool = False,
) -> None:
    """The notifications about a subject settle: those of `kinds` (all when None and not `escalations`), the
    escalation notices (escalation.*) when `escalations`; only those not tied to a task when `without_task`."""
    stmt = update(Notification).where(Notification.subject_type == subject_type, Notification.subject_id == subject_id)
    which: list[ColumnElement[bool]] = []
    if kinds:
        which.append(Notification.kind.in_(kinds))
    if escalations:
        which.append(Notification.kind.startswith("escalation."))
    if which:
        stmt = stmt.where(or_(*which))
    if without_task:
        stmt = stmt.where(Notification.task_id.is_(None))
    _settle(stmt)


# --------------------------------------------------------------------------------------------------
# The recipient's side: a user sees and marks only their own notifications. Marking read is personal
# inbox state, not a change to business data, so it is not audited.


def _mine(actor: Actor) -> Select[Notification]:
    # The system actor (workers, CLI) has no inbox: user_id None matches nothing.
    return (
        select(Notification)
        .where(Notification.user_id == actor.user_id)
        .options(with_expression(Notification.settled, _settled()))
    )


def query(actor: Actor, unread: bool | None = None) -> Select[Notification]:
    """My notifications, newest first (ids grow with creation; rows inserted together share created_at)."""
    stmt = _mine(actor)
    if unread is not None:
        stmt = stmt.where(_unread() if unread else ~_unread())
    return stmt.order_by(Notification.id.desc())


def _unread() -> Any:
    """Unread: neither read nor settled (what it asked for is done: 已处理)."""
    return and_(
        Notification.read_at.is_(None),
        Notification.settled_at.is_(None),
        or_(Notification.task_id.is_(None), task_live()),
    )


def mark_read(actor: Actor, ident: int) -> Notification:
    """Mark one of my notifications read. Idempotent: a second call keeps the first read time.
    Someone else's notification answers 404, like a missing one."""
    with transaction():
        row = db.session.execute(_mine(actor).where(Notification.id == ident)).scalar_one_or_none()
        if row is None:
            raise NotFound()
        if row.read_at is None:
            row.read_at = now()
    return row


def mark_all_read(actor: Actor) -> int:
    """Mark every unread (and unsettled) notification of mine read in one UPDATE; returns how many changed."""
    with transaction():
        result = db.session.execute(
            update(Notification)
            .where(Notification.user_id == actor.user_id, _unread())
            .values(read_at=now())
            .execution_options(synchronize_session=False)
        )
    return rowcount(result)


def mark_read_about(actor: Actor, kind: str, subject_type: str, subject_id: int) -> None:
    """Mark my unread notifications of `kind` about a subject read (in the caller's transaction): reading what
    they announced (a copy in 待阅) reads them too."""
    db.session.execute(
        update(Notification)
        .where(
            Notification.user_id == actor.user_id,
            Notification.kind == kind,
            Notification.subject_type == subject_type,
            Notification.subject_id == subject_id,
            Notification.read_at.is_(None),
        )
        .values(read_at=now())
        .execution_options(synchronize_session=False)
    )


def unread_count(actor: Actor) -> int:
    return int(
        db.session.execute(
            select(func.count()).select_from(Notification).where(Notification.user_id == actor.user_id, _unread())
        ).scalar_one()
    )
