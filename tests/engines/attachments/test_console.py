"""附件 on the console's case, application and ticket pages: the section, an upload through the form (multipart,
CSRF), a refusal shown in Chinese with the kind kept, download and preview links, 撤回 with a reason."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

from flask import Flask

from tests.engines.attachments.helpers import PDF, stored_files
from tests.support.console import Console
from tests.support.establishment import make_unit, new_case
from tests.support.supervision import issued
from tests.support.world import Api


def _case(api: Api) -> dict[str, Any]:
    unit = make_unit(api, "east_t1", as_="admin@city", formal_members=3)
    return new_case(api, [unit["id"]], "branch", as_="handler@east_t1")


def test_upload_list_download_and_withdraw_on_the_application_page(app: Flask, api: Api, console: Console) -> None:
    case = _case(api)
    page_path = f"/applications/{case['id']}"
    page = console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    anchor = f"attachments-establishment-{case['id']}"
    assert f'id="{anchor}"' in page and "暂无附件" in page
    assert 'enctype="multipart/form-data"' in page and '<option value="roster">花名册</option>' in page

    res = console.post(
        f"/attachments/establishment/{case['id']}",
        as_="handler@east_t1",
        data={"kind": "roster", "back": page_path, "file": (io.BytesIO(PDF), "花名册（扫描）.pdf")},
    )
    assert res.status_code == 302 and res.headers["Location"] == f"{page_path}#{anchor}"
    page = console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    assert "已上传附件「花名册（扫描）.pdf」" in page
    row = re.search(r'<tr data-attachment="(\d+)">(.*?)</tr>', page, re.S)
    assert row is not None
    ident, cells = row.group(1), row.group(2)
    assert "花名册（扫描）.pdf" in cells and "花名册" in cells and f"{len(PDF)} B" in cells
    assert "handler@east_t1" in cells  # the uploader's display name
    assert hashlib.sha256(PDF).hexdigest()[:12] in cells
    assert "预览" in cells and "?inline=1" in cells and "撤回" in cells
    # The case page (approvers) shows the same list; an instructor reads it without the forms.
    case_page = console.get(f"/cases/{case['id']}", as_="instructor@east").get_data(as_text=True)
    assert f'data-attachment="{ident}"' in case_page and "上传附件" not in case_page

    download = f"/attachments/establishment/{case['id']}/{ident}"
    got = console.get(download, as_="approver@east_t1")
    assert got.status_code == 200 and got.data == PDF
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert got.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    preview = console.get(f"{download}?inline=1", as_="approver@east_t1")
    assert preview.headers["Content-Disposition"].startswith("inline;")

    res = console.post(f"{download}/withdraw", as_="handler@east_t1", data={"reason": "", "back": page_path})
    assert res.status_code == 302
    assert "请填写撤回理由" in console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    res = console.post(f"{download}/withdraw", as_="handler@east_t1", data={"reason": "扫描不清", "back": page_path})
    assert res.status_code == 302
    page = console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    assert "已撤回附件" in page and "理由：扫描不清" in page and 'class="withdrawn"' in page


def test_a_refused_upload_says_why_in_chinese_and_keeps_the_kind(app: Flask, api: Api, console: Console) -> None:
    case = _case(api)
    page_path = f"/applications/{case['id']}"
    files = stored_files(app)
    res = console.post(
        f"/attachments/establishment/{case['id']}",
        as_="handler@east_t1",
        data={"kind": "minutes", "back": page_path, "file": (io.BytesIO(b"<html><script>x</script>"), "记录.pdf")},
    )
    assert res.status_code == 302
    assert "attach_kind=minutes" in res.headers["Location"]
    page = console.get(res.headers["Location"], as_="handler@east_t1").get_data(as_text=True)
    assert "附件未上传：不支持的文件类型" in page
    assert '<option value="minutes" selected>会议记录</option>' in page
    assert "暂无附件" in page and stored_files(app) == files
    # No file chosen at all.
    res = console.post(
        f"/attachments/establishment/{case['id']}", as_="handler@east_t1", data={"kind": "minutes", "back": page_path}
    )
    page = console.get(res.headers["Location"], as_="handler@east_t1").get_data(as_text=True)
    assert "请选择要上传的文件" in page


def test_the_ticket_page_has_the_ticket_and_each_interview_section(api: Api, console: Console) -> None:
    t = issued(api)
    res = api.post(
        "/api/v1/interviews",
        as_="supervisor@east",
        json={"ticket_id": t["id"], "reason": "逾期", "scheduled_at": "2026-09-28T09:00:00+08:00", "place": "会议室"},
    )
    iv = res.json["id"]
    page_path = f"/board/tickets/{t['id']}"
    handler_page = console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    assert f'id="attachments-supervision_ticket-{t["id"]}"' in handler_page
    assert "整改佐证" in handler_page and "上传附件" in handler_page
    res = console.post(
        f"/attachments/supervision_ticket/{t['id']}",
        as_="handler@east_t1",
        data={"kind": "evidence", "back": page_path, "file": (io.BytesIO(PDF), "整改照片.pdf")},
    )
    assert res.status_code == 302
    supervisor_page = console.get(page_path, as_="supervisor@east").get_data(as_text=True)
    assert "整改照片.pdf" in supervisor_page
    assert f'id="attachments-interview-{iv}"' in supervisor_page and "约谈记录" in supervisor_page
    res = console.post(
        f"/attachments/interview/{iv}",
        as_="supervisor@east",
        data={"kind": "record", "back": page_path, "file": (io.BytesIO("约谈记录正文".encode()), "约谈记录.txt")},
    )
    assert res.status_code == 302
    assert "约谈记录.txt" in console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    # The interviewed body's handler reads the interview's files but may not add one (403 page).
    res = console.post(
        f"/attachments/interview/{iv}",
        as_="handler@east_t1",
        data={"kind": "record", "back": page_path, "file": (io.BytesIO(PDF), "x.pdf")},
    )
    assert res.status_code == 403


def test_the_case_history_names_attachment_events_in_chinese(app: Flask, api: Api, console: Console) -> None:
    case = _case(api)
    page_path = f"/applications/{case['id']}"
    console.post(
        f"/attachments/establishment/{case['id']}",
        as_="handler@east_t1",
        data={"kind": "roster", "back": page_path, "file": (io.BytesIO(PDF), "花名册.pdf")},
    )
    page = console.get(page_path, as_="handler@east_t1").get_data(as_text=True)
    history = page[page.index("办理记录") :]
    assert "添加附件" in history and "attachment.add" not in history
