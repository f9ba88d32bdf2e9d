"""The audit trail: one record per write, readable by subject within scope, append-only on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from service.extensions import db
from service.models import ApiToken, AuditEvent
from tests.support.factories import unit_payload
from tests.support.world import START, Api, World


def _events(app: Flask) -> list[AuditEvent]:
    with app.app_context():
        rows = list(db.session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())
        db.session.expunge_all()
        db.session.remove()
    return rows


def _unit(api: Api, place: str, as_: str = "handler@east_t1", **overrides: Any) -> dict[str, Any]:
    res = api.post("/api/v1/units", as_=as_, json=unit_payload(api.world.ids[place], **overrides))
    assert res.status_code == 201, res.json
    return dict(res.json) | {"etag": res.headers["ETag"]}


def _patch_unit(api: Api, unit: dict[str, Any], as_: str = "handler@east_t1", **changes: Any) -> Any:
    tag = api.get(f"/api/v1/units/{unit['id']}", as_=as_).headers["ETag"]
    res = api.patch(f"/api/v1/units/{unit['id']}", as_=as_, json=changes, headers={"If-Match": tag})
    assert res.status_code == 200, res.json
    return res


# --------------------------------------------------------------------------------------------------
# reading


def test_audit_by_subject_is_paginated_newest_first(api: Api) -> None:
    unit = _unit(api, "east_t1")
    for n in (61, 62, 63):
        _patch_unit(api, unit, employees=n)
    other = _unit(api, "east_t1")

    res = api.get(f"/api/v1/audit?subject_type=unit&subject_id={unit['id']}", as_="supervisor@east")
    assert res.status_code == 200
    events = res.json
    assert [e["action"] for e in events] == ["unit.update", "unit.update", "unit.update", "unit.create"]
    assert [e["subject_id"] for e in events] == [unit["id"]] * 4
    assert [e["id"] for e in events] == sorted((e["id"] for e in events), reverse=True)
    assert [e["state_after"]["employees"] for e in events] == [63, 62, 61, 60]
    assert json.loads(res.headers["X-Pagination"])["total"] == 4

    first = api.get(f"/api/v1/audit?subject_type=unit&subject_id={unit['id']}&page_size=3", as_="admin@east")
    second = api.get(f"/api/v1/audit?subject_type=unit&subject_id={unit['id']}&page_size=3&page=2", as_="admin@east")
    assert [e["id"] for e in first.json] + [e["id"] for e in second.json] == [e["id"] for e in events]
    meta = json.loads(first.headers["X-Pagination"])
    assert (meta["total"], meta["total_pages"], meta["next_page"]) == (4, 2, 2)

    creates = api.get("/api/v1/audit?subject_type=unit&action=unit.create", as_="admin@east")
    assert [e["subject_id"] for e in creates.json] == [other["id"], unit["id"]]

    # subject type alone, and the filters combined, never mix subjects
    users_only = api.get("/api/v1/audit?subject_type=user", as_="admin@east").json
    assert users_only
    assert {e["subject_type"] for e in users_only} == {"user"}


@pytest.mark.parametrize(
    "query",
    ["subject_type=nonsense", "subject_id=abc", "subject_id=1.5", "page=0", "page_size=201", "action=" + "x" * 65],
)
def test_audit_query_validation(api: Api, query: str) -> None:
    res = api.get(f"/api/v1/audit?{query}", as_="admin@east")
    assert res.status_code == 422
    assert res.json["code"] == "validation_failed"


def test_audit_is_scoped(api: Api, world: World) -> None:
    east_unit = _unit(api, "east_t1")
    west_unit = _unit(api, "west_t1", as_="handler@west_t1")

    def visible(caller: str, unit: dict[str, Any]) -> bool:
        res = api.get(f"/api/v1/audit?subject_type=unit&subject_id={unit['id']}", as_=caller)
        assert res.status_code == 200
        return bool(res.json)

    assert visible("admin@east", east_unit)
    assert not visible("admin@east", west_unit)
    assert visible("supervisor@east_t1", east_unit)
    assert not visible("supervisor@east_t1", west_unit)
    assert visible("admin@west_t1", west_unit)
    assert not visible("admin@west_t1", east_unit)
    assert visible("supervisor@city", east_unit)
    assert visible("supervisor@city", west_unit)

    allowed = {world.ids[c] for c in ("east", "east_t1", "east_t2", "east_ic")}
    everything = api.get("/api/v1/audit?page_size=200", as_="admin@east").json
    assert everything
    assert {e["jurisdiction_id"] for e in everything} <= allowed
    # the world's creation of the west county and its users is not shown to east
    west = api.get(f"/api/v1/audit?subject_type=jurisdiction&subject_id={world.ids['west']}", as_="admin@east")
    assert west.json == []
    west_user = world.users["admin@west_t1"]
    assert api.get(f"/api/v1/audit?subject_type=user&subject_id={west_user}", as_="admin@east").json == []
    assert api.get(f"/api/v1/audit?subject_type=user&subject_id={west_user}", as_="admin@city").json


# --------------------------------------------------------------------------------------------------
# every write leaves exactly one record


@dataclass
class Write:
    action: str
    subject_type: str
    actor: str
    # performs the write (after any preparation) and returns (response, subject id, jurisdiction code)
    run: Callable[[Api], tuple[Any, int, str]]
    before: Callable[[dict[str, Any]], bool]
    after: Callable[[dict[str, Any]], bool]


def _w_unit_create(api: Api) -> tuple[Any, int, str]:
    res = api.post("/api/v1/units", as_="portal@east", json=unit_payload(api.world.ids["east_t2"], employees=55))
    return res, res.json["id"], "east_t2"


def _w_unit_update(api: Api) -> tuple[Any, int, str]:
    unit = _unit(api, "east_t1")
    res = api.patch(
        f"/api/v1/units/{unit['id']}",
        as_="supervisor@east",
        json={"employees": 70, "mobile_members": 2},
        headers={"If-Match": unit["etag"]},
    )
    return res, unit["id"], "east_t1"


def _w_jurisdiction_create(api: Api) -> tuple[Any, int, str]:
    res = api.post(
        "/api/v1/jurisdictions",
        as_="admin@east",
        json={"code": "east_p", "name": "东县园区", "kind": "park", "parent_id": api.world.ids["east"]},
    )
    return res, res.json["id"], "east_p"


def _w_jurisdiction_update(api: Api) -> tuple[Any, int, str]:
    ident = api.world.ids["east_ic"]
    tag = api.get(f"/api/v1/jurisdictions/{ident}", as_="admin@east").headers["ETag"]
    res = api.patch(
        f"/api/v1/jurisdictions/{ident}",
        as_="admin@east",
        json={"name": "东县快递物流行业党委"},
        headers={"If-Match": tag},
    )
    return res, ident, "east_ic"


def _w_user_create(api: Api) -> tuple[Any, int, str]:
    res = api.post(
        "/api/v1/users",
        as_="admin@east",
        json={
            "username": "audited",
            "display_name": "被审计",
            "role": "approver",
            "jurisdiction_id": api.world.ids["east_t1"],
        },
    )
    return res, res.json["id"], "east_t1"


def _w_user_update(api: Api) -> tuple[Any, int, str]:
    ident = api.world.users["approver@east_t1"]
    tag = api.get(f"/api/v1/users/{ident}", as_="admin@east").headers["ETag"]
    res = api.patch(f"/api/v1/users/{ident}", as_="admin@east", json={"role": "handler"}, headers={"If-Match": tag})
    return res, ident, "east_t1"


def _w_token_issue(api: Api) -> tuple[Any, int, str]:
    ident = api.world.users["portal@east_t1"]
    res = api.post(f"/api/v1/users/{ident}/tokens", as_="admin@east", json={"name": "erp"})
    return res, ident, "east_t1"


def _w_token_revoke(api: Api) -> tuple[Any, int, str]:
    ident = api.world.users["portal@east_t1"]
    with api.client.application.app_context():
        tid = db.session.execute(select(ApiToken.id).where(ApiToken.user_id == ident)).scalar_one()
        db.session.remove()
    res = api.delete(f"/api/v1/users/{ident}/tokens/{tid}", as_="admin@east")
    return res, ident, "east_t1"


WRITES = [
    Write(
        "unit.create",
        "unit",
        "portal@east",
        _w_unit_create,
        lambda b: b is None,
        lambda a: a["employees"] == 55 and a["in_scope"] is True and a["version"] == 1,
    ),
    Write(
        "unit.update",
        "unit",
        "supervisor@east",
        _w_unit_update,
        lambda b: b == {"employees": 60, "mobile_members": 0, "version": 1},
        lambda a: a == {"employees": 70, "mobile_members": 2, "version": 2},
    ),
    Write(
        "jurisdiction.create",
        "jurisdiction",
        "admin@east",
        _w_jurisdiction_create,
        lambda b: b is None,
        lambda a: a["code"] == "east_p" and a["kind"] == "park",
    ),
    Write(
        "jurisdiction.update",
        "jurisdiction",
        "admin@east",
        _w_jurisdiction_update,
        lambda b: b["name"] == "东县物流行业党委" and set(b) == {"name", "version"},
        lambda a: a["name"] == "东县快递物流行业党委" and set(a) == {"name", "version"},
    ),
    Write(
        "user.create",
        "user",
        "admin@east",
        _w_user_create,
        lambda b: b is None,
        lambda a: a["username"] == "audited" and a["role"] == "approver",
    ),
    Write(
        "user.update",
        "user",
        "admin@east",
        _w_user_update,
        lambda b: b == {"role": "approver", "version": 1},
        lambda a: a == {"role": "handler", "version": 2},
    ),
    Write(
        "token.issue",
        "user",
        "admin@east",
        _w_token_issue,
        lambda b: b is None,
        lambda a: a["name"] == "erp" and set(a) == {"token_id", "name", "prefix", "scopes"},
    ),
    Write(
        "token.revoke",
        "user",
        "admin@east",
        _w_token_revoke,
        lambda b: b["revoked_at"] is None,
        lambda a: a["revoked_at"] is not None,
    ),
]


# Records a write leaves beside its own, under another subject.
FOLLOW_UPS = {"unit.create": ["preparation_item.open"]}


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.action)
def test_every_write_leaves_exactly_one_record(app: Flask, api: Api, world: World, write: Write) -> None:
    # preparation writes (e.g. creating the unit to update) happen inside `run`, before the call under test
    marker = {"seen": len(_events(app))}

    original = api.call

    def tracking(method: str, path: str, **kw: Any) -> Any:
        if method != "GET":
            marker["seen"] = len(_events(app))
        return original(method, path, **kw)

    api.call = tracking  # type: ignore[method-assign]
    res, subject_id, code = write.run(api)
    api.call = original  # type: ignore[method-assign]
    assert res.status_code in (200, 201), res.json

    everything = _events(app)[marker["seen"] :]
    new = [e for e in everything if e.subject_type == write.subject_type]
    assert len(new) == 1, [e.action for e in everything]
    # What a write opens beside itself, recorded under its own subject (五个同步: a unit without an
    # organisation opens its 组建准备).
    assert [e.action for e in everything if e not in new] == FOLLOW_UPS.get(write.action, [])
    event = new[0]
    assert event.action == write.action
    assert event.subject_type == write.subject_type
    assert event.subject_id == subject_id
    assert event.actor_id == world.users[write.actor]
    assert event.actor_label == write.actor.replace("@", ".")
    expected_place = world.ids.get(code, subject_id if write.subject_type == "jurisdiction" else None)
    assert event.jurisdiction_id == expected_place
    assert write.before(event.state_before), event.state_before  # type: ignore[arg-type]
    assert write.after(event.state_after), event.state_after  # type: ignore[arg-type]
    assert event.request_id == res.headers["X-Request-ID"]
    assert event.occurred_at is not None

    # and the record is what the API shows for that subject
    listed = api.get(f"/api/v1/audit?subject_type={write.subject_type}&subject_id={subject_id}", as_="admin@city").json
    assert listed[0]["id"] == event.id
    assert listed[0]["request_id"] == res.headers["X-Request-ID"]
    assert listed[0]["actor_label"] == event.actor_label


def test_refused_writes_leave_no_record(app: Flask, api: Api, world: World) -> None:
    unit = _unit(api, "east_t1")
    before = len(_events(app))
    dup = api.post(
        "/api/v1/units", as_="handler@east_t1", json=unit_payload(world.ids["east_t1"], credit_code=unit["credit_code"])
    )
    assert dup.status_code == 409
    invalid = api.patch(
        f"/api/v1/units/{unit['id']}", as_="handler@east_t1", json={"employees": -1}, headers={"If-Match": unit["etag"]}
    )
    assert invalid.status_code == 422
    stale = api.patch(
        f"/api/v1/units/{unit['id']}",
        as_="handler@east_t1",
        json={"employees": 99},
        headers={"If-Match": '"ledger_units-0-v0"'},
    )
    assert stale.status_code == 412
    forbidden = api.post(
        "/api/v1/users",
        as_="supervisor@east",
        json={"username": "nope", "display_name": "x", "role": "admin", "jurisdiction_id": world.ids["east"]},
    )
    assert forbidden.status_code == 403
    hidden = api.post("/api/v1/units", as_="handler@east_t1", json=unit_payload(world.ids["west_t1"]))
    assert hidden.status_code == 404
    assert len(_events(app)) == before


# --------------------------------------------------------------------------------------------------
# request ids


def test_valid_client_request_id_is_echoed_and_stored(app: Flask, api: Api) -> None:
    rid = "portal-2026.09.25_abc-123"
    res = api.post(
        "/api/v1/units", as_="portal@east", headers={"X-Request-ID": rid}, json=unit_payload(api.world.ids["east_t1"])
    )
    assert res.status_code == 201
    assert res.headers["X-Request-ID"] == rid
    created = [e for e in _events(app) if e.action == "unit.create"][-1]
    assert created.request_id == rid
    assert all(e.request_id == rid for e in _events(app) if e.id >= created.id)  # its 组建准备 too
    # errors carry it too
    err = api.get("/api/v1/units/999999", as_="portal@east", headers={"X-Request-ID": rid})
    assert err.headers["X-Request-ID"] == rid
    assert err.json["request_id"] == rid
    # and a 64-character id is still accepted
    longest = "a" * 64
    assert api.get("/api/v1/users/me", headers={"X-Request-ID": longest}).headers["X-Request-ID"] == longest


@pytest.mark.parametrize(
    "bad",
    ["has spaces", "x" * 200, "a" * 65, "请求", "semi;colon", 'quote"d', "slash/path", "<script>", ""],
    ids=["spaces", "200-chars", "65-chars", "non-ascii", "semicolon", "quote", "slash", "markup", "empty"],
)
def test_invalid_client_request_id_is_replaced(app: Flask, api: Api, bad: str) -> None:
    headers = {"X-Request-ID": bad.encode().decode("latin-1")}
    res = api.post("/api/v1/units", as_="portal@east", headers=headers, json=unit_payload(api.world.ids["east_t1"]))
    assert res.status_code == 201
    rid = res.headers["X-Request-ID"]
    assert rid != bad
    assert len(rid) == 32
    assert all(ch in "0123456789abcdef" for ch in rid)
    assert _events(app)[-1].request_id == rid


def test_each_request_gets_its_own_id(api: Api) -> None:
    ids = {api.get("/api/v1/users/me").headers["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5


# --------------------------------------------------------------------------------------------------
# append-only (PostgreSQL trigger)


def test_audit_events_are_append_only_on_postgresql(app: Flask, world: World) -> None:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("the append-only trigger exists on PostgreSQL only (SQLite has no such trigger)")
        first = db.session.execute(select(AuditEvent).order_by(AuditEvent.id).limit(1)).scalar_one()
        ident, action = first.id, first.action
        total = db.session.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        db.session.rollback()

        for statement in (
            "UPDATE audit_events SET action = 'tampered'",
            f"UPDATE audit_events SET state_after = NULL WHERE id = {ident}",
            "DELETE FROM audit_events",
            f"DELETE FROM audit_events WHERE id = {ident}",
        ):
            with pytest.raises(DBAPIError, match="append-only"):
                db.session.execute(text(statement))
            db.session.rollback()

        # through the ORM too
        row = db.session.get(AuditEvent, ident)
        assert row is not None
        row.comment = "edited"
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.commit()
        db.session.rollback()

        assert db.session.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == total
        assert db.session.execute(text(f"SELECT action FROM audit_events WHERE id = {ident}")).scalar_one() == action
        # appending still works
        db.session.execute(
            text(
                "INSERT INTO audit_events (occurred_at, actor_label, action, subject_type, subject_id) "
                "VALUES (now(), 'test', 'test.append', 'ledger', 0)"
            )
        )
        db.session.commit()
        assert db.session.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == total + 1
        db.session.remove()


# -- the audit list at scale: per-body merge (PostgreSQL) and the capped count -------------------------------------


def _records(app: Flask, world: World, plan: list[str]) -> list[int]:
    """One audit record per entry of `plan` (a body's code), in that order; their ids."""
    from sqlalchemy import insert

    with app.app_context():
        ids = [
            int(
                db.session.execute(
                    insert(AuditEvent)
                    .values(
                        occurred_at=START,
                        actor_id=None,
                        actor_label="测试",
                        action=f"t.{place}",
                        subject_type="unit",
                        subject_id=n,
                        jurisdiction_id=world.ids[place],
                    )
                    .returning(AuditEvent.id)
                ).scalar_one()
            )
            for n, place in enumerate(plan)
        ]
        db.session.commit()
    return ids


def _page(api: Api, as_: str, page: int, size: int, query: str = "") -> tuple[list[int], int]:
    res = api.get(f"/api/v1/audit?page={page}&page_size={size}{query}", as_=as_)
    assert res.status_code == 200, res.json
    return [e["id"] for e in res.json], json.loads(res.headers["X-Pagination"])["total"]


def test_a_bodys_list_is_every_record_in_its_subtree_newest_first_page_by_page(
    app: Flask, api: Api, world: World
) -> None:
    # East's quiet township has only the oldest records; west's are out of east's scope.
    plan = ["east_t2"] * 3 + ["east_t1", "west_t1", "east", "east_ic"] * 6 + ["west_t1"] * 5
    ids = _records(app, world, plan)
    mine = sorted((i for i, place in zip(ids, plan, strict=True) if place != "west_t1"), reverse=True)
    before = [i for i in _page(api, "supervisor@east", 1, 200)[0] if i not in ids]  # the world's own records
    pages = [_page(api, "supervisor@east", p, 7) for p in (1, 2, 3, 4, 5)]
    seen = [i for page, _ in pages for i in page if i in ids]
    assert seen == mine  # every record of the subtree once, newest first, across pages
    assert all(total == len(mine) + len(before) for _, total in pages)
    filtered, total = _page(api, "supervisor@east", 1, 50, "&action=t.east_t2")
    assert filtered == sorted(ids[:3], reverse=True) and total == 3


def test_the_total_is_counted_as_deep_as_a_page_may_reach(app: Flask, api: Api, world: World) -> None:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(settings, max_pagination_offset=10)
    _records(app, world, ["east_t1"] * 230)
    _, total = _page(api, "supervisor@east", 1, 5)
    assert total == 10 + 200  # the deepest offset plus the largest page: no page lies beyond
    _, total = _page(api, "supervisor@east", 1, 5, "&action=t.east_t1&subject_type=unit")
    assert total == 210
