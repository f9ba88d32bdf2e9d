"""催办 a supervision ticket (督办单): the issuing side reminds the handling body's handlers while the ball is
with the unit. The supervision workflow's side of the urge engine (service.operations.urges)."""

from __future__ import annotations

from service.auth import Actor
from service.calendar import calendar
from service.clock import today
from service.db import transaction
from service.errors import Forbidden
from service.models import Role
from service.operations.engines import notifications, urges
from service.operations.flows.supervision import tickets
from service.roles import TICKET_URGERS
from workflows import urge as rules
from workflows.supervision import SUPERVISION_TICKET
from workflows.urge import UrgeSubject

WORKFLOW = SUPERVISION_TICKET.name  # a read/write side of this workflow that registers nothing


def urge_ticket(actor: Actor, ticket_id: int, message: str | None = None) -> urges.Urged:
    """催办 a ticket's handling body. 404 outside the actor's scope, 403 unless of the issuing side, 409 when the
    unit owes nothing now (reported, closed, cancelled) or the ticket was urged this working day."""
    with transaction():
        t = tickets.get(actor, ticket_id, for_update=True)
        if actor.role not in TICKET_URGERS or not tickets.is_issuing_side(actor, t):
            raise Forbidden("只有督办单位的督查人员可以催办督办单")
        text = rules.clean_message(message)
        rules.check_ticket_urge(t.state, today(), urges.last_urged_on(UrgeSubject.TICKET, t.id), calendar())
        title = t.title if len(t.title) <= 60 else t.title[:59] + "…"
        return urges.record(
            actor,
            UrgeSubject.TICKET,
            t.id,
            t.jurisdiction_id,
            text,
            notifications.users_of(t.jurisdiction_id, Role.handler),
            f"催办：督办单「{title}」请尽快办理",
            (WORKFLOW, t.id),
            (WORKFLOW, t.id),
            t.title,
        )
