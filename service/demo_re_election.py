"""The demo city's terms and re-elections (换届), told at the end of the demo's timeline (service/demo.py): the
scheduler's term reminders, the organisations whose term has passed (the branches founded in July 2023) up
their ladder, and a re-election request of 石桥乡 in approval, waiting for the township committee's vote
(石桥乡 gets an approver of its own for it: the other approvers' 待办 stay as the walk-throughs tell them).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from service.auth import Actor
from service.extensions import db
from service.models import PartyOrg, Unit, User
from service.operations.engines import escalation
from service.operations.flows.re_election import requests, terms
from workflows.re_election import TERM_LADDER, NewRequest

SHIQIAO = "350102002"
CANDIDATES = ["刘建军", "陈晓红", "王海峰", "赵丽", "孙志远", "周敏"]


def _oldest_term(body_id: int) -> PartyOrg | None:
    return db.session.execute(
        select(PartyOrg)
        .where(PartyOrg.jurisdiction_id == body_id, PartyOrg.status == "active", PartyOrg.term_due_on.is_not(None))
        .order_by(PartyOrg.term_due_on, PartyOrg.id)
        .limit(1)
    ).scalar_one_or_none()


def _slate(org: PartyOrg) -> dict[str, Any]:
    formal = db.session.execute(
        select(func.coalesce(func.sum(Unit.formal_members), 0)).where(Unit.party_org_id == org.id)
    ).scalar_one()
    size = 5 if formal >= 7 else 0
    return {
        "committee_size": size,
        "secretary": CANDIDATES[0],
        "candidates": CANDIDATES if size else CANDIDATES[:2],
    }


def _sweep(day: date) -> None:
    """The scheduler's work on `day`: the term reminders, then every due step of the overdue terms' ladder."""
    terms.remind()
    while due := escalation.due(TERM_LADDER.item_type, day):
        for ident in due:
            escalation.escalate(TERM_LADDER.item_type, ident, day)


def re_elections(c: Any, ids: dict[str, int]) -> None:
    """Called once at the end of the demo's work (service/demo.py `_work`), now, after its last step (the audit
    trail is one history in time order); `c` is its cast. Today's sweep: every term within reach watched and
    reminded, every overdue term up its ladder (催办, then 预警 for the long overdue), so the scheduler's first
    sweep after `make run` finds nothing due; then 石桥乡's request."""
    _sweep(c.t.today)
    _request_in_approval(ids)


def _request_in_approval(ids: dict[str, int]) -> None:
    org = _oldest_term(ids[SHIQIAO])
    if org is None:
        return
    admin = db.session.execute(select(User).where(User.username == "admin")).scalar_one()
    actor = Actor(admin.id, admin.username, admin.role, admin.jurisdiction_id, admin.jurisdiction.path)
    requests.create(
        actor,
        NewRequest(
            party_org_id=org.id,
            request_text=f"{org.name}任期已届满，经支部委员会研究，拟召开党员大会进行换届选举，提出下届委员会候选人预备人选。妥否，请批示。",
            **_slate(org),
        ),
    )
