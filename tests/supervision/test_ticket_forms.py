"""The ticket page's forms as a user meets them: native date and time inputs without the browser's English
bubbles, what was typed kept after a refusal, messages that name the field (and the problem's number on the
page), every message shown, and a confirmation naming what will happen before an irreversible action."""

from __future__ import annotations

import html
import re
from typing import Any

from tests.support.console import Console
from tests.support.supervision import PROBLEMS, draft, ok, rectifying, submitted
from tests.support.world import Api

SUPERVISOR = "supervisor@east"
HANDLER = "handler@east_t1"


def text_of(res: Any) -> str:
    return str(res.get_data(as_text=True))


def form_of(page: str, action: str) -> str:
    found = re.search(rf'<form [^>]*data-action="{action}".*?</form>', page, re.S)
    assert found is not None, action
    return found.group(0)


def test_interview_form_keeps_what_was_typed_and_says_the_format_it_shows(console: Console, api: Api) -> None:
    t = rectifying(api)
    path = f"/board/tickets/{t['id']}"
    page = text_of(console.get(path, as_=SUPERVISOR))
    form = form_of(page, "interview_new")
    assert 'type="datetime-local" name="scheduled_at"' in form and "novalidate" in form
    assert "YYYY-MM-DD HH:MM" not in page and "ISO 8601" not in page
    res = console.post(
        f"{path}/interviews",
        as_=SUPERVISOR,
        data={"reason": "整改进度滞后", "scheduled_at": "12月8日上午", "place": "县委组织部二楼会议室"},
    )
    assert res.status_code == 422
    form = form_of(text_of(res), "interview_new")
    assert '<p class="field-error" data-field="scheduled_at">请填写约谈时间，如 2026-12-08 09:00</p>' in form
    assert 'value="12月8日上午"' in form and 'value="县委组织部二楼会议室"' in form
    assert ">整改进度滞后</textarea>" in form
    assert "ISO 8601" not in text_of(res)
    # The browser's datetime-local value is read as Beijing time.
    res = console.post(
        f"{path}/interviews",
        as_=SUPERVISOR,
        data={"reason": "整改进度滞后", "scheduled_at": "2026-12-08T09:00", "place": "县委组织部"},
        follow_redirects=True,
    )
    assert res.status_code == 200
    page = text_of(res)
    assert "时间 2026-12-08 09:00" in page
    # The reschedule form starts from the time set, in the input's own format.
    assert 'type="datetime-local" name="scheduled_at" value="2026-12-08T09:00"' in form_of(page, "reschedule")


def test_reschedule_without_a_time_names_the_field(console: Console, api: Api) -> None:
    t = rectifying(api)
    path = f"/board/tickets/{t['id']}"
    ok(api.post("/api/v1/interviews", as_=SUPERVISOR, json={"ticket_id": t["id"], "reason": "滞后"}), 201)
    page = text_of(console.get(path, as_=SUPERVISOR))
    interview = re.search(r'class="interview" data-id="(\d+)"', page)
    assert interview is not None
    res = console.post(
        f"{path}/interviews/{interview.group(1)}/reschedule",
        as_=SUPERVISOR,
        data={"scheduled_at": "", "place": "镇政府"},
    )
    assert res.status_code == 422
    form = form_of(text_of(res), "reschedule")
    assert "请填写约谈时间，如 2026-12-08 09:00" in form and 'value="镇政府"' in form


def test_a_refused_report_keeps_every_input_and_names_the_problem(console: Console, api: Api) -> None:
    many = [*PROBLEMS, {"description": "问题三", "measure": "要求三"}]
    t = rectifying(api, problems=many)
    ids = [p["id"] for p in t["problems"]]
    path = f"/board/tickets/{t['id']}"
    data = {
        f"measures_{ids[0]}": "已逐户排查",
        f"evidence_{ids[0]}": "排查台账.xlsx",
        f"measures_{ids[1]}": "已选派指导员",
        f"measures_{ids[2]}": "  ",
        "summary": "基本完成",
    }
    res = console.post(f"{path}/report", as_=HANDLER, data=data)
    assert res.status_code == 422
    form = form_of(text_of(res), "report")
    assert f'<p class="field-error" data-field="measures_{ids[2]}">问题3：整改措施不能为空</p>' in form
    for kept in ("已逐户排查", "排查台账.xlsx", "已选派指导员", "基本完成"):
        assert f">{kept}</textarea>" in form, kept
    assert "novalidate" in form and " required" not in form


def test_other_forms_keep_their_input_and_name_the_field(console: Console, api: Api) -> None:
    t = rectifying(api)
    path = f"/board/tickets/{t['id']}"
    res = console.post(f"{path}/request-extension", as_=HANDLER, data={"new_deadline": "", "reason": "人手不足"})
    assert res.status_code == 422
    form = form_of(text_of(res), "request_extension")
    assert 'type="date" name="new_deadline"' in form
    assert "请填写日期，如 2026-12-31" in form and ">人手不足</textarea>" in form


def test_a_message_names_the_input_as_its_form_labels_it(console: Console, api: Api) -> None:
    t = submitted(api)
    res = console.post(f"/board/tickets/{t['id']}/return", as_=SUPERVISOR, data={"reason": " "})
    assert res.status_code == 422
    form = form_of(text_of(res), "return")
    assert "审核意见（必填）" in form and '<p class="field-error" data-field="reason">审核意见不能为空</p>' in form


def test_an_interview_recorded_before_its_time_keeps_the_record_typed(console: Console, api: Api) -> None:
    t = rectifying(api)
    path = f"/board/tickets/{t['id']}"
    created = console.post(
        f"{path}/interviews",
        as_=SUPERVISOR,
        data={"reason": "整改进度滞后", "scheduled_at": "2026-12-30T09:00", "place": "县委组织部"},
    )
    assert created.status_code == 302
    interview = re.search(r'class="interview" data-id="(\d+)"', text_of(console.get(path, as_=SUPERVISOR)))
    assert interview is not None
    data = {"minutes": "约谈记录全文", "commitments": "一周内整改", "new_deadline": "2027-01-15"}
    res = console.post(f"{path}/interviews/{interview.group(1)}/hold", as_=SUPERVISOR, data=data)
    assert res.status_code == 409
    page = text_of(res)
    assert "约谈安排在2026-12-30 09:00，尚未到约谈时间" in page
    form = form_of(page, "hold")
    assert ">约谈记录全文</textarea>" in form and ">一周内整改</textarea>" in form and 'value="2027-01-15"' in form


def test_irreversible_actions_ask_first_naming_what_happens(console: Console, api: Api) -> None:
    t = draft(api)
    page = text_of(console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR))
    assert '<script src="/static/console/confirm.js" defer></script>' in page
    issue = html.unescape(form_of(page, "issue"))
    assert 'data-confirm="下发后将通知东一镇签收办理' in issue and "不能撤回。确定下发？" in issue
    assert "确定撤销？" in html.unescape(form_of(page, "cancel"))
    assert "confirm" not in form_of(page, "issue").split("data-confirm")[0]  # no inline script
    # the handler's report and extension request go to the issuing body and cannot be taken back: asked too
    page = text_of(console.get(f"/board/tickets/{rectifying(api)['id']}", as_=HANDLER))
    assert 'data-confirm="报送后整改情况即报东县审核，不能修改或撤回。确定报送？"' in form_of(page, "report")
    ask = form_of(page, "request_extension")
    assert 'data-confirm="延期申请将报东县审批，不能撤回，审批前不能再次申请。确定申请？"' in ask
    script = console.get("/static/console/confirm.js", as_=SUPERVISOR)
    assert script.status_code == 200 and b"data-confirm" in script.data


def test_a_ticket_draft_form_uses_a_date_input_and_lists_every_error(console: Console, api: Api) -> None:
    page = text_of(console.get("/board/tickets/new", as_=SUPERVISOR))
    assert 'type="date" name="rectification_deadline"' in page
    assert 'id="ticket-form" novalidate' in page and "YYYY-MM-DD" not in page.split("<footer")[0]
    res = console.post(
        "/board/tickets/new",
        as_=SUPERVISOR,
        data={
            "title": "覆盖滞后",
            "jurisdiction_id": str(api.world.ids["east_t1"]),
            "responsible_person": "王书记",
            "rectification_deadline": "下月底",
            "problem": ["问题一"],
            "measure": ["要求一"],
        },
    )
    assert res.status_code == 422
    page = text_of(res)
    assert "请填写整改截止日期，如 2026-12-31" in page
    assert 'value="下月底"' in page and ">问题一</textarea>" in page


def test_a_ticket_draft_names_the_problem_row_it_refuses(console: Console, api: Api) -> None:
    res = console.post(
        "/board/tickets/new",
        as_=SUPERVISOR,
        data={
            "title": "覆盖滞后",
            "jurisdiction_id": str(api.world.ids["east_t1"]),
            "responsible_person": "王书记",
            "rectification_workdays": "10",
            "problem": ["问题一", "问题二"],
            "measure": ["要求一", ""],
        },
    )
    assert res.status_code == 422
    page = text_of(res)
    assert '<p class="field-error" data-field="problems">问题2：整改要求不能为空</p>' in page
    assert ">问题二</textarea>" in page and ">要求一</textarea>" in page
