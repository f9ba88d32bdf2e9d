"""People as users read them: display names by user id (pages show names, never usernames)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from service.extensions import db
from service.models import User


def display_names(user_ids: Iterable[int | None]) -> dict[int, str]:
    """{user id: display name} for the given ids, in one statement (also for none: a page's count stays fixed)."""
    ids = {i for i in user_ids if i is not None}
    rows = db.session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()
    return {int(i): str(name) for i, name in rows}


def display_name_of(username: str) -> str | None:
    """The display name of the user a record names by username (older records kept the username)."""
    name = db.session.execute(select(User.display_name).where(User.username == username)).scalar_one_or_none()
    return str(name) if name is not None else None
