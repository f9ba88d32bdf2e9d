"""A portal (an enterprise's or social organisation's system) sees its units, its applications and the documents
addressed to it (the 批复 of its case), nothing of supervision: not the 督办 board, tickets, interviews, their
documents or export, circulars or coverage; in the API and in the console, and not through the scoped queries
either. (The access matrices check every endpoint and page row by row; this file tells the portal's story.)"""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select

from service.auth import Actor
from service.extensions import db
from service.models import Jurisdiction, Role, SupervisionTicket
from service.operations.engines import interviews
from service.operations.flows.supervision import tickets as supervision
from tests.support.console import Console
from tests.support.documents import text_of
from tests.support.establishment import approved_branch
from tests.support.supervision import INTERVIEWS, TICKETS, issued, ok
from tests.support.world import Api

COVERAGE = "/api/v1/coverage"


def _interview(api: Api, ticket_id: int) -> dict[str, object]:
    body = {
        "ticket_id": ticket_id,
        "reason": "逾期未整改",
        "scheduled_at": "2026-09-28T09:00:00+08:00",
        "place": "三楼会议室",
    }
    return ok(api.post(INTERVIEWS, as_="supervisor@east", json=body), 201)


def test_a_portal_reads_no_supervision_through_the_api(api: Api) -> None:
    t = issued(api)
    iv = _interview(api, t["id"])
    circular = ok(
        api.post(
            f"{COVERAGE}/circulars", as_="admin@city", json={"period_start": "2026-09-01", "period_end": "2026-09-30"}
        ),
        201,
    )
    east_t1 = api.world.ids["east_t1"]
    refused = [
        f"{TICKETS}?jurisdiction_id={east_t1}",
        f"{TICKETS}/board",
        f"{TICKETS}/{t['id']}",
        f"{TICKETS}/{t['id']}/document.docx",
        f"{TICKETS}/{t['id']}/document.pdf",
        f"{TICKETS}/export.xlsx",
        INTERVIEWS,
        f"{INTERVIEWS}/{iv['id']}",
        f"{INTERVIEWS}/{iv['id']}/notice.docx",
        f"{INTERVIEWS}/{iv['id']}/notice.pdf",
        f"{COVERAGE}/circulars",
        f"{COVERAGE}/circulars/{circular['id']}",
        f"{COVERAGE}/circulars/{circular['id']}/document.docx",
        f"{COVERAGE}?jurisdiction_id={east_t1}",
    ]
    for who in ("portal@east", "portal@east_t1"):
        for path in refused:
            res = api.get(path, as_=who)
            assert res.status_code == 403 and res.json["code"] == "forbidden", (who, path, res.status_code)
    # Every other role of the handling body still reads them.
    for who in ("handler@east_t1", "approver@east_t1", "instructor@east_t1"):
        assert api.get(f"{TICKETS}/{t['id']}", as_=who).status_code == 200, who
        assert api.get(f"{INTERVIEWS}/{iv['id']}/notice.docx", as_=who).status_code == 200, who


def test_a_portal_still_reads_its_units_and_the_reply_to_its_case(api: Api) -> None:
    case = approved_branch(api)  # filed by portal@east (tests/support/establishment.py)
    assert api.get(f"/api/v1/establishment-cases/{case['id']}", as_="portal@east").status_code == 200
    res = api.get(f"/api/v1/establishment-cases/{case['id']}/reply.docx", as_="portal@east")
    assert res.status_code == 200 and case["approval_doc_no"] in text_of(res.data)
    units = api.get("/api/v1/units", as_="portal@east")
    assert units.status_code == 200 and units.json


def test_the_scoped_queries_give_a_portal_nothing(app: Flask, api: Api) -> None:
    t = issued(api)
    _interview(api, t["id"])
    with app.app_context():
        east = db.session.get(Jurisdiction, api.world.ids["east"])
        assert east is not None
        for role, expected in ((Role.portal, 0), (Role.handler, 1)):
            actor = Actor(None, f"{role}@east", role, east.id, east.path)
            tickets = db.session.execute(supervision.visible(select(SupervisionTicket), actor)).scalars().all()
            seen = db.session.execute(interviews.query(actor, {})).scalars().all()
            assert (len(tickets), len(seen)) == (expected, expected), role
        db.session.remove()


def test_a_portal_has_no_board_in_the_console(app: Flask, api: Api) -> None:
    console = Console(app, api.world)
    t = issued(api)
    iv = _interview(api, t["id"])
    for path in (
        "/board",
        f"/board/tickets/{t['id']}",
        f"/board/tickets/{t['id']}/document.docx",
        f"/interviews/{iv['id']}/notice.docx",
        "/exports/tickets.xlsx",
    ):
        res = console.get(path, as_="portal@east")
        assert res.status_code == 403 and "无权访问" in res.get_data(as_text=True), path
    home = console.get("/account", as_="portal@east")
    assert home.status_code == 200
    assert 'href="/board"' not in home.get_data(as_text=True)  # no 督办 in the portal's menu
    board = console.get("/board", as_="handler@east_t1")
    assert board.status_code == 200 and 'href="/board"' in board.get_data(as_text=True)


def test_a_portal_sees_and_acts_on_the_cases_it_filed_only(api: Api) -> None:
    from tests.support.establishment import make_unit, new_case

    mine = new_case(api, [make_unit(api, "east_t1", as_="portal@east", formal_members=3)["id"]], "branch")
    other = new_case(
        api, [make_unit(api, "east_t1", as_="portal@east_t1", formal_members=3)["id"]], "branch", as_="portal@east_t1"
    )
    listed = {c["id"] for c in ok_list(api.get("/api/v1/establishment-cases", as_="portal@east"))}
    assert mine["id"] in listed and other["id"] not in listed
    # Another unit's case, in the portal's jurisdiction: not found, for reading and for acting alike.
    assert api.get(f"/api/v1/establishment-cases/{other['id']}", as_="portal@east").status_code == 404
    assert api.post(f"/api/v1/establishment-cases/{other['id']}/submit", as_="portal@east").status_code == 404
    assert api.post(f"/api/v1/establishment-cases/{mine['id']}/submit", as_="portal@east").status_code == 200
    # Nor through its approval task, which shows the case: tasks are the departments'.
    task = ok_list(api.get("/api/v1/tasks/inbox", as_="approver@east_t1"))[0]["id"]
    assert api.get(f"/api/v1/tasks/{task}", as_="portal@east").status_code == 403
    assert api.get(f"/api/v1/tasks/{task}", as_="approver@east_t1").status_code == 200
    # The departments still see both.
    for who in ("admin@east", "approver@east_t1", "handler@east_t1"):
        seen = {c["id"] for c in ok_list(api.get("/api/v1/establishment-cases", as_=who))}
        assert {mine["id"], other["id"]} <= seen, who


def ok_list(res: Any) -> list[dict[str, Any]]:
    assert res.status_code == 200, res.json
    return list(res.json)
