"""The OpenAPI document describes every /api/v1 endpoint, its errors, bodies, preconditions and pagination."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from service.api.etag import IF_MATCH_SCHEMA
from service.api.pagination import DEFAULT_MAX_OFFSET
from tests.api.test_access import ALL, MATRIX, api_rules

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
# Builds the document in a fresh interpreter and writes its bytes to stdout; on stderr, how many marshmallow
# schema instances were deep-copied and how many blueprints create_app() left undocumented. With `eager`,
# flask-smorest's own behaviour: deep copies, and each blueprint documented as it is registered.
BUILD_DOCUMENT = """
import copy, sys
import marshmallow

copies = []
marshmallow.Schema.__deepcopy__ = lambda self, memo: copies.append(1) or copy.copy(self)
import flask_smorest
from service.api import Api, apidoc

if sys.argv[1] == "eager":
    assert "service.api.pagination" not in sys.modules  # its views are decorated after the switch below
    for module in apidoc.COPYING_MODULES:
        module.deepcopy = copy.deepcopy
    apidoc.copy_doc = copy.deepcopy
    Api.register_blueprint = flask_smorest.Api.register_blueprint
from service import create_app

app = create_app()
print("built:", len(copies), len(app.extensions["api"]._pending), file=sys.stderr)
sys.stdout.buffer.write(app.test_client().get("/api/openapi.json").data)
"""
ERROR_REF = "#/components/schemas/Error"


@pytest.fixture
def doc(client: FlaskClient) -> dict[str, Any]:
    res = client.get("/api/openapi.json")
    assert res.status_code == 200
    assert res.mimetype == "application/json"
    return res.json


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path, item in doc["paths"].items():
        if path.startswith("/api/v1/"):
            out.extend((method, path, op) for method, op in item.items() if method in HTTP_METHODS)
    return out


def resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        parts = node["$ref"].lstrip("#/").split("/")
        target: Any = doc
        for part in parts:
            target = target[part]
        node = target
    return node


def response_schema_ref(doc: dict[str, Any], response: dict[str, Any]) -> str | None:
    response = resolve(doc, response)
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return schema.get("$ref")


def parameters(item: dict[str, Any], op: dict[str, Any]) -> list[dict[str, Any]]:
    return [*item.get("parameters", []), *op.get("parameters", [])]


def test_document_is_served_without_a_token(client: FlaskClient) -> None:
    res = client.get("/api/openapi.json")
    assert res.status_code == 200
    assert res.json["openapi"].startswith("3.")
    assert res.json["info"]["title"] == "Dangjian Flow API"


def test_the_document_is_valid_openapi(doc: dict[str, Any]) -> None:
    """A portal's generator and validators read it (openapi-spec-validator raises on the first error)."""
    validate(doc)


def test_an_interview_states_its_two_ways_to_name_a_subject(doc: dict[str, Any]) -> None:
    alternatives = doc["components"]["schemas"]["InterviewCreate"]["oneOf"]
    assert [a["required"] for a in alternatives] == [["ticket_id"], ["subject_type", "subject_id"]]
    assert alternatives[1]["properties"]["subject_type"]["enum"] == ["establishment", "jurisdiction"]


def test_bearer_security_is_declared(doc: dict[str, Any]) -> None:
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}
    assert doc["security"] == [{"bearerAuth": []}]


def test_error_schema_is_the_one_error_shape(doc: dict[str, Any]) -> None:
    props = doc["components"]["schemas"]["Error"]["properties"]
    assert set(props) == {"status", "code", "message", "errors", "detail", "required_scope", "request_id"}
    assert props["status"]["type"] == "integer"
    assert props["errors"]["type"] == "object"
    assert props["detail"]["type"] == "object" and "threshold" in props["detail"]["description"]


def test_every_api_rule_is_documented_with_its_methods(app: Flask, doc: dict[str, Any]) -> None:
    documented = {(method.upper(), path) for method, path, _ in operations(doc)}
    expected = {(method, openapi_path(rule)) for method, rule in api_rules(app)}
    missing = expected - documented
    assert not missing, f"undocumented endpoints: {sorted(missing)}"
    extra = documented - expected
    assert not extra, f"documented endpoints that do not exist: {sorted(extra)}"
    # path parameters are declared for every {name} in the path
    for path, item in doc["paths"].items():
        names = set(re.findall(r"{([^}]+)}", path))
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            declared = {p["name"] for p in parameters(item, op) if p["in"] == "path"}
            assert declared == names, (method, path)


def test_every_operation_documents_401_and_errors_with_the_error_schema(doc: dict[str, Any]) -> None:
    ops = operations(doc)
    assert len(ops) >= 18
    for method, path, op in ops:
        responses = op["responses"]
        assert "401" in responses, (method, path)
        for status, response in responses.items():
            if status == "default" or int(status) >= 400:
                assert response_schema_ref(doc, response) == ERROR_REF, (method, path, status)
                assert resolve(doc, response)["description"], (method, path, status)
        successes = [s for s in responses if s != "default" and int(s) < 300]
        assert successes, (method, path)


def test_operations_document_the_errors_they_can_answer(app: Flask, doc: dict[str, Any]) -> None:
    by_key = {(row.method, openapi_path(row.rule)): row for row in MATRIX}
    for method, path, op in operations(doc):
        responses = op["responses"]
        # (an endpoint without a matrix row fails test_access.test_matrix_covers_every_api_rule instead)
        row = by_key.get((method.upper(), path))
        if row is not None and row.allowed != ALL:
            assert "403" in responses, f"{method} {path} refuses some roles but does not document 403"
        if "{" in path:
            assert "404" in responses, f"{method} {path} addresses a resource but does not document 404"
        has_query = any(p["in"] == "query" for p in parameters(doc["paths"][path], op))
        takes_body = "requestBody" in op
        if takes_body or has_query:
            assert "422" in responses, f"{method} {path} validates input but does not document 422"
        if takes_body:
            assert "400" in responses, f"{method} {path} takes JSON but does not document 400"


def json_body_views(app: Flask) -> set[tuple[str, str]]:
    """(method, OpenAPI path) of every /api/v1 view that parses a JSON body (flask-smorest `arguments`)."""
    out = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        apidoc = getattr(app.view_functions[rule.endpoint], "_apidoc", {})
        params = apidoc.get("arguments", {}).get("parameters", [])
        # A body: JSON, or a multipart upload (document templates).
        if any(p.get("location") in (None, "json", "files") for p in params):
            for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
                out.add((method.lower(), openapi_path(rule.rule)))
    return out


def test_every_post_put_and_patch_has_a_request_body_schema(app: Flask, doc: dict[str, Any]) -> None:
    """Every write that takes input documents its body's schema; PUT and PATCH always take one; a POST
    without input (an action such as submit or claim) documents none."""
    takes_json = json_body_views(app)
    with_body = 0
    for method, path, op in operations(doc):
        if method not in {"post", "put", "patch"}:
            continue
        body = op.get("requestBody")
        if method in {"put", "patch"}:
            assert (method, path) in takes_json, f"{method} {path} takes no body"
        if (method, path) not in takes_json:
            assert body is None, f"{method} {path} documents a body it does not read"
            continue
        with_body += 1
        assert body, f"{method} {path} reads a JSON body but documents no requestBody"
        content = body["content"]
        schema = (content.get("application/json") or content["multipart/form-data"])["schema"]
        assert schema.get("$ref", "").startswith("#/components/schemas/"), (method, path)
        target = resolve(doc, schema)
        assert target.get("properties"), (method, path)
        if method in {"put", "patch"} or target.get("required"):
            assert body.get("required") is True, (method, path)
    assert with_body >= 8
    # the CRUD creates name their required fields
    for path in ("/api/v1/jurisdictions", "/api/v1/units", "/api/v1/users", "/api/v1/establishment-cases"):
        schema = resolve(doc, doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"])
        assert schema["required"], path


def test_patch_operations_document_if_match_412_and_428(doc: dict[str, Any]) -> None:
    patches = [(path, op) for method, path, op in operations(doc) if method == "patch"]
    assert {
        "/api/v1/jurisdictions/{jurisdiction_id}",
        "/api/v1/units/{unit_id}",
        "/api/v1/users/{user_id}",
    } <= {path for path, _ in patches}
    for path, op in patches:
        headers = [p for p in parameters(doc["paths"][path], op) if p["in"] == "header"]
        if_match = [p for p in headers if p["name"] == "If-Match"]
        assert len(if_match) == 1, path
        assert if_match[0]["required"] is True
        assert if_match[0]["schema"] == IF_MATCH_SCHEMA  # `*`, refused with 428, is outside its pattern
        assert "412" in op["responses"], path
        assert "428" in op["responses"], path
        assert "200" in op["responses"], path


PAGINATED = {
    "/api/v1/jurisdictions",
    "/api/v1/units",
    "/api/v1/party-orgs",
    "/api/v1/users",
    "/api/v1/audit",
    "/api/v1/establishment-cases",
    "/api/v1/tasks/inbox",
}
# Lists answered whole because they are short by nature; a new list must be paginated or added here knowingly.
UNPAGINATED = {
    "/api/v1/users/{user_id}/tokens",
    "/api/v1/establishment-cases/form-options",
    "/api/v1/approval-routes",
    "/api/v1/workflows",
    "/api/v1/me/opinions",  # bounded by SAVED_OPINIONS_MAX (30)
    # A subject's attachments: at most ATTACHMENT_MAX_SUBJECT_FILES (100) in force, plus the withdrawn ones.
    "/api/v1/establishment-cases/{subject_id}/attachments",
    "/api/v1/supervision-tickets/{subject_id}/attachments",
    "/api/v1/interviews/{subject_id}/attachments",
    "/api/v1/instructor-visits/{subject_id}/attachments",
}


def test_list_operations_document_pagination(doc: dict[str, Any]) -> None:
    lists, paginated = set(), set()
    for method, path, op in operations(doc):
        ok = op["responses"].get("200")
        if method != "get" or ok is None:
            continue
        content = resolve(doc, ok).get("content", {}).get("application/json")
        if content is None or content["schema"].get("type") != "array":
            continue
        lists.add(path)
        params = {p["name"]: p for p in parameters(doc["paths"][path], op) if p["in"] == "query"}
        if {"page", "page_size"} <= set(params):
            paginated.add(path)
            assert params["page"]["schema"]["minimum"] == 1
            assert params["page"]["schema"]["default"] == 1
            # The deepest page the largest page size reaches: a page the document allows is never refused.
            deepest = DEFAULT_MAX_OFFSET // params["page_size"]["schema"]["maximum"] + 1
            assert params["page"]["schema"]["maximum"] == deepest, path
            assert "MAX_PAGINATION_OFFSET" in params["page"]["description"], path
            assert 1 <= params["page_size"]["schema"]["default"] <= params["page_size"]["schema"]["maximum"], path
            # The header is sent as a JSON string (json.dumps): documented as a string that holds JSON.
            header = resolve(doc, resolve(doc, ok)["headers"]["X-Pagination"])
            assert header["schema"] == {"type": "string"}, path
            for key in ("total", "total_pages", "page", "next_page"):
                assert f"`{key}`" in header["description"], (path, key)
    assert paginated >= PAGINATED
    unexplained = lists - paginated - UNPAGINATED
    assert not unexplained, f"list operations without pagination parameters: {sorted(unexplained)}"


def build_document(way: str, tmp_path: Path) -> tuple[bytes, list[int]]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"INSTANCE_DIR": str(tmp_path / way), "DATABASE_URL": f"sqlite:///{tmp_path / way}.db"}
    done = subprocess.run(
        [sys.executable, "-c", BUILD_DOCUMENT, way], env=env, capture_output=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    counts = re.search(r"^built: (\d+) (\d+)$", done.stderr.decode(), re.MULTILINE)
    assert counts, done.stderr.decode()
    return done.stdout, [int(n) for n in counts.groups()]


def test_the_document_built_on_first_use_is_flask_smorests_own_byte_for_byte(tmp_path: Path) -> None:
    """Start-up neither deep-copies schemas nor documents the blueprints (service/api/apidoc.py); the document
    served is still exactly the one flask-smorest builds at registration with its deep copies."""
    eager, (eager_copies, eager_pending) = build_document("eager", tmp_path)
    lazy, (lazy_copies, lazy_pending) = build_document("lazy", tmp_path)
    assert eager_copies > 1000 and eager_pending == 0  # the baseline really is the expensive way
    assert lazy_copies == 0, "a schema instance was deep-copied while building the app"
    assert lazy_pending > 20, "create_app() documented the blueprints instead of leaving it to the first request"
    assert b'"/api/v1/jurisdictions"' in lazy
    assert lazy == eager


def _schemas_with(doc: dict[str, Any], fmt: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == fmt and node.get("type") == "string":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return found


def test_date_inputs_state_the_date_window_as_a_pattern(doc: dict[str, Any]) -> None:
    """Every date and instant the API reads lies in DATE_MIN_YEAR–DATE_MAX_YEAR: its pattern says so, both ends
    (a date field of a response has no pattern: the window applies to what comes in)."""
    dates = [s for s in _schemas_with(doc, "date") if "pattern" in s]
    instants = [s for s in _schemas_with(doc, "date-time") if "pattern" in s]
    assert len(dates) >= 20 and len(instants) >= 2
    for schema in dates:
        pattern = re.compile(schema["pattern"])
        assert pattern.match("2000-01-01") and pattern.match("2100-12-31") and pattern.match("2026-02-28")
        assert not pattern.match("1999-12-31") and not pattern.match("2101-01-01") and not pattern.match("9999-12-31")
        if "description" in schema:  # (a query parameter's description is the parameter's own)
            assert "2000-01-01–2100-12-31" in schema["description"]
    for schema in instants:
        pattern = re.compile(schema["pattern"])
        assert pattern.match("2026-10-08T10:00:00+08:00") and pattern.match("2100-12-31T23:59:59+08:00")
        assert pattern.match("2000-01-01T00:00:00Z")  # 08:00 in Beijing
        assert not pattern.match("2100-12-31T23:00:00Z")  # 2101-01-01 in Beijing: refused
        assert not pattern.match("2000-01-01T00:00:00+09:00")  # 1999-12-31 in Beijing: refused
        assert not pattern.match("2101-01-01T00:00:00+08:00")


def test_the_document_follows_the_settings_in_force(tmp_path: Path) -> None:
    """The date window and the deepest page come from the app's settings, not the defaults."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'settings.db'}"}
    env |= {"DATE_MIN_YEAR": "2020", "DATE_MAX_YEAR": "2030", "MAX_PAGINATION_OFFSET": "1000"}
    script = "from service import create_app; import sys; "
    script += "sys.stdout.buffer.write(create_app().test_client().get('/api/openapi.json').data)"
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    page = next(p for p in doc["paths"]["/api/v1/units"]["get"]["parameters"] if p["name"] == "page")
    assert page["schema"]["maximum"] == 1000 // 200 + 1
    dates = [s for s in _schemas_with(doc, "date") if "pattern" in s]
    assert dates
    for schema in dates:
        assert re.match(schema["pattern"], "2030-12-31") and not re.match(schema["pattern"], "2031-01-01")


@pytest.mark.commits  # a second app, on its own connection
def test_a_second_app_in_the_process_keeps_its_own_document(app: Flask, client: FlaskClient) -> None:
    """Each app documents its own settings: a later app with another window (a test's, a CLI's) must not replace
    the document the first one serves, whichever of them builds its document first."""
    import dataclasses

    from service import create_app
    from service.config import DateWindow
    from service.extensions import db

    other = create_app(dataclasses.replace(app.config["SETTINGS"], date_window=DateWindow(2010, 2030)))
    try:
        narrow = other.test_client().get("/api/openapi.json").json
        own = client.get("/api/openapi.json").json
        for doc, first, last in ((narrow, "2010-01-01", "2030-12-31"), (own, "2000-01-01", "2100-12-31")):
            dates = [s for s in _schemas_with(doc, "date") if "pattern" in s]
            assert dates
            for schema in dates:
                assert re.match(schema["pattern"], first) and re.match(schema["pattern"], last)
        assert not re.match(next(s for s in _schemas_with(narrow, "date") if "pattern" in s)["pattern"], "2031-01-01")
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
