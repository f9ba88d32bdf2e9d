"""附件 in a real browser (Chromium through Playwright): the applicant's handler uploads a scanned roster on the
application page (a real file input, multipart), sees it listed, previews it (served inline as PDF), and withdraws
it with a reason after the confirm dialog. Screenshots go to artifacts/screenshots/ (gitignored)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engines.attachments.helpers import PDF
from tests.support.browser import ARTIFACTS, MARKS, Person
from tests.support.console import Console
from tests.support.establishment import make_unit, new_case
from tests.support.world import Api

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

HANDLER = "handler@east_t1"
NAME = "花名册（扫描）.pdf"


def test_upload_preview_and_withdraw_an_attachment(api: Api, console: Console, live_server: str, browser: Any) -> None:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    case = new_case(api, [unit["id"]], "branch", as_=HANDLER)
    console.give_password(HANDLER)
    me = Person(browser, live_server, "handler.east_t1")
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    me.page.on("dialog", answer)
    me.sign_in()
    me.page.goto(f"{live_server}/applications/{case['id']}")
    section = me.page.locator(f"#attachments-establishment-{case['id']}")
    assert "暂无附件" in section.inner_text()
    upload = section.locator("form[data-attachment-action=upload]")
    upload.locator("select[name=kind]").select_option(label="花名册")
    # Nothing chosen, then an empty file: said under the field before anything is sent; the page stays.
    error = upload.locator("[data-file-error]")
    upload.locator("button[type=submit]").click()
    assert error.inner_text() == "请选择要上传的文件" and error.is_visible()
    upload.locator("input[type=file]").set_input_files({"name": "空.pdf", "mimeType": "application/pdf", "buffer": b""})
    upload.locator("button[type=submit]").click()
    assert error.inner_text() == "上传的文件为空"
    assert upload.locator("select[name=kind]").input_value() == "roster"  # what was chosen is kept
    assert "暂无附件" in section.inner_text()
    upload.locator("input[type=file]").set_input_files({"name": NAME, "mimeType": "application/pdf", "buffer": PDF})
    with me.page.expect_navigation():
        upload.locator("button[type=submit]").click()
    assert f"已上传附件「{NAME}」" in me.page.inner_text("body")
    row = section.locator("tr[data-attachment]")
    assert row.count() == 1
    cells = row.inner_text()
    assert NAME in cells and "花名册" in cells and HANDLER in cells
    me.shot("action-attachment-uploaded")
    section.screenshot(path=str(ARTIFACTS / "action-attachment-list.png"))

    href = row.locator("a", has_text="预览").get_attribute("href")
    assert href is not None and href.endswith("?inline=1")
    preview = me.page.request.get(live_server + href)
    assert preview.ok and preview.headers["content-type"].startswith("application/pdf")
    assert preview.headers.get("content-disposition", "").startswith("inline")
    assert preview.body() == PDF

    withdraw = row.locator("form[data-attachment-action=withdraw]")
    withdraw.locator("input[name=reason]").fill("上传错了版本")
    with me.page.expect_navigation():
        withdraw.locator("button[type=submit]").click()
    assert len(asked) == 1 and f"确定撤回「{NAME}」" in asked[0]
    assert f"已撤回附件「{NAME}」" in me.page.inner_text("body")
    row = me.page.locator(f"#attachments-establishment-{case['id']} tr[data-attachment]")
    assert row.get_attribute("class") == "withdrawn"
    assert "已撤回" in row.inner_text() and "上传错了版本" in row.inner_text()
    assert row.locator("form[data-attachment-action=withdraw]").count() == 0
    me.shot("action-attachment-withdrawn")
    me.context.close()
