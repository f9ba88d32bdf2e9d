"""审批单: a case with several steps — a return, a resubmission with a comment and an approval at the first
level, a committee vote at the county — rendered as .docx and read back with python-docx: every step, every
approver by display name with their opinion and China time, the tally and the reply number. Read only: a
download writes nothing. Out of scope: 404. PDF (where LibreOffice is installed; in CI it must be)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from docx import Document
from flask import Flask

from service.clock import FixedClock
from service.documents.pdf import find_converter
from tests.engines.documents.test_pdf import require
from tests.support.browser import ARTIFACTS
from tests.support.database import fingerprint
from tests.support.establishment import decide, make_unit, new_case, submit, task_for, vote
from tests.support.world import Api, World

CASES = "/api/v1/establishment-cases"
DOC_NO = "东组复〔2026〕31号"
REVIEWER = "reviewer@east_t1"  # display name 王审查
COUNTY = "county@east"  # display name 李县委


def _people(app: Flask, world: World) -> None:
    """Two approvers with Chinese display names (the form must name people by them, never by username)."""
    from service.auth import system_actor
    from service.inputs import NewUser
    from service.operations.reference import users

    actor = system_actor("test")
    with app.app_context():
        for label, name, place in ((REVIEWER, "王审查", "east_t1"), (COUNTY, "李县委", "east")):
            user = users.create(
                actor,
                NewUser(
                    username=label.replace("@", "."),
                    display_name=name,
                    role="approver",
                    jurisdiction_id=world.ids[place],
                ),
            )
            world.users[label] = user.id
            world.tokens[label] = users.issue_token(actor, user, "test")[1]


def _ok(res: Any) -> dict[str, Any]:
    assert res.status_code == 200, res.json
    return dict(res.json)


@pytest.fixture
def case(app: Flask, api: Api, world: World, clock: FixedClock) -> int:
    """A primary committee: returned at the township's review, resubmitted, commented on and approved there,
    then voted on by the county committee (approved, with the reply number)."""
    _people(app, world)
    unit = make_unit(api, "east_t1", employees=800, formal_members=120, probationary_members=6, name="青山精工有限公司")
    created = new_case(
        api, [unit["id"]], "primary_committee", proposed_name="中共青山精工有限公司委员会", proposed_secretary="赵书记"
    )
    cid = int(created["id"])
    clock.set(datetime(2026, 9, 25, 2, 0, tzinfo=UTC))
    submit(api, cid)
    first = task_for(api, REVIEWER, cid)
    clock.set(datetime(2026, 9, 28, 1, 30, tzinfo=UTC))  # 09:30 in China
    _ok(decide(api, first["id"], REVIEWER, "return", comment="请补充党员名册。"))
    clock.set(datetime(2026, 9, 29, 6, 0, tzinfo=UTC))
    submit(api, cid)
    second = task_for(api, REVIEWER, cid)
    clock.set(datetime(2026, 9, 30, 7, 5, tzinfo=UTC))  # 15:05
    _ok(api.post(f"/api/v1/tasks/{second['id']}/comment", as_=REVIEWER, json={"comment": "名册已补齐。"}))
    clock.set(datetime(2026, 9, 30, 7, 10, tzinfo=UTC))  # 15:10
    _ok(decide(api, second["id"], REVIEWER, "approve", comment="同意上报。"))
    third = task_for(api, COUNTY, cid)
    assert third["step"]["mode"] == "committee_vote"
    clock.set(datetime(2026, 10, 9, 0, 45, tzinfo=UTC))  # 08:45
    _ok(
        vote(
            api,
            third["id"],
            COUNTY,
            members=9,
            present=8,
            votes_for=7,
            votes_against=1,
            comment="经县委组织部部务会研究，同意成立。",
            approval_doc_no=DOC_NO,
            meeting_on="2026-10-09",
            approved_on="2026-10-09",
        )
    )
    return cid


def _read(content: bytes) -> tuple[str, list[list[list[str]]]]:
    doc = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return text, tables


def test_the_form_holds_every_step_action_opinion_time_and_the_reply(app: Flask, api: Api, case: int) -> None:
    before = fingerprint(app)
    res = api.get(f"{CASES}/{case}/approval-form.docx", as_="portal@east")
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert res.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "approval-form-establishment-" in res.headers["Content-Disposition"]
    assert fingerprint(app) == before  # read only: nothing numbered, recorded or audited
    text, tables = _read(res.data)
    assert "建立党组织审批单" in text and "中共青山精工有限公司委员会" in text
    assert f"批复文号：{DOC_NO}" in text and "批复日期：2026年10月9日" in text
    assert "{{" not in text and not any("{{" in c for t in tables for r in t for c in r)

    facts, steps, actions = tables
    fact = {row[0]: row[1] for row in facts[1:]}
    assert fact["所涉单位"] == "青山精工有限公司"
    assert fact["组织形式"] == "基层党委"
    assert fact["拟任书记"] == "赵书记"
    assert fact["当前状态"] == "已批复"
    assert fact["党员人数"] == "正式党员120名，预备党员6名"

    assert steps[0] == ["序号", "层级", "审批机关", "审批方式", "办理期限", "状态", "表决情况"]
    rows = steps[1:]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert [r[5] for r in rows] == ["退回", "通过", "通过"]
    assert rows[0][1] == rows[1][1] == "第1级 审查" and rows[2][1] == "第2级 县级审批"
    assert rows[2][3] == "集体表决" and rows[2][6] == "委员9人，出席8人，赞成7票，反对1票"
    assert all(r[4].startswith("2026-") for r in rows)  # each step's due date

    assert actions[0] == ["环节", "审批人", "办理", "意见", "时间"]
    by_opinion = {r[3]: r for r in actions[1:]}
    assert by_opinion["请补充党员名册。"][:3] == ["1", "王审查", "退回修改"]
    assert by_opinion["请补充党员名册。"][4] == "2026-09-28 09:30"  # China time
    assert (
        by_opinion["名册已补齐。"][1:3] == ["王审查", "添加意见"]
        and by_opinion["名册已补齐。"][4] == "2026-09-30 15:05"
    )
    assert by_opinion["同意上报。"][0] == "2" and by_opinion["同意上报。"][4] == "2026-09-30 15:10"
    voted = next(r for r in actions[1:] if r[2] == "表决通过")
    assert voted[0] == "3" and voted[1] == "李县委" and voted[4] == "2026-10-09 08:45"
    assert "赞成7票" in voted[3] and "同意成立" in voted[3]
    assert not any("reviewer.east_t1" in c or "county.east" in c for r in actions for c in r)  # never usernames


def test_any_state_prints_and_out_of_scope_is_404(app: Flask, api: Api, case: int) -> None:
    # a preparing case has no steps yet: the form still prints (its facts, empty step tables)
    unit = make_unit(api, "east_t1", formal_members=3)
    draft = new_case(api, [unit["id"]], "branch", proposed_name="草稿党支部")
    text, tables = _read(api.get(f"{CASES}/{draft['id']}/approval-form.docx", as_="portal@east").data)
    assert "草稿党支部" in text and "批复文号：—" in text and len(tables[1]) == 1
    for who in ("approver@west_t1", "admin@west_t1", "handler@west_t1"):
        res = api.get(f"{CASES}/{case}/approval-form.docx", as_=who)
        assert res.status_code == 404, who
    assert api.get(f"{CASES}/987654/approval-form.docx", as_="admin@city").status_code == 404
    for who in ("supervisor@city", "approver@east", "approver@east_t1"):
        assert api.get(f"{CASES}/{case}/approval-form.docx", as_=who).status_code == 200, who


def test_the_case_page_links_the_form_and_the_console_serves_it(app: Flask, case: int, console: Any) -> None:
    page = console.get(f"/cases/{case}", as_="approver@east").get_data(as_text=True)
    assert 'id="case-approval-form"' in page and "打印审批单" in page
    res = console.get(f"/cases/{case}/approval-form.docx", as_="approver@east")
    assert res.status_code == 200
    assert "王审查" in _read(res.data)[1][2][1][1]
    assert console.get(f"/cases/{case}/approval-form.docx", as_="approver@west_t1").status_code == 404


def test_pdf_without_a_converter_is_501_in_chinese(app: Flask, api: Api, case: int) -> None:
    from dataclasses import replace

    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    res = api.get(f"{CASES}/{case}/approval-form.pdf", as_="admin@city")
    assert res.status_code == 501
    assert res.json["message"] == "服务器未安装 PDF 转换器（LibreOffice），请下载 .docx 文件"
    assert api.get(f"{CASES}/{case}/approval-form.pdf", as_="admin@west_t1").status_code == 404  # scope first


def test_pdf_where_libreoffice_is_installed(app: Flask, api: Api, case: int, tmp_path: Any) -> None:
    import shutil
    import subprocess

    require("LibreOffice (soffice/libreoffice)", find_converter() is not None)
    require("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)
    res = api.get(f"{CASES}/{case}/approval-form.pdf", as_="admin@city")
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert res.mimetype == "application/pdf" and res.data.startswith(b"%PDF")
    path = tmp_path / "form.pdf"
    path.write_bytes(res.data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=120).stdout
    decoded = "".join(text.decode().split())  # pdftotext spaces CJK from digits
    assert "审批单" in decoded and DOC_NO in decoded and "王审查" in decoded
    # Its first page as an image, for the docs (artifacts/screenshots/approval-form.png).
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / "approval-form"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1", str(path), str(stem)], check=True
    )
    assert stem.with_suffix(".png").stat().st_size > 1000


def test_a_fixed_number_of_statements_whatever_the_case_holds(app: Flask, api: Api, case: int) -> None:
    from tests.support.database import statements
    from tests.support.establishment import submitted_branch

    small = submitted_branch(api)["id"]  # one open step, no action yet

    def count(case_id: int) -> int:
        with statements(app) as seen:
            res = api.get(f"{CASES}/{case_id}/approval-form.docx", as_="admin@city")
        assert res.status_code == 200
        return len(seen)

    assert count(case) == count(small) <= 8  # three steps and five actions read like none
