"""五个同步 in a real browser (Playwright + Debian Chromium): a township handler opens the section from the menu,
finds a unit operating two years without an activity, records one from the list (a future date refused with
what was typed kept, then accepted), records the unit's annual inspection by its credit code without party work
checked, and finds it on the unchecked list. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from service.clock import FixedClock
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.synchronisation import unit_since
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def test_record_an_activity_and_an_inspection(
    world: World, api: Api, console: Console, clock: FixedClock, live_server: str, browser: Any
) -> None:
    quiet = unit_since(api, world, clock, "2024-06-03", name="两年无活动科技有限公司")
    code = api.get(f"/api/v1/units/{quiet}", as_="admin@city").json["credit_code"]
    console.give_password("handler@east_t1")
    person = Person(browser, live_server, "handler.east_t1")
    person.sign_in()
    page = person.page

    page.click("nav a[data-nav='console.synchronisation_inactive']")
    row = page.locator(f"#inactive-units tr[data-unit='{quiet}']")
    assert "两年无活动科技有限公司" in row.inner_text() and "从未登记" in row.inner_text()
    person.shot("60-sync-inactive")
    row.locator("text=登记活动").click()
    assert page.inner_text("#chosen-unit").startswith("单位：两年无活动科技有限公司")
    page.select_option("select[name=kind]", "volunteer")
    page.fill("input[name=held_on]", "2026-09-28")  # after today (2026-09-25)
    page.fill("input[name=attendance]", "12")
    page.fill("textarea[name=description]", "走进社区开展志愿服务")
    page.click("#activity-form button[type=submit]")
    assert "不能晚于今天" in page.inner_text("p.field-error[data-field=held_on]")
    assert page.input_value("textarea[name=description]") == "走进社区开展志愿服务"
    assert page.input_value("input[name=attendance]") == "12"
    person.shot("61-sync-activity-refused")
    page.fill("input[name=held_on]", "2026-09-18")
    page.click("#activity-form button[type=submit]")
    assert "/synchronisation/inactive" in page.url
    assert "已登记「两年无活动科技有限公司」2026-09-18的党组织活动" in page.inner_text("body")
    assert page.locator(f"#inactive-units tr[data-unit='{quiet}']").count() == 0

    page.click("text=登记年检情况")
    page.fill("input[name=credit_code]", code)
    page.fill("input[name=inspected_on]", "2026-06-15")
    page.select_option("select[name=result]", "passed")
    page.check("input[name=party_work_checked][value=false]")
    page.fill("textarea[name=note]", "年检时未检查党建工作")
    person.shot("62-sync-inspection-form")
    page.click("#inspection-form button[type=submit]")
    assert "/synchronisation/unchecked" in page.url
    listed = page.inner_text("#unchecked-inspections")
    assert "两年无活动科技有限公司" in listed and "2026-06-15" in listed
    person.shot("63-sync-unchecked")
