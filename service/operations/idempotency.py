"""Idempotency keys in the database: claim, answer, release and purge (the HTTP side: service/idempotency.py).

The claim is its own short transaction, committed before the view runs: the unique index on (token, key) lets
exactly one of two concurrent requests with a key win, and the others find its row. The answer is stored in a
second transaction right after the view's; a crash in between leaves the key in progress, never a change that
could run twice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from service.clock import now
from service.extensions import db
from service.models.idempotency import DONE, IN_PROGRESS, IdempotencyKey

# Expired keys deleted per statement by the scheduler's purge (short transactions, bounded locks).
PURGE_BATCH = 1000


@dataclass(frozen=True)
class Stored:
    """What a claim found instead of winning: the other request's state and, when done, its answer."""

    fingerprint: str
    state: str
    status: int | None
    headers: dict[str, str]
    body: bytes


def claim(token_id: int, key: str, fingerprint: str, hours: float, attempts: int = 3) -> int | Stored:
    """Insert the key in progress and commit: its id when this request won it, or the row already there."""
    at = now()
    row = IdempotencyKey(
        token_id=token_id,
        key=key,
        fingerprint=fingerprint,
        state=IN_PROGRESS,
        created_at=at,
        expires_at=at + timedelta(hours=hours),
    )
    db.session.add(row)
    try:
        db.session.flush()
        key_id = row.id
        db.session.commit()
        return key_id
    except IntegrityError:
        db.session.rollback()
    found = db.session.execute(
        select(IdempotencyKey).where(IdempotencyKey.token_id == token_id, IdempotencyKey.key == key)
    ).scalar_one_or_none()
    if (found is None or found.expires_at <= at) and attempts > 1:
        # Released meanwhile, or expired and not purged yet: the key is free again.
        _forget(token_id, key, at)
        return claim(token_id, key, fingerprint, hours, attempts - 1)
    if found is None:  # claimed and released again and again meanwhile: let the caller retry later
        return Stored(fingerprint, IN_PROGRESS, None, {}, b"")
    stored = Stored(found.fingerprint, found.state, found.status, json.loads(found.headers or "{}"), found.body or b"")
    db.session.rollback()
    return stored


def _forget(token_id: int, key: str, at: datetime) -> None:
    db.session.execute(
        delete(IdempotencyKey).where(
            IdempotencyKey.token_id == token_id, IdempotencyKey.key == key, IdempotencyKey.expires_at <= at
        )
    )
    db.session.commit()


def answer(key_id: int, status: int, headers: dict[str, str], body: bytes) -> None:
    """The request finished: keep its answer for the retries."""
    db.session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.id == key_id)
        .values(state=DONE, status=status, headers=json.dumps(headers), body=body)
    )
    db.session.commit()


def release(key_id: int) -> None:
    """The request failed without a change to replay (a 5xx, an error before anything was committed): a retry
    with the key runs."""
    db.session.rollback()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == key_id))
    db.session.commit()


def purge_expired(batch_size: int = PURGE_BATCH) -> int:
    """Delete the keys past their expiry, a batch per transaction; the number deleted."""
    at = now()
    total = 0
    while True:
        ids = select(IdempotencyKey.id).where(IdempotencyKey.expires_at <= at).limit(batch_size)
        deleted = db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id.in_(ids.scalar_subquery())))
        db.session.commit()
        count = deleted.rowcount or 0  # type: ignore[attr-defined]
        total += count
        if count < batch_size:
            return total
