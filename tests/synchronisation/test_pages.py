"""The 五个同步 console pages: the two lists, the two forms (every refusal shown, what was typed kept), who may
open what, the Excel export, and the coverage page's party-work figures."""

from __future__ import annotations

import re

from flask import Flask

from service.clock import FixedClock
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.excel import read_xlsx
from tests.support.synchronisation import ACTIVITIES, INSPECTIONS, activity, inspection, ok, unit_since
from tests.support.world import Api, World

ASCII_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def _visible(html: str) -> str:
    """The page's text, without the test world's user names (handler@east_t1) and the footer's date format."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\S*@\S*|YYYY-MM-DD|Excel", "", text)


def test_the_inactive_list_links_to_the_form(console: Console, api: Api, world: World, clock: FixedClock) -> None:
    quiet = unit_since(api, world, clock, "2024-04-01")
    res = console.get("/synchronisation/inactive", as_="handler@east_t1")
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and f'data-unit="{quiet}"' in html and "从未登记" in html
    assert f"/synchronisation/activities/new?unit_id={quiet}" in html
    assert not ASCII_WORD.search(_visible(html))
    # Supervisors read the list but record no activity: no link, and the form is refused.
    html = console.get("/synchronisation/inactive", as_="supervisor@east").get_data(as_text=True)
    assert f'data-unit="{quiet}"' in html and "登记活动" not in html
    assert console.get("/synchronisation/activities/new", as_="supervisor@east").status_code == 403
    export = console.get(
        f"/synchronisation/inactive/export.xlsx?jurisdiction_id={world.ids['east_t1']}", as_="supervisor@east"
    )
    assert export.status_code == 200
    header, *rows = read_xlsx(export.data, 0)
    assert header[:2] == ("统一社会信用代码", "单位名称") and [r[5] for r in rows] == ["2024-04-01"]


def test_recording_an_activity_from_the_list(
    app: Flask, console: Console, api: Api, world: World, clock: FixedClock
) -> None:
    quiet = unit_since(api, world, clock, "2024-04-01")
    form = console.get(f"/synchronisation/activities/new?unit_id={quiet}", as_="handler@east_t1")
    assert form.status_code == 200 and 'id="chosen-unit"' in form.get_data(as_text=True)
    # Refused: a future date and no attendance; nothing changes, what was typed stays, every message shows.
    before = fingerprint(app)
    res = console.post(
        "/synchronisation/activities/new",
        as_="handler@east_t1",
        data={
            "unit_id": str(quiet),
            "kind": "volunteer",
            "held_on": "2026-09-26",
            "attendance": "0",
            "description": "义务植树",
        },
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and fingerprint(app) == before
    assert 'data-field="attendance"' in html and "义务植树" in html and 'value="volunteer" selected' in html
    res = console.post(
        "/synchronisation/activities/new",
        as_="handler@east_t1",
        data={
            "unit_id": str(quiet),
            "kind": "volunteer",
            "held_on": "2026-09-26",
            "attendance": "9",
            "description": "义务植树",
        },
    )
    assert 'data-field="held_on"' in res.get_data(as_text=True) and "不能晚于今天" in res.get_data(as_text=True)
    res = console.post(
        "/synchronisation/activities/new",
        as_="handler@east_t1",
        data={
            "unit_id": str(quiet),
            "kind": "volunteer",
            "held_on": "2026-09-20",
            "attendance": "9",
            "description": "义务植树",
        },
    )
    assert res.status_code == 302
    html = console.get("/synchronisation/inactive", as_="handler@east_t1").get_data(as_text=True)
    assert f'data-unit="{quiet}"' not in html


def test_a_unit_named_by_its_credit_code(console: Console, api: Api, world: World, clock: FixedClock) -> None:
    unit = unit_since(api, world, clock, "2024-04-01", instructor_id=world.users["instructor@east_t1"])
    code = api.get(f"/api/v1/units/{unit}", as_="admin@city").json["credit_code"]
    other = unit_since(api, world, clock, "2024-04-01")
    other_code = api.get(f"/api/v1/units/{other}", as_="admin@city").json["credit_code"]
    data = {"kind": "theme_day", "held_on": "2026-09-20", "attendance": "6", "description": "主题党日"}
    res = console.post("/synchronisation/activities/new", as_="instructor@east_t1", data={**data, "credit_code": "91X"})
    assert "未找到该统一社会信用代码的单位" in res.get_data(as_text=True)
    # Not a unit this instructor guides: the refusal is shown on the form, not as an error page.
    res = console.post(
        "/synchronisation/activities/new", as_="instructor@east_t1", data={**data, "credit_code": other_code}
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and "党建指导员只能为所指导的单位登记" in html and 'role="alert"' in html
    res = console.post(
        "/synchronisation/activities/new", as_="instructor@east_t1", data={**data, "credit_code": code.lower()}
    )
    assert res.status_code == 302


def test_recording_inspections_and_the_unchecked_list(
    app: Flask, console: Console, api: Api, world: World, clock: FixedClock
) -> None:
    unit = unit_since(api, world, clock, "2024-04-01")
    data = {"unit_id": str(unit), "year": "2026", "inspected_on": "2026-05-20", "result": "passed"}
    before = fingerprint(app)
    res = console.post("/synchronisation/inspections/new", as_="supervisor@east", data=data)  # whether checked: missing
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and 'data-field="party_work_checked"' in html and fingerprint(app) == before
    assert 'value="2026-05-20"' in html
    res = console.post(
        "/synchronisation/inspections/new", as_="supervisor@east", data={**data, "party_work_checked": "false"}
    )
    assert res.status_code == 302
    res = console.post(
        "/synchronisation/inspections/new", as_="supervisor@east", data={**data, "party_work_checked": "true"}
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and "该单位本年度的年检情况已登记" in html
    listed = console.get("/synchronisation/unchecked", as_="instructor@east").get_data(as_text=True)
    assert "data-inspection=" in listed and "2026-05-20" in listed
    assert console.get("/synchronisation/inspections/new", as_="instructor@east").status_code == 403


def test_the_coverage_page_shows_the_party_work_figures(
    console: Console, api: Api, world: World, clock: FixedClock
) -> None:
    active = unit_since(api, world, clock, "2024-04-01")
    unit_since(api, world, clock, "2024-04-01")
    ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(active)), 201)
    ok(api.post(INSPECTIONS, as_="handler@east_t1", json=inspection(active)), 201)
    html = console.get(f"/coverage?jurisdiction_id={world.ids['east_t1']}", as_="supervisor@east").get_data(
        as_text=True
    )
    assert re.search(r'id="activity-rate">50\.0%', html) and re.search(r'id="checked-rate">100\.0%', html)
