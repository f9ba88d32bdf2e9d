"""People on the 督办 and 管理 pages are shown by display name, never by username."""

from __future__ import annotations

from flask import Flask

from service.extensions import db
from service.models import User
from tests.support.calendar import DAYS_2027, put_year
from tests.support.console import Console
from tests.support.supervision import INTERVIEWS, TICKETS, ok, rectifying
from tests.support.world import Api, World

SUPERVISOR = "supervisor@east"
HANDLER = "handler@east_t1"
NAMES = {SUPERVISOR: "张督查", HANDLER: "李办理", "admin@city": "王管理"}


def rename(app: Flask, world: World) -> None:
    with app.app_context():
        for who, name in NAMES.items():
            user = db.session.get(User, world.users[who])
            assert user is not None
            user.display_name = name
        db.session.commit()


def test_ticket_page_names_who_acted(console: Console, api: Api, app: Flask, world: World) -> None:
    rename(app, world)
    t = rectifying(api)
    ok(
        api.post(f"{TICKETS}/{t['id']}/extensions", as_=HANDLER, json={"new_deadline": "2026-12-31", "reason": "忙"}),
        201,
    )
    ext = ok(api.get(f"{TICKETS}/{t['id']}", as_=SUPERVISOR))["extensions"][0]["id"]
    ok(
        api.post(
            f"{TICKETS}/{t['id']}/extensions/{ext}/decide",
            as_=SUPERVISOR,
            json={"decision": "reject", "comment": "不予"},
        )
    )
    report = {"problems_reported": [{"problem_id": p["id"], "measures_taken": "已整改"} for p in t["problems"]]}
    ok(api.post(f"{TICKETS}/{t['id']}/report", as_=HANDLER, json=report))
    ok(api.post(INTERVIEWS, as_=SUPERVISOR, json={"ticket_id": t["id"], "reason": "滞后"}), 201)
    page = console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert '<dd id="acknowledged-by">李办理</dd>' in page
    assert "李办理 报送" in page and "李办理 申请由" in page and "（张督查）" in page
    assert "约谈人 张督查" in page
    for username in ("supervisor.east", "handler.east_t1"):
        assert username not in page


def test_calendar_page_names_who_loaded_the_notice(console: Console, api: Api, app: Flask, world: World) -> None:
    rename(app, world)
    assert put_year(api, DAYS_2027).status_code == 200
    page = console.get("/admin/calendar?year=2027", as_="admin@east").get_data(as_text=True)
    assert "（王管理，" in page and "admin.city" not in page
