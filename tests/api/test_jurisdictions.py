"""Jurisdictions: the tree that scopes every user."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, Jurisdiction
from tests.support.world import Api, World


def _create(api: Api, as_: str, **data: Any) -> Any:
    return api.post("/api/v1/jurisdictions", as_=as_, json=data)


def _audit(app: Flask, **where: Any) -> list[AuditEvent]:
    with app.app_context():
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(AuditEvent, key) == value)
        rows = list(db.session.execute(stmt).scalars())
        db.session.expunge_all()
        db.session.remove()
    return rows


def _count(app: Flask) -> int:
    with app.app_context():
        n = len(db.session.execute(select(Jurisdiction.id)).all())
        db.session.remove()
    return n


def test_create_read_and_audit_within_scope(app: Flask, api: Api, world: World) -> None:
    east = api.get(f"/api/v1/jurisdictions/{world.ids['east']}", as_="admin@east").json
    res = _create(api, "admin@east", code="east_t3", name="东三乡", kind="township", parent_id=world.ids["east"])
    assert res.status_code == 201, res.json
    row = res.json
    assert row["code"] == "east_t3"
    assert row["name"] == "东三乡"
    assert row["kind"] == "township"
    assert row["kind_label"] == "乡镇"
    assert row["parent_id"] == world.ids["east"]
    assert row["path"] == f"{east['path']}{row['id']}/"
    assert row["active"] is True
    # (creation writes the row, then its path: the new row is at version 2, not 1 like other resources)
    assert row["version"] in (1, 2)
    assert res.headers["ETag"] == f'"jurisdictions-{row["id"]}-v{row["version"]}"'

    for reader in ("admin@east", "instructor@east", "supervisor@city"):
        got = api.get(f"/api/v1/jurisdictions/{row['id']}", as_=reader)
        assert got.status_code == 200, reader
        assert got.json == row
        assert got.headers["ETag"] == res.headers["ETag"]
    for outsider in ("admin@east_t1", "admin@west_t1"):
        assert api.get(f"/api/v1/jurisdictions/{row['id']}", as_=outsider).status_code == 404, outsider

    events = _audit(app, subject_type="jurisdiction", subject_id=row["id"])
    assert len(events) == 1
    event = events[0]
    assert event.action == "jurisdiction.create"
    assert event.actor_id == world.users["admin@east"]
    assert event.actor_label == "admin.east"
    assert event.jurisdiction_id == row["id"]
    assert event.state_before is None
    assert event.state_after is not None
    assert {k: event.state_after[k] for k in ("code", "name", "kind", "parent_id", "path", "version")} == {
        "code": "east_t3",
        "name": "东三乡",
        "kind": "township",
        "parent_id": world.ids["east"],
        "path": row["path"],
        "version": row["version"],
    }
    assert event.request_id == res.headers["X-Request-ID"]


@pytest.mark.parametrize(
    ("kind", "parent"),
    [
        ("park", "city"),
        ("industry_committee", "city"),
        ("county", "city"),
        ("district", "city"),
        ("street", "east"),
        ("park", "east"),
        ("industry_committee", "east"),
    ],
)
def test_allowed_parent_levels(api: Api, world: World, kind: str, parent: str) -> None:
    res = _create(api, "admin@city", code=f"new-{kind}-{parent}", name="新单位", kind=kind, parent_id=world.ids[parent])
    assert res.status_code == 201, res.json
    assert res.json["parent_id"] == world.ids[parent]


@pytest.mark.parametrize(
    ("kind", "parent"),
    [
        ("township", "east_t1"),
        ("street", "east_t2"),
        ("park", "east_ic"),
        ("industry_committee", "east_t1"),
        ("county", "east"),
        ("district", "west"),
        ("city", "city"),
        ("city", "east_t1"),
        ("county", "east_t1"),
    ],
)
def test_parent_must_sit_at_a_higher_level(app: Flask, api: Api, world: World, kind: str, parent: str) -> None:
    before = (_count(app), len(_audit(app)))
    res = _create(api, "admin@city", code="too-low", name="层级错误", kind=kind, parent_id=world.ids[parent])
    assert res.status_code == 422
    assert res.json["code"] == "parent_level"
    assert res.json["errors"] == {"json": {"parent_id": ["上级管辖单位的层级必须高于本单位"]}}
    assert (_count(app), len(_audit(app))) == before


@pytest.mark.parametrize(
    ("admin", "parent"),
    [
        ("admin@east", "west"),
        ("admin@east", "west_t1"),
        ("admin@east", "city"),
        ("admin@east_t1", "east"),
        ("admin@west_t1", "west"),
    ],
)
def test_parent_outside_scope_is_not_found(app: Flask, api: Api, world: World, admin: str, parent: str) -> None:
    before = _count(app)
    res = _create(api, admin, code="sneaky", name="越权", kind="park", parent_id=world.ids[parent])
    assert res.status_code == 404
    assert res.json["code"] == "not_found"
    # the same answer as a parent that does not exist at all
    missing = _create(api, admin, code="sneaky", name="越权", kind="park", parent_id=999999)
    assert missing.status_code == 404
    assert {k: v for k, v in missing.json.items() if k != "request_id"} == {
        k: v for k, v in res.json.items() if k != "request_id"
    }
    assert _count(app) == before


@pytest.mark.parametrize("admin", ["admin@east", "admin@city", "admin@east_t1"])
def test_only_the_system_creates_roots(app: Flask, api: Api, admin: str) -> None:
    before = _count(app)
    for payload in (
        {"code": "root2", "name": "另一个市", "kind": "city"},
        {"code": "root2", "name": "另一个市", "kind": "city", "parent_id": None},
    ):
        res = api.post("/api/v1/jurisdictions", as_=admin, json=payload)
        assert res.status_code == 422
        assert res.json["code"] == "parent_required"
        assert res.json["errors"] == {"json": {"parent_id": ["必须指定上级管辖单位"]}}
    assert _count(app) == before


def test_duplicate_code_is_a_conflict(app: Flask, api: Api, world: World) -> None:
    before = _count(app)
    # a code is unique city-wide, even when the existing body is outside the caller's scope
    for code in ("east_t1", "west_t1"):
        res = _create(api, "admin@east", code=code, name="重复", kind="street", parent_id=world.ids["east"])
        assert res.status_code == 409
        assert res.json["code"] == "duplicate_jurisdiction_code"
        assert res.json["errors"] == {"json": {"code": ["管辖单位代码已存在"]}}
    assert _count(app) == before


@pytest.mark.parametrize(
    "payload",
    [
        {"code": "has space", "name": "x", "kind": "park"},
        {"code": "x" * 33, "name": "x", "kind": "park"},
        {"code": "ok", "name": "", "kind": "park"},
        {"code": "ok", "name": "x" * 101, "kind": "park"},
        {"code": "ok", "name": "x", "kind": "province"},
        {"code": "ok", "name": "x", "kind": "park", "parent_id": "2"},
        {"code": "ok", "name": "x", "kind": "park", "path": "/1/"},
        {"name": "x", "kind": "park"},
    ],
)
def test_create_validation(api: Api, world: World, payload: dict[str, Any]) -> None:
    payload = {"parent_id": world.ids["east"], **payload}
    res = api.post("/api/v1/jurisdictions", as_="admin@east", json=payload)
    assert res.status_code == 422
    assert res.json["code"] == "validation_failed"


# --------------------------------------------------------------------------------------------------
# list


def test_list_is_scoped_in_tree_order_and_paginated(api: Api, world: World) -> None:
    res = api.get("/api/v1/jurisdictions", as_="handler@east")
    assert res.status_code == 200
    assert res.json[0]["code"] == "east"
    assert {j["code"] for j in res.json} == {"east", "east_t1", "east_t2", "east_ic"}
    paths = [j["path"] for j in res.json]
    assert paths == sorted(paths)
    assert json.loads(res.headers["X-Pagination"])["total"] == 4

    everything = api.get("/api/v1/jurisdictions", as_="instructor@city")
    assert everything.json[0]["code"] == "city"
    assert len(everything.json) == 7

    township = api.get("/api/v1/jurisdictions", as_="portal@east_t1")
    assert [j["code"] for j in township.json] == ["east_t1"]

    page = api.get("/api/v1/jurisdictions?page_size=3&page=2", as_="admin@city")
    assert [j["path"] for j in page.json] == [j["path"] for j in everything.json][3:6]
    meta = json.loads(page.headers["X-Pagination"])
    assert (meta["total"], meta["total_pages"], meta["page"]) == (7, 3, 2)


def test_list_filters(api: Api, world: World) -> None:
    kinds = api.get("/api/v1/jurisdictions?kind=township", as_="admin@city")
    assert {j["code"] for j in kinds.json} == {"east_t1", "west_t1"}
    children = api.get(f"/api/v1/jurisdictions?parent_id={world.ids['east']}", as_="admin@city")
    assert {j["code"] for j in children.json} == {"east_t1", "east_t2", "east_ic"}
    by_name = api.get("/api/v1/jurisdictions?q=物流", as_="admin@city")
    assert [j["code"] for j in by_name.json] == ["east_ic"]
    by_code = api.get("/api/v1/jurisdictions?q=west_t1", as_="admin@city")
    assert [j["code"] for j in by_code.json] == ["west_t1"]
    # filters never widen the scope
    assert api.get("/api/v1/jurisdictions?kind=township", as_="admin@east").json[0]["code"] == "east_t1"
    assert len(api.get("/api/v1/jurisdictions?kind=township", as_="admin@east").json) == 1
    assert api.get("/api/v1/jurisdictions?q=西", as_="admin@east").json == []
    assert api.get("/api/v1/jurisdictions?kind=province", as_="admin@east").status_code == 422


# --------------------------------------------------------------------------------------------------
# update


def test_patch_with_if_match_and_audit(app: Flask, api: Api, world: World) -> None:
    ident = world.ids["east_t2"]
    path = f"/api/v1/jurisdictions/{ident}"
    got = api.get(path, as_="admin@east")
    tag, version = got.headers["ETag"], got.json["version"]

    assert api.patch(path, as_="admin@east", json={"name": "东二街道（新）"}).status_code == 428
    stale = api.patch(
        path,
        as_="admin@east",
        json={"name": "东二街道（新）"},
        headers={"If-Match": f'"jurisdictions-{ident}-v{version + 7}"'},
    )
    assert stale.status_code == 412

    res = api.patch(
        path, as_="admin@east", json={"name": "东二街道（新）", "code": "east_t2b"}, headers={"If-Match": tag}
    )
    assert res.status_code == 200, res.json
    assert res.json["name"] == "东二街道（新）"
    assert res.json["code"] == "east_t2b"
    assert res.json["version"] == version + 1
    assert res.headers["ETag"] == f'"jurisdictions-{ident}-v{version + 1}"'

    events = _audit(app, action="jurisdiction.update", subject_id=ident)
    assert len(events) == 1
    assert events[0].actor_label == "admin.east"
    assert events[0].state_before == {"code": "east_t2", "name": "东二街道", "version": version}
    assert events[0].state_after == {"code": "east_t2b", "name": "东二街道（新）", "version": version + 1}
    assert events[0].request_id == res.headers["X-Request-ID"]


def test_patch_duplicate_code_and_fixed_fields(app: Flask, api: Api, world: World) -> None:
    ident = world.ids["east_t2"]
    path = f"/api/v1/jurisdictions/{ident}"
    tag = api.get(path, as_="admin@east").headers["ETag"]
    dup = api.patch(path, as_="admin@east", json={"code": "west_t1"}, headers={"If-Match": tag})
    assert dup.status_code == 409
    assert dup.json["code"] == "duplicate_jurisdiction_code"
    # re-sending its own code is not a conflict
    same = api.patch(path, as_="admin@east", json={"code": "east_t2"}, headers={"If-Match": tag})
    assert same.status_code == 200
    tag = same.headers["ETag"]
    # the tree shape is not editable through PATCH
    for changes in ({"parent_id": world.ids["west"]}, {"kind": "township"}, {"path": "/9/"}):
        res = api.patch(path, as_="admin@east", json=changes, headers={"If-Match": tag})
        assert res.status_code == 422, changes
    got = api.get(path, as_="admin@east").json
    assert got["parent_id"] == world.ids["east"]
    assert got["kind"] == "street"


def test_admin_cannot_deactivate_its_own_body_but_can_a_child(api: Api, world: World) -> None:
    own = f"/api/v1/jurisdictions/{world.ids['east']}"
    tag = api.get(own, as_="admin@east").headers["ETag"]
    res = api.patch(own, as_="admin@east", json={"active": False}, headers={"If-Match": tag})
    assert res.status_code == 422
    assert res.json["code"] == "cannot_deactivate_own"
    assert api.get(own, as_="admin@east").json["active"] is True

    child = f"/api/v1/jurisdictions/{world.ids['east_ic']}"
    tag = api.get(child, as_="admin@east").headers["ETag"]
    res = api.patch(child, as_="admin@east", json={"active": False}, headers={"If-Match": tag})
    assert res.status_code == 200
    assert res.json["active"] is False


def test_patch_outside_scope_is_not_found(api: Api, world: World) -> None:
    west = f"/api/v1/jurisdictions/{world.ids['west']}"
    tag = api.get(west, as_="admin@city").headers["ETag"]
    res = api.patch(west, as_="admin@east", json={"name": "改"}, headers={"If-Match": tag})
    assert res.status_code == 404
    parent = f"/api/v1/jurisdictions/{world.ids['east']}"
    tag = api.get(parent, as_="admin@east").headers["ETag"]
    assert api.patch(parent, as_="admin@east_t1", json={"name": "改"}, headers={"If-Match": tag}).status_code == 404
    assert api.get(west, as_="admin@city").json["name"] == "西区"


# --------------------------------------------------------------------------------------------------
# paths and subtrees


def test_paths_and_subtrees(api: Api, world: World) -> None:
    rows = {j["code"]: j for j in api.get("/api/v1/jurisdictions", as_="admin@city").json}
    for code, row in rows.items():
        parent = row["parent_id"]
        if parent is None:
            assert row["path"] == f"/{row['id']}/"
        else:
            parent_row = next(r for r in rows.values() if r["id"] == parent)
            assert row["path"] == f"{parent_row['path']}{row['id']}/", code
        assert row["id"] == world.ids[code]

    # a new body deep in the tree is visible to every ancestor and to nobody beside it
    street = _create(
        api, "admin@west_t1", code="w-street", name="西一街道", kind="street", parent_id=world.ids["west_t1"]
    )
    assert street.status_code == 422  # nothing sits below a township
    park = _create(api, "admin@city", code="w-park", name="西区园区", kind="park", parent_id=world.ids["west"])
    assert park.status_code == 201
    pid = park.json["id"]
    assert park.json["path"] == f"{rows['west']['path']}{pid}/"
    assert api.get(f"/api/v1/jurisdictions/{pid}", as_="handler@city").status_code == 200
    assert api.get(f"/api/v1/jurisdictions/{pid}", as_="handler@west_t1").status_code == 404
    assert api.get(f"/api/v1/jurisdictions/{pid}", as_="handler@east").status_code == 404


def test_subtree_is_a_path_prefix_with_its_slash(api: Api, world: World) -> None:
    """East is /1/2/: a sibling whose id starts with 2 (/1/2x/) must not be in east's subtree."""
    east_id = str(world.ids["east"])
    trap: dict[str, Any] | None = None
    for n in range(60):
        res = _create(api, "admin@city", code=f"filler-{n}", name=f"园区{n}", kind="park", parent_id=world.ids["city"])
        assert res.status_code == 201
        if str(res.json["id"]).startswith(east_id) and str(res.json["id"]) != east_id:
            trap = res.json
            break
    assert trap is not None
    assert trap["path"].startswith(f"/{world.ids['city']}/{east_id}")
    assert api.get(f"/api/v1/jurisdictions/{trap['id']}", as_="admin@east").status_code == 404
    listed = {j["id"] for j in api.get("/api/v1/jurisdictions", as_="admin@east").json}
    assert trap["id"] not in listed
    assert listed == {world.ids[c] for c in ("east", "east_t1", "east_t2", "east_ic")}
    # nor may anything be created under it from east
    assert (
        _create(api, "admin@east", code="under-trap", name="x", kind="street", parent_id=trap["id"]).status_code == 404
    )
