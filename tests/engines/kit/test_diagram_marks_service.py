"""Real approval actions through the engine show on the case's and the ticket's diagram with who, to whom and
when (China time): 转办, 加签, 拿回, 退回至此前环节, 催办 and 抄送 — read in a fixed number of statements, and on
the console's case and ticket pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from flask import Flask

from service.clock import CHINA, FixedClock
from service.operations.engines import diagrams
from tests.support.console import Console
from tests.support.database import statements
from tests.support.establishment import CASES, TASKS, decide, make_unit, new_case, route, submit, task_for
from tests.support.supervision import TICKETS, move, ok, rectifying
from tests.support.world import Api, World

NS = {"s": "http://www.w3.org/2000/svg"}
A, B, C, D, COUNTY = "approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver4@east_t1", "approver@east"


def at(clock: FixedClock, day: int, hour: int) -> str:
    """Set the clock to 2026-10-<day> <hour>:05 Beijing time; the time as the diagram shows it."""
    clock.set(datetime(2026, 10, day, hour - 8, 5, tzinfo=UTC))
    return f"2026-10-{day:02d} {hour:02d}:05"


def acted_on(api: Api, clock: FixedClock) -> tuple[int, list[tuple[str, str, str | None, str]]]:
    """A primary committee's request: at the township 转办 (A to D), 加签 (D adds C), everyone approves, D takes
    the closing approval back (拿回) and approves again; the county returns it to the township (退回至此前环节);
    the applicant urges the reopened step once overdue (催办); A copies the case to a supervisor (抄送).
    The marks expected, oldest first: (label, who, to whom, when)."""
    u = api.world.users
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    mine = task_for(api, A, cid)["id"]
    expected: list[tuple[str, str, str | None, str]] = []
    when = at(clock, 9, 9)
    ok(api.post(f"{TASKS}/{mine}/delegate", as_=A, json={"to_user_id": u[D], "comment": "请代为审查"}))
    expected.append(("转办", A, D, when))
    when = at(clock, 9, 10)
    ok(api.post(f"{TASKS}/{mine}/add-approvers", as_=D, json={"user_ids": [u[C]], "reason": "请分管领导把关"}))
    expected.append(("加签", D, C, when))
    for who in (B, C, D):
        assert decide(api, task_for(api, who, cid)["id"], who).status_code == 200
    when = at(clock, 9, 11)
    ok(api.post(f"{TASKS}/{mine}/take-back", as_=D, json={"comment": "还需核实"}))
    expected.append(("拿回", D, None, when))
    assert decide(api, mine, D).status_code == 200
    county = task_for(api, COUNTY, cid)["id"]
    when = at(clock, 12, 15)
    body = {"level_name": "superior_review", "reason": "党员人数需复核"}
    ok(api.post(f"{TASKS}/{county}/return-to", as_=COUNTY, json=body))
    expected.append(("退回至此前环节", COUNTY, "东一镇审查", when))  # the level it went back to
    reopened = task_for(api, B, cid)["id"]
    move(clock, date(2027, 3, 1))  # long past the reopened step's due date
    when = at_moved(clock)
    ok(api.post(f"{TASKS}/{reopened}/urge", as_="handler@east_t1", json={"message": "请尽快办理"}), 201)
    expected.append(("催办", "handler@east_t1", None, when))
    copied = api.post(f"{CASES}/{cid}/copies", as_=A, json={"user_ids": [u["supervisor@east"]]})
    assert copied.status_code == 201, copied.json
    expected.append(("抄送", A, "supervisor@east", when))
    return cid, expected


def at_moved(clock: FixedClock) -> str:
    return clock.now().astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def rows(svg: str) -> list[tuple[str | None, str, str]]:
    """The list under the diagram: (action, when, who · what) per row."""
    root = ET.fromstring(svg)
    out = []
    for g in root.iterfind(".//s:g[@class='dg-mark']", NS):
        when, what = (t.text or "" for t in g.iterfind("s:text", NS))
        out.append((g.get("data-action"), when, what))
    return out


def test_each_action_is_on_the_case_diagram_with_who_and_when(
    app: Flask, api: Api, colleagues: World, clock: FixedClock
) -> None:
    cid, expected = acted_on(api, clock)
    with app.app_context(), statements(app) as seen:
        trail = diagrams.trail_of("establishment", cid)
    assert len(seen) == 2, seen  # the trail with the actors' names joined, the names of the people named
    assert [(m.label, m.actor, m.whom, m.when) for m in trail.marks] == expected
    assert {m.state for m in trail.marks} == {"submitted"}
    # the step each concerned: the township's review, the county's approval it was returned from; none for 抄送
    assert [m.step for m in trail.marks] == ["东一镇审查"] * 3 + ["东县县级审批", "东一镇审查", None]
    with app.app_context():
        svg = str(diagrams.svg("establishment", "submitted", trail.path, trail.marks))
    shown = rows(svg)
    assert [r[1] for r in shown] == [e[3] for e in expected]
    assert shown[0][0] == "task.delegate" and shown[0][2].startswith(f"{A} · 转办 → {D}")
    assert shown[-1][0] == "establishment.copy" and shown[-1][2] == f"{A} · 抄送 → supervisor@east"
    badge = ET.fromstring(svg).find(".//s:g[@class='dg-marks']", NS)
    assert badge is not None and badge.get("data-state") == "submitted" and badge.get("data-count") == "6"


def test_the_case_page_shows_the_marks(
    app: Flask, api: Api, colleagues: World, clock: FixedClock, console: Console
) -> None:
    cid, expected = acted_on(api, clock)
    page = console.get(f"/cases/{cid}", as_=A).get_data(as_text=True)
    diagram = page[page.index('id="case-diagram"') :]
    svg = diagram[diagram.index("<svg") : diagram.index("</svg>") + len("</svg>")]
    assert [r[1] for r in rows(svg)] == [e[3] for e in expected]
    assert "办理动作（6项）" in svg and 'data-count="6"' in svg


def test_the_ticket_diagram_shows_its_urge_and_copy(app: Flask, api: Api, clock: FixedClock, console: Console) -> None:
    ticket = rectifying(api)["id"]
    when = at(clock, 9, 9)
    ok(api.post(f"{TICKETS}/{ticket}/urge", as_="supervisor@east", json={"message": "请按期报送"}), 201)
    copied = api.post(f"{TICKETS}/{ticket}/copies", as_="supervisor@east", json={"user_ids": [api.world.users[A]]})
    assert copied.status_code == 201, copied.json
    with app.app_context():
        trail = diagrams.trail_of("supervision_ticket", ticket)
    assert [(m.state, m.label, m.actor, m.whom, m.when) for m in trail.marks] == [
        ("rectifying", "催办", "supervisor@east", None, when),
        ("rectifying", "抄送", "supervisor@east", A, when),
    ]
    page = console.get(f"/board/tickets/{ticket}", as_="supervisor@east").get_data(as_text=True)
    assert 'class="dg-marks" data-state="rectifying" data-count="2"' in page
