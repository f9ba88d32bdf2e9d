"""In-app notifications: written in the same transaction as what caused them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from sqlalchemy import Select, Table, func, insert, select, update

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.models import Notification, Role, User
from service.operations.batch_cache import cached
from service.operations.common import rowcount


def users_of(body_id: int, *roles: Role) -> list[int]:
    """Active users of a body with one of the roles (the people concerned by something there).
    Cached for the rest of a batch job (see batch_cache)."""

    def lookup() -> tuple[int, ...]:
        return tuple(
            db.session.execute(
                select(User.id)
                .where(User.jurisdiction_id == body_id, User.role.in_([r.value for r in roles]), User.active.is_(True))
                .order_by(User.id)
            ).scalars()
        )

    return list(cached(("users_of", body_id, roles), lookup))


TITLE_MAX = 200


def notify(
    user_ids: Iterable[int | None],
    kind: str,
    title: str,
    body: str | None = None,
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> int:
    """One notification per distinct user; returns how many were written. Titles longer than the column
    are shortened rather than failing the transaction that caused them."""
    recipients = sorted({u for u in user_ids if u is not None})
    title = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"
    if recipients:
        stamp = now()
        db.session.execute(
            insert(cast(Table, Notification.__table__)),  # Core: the ORM bulk path only adds cost here
            [
                {
                    "user_id": u,
                    "kind": kind,
                    "title": title,
                    "body": body,
                    "subject_type": subject_type,
                    "subject_id": subject_id,
                    "created_at": stamp,
                }
                for u in recipients
            ],
        )
    return len(recipients)


# --------------------------------------------------------------------------------------------------
# The recipient's side: a user sees and marks only their own notifications. Marking read is personal
# inbox state, not a change to business data, so it is not audited.


def _mine(actor: Actor) -> Select[Notification]:
    # The system actor (workers, CLI) has no inbox: user_id None matches nothing.
    return select(Notification).where(Notification.user_id == actor.user_id)


def query(actor: Actor, unread: bool | None = None) -> Select[Notification]:
    """My notifications, newest first (ids grow with creation; rows inserted together share created_at)."""
    stmt = _mine(actor)
    if unread is not None:
        stmt = stmt.where(Notification.read_at.is_(None) if unread else Notification.read_at.is_not(None))
    return stmt.order_by(Notification.id.desc())


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
    """Mark every unread notification of mine read in one UPDATE; returns how many changed."""
    with transaction():
        result = db.session.execute(
            update(Notification)
            .where(Notification.user_id == actor.user_id, Notification.read_at.is_(None))
            .values(read_at=now())
            .execution_options(synchronize_session=False)
        )
    return rowcount(result)


def unread_count(actor: Actor) -> int:
    return int(
        db.session.execute(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == actor.user_id, Notification.read_at.is_(None))
        ).scalar_one()
    )
