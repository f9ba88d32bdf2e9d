"""Access rows of the supervision-ticket endpoints (督办单): every role reads what its subtree issued or received;
supervisors/admins of the issuing side draft, issue, review, cancel and decide; only the handling body's handlers
act for it. (The ticket's document and the ticket export belong to the documents and spreadsheet endpoints: their
rows stay in tests/api/test_access.py.)"""

from __future__ import annotations

from typing import Any

from tests.support.access.common import (
    ISSUERS,
    ISSUING_SIDE_ONLY,
    SUPERVISION_PROBLEMS,
    SUPERVISION_READERS,
    TICKETS,
    ticket,
)
from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene, _seq, etag

HANDLERS = frozenset({"handler"})
# Handlers above the handling body may not act for it.
HANDLING_BODY_ONLY = {"handler@east": 403}


def _ticket_in_inside(s: Scene) -> None:
    ticket(s, INSIDE)


def _ticket_action(action: str, state: str, body: Any = None) -> Build:
    def build(s: Scene, code: str, caller: str) -> Call:
        t = ticket(s, code, state)
        payload = body(t) if callable(body) else body
        return Call(f"{TICKETS}/{t['id']}{action}", payload)

    return build


def _ticket_patch(s: Scene, code: str, caller: str) -> Call:
    from service.models import SupervisionTicket

    t = ticket(s, code, "draft")
    return Call(
        f"{TICKETS}/{t['id']}", {"title": f"改{next(_seq)}"}, {"If-Match": etag(s.app, SupervisionTicket, t["id"])}
    )


def _decide(s: Scene, code: str, caller: str) -> Call:
    t = ticket(s, code, "pending")
    ext = t["extensions"][0]["id"] if code == INSIDE else 1
    return Call(f"{TICKETS}/{t['id']}/extensions/{ext}/decide", {"decision": "approve"})


ROWS = [
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/urge",
        ISSUERS,
        201,
        _ticket_action("/urge", "rectifying", {"message": "请按期整改"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "GET",
        TICKETS,
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{TICKETS}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_ticket_in_inside,
    ),
    Row(
        "GET",
        f"{TICKETS}/board",
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{TICKETS}/board?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "GET",
        f"{TICKETS}/inbox",
        HANDLERS,
        200,
        lambda s, c, who: Call(f"{TICKETS}/inbox"),
        outside_status=None,
    ),
    Row(
        "POST",
        TICKETS,
        ISSUERS,
        201,
        lambda s, c, who: Call(
            TICKETS,
            {
                "title": "推进滞后",
                "jurisdiction_id": s.world.ids[c],
                "responsible_person": "刘镇长",
                "problems": SUPERVISION_PROBLEMS,
                "rectification_workdays": 5,
            },
        ),
        ok_by={"east_t1": 422},
    ),
    Row(
        "GET",
        f"{TICKETS}/<int:ticket_id>",
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{TICKETS}/{ticket(s, c)['id']}"),
    ),
    Row("PATCH", f"{TICKETS}/<int:ticket_id>", ISSUERS, 200, _ticket_patch, ok_by={"east_t1": 404}),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/issue",
        ISSUERS,
        200,
        _ticket_action("/issue", "draft"),
        ok_by={"east_t1": 404},
        audit_records=2,  # the ticket's and its 督办单's (numbered at issue)
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/acknowledge",
        HANDLERS,
        200,
        _ticket_action("/acknowledge", "issued"),
        ok_by=HANDLING_BODY_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/start",
        HANDLERS,
        200,
        _ticket_action("/start", "acknowledged"),
        ok_by=HANDLING_BODY_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/report",
        HANDLERS,
        200,
        _ticket_action(
            "/report",
            "rectifying",
            lambda t: {
                "problems_reported": [{"problem_id": p["id"], "measures_taken": "已整改"} for p in t["problems"]]
            },
        ),
        ok_by=HANDLING_BODY_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/close",
        ISSUERS,
        200,
        _ticket_action("/close", "submitted", {}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/return",
        ISSUERS,
        200,
        _ticket_action("/return", "submitted", {"reason": "材料不全"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/cancel",
        ISSUERS,
        200,
        _ticket_action("/cancel", "issued", {"reason": "重复"}),
        ok_by=ISSUING_SIDE_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/extensions",
        HANDLERS,
        201,
        _ticket_action("/extensions", "issued", {"new_deadline": "2026-10-16", "reason": "需延期"}),
        ok_by=HANDLING_BODY_ONLY,
    ),
    Row(
        "POST",
        f"{TICKETS}/<int:ticket_id>/extensions/<int:extension_id>/decide",
        ISSUERS,
        200,
        _decide,
        ok_by=ISSUING_SIDE_ONLY,
    ),
]
