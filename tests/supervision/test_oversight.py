"""The supervisors' 待办 (reports to review, extension requests, interviews) with its navigation badge, and 催办
from the console: the button on a ticket page and on a case page, refused the second time the same working day
with the message shown and the typed text kept."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask

from service.clock import FixedClock
from tests.support.console import Console
from tests.support.database import statements
from tests.support.establishment import TASKS, submitted_branch
from tests.support.supervision import INTERVIEWS, TICKETS, issued, move, ok, rectifying, submitted
from tests.support.world import Api, World

SUPERVISOR = "supervisor@east"


def busy_desk(api: Api, place: str = "east_t1") -> dict[str, int]:
    """One of each kind waiting for supervisor@east: a report to review, an extension to decide, an interview."""
    report = submitted(api, place)
    t = rectifying(api, place)
    ok(
        api.post(
            f"{TICKETS}/{t['id']}/extensions",
            as_=f"handler@{place}",
            json={"new_deadline": "2026-12-31", "reason": "材料需补充"},
        ),
        201,
    )
    other = issued(api, place)
    iv = ok(
        api.post(
            INTERVIEWS,
            as_=SUPERVISOR,
            json={
                "ticket_id": other["id"],
                "reason": "推进滞后",
                "scheduled_at": "2026-09-29T09:00:00+08:00",
                "place": "县委组织部会议室",
            },
        ),
        201,
    )
    return {"report": report["id"], "extension": t["id"], "interview": iv["id"], "interview_ticket": other["id"]}


def counts_on(page: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r'data-count="(\w+)">(\d+)<', page)}


def test_the_supervisors_desk_lists_the_three_kinds_with_counts(console: Console, api: Api) -> None:
    desk = busy_desk(api)
    res = console.get("/oversight", as_=SUPERVISOR)
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert counts_on(page) == {"reports": 1, "extensions": 1, "interviews": 1}
    assert f'href="/board/tickets/{desk["report"]}#reports"' in page
    assert f'href="/board/tickets/{desk["extension"]}#extensions"' in page
    assert f'data-interview="{desk["interview"]}"' in page
    assert f'href="/board/tickets/{desk["interview_ticket"]}#interviews"' in page
    assert "材料需补充" in page and "待开展约谈" in page and "东一镇" in page
    assert '<span class="badge" id="oversight-count">3</span>' in page
    # The city's supervisor is above the issuing body: the same work is in its scope.
    assert counts_on(console.get("/oversight", as_="supervisor@city").get_data(as_text=True)) == {
        "reports": 1,
        "extensions": 1,
        "interviews": 1,
    }


def test_the_desk_is_scoped_to_the_issuing_side(console: Console, api: Api) -> None:
    busy_desk(api)
    # The handling body's own supervisor, and a supervisor elsewhere: nothing waits for them.
    for who in ("supervisor@east_t1", "supervisor@west_t1"):
        page = console.get("/oversight", as_=who).get_data(as_text=True)
        assert counts_on(page) == {"reports": 0, "extensions": 0, "interviews": 0}, who
        assert 'id="oversight-count"' not in page
    # Approvers and handlers keep their own 待办; the supervisors' is not theirs.
    assert console.get("/oversight", as_="approver@east").status_code == 403
    assert console.get("/oversight", as_="handler@east_t1").status_code == 403


def test_each_role_lands_on_its_own_desk(console: Console) -> None:
    assert console.get("/", as_=SUPERVISOR).headers["Location"] == "/oversight"
    assert console.get("/", as_="admin@east").headers["Location"] == "/oversight"
    assert console.get("/", as_="approver@east_t1").headers["Location"] == "/inbox"
    page = console.get("/oversight", as_=SUPERVISOR).get_data(as_text=True)
    assert re.findall(r'data-nav="([\w.]+)">待办', page) == ["console.oversight"]
    assert 'data-nav="console.inbox"' not in page


def test_the_desk_has_a_fixed_statement_count(console: Console, api: Api, app: Flask) -> None:
    busy_desk(api)
    console.get("/oversight", as_=SUPERVISOR)  # warm the process caches and the session
    with statements(app) as seen:
        console.get("/oversight", as_=SUPERVISOR)
    small = len(seen)
    busy_desk(api)
    busy_desk(api)
    with statements(app) as seen:
        page = console.get("/oversight", as_=SUPERVISOR).get_data(as_text=True)
    assert counts_on(page) == {"reports": 3, "extensions": 3, "interviews": 3}
    assert len(seen) == small <= 12, seen


def test_the_urge_button_on_a_ticket_then_refused_the_same_working_day(console: Console, api: Api) -> None:
    t = rectifying(api)
    page = console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert f'action="/board/tickets/{t["id"]}/urge"' in page and 'data-count="0"' in page
    res = console.post(f"/board/tickets/{t['id']}/urge", as_=SUPERVISOR, data={"message": "请按期报送"})
    assert res.status_code == 302 and res.headers["Location"] == f"/board/tickets/{t['id']}"
    page = console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert "已催办（第1次），已通知1人" in page and 'data-count="1"' in page
    assert "supervisor@east（2026-09-25 10:00）" in page
    assert "2026-09-28（下一个工作日）起可再催办" in page  # no button until then
    # The form is posted again (a second tab): refused with the reason, the typed text kept.
    res = console.post(f"/board/tickets/{t['id']}/urge", as_="admin@east", data={"message": "再次催办"})
    assert res.status_code == 409
    page = res.get_data(as_text=True)
    assert "同一工作日内只能催办一次" in page and "2026-09-28" in page
    # The handling body sees how often it was urged, with no button.
    page = console.get(f"/board/tickets/{t['id']}", as_="handler@east_t1").get_data(as_text=True)
    assert 'data-count="1"' in page and "urge-form" not in page
    notes = console.get("/notifications", as_="handler@east_t1").get_data(as_text=True)
    assert "催办：督办单" in notes


def test_a_too_long_urge_message_is_shown_next_to_the_field_and_kept(console: Console, api: Api) -> None:
    t = rectifying(api)
    long = "催" * 201
    res = console.post(f"/board/tickets/{t['id']}/urge", as_=SUPERVISOR, data={"message": long})
    assert res.status_code == 422
    page = res.get_data(as_text=True)
    assert 'data-field="message"' in page and "长度不能超过 200" in page and long in page


def test_the_applicant_urges_an_overdue_task_from_the_case_page(console: Console, api: Api, clock: FixedClock) -> None:
    case = submitted_branch(api)
    page = console.get(f"/cases/{case['id']}", as_="portal@east").get_data(as_text=True)
    assert "逾期后方可催办" in page and "urge-form" not in page
    move(clock, date(2026, 11, 3))
    page = console.get(f"/cases/{case['id']}", as_="portal@east").get_data(as_text=True)
    (task_id,) = re.findall(r'action="/tasks/(\d+)/urge"', page)
    res = console.post(f"/tasks/{task_id}/urge", as_="portal@east", data={"message": ""})
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{task_id}"
    res = console.post(f"/tasks/{task_id}/urge", as_="supervisor@east", data={"message": "请尽快"})
    assert res.status_code == 409
    page = res.get_data(as_text=True)
    assert "2026-11-04（下一个工作日）" in page and "请尽快" in page
    # The approver sees the count on the task page and the notification.
    page = console.get(f"/tasks/{task_id}", as_="approver@east_t1").get_data(as_text=True)
    assert 'data-count="1"' in page and "urge-form" not in page
    inbox = api.get(f"{TASKS}/{task_id}", as_="approver@east_t1")
    assert inbox.status_code == 200
    notes = console.get("/notifications", as_="approver@east_t1").get_data(as_text=True)
    # The notice names the request it is about and leads to the task.
    assert re.search(r"催办：[^<]*建立党支部申请 — 审批任务已逾期", notes) and "/notifications/" in notes
    # Approvers may not urge (it is theirs to do).
    assert console.post(f"/tasks/{task_id}/urge", as_="approver@east_t1", data={}).status_code == 403


def test_the_desk_lists_pairing_agreements_behind_their_plan_in_scope(
    console: Console, api: Api, app: Flask, world: World
) -> None:
    from tests.support.pairing import URL, in_force

    agreement = in_force(api, app, world)  # 东一镇, nothing done yet of 2 visits, 1 training, 2 activists
    page = console.get("/oversight", as_=SUPERVISOR).get_data(as_text=True)
    assert f'data-agreement="{agreement["id"]}"' in page and "进度滞后的结对共建（1）" in page
    assert "走访交流 0/2；联合培训 0/1；培养入党积极分子 0/2" in page
    # Outside the county's scope it is not listed.
    other = console.get("/oversight", as_="supervisor@west_t1").get_data(as_text=True)
    assert "data-agreement=" not in other and "进度滞后的结对共建（0）" in other
    # Once the plan is met it leaves the list.
    progress = {"visits": 2, "trainings": 1, "activists": 2}
    assert api.post(f"{URL}/{agreement['id']}/progress", as_="handler@east_t1", json=progress).status_code == 200
    page = console.get("/oversight", as_=SUPERVISOR).get_data(as_text=True)
    assert "data-agreement=" not in page and "暂无进度滞后的结对协议" in page
