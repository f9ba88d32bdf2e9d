"""Token scopes: every API route requires exactly one, a token gets its role's full set unless given fewer, a
token without the scope an endpoint requires is refused 403 `insufficient_scope` naming it, before anything
else happens; console sessions are not tokens; the OpenAPI document states each operation's scope."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import scopes
from service.auth import system_actor
from service.extensions import db
from service.models import ApiToken, Jurisdiction, User
from service.operations.reference import users
from service.scopes import Scope, role_scopes
from tests.api.test_access import MATRIX, api_rules, concrete_path
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.factories import unit_payload
from tests.support.world import ROLES, Api, World

ALL_SCOPES = {s.value for s in Scope}


def issue(app: Flask, world: World, who: str, wanted: list[str] | None) -> str:
    """A new token of a world user with the scopes wanted (None: the default)."""
    with app.app_context():
        user = db.session.get(User, world.users[who])
        assert user is not None
        _, plain = users.issue_token(system_actor("test"), user, "scoped", wanted)
        db.session.remove()
    return plain


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- the derivation ------------------------------------------------------------------------------------------


def test_every_api_route_requires_exactly_one_scope(app: Flask) -> None:
    derived = scopes.scope_map(app)
    routes = {(rule.endpoint, method) for rule, method in scopes.api_rules(app)}
    assert len(routes) >= 140
    assert set(derived) == routes  # one entry per route and method: exactly one scope each
    assert all(isinstance(scope, Scope) for scope in derived.values())
    # the same routes the access matrix walks
    by_rule = {(method, rule.rule) for rule, method in scopes.api_rules(app)}
    assert by_rule == api_rules(app) == {row.key for row in MATRIX}


def test_every_role_the_matrix_admits_can_hold_the_scope_it_requires(app: Flask) -> None:
    """The access matrix says independently which roles may call what: each must be able to get a token for it."""
    rules = {rule.rule: rule for rule, _ in scopes.api_rules(app)}
    problems = []
    for row in MATRIX:
        scope = scopes.scope_for(app, rules[row.rule], row.method)
        for role in row.allowed:
            if scope not in role_scopes(role):
                problems.append(f"{row.id}: {role} may call it but cannot hold {scope.value}")
    assert not problems, "\n".join(problems)


# Hand-written expectations: what the rule must give, including where the role groups alone would mislead
# (those who urge a task are the same four roles as the ledger's writers).
EXPECTED = {
    ("GET", "/api/v1/units"): Scope.read,
    ("GET", "/api/v1/users"): Scope.read,
    ("POST", "/api/v1/units"): Scope.ledger_write,
    ("PATCH", "/api/v1/units/<int:unit_id>"): Scope.ledger_write,
    ("POST", "/api/v1/units/imports"): Scope.ledger_write,
    ("POST", "/api/v1/tasks/<int:task_id>/urge"): Scope.workflow_act,
    ("POST", "/api/v1/tasks/<int:task_id>/decide"): Scope.workflow_act,
    ("POST", "/api/v1/establishment-cases"): Scope.workflow_act,
    ("POST", "/api/v1/supervision-tickets/<int:ticket_id>/issue"): Scope.workflow_act,
    ("POST", "/api/v1/webhooks"): Scope.workflow_act,  # portals manage their own
    ("PUT", "/api/v1/calendar/<int:year>"): Scope.admin,
    ("POST", "/api/v1/users/<int:user_id>/tokens"): Scope.admin,
    ("POST", "/api/v1/webhooks/<int:webhook_id>/rotate-secret"): Scope.admin,
    ("POST", "/api/v1/jurisdictions"): Scope.admin,
    ("POST", "/api/v1/notifications/read-all"): Scope.read,  # an override
    ("POST", "/api/v1/copies/<int:copy_id>/read"): Scope.read,  # an override
    ("PUT", "/api/v1/users/me/password"): Scope.workflow_act,
}


@pytest.mark.parametrize(("method", "rule"), sorted(EXPECTED))
def test_the_rule_gives_the_expected_scope(app: Flask, method: str, rule: str) -> None:
    found = [r for r, m in scopes.api_rules(app) if r.rule == rule and m == method]
    assert len(found) == 1
    assert scopes.scope_for(app, found[0], method) == EXPECTED[(method, rule)]


def test_every_override_names_an_existing_endpoint(app: Flask) -> None:
    endpoints = {rule.endpoint for rule, _ in scopes.api_rules(app)}
    assert set(scopes.OVERRIDES) <= endpoints


def test_an_endpoint_added_later_gets_its_scope_from_the_rule() -> None:
    """No edit needed for a new endpoint: the derivation reads its method, path and role group only."""
    admins, writers = frozenset({"admin"}), frozenset({"admin", "supervisor", "handler", "portal"})
    assert scopes.required_scope("x.new", "GET", "/api/v1/anything/new", admins) == Scope.read
    assert scopes.required_scope("x.new", "POST", "/api/v1/anything/new", admins) == Scope.admin
    assert scopes.required_scope("x.new", "DELETE", "/api/v1/units/<int:unit_id>/events", writers) == Scope.ledger_write
    assert scopes.required_scope("x.new", "POST", "/api/v1/unitsx", writers) == Scope.workflow_act
    assert scopes.required_scope("x.new", "POST", "/api/v1/anything/new", None) == Scope.workflow_act


@pytest.mark.parametrize("role", ROLES)
def test_a_roles_full_set(role: str) -> None:
    expected = {
        "admin": ["read", "ledger:write", "workflow:act", "admin"],
        "supervisor": ["read", "ledger:write", "workflow:act"],
        "handler": ["read", "ledger:write", "workflow:act"],
        "portal": ["read", "ledger:write", "workflow:act"],
        "approver": ["read", "workflow:act"],
        "instructor": ["read", "workflow:act"],
    }
    assert [s.value for s in role_scopes(role)] == expected[role]


# -- issuing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_token_gets_its_roles_full_set_by_default(api: Api, world: World, role: str) -> None:
    target = world.users[f"{role}@east_t1"]
    res = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "默认"})
    assert res.status_code == 201, res.json
    assert res.json["scopes"] == [s.value for s in role_scopes(role)]
    listed = api.get(f"/api/v1/users/{target}/tokens", as_="admin@east").json
    assert listed[-1]["scopes"] == res.json["scopes"]


def test_a_token_with_chosen_scopes_keeps_them_in_canonical_order(app: Flask, api: Api, world: World) -> None:
    target = world.users["handler@east_t1"]
    res = api.post(
        f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "台账", "scopes": ["ledger:write", "read"]}
    )
    assert res.status_code == 201, res.json
    assert res.json["scopes"] == ["read", "ledger:write"]
    with app.app_context():
        row = db.session.get(ApiToken, res.json["id"])
        assert row is not None and row.scopes == "read ledger:write"
        db.session.remove()


@pytest.mark.parametrize(
    ("who", "body", "code"),
    [
        ("approver@east_t1", {"scopes": ["ledger:write"]}, "scope_beyond_role"),
        ("portal@east_t1", {"scopes": ["read", "admin"]}, "scope_beyond_role"),
        ("portal@east_t1", {"scopes": []}, "validation_failed"),
        ("portal@east_t1", {"scopes": ["write"]}, "validation_failed"),
        ("portal@east_t1", {"scopes": "read"}, "validation_failed"),
        ("portal@east_t1", {"scopes": ["read"] * 5}, "validation_failed"),
    ],
)
def test_bad_scopes_are_refused_with_a_field_error_and_change_nothing(
    app: Flask, api: Api, world: World, who: str, body: dict[str, Any], code: str
) -> None:
    before = fingerprint(app)
    res = api.post(f"/api/v1/users/{world.users[who]}/tokens", as_="admin@east", json={"name": "x", **body})
    assert res.status_code == 422, res.json
    assert res.json["code"] == code
    messages = str(res.json["errors"]["json"]["scopes"])
    assert re.search(r"[\u4e00-\u9fff]", messages), messages
    if code == "scope_beyond_role":
        assert res.json["detail"]["allowed"] == [s.value for s in role_scopes(who.split("@")[0])]
    assert fingerprint(app) == before


def test_scopes_found_in_a_tokens_audit_record(app: Flask, api: Api, world: World) -> None:
    target = world.users["approver@east_t1"]
    res = api.post(f"/api/v1/users/{target}/tokens", as_="admin@east", json={"name": "只读", "scopes": ["read"]})
    assert res.status_code == 201
    audit = api.get(f"/api/v1/audit?subject_type=user&subject_id={target}", as_="admin@east").json
    issued = [e for e in audit if e["action"] == "token.issue" and e["state_after"]["token_id"] == res.json["id"]]
    assert len(issued) == 1 and issued[0]["state_after"]["scopes"] == "read"


# -- enforcing -----------------------------------------------------------------------------------------------


def test_a_read_only_token_reads_and_is_refused_a_write_naming_the_scope(
    app: Flask, client: FlaskClient, world: World
) -> None:
    token = issue(app, world, "handler@east_t1", ["read"])
    assert client.get("/api/v1/units", headers=bearer(token)).status_code == 200
    before = fingerprint(app)
    res = client.post("/api/v1/units", headers=bearer(token), json=unit_payload(world.ids["east_t1"]))
    assert res.status_code == 403
    assert res.json["code"] == "insufficient_scope"
    assert res.json["required_scope"] == "ledger:write"
    assert "ledger:write" in res.json["message"] and "权限范围" in res.json["message"]
    assert res.json["request_id"]
    assert 'error="insufficient_scope"' in res.headers["WWW-Authenticate"]
    assert 'scope="ledger:write"' in res.headers["WWW-Authenticate"]
    assert fingerprint(app) == before


def test_a_write_only_token_is_refused_reads(app: Flask, client: FlaskClient, world: World) -> None:
    token = issue(app, world, "handler@east_t1", ["ledger:write"])
    res = client.get("/api/v1/units", headers=bearer(token))
    assert res.status_code == 403 and res.json["required_scope"] == "read"
    created = client.post("/api/v1/units", headers=bearer(token), json=unit_payload(world.ids["east_t1"]))
    assert created.status_code == 201, created.json
    # ledger:write is not workflow:act
    case = client.post(
        "/api/v1/establishment-cases",
        headers=bearer(token),
        json={"unit_ids": [created.json["id"]], "form": "branch", "proposed_name": "测试党支部"},
    )
    assert case.status_code == 403 and case.json["required_scope"] == "workflow:act"


def test_a_scope_grants_nothing_the_role_may_not_do(app: Flask, client: FlaskClient, world: World) -> None:
    # A portal's full set: the admin-only endpoint still answers the role's plain 403 (no portal token could
    # hold `admin`: there is no scope to ask for).
    res = client.put("/api/v1/calendar/2027", headers=bearer(issue(app, world, "portal@east_t1", None)), json={})
    assert res.status_code == 403 and res.json["code"] == "forbidden" and "required_scope" not in res.json
    # A role the endpoint refuses, with a token that holds the scope: still the role's refusal.
    res = client.post(
        "/api/v1/units",
        headers=bearer(issue(app, world, "approver@east_t1", ["read"])),
        json=unit_payload(world.ids["east_t1"]),
    )
    assert res.status_code == 403 and res.json["code"] == "forbidden"
    res = client.get("/api/v1/audit", headers=bearer(issue(app, world, "portal@east_t1", ["read"])))
    assert res.status_code == 403 and res.json["code"] == "forbidden"
    # An admin's read-only token is refused the admin's own write for want of the scope.
    res = client.post(
        "/api/v1/jurisdictions",
        headers=bearer(issue(app, world, "admin@city", ["read"])),
        json={"code": "new_t", "name": "新镇", "kind": "township", "parent_id": world.ids["east"]},
    )
    assert res.status_code == 403 and res.json["required_scope"] == "admin"


def test_scope_is_checked_after_the_token_and_before_the_lookup(app: Flask, client: FlaskClient, world: World) -> None:
    token = issue(app, world, "approver@east_t1", ["read"])
    # an unknown token: 401, whatever the route
    assert client.post("/api/v1/tasks/999999/decide", headers=bearer("dj_nope"), json={}).status_code == 401
    # a task that does not exist: the scope refusal comes first and reveals nothing of it
    res = client.post("/api/v1/tasks/999999/decide", headers=bearer(token), json={})
    assert res.status_code == 403 and res.json["required_scope"] == "workflow:act"
    # unknown paths and methods stay 404 / 405
    assert client.post("/api/v1/no-such-thing", headers=bearer(token)).status_code == 404
    assert client.delete("/api/v1/units", headers=bearer(token)).status_code == 405


def test_every_route_refuses_a_token_without_its_scope_and_passes_one_with_only_it(
    app: Flask, client: FlaskClient, world: World
) -> None:
    """Walks every API route: a token of a role the matrix admits, holding all its role's scopes but the one
    required, gets 403 naming it; holding only that one, never the scope refusal."""
    rules = {rule.rule: rule for rule, _ in scopes.api_rules(app)}
    tokens: dict[tuple[str, frozenset[str]], str] = {}

    def token(role: str, held: frozenset[str]) -> str:
        if (role, held) not in tokens:
            tokens[(role, held)] = issue(app, world, f"{role}@city", sorted(held))
        return tokens[(role, held)]

    problems = []
    for row in sorted(MATRIX, key=lambda r: r.key):
        scope = scopes.scope_for(app, rules[row.rule], row.method).value
        role = sorted(row.allowed)[0]
        full = frozenset(s.value for s in role_scopes(role))
        path = concrete_path(row.rule, 999999)
        without = client.open(path, method=row.method, headers=bearer(token(role, full - {scope})), json={})
        if without.status_code != 403 or without.json.get("required_scope") != scope:
            problems.append(f"{row.id} without {scope}: {without.status_code} {without.get_data(as_text=True)[:200]}")
        only = client.open(path, method=row.method, headers=bearer(token(role, frozenset({scope}))), json={})
        refused = only.is_json and isinstance(only.json, dict) and only.json.get("code") == "insufficient_scope"
        if only.status_code >= 500 or refused:
            problems.append(f"{row.id} with only {scope}: {only.status_code}")
    assert not problems, "\n".join(problems)


def test_the_default_world_tokens_are_unaffected(api: Api, world: World) -> None:
    """Tokens with the full set (every world token) reach every role-permitted endpoint as before."""
    assert api.post("/api/v1/units", as_="portal@east_t1", json=unit_payload(world.ids["east_t1"])).status_code == 201
    assert api.get("/api/v1/calendar/2026", as_="approver@east").status_code == 200


# -- console sessions ----------------------------------------------------------------------------------------


def test_console_sessions_are_not_tokens(app: Flask, console: Console, world: World) -> None:
    """A user whose every token is read-only still acts in the console with their role's powers."""
    with app.app_context():
        for row in db.session.query(ApiToken).filter_by(user_id=world.users["admin@east"]):
            row.scopes = "read"
        db.session.commit()
    res = console.post(
        "/admin/jurisdictions",
        as_="admin@east",
        data={"code": "console_t", "name": "控制台镇", "kind": "township", "parent_id": world.ids["east"]},
    )
    assert res.status_code in (200, 302), res.get_data(as_text=True)[:500]
    with app.app_context():
        assert db.session.query(Jurisdiction).filter_by(code="console_t").count() == 1
        db.session.remove()


def test_the_console_token_form_offers_the_roles_scopes_ticked(console: Console, world: World) -> None:
    target = world.users["approver@east_t1"]
    page = console.get(f"/admin/users/{target}", as_="admin@east").get_data(as_text=True)
    offered = re.findall(r'name="scopes" value="([^"]+)" checked', page)
    assert offered == ["read", "workflow:act"]
    assert "只读查询" in page and "业务办理" in page and "台账维护" not in page.split('id="token-scopes"')[1]


def test_the_console_issues_a_token_with_the_ticked_scopes(app: Flask, console: Console, world: World) -> None:
    target = world.users["handler@east_t1"]
    res = console.post(
        f"/admin/users/{target}/tokens",
        as_="admin@east",
        data={"name": "只读门户", "scopes_offered": "1", "scopes": ["read"]},
    )
    assert res.status_code == 201
    with app.app_context():
        row = db.session.query(ApiToken).filter_by(user_id=target, name="只读门户").one()
        assert row.scopes == "read"
        db.session.remove()
    assert "只读查询" in res.get_data(as_text=True).split("<tbody>")[1]


def test_the_console_refuses_a_token_with_no_scope_and_keeps_what_was_typed(
    app: Flask, console: Console, world: World
) -> None:
    target = world.users["handler@east_t1"]
    before = fingerprint(app)
    res = console.post(
        f"/admin/users/{target}/tokens", as_="admin@east", data={"name": "空令牌", "scopes_offered": "1"}
    )
    assert res.status_code == 422
    page = res.get_data(as_text=True)
    assert "请选择1到4项权限范围" in page
    assert 'value="空令牌"' in page
    assert not re.findall(r'name="scopes" value="[^"]+" checked', page)  # as typed: none ticked
    assert fingerprint(app) == before


# -- the document ----------------------------------------------------------------------------------------------


def test_every_operation_states_its_scope_and_documents_the_403(app: Flask, client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").json
    derived = scopes.scope_map(app)
    seen = 0
    for rule, method in scopes.api_rules(app):
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        operation = doc["paths"][path][method.lower()]
        assert operation["x-token-scope"] == derived[(rule.endpoint, method)].value, (method, path)
        assert "insufficient_scope" in operation["responses"]["403"]["description"], (method, path)
        assert f"`{operation['x-token-scope']}`" in operation["responses"]["403"]["description"]
        seen += 1
    assert seen == len(derived)
    token = doc["components"]["schemas"]["Token"]["properties"]["scopes"]
    assert token["items"]["enum"] == sorted(ALL_SCOPES, key=[s.value for s in Scope].index)
