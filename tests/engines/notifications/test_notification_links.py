"""Notifications that lead somewhere: each names its subject, links to where its recipient acts (opening it
marks it read), and stops counting as unread once what it asked for is done — by the recipient or by
someone else."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewUser
from service.operations.engines import escalation
from service.operations.reference import users
from tests.support.console import Console
from tests.support.establishment import CASES, TASKS, approve_level, make_unit, new_case, route, submit, task_for
from tests.support.supervision import TICKETS, arrange, issued, report, submitted
from tests.support.world import Api, World

NOTIFICATIONS = "/api/v1/notifications"
APPROVER = "approver@east_t1"
HANDLER = "handler@east_t1"
UNIT = "青山精密机械有限公司"


@pytest.fixture
def console(app: Flask, world: World) -> Console:
    return Console(app, world)


def mine(api: Api, who: str, kind: str | None = None) -> list[dict[str, Any]]:
    res = api.get(f"{NOTIFICATIONS}?page_size=200", as_=who)
    assert res.status_code == 200, res.json
    return [n for n in res.json if kind is None or n["kind"] == kind]


def one(api: Api, who: str, kind: str, **match: Any) -> dict[str, Any]:
    found = [n for n in mine(api, who, kind) if all(n[k] == v for k, v in match.items())]
    assert len(found) == 1, found
    return found[0]


def unread(api: Api, who: str) -> int:
    return int(api.get(f"{NOTIFICATIONS}/unread-count", as_=who).json["unread"])


def colleague(app: Flask, world: World, name: str = "colleague@east_t1") -> str:
    """A second approver of 东一镇, signed in through the API and the console like the world's users."""
    with app.app_context():
        actor = system_actor("test")
        user = users.create(
            actor,
            NewUser(
                username="colleague.east_t1", display_name="同事", role="approver", jurisdiction_id=world.ids["east_t1"]
            ),
        )
        world.users[name] = user.id
        world.tokens[name] = users.issue_token(actor, user, "test")[1]
        db.session.remove()
    return name


def submitted_case(api: Api, *names: str, form: str = "branch", formal: int = 3) -> dict[str, Any]:
    members = [formal] if len(names) == 1 else [1] * len(names)
    units = [
        make_unit(api, "east_t1", name=n, formal_members=m, employees=max(60, m + 10))["id"]
        for n, m in zip(names, members, strict=True)
    ]
    return submit(api, new_case(api, units, form)["id"])


# -- subject ---------------------------------------------------------------------------------------------------


def test_a_task_notice_names_the_units_the_form_and_the_approving_body(api: Api) -> None:
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    assert n["title"] == f"待办：{UNIT} 建立党支部申请 — 东一镇审批"
    assert n["subject"] == f"{UNIT} 建立党支部申请"
    assert (n["subject_type"], n["task_id"]) == ("establishment", task["id"])
    assert (n["read"], n["settled"], n["settled_at"]) == (False, False, None)


def test_a_joint_request_names_every_unit(api: Api) -> None:
    case = submitted_case(api, "甲公司", "乙公司", "丙公司", form="joint_branch")
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    assert n["subject"] == "甲公司、乙公司、丙公司 建立联合党支部申请"


def test_ticket_notices_name_the_ticket(api: Api) -> None:
    t = issued(api, title="东一镇未建组织企业排查整改")
    n = one(api, HANDLER, "ticket.issued", subject_id=t["id"])
    assert n["subject"] == "东一镇未建组织企业排查整改"
    assert (n["subject_type"], n["task_id"]) == ("supervision_ticket", None)


def test_an_interview_notice_names_its_ticket(api: Api) -> None:
    t = issued(api, title="东一镇党建指导员选派滞后")
    res = arrange(api, t["id"])
    assert res.status_code == 201, res.json
    n = one(api, HANDLER, "interview.scheduled", subject_id=res.json["id"])
    assert n["subject"] == "东一镇党建指导员选派滞后"
    assert n["title"].startswith("约谈通知：东一镇党建指导员选派滞后 — ")


def test_escalation_notices_name_their_subject_and_a_reminder_names_the_task(app: Flask, api: Api) -> None:
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    with app.app_context():
        assert escalation.escalate("approval_task", task["step"]["id"], date(2026, 12, 1)) == "reminder"
        db.session.remove()
    n = one(api, APPROVER, "escalation.reminder", subject_id=case["id"])
    assert n["subject"] == f"{UNIT} 建立党支部申请"
    assert n["title"].startswith(f"催办：{UNIT} 建立党支部申请 — 东一镇的审批任务")
    assert n["task_id"] == task["id"]
    # decided: the reminder is settled with the task
    approve_level(api, case["id"], APPROVER)
    assert one(api, APPROVER, "escalation.reminder", subject_id=case["id"])["settled"] is True


def test_a_preparation_reminder_names_the_request_and_settles_when_it_is_submitted(app: Flask, api: Api) -> None:
    unit = make_unit(api, "east_t1", name=UNIT, formal_members=3)
    case = new_case(api, [unit["id"]], "branch")
    with app.app_context():
        assert escalation.escalate("establishment", case["id"], date(2027, 6, 1)) == "reminder"
        db.session.remove()
    n = one(api, HANDLER, "escalation.reminder", subject_id=case["id"])
    assert n["subject"] == f"{UNIT} 建立党支部申请"
    assert n["settled"] is False
    submit(api, case["id"])
    n = one(api, HANDLER, "escalation.reminder", subject_id=case["id"])
    assert n["settled"] is True and n["settled_at"] is not None


def test_a_pairing_notice_names_the_agreement(app: Flask, api: Api, world: World) -> None:
    from tests.support.pairing import in_force

    a = in_force(api, app, world)
    with app.app_context():
        assert escalation.escalate("pairing_agreement", a["id"], date(2026, 10, 8)) == "reminder"
        db.session.remove()
    n = one(api, HANDLER, "escalation.reminder", subject_id=a["id"])
    assert (n["subject_type"], n["subject"]) == ("pairing_agreement", "东县结对共建")


# -- links -----------------------------------------------------------------------------------------------------


def test_a_task_notice_opens_the_task_page_and_is_read(api: Api, console: Console) -> None:
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    page = console.get("/notifications", as_=APPROVER).get_data(as_text=True)
    assert f'href="/notifications/{n["id"]}/open"' in page
    assert f"{UNIT} 建立党支部申请" in page

    res = console.get(f"/notifications/{n['id']}/open", as_=APPROVER)
    assert res.status_code == 302
    assert res.headers["Location"] == f"/tasks/{task['id']}"
    assert console.get(res.headers["Location"], as_=APPROVER).status_code == 200
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["read"] is True


def test_ticket_and_interview_notices_open_the_ticket_page(api: Api, console: Console) -> None:
    t = issued(api)
    interview = arrange(api, t["id"]).json
    for kind, subject_id in (("ticket.issued", t["id"]), ("interview.scheduled", interview["id"])):
        n = one(api, HANDLER, kind, subject_id=subject_id)
        res = console.get(f"/notifications/{n['id']}/open", as_=HANDLER)
        assert res.status_code == 302, kind
        assert res.headers["Location"] == f"/board/tickets/{t['id']}", kind
        assert console.get(res.headers["Location"], as_=HANDLER).status_code == 200, kind
        assert one(api, HANDLER, kind, subject_id=subject_id)["read"] is True


def test_the_superiors_report_opens_the_case_page(app: Flask, api: Api, console: Console) -> None:
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    with app.app_context():
        assert escalation.escalate("approval_task", task["step"]["id"], date(2026, 12, 1)) == "reminder"
        assert escalation.escalate("approval_task", task["step"]["id"], date(2027, 1, 15)) not in (
            "not_due",
            "reminder",
        )
        db.session.remove()
    reports = [n for n in mine(api, "approver@east") if n["kind"] != "task.assigned" and n["subject_id"] == case["id"]]
    assert reports and reports[0]["task_id"] is None
    res = console.get(f"/notifications/{reports[0]['id']}/open", as_="approver@east")
    assert res.headers["Location"] == f"/cases/{case['id']}"
    assert console.get(res.headers["Location"], as_="approver@east").status_code == 200


def test_another_user_can_neither_see_nor_open_nor_mark_my_notification(api: Api, console: Console) -> None:
    case = submitted_case(api, UNIT)
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    for other in ("handler@east_t1", "approver@east", "admin@city"):
        assert all(x["id"] != n["id"] for x in mine(api, other)), other
        assert console.get(f"/notifications/{n['id']}/open", as_=other).status_code == 404, other
        assert console.post(f"/notifications/{n['id']}/read", as_=other).status_code == 404, other
        assert api.post(f"{NOTIFICATIONS}/{n['id']}/read", as_=other).status_code == 404, other
        assert f"/notifications/{n['id']}/open" not in console.get("/notifications", as_=other).get_data(as_text=True)
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["read"] is False
    assert unread(api, APPROVER) == 1


# -- settled ---------------------------------------------------------------------------------------------------


def test_settled_when_the_recipient_decides(api: Api, console: Console) -> None:
    case = submitted_case(api, UNIT)
    assert unread(api, APPROVER) == 1
    assert 'id="unread-count">1<' in console.get("/inbox", as_=APPROVER).get_data(as_text=True)

    approve_level(api, case["id"], APPROVER)  # a committee vote, the default route
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    assert (n["read"], n["settled"]) == (False, True)
    assert unread(api, APPROVER) == 0
    assert mine(api, APPROVER, "task.assigned") and not api.get(f"{NOTIFICATIONS}?unread=true", as_=APPROVER).json
    page = console.get("/notifications", as_=APPROVER).get_data(as_text=True)
    assert "已处理" in page
    assert 'id="unread-count"' not in page  # the navigation's count leaves it out


def test_settled_for_the_others_when_a_colleague_claims_and_open_again_when_given_back(
    app: Flask, api: Api, world: World
) -> None:
    other = colleague(app, world)
    route(api, "east_t1", "any_one")  # offered to 东一镇's approvers as a group
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    for who in (APPROVER, other):
        assert one(api, who, "task.assigned", subject_id=case["id"])["task_id"] == task["id"]

    assert api.post(f"{TASKS}/{task['id']}/claim", as_=other).status_code == 200
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["settled"] is True
    assert unread(api, APPROVER) == 0
    assert one(api, other, "task.assigned", subject_id=case["id"])["settled"] is False  # the claimer's to do

    assert api.post(f"{TASKS}/{task['id']}/release", as_=other).status_code == 200
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["settled"] is False
    assert unread(api, APPROVER) == 1


def test_settled_when_delegated_to_a_colleague_who_gets_a_notice_of_their_own(
    app: Flask, api: Api, world: World
) -> None:
    case = submitted_case(api, UNIT)
    task = task_for(api, APPROVER, case["id"])
    other = colleague(app, world)  # joins after the step opened: not one of its approvers
    res = api.post(f"{TASKS}/{task['id']}/delegate", as_=APPROVER, json={"to_user_id": world.users[other]})
    assert res.status_code == 200, res.json
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["settled"] is True
    theirs = one(api, other, "task.assigned", subject_id=case["id"])
    assert theirs["title"] == f"待办：{UNIT} 建立党支部申请 — 同事转办给您"
    assert (theirs["task_id"], theirs["settled"]) == (task["id"], False)


def test_settled_when_the_case_is_withdrawn(api: Api) -> None:
    case = submitted_case(api, UNIT)
    assert unread(api, APPROVER) == 1
    res = api.post(f"{CASES}/{case['id']}/withdraw", as_="portal@east", json={"reason": "单位合并，暂缓组建"})
    assert res.status_code == 200, res.json
    n = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    assert n["settled"] is True and n["settled_at"] is not None
    assert unread(api, APPROVER) == 0


def test_ticket_notices_settle_when_their_action_is_done(api: Api) -> None:
    t = issued(api)
    assert one(api, HANDLER, "ticket.issued", subject_id=t["id"])["settled"] is False
    assert api.post(f"{TICKETS}/{t['id']}/acknowledge", as_=HANDLER).status_code == 200
    assert one(api, HANDLER, "ticket.issued", subject_id=t["id"])["settled"] is True

    t = submitted(api)  # issued, acknowledged, rectifying, reported
    n = one(api, "supervisor@east", "ticket.reported", subject_id=t["id"])
    assert n["subject"] == t["title"] and n["settled"] is False
    res = api.post(f"{TICKETS}/{t['id']}/return", as_="supervisor@east", json={"reason": "证明材料不全"})
    assert res.status_code == 200, res.json
    assert one(api, "supervisor@east", "ticket.reported", subject_id=t["id"])["settled"] is True
    returned = one(api, HANDLER, "ticket.returned", subject_id=t["id"])
    assert returned["settled"] is False
    assert report(api, t).status_code == 200
    assert one(api, HANDLER, "ticket.returned", subject_id=t["id"])["settled"] is True


def test_the_next_levels_notice_names_the_request_too(api: Api) -> None:
    """A primary committee: reviewed by the township, then approved by the county (the next level's notice is
    written inside the reviewer's decision)."""
    case = submitted_case(api, UNIT, form="primary_committee", formal=120)
    first = one(api, APPROVER, "task.assigned", subject_id=case["id"])
    assert first["title"] == f"待办：{UNIT} 建立基层党委申请 — 东一镇审查"
    approve_level(api, case["id"], APPROVER, final=False)
    assert one(api, APPROVER, "task.assigned", subject_id=case["id"])["settled"] is True
    county = one(api, "approver@east", "task.assigned", subject_id=case["id"])
    assert county["title"] == f"待办：{UNIT} 建立基层党委申请 — 东县县级审批"
    assert county["task_id"] == task_for(api, "approver@east", case["id"])["id"]


def test_an_extension_request_settles_when_decided_and_an_interview_notice_when_cancelled(api: Api) -> None:
    from tests.support.supervision import ask, decide, pending_id

    t = issued(api, title="东一镇指导员选派整改")
    res = ask(api, t["id"])
    assert res.status_code == 201, res.json
    asked = one(api, "supervisor@east", "ticket.extension_requested", subject_id=t["id"])
    assert (asked["subject"], asked["settled"]) == ("东一镇指导员选派整改", False)
    assert decide(api, t["id"], pending_id(res.json)).status_code == 200
    assert one(api, "supervisor@east", "ticket.extension_requested", subject_id=t["id"])["settled"] is True

    interview = arrange(api, t["id"]).json
    assert one(api, HANDLER, "interview.scheduled", subject_id=interview["id"])["settled"] is False
    res = api.post(f"/api/v1/interviews/{interview['id']}/cancel", as_="supervisor@east", json={"reason": "已整改"})
    assert res.status_code == 200, res.json
    assert one(api, HANDLER, "interview.scheduled", subject_id=interview["id"])["settled"] is True
    cancelled = one(api, HANDLER, "interview.cancelled", subject_id=interview["id"])
    assert (cancelled["subject"], cancelled["settled"]) == ("东一镇指导员选派整改", False)  # news, not a task
