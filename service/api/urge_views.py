"""The answer to a 催办 (urge) request, shared by the task and ticket endpoints."""

from __future__ import annotations

from typing import Any

from service.operations.engines.urges import Urged


def urged_view(urged: Urged) -> dict[str, Any]:
    u = urged.urge
    return {
        "id": u.id,
        "subject_type": u.subject_type,
        "subject_id": u.subject_id,
        "actor_id": u.actor_id,
        "actor_name": u.actor_label,
        "at": u.at,
        "urged_on": u.urged_on,
        "message": u.message,
        "notified": urged.notified,
        "urge_count": urged.state.count,
        "next_allowed_on": urged.state.next_allowed_on,
    }
