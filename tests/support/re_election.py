"""Re-elections (换届) for the tests: an organisation with members and a term, and requests in each state,
through the API."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import ApprovalTask, PartyOrg, Unit
from tests.support.factories import unit_payload
from tests.support.world import Api

URL = "/api/v1/re-elections"
TASKS = "/api/v1/tasks"
DOC_NO = "东一委复〔2026〕21号"
_seq = count(1)


def ok(res: Any, status: int = 200) -> Any:
    assert res.status_code == status, res.get_data(as_text=True)
    return res.json


def org(
    app: Flask,
    api: Api,
    code: str = "east_t1",
    *,
    formal: int = 9,
    due_on: date = date(2026, 12, 1),
    kind: str = "branch",
) -> int:
    """An active organisation of `code` with one unit of `formal` formal members, its term due on `due_on`."""
    unit = ok(
        api.post(
            "/api/v1/units",
            as_="admin@city",
            json=unit_payload(api.world.ids[code], formal_members=formal, employees=max(60, formal * 2)),
        ),
        201,
    )
    with app.app_context():
        row = PartyOrg(
            name=f"{code}换届测试党支部{next(_seq)}",
            kind=kind,
            jurisdiction_id=api.world.ids[code],
            status="active",
            secretary_name="王书记",
            committee_size=3 if formal >= 7 else 0,
            term_years=3,
            term_start=date(due_on.year - 3, due_on.month, due_on.day),
            term_due_on=due_on,
        )
        db.session.add(row)
        db.session.flush()
        db.session.get(Unit, unit["id"]).party_org_id = row.id  # type: ignore[union-attr]
        db.session.commit()
        ident = row.id
        db.session.remove()
    return ident


def slate(org_id: int, **kw: Any) -> dict[str, Any]:
    return {
        "party_org_id": org_id,
        "committee_size": 3,
        "secretary": "李明",
        "candidates": ["李明", "张华", "赵强", "孙丽"],
        "request_text": "本支部任期将届满，拟于近期召开党员大会进行换届选举。",
        **kw,
    }


def open_task(app: Flask, request_id: int) -> int:
    with app.app_context():
        ident = (
            db.session.execute(
                select(ApprovalTask.id)
                .where(ApprovalTask.subject_id == request_id, ApprovalTask.status == "open")
                .order_by(ApprovalTask.id.desc())
            )
            .scalars()
            .first()
        )
        db.session.remove()
    assert ident is not None
    return int(ident)


def approve(
    app: Flask, api: Api, request_id: int, approver: str = "approver@east_t1", *, final: bool = True
) -> dict[str, Any]:
    """The open level approves as its mode asks (a committee vote, the default of superior_approval, or a
    decision) and, at the last level, replies (批复)."""
    step = ok(api.get(f"{URL}/{request_id}", as_="admin@city"))["steps"][-1]
    task = open_task(app, request_id)
    reply = {"approval_doc_no": DOC_NO, "meeting_on": "2026-09-25"} if final else {}
    if step["mode"] == "committee_vote":
        body = {"members": 9, "present": 7, "votes_for": 6, "votes_against": 1, **reply}
        ok(api.post(f"{TASKS}/{task}/vote", as_=approver, json=body))
    else:
        ok(api.post(f"{TASKS}/{task}/decide", as_=approver, json={"action": "approve", **reply}))
    return dict(ok(api.get(f"{URL}/{request_id}", as_="admin@city")))


def send_back(app: Flask, api: Api, request_id: int, approver: str = "approver@east_t1") -> None:
    """Return the request for changes (退回修改)."""
    task = open_task(app, request_id)
    ok(api.post(f"{TASKS}/{task}/decide", as_=approver, json={"action": "return", "comment": "请补充候选人情况"}))


def submitted(app: Flask, api: Api, code: str = "east_t1", **kw: Any) -> dict[str, Any]:
    return ok(api.post(URL, as_="admin@city", json=slate(org(app, api, code), **kw)), 201)


def approved(app: Flask, api: Api, code: str = "east_t1") -> dict[str, Any]:
    r = submitted(app, api, code)
    return approve(app, api, r["id"])


def meeting(**kw: Any) -> dict[str, Any]:
    return {
        "held_on": "2026-09-25",
        "entitled": 9,
        "present": 8,
        "secretary": "李明",
        "elected": [{"name": "李明", "votes": 8}, {"name": "张华", "votes": 7}, {"name": "赵强", "votes": 5}],
        **kw,
    }


def elected(app: Flask, api: Api, code: str = "east_t1") -> dict[str, Any]:
    r = approved(app, api, code)
    if code != "east_t1":
        return r
    return dict(ok(api.post(f"{URL}/{r['id']}/election", as_="admin@city", json=meeting())))
