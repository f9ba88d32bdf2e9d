"""In-app notifications: each user sees and marks only their own."""

from __future__ import annotations

import json
from datetime import timedelta

from flask import Flask

from service.clock import FixedClock
from service.db import transaction
from service.operations.engines.notifications import notify
from tests.support.world import Api, World

NOTIFICATIONS = "/api/v1/notifications"


def _notify(app: Flask, user_id: int, title: str, kind: str = "task.assigned") -> None:
    with app.app_context(), transaction():
        notify([user_id], kind, title, f"{title}的详情", "supervision_ticket", 7)


def _seed(app: Flask, world: World, clock: FixedClock) -> None:
    """handler@east_t1 gets three (created one minute apart), approver@east_t1 one."""
    for i in range(3):
        _notify(app, world.users["handler@east_t1"], f"通知{i + 1}")
        clock.set(clock.now() + timedelta(minutes=1))
    _notify(app, world.users["approver@east_t1"], "别人的通知")


def test_list_shows_only_mine_newest_first_with_totals(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    _seed(app, world, clock)
    res = api.get(NOTIFICATIONS, as_="handler@east_t1")
    assert res.status_code == 200
    assert [n["title"] for n in res.json] == ["通知3", "通知2", "通知1"]
    assert all(n["read"] is False and n["read_at"] is None for n in res.json)
    first = res.json[0]
    assert first["kind"] == "task.assigned"
    assert (first["subject_type"], first["subject_id"]) == ("supervision_ticket", 7)
    assert json.loads(res.headers["X-Pagination"])["total"] == 3

    page = api.get(f"{NOTIFICATIONS}?page=2&page_size=2", as_="handler@east_t1")
    assert [n["title"] for n in page.json] == ["通知1"]
    assert json.loads(page.headers["X-Pagination"])["total_pages"] == 2

    theirs = api.get(NOTIFICATIONS, as_="approver@east_t1").json
    assert [n["title"] for n in theirs] == ["别人的通知"]
    # an admin above sees no one else's inbox either
    assert api.get(NOTIFICATIONS, as_="admin@city").json == []


def test_read_one_is_idempotent_and_counts_follow(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    _seed(app, world, clock)
    me = "handler@east_t1"
    assert api.get(f"{NOTIFICATIONS}/unread-count", as_=me).json == {"unread": 3}
    target = api.get(NOTIFICATIONS, as_=me).json[1]

    read = api.post(f"{NOTIFICATIONS}/{target['id']}/read", as_=me)
    assert read.status_code == 200
    assert read.json["read"] is True
    first_read_at = read.json["read_at"]
    assert first_read_at is not None

    clock.set(clock.now() + timedelta(hours=1))
    again = api.post(f"{NOTIFICATIONS}/{target['id']}/read", as_=me)
    assert again.status_code == 200
    assert again.json["read_at"] == first_read_at  # the first read time is kept

    assert api.get(f"{NOTIFICATIONS}/unread-count", as_=me).json == {"unread": 2}
    unread = api.get(f"{NOTIFICATIONS}?unread=true", as_=me).json
    assert [n["title"] for n in unread] == ["通知3", "通知1"]
    read_only = api.get(f"{NOTIFICATIONS}?unread=false", as_=me).json
    assert [n["id"] for n in read_only] == [target["id"]]


def test_someone_elses_notification_is_not_found(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    _seed(app, world, clock)
    theirs = api.get(NOTIFICATIONS, as_="approver@east_t1").json[0]
    for caller in ("handler@east_t1", "admin@city", "admin@east_t1"):
        res = api.post(f"{NOTIFICATIONS}/{theirs['id']}/read", as_=caller)
        assert res.status_code == 404, caller
        assert res.json["code"] == "not_found"
    assert api.post(f"{NOTIFICATIONS}/987654/read", as_="handler@east_t1").status_code == 404
    # still unread for its owner
    assert api.get(f"{NOTIFICATIONS}/unread-count", as_="approver@east_t1").json == {"unread": 1}


def test_read_all_marks_only_mine(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    _seed(app, world, clock)
    me = "handler@east_t1"
    first = api.get(NOTIFICATIONS, as_=me).json[0]
    api.post(f"{NOTIFICATIONS}/{first['id']}/read", as_=me)

    res = api.post(f"{NOTIFICATIONS}/read-all", as_=me)
    assert res.status_code == 200
    assert res.json == {"marked": 2}
    assert api.get(f"{NOTIFICATIONS}/unread-count", as_=me).json == {"unread": 0}
    assert all(n["read"] for n in api.get(NOTIFICATIONS, as_=me).json)
    assert api.post(f"{NOTIFICATIONS}/read-all", as_=me).json == {"marked": 0}
    # the other user's inbox is untouched
    assert api.get(f"{NOTIFICATIONS}/unread-count", as_="approver@east_t1").json == {"unread": 1}


def test_bad_filter_is_refused(api: Api) -> None:
    res = api.get(f"{NOTIFICATIONS}?unread=maybe", as_="handler@east_t1")
    assert res.status_code == 422
    assert "unread" in res.json["errors"]["query"]
