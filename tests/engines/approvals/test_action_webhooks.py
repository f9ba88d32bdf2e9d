"""Each approval action is published to the webhooks subscribed to it, with the step, the task and who acted:
加签 / 减签 (`task.approvers_added`, `task.approvers_removed`), 退回至此前环节 (`task.returned_to`), 催办
(`task.urged`, `supervision_ticket.urged`), 拿回 within a sequence (`task.taken_back`) and 抄送 (`copy.sent`). 委派
is in test_consult.py; `task.assigned` in test_add_remove_approvers.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.clock import FixedClock
from tests.support.establishment import (
    CASES,
    TASKS,
    decide,
    make_unit,
    new_case,
    route,
    submit,
    submitted_branch,
    task_for,
)
from tests.support.supervision import TICKETS, move, ok, rectifying
from tests.support.webhooks import register
from tests.support.world import Api, World

A, B, C, COUNTY = "approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver@east"
EVENTS = [
    "task.approvers_added",
    "task.approvers_removed",
    "task.returned_to",
    "task.taken_back",
    "task.urged",
    "supervision_ticket.urged",
    "copy.sent",
]


def _published(api: Api, hook: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    log = api.get(f"/api/v1/webhooks/{hook['id']}/deliveries", as_="admin@east").json
    return sorted(((d["event"], d["payload"]["data"]) for d in log), key=lambda e: e[0])


def test_adding_and_removing_approvers_is_published(api: Api, colleagues: World) -> None:
    hook = register(api, "admin@east", "https://portal.example.org/hooks", EVENTS)
    u = colleagues.users
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    body = {"user_ids": [u[C]], "reason": "需要分管领导把关"}
    assert api.post(f"{TASKS}/{mine}/add-approvers", as_=A, json=body).status_code == 200
    assert api.post(f"{TASKS}/{mine}/remove-approvers", as_=A, json={**body, "reason": "已回避"}).status_code == 200
    (added, removed) = _published(api, hook)
    assert added[0] == "task.approvers_added" and removed[0] == "task.approvers_removed"
    for (_, data), reason in ((added, "需要分管领导把关"), (removed, "已回避")):
        assert data["workflow"] == "establishment" and data["subject_id"] == cid and data["task_id"] == mine
        assert data["actor_id"] == u[A] and data["user_ids"] == [u[C]] and data["reason"] == reason


def test_returning_to_an_earlier_level_is_published(api: Api, colleagues: World) -> None:
    hook = register(api, "admin@east", "https://portal.example.org/hooks", EVENTS)
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    for who in (A, B):
        assert decide(api, task_for(api, who, cid)["id"], who).status_code == 200
    county = task_for(api, COUNTY, cid)["id"]
    body = {"level_name": "superior_review", "reason": "党员人数需复核"}
    assert api.post(f"{TASKS}/{county}/return-to", as_=COUNTY, json=body).status_code == 200
    ((event, data),) = _published(api, hook)
    assert event == "task.returned_to" and data["task_id"] == county and data["subject_id"] == cid
    assert data["level_name"] == "county_approval" and data["to_level_name"] == "superior_review"
    assert data["reason"] == "党员人数需复核" and data["actor_id"] == api.world.users[COUNTY]


def test_taking_back_within_a_sequence_is_published(api: Api, colleagues: World) -> None:
    hook = register(api, "admin@east", "https://portal.example.org/hooks", EVENTS)
    route(api, "east_t1", "sequential", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    turn = task_for(api, B, cid)["id"]
    assert api.post(f"{TASKS}/{mine}/take-back", as_=A, json={"comment": "再核实"}).status_code == 200
    ((event, data),) = _published(api, hook)
    assert event == "task.taken_back" and data["task_id"] == mine and data["subject_id"] == cid
    assert data["actor_id"] == colleagues.users[A] and data["level_name"] == "superior_approval"
    assert data["cancelled_step_id"] is None and data["cancelled_task_id"] == turn


def test_urges_and_copies_are_published(api: Api, clock: FixedClock) -> None:
    hook = register(api, "admin@east", "https://portal.example.org/hooks", EVENTS)
    case = submitted_branch(api)
    task = task_for(api, A, case["id"])["id"]
    ticket = rectifying(api)
    ok(api.post(f"{TICKETS}/{ticket['id']}/urge", as_="supervisor@east", json={"message": "请按期报送"}), 201)
    move(clock, date(2026, 11, 3))  # the task was due 2026-11-02
    ok(api.post(f"{TASKS}/{task}/urge", as_="handler@east_t1", json={"message": "材料已齐"}), 201)
    copied = api.post(f"{CASES}/{case['id']}/copies", as_=A, json={"user_ids": [api.world.users["supervisor@east"]]})
    assert copied.status_code == 201, copied.json
    published = dict(_published(api, hook))
    assert set(published) == {"task.urged", "supervision_ticket.urged", "copy.sent"}
    urged = published["task.urged"]
    assert (urged["subject_type"], urged["subject_id"], urged["task_id"]) == ("establishment", case["id"], task)
    assert urged["message"] == "材料已齐" and urged["notified"] == 1
    ticket_urged = published["supervision_ticket.urged"]
    assert ticket_urged["subject_id"] == ticket["id"] and ticket_urged["message"] == "请按期报送"
    sent = published["copy.sent"]
    assert (sent["subject_type"], sent["subject_id"]) == ("establishment", case["id"])
    assert sent["recipient_ids"] == [api.world.users["supervisor@east"]] and sent["actor_id"] == api.world.users[A]
