"""The navigation's counters (`nav.Badge` providers, named by the sections that show them): open work, the
supervisors' desk, unread notifications, unread copies (待阅). One COUNT query each, for the roles shown the
section only."""

from __future__ import annotations

from service.auth import Actor
from service.operations.engines import copies, notifications
from service.operations.flows.supervision import oversight_inbox, ticket_board
from service.operations.worklists import inbox
from service.roles import DECIDERS, TICKET_HANDLERS


def open_work(actor: Actor) -> int:
    if actor.role in DECIDERS:
        return inbox.count(inbox.task_query(actor))
    if actor.role in TICKET_HANDLERS:
        return inbox.count(ticket_board.inbox_query(actor))
    return 0


def oversight(actor: Actor) -> int:
    """The supervisors' 待办: one statement for its three lists."""
    return oversight_inbox.counts(actor).total


def unread(actor: Actor) -> int:
    return notifications.unread_count(actor)


def copies_unread(actor: Actor) -> int:
    """待阅: my unread copies."""
    return copies.unread_count(actor)
