"""Files on a visit log entry (走访记录的附件): the four attachment routes under /instructor-visits, their
refusals (413, 415, 422), who reads (the workflow's readers in the visit's scope, but of instructors only the one
who logged it) and who acts (that instructor); the visit form that writes the visit and its file in one request,
and a refused file that writes neither and keeps what was typed; the pages that show the files."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import replace
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from service.extensions import db
from service.models import Attachment, AuditEvent
from service.models.instructor import VisitLog
from tests.engines.attachments.helpers import JPEG, PDF, PNG, stored_files, upload
from tests.support.console import Console
from tests.support.instructors import ASSIGNMENTS, assigned
from tests.support.world import Api, World

VISITS = "/api/v1/instructor-visits"
ME = "instructor@east_t1"
TODAY = "2026-09-25"  # the injected clock's civil date


def _visit(app: Flask, api: Api, world: World, who: str = ME) -> int:
    row = assigned(app, world, "east_t1", world.users[who])
    res = api.post(
        f"{ASSIGNMENTS}/{row}/visits", as_=who, json={"visited_on": TODAY, "kind": "visit", "done": "走访企业"}
    )
    assert res.status_code == 201, res.json
    return int(res.json["id"])


def _counts(app: Flask) -> tuple[int, int, int]:
    with app.app_context():
        counts = (
            db.session.scalar(select(func.count()).select_from(VisitLog)) or 0,
            db.session.scalar(select(func.count()).select_from(Attachment)) or 0,
            db.session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )
        db.session.remove()
    return counts


def test_upload_list_download_withdraw_on_a_visit(app: Flask, api: Api, world: World) -> None:
    visit = _visit(app, api, world)
    base = f"{VISITS}/{visit}"
    res = upload(api, base, PNG, name="走访合影.png", kind="photo", as_=ME)
    assert res.status_code == 201, res.json
    a = res.json
    assert (a["kind_label"], a["content_type"], a["size"]) == ("走访照片", "image/png", len(PNG))
    assert a["uploader_name"] == "instructor@east_t1" and a["sha256"] == hashlib.sha256(PNG).hexdigest()
    for reader in ("handler@east_t1", "supervisor@east", "approver@east_t1", "admin@city", ME):
        listed = api.get(f"{base}/attachments", as_=reader)
        assert listed.status_code == 200, (reader, listed.json)
        assert [x["id"] for x in listed.json] == [a["id"]]
    got = api.get(f"{base}/attachments/{a['id']}", as_="handler@east_t1")
    assert got.status_code == 200 and got.data == PNG
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert got.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"

    # The body's staff read, they do not withdraw: the instructor who logged the visit does.
    assert api.delete(f"{base}/attachments/{a['id']}", as_="handler@east_t1", json={"reason": "x"}).status_code == 403
    res = api.delete(f"{base}/attachments/{a['id']}", as_=ME, json={"reason": "拍错了"})
    assert res.status_code == 200, res.json
    assert res.json["withdrawn"] is True and res.json["withdrawer_name"] == ME
    assert api.delete(f"{base}/attachments/{a['id']}", as_=ME, json={"reason": "再撤"}).status_code == 409
    with app.app_context():
        actions = db.session.execute(
            select(AuditEvent.action).where(
                AuditEvent.subject_type == "instructor_visit", AuditEvent.subject_id == visit
            )
        ).scalars()
        assert sorted(actions) == ["attachment.add", "attachment.withdraw"]
        db.session.remove()


def test_refusals_write_nothing(app: Flask, api: Api, world: World) -> None:
    visit = _visit(app, api, world)
    base = f"{VISITS}/{visit}"
    files, before = stored_files(app), _counts(app)
    res = upload(api, base, b"<html><script>alert(1)</script></html>", name="照片.jpg", kind="photo", as_=ME)
    assert res.status_code == 415 and res.json["message"].startswith("不支持的文件类型")
    res = upload(api, base, b"", name="空.pdf", kind="record", as_=ME)
    assert res.status_code == 422 and res.json["message"] == "上传的文件为空"
    res = upload(api, base, PDF, name="记录.pdf", kind="request", as_=ME)
    assert res.status_code == 422 and "走访照片、工作记录、其他" in res.json["message"]
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, attachments=replace(settings.attachments, max_file_bytes=2000))
    try:
        res = upload(api, base, PDF + b"0" * 2500, name="大文件.pdf", kind="record", as_=ME)
        assert res.status_code == 413 and "单个附件不超过" in res.json["message"]
    finally:
        app.config["SETTINGS"] = settings
    assert stored_files(app) == files and _counts(app) == before
    assert api.get(f"{base}/attachments", as_=ME).json == []


def test_who_reads_and_who_acts(app: Flask, api: Api, world: World) -> None:
    visit = _visit(app, api, world)
    base = f"{VISITS}/{visit}"
    a = upload(api, base, JPEG, name="现场.jpg", kind="photo", as_=ME).json
    one = f"{base}/attachments/{a['id']}"
    # Another instructor, even one whose area holds the visit, does not see it: as missing.
    for other in ("instructor@east", "instructor@west_t1"):
        assert api.get(f"{base}/attachments", as_=other).status_code == 404
        assert api.get(one, as_=other).status_code == 404
        assert upload(api, base, PNG, name="x.png", kind="photo", as_=other).status_code == 404
        assert api.delete(one, as_=other, json={"reason": "x"}).status_code == 404
    # Outside the visit's jurisdiction: 404; portals (no reader of the workflow): 403.
    assert api.get(one, as_="handler@west_t1").status_code == 404
    assert api.get(f"{base}/attachments", as_="portal@east_t1").status_code == 403
    assert api.get(one, as_="portal@east_t1").status_code == 403
    # The body's staff read but add nothing.
    for staff in ("handler@east_t1", "supervisor@east", "admin@city"):
        assert upload(api, base, PNG, name="x.png", kind="photo", as_=staff).status_code == 403
    # An attachment of another visit is not found under this one; a missing visit is 404.
    other_visit = _visit(app, api, world)
    assert api.get(f"{VISITS}/{other_visit}/attachments/{a['id']}", as_=ME).status_code == 404
    assert api.get(f"{VISITS}/999999/attachments", as_="admin@city").status_code == 404


# -- the console: the visit form with its optional file, and the pages that show the files -------------------------


def _form(**extra: Any) -> dict[str, Any]:
    return {"visited_on": TODAY, "kind": "guidance", "done": "指导建立党员名册", "next_step": "召开座谈会", **extra}


def test_the_visit_form_writes_the_visit_and_its_file_in_one_request(
    app: Flask, console: Console, world: World
) -> None:
    row = assigned(app, world, "east_t1", world.users[ME])
    page = console.get(f"/my-units/{row}/visit", as_=ME).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'name="file"' in page
    assert re.search(r'<option value="photo"\s*>走访照片</option>', page) is not None
    before = _counts(app)
    res = console.post(
        f"/my-units/{row}/visit",
        as_=ME,
        data=_form(attachment_kind="record", file=(io.BytesIO(PDF), "指导记录.pdf")),
    )
    assert res.status_code == 302, res.get_data(as_text=True)[:800]
    visits, files, _audits = _counts(app)
    assert (visits, files) == (before[0] + 1, before[1] + 1)
    with app.app_context():
        visit = db.session.execute(select(VisitLog).where(VisitLog.assignment_id == row)).scalar_one()
        (a,) = db.session.execute(select(Attachment).where(Attachment.subject_id == visit.id)).scalars()
        assert (a.subject_type, a.kind, a.filename, a.uploaded_by) == (
            "instructor_visit",
            "record",
            "指导记录.pdf",
            world.users[ME],
        )
        visit_id, attachment_id = visit.id, a.id
        db.session.remove()
    assert "已记录走访并上传附件" in console.get("/my-units", as_=ME).get_data(as_text=True)

    # The instructor's log (the form's recent visits) and the body's page of the instructor show the file.
    href = f"/attachments/instructor_visit/{visit_id}/{attachment_id}"
    for path, who in ((f"/my-units/{row}/visit", ME), (f"/instructors/{world.users[ME]}", "handler@east_t1")):
        html = console.get(path, as_=who).get_data(as_text=True)
        entry = re.search(rf'data-attachment="{attachment_id}"(.*?)</', html, re.S)
        assert entry is not None, path
        assert href in html and "指导记录.pdf" in html and f"{len(PDF)} B" in html
        assert "工作记录" in html and "instructor@east_t1上传" in html
    got = console.get(href, as_="handler@east_t1")
    assert got.status_code == 200 and got.data == PDF
    assert console.get(href, as_="instructor@east").status_code == 404

    # Without a file: the visit alone, as before.
    res = console.post(f"/my-units/{row}/visit", as_=ME, data=_form(attachment_kind="photo"))
    assert res.status_code == 302
    assert _counts(app)[:2] == (before[0] + 2, before[1] + 1)


def test_a_refused_file_keeps_what_was_typed_and_writes_nothing(app: Flask, console: Console, world: World) -> None:
    row = assigned(app, world, "east_t1", world.users[ME])
    files, before = stored_files(app), _counts(app)
    res = console.post(
        f"/my-units/{row}/visit",
        as_=ME,
        data=_form(attachment_kind="photo", file=(io.BytesIO(b"MZ\x90\x00" + b"\x00" * 60), "照片.jpg")),
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 415
    assert "附件未上传，走访未保存：不支持的文件类型" in html
    assert "指导建立党员名册" in html and "召开座谈会" in html and f'value="{TODAY}"' in html
    assert 'value="guidance" checked' in html and '<option value="photo" selected>' in html
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, attachments=replace(settings.attachments, max_file_bytes=2000))
    try:
        res = console.post(
            f"/my-units/{row}/visit",
            as_=ME,
            data=_form(attachment_kind="record", file=(io.BytesIO(PDF + b"0" * 2500), "记录.pdf")),
        )
    finally:
        app.config["SETTINGS"] = settings
    html = res.get_data(as_text=True)
    assert res.status_code == 413 and "文件过大（单个附件不超过" in html and "指导建立党员名册" in html
    res = console.post(
        f"/my-units/{row}/visit", as_=ME, data=_form(attachment_kind="bogus", file=(io.BytesIO(PDF), "记录.pdf"))
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 422 and 'data-field="attachment_kind"' in html and "附件类型无效" in html
    # A refused visit (a date in the future) with a good file: nothing either.
    res = console.post(
        f"/my-units/{row}/visit",
        as_=ME,
        data={**_form(attachment_kind="photo", file=(io.BytesIO(PNG), "合影.png")), "visited_on": "2026-09-28"},
    )
    assert res.status_code == 422 and "走访日期不能晚于今天" in res.get_data(as_text=True)
    assert stored_files(app) == files and _counts(app) == before
