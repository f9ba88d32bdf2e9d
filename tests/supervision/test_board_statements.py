"""No N+1 on the 督办, 管理 and 流程图 pages: the number of SQL statements per page stays the same whatever the
number of tickets, problems, reports, extensions, escalation steps, interviews, users or routes."""

from __future__ import annotations

from datetime import date

from flask import Flask

from service.clock import FixedClock
from tests.supervision.test_board_pages import sweep_days
from tests.support.console import Console
from tests.support.database import statements
from tests.support.supervision import TICKETS, issued, ok, rectifying
from tests.support.world import Api

SUPERVISOR = "supervisor@east"
HANDLER = "handler@east_t1"
PAGES = ("/board", "/board?light=red&sort=rectify_by", "/workflows")
ADMIN_PAGES = ("/admin", "/admin/users", "/admin/jurisdictions", "/admin/routes", "/admin/calendar?year=2027")


def count(app: Flask, console: Console, path: str, who: str) -> int:
    with statements(app) as seen:
        res = console.get(path, as_=who)
    assert res.status_code == 200, res.get_data(as_text=True)[:500]
    return len(seen)


def busy_ticket(api: Api, app: Flask, clock: FixedClock, problems: int) -> int:
    """A ticket with `problems` problems, a report returned once, an extension refused, the ladder climbed to
    the interview (one created) — every list on the ticket page holds more than one row."""
    many = [{"description": f"问题{i}", "measure": f"要求{i}"} for i in range(problems)]
    t = rectifying(api, problems=many, rectification_workdays=3)
    ok(
        api.post(f"{TICKETS}/{t['id']}/extensions", as_=HANDLER, json={"new_deadline": "2026-12-31", "reason": "忙"}),
        201,
    )
    ext = ok(api.get(f"{TICKETS}/{t['id']}", as_=SUPERVISOR))["extensions"][0]["id"]
    ok(
        api.post(
            f"{TICKETS}/{t['id']}/extensions/{ext}/decide",
            as_=SUPERVISOR,
            json={"decision": "reject", "comment": "不予延期"},
        )
    )
    report = {"problems_reported": [{"problem_id": p["id"], "measures_taken": "已整改"} for p in t["problems"]]}
    ok(api.post(f"{TICKETS}/{t['id']}/report", as_=HANDLER, json=report))
    ok(api.post(f"{TICKETS}/{t['id']}/return", as_=SUPERVISOR, json={"reason": "不到位"}))
    sweep_days(app, clock, date(2026, 9, 26), date(2026, 10, 30))
    return int(t["id"])


def test_board_and_ticket_pages_have_a_fixed_statement_count(
    console: Console, api: Api, app: Flask, clock: FixedClock
) -> None:
    first = issued(api)
    console.as_(HANDLER)  # signing the client in writes a password: not the page's work
    for p in PAGES:  # warm the process-wide caches (the built calendar): they are not per-request work
        count(app, console, p, SUPERVISOR)
    small = {p: count(app, console, p, SUPERVISOR) for p in PAGES}
    ticket_small = count(app, console, f"/board/tickets/{first['id']}", SUPERVISOR)
    handler_small = count(app, console, f"/board/tickets/{first['id']}", HANDLER)
    for place in ("east_t1", "east_t2", "east_t1", "east_ic"):
        issued(api, place)
    busy = busy_ticket(api, app, clock, problems=6)
    big = {p: count(app, console, p, SUPERVISOR) for p in PAGES}
    assert big == small, (small, big)
    assert max(big.values()) <= 12, big
    assert count(app, console, f"/board/tickets/{busy}", SUPERVISOR) == ticket_small <= 25
    assert count(app, console, f"/board/tickets/{busy}", HANDLER) == handler_small
    page = console.get(f"/board/tickets/{busy}", as_=SUPERVISOR).get_data(as_text=True)
    assert page.count("data-problem=") == 6 and page.count("data-level=") >= 3 and 'class="interview"' in page


def test_admin_pages_have_a_fixed_statement_count(console: Console, api: Api) -> None:
    admin = "admin@east"
    for p in ADMIN_PAGES:  # warm the process-wide caches first
        count(app_of(console), console, p, admin)
    small = {p: count(app_of(console), console, p, admin) for p in ADMIN_PAGES}
    user_small = count(app_of(console), console, f"/admin/users/{api.world.users['handler@east_t1']}", admin)
    for i in range(8):
        ok(
            api.post(
                "/api/v1/users",
                as_=admin,
                json={
                    "username": f"more{i}",
                    "display_name": "多",
                    "role": "handler",
                    "jurisdiction_id": api.world.ids["east_t2"],
                },
            ),
            201,
        )
        ok(
            api.post(
                "/api/v1/jurisdictions",
                as_=admin,
                json={"code": f"X{i}", "name": f"新镇{i}", "kind": "township", "parent_id": api.world.ids["east"]},
            ),
            201,
        )
        ok(
            api.post(f"/api/v1/users/{api.world.users['handler@east_t1']}/tokens", as_=admin, json={"name": f"t{i}"}),
            201,
        )
    ok(
        api.call(
            "PUT",
            "/api/v1/approval-routes",
            as_=admin,
            json={
                "body_id": api.world.ids["east_t1"],
                "workflow": "establishment",
                "level_name": "superior_approval",
                "mode": "any_one",
            },
        )
    )
    ok(
        api.call(
            "PUT",
            "/api/v1/approval-routes",
            as_=admin,
            json={
                "body_id": api.world.ids["east_t2"],
                "workflow": "establishment",
                "level_name": "superior_approval",
                "mode": "countersign",
            },
        )
    )
    for p in ADMIN_PAGES:  # the changes above bumped the configuration version: the caches reload once
        count(app_of(console), console, p, admin)
    big = {p: count(app_of(console), console, p, admin) for p in ADMIN_PAGES}
    assert big == small, (small, big)
    assert max(big.values()) <= 12, big
    assert count(app_of(console), console, f"/admin/users/{api.world.users['handler@east_t1']}", admin) == user_small


def app_of(console: Console) -> Flask:
    return console.app
