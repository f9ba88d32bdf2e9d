"""Users and API tokens: the API (admins within their subtree, /users/me for everyone) and the CLI."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from flask.cli import FlaskGroup
from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.extensions import db
from service.models import ApiToken, AuditEvent, Jurisdiction, PartyOrg, Role, Unit, User
from tests.support.factories import new_unit
from tests.support.world import ROLES, Api, World


def _new_user(world: World, place: str, username: str = "new.user", role: str = "handler") -> dict[str, Any]:
    return {"username": username, "display_name": "新用户", "role": role, "jurisdiction_id": world.ids[place]}


def _audit(app: Flask, **where: Any) -> list[AuditEvent]:
    with app.app_context():
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(AuditEvent, key) == value)
        rows = list(db.session.execute(stmt).scalars())
        db.session.expunge_all()
        db.session.remove()
    return rows


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --------------------------------------------------------------------------------------------------
# create


def test_admin_creates_users_inside_its_subtree(api: Api, world: World) -> None:
    res = api.post("/api/v1/users", as_="admin@east", json=_new_user(world, "east_t1", "t1.clerk"))
    assert res.status_code == 201, res.json
    body = res.json
    assert body["username"] == "t1.clerk"
    assert body["role"] == "handler"
    assert body["role_label"] == "承办人员"
    assert body["jurisdiction_id"] == world.ids["east_t1"]
    assert body["active"] is True
    assert res.headers["ETag"] == f'"users-{body["id"]}-v1"'
    assert api.get(f"/api/v1/users/{body['id']}", as_="admin@east").json["username"] == "t1.clerk"
    # and on its own body
    assert api.post("/api/v1/users", as_="admin@east", json=_new_user(world, "east", "east.clerk")).status_code == 201


@pytest.mark.parametrize(
    ("admin", "place"),
    [
        ("admin@east", "west_t1"),
        ("admin@east", "west"),
        ("admin@east", "city"),
        ("admin@east_t1", "east"),
        ("admin@east_t1", "east_t2"),
        ("admin@west_t1", "east_t1"),
    ],
)
def test_admin_cannot_create_users_outside_its_subtree(api: Api, world: World, admin: str, place: str) -> None:
    res = api.post("/api/v1/users", as_=admin, json=_new_user(world, place, "outsider"))
    assert res.status_code == 404
    assert res.json["code"] == "not_found"
    listed = api.get("/api/v1/users?page_size=200", as_="admin@city").json
    assert "outsider" not in {u["username"] for u in listed}


def test_duplicate_username_is_a_conflict(app: Flask, api: Api, world: World) -> None:
    assert api.post("/api/v1/users", as_="admin@east", json=_new_user(world, "east", "dup")).status_code == 201
    before = len(_audit(app))
    res = api.post("/api/v1/users", as_="admin@east_t1", json=_new_user(world, "east_t1", "dup"))
    assert res.status_code == 409
    assert res.json["code"] == "duplicate_username"
    assert res.json["errors"] == {"json": {"username": ["用户名已存在"]}}
    # an existing world user, taken anywhere in the city, conflicts too
    res = api.post("/api/v1/users", as_="admin@east", json=_new_user(world, "east", "handler.west_t1"))
    assert res.status_code == 409
    assert len(_audit(app)) == before


@pytest.mark.parametrize(
    "payload",
    [
        {"username": "x", "display_name": "太短", "role": "handler"},
        {"username": "has space", "display_name": "x", "role": "handler"},
        {"username": "ok.name", "display_name": "   ", "role": "handler"},
        {"username": "ok.name", "display_name": "x", "role": "root"},
        {"username": "ok.name", "display_name": "x", "role": "handler", "jurisdiction_id": "2"},
        {"username": "ok.name", "display_name": "x", "role": "handler", "extra": 1},
    ],
)
def test_create_user_validation(api: Api, world: World, payload: dict[str, Any]) -> None:
    payload = {"jurisdiction_id": world.ids["east"], **payload}
    res = api.post("/api/v1/users", as_="admin@east", json=payload)
    assert res.status_code == 422
    assert res.json["code"] == "validation_failed"
    assert res.json["errors"]["json"]


# --------------------------------------------------------------------------------------------------
# list


def _pagination(res: Any) -> dict[str, Any]:
    return json.loads(res.headers["X-Pagination"])


def test_list_users_is_scoped_filtered_and_paginated(api: Api, world: World) -> None:
    # east's subtree holds the 6 east users and the 6 east_t1 users
    res = api.get("/api/v1/users", as_="admin@east")
    assert res.status_code == 200
    names = [u["username"] for u in res.json]
    assert names == sorted(names)
    assert set(names) == {f"{r}.{p}" for r in ROLES for p in ("east", "east_t1")}
    assert _pagination(res)["total"] == 12

    page = api.get("/api/v1/users?page_size=5&page=3", as_="admin@east")
    meta = _pagination(page)
    assert meta == {"total": 12, "total_pages": 3, "first_page": 1, "last_page": 3, "page": 3, "previous_page": 2}
    assert [u["username"] for u in page.json] == names[10:]

    handlers = api.get("/api/v1/users?role=handler", as_="admin@east")
    assert {u["username"] for u in handlers.json} == {"handler.east", "handler.east_t1"}
    assert _pagination(handlers)["total"] == 2

    there = api.get(f"/api/v1/users?jurisdiction_id={world.ids['east_t1']}&role=admin", as_="admin@east")
    assert [u["username"] for u in there.json] == ["admin.east_t1"]

    # a filter pointing outside the subtree finds nothing
    outside = api.get(f"/api/v1/users?jurisdiction_id={world.ids['west_t1']}", as_="admin@east")
    assert outside.status_code == 200
    assert outside.json == []
    assert _pagination(outside)["total"] == 0

    # the city admin sees all 24
    assert _pagination(api.get("/api/v1/users", as_="admin@city"))["total"] == 24


def test_list_users_active_filter(api: Api, world: World) -> None:
    victim = world.users["portal@east_t1"]
    tag = api.get(f"/api/v1/users/{victim}", as_="admin@east").headers["ETag"]
    assert (
        api.patch(
            f"/api/v1/users/{victim}", as_="admin@east", json={"active": False}, headers={"If-Match": tag}
        ).status_code
        == 200
    )
    inactive = api.get("/api/v1/users?active=false", as_="admin@east")
    assert [u["id"] for u in inactive.json] == [victim]
    active = api.get("/api/v1/users?active=true", as_="admin@east")
    assert _pagination(active)["total"] == 11
    assert victim not in {u["id"] for u in active.json}


@pytest.mark.parametrize("query", ["role=root", "active=maybe", "jurisdiction_id=abc", "page=0", "page_size=1000"])
def test_list_users_rejects_bad_query(api: Api, query: str) -> None:
    res = api.get(f"/api/v1/users?{query}", as_="admin@east")
    assert res.status_code == 422
    assert res.json["code"] == "validation_failed"


# --------------------------------------------------------------------------------------------------
# update


def test_patch_user_requires_if_match(app: Flask, api: Api, world: World) -> None:
    target = world.users["handler@east_t1"]
    got = api.get(f"/api/v1/users/{target}", as_="admin@east")
    tag = got.headers["ETag"]
    assert tag == f'"users-{target}-v1"'

    missing = api.patch(f"/api/v1/users/{target}", as_="admin@east", json={"display_name": "改名"})
    assert missing.status_code == 428
    assert missing.json["code"] == "precondition_required"

    stale = api.patch(
        f"/api/v1/users/{target}",
        as_="admin@east",
        json={"display_name": "改名"},
        headers={"If-Match": f'"users-{target}-v0"'},
    )
    assert stale.status_code == 412
    assert stale.json["code"] == "precondition_failed"
    assert api.get(f"/api/v1/users/{target}", as_="admin@east").json["display_name"] == "handler@east_t1"

    ok = api.patch(
        f"/api/v1/users/{target}",
        as_="admin@east",
        json={"display_name": "改名", "role": "approver"},
        headers={"If-Match": tag},
    )
    assert ok.status_code == 200, ok.json
    assert ok.json["display_name"] == "改名"
    assert ok.json["role"] == "approver"
    assert ok.json["version"] == 2
    assert ok.headers["ETag"] == f'"users-{target}-v2"'
    # the old tag is stale now
    again = api.patch(
        f"/api/v1/users/{target}", as_="admin@east", json={"display_name": "再改"}, headers={"If-Match": tag}
    )
    assert again.status_code == 412
    events = _audit(app, action="user.update", subject_id=target)
    assert len(events) == 1
    assert events[0].state_before == {"display_name": "handler@east_t1", "role": "handler", "version": 1}
    assert events[0].state_after == {"display_name": "改名", "role": "approver", "version": 2}
    # the role change is effective at once
    assert api.get("/api/v1/audit", as_="handler@east_t1").status_code == 403


def test_patch_user_can_move_only_within_subtree(api: Api, world: World) -> None:
    target = world.users["handler@east_t1"]
    tag = api.get(f"/api/v1/users/{target}", as_="admin@east").headers["ETag"]
    res = api.patch(
        f"/api/v1/users/{target}",
        as_="admin@east",
        json={"jurisdiction_id": world.ids["west_t1"]},
        headers={"If-Match": tag},
    )
    assert res.status_code == 404
    res = api.patch(
        f"/api/v1/users/{target}",
        as_="admin@east",
        json={"jurisdiction_id": world.ids["east_t2"]},
        headers={"If-Match": tag},
    )
    assert res.status_code == 200
    assert res.json["jurisdiction_id"] == world.ids["east_t2"]
    # the moved user now sees east_t2's world, not east_t1's
    assert api.get(f"/api/v1/jurisdictions/{world.ids['east_t1']}", as_="handler@east_t1").status_code == 404
    assert api.get(f"/api/v1/jurisdictions/{world.ids['east_t2']}", as_="handler@east_t1").status_code == 200


@pytest.mark.parametrize(
    "changes", [{"active": False}, {"role": "handler"}, {"role": "supervisor", "display_name": "x"}]
)
def test_admin_cannot_deactivate_or_demote_itself(app: Flask, api: Api, world: World, changes: dict[str, Any]) -> None:
    me = world.users["admin@east"]
    tag = api.get(f"/api/v1/users/{me}", as_="admin@east").headers["ETag"]
    before = len(_audit(app))
    res = api.patch(f"/api/v1/users/{me}", as_="admin@east", json=changes, headers={"If-Match": tag})
    assert res.status_code == 422
    assert res.json["code"] == "cannot_demote_self"
    got = api.get("/api/v1/users/me", as_="admin@east").json
    assert got["active"] is True
    assert got["role"] == "admin"
    assert got["version"] == 1
    assert len(_audit(app)) == before
    # but it may rename itself, and another admin above may demote it
    assert (
        api.patch(
            f"/api/v1/users/{me}",
            as_="admin@east",
            json={"display_name": "东县管理员", "role": "admin"},
            headers={"If-Match": tag},
        ).status_code
        == 200
    )
    tag = api.get(f"/api/v1/users/{me}", as_="admin@city").headers["ETag"]
    demoted = api.patch(f"/api/v1/users/{me}", as_="admin@city", json=changes, headers={"If-Match": tag})
    assert demoted.status_code == 200


# --------------------------------------------------------------------------------------------------
# tokens


def test_issued_token_works_is_shown_once_and_stored_hashed(
    app: Flask, api: Api, client: FlaskClient, world: World
) -> None:
    target = world.users["portal@east_t1"]
    res = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "门户对接"})
    assert res.status_code == 201, res.json
    issued = res.json
    token = issued["token"]
    assert token.startswith("dj_")
    assert len(token) >= 40
    assert issued["name"] == "门户对接"
    assert issued["prefix"] == token[:10]
    assert issued["revoked_at"] is None
    assert "token_hash" not in issued

    me = client.get("/api/v1/users/me", headers=_bearer(token))
    assert me.status_code == 200
    assert me.json["id"] == target

    listed = api.get(f"/api/v1/users/{target}/tokens", as_="admin@east")
    assert listed.status_code == 200
    assert [t["name"] for t in listed.json] == ["test", "门户对接"]
    for row in listed.json:
        assert set(row) == {"id", "name", "prefix", "created_at", "revoked_at", "scopes"}
        assert token not in json.dumps(row)
    assert listed.json[1]["prefix"] == token[:10]

    with app.app_context():
        stored = db.session.get(ApiToken, issued["id"])
        assert stored is not None
        assert stored.token_hash != token
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in {v for v in vars(stored).values() if isinstance(v, str)}
        db.session.remove()
    # the token never reaches the audit trail
    events = _audit(app, action="token.issue", subject_id=target)
    assert len(events) == 2  # the world's token and this one
    assert events[-1].state_after == {
        "token_id": issued["id"],
        "name": "门户对接",
        "prefix": token[:10],
        "scopes": "read ledger:write workflow:act",  # a portal's full set, by default
    }
    assert token not in json.dumps([e.state_after for e in events])


def test_token_name_defaults_and_inactive_user_gets_none(api: Api, world: World) -> None:
    target = world.users["instructor@east_t1"]
    res = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={})
    assert res.status_code == 201
    assert res.json["name"] == "api"
    tag = api.get(f"/api/v1/users/{target}", as_="admin@east").headers["ETag"]
    assert (
        api.patch(
            f"/api/v1/users/{target}", as_="admin@east", json={"active": False}, headers={"If-Match": tag}
        ).status_code
        == 200
    )
    refused = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "again"})
    assert refused.status_code == 409
    assert refused.json["code"] == "user_inactive"


def test_revoke_is_idempotent_and_audited_once(app: Flask, api: Api, client: FlaskClient, world: World) -> None:
    target = world.users["portal@east_t1"]
    issued = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "short-lived"}).json
    path = f"/api/v1/users/{target}/tokens/{issued['id']}"

    first = api.delete(path, as_="admin@east")
    assert first.status_code == 200
    assert first.json["revoked_at"] is not None
    second = api.delete(path, as_="admin@east_t1")
    assert second.status_code == 200
    assert second.json["revoked_at"] == first.json["revoked_at"]

    assert client.get("/api/v1/users/me", headers=_bearer(issued["token"])).status_code == 401
    assert api.get("/api/v1/users/me", as_="portal@east_t1").status_code == 200  # its other token still works

    events = _audit(app, action="token.revoke", subject_id=target)
    assert len(events) == 1
    event = events[0]
    assert event.actor_id == world.users["admin@east"]
    assert event.actor_label == "admin.east"
    assert event.subject_type == "user"
    assert event.state_before == {"token_id": issued["id"], "revoked_at": None}
    assert event.state_after["token_id"] == issued["id"]
    assert event.state_after["revoked_at"]
    assert event.request_id == first.headers["X-Request-ID"]
    listed = api.get(f"/api/v1/users/{target}/tokens", as_="admin@east").json
    assert [t["revoked_at"] is not None for t in listed] == [False, True]


def test_revoke_unknown_or_foreign_token_is_404(app: Flask, api: Api, world: World) -> None:
    mine = world.users["portal@east_t1"]
    other = world.users["handler@east_t1"]
    with app.app_context():
        other_token = db.session.execute(select(ApiToken.id).where(ApiToken.user_id == other)).scalar_one()
        db.session.remove()
    # a token id that belongs to another user, addressed through the wrong user
    assert api.delete(f"/api/v1/users/{mine}/tokens/{other_token}", as_="admin@east").status_code == 404
    assert api.delete(f"/api/v1/users/{mine}/tokens/999999", as_="admin@east").status_code == 404
    assert api.get("/api/v1/users/me", as_="handler@east_t1").status_code == 200


# --------------------------------------------------------------------------------------------------
# /users/me


@pytest.mark.parametrize("place", ["city", "east", "east_t1", "west_t1"])
@pytest.mark.parametrize("role", ROLES)
def test_me_for_every_role(api: Api, world: World, role: str, place: str) -> None:
    caller = f"{role}@{place}"
    res = api.get("/api/v1/users/me", as_=caller)
    assert res.status_code == 200
    assert res.json["id"] == world.users[caller]
    assert res.json["role"] == role
    assert res.json["role_label"]
    assert res.json["jurisdiction_id"] == world.ids[place]
    assert res.json["active"] is True
    assert "token" not in res.json


# --------------------------------------------------------------------------------------------------
# CLI (the same entry point as `flask --app service ...`)


def _cli(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(FlaskGroup(create_app=lambda: app), list(args))


TOKEN_RE = re.compile(r"dj_[A-Za-z0-9_-]{20,}")


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # FlaskGroup marks the process as run from the CLI; keep that out of the other tests.
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "false")
    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")


def _tree(app: Flask) -> None:
    assert _cli(app, "jurisdictions", "create", "--code", "c1", "--name", "测试市", "--kind", "city").exit_code == 0
    res = _cli(
        app, "jurisdictions", "create", "--code", "c1-east", "--name", "东县", "--kind", "county", "--parent", "c1"
    )
    assert res.exit_code == 0, res.output


@pytest.mark.usefixtures("cli_env")
def test_cli_jurisdictions_create_root_and_child(app: Flask) -> None:
    root = _cli(app, "jurisdictions", "create", "--code", "c1", "--name", "测试市", "--kind", "city")
    assert root.exit_code == 0, root.output
    assert re.match(r"created jurisdiction \d+ c1 测试市", root.output)
    child = _cli(
        app, "jurisdictions", "create", "--code", "c1-east", "--name", "东县", "--kind", "county", "--parent", "c1"
    )
    assert child.exit_code == 0, child.output
    with app.app_context():
        rows = {j.code: j for j in db.session.execute(select(Jurisdiction)).scalars()}
        assert rows["c1"].parent_id is None
        assert rows["c1"].path == f"/{rows['c1'].id}/"
        assert rows["c1-east"].parent_id == rows["c1"].id
        assert rows["c1-east"].path == f"/{rows['c1'].id}/{rows['c1-east'].id}/"
        actors = set(db.session.execute(select(AuditEvent.actor_label)).scalars())
        assert actors == {"cli"}
        db.session.remove()

    wrong_level = _cli(
        app, "jurisdictions", "create", "--code", "c1-x", "--name", "x", "--kind", "city", "--parent", "c1-east"
    )
    assert wrong_level.exit_code == 1
    assert "parent_level" in wrong_level.output
    unknown_parent = _cli(
        app, "jurisdictions", "create", "--code", "c1-y", "--name", "y", "--kind", "township", "--parent", "nope"
    )
    assert unknown_parent.exit_code == 1
    assert "no jurisdiction with code 'nope'" in unknown_parent.output
    duplicate = _cli(app, "jurisdictions", "create", "--code", "c1", "--name", "again", "--kind", "city")
    assert duplicate.exit_code == 1
    assert "duplicate_jurisdiction_code" in duplicate.output


@pytest.mark.usefixtures("cli_env")
def test_cli_users_create_token_and_revoke(app: Flask, client: FlaskClient) -> None:
    _tree(app)
    created = _cli(
        app, "users", "create", "cli.admin", "--role", "admin", "--jurisdiction", "c1-east", "--name", "命令行管理员"
    )
    assert created.exit_code == 0, created.output
    assert "created user" in created.output
    tokens = TOKEN_RE.findall(created.output)
    assert len(tokens) == 1
    first = tokens[0]
    me = client.get("/api/v1/users/me", headers=_bearer(first))
    assert me.status_code == 200
    assert me.json["username"] == "cli.admin"
    assert me.json["display_name"] == "命令行管理员"
    assert me.json["role"] == "admin"

    second = _cli(app, "users", "token", "cli.admin", "--name", "backup")
    assert second.exit_code == 0, second.output
    second_token = second.output.strip()
    assert TOKEN_RE.fullmatch(second_token)
    assert second_token != first
    assert client.get("/api/v1/users/me", headers=_bearer(second_token)).status_code == 200

    with app.app_context():
        ids = dict(db.session.execute(select(ApiToken.name, ApiToken.id)).all())
        db.session.remove()
    assert set(ids) == {"cli", "backup"}
    revoked = _cli(app, "users", "revoke", "cli.admin", str(ids["cli"]))
    assert revoked.exit_code == 0, revoked.output
    assert f"revoked token {ids['cli']}" in revoked.output
    assert client.get("/api/v1/users/me", headers=_bearer(first)).status_code == 401
    assert client.get("/api/v1/users/me", headers=_bearer(second_token)).status_code == 200
    # revoking again is harmless
    assert _cli(app, "users", "revoke", "cli.admin", str(ids["cli"])).exit_code == 0
    actions = [e.action for e in _audit(app) if e.subject_type == "user"]
    assert actions == ["user.create", "token.issue", "token.issue", "token.revoke"]


@pytest.mark.usefixtures("cli_env")
def test_cli_users_errors(app: Flask) -> None:
    _tree(app)
    assert _cli(app, "users", "create", "dup", "--role", "handler", "--jurisdiction", "c1").exit_code == 0
    dup = _cli(app, "users", "create", "dup", "--role", "handler", "--jurisdiction", "c1")
    assert dup.exit_code == 1
    assert "duplicate_username" in dup.output
    assert not TOKEN_RE.search(dup.output)
    nowhere = _cli(app, "users", "create", "lost", "--role", "handler", "--jurisdiction", "nowhere")
    assert nowhere.exit_code == 1
    assert "no jurisdiction" in nowhere.output
    bad_role = _cli(app, "users", "create", "x1", "--role", "root", "--jurisdiction", "c1")
    assert bad_role.exit_code == 2
    unknown = _cli(app, "users", "token", "ghost")
    assert unknown.exit_code == 1
    assert "no user 'ghost'" in unknown.output


@pytest.mark.usefixtures("cli_env")
def test_cli_ledger_rescope(app: Flask) -> None:
    from service.auth import system_actor
    from service.operations.reference import units

    _tree(app)
    with app.app_context():
        place = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == "c1-east")).scalar_one()
        ids = [units.create(system_actor("t"), new_unit(place, employees=n)).id for n in (40, 60, 120)]
        db.session.remove()
    unchanged = _cli(app, "ledger", "rescope")
    assert unchanged.exit_code == 0, unchanged.output
    assert unchanged.output.strip() == "0 units changed scope"

    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = dataclasses.replace(settings, enterprise_scope_min_employees=100)
    res = _cli(app, "ledger", "rescope")
    assert res.exit_code == 0, res.output
    assert res.output.strip() == "1 units changed scope"
    with app.app_context():
        rows = {u.id: u for u in db.session.execute(select(Unit).where(Unit.id.in_(ids))).scalars()}
        assert [rows[i].in_scope for i in ids] == [False, False, True]
        assert [rows[i].version for i in ids] == [1, 2, 1]
        db.session.remove()
    events = _audit(app, action="ledger.rescope")
    assert len(events) == 2
    assert events[-1].state_after == {"changed": 1, "enterprise_min_employees": 100, "social_org_min_staff": 30}
    assert events[-1].actor_label == "cli"


@pytest.mark.usefixtures("cli_env")
def test_cli_demo_load(app: Flask, client: FlaskClient, tmp_path: Any) -> None:
    from service import demo

    tokens_file = tmp_path / "tokens.txt"
    res = _cli(app, "demo", "load", "--tokens-file", str(tokens_file))
    assert res.exit_code == 0, res.output
    with app.app_context():
        units_count = db.session.execute(select(func.count()).select_from(Unit)).scalar_one()
        # ~50 units: every row of the demo's count tables, perhaps a few more for the workflows
        assert units_count >= len(demo.ENTERPRISE_COUNTS) + len(demo.SOCIAL_COUNTS)
        assert 40 <= units_count <= 70
        roles = set(db.session.execute(select(User.role)).scalars())
        assert roles == {r.value for r in Role}
        assert db.session.execute(select(func.count()).select_from(Jurisdiction)).scalar_one() == len(demo.TREE)
        assert db.session.execute(select(func.count()).select_from(PartyOrg)).scalar_one() > 0
        assert db.session.execute(select(func.count()).select_from(Unit).where(Unit.in_scope)).scalar_one() > 0
        db.session.remove()

    rows = re.findall(r"^\s+(\S+)\s+(demo-\S+)\s+(dj_\S+)$", res.output, re.MULTILINE)
    printed = {name: token for name, _, token in rows}
    assert set(printed) == {u[0] for u in demo.USERS}
    with app.app_context():  # every demo user has a console password, printed beside the token
        from service.operations.reference import passwords

        assert all(
            passwords.verify_password(
                db.session.execute(select(User).where(User.username == n)).scalar_one().password_hash, p
            )
            for n, p, _ in rows
        )
        db.session.remove()
    assert tokens_file.read_text(encoding="utf-8") == res.output
    assert tokens_file.stat().st_mode & 0o777 == 0o600
    for username, token in printed.items():
        me = client.get("/api/v1/users/me", headers=_bearer(token))
        assert me.status_code == 200
        assert me.json["username"] == username
    listed = client.get("/api/v1/units?page_size=1", headers=_bearer(printed["admin"]))
    assert json.loads(listed.headers["X-Pagination"])["total"] == units_count

    again = _cli(app, "demo", "load")
    assert again.exit_code == 1
    assert "not empty" in again.output
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Unit)).scalar_one() == units_count
        db.session.remove()


@pytest.mark.usefixtures("cli_env")
def test_cli_demo_load_refuses_any_non_empty_database(app: Flask) -> None:
    _tree(app)
    res = _cli(app, "demo", "load")
    assert res.exit_code == 1
    assert "not empty" in res.output
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(User)).scalar_one() == 0
        db.session.remove()
