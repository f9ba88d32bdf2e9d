"""Terms (任期) of the party organisations: the due list (换届提醒), the reminders the scheduler sends (6 and 3
months before the due date, monthly once it has passed, each once), the counts on the supervision board, and the
escalation ladder of an overdue term (a `TermWatch` row per organisation carries the ladder's plan).

Exactly once: a watch row per organisation (unique), and its `reminder_key` ("<due date>/<reminder>") moved by
a conditional UPDATE — only the sweep whose UPDATE changed the key sends the reminder, in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, Table, and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import now, today
from service.config import rule_settings
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Role
from service.models.re_election import ReElection, TermWatch
from service.operations.common import get_scoped, rowcount
from service.operations.engines import escalation, notifications, webhooks
from workflows import deadlines
from workflows import re_election as rules
from workflows.re_election import RE_ELECTION, TERM_LADDER, DueStatus
from workflows.workdays import WorkdayCalendar

WORKFLOW = RE_ELECTION.name
ITEM = TERM_LADDER.item_type
ACTIVE = "active"
REMINDER_KIND = "term_reminder"


def settings() -> rules.ReElectionSettings:
    """The reminders and limits in force (RE_ELECTION_SETTINGS)."""
    return cast(rules.ReElectionSettings, rule_settings(WORKFLOW))


# -- the due list ----------------------------------------------------------------------------------------------


def _due_orgs(actor: Actor, on: date) -> Select[Any]:
    horizon = rules.window_end(on, settings().due_within_months)
    stmt = select(PartyOrg).where(
        PartyOrg.status == ACTIVE, PartyOrg.term_due_on.is_not(None), PartyOrg.term_due_on <= horizon
    )
    return in_scope(stmt, PartyOrg.jurisdiction_id, actor)


def due_query(actor: Actor, f: dict[str, Any]) -> Select[Any]:
    """Organisations in the actor's scope whose term ends within the window or has passed, the earliest first;
    `status` narrows to due or overdue, `jurisdiction_id` to a body's subtree."""
    on = today()
    stmt = _due_orgs(actor, on)
    if f.get("status") == DueStatus.OVERDUE:
        stmt = stmt.where(PartyOrg.term_due_on < on)
    elif f.get("status") == DueStatus.DUE:
        stmt = stmt.where(PartyOrg.term_due_on >= on)
    if f.get("jurisdiction_id"):
        body = get_scoped(Jurisdiction, f["jurisdiction_id"], actor, "id")
        below = select(Jurisdiction.id).where(Jurisdiction.path.startswith(body.path, autoescape=True))
        stmt = stmt.where(PartyOrg.jurisdiction_id.in_(below))
    return stmt.order_by(PartyOrg.term_due_on, PartyOrg.id)


def due_rows(orgs: list[PartyOrg]) -> list[dict[str, Any]]:
    """A page of the due list: each organisation, its status, its escalation and its open request (two
    queries whatever the page holds)."""
    ids = [o.id for o in orgs]
    on = today()
    watches = (
        {
            w.party_org_id: w
            for w in db.session.execute(select(TermWatch).where(TermWatch.party_org_id.in_(ids))).scalars()
        }
        if ids
        else {}
    )
    open_requests: dict[int, ReElection] = {}
    if ids:
        for r in db.session.execute(
            select(ReElection)
            .where(ReElection.party_org_id.in_(ids), ReElection.state.in_(rules.OPEN_STATES))
            .order_by(ReElection.id)
        ).scalars():
            open_requests[r.party_org_id] = r
    out = []
    for o in orgs:
        status = rules.due_status(o.term_due_on, on, settings())
        watch, request = watches.get(o.id), open_requests.get(o.id)
        out.append(
            {
                "party_org": {"id": o.id, "name": o.name, "kind": o.kind},
                "jurisdiction": _body(o.jurisdiction_id),
                "term_years": o.term_years,
                "term_start": o.term_start,
                "term_due_on": o.term_due_on,
                "status": status,
                "status_label": rules.DUE_LABELS_ZH.get(status or "", ""),
                "escalation_level": watch.escalation_level if watch else None,
                "open_request": (
                    {
                        "id": request.id,
                        "kind": request.kind,
                        "state": request.state,
                        "state_label": RE_ELECTION.state_label(request.state),
                    }
                    if request
                    else None
                ),
            }
        )
    return out


def due_export_rows(actor: Actor, f: dict[str, Any], chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every organisation of the due list's filters, in its order, for the Excel export: the list's own rows,
    read a chunk at a time (two queries per chunk)."""
    orgs: list[PartyOrg] = list(db.session.execute(due_query(actor, f)).scalars())
    for at in range(0, len(orgs), chunk):
        yield from due_rows(orgs[at : at + chunk])


def _body(body_id: int) -> dict[str, Any]:
    place = config_cache.place(body_id)
    return {"id": place.id, "name": place.name, "code": place.code}


def due_counts(actor: Actor) -> dict[str, int]:
    """How many organisations in scope are due within the window and how many are overdue (one query)."""
    on = today()
    stmt = _due_orgs(actor, on).with_only_columns(
        func.count().filter(PartyOrg.term_due_on < on), func.count().filter(PartyOrg.term_due_on >= on)
    )
    overdue, due = db.session.execute(stmt).one()
    return {"due": int(due or 0), "overdue": int(overdue or 0)}


# -- the watch: reminders and the ladder ------------------------------------------------------------------------


def _insert_watches(orgs: list[tuple[int, int]]) -> None:
    """A watch for each organisation lacking one (INSERT … ON CONFLICT DO NOTHING: two sweeps cannot clash)."""
    if not orgs:
        return
    dialect = db.session.get_bind().dialect.name
    table = cast(Table, TermWatch.__table__)
    at = now()
    rows = [
        {"party_org_id": org, "jurisdiction_id": body, "version": 1, "created_at": at, "updated_at": at}
        for org, body in orgs
    ]
    stmt = (pg_insert if dialect == "postgresql" else sqlite_insert)(table).values(rows)
    db.session.execute(stmt.on_conflict_do_nothing(index_elements=["party_org_id"]))


def sync(org: PartyOrg) -> None:
    """After a change of an organisation's due date (a re-election, a postponement), in its transaction: the
    watch follows at once (a new due date starts a new ladder and new reminders)."""
    db.session.flush()  # the organisation's new values first: loading its watch joins the organisation
    _insert_watches([(org.id, org.jurisdiction_id)])
    watch = db.session.execute(select(TermWatch).where(TermWatch.party_org_id == org.id)).scalar_one()
    _follow(watch, org)


def _follow(watch: TermWatch, org: PartyOrg) -> None:
    watch.term_due_on = org.term_due_on if org.status == ACTIVE else None
    watch.jurisdiction_id = org.jurisdiction_id
    escalation.replan(ITEM, watch)


def remind(on: date | None = None) -> int:
    """The scheduler's sweep: each active organisation whose term is within the reminders' reach gets the
    reminder that has fallen due, once; its watch follows its due date and plans the ladder. Each organisation
    is looked at once a day. Returns how many reminders were sent."""
    on = on or today()
    s = settings()
    reach = rules.window_end(on, max(s.remind_months_before, default=s.due_within_months))
    sent = 0
    with transaction():
        candidates = db.session.execute(
            select(PartyOrg.id, PartyOrg.jurisdiction_id)
            .outerjoin(TermWatch, TermWatch.party_org_id == PartyOrg.id)
            .where(
                PartyOrg.status == ACTIVE,
                PartyOrg.term_due_on.is_not(None),
                PartyOrg.term_due_on <= reach,
                or_(
                    TermWatch.id.is_(None),
                    TermWatch.checked_on.is_(None),
                    TermWatch.checked_on < on,
                    TermWatch.term_due_on.is_(None),
                    TermWatch.term_due_on != PartyOrg.term_due_on,
                ),
            )
        ).all()
        if not candidates:
            return 0
        _insert_watches([(r[0], r[1]) for r in candidates])
        # The counter rides on the locking statement (decision 0047): the recipients and the calendar the
        # reminders and plans read below are as fresh as this transaction.
        locked = db.session.execute(
            select(TermWatch, config_cache.version_column())
            .where(TermWatch.party_org_id.in_([r[0] for r in candidates]))
            .with_for_update(of=TermWatch, skip_locked=True)
            .execution_options(populate_existing=True)
        ).all()
        if locked:
            config_cache.observe(locked[0][1])
        for watch in (cast(TermWatch, row[0]) for row in locked):
            org = watch.party_org
            if org.term_due_on != watch.term_due_on:
                _follow(watch, org)
            watch.checked_on = on
            due_on = org.term_due_on
            reminder = rules.reminder_due(due_on, on, s) if due_on else None
            if due_on and reminder is not None and _claim(watch, f"{due_on.isoformat()}/{reminder.key}"):
                _send(org, reminder)
                sent += 1
        db.session.flush()
    return sent


def _claim(watch: TermWatch, key: str) -> bool:
    """Move the watch's reminder key to `key` unless it is there already: True for the one caller that moved
    it (a core UPDATE: bookkeeping, the row's version stays)."""
    table = cast(Table, TermWatch.__table__)
    result = db.session.execute(
        update(table)
        .where(table.c.id == watch.id, or_(table.c.reminder_key.is_(None), table.c.reminder_key != key))
        .values(reminder_key=key)
    )
    if rowcount(result) != 1:
        return False
    db.session.expire(watch, ["reminder_key"])
    return True


def _send(org: PartyOrg, reminder: rules.Reminder) -> None:
    """A term reminder (换届提醒) to the body the organisation belongs to: its handlers and admins."""
    recipients = notifications.users_of(org.jurisdiction_id, Role.handler, Role.admin)
    notifications.notify(
        recipients,
        REMINDER_KIND,
        f"换届提醒：{org.name}",
        f"{reminder.label_zh}，请督促按期换届。",
        "party_org",
        org.id,
        subject=org.name,
    )


def _escalation_deadline(w: TermWatch, _cal: WorkdayCalendar) -> date | None:
    """An overdue term climbs from its due date; none while the due date is unknown or the organisation gone."""
    return w.term_due_on


def _notify(w: TermWatch, level: str, _on: date) -> None:
    """Effect "notify": 催办 to the body the organisation belongs to; 预警 to the supervisors there and above."""
    org = w.party_org
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = f"{label}：{org.name}任期已于{w.term_due_on}届满，应换届未换届"
    recipients = notifications.users_of(w.jurisdiction_id, Role.handler, Role.admin)
    if level != "reminder":
        parent = escalation.parent_of(w.jurisdiction_id)
        for body in {b for b in (w.jurisdiction_id, parent) if b is not None}:
            recipients += notifications.users_of(body, Role.supervisor)
    notifications.notify(recipients, f"escalation.{level}", title, None, "party_org", org.id, subject=org.name)
    webhooks.publish_at(
        f"escalation.{level}",
        {"item_type": ITEM, "item_id": w.id, "party_org_id": org.id, "level": level, "title": org.name},
        w.jurisdiction_id,
    )


def overdue_watches(actor: Actor) -> Select[Any]:
    """Escalated overdue terms in scope (the board's and the due page's escalated mark)."""
    return in_scope(select(TermWatch), TermWatch.jurisdiction_id, actor).where(
        and_(TermWatch.escalation_level.is_not(None), TermWatch.term_due_on < today())
    )


def register() -> None:
    """Overdue terms escalate (催办 → 预警). Called once by service.operations.registry."""
    escalation.register(
        escalation.ItemType(
            ITEM,
            TermWatch,
            lambda w: ("party_org", w.party_org_id),
            _escalation_deadline,
            lambda w: None,
            lambda w: w.jurisdiction_id,
            {"notify": _notify},
        )
    )


def organisation(actor: Actor, org_id: int) -> PartyOrg:
    """An organisation in the actor's scope (404 otherwise), for the request form."""
    return get_scoped(PartyOrg, org_id, actor)
