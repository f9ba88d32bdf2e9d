"""抄送 / 待阅 (copies): an actor copies a subject to people who must know; each recipient reads it in their
待阅 list. No task is created. The rules are workflows.copy's.

An engine: a workflow registers its subject (`register_subject`) with its own scoped look-up, the roles that
may copy it and those that may read it, and a batched description of its rows as they are now; the engine
imports no workflow. Copying locks the subject (its look-up `for_update`) so two copies of the same subject to
the same person cannot both be written; each recipient is checked by the subject's look-up run as that user
(an out-of-scope recipient is refused, named). Per new copy: a row, a notification (copy.received, linking
to the subject) and an audit record on the subject, in one transaction. A recipient who already holds an
unread copy of the subject is not copied again: the existing copy is answered (idempotent).

Reading: the recipient's 待阅 (unread first, newest first) and the read mark (personal inbox state, like a
notification's: not audited)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import Copy, Jurisdiction, Role, User
from service.operations.engines import audit, notifications, webhooks
from service.operations.reference import users
from workflows import copy as rules

Getter = Callable[..., Any]  # (actor, subject_id, *, for_update=False) -> the scoped row; 404 outside scope
# Subject ids -> (title, state label) as the rows are now; a missing id is gone (or never existed).
Describer = Callable[[list[int]], dict[int, tuple[str, str]]]


@dataclass(frozen=True)
class CopySubject:
    """What a workflow declares to make its subject copyable.

    `get`: its scoped look-up (404 outside scope), also run as each recipient. `copiers`: roles that may copy
    it (403 for the others). `readers`: roles that may be shown it at all (None: every role, the look-up
    narrows). `describe`: titles and state labels of a page of its rows. `page`: its console endpoint and the
    endpoint's id argument, `api_path`: its API address with `{id}`."""

    subject_type: str
    label_zh: str
    get: Getter
    copiers: tuple[Role, ...]
    readers: tuple[Role, ...] | None
    describe: Describer
    jurisdiction_of: Callable[[Any], int]
    page: tuple[str, str] | None = None
    api_path: str | None = None


SUBJECTS: dict[str, CopySubject] = {}
# The notification kind telling a recipient about a new copy.
RECEIVED = "copy.received"


def register_subject(subject: CopySubject) -> None:
    """Make a workflow's subject copyable (called from its register())."""
    SUBJECTS[subject.subject_type] = subject


def subject(subject_type: str) -> CopySubject:
    try:
        return SUBJECTS[subject_type]
    except KeyError:
        raise RuntimeError(f"no copy subject registered for {subject_type} (service/operations/registry.py)") from None


@dataclass(frozen=True)
class Copied:
    """The answer to a copy request: every recipient's copy (new or already unread) and how many are new."""

    copies: list[Copy]
    created: int


# -- copying ---------------------------------------------------------------------------------------------------


def _as_user(row: Any) -> Actor:
    return Actor(row.id, row.username, row.role, row.jurisdiction_id, row.path)


def _sees(kind: CopySubject, user: Actor, subject_id: int) -> bool:
    if kind.readers is not None and user.role not in kind.readers:
        return False
    try:
        kind.get(user, subject_id)
    except NotFound:
        return False
    return True


def _candidates(actor: Actor, kind: CopySubject, subject_id: int, user_ids: list[int]) -> dict[int, rules.Candidate]:
    """Who each requested user is (one query) and whether they see the subject (its look-up as that user).
    A refusal names a user by display name only when that user is in the sender's subtree or above the
    sender; otherwise by number, so ids cannot be probed for names."""
    rows = db.session.execute(
        select(
            User.id, User.username, User.display_name, User.role, User.active, User.jurisdiction_id, Jurisdiction.path
        )
        .join(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
        .where(User.id.in_(user_ids))
    ).all()
    out = {}
    for row in rows:
        known = actor.in_scope(row.path) or actor.jurisdiction_path.startswith(row.path)
        name = row.display_name if known else f"用户 {row.id}"
        sees = bool(row.active) and _sees(kind, _as_user(row), subject_id)
        out[row.id] = rules.Candidate(name, bool(row.active), sees)
    return out


def copy(actor: Actor, subject_type: str, subject_id: int, user_ids: list[int], note: str | None = None) -> Copied:
    """抄送 a subject to users. 404 when the subject is outside the actor's scope, 403 for a role that may not
    copy it, 422 naming the recipient who may not receive it (oneself, unknown, inactive, cannot see it).
    Recipients holding an unread copy keep it (no second row, no second notification)."""
    kind = subject(subject_type)
    if actor.role not in kind.copiers:
        raise Forbidden(f"您的角色不能抄送{kind.label_zh}")
    with transaction():
        row = kind.get(actor, subject_id, for_update=True)
        text = rules.clean_note(note)
        distinct = rules.requested(user_ids)
        recipients = rules.check_recipients(actor.user_id, distinct, _candidates(actor, kind, subject_id, distinct))
        existing = {
            c.recipient_id: c
            for c in db.session.execute(
                select(Copy).where(
                    Copy.subject_type == subject_type,
                    Copy.subject_id == subject_id,
                    Copy.recipient_id.in_(recipients),
                    Copy.read_at.is_(None),
                )
            ).scalars()
        }
        new_for = rules.to_write(recipients, set(existing))
        if new_for:
            _write(actor, kind, row, subject_id, new_for, text, existing)
        return Copied([existing[u] for u in recipients], len(new_for))


def _write(
    actor: Actor,
    kind: CopySubject,
    row: Any,
    subject_id: int,
    new_for: list[int],
    text: str | None,
    into: dict[int, Copy],
) -> None:
    jurisdiction_id = kind.jurisdiction_of(row)
    stamp = now()
    for user_id in new_for:
        into[user_id] = Copy(
            subject_type=kind.subject_type,
            subject_id=subject_id,
            jurisdiction_id=jurisdiction_id,
            recipient_id=user_id,
            sender_id=actor.user_id,
            note=text,
            created_at=stamp,
        )
        db.session.add(into[user_id])
    db.session.flush()
    names = users.display_names([actor.user_id, *new_for])
    sender = names.get(actor.user_id or 0, actor.label)
    title_of = kind.describe([subject_id]).get(subject_id, (f"{kind.label_zh} #{subject_id}", ""))[0]
    notifications.notify(
        new_for,
        RECEIVED,
        f"抄送：{sender}抄送给您{kind.label_zh}「{title_of}」，请阅知",
        text,
        kind.subject_type,
        subject_id,
        subject=title_of,
    )
    for user_id in new_for:
        audit.record(
            actor,
            f"{kind.subject_type}.copy",
            kind.subject_type,
            subject_id,
            jurisdiction_id,
            None,
            {"copy_id": into[user_id].id, "recipient_id": user_id, "recipient": names.get(user_id, str(user_id))},
            text,
        )
    webhooks.publish_at(
        "copy.sent",
        {
            "subject_type": kind.subject_type,
            "subject_id": subject_id,
            "copy_ids": [into[u].id for u in new_for],
            "recipient_ids": new_for,
            "actor_id": actor.user_id,
            "note": text,
        },
        jurisdiction_id,
    )


@dataclass(frozen=True)
class Colleague:
    """Someone the copy form offers: by display name, with their body."""

    user_id: int
    name: str
    body: str


CANDIDATES_MAX = 300


def candidates(actor: Actor, subject_type: str, subject_id: int) -> list[Colleague]:
    """Whom the 抄送 form offers for a subject (404 outside the actor's scope): the active people of its body
    and of the bodies above it, in the roles that read it, nearest body first, the actor and portals aside
    (two queries). The copy itself still checks each one with the subject's look-up (a draft ticket is the
    issuing side's alone, for instance)."""
    kind = subject(subject_type)
    row = kind.get(actor, subject_id)
    path = db.session.execute(
        select(Jurisdiction.path).where(Jurisdiction.id == kind.jurisdiction_of(row))
    ).scalar_one()
    ancestors = [p + "/" for p in _prefixes(path)]
    stmt = (
        select(User.id, User.display_name, Jurisdiction.name)
        .join(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
        .where(User.active.is_(True), User.role != Role.portal, Jurisdiction.path.in_(ancestors))
        .order_by(func.length(Jurisdiction.path).desc(), User.display_name, User.id)
        .limit(CANDIDATES_MAX)
    )
    if actor.user_id is not None:
        stmt = stmt.where(User.id != actor.user_id)
    if kind.readers is not None:
        stmt = stmt.where(User.role.in_(kind.readers))
    return [Colleague(r.id, r.display_name, r.name) for r in db.session.execute(stmt)]


def _prefixes(path: str) -> list[str]:
    """ "/1/3/5/" -> ["/1", "/1/3", "/1/3/5"] (a jurisdiction's path and its ancestors', without the slash)."""
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


# -- the recipient's side: 待阅 --------------------------------------------------------------------------------


def query(actor: Actor, unread: bool | None = None) -> Select[Any]:
    """My copies: unread first, then newest first. The system actor has none (user_id None matches nothing)."""
    stmt = select(Copy).where(Copy.recipient_id == actor.user_id)
    if unread is not None:
        stmt = stmt.where(Copy.read_at.is_(None) if unread else Copy.read_at.is_not(None))
    return stmt.order_by(case((Copy.read_at.is_(None), 0), else_=1), Copy.id.desc())


def unread_count(actor: Actor) -> int:
    return int(
        db.session.execute(
            select(func.count()).select_from(Copy).where(Copy.recipient_id == actor.user_id, Copy.read_at.is_(None))
        ).scalar_one()
    )


@dataclass(frozen=True)
class Listed:
    """A copy as its 待阅 row shows it: the subject as it is now (title and state), the sender by name."""

    copy: Copy
    label_zh: str
    title: str
    state_label: str
    sender_name: str | None
    page: tuple[str, str] | None
    api_path: str | None
    gone: bool

    @property
    def read(self) -> bool:
        return self.copy.read_at is not None


def present(rows: list[Copy]) -> list[Listed]:
    """A page of copies with their subjects as they are now: one query per subject type on the page and one
    for the senders' names, whatever the number of rows."""

    by_type: dict[str, list[int]] = {}
    for c in rows:
        by_type.setdefault(c.subject_type, []).append(c.subject_id)
    described = {t: SUBJECTS[t].describe(sorted(set(ids))) for t, ids in by_type.items() if t in SUBJECTS}
    names = users.display_names(sorted({c.sender_id for c in rows if c.sender_id is not None}))
    out = []
    for c in rows:
        kind = SUBJECTS.get(c.subject_type)
        found = described.get(c.subject_type, {}).get(c.subject_id)
        out.append(
            Listed(
                c,
                kind.label_zh if kind else c.subject_type,
                found[0] if found else f"#{c.subject_id}",
                found[1] if found else "",
                names.get(c.sender_id) if c.sender_id is not None else None,
                kind.page if kind else None,
                kind.api_path.format(id=c.subject_id) if kind and kind.api_path else None,
                found is None,
            )
        )
    return out


def mark_read(actor: Actor, copy_id: int) -> Copy:
    """Mark one of my copies read, and my notification announcing it (copy.received). Idempotent: a second call
    keeps the first read time. Someone else's copy answers 404, like a missing one."""
    with transaction():
        row = db.session.execute(
            select(Copy).where(Copy.id == copy_id, Copy.recipient_id == actor.user_id)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound()
        if row.read_at is None:
            row.read_at = now()
            notifications.mark_read_about(actor, RECEIVED, row.subject_type, row.subject_id)
    return row
