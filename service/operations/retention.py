"""Retention: records past their settings' period are deleted by the scheduler, a batch per transaction.

What goes (RetentionSettings, service/config.py): notifications read or settled, webhook deliveries delivered or
failed, finished Excel imports (the uploaded file with its staged rows and errors), failed sign-in records. What
stays whatever its age: an unread notification that still asks for something, a delivery still being retried,
an import still running, and the audit trail, never purged. Each kind is deleted oldest first by an index on its
time column, `PURGE_BATCH` rows per statement and transaction, so locks stay short and a purge after a long
pause catches up without one huge transaction."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, delete, or_, select

from service.clock import now
from service.config import RetentionSettings
from service.extensions import db
from service.models import Notification, WebhookDelivery
from service.models.imports import UnitImport, UnitImportError, UnitImportRow
from service.models.signin import SignInFailure

PURGE_BATCH = 1000
FINISHED_IMPORTS = ("succeeded", "failed")
DONE_DELIVERIES = ("delivered", "failed")


def settings() -> RetentionSettings:
    retention: RetentionSettings = current_app.config["SETTINGS"].retention
    return retention


def purge(batch_size: int = PURGE_BATCH) -> dict[str, int]:
    """Purge every kind past its period; rows deleted per kind."""
    keep = settings()
    at = now()
    return {
        "notifications": _purge(
            Notification,
            Notification.created_at < at - timedelta(days=keep.notification_days),
            or_(Notification.read_at.is_not(None), Notification.settled_at.is_not(None)),
            batch_size=batch_size,
        ),
        "webhook_deliveries": _purge(
            WebhookDelivery,
            WebhookDelivery.created_at < at - timedelta(days=keep.webhook_delivery_days),
            WebhookDelivery.status.in_(DONE_DELIVERIES),
            batch_size=batch_size,
        ),
        "unit_imports": _purge_imports(at - timedelta(days=keep.import_days), batch_size),
        "sign_in_failures": _purge(
            SignInFailure, SignInFailure.at < at - timedelta(days=keep.sign_in_days), batch_size=batch_size
        ),
    }


def _purge(model: Any, *where: ColumnElement[bool], batch_size: int) -> int:
    total = 0
    while True:
        ids = select(model.id).where(*where).order_by(model.id).limit(batch_size).scalar_subquery()
        count = db.session.execute(delete(model).where(model.id.in_(ids))).rowcount or 0  # type: ignore[attr-defined]
        db.session.commit()
        total += count
        if count < batch_size:
            return total


def _purge_imports(before: Any, batch_size: int) -> int:
    """Finished imports with their staged rows and errors (explicitly: SQLite enforces no ON DELETE CASCADE
    unless asked), a batch of imports per transaction."""
    total = 0
    while True:
        ids = list(
            db.session.execute(
                select(UnitImport.id)
                .where(UnitImport.finished_at < before, UnitImport.status.in_(FINISHED_IMPORTS))
                .order_by(UnitImport.id)
                .limit(batch_size)
            ).scalars()
        )
        if ids:
            db.session.execute(delete(UnitImportError).where(UnitImportError.import_id.in_(ids)))
            db.session.execute(delete(UnitImportRow).where(UnitImportRow.import_id.in_(ids)))
            db.session.execute(delete(UnitImport).where(UnitImport.id.in_(ids)))
        db.session.commit()
        total += len(ids)
        if len(ids) < batch_size:
            return total
