"""An instant given in China's zone reads back as the same instant on every backend (SQLite keeps the digits
of what it is given and no offset, so the column type stores UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import select, text

from service.clock import CHINA
from service.extensions import db
from service.models import AuditEvent


def test_an_instant_in_chinas_zone_reads_back_unchanged(app: Flask) -> None:
    at = datetime(2026, 12, 8, 9, 0, tzinfo=CHINA)
    with app.app_context():
        event = AuditEvent(
            occurred_at=at,
            actor_label="test",
            action="test.utc",
            subject_type="test",
            subject_id=1,
        )
        db.session.add(event)
        db.session.flush()
        db.session.expire_all()
        stored = db.session.execute(select(AuditEvent.occurred_at).where(AuditEvent.id == event.id)).scalar_one()
        assert stored == at and stored.astimezone(UTC).hour == 1
        if db.engine.dialect.name == "sqlite":
            raw = db.session.execute(
                text("SELECT occurred_at FROM audit_events WHERE id = :i"), {"i": event.id}
            ).scalar_one()
            assert str(raw).startswith("2026-12-08 01:00")
        db.session.rollback()
