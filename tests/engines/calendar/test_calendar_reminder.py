"""December: when next year's holiday notice is not loaded, the admins who may load it (top-level body) get
one notification each, once a year, from the scheduler's sweep; nothing before December or once loaded."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import select

from service.clock import FixedClock
from service.extensions import db
from service.models import Notification
from service.operations.reference import calendar_reminders
from tests.support import ROOT
from tests.support.calendar import DAYS_2027, put_year
from tests.support.world import Api, World


def reminders(app: Flask) -> list[tuple[int, str, int | None]]:
    with app.app_context():
        rows = db.session.execute(
            select(Notification.user_id, Notification.title, Notification.subject_id).where(
                Notification.kind == calendar_reminders.KIND
            )
        ).all()
        return [(int(u), str(t), s) for u, t, s in rows]


def sweep(app: Flask) -> int:
    with app.app_context():
        return calendar_reminders.remind_admins()


def test_december_reminds_each_top_level_admin_once(app: Flask, world: World, clock: FixedClock) -> None:
    clock.set(datetime(2026, 11, 30, 2, tzinfo=UTC))
    assert sweep(app) == 0 and reminders(app) == []  # not December yet
    clock.set(datetime(2026, 12, 1, 2, tzinfo=UTC))
    assert sweep(app) == 1
    assert reminders(app) == [(world.users["admin@city"], "2027年节假日安排尚未载入", 2027)]
    clock.set(datetime(2026, 12, 15, 2, tzinfo=UTC))
    assert sweep(app) == 0 and len(reminders(app)) == 1  # once per admin per year, however many sweeps


def test_no_reminder_once_next_year_is_loaded(app: Flask, world: World, api: Api, clock: FixedClock) -> None:
    clock.set(datetime(2026, 12, 1, 2, tzinfo=UTC))
    assert put_year(api, DAYS_2027).status_code == 200
    assert sweep(app) == 0 and reminders(app) == []


def test_the_scheduler_sweep_asks_for_the_reminder() -> None:
    source = (ROOT / "workers" / "scheduler.py").read_text()
    assert "calendar_reminders.remind_admins()" in source
