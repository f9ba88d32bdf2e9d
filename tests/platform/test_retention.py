"""Retention: what is past its period goes, oldest first in batches; what still asks for something stays, and the
audit trail is never touched. The scheduler runs the purge hourly; `flask retention purge` runs it now."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, insert, select

from service.clock import FixedClock
from service.config import RetentionSettings
from service.extensions import db
from service.models import AuditEvent, Notification, Webhook, WebhookDelivery
from service.models.imports import UnitImport, UnitImportError, UnitImportRow
from service.models.signin import SignInFailure
from service.operations import retention
from tests.support.world import START, World

DAY = timedelta(days=1)


def _count(model: Any, *where: Any) -> int:
    return int(db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one())


def _notification(user_id: int, age_days: int, read: bool = False, settled: bool = False) -> None:
    at = START - age_days * DAY
    db.session.execute(
        insert(Notification).values(
            user_id=user_id,
            kind="reminder",
            title=f"{age_days} 天前",
            created_at=at,
            read_at=at if read else None,
            settled_at=at if settled else None,
        )
    )


def _import(user_id: int, place: int, age_days: int | None, status: str) -> int:
    at = START - (age_days or 0) * DAY
    values = dict(user_id=user_id, jurisdiction_id=place, mode="all_or_nothing", filename="台账.xlsx", size_bytes=3,
                  content=b"xyz", sheet_title="台账", headers=[], unknown_columns=[], status=status, total_rows=1,
                  created_at=at, finished_at=at if age_days is not None else None)  # fmt: skip
    ident = int(db.session.execute(insert(UnitImport).values(values).returning(UnitImport.id)).scalar_one())
    db.session.execute(insert(UnitImportRow).values(import_id=ident, row_no=2, credit_code="x" * 18, data={}))
    db.session.execute(insert(UnitImportError).values(import_id=ident, row_no=3, column=None, code="c", message="错"))
    return ident


@pytest.mark.usefixtures("ctx")
def test_each_kind_goes_after_its_period_and_what_still_asks_for_something_stays(
    app: Flask, world: World, clock: FixedClock
) -> None:
    clock.set(START)
    me, place = world.users["handler@east_t1"], world.ids["east_t1"]
    for age, read, settled in [(181, True, False), (181, False, True), (200, False, False), (179, True, True)]:
        _notification(me, age, read, settled)
    hook = db.session.execute(
        insert(Webhook)
        .values(
            owner_id=me,
            jurisdiction_id=place,
            url="https://portal.example.cn/hook",
            secret="s" * 32,
            events=["x"],
            active=True,
            version=1,
            created_at=START,
            updated_at=START,
        )
        .returning(Webhook.id)
    ).scalar_one()
    for age, status in [(91, "delivered"), (91, "failed"), (120, "pending"), (89, "delivered")]:
        db.session.execute(
            insert(WebhookDelivery).values(
                webhook_id=hook, event="x", payload={}, status=status, attempts=1, created_at=START - age * DAY
            )
        )
    old_done, old_failed, running, recent = (
        _import(me, place, 31, "succeeded"),
        _import(me, place, 31, "failed"),
        _import(me, place, None, "running"),
        _import(me, place, 29, "succeeded"),
    )
    for age in (181, 179):
        db.session.execute(insert(SignInFailure).values(username="nobody", address="10.0.0.1", at=START - age * DAY))
    audit_before = _count(AuditEvent)
    db.session.commit()

    counts = retention.purge(batch_size=1)  # batches of one: the loop, not one statement, does the work

    assert counts == {"notifications": 2, "webhook_deliveries": 2, "unit_imports": 2, "sign_in_failures": 1}
    assert sorted(db.session.execute(select(Notification.title)).scalars()) == ["179 天前", "200 天前"]
    assert sorted(db.session.execute(select(WebhookDelivery.status)).scalars()) == ["delivered", "pending"]
    assert set(db.session.execute(select(UnitImport.id)).scalars()) == {running, recent}
    assert _count(UnitImportRow, UnitImportRow.import_id.in_([old_done, old_failed])) == 0
    assert _count(UnitImportError, UnitImportError.import_id.in_([old_done, old_failed])) == 0
    assert _count(UnitImportRow) == 2 and _count(UnitImportError) == 2
    assert _count(SignInFailure) == 1
    assert _count(AuditEvent) == audit_before  # never purged
    assert retention.purge() == dict.fromkeys(counts, 0)  # nothing left to do


@pytest.mark.usefixtures("ctx")
def test_the_periods_are_settings(app: Flask, world: World, clock: FixedClock) -> None:
    clock.set(START)
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, retention=replace(settings.retention, notification_days=10))
    _notification(world.users["handler@east_t1"], 11, read=True)
    _notification(world.users["handler@east_t1"], 9, read=True)
    db.session.commit()
    assert retention.purge()["notifications"] == 1


def test_periods_below_a_day_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    assert RetentionSettings.from_env() == RetentionSettings()
    assert (
        RetentionSettings().sign_in_days >= 180
    )  # six months of sign-in records by default (Cybersecurity Law art. 21)
    monkeypatch.setenv("RETENTION_SIGN_IN_DAYS", "0")
    with pytest.raises(ValueError, match="RETENTION_SIGN_IN_DAYS"):
        RetentionSettings.from_env()


@pytest.mark.usefixtures("ctx")
def test_the_command_purges_now(app: Flask, world: World, clock: FixedClock) -> None:
    clock.set(START)
    _notification(world.users["handler@east_t1"], 365, settled=True)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    assert "notifications: 1 deleted" in result.output
    assert _count(Notification) == 0
