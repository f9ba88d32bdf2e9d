"""Establishment cases through the API, for every test that needs one: units, cases, the inbox, approvals and
founding."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

from flask import Flask
from sqlalchemy import func, select, text

from service.auth import system_actor
from service.extensions import db
from service.operations.flows.establishment import cases
from service.operations.reference import units
from tests.support.factories import new_unit, unit_payload
from tests.support.world import Api, World
from workflows.establishment import NewCase

UNITS = "/api/v1/units"
CASES = "/api/v1/establishment-cases"
TASKS = "/api/v1/tasks"
ROUTES = "/api/v1/approval-routes"
AUDIT = "/api/v1/audit"
DOC_NO = "东一委复〔2026〕8号"
TODAY = "2026-09-25"  # the injected clock's civil date in Asia/Shanghai
DUE_ON = "2026-11-02"  # 22 working days after 2026-09-25 on the official calendar (National Day, 10 Oct worked)


def total(resp: Any) -> int:
    """The `total` of a paginated answer's X-Pagination header."""
    return int(json.loads(resp.headers["X-Pagination"])["total"])


def make_unit(api: Api, place: str = "east_t1", as_: str = "portal@east", **kw: Any) -> dict[str, Any]:
    r = api.post(UNITS, as_=as_, json=unit_payload(api.world.ids[place], **kw))
    assert r.status_code == 201, r.json
    return dict(r.json)


def create_case(api: Api, unit_ids: list[int], form: str, as_: str = "portal@east", **kw: Any) -> Any:
    body = {"unit_ids": unit_ids, "form": form, "proposed_name": kw.pop("proposed_name", f"测试{form}"), **kw}
    return api.post(CASES, as_=as_, json=body)


def new_case(api: Api, unit_ids: list[int], form: str, as_: str = "portal@east", **kw: Any) -> dict[str, Any]:
    r = create_case(api, unit_ids, form, as_=as_, **kw)
    assert r.status_code == 201, r.json
    return dict(r.json)


def submit(api: Api, case_id: int, as_: str = "portal@east") -> dict[str, Any]:
    r = api.post(f"{CASES}/{case_id}/submit", as_=as_)
    assert r.status_code == 200, r.json
    assert r.json["state"] == "submitted"
    return dict(r.json)


def submitted_branch(api: Api, place: str = "east_t1", formal: int = 3, as_: str = "portal@east") -> dict[str, Any]:
    """A one-unit branch request, submitted: the first approval step is open."""
    unit = make_unit(api, place, as_=as_, formal_members=formal)
    case = new_case(api, [unit["id"]], "branch", as_=as_)
    return submit(api, case["id"], as_=as_)


def get_case(api: Api, case_id: int, as_: str = "admin@city") -> dict[str, Any]:
    r = api.get(f"{CASES}/{case_id}", as_=as_)
    assert r.status_code == 200, r.json
    return dict(r.json)


def inbox(api: Api, user: str, query: str = "") -> list[dict[str, Any]]:
    r = api.get(f"{TASKS}/inbox{query}", as_=user)
    assert r.status_code == 200, r.json
    return list(r.json)


def tasks_for(api: Api, user: str, case_id: int) -> list[dict[str, Any]]:
    return [t for t in inbox(api, user) if t["subject_id"] == case_id]


def task_for(api: Api, user: str, case_id: int) -> dict[str, Any]:
    found = tasks_for(api, user, case_id)
    assert len(found) == 1, found
    return found[0]


def task_ids(api: Api, user: str) -> set[int]:
    return {t["id"] for t in inbox(api, user)}


def decide(api: Api, task_id: int, user: str, action: str = "approve", **kw: Any) -> Any:
    return api.post(f"{TASKS}/{task_id}/decide", as_=user, json={"action": action, **kw})


def vote(api: Api, task_id: int, user: str, members: int = 9, present: int = 7, votes_for: int = 6, **kw: Any) -> Any:
    body = {
        "members": members,
        "present": present,
        "votes_for": votes_for,
        "votes_against": kw.pop("votes_against", present - votes_for),
        **kw,
    }
    return api.post(f"{TASKS}/{task_id}/vote", as_=user, json=body)


def approve_level(api: Api, case_id: int, user: str, *, final: bool = True) -> dict[str, Any]:
    """Approve the case's open step as `user`: a vote for committee_vote steps, otherwise approve."""
    task = task_for(api, user, case_id)
    reply = {"approval_doc_no": DOC_NO, "meeting_on": TODAY} if final else {}
    if task["step"]["mode"] == "committee_vote":
        r = vote(api, task["id"], user, **reply)
    else:
        r = decide(api, task["id"], user, **reply)
    assert r.status_code == 200, r.json
    return dict(r.json)


def approved_branch(api: Api, place: str = "east_t1", formal: int = 3) -> dict[str, Any]:
    case = submitted_branch(api, place, formal)
    approve_level(api, case["id"], f"approver@{place}")
    got = get_case(api, case["id"])
    assert got["state"] == "approved"
    return got


def meeting(formal: int, *, committee: int | None = None, held_on: str = TODAY, **kw: Any) -> dict[str, Any]:
    """A valid founding meeting: everyone attends; a committee of `committee` (default: the rules' choice)."""
    size = committee if committee is not None else (5 if formal >= 7 else 1)
    names = ["王书记", "李委员", "张委员", "赵委员", "钱委员", "孙委员", "周委员"][:size]
    return {
        "held_on": held_on,
        "entitled": formal,
        "present": formal,
        "secretary": names[0],
        "elected": [{"name": n, "votes": formal} for n in names],
        **kw,
    }


def found(api: Api, case_id: int, payload: dict[str, Any], as_: str = "portal@east") -> Any:
    return api.post(f"{CASES}/{case_id}/found", as_=as_, json=payload)


def founded_branch(api: Api, place: str = "east_t1", formal: int = 3) -> dict[str, Any]:
    case = approved_branch(api, place, formal)
    r = found(api, case["id"], meeting(formal))
    assert r.status_code == 200, r.json
    return dict(r.json)


def put_route(
    api: Api, place: str, level: str, mode: str, approvers: Iterable[str] | None = None, as_: str = "admin@city"
) -> Any:
    ids = [api.world.users[a] for a in approvers] if approvers is not None else None
    return api.call(
        "PUT",
        ROUTES,
        as_=as_,
        json={
            "body_id": api.world.ids[place],
            "workflow": "establishment",
            "level_name": level,
            "mode": mode,
            "approver_ids": ids,
        },
    )


def route(
    api: Api, place: str, mode: str, approvers: Iterable[str] | None = None, level: str = "superior_approval"
) -> None:
    r = put_route(api, place, level, mode, approvers)
    assert r.status_code == 200, r.json


def audit_actions(api: Api, case_id: int) -> list[str]:
    """The audit trail of a case, oldest first (as the city supervisor)."""
    r = api.get(f"{AUDIT}?subject_type=establishment&subject_id={case_id}&page_size=200", as_="supervisor@city")
    assert r.status_code == 200, r.json
    return [e["action"] for e in reversed(r.json)]


def case_total(api: Api) -> int:
    return total(api.get(f"{CASES}?page_size=1", as_="admin@city"))


def org_total(api: Api) -> int:
    return total(api.get("/api/v1/party-orgs?page_size=1", as_="admin@city"))


def assert_error(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status, (resp.status_code, resp.json)
    assert resp.json["code"] == code, resp.json


def table_counts(app: Flask, *tables: str) -> dict[str, int]:
    with app.app_context():
        out = {t: db.session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
        db.session.remove()
    return out


def write_fingerprint(app: Flask) -> tuple[Any, ...]:
    """Everything an establishment / task / route write could change: counts and version sums."""
    parts: list[Any] = []
    with app.app_context():
        for table in ("audit_events", "approval_actions", "approval_task_candidates"):
            parts.append(db.session.execute(select(func.count()).select_from(text(table))).scalar_one())
        for table in (
            "establishment_cases",
            "approval_steps",
            "approval_tasks",
            "approval_routes",
            "party_orgs",
            "ledger_units",
        ):
            parts.append(
                tuple(db.session.execute(text(f"SELECT count(*), coalesce(sum(version), 0) FROM {table}")).one())
            )
        db.session.remove()
    return tuple(parts)


Call = tuple[str, str, dict[str, Any] | None]  # (user, path, json)


def race(app: Flask, world: World, calls: list[Call]) -> list[tuple[int, dict[str, Any]]]:
    """Run the POSTs at the same instant, one thread and one test client each; return (status, body)."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, user: str, path: str, body: dict[str, Any] | None) -> None:
        client = app.test_client()
        try:
            barrier.wait(timeout=30)
            r = client.post(path, headers={"Authorization": f"Bearer {world.tokens[user]}"}, json=body)
            results[i] = (r.status_code, r.get_json())
        except Exception as exc:  # surfaced by the assertion below, never swallowed
            results[i] = (-1, {"exception": repr(exc)})

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    assert not any(t.is_alive() for t in threads), "a request hung"
    assert all(r is not None and r[0] in (200, 409) for r in results), results
    return results


def submitted_cases(app: Flask, world: World, n: int, place: str = "east_t1", members: int = 3) -> list[int]:
    """n submitted one-unit branch requests in `place` (offered to its approvers)."""
    actor = system_actor("test")
    ids = []
    with app.app_context():
        for i in range(n):
            unit = units.create(actor, new_unit(world.ids[place], formal_members=members))
            case = cases.create(
                actor, NewCase(unit_ids=[unit.id], form="branch", proposed_name=f"测试党支部{place}{i}")
            )
            cases.submit(actor, case.id)
            ids.append(case.id)
        db.session.remove()
    return ids
