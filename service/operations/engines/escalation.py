"""The escalation engine: stalled and overdue items climb their ladder (reminder → warning → … ).

Ladders are declared with their workflow (`WorkflowDefinition.escalation`, workflows.deadlines.EscalationLadder:
levels, delays, the effect each level runs) and read from workflows.registry through the settings in force.
Workflows register their item types (`register(ItemType(...))` from their module's `register()`): the
model, the deadline the ladder runs on, the audit subject, the scope and the effect of each declared name —
supervision tickets (up to interview and accountability), approval steps (reminder, then the body above),
establishment cases stuck in preparation. This module imports no workflow module.

The database is the source of truth. Every watched row carries its plan (`next_escalation_at`,
`next_escalation_level`, from `replan`); the sweep claims due rows with one UPDATE on the partial index
(`claim_due`: it sets a lease, `escalation_leased_until`, so a row is enqueued at most once while its job
is pending) and enqueues their ids in batches; the job escalates each row in its own short transaction:
it locks the row (SKIP LOCKED: a row another worker holds is left to it), re-checks that the step is still
due, and writes the EscalationEvent — whose unique key (item, deadline, level) admits each step once —
together with the step's effects, the new plan and the cleared lease. A job that runs twice, a second
scheduler, or a worker killed mid-job therefore changes nothing twice: an interrupted transaction leaves
no trace, and the row's lease expires so a later sweep claims it again."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from flask import current_app
from sqlalchemy import ScalarResult, Table, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from service import config_cache
from service.auth import system_actor
from service.calendar import calendar
from service.clock import now
from service.clock import today as clock_today
from service.db import transaction
from service.extensions import db
from service.models import EscalationEvent, Jurisdiction
from service.operations.common import rowcount
from service.operations.engines import audit
from workflows import deadlines
from workflows.registry import LADDERS
from workflows.workdays import WorkdayCalendar


def settings() -> deadlines.EscalationSettings:
    """The ladders in force (ESCALATION_SETTINGS)."""
    return current_app.config["SETTINGS"].escalation


# What a level does to an item (notify, propose an interview…): (item, level, today), registered by name.
Effect = Callable[[Any, str, date], None]


@dataclass(frozen=True)
class ItemType:
    name: str  # the item type of a declared ladder (workflows.registry.LADDERS)
    model: type[Any]
    subject: Callable[[Any], tuple[str, int]]  # the audit subject (type, id) the escalation is recorded against
    deadline: Callable[[Any, WorkdayCalendar], date | None]
    start_level: Callable[[Any], str | None]
    scope: Callable[[Any], int]
    effects: Mapping[str, Effect]  # by the effect names its ladder declares
    # True when the deadline in force was set at an interview: missing it means accountability at once,
    # not another round of reminders (supervision tickets).
    final_deadline: Callable[[Any, date], bool] = lambda _item, _deadline: False


def replan(item_type: str, item: Any, cal: WorkdayCalendar | None = None) -> None:
    """Bring the row's plan in line with its current state and deadline. Call it, in the same transaction,
    after any change to an item's state or deadline: the sweep only reads the plan."""
    kind = ITEM_TYPES[item_type]
    cal = cal or calendar()
    deadline = kind.deadline(item, cal)
    if deadline is None:
        item.next_escalation_at = item.next_escalation_level = None
        return
    if item.escalation_deadline != deadline:
        # A new deadline (extension, interview, resubmission) starts a new ladder.
        item.escalation_deadline, item.escalation_level, item.escalation_reached_on = deadline, None, None
    if kind.final_deadline(item, deadline):
        step = None if item.escalation_level else deadlines.accountability_scheduled(deadline, cal)
    else:
        step = deadlines.next_escalation(
            settings().ladder_for(kind.name),
            deadline,
            item.escalation_level,
            cal,
            kind.start_level(item),
            reached_on=item.escalation_reached_on,
        )
    item.next_escalation_at = step.due_on if step else None
    item.next_escalation_level = step.level if step else None


# -- what effects share ---------------------------------------------------------------------------------------


def parent_of(body_id: int) -> int | None:
    """The body above `body_id` (escalations go up one level)."""
    return db.session.execute(select(Jurisdiction.parent_id).where(Jurisdiction.id == body_id)).scalar_one_or_none()


ITEM_TYPES: dict[str, ItemType] = {}


def missing_effects(kind: ItemType) -> list[str]:
    """Effect names its declared ladder uses that the item type does not implement (all of them when no
    ladder is declared under its name)."""
    ladder = next((d for d in LADDERS if d.item_type == kind.name), None)
    if ladder is None:
        return [f"<no ladder declared for {kind.name!r}>"]
    return sorted(ladder.effects - set(kind.effects))


def register(kind: ItemType) -> None:
    """A workflow's escalating item type (called by the workflow module's `register`, never at import).
    Its ladder must be declared and every effect it names implemented: start-up fails otherwise."""
    missing = missing_effects(kind)
    if missing:
        raise RuntimeError(f"escalation item {kind.name!r} lacks effects {missing}")
    ITEM_TYPES[kind.name] = kind


# -- the sweep and the job -------------------------------------------------------------------------------------


def due(item_type: str, today: date, limit: int = 1000) -> list[int]:
    """Ids of rows whose next step is due: a range scan of the partial index on next_escalation_at.
    Read-only (reports, tests); the sweep uses `claim_due`."""
    model = ITEM_TYPES[item_type].model
    return list(
        db.session.execute(
            select(model.id)
            .where(model.next_escalation_at <= today)
            .order_by(model.next_escalation_at, model.id)
            .limit(limit)
        ).scalars()
    )


def claim_due(item_type: str, today: date, at: datetime, lease_until: datetime) -> list[int]:
    """Lease every due row that no pending job holds, and return their ids (committed).

    One statement: `UPDATE … SET escalation_leased_until = :lease_until WHERE id IN (SELECT id … WHERE
    next_escalation_at <= :today AND (escalation_leased_until IS NULL OR escalation_leased_until < :at)
    FOR UPDATE SKIP LOCKED) RETURNING id` (PostgreSQL; SQLite ≥ 3.35 runs it without the row locks, its
    writers being serialised). Two schedulers sweeping at once therefore never claim the same row, and a
    row whose job was lost (killed worker, Redis restarted empty) comes back once its lease has expired.
    A core UPDATE on purpose: the lease is bookkeeping, not a change of the item, so `version` (the ETag)
    stays as it is."""
    model = ITEM_TYPES[item_type].model
    table = model.__table__
    due_rows = (
        select(table.c.id)
        .where(
            table.c.next_escalation_at <= today,
            (table.c.escalation_leased_until.is_(None)) | (table.c.escalation_leased_until < at),
        )
        .with_for_update(skip_locked=True)
    )
    with transaction():
        ids: ScalarResult[int] = db.session.execute(
            update(table)
            .where(table.c.id.in_(due_rows.scalar_subquery()))
            .values(escalation_leased_until=lease_until)
            .returning(table.c.id)
        ).scalars()
        return sorted(ids)


def release(item_type: str, ids: list[int], held_until: datetime | None = None) -> int:
    """Clear the leases of rows whose jobs will not run (enqueueing failed, job lost or failed) or skipped
    them (locked). With `held_until`, only the rows still under that claim's lease: a late callback for an
    old job never frees a row a newer sweep has claimed since. Returns how many leases were cleared."""
    if not ids:
        return 0
    table = ITEM_TYPES[item_type].model.__table__
    held = [table.c.escalation_leased_until == held_until] if held_until is not None else []
    with transaction():
        result = db.session.execute(
            update(table).where(table.c.id.in_(ids), *held).values(escalation_leased_until=None)
        )
        return rowcount(result)


def _lock_and_release(kind: ItemType, item_id: int) -> Any:
    """Lock the row (SKIP LOCKED: a row another worker holds is left to it) and end its lease, in one
    statement: `UPDATE … SET escalation_leased_until = NULL WHERE id = (SELECT id … FOR UPDATE SKIP LOCKED)
    RETURNING …`, loaded as the ORM object. None when another worker holds it (or it is gone). An ORM
    bulk UPDATE on purpose: the lease is bookkeeping, so the row's version (ETag) does not move.
    The configuration counter rides on the RETURNING, as on a command's locking statement (decision 0047):
    the calendar, recipients and body paths the step reads next are as fresh as its transaction."""
    model = kind.model
    table = model.__table__
    locked = select(table.c.id).where(table.c.id == item_id).with_for_update(skip_locked=True)
    found = db.session.execute(
        update(model)
        .where(model.id.in_(locked.scalar_subquery()))
        .values(escalation_leased_until=None)
        .returning(model, config_cache.version_column())
        .execution_options(populate_existing=True, synchronize_session=False)
    ).one_or_none()
    if found is None:
        return None
    config_cache.observe(found[1])
    return found[0]


def _record_step(item_type: str, item: Any, kind: ItemType, level: str, deadline: date, today: date) -> bool:
    """Insert the step's EscalationEvent; False if it exists already (INSERT … ON CONFLICT DO NOTHING on
    the unique key: no savepoint round trips, and a concurrent run cannot fail the transaction)."""
    dialect = db.session.get_bind().dialect.name
    values = {
        "item_type": item_type,
        "item_id": item.id,
        "deadline": deadline,
        "level": level,
        "happened_on": today,
        "created_at": now(),
        "jurisdiction_id": kind.scope(item),
        "detail": {"due_on": item.next_escalation_at.isoformat()},
    }
    table = cast(Table, EscalationEvent.__table__)
    stmt = (pg_insert if dialect == "postgresql" else sqlite_insert)(table).values(values)
    inserted = db.session.execute(stmt.on_conflict_do_nothing().returning(table.c.id)).first()
    return inserted is not None


def escalate(item_type: str, item_id: int, today: date | None = None, cal: WorkdayCalendar | None = None) -> str:
    """Perform the row's due step exactly once. Returns the level performed, or why nothing was done.

    `today` is the date the job RUNS on (the clock's, by default), not the date the sweep saw: a job that
    waited in the queue over midnight records the day it acted and plans the next level from it. Pass it
    only in simulations and tests. `cal`: the calendar, when a batch job looked it up once for its rows;
    otherwise it is read after the row is locked, as fresh as the transaction.

    Statements per escalated row (PostgreSQL): the lock-and-release UPDATE, the event INSERT, the effects'
    inserts (their lookups come from service/config_cache.py; notifications, deliveries and the audit record
    are written at commit, service/pending.py), the row's UPDATE, and the COMMIT."""
    kind = ITEM_TYPES[item_type]
    today = today or clock_today()
    with transaction():
        item = _lock_and_release(kind, item_id)
        if item is None:
            return "locked"
        cal = cal or calendar()  # after the lock: the caches now match this transaction (decision 0047)
        if item.next_escalation_at is None or item.next_escalation_at > today:
            return "not_due"  # done already, or the plan changed since the sweep
        if kind.deadline(item, cal) != item.escalation_deadline:
            replan(item_type, item, cal)  # a stale plan (the item moved on without replanning): repair, do nothing
            return "replanned"
        level, deadline = item.next_escalation_level, item.escalation_deadline
        if not _record_step(item_type, item, kind, level, deadline, today):
            # Recorded by an earlier run whose plan update was lost: adopt it, do not repeat its effects.
            happened = db.session.execute(
                select(EscalationEvent.happened_on).where(
                    EscalationEvent.item_type == item_type,
                    EscalationEvent.item_id == item.id,
                    EscalationEvent.deadline == deadline,
                    EscalationEvent.level == level,
                )
            ).scalar_one()
            item.escalation_level, item.escalation_reached_on = level, happened
            replan(item_type, item, cal)
            return "duplicate"
        kind.effects[settings().for_item(item_type).effect_of(level)](item, level, today)
        before = {"escalation_level": item.escalation_level, "next_escalation_at": item.next_escalation_at.isoformat()}
        item.escalation_level, item.escalation_reached_on = level, today
        replan(item_type, item, cal)
        subject_type, subject_id = kind.subject(item)
        audit.record(
            system_actor("escalation"),
            f"escalation.{level}",
            subject_type,
            subject_id,
            kind.scope(item),
            before,
            {
                "escalation_level": level,
                "deadline": deadline.isoformat(),
                "next_escalation_at": item.next_escalation_at.isoformat() if item.next_escalation_at else None,
                "next_escalation_level": item.next_escalation_level,
            },
            deadlines.LEVEL_LABELS.get(level, level),
        )
        db.session.flush()
        return level
