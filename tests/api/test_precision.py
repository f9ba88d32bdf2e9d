"""Issue 7 (API precision): bounded pagination on every list, `If-Match: *` refused on every PATCH,
Chinese field messages, the spec stating the rules the service enforces, documentation served offline.

Routes are discovered from the OpenAPI document and the url map, never listed by hand, so a new list or
PATCH route is covered (or the test says which one it cannot cover)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask.testing import FlaskClient
from flask_smorest import Blueprint as SmorestBlueprint

from service.api.pagination import Blueprint as BoundedBlueprint
from tests.support.factories import unit_payload
from tests.support.world import Api, World

HUGE = "9223372036854775807"  # was a 500 on PostgreSQL: bigint out of range in OFFSET
HAN = re.compile(r"[\u4e00-\u9fff]")


def spec(client: FlaskClient) -> dict[str, Any]:
    return dict(client.get("/api/openapi.json").json)


def paginated_paths(doc: dict[str, Any]) -> list[str]:
    out = []
    for path, item in doc["paths"].items():
        op = item.get("get")
        if op and {"page", "page_size"} <= {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}:
            out.append(path)
    return sorted(out)


def to_url(openapi_path: str) -> str:
    return re.sub(r"{[^}]+}", "1", openapi_path)


def field_messages(node: Any) -> list[str]:
    """Every message string inside an `errors` object (nested by location, field, index)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [m for v in node.values() for m in field_messages(v)]
    if isinstance(node, list):
        return [m for v in node for m in field_messages(v)]
    return []


# --- 1. pagination ------------------------------------------------------------------------------------


def test_every_paginated_view_uses_the_bounded_blueprint(app: Flask) -> None:
    """A blueprint built on flask-smorest's own class would paginate without the bounds."""
    bounded = {bp.name for bp in app.blueprints.values() if isinstance(bp, BoundedBlueprint)}
    assert len(bounded) >= 10
    paginated = set()
    for endpoint, view in app.view_functions.items():
        if "pagination" in getattr(view, "_apidoc", {}):
            paginated.add(endpoint)
            assert endpoint.split(".")[0] in bounded, endpoint
    assert len(paginated) >= 10
    assert all(isinstance(bp, SmorestBlueprint) for bp in app.blueprints.values() if bp.name in bounded)


def test_every_paginated_list_refuses_out_of_range_pages_with_422(api: Api) -> None:
    paths = paginated_paths(spec(api.client))
    assert len(paths) >= 10, paths
    bad = {
        f"page={HUGE}": "page",
        "page=0": "page",
        "page=-1": "page",
        "page=abc": "page",
        f"page_size={HUGE}": "page_size",
        "page_size=0": "page_size",
        "page_size=100000": "page_size",
        "page=100000&page_size=200": "page",  # inside the hard bound, past MAX_PAGINATION_OFFSET
    }
    for path in paths:
        for query, field in bad.items():
            res = api.get(f"{to_url(path)}?{query}")
            assert res.status_code == 422, (path, query, res.status_code, res.json)
            assert res.json["code"] == "validation_failed"
            messages = res.json["errors"]["query"][field]
            assert messages and all(HAN.search(m) for m in messages), (path, query, messages)


def test_offset_cap_edge_and_message(api: Api) -> None:
    """(page - 1) * page_size may reach MAX_PAGINATION_OFFSET (10000), not pass it."""
    at_cap = api.get("/api/v1/units?page=201&page_size=50")  # skips exactly 10000 rows
    assert at_cap.status_code == 200, at_cap.json
    assert at_cap.json == []
    assert json.loads(at_cap.headers["X-Pagination"])["total"] == 0
    past = api.get("/api/v1/units?page=202&page_size=50")
    assert past.status_code == 422
    (message,) = past.json["errors"]["query"]["page"]
    assert "10000" in message and "缩小筛选条件" in message


def test_offset_cap_is_a_setting(app: Flask, api: Api) -> None:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = type(settings)(**{**settings.__dict__, "max_pagination_offset": 100})
    try:
        assert api.get("/api/v1/units?page=3&page_size=50").status_code == 200
        assert api.get("/api/v1/units?page=4&page_size=50").status_code == 422
    finally:
        app.config["SETTINGS"] = settings


# --- 2. If-Match: * -----------------------------------------------------------------------------------


def _one_of_each(api: Api, world: World) -> dict[str, str]:
    """A resource behind every PATCH route prefix, with the role allowed to change it."""
    east_t1 = world.ids["east_t1"]
    unit = api.post("/api/v1/units", as_="portal@east", json=unit_payload(east_t1, formal_members=3)).json
    case = api.post(
        "/api/v1/establishment-cases",
        as_="portal@east",
        json={"unit_ids": [unit["id"]], "form": "branch", "proposed_name": "测试支部"},
    ).json
    ticket = api.post(
        "/api/v1/supervision-tickets",
        as_="supervisor@east",
        json={
            "title": "党组织覆盖工作推进滞后",
            "jurisdiction_id": east_t1,
            "responsible_person": "刘镇长",
            "problems": [{"description": "覆盖率偏低", "measure": "逐户排查"}],
            "rectification_workdays": 5,
        },
    ).json
    hook = api.post("/api/v1/webhooks", as_="admin@east", json={"url": "https://portal.example/", "events": ["*"]}).json
    return {
        f"/api/v1/jurisdictions/{east_t1}": "admin@city",
        f"/api/v1/units/{unit['id']}": "portal@east",
        f"/api/v1/users/{world.users['handler@east']}": "admin@city",
        f"/api/v1/establishment-cases/{case['id']}": "portal@east",
        f"/api/v1/supervision-tickets/{ticket['id']}": "supervisor@east",
        f"/api/v1/webhooks/{hook['id']}": "admin@east",
    }


def test_if_match_star_is_refused_on_every_patch_route(app: Flask, api: Api, world: World) -> None:
    targets = _one_of_each(api, world)
    patch_rules = sorted(r.rule for r in app.url_map.iter_rules() if "PATCH" in (r.methods or ()))
    assert len(patch_rules) >= 6
    for rule in patch_rules:
        prefix = rule.rsplit("/", 1)[0]
        matches = [url for url in targets if url.rsplit("/", 1)[0] == prefix]
        assert matches, f"no resource for PATCH {rule}: add one to _one_of_each"
        url, who = matches[0], targets[matches[0]]
        before = api.get(url, as_=who)
        assert before.status_code == 200, (url, before.json)
        for header in ("*", f'"x", *, {before.headers["ETag"]}'):
            res = api.patch(url, as_=who, json={}, headers={"If-Match": header})
            assert res.status_code == 428, (rule, header, res.status_code, res.json)
            assert res.json["code"] == "precondition_required"
            assert "*" in res.json["message"] and HAN.search(res.json["message"])
        after = api.get(url, as_=who)
        assert after.headers["ETag"] == before.headers["ETag"], rule  # nothing changed
        # the real ETag still works
        ok = api.patch(url, as_=who, json={}, headers={"If-Match": before.headers["ETag"]})
        assert ok.status_code == 200, (rule, ok.json)


def test_if_match_star_is_refused_on_actions_too(api: Api, world: World) -> None:
    """Actions take an optional If-Match; when sent it must name a version."""
    unit = api.post("/api/v1/units", as_="portal@east", json=unit_payload(world.ids["east_t1"], formal_members=3))
    case = api.post(
        "/api/v1/establishment-cases",
        as_="portal@east",
        json={"unit_ids": [unit.json["id"]], "form": "branch", "proposed_name": "测试支部"},
    ).json
    url = f"/api/v1/establishment-cases/{case['id']}"
    res = api.post(f"{url}/submit", as_="portal@east", headers={"If-Match": "*"})
    assert res.status_code == 428, res.json
    assert api.get(url, as_="portal@east").json["state"] == case["state"]


# --- 3. the document says what the service does ----------------------------------------------------------


def test_operations_taking_if_match_document_412_and_428(client: FlaskClient) -> None:
    doc = spec(client)
    seen = 0
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            if any(p["in"] == "header" and p["name"] == "If-Match" for p in op.get("parameters", [])):
                seen += 1
                assert {"412", "428"} <= set(op["responses"]), (method, path)
    assert seen >= 20


def test_text_rules_are_in_the_document(client: FlaskClient) -> None:
    """`text()` fields refuse control characters (all) and blank values (required ones): the document
    says so with `pattern` / `minLength`, and the patterns agree with the validators."""
    doc = spec(client)
    create = doc["components"]["schemas"]["UnitCreate"]["properties"]["name"]
    assert create["minLength"] == 1 and create["maxLength"] == 200
    pattern = re.compile(create["pattern"])
    assert pattern.search("华为技术有限公司") and pattern.search("a\tb\nc")
    for bad in ("", "   ", "\t\n", "a\x00b", "a\x1bb", "a\x85b"):
        assert not pattern.search(bad), repr(bad)
    optional = doc["components"]["schemas"]["UnitUpdate"]["properties"]["industry"]
    assert re.compile(optional["pattern"]).search("") and not re.compile(optional["pattern"]).search("\x07")


def test_token_body_is_optional_in_document_and_service(api: Api, world: World) -> None:
    doc = spec(api.client)
    body = doc["paths"]["/api/v1/users/{user_id}/tokens"]["post"]["requestBody"]
    assert body.get("required", False) is False
    url = f"/api/v1/users/{world.users['handler@east']}/tokens"
    assert api.post(url).status_code == 201  # no body at all
    assert api.post(url, json={}).json["name"] == "api"


def test_pagination_header_is_a_json_string(api: Api) -> None:
    res = api.get("/api/v1/units")
    raw = res.headers["X-Pagination"]
    assert isinstance(raw, str) and json.loads(raw)["total"] == 0


# --- 4. field messages in Chinese ----------------------------------------------------------------------


def test_field_messages_are_chinese_across_routes(api: Api, world: World) -> None:
    east_t1 = world.ids["east_t1"]
    unit = api.post("/api/v1/units", as_="portal@east", json=unit_payload(east_t1)).json
    etag = {"If-Match": api.get(f"/api/v1/units/{unit['id']}", as_="portal@east").headers["ETag"]}
    calls: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/api/v1/units", {"json": {}}),  # required
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "nope": 1}}),  # unknown field
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "employees": "many"}}),  # integer
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "employees": -1}}),  # range
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "name": "x" * 500}}),  # length
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "kind": "bank"}}),  # one of
        ("POST", "/api/v1/units", {"json": {**unit_payload(east_t1), "name": None}}),  # null
        ("POST", "/api/v1/units", {"json": [1, 2]}),  # not an object
        ("POST", "/api/v1/units", {"data": "{", "content_type": "application/json"}),  # malformed JSON
        ("PATCH", f"/api/v1/units/{unit['id']}", {"json": {"formal_members": 1.5}, "headers": etag}),
        ("GET", "/api/v1/units?in_scope=perhaps&jurisdiction_id=x&kind=bank", {}),  # query: bool, int, enum
        ("GET", "/api/v1/units?page=x&page_size=100000", {}),  # pagination
        ("POST", "/api/v1/users", {"json": {"username": "不合法 名字", "display_name": "", "role": "king"}}),
        ("POST", "/api/v1/jurisdictions", {"json": {"code": 1, "name": ["x"], "kind": None}}),
        ("POST", "/api/v1/supervision-tickets", {"json": {"title": "t", "problems": "x", "jurisdiction_id": "1"}}),
        ("POST", "/api/v1/supervision-tickets", {"json": {"title": "t", "problems": [{"description": 5}]}}),
        ("POST", "/api/v1/webhooks", {"json": {"url": "not a url", "events": "all", "active": "yes"}}),
        ("GET", "/api/v1/calendar/deadline?start=2026-13-40&workdays=x", {}),
        ("GET", "/api/v1/audit?subject_id=x&subject_type=nothing", {}),
    ]
    checked = 0
    for method, url, kw in calls:
        as_ = "admin@city" if "users" in url or "jurisdictions" in url else "portal@east"
        if "supervision" in url:
            as_ = "supervisor@east"
        if "audit" in url:
            as_ = "admin@city"
        kw.setdefault("headers", {})
        res = api.call(method, url, as_=as_, **kw)
        assert 400 <= res.status_code < 500, (method, url, res.status_code, res.json)
        messages = field_messages(res.json.get("errors"))
        assert messages, (method, url, res.json)
        english = [m for m in messages if m.isascii()]
        assert not english, (method, url, english)
        checked += len(messages)
    assert checked >= 30


# --- 5. documentation pages work offline -----------------------------------------------------------------


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs += [v for k, v in attrs if k in ("src", "href", "spec-url") and v]


def test_docs_pages_reference_no_other_host_and_their_assets_load(client: FlaskClient) -> None:
    for page in ("/api/docs", "/api/redoc"):
        res = client.get(page)
        assert res.status_code == 200, page
        html = res.get_data(as_text=True)
        assert not re.search(r"https?://", html), (page, re.findall(r"https?://[^\s\"'<>]+", html))
        parser = _Refs()
        parser.feed(html)
        assert len(parser.refs) >= 2, (page, parser.refs)
        for ref in parser.refs:
            parts = urlsplit(ref)
            assert not parts.netloc and ref.startswith("/"), (page, ref)
            asset = client.get(ref)
            assert asset.status_code == 200, (page, ref, asset.status_code)
            assert asset.content_length and asset.content_length > 100, (page, ref)
    assert "swagger-ui-bundle.js" in client.get("/api/docs").get_data(as_text=True)
    assert "redoc.standalone.js" in client.get("/api/redoc").get_data(as_text=True)
