"""Each kind generated from real rows through the API, read back with python-docx; numbering, re-download,
states without a document, templates replaced by an administrator, PDF without a converter."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Flask

from service.documents.kinds import DocumentKind
from service.documents.render import default_template
from service.extensions import db
from service.models import AuditEvent, DocumentCounter, IssuedDocument
from tests.support.database import fingerprint
from tests.support.documents import TEMPLATES, split_runs_template, table_rows, text_of, upload
from tests.support.establishment import approved_branch
from tests.support.supervision import INTERVIEWS, PROBLEMS, TICKETS, draft, issued, ok
from tests.support.world import Api

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _get(api: Api, path: str, as_: str = "supervisor@east", status: int = 200) -> bytes:
    res = api.get(path, as_=as_)
    assert res.status_code == status, (res.status_code, res.get_data(as_text=True)[:300])
    return bytes(res.data)


def _issued_docs(app: Flask) -> list[IssuedDocument]:
    with app.app_context():
        rows = list(db.session.query(IssuedDocument).order_by(IssuedDocument.id))
        db.session.expunge_all()
    return rows


def test_ticket_document_from_a_real_ticket(app: Flask, api: Api) -> None:
    t = issued(api)
    res = api.get(f"{TICKETS}/{t['id']}/document.docx", as_="handler@east_t1")
    assert res.status_code == 200 and res.mimetype == DOCX
    assert "attachment" in res.headers["Content-Disposition"]
    text = text_of(res.data)
    for expected in (
        "中共东县委员会组织部",  # issuing body (masthead and signature)
        "东县督〔2026〕1号",
        "关于党组织覆盖工作推进滞后的督办单",
        "中共东一镇委员会：",  # addressee: the handling body
        "责任人：刘镇长（镇党委书记）",
        "下发日期：2026年9月25日",
        f"整改期限：{_cn(t['rectify_by'])}",
        "2026年9月25日",
    ):
        assert expected in text, expected
    rows = table_rows(res.data)
    assert rows[0] == ["序号", "存在问题", "整改要求"]
    assert rows[1:] == [
        ["1", PROBLEMS[0]["description"], PROBLEMS[0]["measure"]],
        ["2", PROBLEMS[1]["description"], PROBLEMS[1]["measure"]],
    ]
    assert "{{" not in text


def _cn(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def test_second_download_is_the_same_document_and_writes_nothing(app: Flask, api: Api) -> None:
    t = issued(api)
    first = text_of(_get(api, f"{TICKETS}/{t['id']}/document.docx"))
    before = fingerprint(app)
    # The ticket changes afterwards: the issued document does not.
    ok(api.post(f"{TICKETS}/{t['id']}/acknowledge", as_="handler@east_t1"))
    again = text_of(_get(api, f"{TICKETS}/{t['id']}/document.docx", as_="admin@city"))
    assert again == first
    assert fingerprint(app)[0] == before[0] + 1  # the acknowledgement's audit record only
    docs = _issued_docs(app)
    assert [(d.kind, d.doc_no, d.serial, d.year) for d in docs] == [
        ("supervision_ticket", "东县督〔2026〕1号", 1, 2026)
    ]
    with app.app_context():
        events = db.session.query(AuditEvent).filter(AuditEvent.action == "document.issue").all()
        assert len(events) == 1
        assert events[0].state_after["doc_no"] == "东县督〔2026〕1号"
        assert events[0].subject_id == docs[0].id


def test_numbers_follow_per_body_kind_and_year(app: Flask, api: Api) -> None:
    east = [issued(api) for _ in range(3)]
    city = issued(api, "west_t1", as_="supervisor@city")
    # Downloaded last-issued first: the numbers still follow the order of issue.
    numbers = [text_of(_get(api, f"{TICKETS}/{t['id']}/document.docx")) for t in reversed(east)]
    assert [
        "东县督〔2026〕3号" in numbers[0],
        "东县督〔2026〕2号" in numbers[1],
        "东县督〔2026〕1号" in numbers[2],
    ] == [True] * 3
    assert "测试市督〔2026〕1号" in text_of(_get(api, f"{TICKETS}/{city['id']}/document.docx", as_="admin@city"))
    with app.app_context():
        counters = {(c.issuing_body_id, c.kind, c.year): c.last_no for c in db.session.query(DocumentCounter)}
    assert counters == {
        (api.world.ids["east"], "supervision_ticket", 2026): 3,
        (api.world.ids["city"], "supervision_ticket", 2026): 1,
    }


def test_configured_abbreviation_and_issuer(app: Flask, api: Api) -> None:
    settings = app.config["SETTINGS"]
    docs = replace(settings.documents, abbreviations={"east": "东组"}, issuers={"east": "东县委组织部"})
    app.config["SETTINGS"] = replace(settings, documents=docs)
    t = issued(api)
    text = text_of(_get(api, f"{TICKETS}/{t['id']}/document.docx"))
    assert "东组督〔2026〕1号" in text and "东县委组织部" in text


def test_draft_ticket_has_no_document_and_nothing_changes(app: Flask, api: Api) -> None:
    t = draft(api)
    before = fingerprint(app)
    res = api.get(f"{TICKETS}/{t['id']}/document.docx", as_="supervisor@east")
    assert res.status_code == 409 and res.json["code"] == "document_not_issuable"
    assert res.json["message"] == "督办单尚未下发，不能生成督办单文书"
    assert fingerprint(app) == before


def test_out_of_scope_is_404(api: Api) -> None:
    t = issued(api)
    assert api.get(f"{TICKETS}/{t['id']}/document.docx", as_="admin@west_t1").status_code == 404
    assert api.get(f"{TICKETS}/{t['id']}/document.pdf", as_="admin@west_t1").status_code == 404


def _interview(api: Api, **kw: Any) -> dict[str, Any]:
    t = issued(api)
    body = {
        "ticket_id": t["id"],
        "reason": "逾期未整改",
        "scheduled_at": "2026-09-28T09:00:00+08:00",
        "place": "县委组织部三楼会议室",
        **kw,
    }
    return ok(api.post(INTERVIEWS, as_="supervisor@east", json={k: v for k, v in body.items() if v is not None}), 201)


def test_interview_notice_from_a_real_interview(api: Api) -> None:
    iv = _interview(api)
    text = text_of(_get(api, f"{INTERVIEWS}/{iv['id']}/notice.docx", as_="handler@east_t1"))
    for expected in (
        "东县谈〔2026〕1号",
        "约谈通知",
        "中共东一镇委员会：",
        "约谈对象：东一镇 刘镇长",
        "约谈时间：2026年9月28日 09:00",
        "约谈地点：县委组织部三楼会议室",
        "约谈事由：逾期未整改",
        "中共东县委员会组织部",
        "2026年9月25日",
    ):
        assert expected in text, expected


def test_interview_without_time_has_no_notice(app: Flask, api: Api) -> None:
    iv = _interview(api, scheduled_at=None, place=None)
    before = fingerprint(app)
    res = api.get(f"{INTERVIEWS}/{iv['id']}/notice.docx", as_="supervisor@east")
    assert res.status_code == 409 and res.json["message"] == "约谈时间和地点尚未确定，不能生成约谈通知"
    assert fingerprint(app) == before


def test_approval_reply_carries_the_case_approval_number(app: Flask, api: Api) -> None:
    case = approved_branch(api)
    text = text_of(_get(api, f"/api/v1/establishment-cases/{case['id']}/reply.docx", as_="portal@east"))
    assert case["approval_doc_no"] in text
    for expected in (f"关于同意成立{case['proposed_name']}的批复", "组织形式：党支部", "正式党员3名", "2026年9月25日"):
        assert expected in text, expected
    docs = _issued_docs(app)
    assert [(d.doc_no, d.serial) for d in docs] == [(case["approval_doc_no"], None)]
    with app.app_context():
        assert db.session.query(DocumentCounter).count() == 0  # no number taken from a sequence


def test_unapproved_case_has_no_reply(api: Api) -> None:
    from tests.support.establishment import submitted_branch

    case = submitted_branch(api)
    res = api.get(f"/api/v1/establishment-cases/{case['id']}/reply.docx", as_="admin@east")
    assert res.status_code == 409 and res.json["message"] == "申请尚未批准，不能生成批复"


def test_pdf_without_converter_is_501_and_changes_nothing(app: Flask, api: Api) -> None:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    t = issued(api)
    before = fingerprint(app)
    res = api.get(f"{TICKETS}/{t['id']}/document.pdf")
    assert res.status_code == 501
    assert res.json["code"] == "pdf_unavailable"
    assert "LibreOffice" in res.json["message"] and ".docx" in res.json["message"]
    assert fingerprint(app) == before
    assert api.get(f"{TICKETS}/{t['id']}/document.docx").status_code == 200  # the .docx always works


# -- templates ---------------------------------------------------------------------------------------------------


def test_admin_replaces_a_template_for_the_body_and_its_subtree(app: Flask, api: Api) -> None:
    old = issued(api)
    old_text = text_of(_get(api, f"{TICKETS}/{old['id']}/document.docx"))
    custom = split_runs_template("东县定制模板 {{unit}}")
    res = upload(api, "supervision_ticket", custom, name="东县督办单.docx")
    assert res.status_code == 201, res.json
    assert res.json["version"] == 1 and res.json["filename"] == "东县督办单.docx"
    assert "problems.no" in res.json["missing"]
    # Used for new documents of east (the issuing body); the document issued before keeps its template.
    new = issued(api)
    text = text_of(_get(api, f"{TICKETS}/{new['id']}/document.docx"))
    assert "东县定制模板 东一镇" in text and "发文字号：东县督〔2026〕2号。" in text
    assert text_of(_get(api, f"{TICKETS}/{old['id']}/document.docx")) == old_text
    # The overview shows it as east's own, inherited by east_t1, default at the city.
    own = ok(api.get(f"{TEMPLATES}?jurisdiction_id={api.world.ids['east']}", as_="admin@east"))
    ticket_kind = next(k for k in own["kinds"] if k["kind"] == "supervision_ticket")
    assert ticket_kind["source"] == "own" and ticket_kind["current"]["version"] == 1
    assert {"name": "doc_no", "description": "发文字号，如 东县督〔2026〕3号"} in ticket_kind["placeholders"]
    below = ok(api.get(f"{TEMPLATES}?jurisdiction_id={api.world.ids['east_t1']}", as_="admin@east_t1"))
    assert next(k for k in below["kinds"] if k["kind"] == "supervision_ticket")["source"] == "inherited"
    city = ok(api.get(TEMPLATES, as_="admin@city"))
    assert next(k for k in city["kinds"] if k["kind"] == "supervision_ticket")["source"] == "default"
    # Download gives the uploaded bytes back; a second upload is version 2; reset goes back to the default.
    assert _get(api, f"{TEMPLATES}/supervision_ticket/template.docx", as_="admin@east") == custom
    assert upload(api, "supervision_ticket", custom).json["version"] == 2
    reset = api.delete(f"{TEMPLATES}/supervision_ticket", as_="admin@east")
    assert reset.status_code == 200 and reset.json["version"] == 3
    assert _get(api, f"{TEMPLATES}/supervision_ticket/template.docx", as_="admin@east") == default_template(
        DocumentKind.supervision_ticket
    )
    again = api.delete(f"{TEMPLATES}/supervision_ticket", as_="admin@east")
    assert again.status_code == 409 and again.json["message"] == "该单位没有自定义的督办单模板"
    with app.app_context():
        actions = [
            e.action
            for e in db.session.query(AuditEvent)
            .filter(AuditEvent.subject_type == "document_template")
            .order_by(AuditEvent.id)
        ]
    assert actions == ["document_template.upload", "document_template.upload", "document_template.reset"]


def test_upload_validation_refuses_with_chinese_field_messages_and_changes_nothing(app: Flask, api: Api) -> None:
    before = fingerprint(app)
    bad = upload(api, "interview_notice", split_runs_template("{{salary}}"))
    assert bad.status_code == 422 and bad.json["code"] == "invalid_template"
    assert "约谈通知不支持的占位符：{{salary}}" in bad.json["errors"]["json"]["file"][0]
    not_docx = upload(api, "interview_notice", b"%PDF-1.4 not a word file", name="x.docx")
    assert not_docx.status_code == 422 and not_docx.json["errors"]["json"]["file"] == ["文件不是 Word 文档（.docx）"]
    missing = api.call(
        "PUT", f"{TEMPLATES}/interview_notice", as_="admin@east", data={}, content_type="multipart/form-data"
    )
    assert missing.status_code == 422 and "file" in missing.json["errors"]["files"]
    assert upload(api, "no_such_kind", split_runs_template()).status_code == 404
    assert fingerprint(app) == before


def test_template_endpoints_are_for_admins_in_scope(api: Api) -> None:
    assert upload(api, "circular", split_runs_template(), as_="supervisor@east").status_code == 403
    west = f"?jurisdiction_id={api.world.ids['west_t1']}"
    assert upload(api, "circular", split_runs_template(), query=west).status_code == 404
    assert api.get(f"{TEMPLATES}/circular/template.docx{west}", as_="admin@east").status_code == 404


def test_approval_reply_is_signed_by_the_approving_body_as_documents_name_it(api: Api) -> None:
    case = approved_branch(api)
    assert case["approving_body"] == "东一镇"  # the case records the bare place name
    text = text_of(_get(api, f"/api/v1/establishment-cases/{case['id']}/reply.docx", as_="admin@east"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # Masthead and signature name the township's committee, the closing instruction too.
    assert lines[0] == "中共东一镇委员会"
    assert "中共东一镇委员会" in lines[-2:]
    assert "并将选举结果报中共东一镇委员会" in text
    assert "东一镇" not in lines[-2:] and "报东一镇。" not in text


def test_a_ticket_without_a_responsible_title_prints_no_empty_parentheses(api: Api) -> None:
    t = issued(api, responsible_title=None)
    text = text_of(_get(api, f"{TICKETS}/{t['id']}/document.docx"))
    assert "责任人：刘镇长；" in text
    assert "（）" not in text
