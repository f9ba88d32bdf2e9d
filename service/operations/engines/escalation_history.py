"""The escalation steps an item went through (催办 → 预警 → 约谈 → 问责), for its page."""

from __future__ import annotations

from sqlalchemy import select

from service.extensions import db
from service.models import EscalationEvent


def events_of(item_type: str, item_id: int) -> list[EscalationEvent]:
    """Oldest first; one indexed query (ix_escalation_events_item). The caller has checked the item's scope."""
    return list(
        db.session.execute(
            select(EscalationEvent)
            .where(EscalationEvent.item_type == item_type, EscalationEvent.item_id == item_id)
            .order_by(EscalationEvent.id)
        ).scalars()
    )
