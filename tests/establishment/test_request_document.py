"""请示: a case's request as a document (.docx read back with python-docx: the draft's mark, the title after the
form and the units, the addressee, the text in paragraphs, 附件, the units and the date at the right, the
contact), as a page, and as PDF without a converter (501; with LibreOffice: tests/engines/documents/test_pdf.py).
Read only; out of scope, another portal's case and bad ids are 404; hostile text renders as text."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import pytest
from docx import Document
from flask import Flask

from service.clock import FixedClock
from service.extensions import db
from service.models import EstablishmentCase
from tests.support.database import fingerprint
from tests.support.establishment import (
    CASES,
    approve_level,
    decide,
    make_unit,
    new_case,
    submit,
    task_for,
)
from tests.support.world import Api
from workflows import establishment as rules

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = (
    "　　本单位现有职工120名，其中正式党员8名、预备党员1名。\n\n"
    "  为加强党的领导，经研究，拟成立党支部。\n妥否，请批示。"
)
TITLE = "关于成立中共青山精密机械有限公司支部委员会的请示"


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(api: Api, base: str, data: bytes, *, name: str, kind: str, as_: str, **form: Any) -> Any:
    fields: dict[str, Any] = {"kind": kind, "file": (io.BytesIO(data), name), **form}
    return api.post(f"{base}/attachments", as_=as_, data=fields, content_type="multipart/form-data")


def _paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


def _filed(api: Api, clock: FixedClock, *, submitted: bool = True, late: bool = True, **kw: Any) -> dict[str, Any]:
    unit = make_unit(api, "east_t1", formal_members=8, probationary_members=1, name="青山精密机械有限公司")
    fields = {"proposed_secretary": "张书记", "proposed_committee_size": 3, "request_text": TEXT, **kw}
    case = new_case(api, [unit["id"]], "branch", proposed_name="青山精密机械党支部", **fields)
    if submitted:
        if late:
            clock.set(datetime(2026, 9, 30, 17, 30, tzinfo=UTC))  # 1 October in China
        submit(api, case["id"])
    return case


def test_the_document_has_the_title_addressee_paragraphs_attachments_signatory_and_date(
    app: Flask, api: Api, clock: FixedClock
) -> None:
    case = _filed(api, clock, submitted=False)
    base = f"{CASES}/{case['id']}"
    roster = upload(api, base, PDF, name="党员名册.pdf", kind="roster", as_="portal@east").json
    upload(api, base, PDF, name="党员名册（更正）.pdf", kind="roster", as_="portal@east", supersedes=roster["id"])
    withdrawn = upload(api, base, PDF, name="作废材料.pdf", kind="minutes", as_="portal@east").json
    api.delete(f"{base}/attachments/{withdrawn['id']}", as_="portal@east", json={"reason": "传错"})
    upload(api, base, PDF, name="筹备会议记录.pdf", kind="minutes", as_="portal@east")
    upload(api, base, PDF, name="关于成立党支部的请示（盖章）.pdf", kind="request", as_="portal@east")
    clock.set(datetime(2026, 9, 30, 17, 30, tzinfo=UTC))
    submit(api, case["id"])

    before = fingerprint(app)
    res = api.get(f"{base}/request.docx", as_="approver@east_t1")
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert fingerprint(app) == before  # read only: nothing numbered, recorded or audited
    assert res.mimetype == DOCX_MIME
    disposition = res.headers["Content-Disposition"]
    assert disposition.startswith(f"attachment; filename=establishment-request-{case['id']}.docx; filename*=UTF-8''")
    assert unquote(disposition.split("''", 1)[1]) == f"{TITLE}.docx"

    lines = [p for p in _paragraphs(res.data) if p]
    assert lines[0] == TITLE  # no draft mark once submitted
    assert lines[1] == "中共东一镇委员会："  # 主送: the body the case is filed with, as documents name it
    # One paragraph per line written, the writer's own indentation and blank lines gone (the template indents).
    assert lines[2:5] == [
        "本单位现有职工120名，其中正式党员8名、预备党员1名。",
        "为加强党的领导，经研究，拟成立党支部。",
        "妥否，请批示。",
    ]
    # In force only: the corrected roster, not the one it replaced nor the withdrawn file; not the 请示's own scan.
    assert lines[5] == "附件：1. 党员名册（更正）\n2. 筹备会议记录"
    assert lines[6:] == ["青山精密机械有限公司", "2026年10月1日", "（联系人：portal@east）"]
    assert "{{" not in "".join(lines)


def test_a_draft_is_marked_and_undated_and_a_returned_case_says_so(app: Flask, api: Api, clock: FixedClock) -> None:
    case = _filed(api, clock, submitted=False, request_text=None, proposed_committee_size=None)
    res = api.get(f"{CASES}/{case['id']}/request.docx", as_="portal@east")
    assert res.status_code == 200
    assert unquote(res.headers["Content-Disposition"].split("''", 1)[1]).endswith("的请示（草稿）.docx")
    lines = [p for p in _paragraphs(res.data) if p]
    assert lines[0] == "草稿（尚未提交审批，不是正式请示）"
    assert lines[1] == "关于成立中共青山精密机械有限公司支部的请示"  # no committee: a 支部, not a 支部委员会
    assert lines[3] == "（未填写请示正文）"
    assert not any(line.startswith("附件") for line in lines)  # no files, no 附件 line
    assert not any("年" in line and line.endswith("日") for line in lines)  # no date before submission

    clock.set(datetime(2026, 9, 25, 2, 0, tzinfo=UTC))
    submit(api, case["id"])
    task = task_for(api, "approver@east_t1", case["id"])
    assert decide(api, task["id"], "approver@east_t1", "return", comment="请补充正文").status_code == 200
    lines = [p for p in _paragraphs(api.get(f"{CASES}/{case['id']}/request.docx", as_="portal@east").data) if p]
    assert lines[0] == "草稿（已退回修改，尚未重新提交）" and "2026年9月25日" not in lines


def test_an_approved_case_keeps_its_request_and_the_reply_cites_it_by_title(
    app: Flask, api: Api, clock: FixedClock
) -> None:
    case = _filed(api, clock, late=False)  # submitted on the day the reply's meeting is held
    approve_level(api, case["id"], "approver@east_t1")
    lines = [p for p in _paragraphs(api.get(f"{CASES}/{case['id']}/request.docx", as_="admin@city").data) if p]
    assert lines[0] == TITLE and "2026年9月25日" in lines
    reply = "\n".join(_paragraphs(api.get(f"{CASES}/{case['id']}/reply.docx", as_="admin@city").data))
    assert f"你单位《{TITLE}》收悉" in reply


def test_one_attachment_is_not_numbered_and_a_joint_branch_names_every_unit(
    app: Flask, api: Api, clock: FixedClock
) -> None:
    first = make_unit(api, "east_t1", formal_members=2, name="新源电商有限公司")
    second = make_unit(api, "east_t1", formal_members=2, name="鑫达协会")
    case = new_case(
        api, [first["id"], second["id"]], "joint_branch", proposed_name="联合党支部", request_text="请批准。"
    )
    upload(api, f"{CASES}/{case['id']}", PDF, name="花名册.pdf", kind="roster", as_="portal@east")
    submit(api, case["id"])
    lines = [p for p in _paragraphs(api.get(f"{CASES}/{case['id']}/request.docx", as_="portal@east").data) if p]
    assert lines[0] == "关于成立中共新源电商有限公司、鑫达协会联合支部的请示"
    assert "附件：花名册" in lines
    assert lines[-4:-1] == ["新源电商有限公司", "鑫达协会", "2026年9月25日"]  # each unit signs, one per line


def test_scope_and_bad_ids_are_404_and_pdf_without_a_converter_is_501(app: Flask, api: Api, clock: FixedClock) -> None:
    from dataclasses import replace

    case = _filed(api, clock)
    path = f"{CASES}/{case['id']}/request"
    for who in ("approver@west_t1", "admin@west_t1", "portal@east_t1", "portal@city"):  # a portal: its own cases
        assert api.get(f"{path}.docx", as_=who).status_code == 404, who
    for who in ("approver@east_t1", "supervisor@city", "instructor@east", "handler@east_t1", "portal@east"):
        assert api.get(f"{path}.docx", as_=who).status_code == 200, who
    for bad in ("987654", "0", "99999999999999999999"):
        assert api.get(f"{CASES}/{bad}/request.docx", as_="admin@city").status_code == 404, bad
        assert api.get(f"{CASES}/{bad}/request.pdf", as_="admin@city").status_code == 404, bad
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    res = api.get(f"{path}.pdf", as_="admin@city")
    assert res.status_code == 501
    assert res.json["message"] == "服务器未安装 PDF 转换器（LibreOffice），请下载 .docx 文件"
    assert api.get(f"{path}.pdf", as_="admin@west_t1").status_code == 404  # scope before the converter


def _hostile(app: Flask, case_id: int, text: str) -> None:
    """Text the API would refuse (control characters) as a row written before the checks or by an import."""
    with app.app_context():
        db.session.get(EstablishmentCase, case_id).request_text = text  # type: ignore[union-attr]
        db.session.commit()


HOSTILE = "<script>alert('x')</script>正文\x0b\x07第一段\x1b。\r\n“引号”、《书名》——破折号……省略号！" + "长" * 4000


def test_hostile_text_renders_as_text(app: Flask, api: Api, console: Any, clock: FixedClock) -> None:
    case = _filed(api, clock)
    _hostile(app, case["id"], HOSTILE)
    lines = [p for p in _paragraphs(api.get(f"{CASES}/{case['id']}/request.docx", as_="admin@city").data) if p]
    assert lines[2] == "<script>alert('x')</script>正文第一段。"  # control characters dropped, text kept as text
    assert lines[3].startswith("“引号”、《书名》——破折号……省略号！长") and len(lines[3]) == 4000 + 20
    for page in (f"/cases/{case['id']}/request", f"/cases/{case['id']}", f"/applications/{case['id']}"):
        html = console.get(page, as_="admin@city" if "applications" not in page else "portal@east")
        assert html.status_code == 200, page
        body = html.get_data(as_text=True)
        assert "<script>alert" not in body and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;正文第一段。" in body
        assert "\x00" not in body and "\x07" not in body and "\x1b" not in body


def test_the_page_shows_the_document_and_the_case_pages_link_it(
    app: Flask, api: Api, console: Any, clock: FixedClock
) -> None:
    case = _filed(api, clock)
    upload(api, f"{CASES}/{case['id']}", PDF, name="党员名册.pdf", kind="roster", as_="portal@east")
    page = console.get(f"/cases/{case['id']}/request", as_="approver@east_t1")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for fragment in (
        f'id="request-title">{TITLE}</h1>',
        'id="request-addressee">中共东一镇委员会：</p>',
        "<p>本单位现有职工120名，其中正式党员8名、预备党员1名。</p>",
        "<li>党员名册</li>",
        '<p class="request-signatory">青山精密机械有限公司</p>',
        'id="request-date">2026年10月1日</p>',
        f'href="/cases/{case["id"]}/request.docx"',
        "console/request.css",
    ):
        assert fragment in html, fragment
    assert "request-draft" not in html
    for who, page_path in (
        ("approver@east_t1", f"/cases/{case['id']}"),
        ("portal@east", f"/applications/{case['id']}"),
    ):
        body = console.get(page_path, as_=who).get_data(as_text=True)
        assert f'href="/cases/{case["id"]}/request"' in body and 'id="request-docx-link"' in body, who
        assert "请示正文（" not in body
    # the applicant goes back to its own page, an approver to the case page
    assert f'href="/applications/{case["id"]}" id' not in html
    mine = console.get(f"/cases/{case['id']}/request", as_="portal@east").get_data(as_text=True)
    assert f'id="request-back" href="/applications/{case["id"]}"' in mine
    docx = console.get(f"/cases/{case['id']}/request.docx", as_="portal@east")
    assert docx.status_code == 200 and docx.mimetype == DOCX_MIME
    assert console.get(f"/cases/{case['id']}/request", as_="portal@east_t1").status_code == 404
    assert console.get(f"/cases/{case['id']}/request.docx", as_="approver@west_t1").status_code == 404


def test_the_console_pdf_without_a_converter_is_the_501_page_and_no_button(
    app: Flask, api: Api, console: Any, clock: FixedClock
) -> None:
    from dataclasses import replace

    case = _filed(api, clock)
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    html = console.get(f"/cases/{case['id']}/request", as_="admin@city").get_data(as_text=True)
    assert 'id="request-pdf"' not in html and 'id="request-no-pdf"' in html
    res = console.get(f"/cases/{case['id']}/request.pdf", as_="admin@city")
    assert res.status_code == 501 and "PDF 转换器" in res.get_data(as_text=True)


@pytest.mark.parametrize(
    ("form", "committee", "name"),
    [
        ("branch", 3, "中共甲公司支部委员会"),
        ("branch", None, "中共甲公司支部"),
        ("branch", 0, "中共甲公司支部"),
        ("general_branch", 5, "中共甲公司总支部委员会"),
        ("primary_committee", 7, "中共甲公司委员会"),
        ("functional_org", None, "中共甲公司功能型党支部"),
    ],
)
def test_the_organisation_is_named_after_its_form(form: str, committee: int | None, name: str) -> None:
    assert rules.organisation_full_name(["甲公司"], form, committee) == name
    assert rules.request_title(["甲公司"], form, committee) == f"关于成立{name}的请示"


def test_the_text_becomes_paragraphs() -> None:
    assert rules.request_paragraphs(None) == []
    assert rules.request_paragraphs(" \n\u3000\u3000\r\n") == []
    assert rules.request_paragraphs("\u3000\u3000第一段。\r\n\r\n\t第二段\x00。\r第三段") == [
        "第一段。",
        "第二段。",
        "第三段",
    ]


def test_a_fixed_number_of_statements_whatever_the_case_holds(app: Flask, api: Api, clock: FixedClock) -> None:
    from tests.support.database import statements

    bare = _filed(api, clock, request_text=None)
    full = _filed(api, clock, submitted=False)
    for i in range(3):
        upload(api, f"{CASES}/{full['id']}", PDF, name=f"材料{i}.pdf", kind="roster", as_="portal@east")
    submit(api, full["id"])

    def count(case_id: int) -> int:
        with statements(app) as seen:
            res = api.get(f"{CASES}/{case_id}/request.docx", as_="admin@city")
        assert res.status_code == 200
        return len(seen)

    assert count(full["id"]) == count(bare["id"]) <= 8  # three files read like none
