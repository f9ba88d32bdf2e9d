"""Bad input never reaches the database and never answers 500.

Every case answers a 4xx in the one error shape, with a clear code and, where a field is to blame, the
field's messages; and every case changes nothing (row counts and the target unit are compared before and
after). Since nothing is written, the module shares one world instead of building it per case; only the
last test, which proves the valid bodies behind the cases really succeed, writes.

Decisions recorded here: control characters (C0/C1, except tab and line breaks) and lone surrogates in
text are refused with 422 (PostgreSQL cannot store NUL; no database can encode a lone surrogate); emoji
and other printable Unicode are accepted (see tests/api/test_units.py).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service import create_app
from service.auth import system_actor
from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import ApiToken, AuditEvent, Jurisdiction, PartyOrg, Unit, User
from service.operations.reference import jurisdictions, units, users
from tests.conftest import SessionApp, _truncate
from tests.support.factories import new_credit_code, new_unit, unit_payload
from tests.support.world import ROLES, WORLD_TREE, Api, World

UNITS = "/api/v1/units"
JURISDICTIONS = "/api/v1/jurisdictions"
USERS = "/api/v1/users"
MAX_ID = 2**31 - 1
ONE_MIB = 1024 * 1024
ERROR_KEYS = {"status", "code", "message", "errors", "request_id"}


@dataclass
class Shared:
    app: Flask
    api: Api
    target_id: int  # a unit in east_t1 that PATCH cases aim at

    @property
    def ids(self) -> dict[str, int]:
        return self.api.world.ids


@pytest.fixture(scope="module")
def shared(migrated: Settings, session_app: SessionApp) -> Iterator[Shared]:
    # Its own app and world, committed for the module (the requests here run outside any test transaction).
    session_app.ensure_empty()
    session_app.dirty = True  # not the shared world: rebuilt after this module
    app = create_app(migrated, clock=FixedClock(datetime(2026, 9, 25, 2, 0, tzinfo=UTC)))
    app.testing = True
    actor = system_actor("test")
    ids: dict[str, int] = {}
    tokens: dict[str, str] = {}
    user_ids: dict[str, int] = {}
    with app.app_context():
        for code, name, kind, parent in WORLD_TREE:
            ids[code] = jurisdictions.create(
                actor, NewJurisdiction(code=code, name=name, kind=kind, parent_id=ids[parent] if parent else None)
            ).id
        for place in ("city", "east", "east_t1", "west_t1"):
            for role in ROLES:
                key = f"{role}@{place}"
                user = users.create(
                    actor,
                    NewUser(username=key.replace("@", "."), display_name=key, role=role, jurisdiction_id=ids[place]),
                )
                user_ids[key] = user.id
                tokens[key] = users.issue_token(actor, user, "test")[1]
        target = units.create(actor, new_unit(ids["east_t1"], name="靶子企业", employees=60))
        target_id = target.id
    try:
        yield Shared(app, Api(app.test_client(), World(ids, tokens, user_ids)), target_id)
    finally:
        with app.app_context():
            _truncate()
            db.session.remove()
            db.engine.dispose()


def state(app: Flask, target_id: int) -> dict[str, Any]:
    """Everything a bad request could have touched."""
    with app.app_context():
        out: dict[str, Any] = {
            model.__tablename__: db.session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Unit, AuditEvent, Jurisdiction, User, ApiToken, PartyOrg)
        }
        row = db.session.get(Unit, target_id)
        assert row is not None
        out["target"] = {c.key: getattr(row, c.key) for c in Unit.__table__.columns}
        return out


@dataclass(frozen=True)
class Ref:
    """A world jurisdiction or user id, resolved when the case runs."""

    name: str


@dataclass(frozen=True)
class Case:
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)  # merged into a valid body
    drop: tuple[str, ...] = ()  # keys removed from the valid body
    body: Any = None  # a whole JSON body instead of a valid one (None: use the valid body)
    raw: bytes | str | None = None  # sent verbatim as application/json
    status: int = 422
    code: str = "validation_failed"
    field: str | None = None  # expected under errors.<location>
    location: str = "json"
    as_: str = "admin@city"


def case(id_: str, **kw: Any) -> Any:
    return pytest.param(Case(**kw), id=id_)


NULL_BODY = object()  # a JSON null as the whole body


def resolve(value: Any, shared: Shared) -> Any:
    if isinstance(value, Ref):
        world = shared.api.world
        return world.ids.get(value.name) or world.users[value.name]
    if isinstance(value, dict):
        return {k: resolve(v, shared) for k, v in value.items()}
    return value


def assert_error_shape(resp: Any, c: Case) -> dict[str, Any]:
    assert resp.status_code == c.status, resp.get_data(as_text=True)[:500]
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert isinstance(body, dict) and set(body) <= ERROR_KEYS, body
    assert body["status"] == c.status
    assert body["code"] == c.code, body
    assert isinstance(body["message"], str) and body["message"]
    assert body["request_id"] and body["request_id"] == resp.headers["X-Request-ID"]
    if c.field is not None:
        messages = body["errors"][c.location][c.field]
        assert messages and all(isinstance(m, str) and m for m in messages), body
    return dict(body)


def send_bad(
    shared: Shared, method: str, path: str, valid: dict[str, Any], c: Case, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    """Send the case, check the error, check that nothing changed."""
    before = state(shared.app, shared.target_id)
    if c.raw is not None:
        data: str | bytes = c.raw
    elif c.body is NULL_BODY:
        data = "null"
    elif c.body is not None:
        data = json.dumps(c.body)
    else:
        body = {**valid, **resolve(c.changes, shared)}
        for key in c.drop:
            body.pop(key)
        data = json.dumps(body)  # ASCII-escaped, so lone surrogates and NaN go over the wire as JSON allows
    h = {**(headers or {}), "Content-Type": "application/json"}
    resp = shared.api.call(method, path, as_=c.as_, headers=h, data=data)
    error = assert_error_shape(resp, c)
    assert state(shared.app, shared.target_id) == before
    return error


# Shared by POST and PATCH on units: bodies that are not JSON objects at all.
NOT_AN_OBJECT = [
    case("malformed-json", raw='{"name": ', status=400, code="malformed_json"),
    case("single-quotes", raw="{'name': 'x'}", status=400, code="malformed_json"),
    case("trailing-garbage", raw='{"name": "x"} x', status=400, code="malformed_json"),
    case("invalid-utf8", raw=b'{"name": "\xff\xfe"}', status=400, code="malformed_json"),
    case("nested-100k-deep", raw="[" * 100_000, status=400, code="malformed_json"),
    case("integer-5000-digits", raw='{"employees": ' + "9" * 5000 + "}", status=400, code="malformed_json"),
    case("json-array", body=[{"name": "x"}], field="_schema"),
    case("json-empty-array", body=[], field="_schema"),
    case("json-string", body="name", field="_schema"),
    case("json-number", body=42, field="_schema"),
    case("json-true", body=True, field="_schema"),
    case("json-null", body=NULL_BODY, field="_schema"),
    case("over-max-content-length", changes={"address": "x" * (ONE_MIB + 1)}, status=413, code="payload_too_large"),
]

# Field-level problems common to POST and PATCH on units.
UNIT_FIELDS = [
    case("employees-string", changes={"employees": "12"}, field="employees"),
    case("employees-float", changes={"employees": 1.5}, field="employees"),
    case("employees-true", changes={"employees": True}, field="employees"),
    case("employees-null", changes={"employees": None}, field="employees"),
    case("employees-nan", changes={"employees": float("nan")}, field="employees"),
    case("employees-negative", changes={"employees": -1}, field="employees"),
    case("formal-negative", changes={"formal_members": -3}, field="formal_members"),
    case("probationary-negative", changes={"probationary_members": -1}, field="probationary_members"),
    case("mobile-negative", changes={"mobile_members": -1}, field="mobile_members"),
    case("employees-over-max", changes={"employees": 10_000_001}, field="employees"),
    case("employees-2e63", changes={"employees": 2**63}, field="employees"),
    case("formal-10e30", changes={"formal_members": 10**30}, field="formal_members"),
    case("formal-string", changes={"formal_members": "3"}, field="formal_members"),
    case("name-number", changes={"name": 123}, field="name"),
    case("name-list", changes={"name": ["a"]}, field="name"),
    case("name-object", changes={"name": {"zh": "名称"}}, field="name"),
    case("name-null", changes={"name": None}, field="name"),
    case("name-blank", changes={"name": "   "}, field="name"),
    case("name-empty", changes={"name": ""}, field="name"),
    case("name-whitespace-only", changes={"name": "\t\n "}, field="name"),
    case("name-201", changes={"name": "名" * 201}, field="name"),
    case("name-10k", changes={"name": "x" * 10_001}, field="name"),
    case("address-10k", changes={"address": "x" * 10_001}, field="address"),
    case("industry-101", changes={"industry": "x" * 101}, field="industry"),
    case("investor-101", changes={"investor_or_head": "x" * 101}, field="investor_or_head"),
    case("no-org-reason-10k", changes={"no_org_reason": "x" * 10_001}, field="no_org_reason"),
    case("name-nul", changes={"name": "企业\x00名称"}, field="name"),
    case("name-bell", changes={"name": "企业\x07"}, field="name"),
    case("name-ansi-escape", changes={"name": "\x1b[31m企业"}, field="name"),
    case("name-del", changes={"name": "企业\x7f"}, field="name"),
    case("name-c1-control", changes={"name": "企业\x85"}, field="name"),
    case("address-nul", changes={"address": "路\x00"}, field="address"),
    case("name-lone-surrogate", changes={"name": "\ud800企业"}, field="name"),
    case("unknown-field", changes={"password": "x"}, field="password"),
    case("in-scope-not-writable", changes={"in_scope": True}, field="in_scope"),
    case("version-not-writable", changes={"version": 9}, field="version"),
    case("id-not-writable", changes={"id": 1}, field="id"),
    case("party-org-not-writable", changes={"party_org_id": 1}, field="party_org_id"),
    case("deregistered-at-not-writable", changes={"deregistered_at": "2026-01-01T00:00:00Z"}, field="deregistered_at"),
    case("kind-unknown", changes={"kind": "state_owned"}, field="kind"),
    case("kind-wrong-case", changes={"kind": "Enterprise"}, field="kind"),
    case("kind-number", changes={"kind": 1}, field="kind"),
    case("status-unknown", changes={"operating_status": "closed"}, field="operating_status"),
    case(
        "party-total-counts-probationary-as-formal",
        changes={"formal_members": 3, "probationary_members": 1, "party_members_total": 3},
        code="party_members_total_mismatch",
        field="party_members_total",
    ),
    case("party-total-negative", changes={"party_members_total": -1}, field="party_members_total"),
    case(
        "members-exceed-employees",
        changes={"employees": 3, "formal_members": 3, "probationary_members": 1},
        code="members_exceed_employees",
        field="formal_members",
    ),
    case(
        "mobile-exceed-employees",
        changes={"employees": 5, "formal_members": 0, "probationary_members": 0, "mobile_members": 6},
        code="mobile_exceed_employees",
        field="mobile_members",
    ),
    case("jurisdiction-0", changes={"jurisdiction_id": 0}, field="jurisdiction_id"),
    case("jurisdiction-negative", changes={"jurisdiction_id": -1}, field="jurisdiction_id"),
    case("jurisdiction-2e31", changes={"jurisdiction_id": 2**31}, field="jurisdiction_id"),
    case("jurisdiction-huge", changes={"jurisdiction_id": 10**20}, field="jurisdiction_id"),
    case("jurisdiction-string", changes={"jurisdiction_id": "4"}, field="jurisdiction_id"),
    case("jurisdiction-null", changes={"jurisdiction_id": None}, field="jurisdiction_id"),
    case("jurisdiction-missing", changes={"jurisdiction_id": MAX_ID}, status=404, code="not_found"),
    case(
        "jurisdiction-outside-scope",
        changes={"jurisdiction_id": Ref("west_t1")},
        as_="handler@east_t1",
        status=404,
        code="not_found",
    ),
    case("instructor-0", changes={"instructor_id": 0}, field="instructor_id"),
    case("instructor-missing", changes={"instructor_id": MAX_ID}, code="instructor_invalid", field="instructor_id"),
    case(
        "instructor-not-an-instructor",
        changes={"instructor_id": Ref("handler@east_t1")},
        code="instructor_invalid",
        field="instructor_id",
    ),
    case(
        "instructor-other-area",
        changes={"instructor_id": Ref("instructor@west_t1")},
        code="instructor_out_of_area",
        field="instructor_id",
    ),
    case(
        "credit-code-check",
        changes={"credit_code": "91350100M000100Y44"},
        code="credit_code_check",
        field="credit_code",
    ),
    case(
        "credit-code-length",
        changes={"credit_code": "91350100M000100Y4"},
        code="credit_code_length",
        field="credit_code",
    ),
    case(
        "credit-code-letter-O",
        changes={"credit_code": "91350100O000100Y43"},
        code="credit_code_characters",
        field="credit_code",
    ),
    case(
        "credit-code-nul",
        changes={"credit_code": "91350100M000100Y4\x00"},
        code="credit_code_characters",
        field="credit_code",
    ),
    case("credit-code-33", changes={"credit_code": "9" * 33}, field="credit_code"),
    case("credit-code-number", changes={"credit_code": 913501001}, field="credit_code"),
]

UNIT_CREATE_ONLY = [
    case("empty-object", body={}, field="credit_code"),
    case("missing-name", drop=("name",), field="name"),
    case("missing-credit-code", drop=("credit_code",), field="credit_code"),
    case("missing-employees", drop=("employees",), field="employees"),
    case("missing-jurisdiction", drop=("jurisdiction_id",), field="jurisdiction_id"),
    case(
        "create-deregistered",
        changes={"operating_status": "deregistered"},
        code="create_deregistered",
        field="operating_status",
    ),
    case(
        "duplicate-credit-code",
        changes={"credit_code": "TARGET"},
        status=409,
        code="duplicate_credit_code",
        field="credit_code",
    ),
    case("approver-may-not-write", as_="approver@east_t1", status=403, code="forbidden"),
    case("instructor-may-not-write", as_="instructor@city", status=403, code="forbidden"),
]

UNIT_PATCH_ONLY = [
    case(
        "members-exceed-stored-employees",
        changes={"formal_members": 60},
        code="members_exceed_employees",
        field="formal_members",
    ),
    case(
        "employees-below-stored-members",
        changes={"employees": 3},
        code="members_exceed_employees",
        field="formal_members",
    ),
    case(
        "duplicate-credit-code",
        changes={"credit_code": "OTHER"},
        status=409,
        code="duplicate_credit_code",
        field="credit_code",
    ),
    case("approver-may-not-write", as_="approver@east_t1", status=403, code="forbidden"),
    case("outside-scope", as_="handler@west_t1", status=404, code="not_found"),
]


def _valid_unit(shared: Shared) -> dict[str, Any]:
    return unit_payload(shared.ids["east_t1"])


def _target_code(shared: Shared) -> str:
    with shared.app.app_context():
        row = db.session.get(Unit, shared.target_id)
        assert row is not None
        return row.credit_code


@pytest.mark.parametrize("c", NOT_AN_OBJECT + UNIT_FIELDS + UNIT_CREATE_ONLY)
def test_bad_unit_create(shared: Shared, c: Case) -> None:
    if c.changes.get("credit_code") == "TARGET":
        c = dataclasses.replace(c, changes={"credit_code": _target_code(shared).lower()})
    send_bad(shared, "POST", UNITS, _valid_unit(shared), c)


@pytest.fixture(scope="module")
def other_unit_code(shared: Shared) -> Iterator[str]:
    """A second unit (created once, before the PATCH cases take their snapshots)."""
    with shared.app.app_context():
        code = new_credit_code()
        units.create(system_actor("test"), new_unit(shared.ids["east_t2"], credit_code=code))
    yield code


def _patch_headers(shared: Shared) -> dict[str, str]:
    """The current ETag, so a PATCH case fails only for what it sends."""
    return {"If-Match": shared.api.get(f"{UNITS}/{shared.target_id}").headers["ETag"]}


@pytest.mark.parametrize("c", NOT_AN_OBJECT + UNIT_FIELDS + UNIT_PATCH_ONLY)
def test_bad_unit_patch(shared: Shared, other_unit_code: str, c: Case) -> None:
    if c.changes.get("credit_code") == "OTHER":
        c = dataclasses.replace(c, changes={"credit_code": other_unit_code})
    # The valid body is a real change, so only the bad part can be why nothing changes.
    send_bad(
        shared, "PATCH", f"{UNITS}/{shared.target_id}", {"name": "合法的新名称"}, c, headers=_patch_headers(shared)
    )


@pytest.mark.parametrize(
    "path",
    ["/0", "/-1", "/abc", "/1.5", f"/{MAX_ID}", f"/{2**31}", f"/{2**63}", "/" + "9" * 5000],
    ids=["zero", "negative", "letters", "decimal", "max-id-missing", "2e31", "2e63", "5000-digits"],
)
@pytest.mark.parametrize("method", ["GET", "PATCH"])
def test_bad_unit_ids_in_the_path(shared: Shared, method: str, path: str) -> None:
    send_bad(
        shared,
        method,
        UNITS + path,
        {"name": "合法的新名称"},
        Case(status=404, code="not_found"),
        headers=_patch_headers(shared),
    )


@pytest.mark.parametrize(
    ("if_match", "status", "code"),
    [
        (None, 428, "precondition_required"),
        ("", 428, "precondition_required"),
        ("garbage", 412, "precondition_failed"),
        ('"ledger_units-1-v999"', 412, "precondition_failed"),
        ('"jurisdictions-1-v1"', 412, "precondition_failed"),
    ],
)
def test_bad_if_match(shared: Shared, if_match: str | None, status: int, code: str) -> None:
    headers = {} if if_match is None else {"If-Match": if_match}
    send_bad(
        shared,
        "PATCH",
        f"{UNITS}/{shared.target_id}",
        {"name": "合法的新名称"},
        Case(status=status, code=code),
        headers=headers,
    )


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("in_scope=maybe", "in_scope"),
        ("has_party_org=2", "has_party_org"),
        ("has_instructor=", "has_instructor"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page_size=0", "page_size"),
        ("page_size=201", "page_size"),
        ("sort=password", "sort"),
        ("sort=name;drop table ledger_units", "sort"),
        ("sort=-", "sort"),
        ("sort=name%0A", "sort"),
        ("jurisdiction_id=abc", "jurisdiction_id"),
        ("jurisdiction_id=0", "jurisdiction_id"),
        ("jurisdiction_id=1.5", "jurisdiction_id"),
        ("jurisdiction_id=99999999999999999999", "jurisdiction_id"),
        ("jurisdiction_id=" + "9" * 5000, "jurisdiction_id"),
        ("page=" + "9" * 5000, "page"),
        ("kind=state_owned", "kind"),
        ("operating_status=closed", "operating_status"),
        ("q=" + "x" * 101, "q"),
        ("q=%00", "q"),
        ("industry=%07", "industry"),
    ],
    ids=lambda v: v if len(v) <= 40 else f"{v[:24]}...({len(v)}-chars)",
)
def test_bad_query_strings(shared: Shared, query: str, param: str) -> None:
    c = Case(field=param, location="query")
    send_bad(shared, "GET", f"{UNITS}?{query}", {}, c)


def test_a_query_for_a_missing_jurisdiction_is_not_found(shared: Shared) -> None:
    send_bad(shared, "GET", f"{UNITS}?jurisdiction_id={MAX_ID}", {}, Case(status=404, code="not_found"))


# --- jurisdictions ----------------------------------------------------------------------------------------------

JURISDICTION_CASES = [
    case("malformed-json", raw="{", status=400, code="malformed_json"),
    case("json-array", body=[], field="_schema"),
    case("json-null", body=NULL_BODY, field="_schema"),
    case("over-max-content-length", changes={"name": "x" * (ONE_MIB + 1)}, status=413, code="payload_too_large"),
    case("empty-object", body={}, field="code"),
    case("code-with-space", changes={"code": "a b"}, field="code"),
    case("code-33", changes={"code": "x" * 33}, field="code"),
    case("code-empty", changes={"code": ""}, field="code"),
    case("code-trailing-newline", changes={"code": "abc\n"}, field="code"),
    case("code-chinese", changes={"code": "东县"}, field="code"),
    case("code-number", changes={"code": 123}, field="code"),
    case("name-blank", changes={"name": "   "}, field="name"),
    case("name-101", changes={"name": "x" * 101}, field="name"),
    case("name-10k", changes={"name": "x" * 10_001}, field="name"),
    case("name-nul", changes={"name": "镇\x00"}, field="name"),
    case("kind-unknown", changes={"kind": "village"}, field="kind"),
    case("kind-null", changes={"kind": None}, field="kind"),
    case("parent-0", changes={"parent_id": 0}, field="parent_id"),
    case("parent-negative", changes={"parent_id": -2}, field="parent_id"),
    case("parent-string", changes={"parent_id": "2"}, field="parent_id"),
    case("parent-2e31", changes={"parent_id": 2**31}, field="parent_id"),
    case("parent-missing", changes={"parent_id": MAX_ID}, status=404, code="not_found"),
    case("parent-outside-scope", changes={"parent_id": Ref("west")}, as_="admin@east", status=404, code="not_found"),
    case("parent-null", changes={"parent_id": None}, code="parent_required", field="parent_id"),
    case("parent-same-level", changes={"parent_id": Ref("east_t1")}, code="parent_level", field="parent_id"),
    case(
        "county-under-county",
        changes={"kind": "county", "parent_id": Ref("east")},
        code="parent_level",
        field="parent_id",
    ),
    case("duplicate-code", changes={"code": "east"}, status=409, code="duplicate_jurisdiction_code", field="code"),
    case("unknown-field", changes={"path": "/1/"}, field="path"),
    case("active-not-writable-on-create", changes={"active": False}, field="active"),
    case("handler-may-not-write", as_="handler@city", status=403, code="forbidden"),
]


@pytest.mark.parametrize("c", JURISDICTION_CASES)
def test_bad_jurisdiction_create(shared: Shared, c: Case) -> None:
    valid = {"code": "east_t9", "name": "东九镇", "kind": "township", "parent_id": shared.ids["east"]}
    send_bad(shared, "POST", JURISDICTIONS, valid, c)


# --- users ------------------------------------------------------------------------------------------------------

USER_CASES = [
    case("malformed-json", raw='{"username": "abc",}', status=400, code="malformed_json"),
    case("json-string", body="abc", field="_schema"),
    case("json-null", body=NULL_BODY, field="_schema"),
    case(
        "over-max-content-length", changes={"display_name": "x" * (ONE_MIB + 1)}, status=413, code="payload_too_large"
    ),
    case("username-too-short", changes={"username": "a"}, field="username"),
    case("username-65", changes={"username": "a" * 65}, field="username"),
    case("username-space", changes={"username": "zhang san"}, field="username"),
    case("username-trailing-newline", changes={"username": "zhangsan\n"}, field="username"),
    case("username-chinese", changes={"username": "张三"}, field="username"),
    case("username-number", changes={"username": 12345}, field="username"),
    case("display-name-blank", changes={"display_name": "  "}, field="display_name"),
    case("display-name-10k", changes={"display_name": "x" * 10_001}, field="display_name"),
    case("display-name-nul", changes={"display_name": "张\x00三"}, field="display_name"),
    case("role-unknown", changes={"role": "superuser"}, field="role"),
    case("role-wrong-case", changes={"role": "Admin"}, field="role"),
    case("role-null", changes={"role": None}, field="role"),
    case("jurisdiction-0", changes={"jurisdiction_id": 0}, field="jurisdiction_id"),
    case("jurisdiction-string", changes={"jurisdiction_id": "2"}, field="jurisdiction_id"),
    case("jurisdiction-float", changes={"jurisdiction_id": 2.0}, field="jurisdiction_id"),
    case("jurisdiction-missing", changes={"jurisdiction_id": MAX_ID}, status=404, code="not_found"),
    case(
        "jurisdiction-outside-scope",
        changes={"jurisdiction_id": Ref("west_t1")},
        as_="admin@east",
        status=404,
        code="not_found",
    ),
    case(
        "duplicate-username",
        changes={"username": "admin.city"},
        status=409,
        code="duplicate_username",
        field="username",
    ),
    case("unknown-field-password", changes={"password": "secret"}, field="password"),
    case("active-not-writable-on-create", changes={"active": False}, field="active"),
    case("supervisor-may-not-write", as_="supervisor@city", status=403, code="forbidden"),
]


@pytest.mark.parametrize("c", USER_CASES)
def test_bad_user_create(shared: Shared, c: Case) -> None:
    valid = {"username": "zhang.san", "display_name": "张三", "role": "handler", "jurisdiction_id": shared.ids["east"]}
    send_bad(shared, "POST", USERS, valid, c)


# --- the valid bodies really are valid --------------------------------------------------------------------------


def test_the_valid_bodies_used_above_succeed(shared: Shared) -> None:
    """Guards the cases: each differs from a body that works only by what the case changes."""
    api = shared.api
    before = state(shared.app, shared.target_id)
    created = api.post(UNITS, json=_valid_unit(shared), as_="handler@east_t1")
    assert created.status_code == 201, created.json
    patched = api.patch(
        f"{UNITS}/{shared.target_id}",
        json={"name": "合法的新名称"},
        as_="handler@east_t1",
        headers=_patch_headers(shared),
    )
    assert patched.status_code == 200, patched.json
    place = api.post(
        JURISDICTIONS, json={"code": "east_t9", "name": "东九镇", "kind": "township", "parent_id": shared.ids["east"]}
    )
    assert place.status_code == 201, place.json
    user = api.post(
        USERS,
        json={
            "username": "zhang.san",
            "display_name": "张三",
            "role": "handler",
            "jurisdiction_id": shared.ids["east"],
        },
    )
    assert user.status_code == 201, user.json
    after = state(shared.app, shared.target_id)
    assert after["ledger_units"] == before["ledger_units"] + 1
    assert after["jurisdictions"] == before["jurisdictions"] + 1
    assert after["users"] == before["users"] + 1
    assert after["audit_events"] == before["audit_events"] + 5  # the unit's 组建准备 is recorded too
    assert after["target"]["version"] == 2
    assert json.loads(api.get(f"{UNITS}?page_size=1").headers["X-Pagination"])["total"] == after["ledger_units"]
