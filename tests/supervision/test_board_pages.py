"""督办 pages: the board (light, body, deadline), the ticket page (problems, reports, ladder, interviews, the
diagram with the current state and the path taken), and every action a supervisor or handler may take now —
only those — through the same service functions as the API."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

from flask import Flask

from service.clock import FixedClock
from service.operations.engines import escalation
from tests.support.console import Console
from tests.support.supervision import PROBLEMS, TICKETS, draft, issued, move, ok, rectifying
from tests.support.world import Api
from workflows.establishment import NewCase

SUPERVISOR = "supervisor@east"
HANDLER = "handler@east_t1"
NS = {"s": "http://www.w3.org/2000/svg"}


def text_of(res: Any) -> str:
    return str(res.get_data(as_text=True))


def actions_on(page: str) -> set[str]:
    return set(re.findall(r'class="action-form" data-action="([a-z_]+)"', page))


def diagram_of(page: str) -> ET.Element:
    svg = re.search(r"<svg .*?</svg>", page, re.S)
    assert svg is not None
    return ET.fromstring(svg.group(0))


def test_board_lists_tickets_in_scope_with_lights_and_counts(console: Console, api: Api, clock: FixedClock) -> None:
    t = issued(api)
    page = text_of(console.get("/board", as_=SUPERVISOR))
    assert f'data-id="{t["id"]}"' in page
    assert "东一镇" in page
    assert re.search(r'class="light (green|yellow|red)"', page)
    assert 'id="board-counts"' in page
    # Out of scope: the west county's supervisor sees nothing of east's tickets, and the ticket page is 404.
    west = text_of(console.get("/board", as_="supervisor@west_t1"))
    assert f'data-id="{t["id"]}"' not in west
    assert console.get(f"/board/tickets/{t['id']}", as_="supervisor@west_t1").status_code == 404


def test_board_filters_by_light_and_body(console: Console, api: Api, clock: FixedClock) -> None:
    t = issued(api, rectification_workdays=1)
    move(clock, date(2026, 10, 20))  # long past the acknowledgement deadline: red
    red = text_of(console.get("/board?light=red", as_=SUPERVISOR))
    green = text_of(console.get("/board?light=green", as_=SUPERVISOR))
    assert f'data-id="{t["id"]}"' in red and f'data-id="{t["id"]}"' not in green
    ticket_page = text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR))
    assert re.search(r'<h1>.*class="light red".*</h1>', ticket_page)
    other_body = text_of(console.get(f"/board?body={api.world.ids['east_t2']}", as_=SUPERVISOR))
    assert f'data-id="{t["id"]}"' not in other_body


def sweep_days(app: Flask, clock: FixedClock, first: date, last: date) -> None:
    """Run the escalation sweep's work day by day, as the scheduler and workers would, on the injected clock."""
    day = first
    while day <= last:
        move(clock, day)
        with app.app_context():
            for item_id in escalation.due("supervision_ticket", day):
                escalation.escalate("supervision_ticket", item_id, day)
        day += timedelta(days=1)


def test_ticket_page_shows_only_the_actions_allowed_now(console: Console, api: Api) -> None:
    t = draft(api)
    assert actions_on(text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR))) == {"issue", "cancel"}
    # A draft is invisible to the handling body.
    assert console.get(f"/board/tickets/{t['id']}", as_=HANDLER).status_code == 404
    ok(api.post(f"{TICKETS}/{t['id']}/issue", as_=SUPERVISOR))
    handler_page = text_of(console.get(f"/board/tickets/{t['id']}", as_=HANDLER))
    assert actions_on(handler_page) == {"acknowledge", "request_extension"}
    sup = actions_on(text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR)))
    assert sup == {"cancel", "interview_new"}
    # An instructor in scope sees the ticket but may do nothing.
    assert actions_on(text_of(console.get(f"/board/tickets/{t['id']}", as_="instructor@east"))) == set()


def test_issue_rectify_and_close_through_the_pages(console: Console, api: Api, app: Flask) -> None:
    res = console.post(
        "/board/tickets/new",
        as_=SUPERVISOR,
        data={
            "title": "网格化覆盖推进滞后",
            "jurisdiction_id": str(api.world.ids["east_t1"]),
            "responsible_person": "王书记",
            "priority": "normal",
            "rectification_workdays": "10",
            "problem": [PROBLEMS[0]["description"], ""],
            "measure": [PROBLEMS[0]["measure"], ""],
        },
    )
    assert res.status_code == 302, text_of(res)[:3000]
    ticket_id = int(res.headers["Location"].rsplit("/", 1)[1])
    path = f"/board/tickets/{ticket_id}"
    assert console.post(f"{path}/issue", as_=SUPERVISOR).status_code == 302
    assert console.post(f"{path}/acknowledge", as_=HANDLER).status_code == 302
    assert console.post(f"{path}/start", as_=HANDLER).status_code == 302
    problem_id = ok(api.get(f"{TICKETS}/{ticket_id}", as_=SUPERVISOR))["problems"][0]["id"]
    # A report missing the measures taken is refused with the field message; nothing changes.
    bad = console.post(f"{path}/report", as_=HANDLER, data={f"measures_{problem_id}": " "})
    assert bad.status_code == 422
    assert 'id="ticket-state" data-state="rectifying"' in text_of(bad)
    assert "field-error" in text_of(bad)
    good = console.post(
        f"{path}/report",
        as_=HANDLER,
        data={f"measures_{problem_id}": "已逐户排查并完成联合组建", f"evidence_{problem_id}": "排查台账.xlsx"},
    )
    assert good.status_code == 302, text_of(good)[:3000]
    # Returning needs a reason.
    assert console.post(f"{path}/return", as_=SUPERVISOR, data={"reason": ""}).status_code == 422
    closed = console.post(f"{path}/close", as_=SUPERVISOR, data={"comment": "整改到位"}, follow_redirects=True)
    page = text_of(closed)
    assert 'data-state="closed"' in page and "已审核办结" in page
    root = diagram_of(page)
    current = [g.get("data-state") for g in root.iterfind(".//s:g[@aria-current]", NS)]
    assert current == ["closed"]
    taken = {
        g.get("data-event") for g in root.iterfind(".//s:g[@data-event]", NS) if "dg-taken" in (g.get("class") or "")
    }
    assert taken == {"issue", "acknowledge", "start_rectification", "submit_report", "close"}
    # The handler may no longer act; acting anyway is a plain conflict page, not a stack trace.
    again = console.post(f"{path}/start", as_=HANDLER)
    assert again.status_code in (403, 409)
    assert "Traceback" not in text_of(again)


def test_a_conflict_shows_the_new_state(console: Console, api: Api) -> None:
    t = rectifying(api)
    ok(api.post(f"{TICKETS}/{t['id']}/cancel", as_=SUPERVISOR, json={"reason": "机构调整"}))
    res = console.post(f"/board/tickets/{t['id']}/extensions", as_=HANDLER)
    assert res.status_code in (404, 405)  # not a console route
    res = console.post(
        f"/board/tickets/{t['id']}/request-extension",
        as_=HANDLER,
        data={"new_deadline": "2026-12-31", "reason": "工作量大"},
    )
    assert res.status_code == 409
    page = text_of(res)
    assert 'data-state="cancelled"' in page and "未能办理" in page


def test_extension_requested_and_decided(console: Console, api: Api) -> None:
    t = rectifying(api)
    path = f"/board/tickets/{t['id']}"
    res = console.post(f"{path}/request-extension", as_=HANDLER, data={"new_deadline": "2026-12-31", "reason": ""})
    assert res.status_code == 422 and "field-error" in text_of(res)
    res = console.post(
        f"{path}/request-extension", as_=HANDLER, data={"new_deadline": "2026-12-31", "reason": "需要时间"}
    )
    assert res.status_code == 302, text_of(res)[:2000]
    page = text_of(console.get(path, as_=SUPERVISOR))
    assert "decide_extension" in actions_on(page)
    ext_id = re.search(r'name="extension_id" value="(\d+)"', page)
    assert ext_id is not None
    res = console.post(
        f"{path}/decide-extension",
        as_=SUPERVISOR,
        data={"extension_id": ext_id.group(1), "decision": "approve", "approved_deadline": "2026-12-15"},
        follow_redirects=True,
    )
    assert res.status_code == 200
    assert 'id="rectify-by">2026-12-15' in text_of(res)


def test_escalation_ladder_and_interview_on_the_page(console: Console, api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api, rectification_workdays=1)
    sweep_days(app, clock, date(2026, 9, 26), date(2026, 10, 20))
    page = text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR))
    assert 'data-level="reminder"' in page
    assert "催办" in page
    assert 'data-level="interview"' in page  # the ladder reached the interview: one was created
    interview = re.search(r'class="interview" data-id="(\d+)" data-state="scheduled"', page)
    assert interview is not None
    base = f"/board/tickets/{t['id']}/interviews/{interview.group(1)}"
    res = console.post(
        f"{base}/reschedule", as_=SUPERVISOR, data={"scheduled_at": "2026-12-02 09:30", "place": "组织部"}
    )
    assert res.status_code == 302, text_of(res)[:2000]
    move(clock, date(2026, 12, 2), hour=3)
    res = console.post(
        f"{base}/hold",
        as_=SUPERVISOR,
        data={"minutes": "约谈记录", "commitments": "12月底前整改完毕\n每周报告进度", "new_deadline": "2026-12-31"},
    )
    assert res.status_code == 302, text_of(res)[:3000]
    page = text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR))
    assert 'data-state="held"' in page and "12月底前整改完毕" in page
    # The handler sees the interview but has no interview actions.
    handler_page = text_of(console.get(f"/board/tickets/{t['id']}", as_=HANDLER))
    assert 'action="/board/tickets/' + str(t["id"]) + "/interviews/" not in handler_page
    assert console.post(f"{base}/follow_up", as_=HANDLER, data={"follow_up_note": "x"}).status_code == 403


def test_case_page_shows_the_establishment_diagram_with_its_path(console: Console, api: Api, app: Flask) -> None:
    from service.auth import system_actor
    from service.extensions import db
    from service.operations.flows.establishment import cases
    from service.operations.reference import units
    from tests.support.factories import new_unit

    actor = system_actor("test")
    with app.app_context():
        unit = units.create(actor, new_unit(api.world.ids["east_t1"], formal_members=3))
        case = cases.create(actor, NewCase(unit_ids=[unit.id], form="branch", proposed_name="测试党支部"))
        cases.submit(actor, case.id)
        case_id = case.id
        db.session.remove()
    page = text_of(console.get(f"/cases/{case_id}", as_="approver@east_t1"))
    root = diagram_of(page)
    assert [g.get("data-state") for g in root.iterfind(".//s:g[@aria-current]", NS)] == ["submitted"]
    taken = [
        g.get("data-event") for g in root.iterfind(".//s:g[@data-event]", NS) if "dg-taken" in (g.get("class") or "")
    ]
    assert taken == ["submit"]
