"""The navigation's counters: unread notifications and open work (two COUNT queries per page)."""

from __future__ import annotations

from service.auth import Actor
from service.operations import inbox, notifications
from service.operations import supervision as tickets
from service.roles import DECIDERS, TICKET_HANDLERS


def open_work(actor: Actor) -> int:
    if actor.role in DECIDERS:
        return inbox.count(inbox.task_query(actor))
    if actor.role in TICKET_HANDLERS:
        return inbox.count(tickets.inbox_query(actor))
    return 0


def for_nav(actor: Actor) -> dict[str, int]:
    return {"unread": notifications.unread_count(actor), "open": open_work(actor)}
