"""覆盖 in a real browser (Playwright + Debian Chromium, the console fixtures): a supervisor opens the coverage
page (the server-side SVG charts visible), exports the must-establish list (an .xlsx with the list's header),
imports a small .xlsx with one bad row in valid-rows-only mode and reads the row's error on the status page,
then downloads the 督办单 from a ticket page. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.support import coverage as h
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.excel import read_xlsx, run_job, xlsx
from tests.support.factories import new_credit_code
from tests.support.supervision import issued
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def _ledger(app: Flask, world: World) -> None:
    t1, t2 = world.ids["east_t1"], world.ids["east_t2"]
    for _ in range(3):
        h.unit(app, t1, org_id=h.org(app, t1))
    h.unit(app, t1, instructor=world.users["instructor@east_t1"])
    h.unit(app, t1, name="青山应建未建公司", reason="党员不足")
    h.unit(app, t2, org_id=h.org(app, t2, "joint_branch"))
    h.unit(app, t2, name="东二应建未建协会", kind="social_org", employees=40)


def test_coverage_export_import_and_a_ticket_document(
    app: Flask, world: World, api: Api, console: Console, live_server: str, browser: Any, tmp_path: Path
) -> None:
    _ledger(app, world)
    ticket = issued(api)
    console.give_password("supervisor@east")
    person = Person(browser, live_server, "supervisor.east")
    person.sign_in()
    page = person.page

    page.goto(live_server + "/coverage")
    assert page.locator("#bar-chart svg").is_visible()
    assert page.locator("#bar-chart svg rect.bar").count() == 4  # two children with a rate × two rates
    assert page.locator("#trend-chart svg").is_visible()
    assert page.inner_text("#org-rate") == "57.1%"  # 4 of 7 units
    person.shot("20-coverage")

    with page.expect_download() as info:
        page.click("#export-must")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(str(target))
    rows = read_xlsx(target.read_bytes())
    assert rows[0][:3] == ("统一社会信用代码", "单位名称", "单位类型")
    assert {r[1] for r in rows[1:]} >= {"青山应建未建公司", "东二应建未建协会"}

    page.goto(live_server + "/coverage/imports")
    upload = tmp_path / "台账.xlsx"
    upload.write_bytes(
        xlsx(
            [
                [new_credit_code(), "浏览器导入有限公司", "非公企业", "east_t1", 120, 5],
                ["坏代码", "浏览器导入坏行公司", "非公企业", "east_t1", 120, 5],
            ]
        )
    )
    page.set_input_files("input[name=file]", str(upload))
    page.check("input[name=mode][value=valid_rows_only]")
    person.shot("21-import-form")
    page.click("#import-form button[type=submit]")
    page.wait_for_load_state()
    assert "/coverage/imports/" in page.url
    import_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
    assert run_job(app, import_id) == "succeeded"  # the worker's job, run here
    page.reload()
    assert page.get_attribute("#import-status", "data-status") == "succeeded"
    assert page.inner_text("#created") == "1" and page.inner_text("#error-rows") == "1"
    assert page.locator("#import-errors tr[data-row='3']").count() >= 1
    person.shot("22-import-errors")
    with page.expect_download() as info:
        page.click("#errors-xlsx")
    assert info.value.suggested_filename.endswith(".xlsx")

    page.goto(f"{live_server}/board/tickets/{ticket['id']}")
    with page.expect_download() as info:
        page.click("#ticket-document")
    doc = tmp_path / info.value.suggested_filename
    info.value.save_as(str(doc))
    assert doc.suffix == ".docx" and doc.read_bytes()[:2] == b"PK"
    person.shot("23-ticket-documents")
    person.context.close()
