"""常用意见: each user's saved opinions, picked in the opinion boxes of the task page.

Per-user reference data: a user only ever lists, adds and deletes their own (another user's id is 404, as if
it did not exist). The rules (length, limit, duplicates) are workflows/opinions.py; the limit is the setting
SAVED_OPINIONS_MAX. An add or delete locks the user's own row (FOR NO KEY UPDATE OF users) so two adds at once
cannot pass the limit together; the unique index (user, text) is the duplicate rule's backstop (409)."""

from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy import select

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.models import SavedOpinion, User
from service.operations.engines import audit
from workflows import opinions as rules

SUBJECT = "user"


def limit() -> int:
    return int(current_app.config["SETTINGS"].saved_opinions_max)


def _user_id(actor: Actor) -> int:
    if actor.user_id is None:  # the system actor keeps no opinions
        raise NotFound()
    return actor.user_id


def mine(actor: Actor) -> list[SavedOpinion]:
    """My saved opinions in my order (one query)."""
    return list(
        db.session.execute(
            select(SavedOpinion)
            .where(SavedOpinion.user_id == _user_id(actor))
            .order_by(SavedOpinion.position, SavedOpinion.id)
        ).scalars()
    )


def examples_left(existing: list[SavedOpinion]) -> list[str]:
    """The examples 添加常用意见示例 would add to these opinions now."""
    return rules.examples_to_add([o.text for o in existing], limit())


def _lock_me(user_id: int) -> list[SavedOpinion]:
    """Lock my user row (adds and deletes of one user queue on it), then read my opinions."""
    db.session.execute(select(User.id).where(User.id == user_id).with_for_update(of=User, key_share=True))
    return list(
        db.session.execute(
            select(SavedOpinion).where(SavedOpinion.user_id == user_id).order_by(SavedOpinion.position, SavedOpinion.id)
        ).scalars()
    )


def _insert(actor: Actor, user_id: int, texts: list[str], after: int) -> list[SavedOpinion]:
    rows = [
        SavedOpinion(user_id=user_id, position=after + i + 1, text=text, created_at=now())
        for i, text in enumerate(texts)
    ]
    db.session.add_all(rows)
    db.session.flush()
    for row in rows:
        audit.record(
            actor,
            "user.opinion_add",
            SUBJECT,
            user_id,
            actor.jurisdiction_id,
            None,
            {"opinion_id": row.id, "text": row.text},
        )
    return rows


def _last_position(existing: list[SavedOpinion]) -> int:
    return max((o.position for o in existing), default=0)


def add(actor: Actor, text: str) -> SavedOpinion:
    """Save an opinion at the end of my list; 422 (field `text`) when blank, too long, already saved or over the
    limit."""
    user_id = _user_id(actor)
    with transaction():
        existing = _lock_me(user_id)
        value = rules.check_new(text, [o.text for o in existing], limit())
        row = _insert(actor, user_id, [value], _last_position(existing))[0]
    return row


def add_examples(actor: Actor) -> list[SavedOpinion]:
    """添加常用意见示例: the examples I have not saved yet, as many as my limit leaves room for (none: nothing
    changes). Asked for by the user, never done silently."""
    user_id = _user_id(actor)
    with transaction():
        existing = _lock_me(user_id)
        texts = rules.examples_to_add([o.text for o in existing], limit())
        rows = _insert(actor, user_id, texts, _last_position(existing)) if texts else []
    return rows


def delete(actor: Actor, opinion_id: int) -> dict[str, Any]:
    """Delete one of my saved opinions; someone else's (or none) is 404. Returns it as it was."""
    user_id = _user_id(actor)
    with transaction():
        _lock_me(user_id)
        row = db.session.execute(
            select(SavedOpinion).where(SavedOpinion.id == opinion_id, SavedOpinion.user_id == user_id)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound()
        audit.record(
            actor,
            "user.opinion_delete",
            SUBJECT,
            user_id,
            actor.jurisdiction_id,
            {"opinion_id": row.id, "text": row.text},
            None,
        )
        gone = {"id": row.id, "text": row.text, "position": row.position, "created_at": row.created_at}
        db.session.delete(row)
    return gone
