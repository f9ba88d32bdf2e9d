"""Attachments through the API: upload, list, download (headers), withdraw, supersede; limits per file and per
subject; the roles and the scope of each subject (a wrong role 403, out of scope 404 as missing)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

import pytest
from flask import Flask

from tests.engines.attachments.helpers import (
    CASES,
    DOCX,
    INTERVIEWS,
    JPEG,
    PDF,
    PNG,
    TICKETS,
    XLSX,
    stored_files,
    upload,
)
from tests.support.establishment import make_unit, new_case
from tests.support.supervision import issued
from tests.support.world import Api


def _case(api: Api, place: str = "east_t1") -> dict[str, Any]:
    unit = make_unit(api, place, as_="admin@city", formal_members=3)
    return new_case(api, [unit["id"]], "branch", as_="admin@city")


def _interview(api: Api) -> int:
    t = issued(api)
    res = api.post(
        INTERVIEWS,
        as_="supervisor@east",
        json={"ticket_id": t["id"], "reason": "逾期", "scheduled_at": "2026-09-28T09:00:00+08:00", "place": "会议室"},
    )
    assert res.status_code == 201, res.json
    return int(res.json["id"])


@pytest.fixture()
def case(api: Api) -> dict[str, Any]:
    return _case(api)


def test_upload_list_download_withdraw(app: Flask, api: Api, case: dict[str, Any]) -> None:
    base = f"{CASES}/{case['id']}"
    res = upload(api, base, PDF, name="关于成立党支部的请示.pdf")
    assert res.status_code == 201, res.json
    a = res.json
    assert a["content_type"] == "application/pdf"
    assert a["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert a["size"] == len(PDF)
    assert a["filename"] == "关于成立党支部的请示.pdf"
    assert a["uploader_name"] == "admin@city"
    assert a["kind_label"] == "请示"
    listed = api.get(f"{base}/attachments", as_="instructor@east").json
    assert [x["id"] for x in listed] == [a["id"]]

    got = api.get(f"{base}/attachments/{a['id']}", as_="approver@east_t1")
    assert got.status_code == 200
    assert got.data == PDF
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith(f"attachment; filename=attachment-{a['id']}.pdf; filename*=")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert got.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    inline = api.get(f"{base}/attachments/{a['id']}?inline=1")
    assert inline.headers["Content-Disposition"].startswith("inline; ")
    assert inline.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"

    res = api.delete(f"{base}/attachments/{a['id']}", json={"reason": "上传错了"})
    assert res.status_code == 200, res.json
    assert res.json["withdrawn"] is True
    assert res.json["withdrawal_reason"] == "上传错了"
    assert res.json["withdrawer_name"] == "admin@city"
    assert api.delete(f"{base}/attachments/{a['id']}", json={"reason": "再撤"}).status_code == 409
    # The bytes stay: a withdrawn attachment can still be downloaded for the record.
    assert api.get(f"{base}/attachments/{a['id']}").data == PDF
    actions = [e["action"] for e in api.get(f"/api/v1/audit?subject_type=establishment&subject_id={case['id']}").json]
    assert "attachment.add" in actions and "attachment.withdraw" in actions


@pytest.mark.parametrize(
    ("data", "name", "content_type", "preview"),
    [
        (PNG, "合影.png", "image/png", True),
        (JPEG, "扫描.jpg", "image/jpeg", True),
        (DOCX, "会议记录.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
        (XLSX, "花名册.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "旧花名册.xls", "application/vnd.ms-excel", False),
        ("党员名单：张三、李四\n".encode(), "名单.txt", "text/plain", False),
        ("党员名单：张三\n".encode("gb18030"), "名单.txt", "text/plain", False),
    ],
)
def test_allowed_types_by_content(
    api: Api, case: dict[str, Any], data: bytes, name: str, content_type: str, preview: bool
) -> None:
    base = f"{CASES}/{case['id']}"
    res = upload(api, base, data, name=name, kind="roster")
    assert res.status_code == 201, res.json
    assert res.json["content_type"] == content_type
    got = api.get(f"{base}/attachments/{res.json['id']}?inline=1")
    assert got.headers["Content-Disposition"].startswith("inline" if preview else "attachment")
    assert "html" not in got.headers["Content-Type"]


def test_same_content_is_stored_once_and_supersede(app: Flask, api: Api, case: dict[str, Any]) -> None:
    base = f"{CASES}/{case['id']}"
    before = len(stored_files(app))
    first = upload(api, base, PDF).json
    again = upload(api, base, PDF, name="副本.pdf", supersedes=str(first["id"]))
    assert again.status_code == 201, again.json
    assert again.json["supersedes_id"] == first["id"]
    assert len(stored_files(app)) == before + (0 if before else 1) or len(stored_files(app)) >= 1
    assert {p.rsplit("/", 1)[1] for p in stored_files(app)} >= {first["sha256"]}
    other = _case(api)
    res = upload(api, f"{CASES}/{other['id']}", PDF, supersedes=str(first["id"]))
    assert res.status_code == 422


def test_unknown_kind_is_refused(api: Api, case: dict[str, Any]) -> None:
    res = upload(api, f"{CASES}/{case['id']}", PDF, kind="evidence")
    assert res.status_code == 422
    assert "请示" in res.json["message"]


def test_limits_per_file_and_per_subject(app: Flask, api: Api, case: dict[str, Any]) -> None:
    settings = app.config["SETTINGS"]
    base = f"{CASES}/{case['id']}"
    app.config["SETTINGS"] = replace(
        settings, attachments=replace(settings.attachments, max_file_bytes=2000, max_subject_bytes=3000)
    )
    try:
        big = PDF + b"0" * 2500
        res = upload(api, base, big)
        assert res.status_code == 413
        assert "单个附件不超过" in res.json["message"]
        ok1 = upload(api, base, PDF + b"1" * 1500)
        assert ok1.status_code == 201
        res = upload(api, base, PDF + b"2" * 1500)
        assert res.status_code == 413
        assert "总大小" in res.json["message"]
        # A withdrawn file no longer counts.
        assert api.delete(f"{base}/attachments/{ok1.json['id']}", json={"reason": "换一份"}).status_code == 200
        assert upload(api, base, PDF + b"2" * 1500).status_code == 201
    finally:
        app.config["SETTINGS"] = settings


def test_roles_and_scope(api: Api, case: dict[str, Any]) -> None:
    base = f"{CASES}/{case['id']}"
    # Instructors and supervisors read cases but do not file them.
    assert upload(api, base, PDF, as_="instructor@east").status_code == 403
    assert upload(api, base, PDF, as_="supervisor@east").status_code == 403
    # Out of scope: as missing.
    assert upload(api, base, PDF, as_="admin@west_t1").status_code == 404
    a = upload(api, base, PDF).json
    assert api.get(f"{base}/attachments", as_="admin@west_t1").status_code == 404
    assert api.get(f"{base}/attachments/{a['id']}", as_="approver@west_t1").status_code == 404
    assert api.delete(f"{base}/attachments/{a['id']}", as_="admin@west_t1", json={"reason": "x"}).status_code == 404
    assert api.delete(f"{base}/attachments/{a['id']}", as_="instructor@east", json={"reason": "x"}).status_code == 403
    # A portal sees only the cases it filed (this one was filed by the city's admin).
    assert api.get(f"{base}/attachments", as_="portal@east").status_code == 404
    # An attachment of another subject is not found under this one.
    other = _case(api)
    assert api.get(f"{CASES}/{other['id']}/attachments/{a['id']}").status_code == 404


def test_ticket_and_interview_attachments(api: Api) -> None:
    t = issued(api)
    base = f"{TICKETS}/{t['id']}"
    assert upload(api, base, PDF, kind="evidence", as_="supervisor@east").status_code == 403
    res = upload(api, base, PNG, name="整改照片.png", kind="evidence", as_="handler@east_t1")
    assert res.status_code == 201, res.json
    assert res.json["kind_label"] == "整改佐证"
    assert api.get(f"{base}/attachments", as_="supervisor@east").json[0]["id"] == res.json["id"]
    assert api.get(f"{base}/attachments", as_="portal@east").status_code == 403
    assert api.get(f"{base}/attachments", as_="supervisor@west_t1").status_code == 404

    iv = _interview(api)
    base = f"{INTERVIEWS}/{iv}"
    assert upload(api, base, PDF, kind="record", as_="handler@east_t1").status_code == 403
    res = upload(api, base, PDF, name="约谈记录.pdf", kind="record", as_="supervisor@east")
    assert res.status_code == 201, res.json
    assert res.json["kind_label"] == "约谈记录"
    assert api.get(f"{base}/attachments/{res.json['id']}", as_="handler@east_t1").data == PDF


def test_an_upload_publishes_attachment_added(app: Flask, api: Api, case: dict[str, Any]) -> None:
    from sqlalchemy import select

    from service.extensions import db
    from service.models import WebhookDelivery

    hook = api.post(
        "/api/v1/webhooks",
        as_="admin@east",
        json={"url": "https://portal.example.org/hooks", "events": ["attachment.added"]},
    )
    assert hook.status_code == 201, hook.json
    a = upload(api, f"{CASES}/{case['id']}", PDF).json
    with app.app_context():
        rows = db.session.execute(select(WebhookDelivery).where(WebhookDelivery.event == "attachment.added")).scalars()
        payloads = [r.payload["data"] for r in rows]
        db.session.remove()
    assert payloads == [
        {
            "subject_type": "establishment",
            "subject_id": case["id"],
            "attachment_id": a["id"],
            "kind": "request",
            "content_type": "application/pdf",
            "size": len(PDF),
            "sha256": a["sha256"],
            "supersedes_id": None,
        }
    ]
