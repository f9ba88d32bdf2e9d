"""Access rows of the interview endpoints (约谈): both sides read; only the interviewer side (supervisors above
the interviewer body) acts. (The interview notice is a document: its rows stay in tests/api/test_access.py.)"""

from __future__ import annotations

from typing import Any

from tests.support.access.common import (
    INTERVIEWS,
    ISSUERS,
    ISSUING_SIDE_ONLY,
    SUPERVISION_HELD,
    SUPERVISION_READERS,
    interview,
    ticket,
)
from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene


def _interview_in_inside(s: Scene) -> None:
    interview(s, INSIDE)


def _interview_action(action: str, state: str, body: Any = None) -> Build:
    return lambda s, code, caller: Call(f"{INTERVIEWS}/{interview(s, code, state)}{action}", body)


ROWS = [
    Row(
        "GET",
        INTERVIEWS,
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{INTERVIEWS}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_interview_in_inside,
    ),
    Row(
        "POST",
        INTERVIEWS,
        ISSUERS,
        201,
        lambda s, c, who: Call(INTERVIEWS, {"ticket_id": ticket(s, c)["id"], "reason": "逾期未整改"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "GET",
        f"{INTERVIEWS}/<int:interview_id>",
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{INTERVIEWS}/{interview(s, c)}"),
    ),
    Row(
        "POST",
        f"{INTERVIEWS}/<int:interview_id>/reschedule",
        ISSUERS,
        200,
        _interview_action("/reschedule", "scheduled", {"scheduled_at": "2026-09-29T09:00:00+08:00"}),
        ok_by=ISSUING_SIDE_ONLY,
        audit_records=2,  # the move and its notice's new time (same number)
    ),
    Row(
        "POST",
        f"{INTERVIEWS}/<int:interview_id>/hold",
        ISSUERS,
        200,
        _interview_action("/hold", "due", SUPERVISION_HELD),
        ok_by=ISSUING_SIDE_ONLY,
        audit_records=2,
    ),
    Row(
        "POST",
        f"{INTERVIEWS}/<int:interview_id>/follow-up",
        ISSUERS,
        200,
        _interview_action("/follow-up", "held", {"follow_up_note": "已回访"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "POST",
        f"{INTERVIEWS}/<int:interview_id>/close",
        ISSUERS,
        200,
        _interview_action("/close", "followed_up", {}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "POST",
        f"{INTERVIEWS}/<int:interview_id>/cancel",
        ISSUERS,
        200,
        _interview_action("/cancel", "scheduled", {"reason": "无需约谈"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
]
