"""Approval deadlines counted across a year whose holiday notice is not loaded say so on 待办 and the task page
(the calendar then counts Monday to Friday): late December 2026, with 2027 not loaded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask

from service.clock import FixedClock
from tests.support.console import Console
from tests.support.establishment import submitted_branch, task_for
from tests.support.world import Api

FALLBACK_NOTE = "2027年节假日安排尚未载入"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 28, 2, 0, tzinfo=UTC))  # a task opened now falls due in January 2027


def test_inbox_and_task_page_mark_a_deadline_counted_monday_to_friday(console: Console, api: Api, app: Flask) -> None:
    case = submitted_branch(api)
    inbox = console.get("/inbox", as_="approver@east_t1").get_data(as_text=True)
    assert "fallback-mark" in inbox and FALLBACK_NOTE in inbox
    task_id = task_for(api, "approver@east_t1", case["id"])["id"]
    page = console.get(f"/tasks/{task_id}", as_="approver@east_t1").get_data(as_text=True)
    assert 'id="calendar-fallback"' in page and FALLBACK_NOTE in page
