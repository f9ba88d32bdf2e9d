"""The pending-task inbox: due dates on the official calendar, sorting, the overdue flag and filter,
the workflow filter, pagination totals, case summaries and who sees what."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from service.clock import FixedClock
from tests.support.establishment import (
    AUDIT,
    DUE_ON,
    TASKS,
    get_case,
    inbox,
    submitted_branch,
    tasks_for,
    total,
)
from tests.support.world import Api, World
from workflows.registry import APPROVAL_WORKFLOWS

A = "approver@east_t1"


def test_due_date_counts_working_days_on_the_official_calendar(api: Api) -> None:
    case = submitted_branch(api)
    step = case["steps"][0]
    # 22 working days from Friday 25 September 2026: the National Day week is off and Saturday 10 October is
    # a working day, so the deadline is Monday 2 November (Monday–Friday counting would give 27 October).
    assert step["due_on"] == DUE_ON == "2026-11-02"
    assert step["due_basis"] == "official"
    assert step["overdue"] is False
    assert inbox(api, A)[0]["due_on"] == DUE_ON
    opened = api.get(
        f"{AUDIT}?subject_type=establishment&subject_id={case['id']}&action=approval_step.open", as_="supervisor@city"
    ).json
    assert opened[0]["state_after"]["due_on"] == DUE_ON and opened[0]["state_after"]["due_basis"] == "official"


def test_inbox_is_sorted_by_due_date_with_case_summaries_and_totals(api: Api, clock: FixedClock) -> None:
    clock.set(datetime(2026, 9, 28, 2, 0, tzinfo=UTC))
    later = submitted_branch(api, formal=4)  # submitted on Monday: due one working day later
    clock.set(datetime(2026, 9, 25, 2, 0, tzinfo=UTC))
    sooner = submitted_branch(api, formal=5)
    assert later["id"] < sooner["id"]

    items = inbox(api, A)
    assert [t["subject_id"] for t in items] == [sooner["id"], later["id"]]
    assert [t["due_on"] for t in items] == ["2026-11-02", "2026-11-03"]
    summary = items[0]["summary"]
    assert summary["title"] == sooner["proposed_name"]
    assert summary["state"] == "submitted" and summary["state_label"] == "审批中"
    assert summary["form"] == "branch" and summary["form_label"] == "党支部"
    assert summary["formal_members"] == 5 and summary["jurisdiction"] == "东一镇"
    assert items[0]["workflow"] == "establishment"
    assert items[0]["step"]["mode_label"] == "集体表决"

    first = api.get(f"{TASKS}/inbox?page_size=1", as_=A)
    meta = json.loads(first.headers["X-Pagination"])
    assert meta["total"] == 2 and meta["total_pages"] == 2
    assert [t["subject_id"] for t in first.json] == [sooner["id"]]
    second = api.get(f"{TASKS}/inbox?page_size=1&page=2", as_=A)
    assert [t["subject_id"] for t in second.json] == [later["id"]]


def test_overdue_flag_and_filter_follow_the_clock(api: Api, clock: FixedClock) -> None:
    case = submitted_branch(api)
    # Monday–Friday counting would already be late on 28 October; the official calendar is not.
    clock.set(datetime(2026, 10, 28, 2, 0, tzinfo=UTC))
    assert inbox(api, A)[0]["overdue"] is False
    # 23:59 on the due date in Beijing: still on time.
    clock.set(datetime(2026, 11, 2, 15, 59, tzinfo=UTC))
    assert inbox(api, A)[0]["overdue"] is False
    assert inbox(api, A, "?overdue=true") == []
    assert len(inbox(api, A, "?overdue=false")) == 1

    # Midnight in Beijing: the task is overdue.
    clock.set(datetime(2026, 11, 2, 16, 0, tzinfo=UTC))
    items = inbox(api, A, "?overdue=true")
    assert [t["subject_id"] for t in items] == [case["id"]]
    assert items[0]["overdue"] is True
    assert inbox(api, A, "?overdue=false") == []
    assert total(api.get(f"{TASKS}/inbox?overdue=true", as_=A)) == 1
    assert get_case(api, case["id"])["steps"][0]["overdue"] is True


def test_workflow_filter(api: Api) -> None:
    case = submitted_branch(api)
    assert [t["subject_id"] for t in inbox(api, A, "?workflow=establishment")] == [case["id"]]
    # Only workflows that use the approval engine have tasks: others are refused like unknown names.
    others = [w["name"] for w in api.get("/api/v1/workflows", as_=A).json if w["name"] not in APPROVAL_WORKFLOWS]
    assert others, "supervision tickets and interviews are workflows too"
    for name in APPROVAL_WORKFLOWS:  # re-elections and adjustment cases have tasks too
        assert api.get(f"{TASKS}/inbox?workflow={name}", as_=A).status_code == 200, name
    for name in [*others, "no_such_workflow"]:
        bad = api.get(f"{TASKS}/inbox?workflow={name}", as_=A)
        assert bad.status_code == 422 and bad.json["code"] == "validation_failed", name


def test_inbox_shows_a_task_only_to_its_body(api: Api, colleagues: World) -> None:
    case = submitted_branch(api)
    assert len(tasks_for(api, A, case["id"])) == 1
    assert len(tasks_for(api, "approver2@east_t1", case["id"])) == 1
    for other in (
        "approver@east",
        "approver2@east",
        "approver@west_t1",
        "approver2@west_t1",
        "approver@city",
        "handler@east_t1",
        "portal@east",
        "admin@east_t1",
    ):
        assert tasks_for(api, other, case["id"]) == [], other
    task_id = inbox(api, A)[0]["id"]
    # In scope for the county (read-only view), invisible outside it.
    assert api.get(f"{TASKS}/{task_id}", as_="approver@east").status_code == 200
    assert api.get(f"{TASKS}/{task_id}", as_="approver@west_t1").status_code == 404
