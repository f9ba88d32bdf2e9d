"""Builders shared by several row modules: supervision tickets and interviews, which the ticket and interview
workflows' rows, the document rows of tests/api/test_access.py and the console's matrix all need.

A ticket "in" a place is issued by the body above it (east to its townships, the city to the counties and
west_t1; "city" stands for west, since nothing is issued to the city). Inside (east_t1) tickets come in the state
the row needs; outside ones are simply issued — they are never reached."""

from __future__ import annotations

from typing import Any

from service.extensions import db
from tests.support.access.matrix import ALL, INSIDE, Scene

TICKETS = "/api/v1/supervision-tickets"
INTERVIEWS = "/api/v1/interviews"
SUPERVISION_PROBLEMS = [{"description": "覆盖率未达标", "measure": "限期组建"}]
SUPERVISION_HELD = {"minutes": "约谈记录", "commitments": ["限期整改"], "new_deadline": "2026-10-16"}
# Who reads supervision (tickets, board, interviews, their documents): every role but portals.
SUPERVISION_READERS = ALL - {"portal"}
# Supervisors and admins of the issuing side act for it (tickets and interviews alike); the handling body's own
# supervisors/admins may not act for the issuing side (drafts they cannot even see).
ISSUERS = frozenset({"admin", "supervisor"})
ISSUING_SIDE_ONLY = {"east_t1": 403}


TICKET_STEPS = {
    "draft": (),
    "issued": ("issue",),
    "acknowledged": ("issue", "acknowledge"),
    "rectifying": ("issue", "acknowledge", "start"),
    "submitted": ("issue", "acknowledge", "start", "report"),
    "pending": ("issue", "extensions"),  # an extension request awaits the decision
}


def ticket(s: Scene, code: str, state: str = "issued") -> dict[str, Any]:
    place = "west" if code == "city" else code
    issuer = "supervisor@east" if place in ("east_t1", "east_t2") else "supervisor@city"
    t = s._ok(
        s.api.post(
            TICKETS,
            as_=issuer,
            json={
                "title": "推进滞后",
                "jurisdiction_id": s.world.ids[place],
                "responsible_person": "刘镇长",
                "problems": SUPERVISION_PROBLEMS,
                "rectification_workdays": 5,
            },
        )
    )
    for step in TICKET_STEPS[state if code == INSIDE else "issued"]:
        body: Any = None
        if step == "report":
            body = {"problems_reported": [{"problem_id": p["id"], "measures_taken": "已整改"} for p in t["problems"]]}
        if step == "extensions":
            body = {"new_deadline": "2026-10-16", "reason": "需延期"}
        as_ = issuer if step == "issue" else f"handler@{place}"
        t = s._ok(s.api.post(f"{TICKETS}/{t['id']}/{step}", as_=as_, json=body))
    return t


def interview(s: Scene, code: str, state: str = "scheduled") -> int:
    """An interview about a ticket in `code`, arranged by the ticket's issuer; held ones were due an hour ago."""
    from datetime import timedelta

    from sqlalchemy import update

    from service.clock import now
    from service.models import Interview

    t = ticket(s, code)
    issuer = "supervisor@east" if t["issuing_body"]["code"] == "east" else "supervisor@city"
    iv = s._ok(
        s.api.post(
            INTERVIEWS,
            as_=issuer,
            json={
                "ticket_id": t["id"],
                "reason": "逾期",
                "scheduled_at": "2026-09-28T09:00:00+08:00",
                "place": "会议室",
            },
        )
    )
    if code == INSIDE and state in ("due", "held", "followed_up"):
        with s.app.app_context():
            db.session.execute(
                update(Interview).where(Interview.id == iv["id"]).values(scheduled_at=now() - timedelta(hours=1))
            )
            db.session.commit()
            db.session.remove()
    if code == INSIDE and state in ("held", "followed_up"):
        s._ok(s.api.post(f"{INTERVIEWS}/{iv['id']}/hold", as_=issuer, json=SUPERVISION_HELD))
    if code == INSIDE and state == "followed_up":
        s._ok(s.api.post(f"{INTERVIEWS}/{iv['id']}/follow-up", as_=issuer, json={"follow_up_note": "已回访"}))
    return int(iv["id"])


def saved_opinion(s: Scene, code: str, caller: str) -> int:
    """A 常用意见 of the caller inside; someone else's (the scene's user at `code`) for the outside targets."""
    from service.models import SavedOpinion

    owner = s.world.users[caller] if code == INSIDE else s.users[code]
    with s.app.app_context():
        from sqlalchemy import func, select

        from service.clock import now

        last = db.session.execute(
            select(func.coalesce(func.max(SavedOpinion.position), 0)).where(SavedOpinion.user_id == owner)
        ).scalar_one()
        row = SavedOpinion(user_id=owner, position=last + 1, text=f"常用意见{owner}-{last + 1}", created_at=now())
        db.session.add(row)
        db.session.commit()
        ident = row.id
        db.session.remove()
    return int(ident)
