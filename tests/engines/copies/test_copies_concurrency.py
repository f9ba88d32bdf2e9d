"""Two copies of one subject to one person at the same instant (real threads, one test client each, released
together): the subject's lock serialises them, so one writes the copy (201) and the other finds it (200) — one
row, one notification, never a 500 or a unique violation."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.extensions import db
from service.models import Copy, Notification
from tests.support.establishment import CASES, submitted_branch
from tests.support.world import Api

# Real threads, each request on its own connection: real commits.
pytestmark = pytest.mark.commits


def _at_once(app: Flask, api: Api, calls: list[tuple[str, str, dict[str, Any]]]) -> list[int]:
    barrier = threading.Barrier(len(calls))
    results: list[int] = [0] * len(calls)

    def run(i: int, user: str, path: str, body: dict[str, Any]) -> None:
        client = app.test_client()
        barrier.wait(timeout=30)
        res = client.post(path, headers={"Authorization": f"Bearer {api.world.tokens[user]}"}, json=body)
        results[i] = res.status_code

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    assert not any(t.is_alive() for t in threads), "a request hung"
    return results


@pytest.mark.parametrize("round_", range(3))
def test_two_senders_copy_the_same_case_to_the_same_person(app: Flask, api: Api, round_: int) -> None:
    case = submitted_branch(api)
    body = {"user_ids": [api.world.users["supervisor@east"]]}
    path = f"{CASES}/{case['id']}/copies"
    statuses = _at_once(app, api, [("approver@east_t1", path, body), ("handler@east_t1", path, body)])
    assert sorted(statuses) == [200, 201], statuses
    with app.app_context():
        copies = db.session.execute(
            select(func.count()).select_from(Copy).where(Copy.subject_id == case["id"])
        ).scalar_one()
        notes = db.session.execute(
            select(func.count())
            .select_from(Notification)
            .where(Notification.kind == "copy.received", Notification.subject_id == case["id"])
        ).scalar_one()
        db.session.remove()
    assert (copies, notes) == (1, 1)
