"""Document numbers are taken when the subject is issued (督办单 下发, 约谈 scheduled, 通报 issued), in that
order, and a download only reads: it runs no INSERT, UPDATE or DELETE and shows the number given at issue."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from flask import Flask
from sqlalchemy import delete, event, select, update

from service.db import transaction
from service.extensions import db
from service.models import AuditEvent, DocumentCounter, IssuedDocument
from service.operations.engines import notifications
from tests.support import ROOT
from tests.support.documents import text_of
from tests.support.supervision import INTERVIEWS, TICKETS, draft, issued, ok
from tests.support.world import Api

COVERAGE = "/api/v1/coverage"


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """Every SQL statement the app's engine runs meanwhile (any connection, any thread)."""
    seen: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        seen.append(sql)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def writes(sql: list[str]) -> list[str]:
    return [s for s in sql if s.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def documents(app: Flask, kind: str) -> dict[int, str]:
    """subject id -> document number, as recorded."""
    with app.app_context():
        rows = db.session.execute(
            select(IssuedDocument.subject_id, IssuedDocument.doc_no).where(IssuedDocument.kind == kind)
        ).all()
        db.session.remove()
    return {subject_id: doc_no for subject_id, doc_no in rows}


def _download(api: Api, path: str, as_: str = "supervisor@east") -> str:
    res = api.get(path, as_=as_)
    assert res.status_code == 200, (res.status_code, res.get_data(as_text=True)[:300])
    return text_of(res.data)


def test_a_ticket_is_numbered_when_issued_and_its_download_writes_nothing(app: Flask, api: Api) -> None:
    first, second = draft(api), draft(api)
    ok(api.post(f"{TICKETS}/{second['id']}/issue", as_="supervisor@east"))
    ok(api.post(f"{TICKETS}/{first['id']}/issue", as_="supervisor@east"))
    # Issued second first: it holds number 1 before anything is downloaded.
    assert documents(app, "supervision_ticket") == {second["id"]: "东县督〔2026〕1号", first["id"]: "东县督〔2026〕2号"}
    with app.app_context():
        issue_events = db.session.execute(
            select(AuditEvent.state_after).where(AuditEvent.action == "document.issue").order_by(AuditEvent.id)
        ).scalars()
        assert [e["doc_no"] for e in issue_events] == ["东县督〔2026〕1号", "东县督〔2026〕2号"]
        db.session.remove()
    with statements(app) as sql:
        text = _download(api, f"{TICKETS}/{first['id']}/document.docx")
        again = _download(api, f"{TICKETS}/{first['id']}/document.docx", as_="handler@east_t1")
    assert any(s.lstrip().upper().startswith("SELECT") for s in sql)
    assert writes(sql) == []
    assert "东县督〔2026〕2号" in text and again == text


def test_a_failed_issue_takes_no_number(app: Flask, api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = draft(api)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("notification store down")

    with monkeypatch.context() as m:
        m.setattr(notifications, "notify", broken)
        assert api.post(f"{TICKETS}/{failing['id']}/issue", as_="supervisor@east").status_code == 500
    assert documents(app, "supervision_ticket") == {}
    later = issued(api)
    assert documents(app, "supervision_ticket") == {later["id"]: "东县督〔2026〕1号"}
    with app.app_context():
        assert db.session.get(DocumentCounter, (api.world.ids["east"], "supervision_ticket", 2026)).last_no == 1
        db.session.remove()


def _arrange(api: Api, ticket_id: int, **kw: Any) -> dict[str, Any]:
    body = {"ticket_id": ticket_id, "reason": "逾期未整改", **kw}
    return ok(api.post(INTERVIEWS, as_="supervisor@east", json=body), 201)


def test_interview_notices_are_numbered_when_scheduled_and_keep_the_number_when_moved(app: Flask, api: Api) -> None:
    ticket = issued(api)
    unscheduled = _arrange(api, ticket["id"])
    assert documents(app, "interview_notice") == {}
    scheduled = _arrange(api, ticket["id"], scheduled_at="2026-09-28T09:00:00+08:00", place="三楼会议室")
    assert documents(app, "interview_notice") == {scheduled["id"]: "东县谈〔2026〕1号"}
    ok(
        api.post(
            f"{INTERVIEWS}/{unscheduled['id']}/reschedule",
            as_="supervisor@east",
            json={"scheduled_at": "2026-09-29T15:00:00+08:00", "place": "二楼会议室"},
        )
    )
    assert documents(app, "interview_notice") == {
        scheduled["id"]: "东县谈〔2026〕1号",
        unscheduled["id"]: "东县谈〔2026〕2号",
    }
    # Moved: same number, the new time and place.
    ok(
        api.post(
            f"{INTERVIEWS}/{scheduled['id']}/reschedule",
            as_="supervisor@east",
            json={"scheduled_at": "2026-09-30T10:00:00+08:00", "place": "一楼会议室"},
        )
    )
    assert documents(app, "interview_notice")[scheduled["id"]] == "东县谈〔2026〕1号"
    with statements(app) as sql:
        text = _download(api, f"{INTERVIEWS}/{scheduled['id']}/notice.docx", as_="handler@east_t1")
    assert writes(sql) == []
    assert "东县谈〔2026〕1号" in text and "2026年9月30日 10:00" in text and "一楼会议室" in text
    assert "三楼会议室" not in text
    with app.app_context():
        revised = db.session.execute(select(AuditEvent).where(AuditEvent.action == "document.revise")).scalars().all()
        assert len(revised) == 1 and revised[0].state_after["doc_no"] == "东县谈〔2026〕1号"
        db.session.remove()


def test_a_cancelled_interview_has_no_notice(app: Flask, api: Api) -> None:
    ticket = issued(api)
    iv = _arrange(api, ticket["id"], scheduled_at="2026-09-28T09:00:00+08:00", place="三楼会议室")
    ok(api.post(f"{INTERVIEWS}/{iv['id']}/cancel", as_="supervisor@east", json={"reason": "已整改到位"}))
    res = api.get(f"{INTERVIEWS}/{iv['id']}/notice.docx", as_="supervisor@east")
    assert res.status_code == 409 and res.json["message"] == "约谈已取消，不能生成约谈通知"


def test_a_circular_is_numbered_when_issued(app: Flask, api: Api) -> None:
    body = {"period_start": "2026-09-01", "period_end": "2026-09-30"}
    first = ok(api.post(f"{COVERAGE}/circulars", as_="admin@city", json=body), 201)
    second = ok(api.post(f"{COVERAGE}/circulars", as_="admin@city", json=body), 201)
    assert documents(app, "circular") == {first["id"]: "测试市通〔2026〕1号", second["id"]: "测试市通〔2026〕2号"}
    with statements(app) as sql:
        text = _download(api, f"{COVERAGE}/circulars/{second['id']}/document.docx", as_="admin@city")
    assert writes(sql) == []
    assert "测试市通〔2026〕2号" in text


def _migration() -> Any:
    path = ROOT / "migrations" / "versions" / "docs_a1_issue_time_numbers.py"
    spec = importlib.util.spec_from_file_location("docs_a1_issue_time_numbers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_numbers_what_was_issued_before_in_issue_order(app: Flask, api: Api) -> None:
    a, b, c = issued(api), issued(api), issued(api)
    ticket = issued(api)
    iv = _arrange(api, ticket["id"], scheduled_at="2026-09-28T09:00:00+08:00", place="三楼会议室")
    gone = _arrange(api, ticket["id"], scheduled_at="2026-09-29T09:00:00+08:00", place="二楼会议室")
    ok(api.post(f"{INTERVIEWS}/{gone['id']}/cancel", as_="supervisor@east", json={"reason": "已整改到位"}))
    east = api.world.ids["east"]
    with app.app_context(), transaction():
        # The state before issue-time numbers: only c was downloaded (and took 1); the rest have no number.
        db.session.execute(delete(IssuedDocument).where(IssuedDocument.subject_id != c["id"]))
        db.session.execute(delete(IssuedDocument).where(IssuedDocument.kind != "supervision_ticket"))
        db.session.execute(
            update(IssuedDocument).values(serial=1, doc_no="东县督〔2026〕1号", context={"doc_no": "东县督〔2026〕1号"})
        )
        db.session.execute(delete(DocumentCounter))
        db.session.add(DocumentCounter(issuing_body_id=east, kind="supervision_ticket", year=2026, last_no=1))
        db.session.flush()
        with Operations.context(MigrationContext.configure(db.session.connection())):
            _migration().upgrade()
    assert documents(app, "supervision_ticket") == {
        c["id"]: "东县督〔2026〕1号",
        a["id"]: "东县督〔2026〕2号",
        b["id"]: "东县督〔2026〕3号",
        ticket["id"]: "东县督〔2026〕4号",
    }
    assert documents(app, "interview_notice") == {iv["id"]: "东县谈〔2026〕1号"}
    with app.app_context():
        assert db.session.get(DocumentCounter, (east, "supervision_ticket", 2026)).last_no == 4
        db.session.remove()
    # Their text is drawn from the ticket at download, with the number the migration gave; nothing is written.
    with statements(app) as sql:
        text = _download(api, f"{TICKETS}/{a['id']}/document.docx")
    assert writes(sql) == []
    assert "东县督〔2026〕2号" in text and "关于党组织覆盖工作推进滞后的督办单" in text
    assert issued(api) and documents(app, "supervision_ticket")[max(documents(app, "supervision_ticket"))] == (
        "东县督〔2026〕5号"
    )
