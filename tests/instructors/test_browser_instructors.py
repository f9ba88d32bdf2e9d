"""党建指导员 in a real browser (Playwright + Debian Chromium): a township's handler assigns an instructor to two
units from the list of units without guidance; the instructor, on a phone-width screen (390 px), lands on
我的联系单位 and logs a visit with a photo in well under a minute — a refusal (a field left empty, a file that is
no image) keeps what was typed and says why; the handler sees the photo on the instructor's page and releases
one unit after the confirmation. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import time
from typing import Any

import pytest
from flask import Flask

from tests.engines.attachments.helpers import PNG
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.instructors import uncovered_unit
from tests.support.world import World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def test_assign_then_log_a_visit_on_a_phone(
    app: Flask, world: World, console: Console, live_server: str, browser: Any
) -> None:
    for who in ("handler@east_t1", "instructor@east_t1"):
        console.give_password(who)
    units = [uncovered_unit(app, world, "east_t1") for _ in range(2)]

    handler = Person(browser, live_server, "handler.east_t1")
    handler.sign_in()
    handler.page.goto(live_server + "/instructors")
    for u in units:
        handler.page.check(f"#uncovered-list tr[data-unit='{u}'] input[name=unit_ids]")
    # Without an instructor chosen: refused with the field's message, the units still ticked.
    handler.page.click("#assign-form button[type=submit]")
    handler.page.wait_for_load_state()
    assert handler.page.locator(".field-error[data-field=instructor_id]").is_visible()
    assert handler.page.is_checked(f"#uncovered-list tr[data-unit='{units[0]}'] input[name=unit_ids]")
    handler.page.select_option("#assign-form select[name=instructor_id]", str(world.users["instructor@east_t1"]))
    handler.page.click("#assign-form button[type=submit]")
    handler.page.wait_for_load_state()
    assert "已选派党建指导员联系2个单位" in handler.page.inner_text("[role=status]")
    handler.shot("instructors-body")

    phone = Person(browser, live_server, "instructor.east_t1", width=390, height=844)
    started = time.monotonic()
    phone.sign_in()
    assert phone.page.url.endswith("/my-units")  # an instructor lands on 我的联系单位
    phone.page.click("#my-units [data-assignment] a.button >> nth=0")
    phone.page.wait_for_load_state()
    form = phone.page.locator("#visit-form")
    phone.shot("instructors-visit-390")
    form.locator("textarea[name=next_step]").fill("下周召开党员座谈会")
    form.locator("button[type=submit]").click()  # "做了什么" left empty
    phone.page.wait_for_load_state()
    assert phone.page.locator(".field-error[data-field=done]").is_visible()
    assert form.locator("textarea[name=next_step]").input_value() == "下周召开党员座谈会"
    form.locator("input[value=guidance]").check()
    form.locator("textarea[name=done]").fill("指导企业建立党员名册")
    # A page saved as a photo: refused by its content, nothing written, what was typed kept.
    form.locator("input[name=file]").set_input_files(
        {"name": "现场.jpg", "mimeType": "image/jpeg", "buffer": b"<html><body>x</body></html>"}
    )
    form.locator("button[type=submit]").click()
    phone.page.wait_for_load_state()
    assert "附件未上传，走访未保存：不支持的文件类型" in phone.page.inner_text("#visit-file-refused")
    assert phone.page.locator(".field-error[data-field=file]").is_visible()
    assert form.locator("textarea[name=done]").input_value() == "指导企业建立党员名册"
    assert form.locator("input[value=guidance]").is_checked()
    phone.shot("instructors-visit-file-refused-390")
    form.locator("select[name=attachment_kind]").select_option("photo")
    form.locator("input[name=file]").set_input_files({"name": "走访合影.png", "mimeType": "image/png", "buffer": PNG})
    form.locator("button[type=submit]").click()
    phone.page.wait_for_load_state()
    elapsed = time.monotonic() - started
    assert "已记录走访并上传附件" in phone.page.inner_text("[role=status]")
    assert elapsed < 60, elapsed
    # Nothing wider than the phone: no sideways scrolling.
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert "最近走访：2026-09-25" in phone.page.inner_text("#my-units")
    phone.shot("instructors-my-units-390")

    # The handler sees the visit with its photo on the instructor's page, and downloads it.
    handler.page.goto(live_server + f"/instructors/{world.users['instructor@east_t1']}")
    files = handler.page.locator("#visit-list [data-attachment]")
    assert files.count() == 1
    assert "走访合影.png" in files.inner_text() and "走访照片" in files.inner_text()
    assert "instructor@east_t1上传" in files.inner_text()
    with handler.page.expect_download() as got:
        files.locator("a").click()
    assert got.value.suggested_filename == "走访合影.png"

    # The handler releases the other unit, after the confirmation.
    asked: list[str] = []

    def accept(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    handler.page.on("dialog", accept)
    row = handler.page.locator("#assignment-list tr[data-assignment]").filter(has_text="尚无").first
    row.locator("button[type=submit]").click()
    handler.page.wait_for_load_state()
    assert asked and "解除选派" in asked[0]
    assert "已解除选派" in handler.page.inner_text("[role=status]")
    assert "已解除" in handler.page.inner_text("#assignment-list")
