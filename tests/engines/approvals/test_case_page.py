"""The case / task page (待办 → 案件页) on real flows: every refusal the API gives is shown with the form that
was sent and the form keeps what was typed; each step's form offers only what its mode accepts; irreversible
buttons ask first, saying what will happen; people appear by display name; each opinion once; the approving
body is the one that issued the reply; the request text can be read."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import Any

from flask import Flask
from sqlalchemy import select

from service.clock import FixedClock
from service.console import forms
from service.extensions import db
from service.models import ApprovalStep
from service.operations.engines import escalation
from tests.engines.approvals.test_pages import _task_of
from tests.engines.approvals.test_task_actions import _second
from tests.support import establishment as h
from tests.support.console import Console
from tests.support.world import Api, World

APPROVER = "approver@east_t1"
SECOND = "second@east_t1"
COUNTY = "approver@east"


def _api(app: Flask, world: World) -> Api:
    return Api(app.test_client(), world)


def _form(page: str, name: str) -> str:
    """The HTML of one form of the page ('' when absent)."""
    at = page.find(f'id="form-{name}"')
    if at < 0:
        return ""
    return page[at : page.index("</form>", at)]


def _section(page: str, ident: str, end: str) -> str:
    at = page.index(f'id="{ident}"')
    return page[at : page.index(end, at)]


def _primary_committee(api: Api, **kw: Any) -> dict[str, Any]:
    """A submitted primary-committee request at east_t1: 东一镇 reviews (any-one), then 东县 approves by a
    committee vote and issues the reply."""
    unit = h.make_unit(api, "east_t1", formal_members=120, employees=300)
    case = h.new_case(
        api, [unit["id"]], "primary_committee", proposed_secretary="王书记", proposed_committee_size=5, **kw
    )
    return h.submit(api, case["id"])


def test_a_founding_refused_on_a_field_the_form_lacks_says_why_and_keeps_the_input(
    app: Flask, console: Console, world: World
) -> None:
    api = _api(app, world)
    case = h.approved_branch(api, formal=4)
    typed = {
        "held_on": h.TODAY,
        "entitled": "4",
        "present": "4",
        "secretary": "王书记",
        "term_start": h.TODAY,
        "elected": "王书记 4\n李委员 4\n张委员 4",
        "oversize_reason": "工作需要",
    }
    res = console.post(f"/cases/{case['id']}/found", as_=APPROVER, data=typed)
    page = res.get_data(as_text=True)
    assert res.status_code == 422
    form = _form(page, "found")
    # the rule's reason is about the committee size, which the form has no input for: listed above the form
    assert 'data-errors="other"' in form and "正式党员4名，不足7名，不设委员会，只设书记" in form
    assert page.count("不设委员会，只设书记") == 1
    for name in ("held_on", "entitled", "present", "secretary", "term_start"):
        assert f'name="{name}"' in form and f'value="{typed[name]}"' in form, name
    assert "王书记 4\n李委员 4\n张委员 4</textarea>" in form
    assert "工作需要</textarea>" in form
    assert h.get_case(api, case["id"])["state"] == "approved"


def test_a_message_about_one_row_names_the_row(app: Flask, console: Console, world: World) -> None:
    assert forms.flatten({"elected": {3: {"name": ["不能为空"]}}}) == {"elected": "第4位当选人：姓名不能为空"}
    assert forms.flatten({"elected": {0: {"votes": ["不是有效的整数"]}, 2: {"name": ["不能为空"]}}}) == {
        "elected": "第1位当选人：得票不是有效的整数；第3位当选人：姓名不能为空"
    }
    assert forms.flatten({"elected": ["长度必须在 1 到 15 之间"]}) == {"elected": "长度必须在 1 到 15 之间"}
    case = h.approved_branch(_api(app, world), formal=3)
    data = {"held_on": h.TODAY, "entitled": "3", "present": "3", "secretary": "王书记"}
    data["elected"] = "王书记 3\n李委员 三"
    page = console.post(f"/cases/{case['id']}/found", as_=APPROVER, data=data).get_data(as_text=True)
    assert "第2位当选人：得票不是有效的整数" in _form(page, "found")


def test_each_step_offers_only_what_its_mode_accepts(app: Flask, console: Console, world: World) -> None:
    api = _api(app, world)
    case = _primary_committee(api)
    # 东一镇 reviews (any-one): decide, no reply fields (the county issues the reply), no vote
    review = h.task_for(api, APPROVER, case["id"])
    page = console.get(f"/tasks/{review['id']}", as_=APPROVER).get_data(as_text=True)
    decide = _form(page, "decide")
    assert {"approve", "reject", "return"} == set(re.findall(r'data-action="(\w+)"', decide))
    assert 'name="comment"' in decide
    for reply in ("approval_doc_no", "meeting_on", "approved_on"):
        assert f'name="{reply}"' not in page, reply
    assert _form(page, "vote") == ""
    assert h.decide(api, review["id"], APPROVER, comment="同意上报").status_code == 200

    # 东县 decides by committee vote and issues the reply: the vote takes the tally and the reply;
    # the only other decision, 退回修改, takes its reason alone
    vote_task = h.task_for(api, COUNTY, case["id"])
    page = console.get(f"/tasks/{vote_task['id']}", as_=COUNTY).get_data(as_text=True)
    vote = _form(page, "vote")
    for name in ("members", "present", "votes_for", "votes_against", "approval_doc_no", "meeting_on", "approved_on"):
        assert f'name="{name}"' in vote, name
    back = _form(page, "decide")
    assert re.findall(r'data-action="(\w+)"', back) == ["return"]
    assert re.findall(r'name="(\w+)"', back) == ["csrf_token", "comment", "action"]
    assert "批复文号" not in back and "会议日期" not in back

    # a refused vote keeps every input and shows the message next to its field
    typed = {
        "members": "9",
        "present": "4",
        "votes_for": "4",
        "votes_against": "0",
        "approval_doc_no": "东县复〔2026〕3号",
        "meeting_on": h.TODAY,
        "approved_on": h.TODAY,
        "comment": "表决",
    }
    res = console.post(f"/tasks/{vote_task['id']}/vote", as_=COUNTY, data=typed)
    vote = _form(res.get_data(as_text=True), "vote")
    assert res.status_code == 422 and 'data-field="present"' in vote and "未超过半数" in vote
    for name, value in typed.items():
        assert (f'value="{value}"' if name != "comment" else f"{value}</textarea>") in vote, name


def test_irreversible_actions_ask_first_saying_what_will_happen(app: Flask, console: Console, world: World) -> None:
    api = _api(app, world)
    case = _primary_committee(api)
    review = h.task_for(api, APPROVER, case["id"])
    page = console.get(f"/tasks/{review['id']}", as_=APPROVER).get_data(as_text=True)
    assert "console/confirm_button.js" in page
    assert console.get("/static/console/confirm_button.js", as_=APPROVER).status_code == 200
    decide = _form(page, "decide")
    confirms = dict(re.findall(r'data-action="(\w+)" data-confirm="([^"]+)"', decide))
    assert confirms["approve"] == "同意后本环节办结，申请将转至东县审批。确定？"
    assert "不予批准" in confirms["reject"] and "退回申请单位修改" in confirms["return"]
    h.decide(api, review["id"], APPROVER)

    vote_task = h.task_for(api, COUNTY, case["id"])
    page = console.get(f"/tasks/{vote_task['id']}", as_=COUNTY).get_data(as_text=True)
    vote = _form(page, "vote")
    assert 'data-confirm="提交后本环节按表决结果办结：通过则将发出批复，申请转为已批复' in vote
    assert "data-confirm=" in _form(page, "decide")  # 退回修改
    h.approve_level(api, case["id"], COUNTY)

    page = console.get(f"/cases/{case['id']}", as_=APPROVER).get_data(as_text=True)
    found = _form(page, "found")
    assert 'data-confirm="登记成立后将建立「测试primary_committee」并计入组织覆盖，不能撤回。确定？"' in found


def test_people_by_display_name_each_opinion_once_and_the_approving_body(
    app: Flask, console: Console, world: World
) -> None:
    api = _api(app, world)
    case = _primary_committee(api, request_text="关于成立党委的请示\n一、基本情况\n二、拟设委员会")
    review = h.task_for(api, APPROVER, case["id"])
    assert console.post(f"/tasks/{review['id']}/claim", as_=APPROVER).status_code == 302
    page = console.get(f"/tasks/{review['id']}", as_=APPROVER).get_data(as_text=True)
    # the world's users: username "approver.east_t1", display name "approver@east_t1"
    assert 'id="holder">已由approver@east_t1签收<' in page
    h.decide(api, review["id"], APPROVER, comment="材料齐全，同意上报")
    vote_task = h.task_for(api, COUNTY, case["id"])
    body = {"approval_doc_no": "青组复〔2026〕18号", "meeting_on": h.TODAY, "comment": "表决通过"}
    assert h.vote(api, vote_task["id"], COUNTY, **body).status_code == 200

    page = console.get(f"/cases/{case['id']}", as_=APPROVER).get_data(as_text=True)
    for username in ("portal.east", "approver.east_t1", "approver.east"):
        assert username not in page, username
    history = _section(page, "history", "</ol>")
    assert "portal@east · 创建申请" in history and "approver@east · 批复同意" in history
    opinions = _section(page, "comments", "</ul>")
    assert opinions.count("表决通过") == 1 and opinions.count("材料齐全，同意上报") == 1
    assert "approver@east</strong>" in opinions
    # approved by 东县 (whose step issued the reply), filed with 东一镇
    assert 'id="approving-body">东县<' in page and "青组复〔2026〕18号" in page
    # the request text reads as a section of the page, a paragraph per line (not folded away behind its length)
    text = _section(page, "request-text", "</div>")
    assert "<p>关于成立党委的请示</p><p>一、基本情况</p><p>二、拟设委员会</p>" in text
    assert f'href="/cases/{case["id"]}/request"' in page  # and links the 请示 as a document
    assert "请示正文（" not in page


def test_countersign_says_who_else_must_agree_and_the_last_one_issues_the_reply(
    app: Flask, console: Console, world: World
) -> None:
    api = _api(app, world)
    _second(app, world)
    h.route(api, "east_t1", "countersign", [APPROVER, SECOND])
    case = h.submitted_branch(api)
    first = h.task_for(api, APPROVER, case["id"])
    page = console.get(f"/tasks/{first['id']}", as_=APPROVER).get_data(as_text=True)
    decide = _form(page, "decide")
    confirms = dict(re.findall(r'data-action="(\w+)" data-confirm="([^"]+)"', decide))
    assert confirms["approve"] == "同意后还需其他1位会签人同意，本环节方可办结。确定？"
    assert 'name="approval_doc_no"' in decide  # the only level: its approval issues the reply
    assert h.decide(api, first["id"], APPROVER).status_code == 200

    last = _task_of(console, case["id"], SECOND)
    page = console.get(f"/tasks/{last}", as_=SECOND).get_data(as_text=True)
    confirms = dict(re.findall(r'data-action="(\w+)" data-confirm="([^"]+)"', _form(page, "decide")))
    assert confirms["approve"] == "同意后本环节办结，将发出批复，申请转为已批复。确定？"
    # approving without the reply's number: the workflow's refusal is shown beside its input, the opinion kept
    res = console.post(f"/tasks/{last}/decide", as_=SECOND, data={"action": "approve", "comment": "同意"})
    decide = _form(res.get_data(as_text=True), "decide")
    assert res.status_code == 422 and 'data-field="approval_doc_no"' in decide and "同意</textarea>" in decide


def test_an_overdue_step_the_sweep_urged_is_marked_in_the_inbox_and_said_in_chinese(
    app: Flask, console: Console, world: World, clock: FixedClock
) -> None:
    api = _api(app, world)
    case = h.submitted_branch(api, formal=4)
    task_id = _task_of(console, case["id"], APPROVER)
    assert 'class="escalated"' not in console.get("/inbox", as_=APPROVER).get_data(as_text=True)
    with app.app_context():  # the sweep, on the day the step's reminder falls due (as the scheduler runs it)
        step_id, day = db.session.execute(
            select(ApprovalStep.id, ApprovalStep.next_escalation_at).where(
                ApprovalStep.workflow == "establishment", ApprovalStep.subject_id == case["id"]
            )
        ).one()
        clock.set(datetime.combine(day, time(2), tzinfo=UTC))
        assert escalation.escalate("approval_task", step_id) == "reminder"
    inbox = console.get("/inbox", as_=APPROVER).get_data(as_text=True)
    assert re.search(r'class="light red"[^<]*</span> <span class="escalated"[^>]*>催办</span>', inbox)
    page = console.get(f"/tasks/{task_id}", as_=APPROVER).get_data(as_text=True)
    assert "系统 · 催办" in _section(page, "history", "</ol>") and "escalation." not in page
