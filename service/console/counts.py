"""The navigation's counters: unread notifications and open work (two COUNT queries per page)."""

from __future__ import annotations

from service.auth import Actor
from service.operations.engines import notifications
from service.operations.flows.supervision import oversight_inbox, ticket_board
from service.operations.worklists import inbox
from service.roles import DECIDERS, OVERSIGHT_INBOX_USERS, TICKET_HANDLERS


def open_work(actor: Actor) -> int:
    if actor.role in DECIDERS:
        return inbox.count(inbox.task_query(actor))
    if actor.role in TICKET_HANDLERS:
        return inbox.count(ticket_board.inbox_query(actor))
    return 0


def for_nav(actor: Actor) -> dict[str, int]:
    out = {"unread": notifications.unread_count(actor), "open": open_work(actor)}
    if actor.role in OVERSIGHT_INBOX_USERS:  # the supervisors' 待办: one statement for its three lists
        out["oversight"] = oversight_inbox.counts(actor).total
    return out
