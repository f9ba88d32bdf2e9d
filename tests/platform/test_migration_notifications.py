"""The notification migration on a database with rows: old notifications get their subject from what they
are about, an old assignment whose case has no pending step is settled, and it downgrades. A scratch
database (tests/platform/test_migration_oversize_reason.py's fixtures); the suite's own stays at head."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import insert, inspect, select

from service.extensions import db
from tests.platform.test_migration_oversize_reason import MIGRATIONS, scratch_app, scratch_url

pytestmark = pytest.mark.commits
__all__ = ["scratch_app", "scratch_url"]

BEFORE = "superv_urges"
NOW = datetime(2026, 9, 25, 2, 0, tzinfo=UTC)


def about(subject_type: str) -> dict[str, Any]:
    return {"subject_type": subject_type, "subject_id": 1}


def _rows() -> None:
    meta = db.MetaData()
    meta.reflect(
        db.engine, only=["jurisdictions", "users", "establishment_cases", "supervision_tickets", "notifications"]
    )
    t = meta.tables
    stamps: dict[str, Any] = {"version": 1, "created_at": NOW, "updated_at": NOW}
    with db.engine.begin() as conn:
        conn.execute(
            insert(t["jurisdictions"]).values(
                id=1, code="c", name="青山镇", kind="township", path="/1/", active=True, **stamps
            )
        )
        conn.execute(
            insert(t["users"]).values(
                id=1, username="a", display_name="审批人", role="approver", jurisdiction_id=1, active=True, **stamps
            )
        )
        conn.execute(
            insert(t["establishment_cases"]).values(
                id=1,
                state="withdrawn",
                form="branch",
                jurisdiction_id=1,
                proposed_name="中共青山精密机械有限公司支部委员会",
                formal_total=3,
                probationary_total=0,
                mobile_total=0,
                preparation_started_on=date(2026, 9, 25),
                **stamps,
            )
        )
        conn.execute(
            insert(t["supervision_tickets"]).values(
                id=1,
                state="issued",
                title="青山镇未建组织企业排查整改",
                priority="normal",
                jurisdiction_id=1,
                issuing_body_id=1,
                responsible_person="刘镇长",
                **stamps,
            )
        )
        base = {"user_id": 1, "created_at": NOW}
        conn.execute(
            insert(t["notifications"]),
            [
                {
                    **base,
                    "kind": "task.assigned",
                    "title": "待办：「青山镇」审批",
                    "subject_type": "establishment",
                    "subject_id": 1,
                },
                {
                    **base,
                    "kind": "ticket.issued",
                    "title": "督办单",
                    "subject_type": "supervision_ticket",
                    "subject_id": 1,
                },
            ],
        )


def test_old_notifications_get_a_subject_and_settle_where_known(scratch_app: Flask) -> None:
    from flask_migrate import downgrade, upgrade

    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        _rows()
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as conn:
            rows = {
                r.kind: r
                for r in conn.execute(
                    select(db.text("kind, subject, task_id, settled_at")).select_from(db.text("notifications"))
                )
            }
        assert rows["task.assigned"].subject == "中共青山精密机械有限公司支部委员会"
        assert rows["task.assigned"].settled_at is not None  # the case has no pending step
        assert rows["ticket.issued"].subject == "青山镇未建组织企业排查整改"
        assert rows["ticket.issued"].settled_at is None
        assert {r.task_id for r in rows.values()} == {None}

        downgrade(directory=MIGRATIONS, revision=BEFORE)
        assert "subject" not in {c["name"] for c in inspect(db.engine).get_columns("notifications")}
        upgrade(directory=MIGRATIONS)
        assert "settled_at" in {c["name"] for c in inspect(db.engine).get_columns("notifications")}
