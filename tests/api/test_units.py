"""Ledger units through HTTP: create, derived scope, credit codes, lists, the PATCH/ETag flow, deregistering.

Every test starts from the shared world and an empty ledger (conftest rolls each test back).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, PartyOrg, Unit
from tests.support.factories import new_credit_code, unit_payload
from tests.support.world import Api

UNITS = "/api/v1/units"
REAL_CODE = "91350100M000100Y43"  # a real, valid unified social credit code (check character 3)


def create(api: Api, place: str = "east_t1", as_: str = "handler@east_t1", **overrides: Any) -> Any:
    return api.post(UNITS, json=unit_payload(api.world.ids[place], **overrides), as_=as_)


def created(api: Api, place: str = "east_t1", as_: str = "handler@east_t1", **overrides: Any) -> dict[str, Any]:
    resp = create(api, place, as_, **overrides)
    assert resp.status_code == 201, resp.json
    return dict(resp.json)


def etag(unit_id: int, version: int) -> str:
    return f'"ledger_units-{unit_id}-v{version}"'


def patch(api: Api, unit: dict[str, Any], changes: dict[str, Any], as_: str = "handler@east_t1") -> Any:
    """PATCH with the ETag of the version the caller last saw."""
    return api.patch(
        f"{UNITS}/{unit['id']}", json=changes, as_=as_, headers={"If-Match": etag(unit["id"], unit["version"])}
    )


def audit_rows(app: Flask, unit_id: int) -> list[dict[str, Any]]:
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent)
            .where(AuditEvent.subject_type == "unit", AuditEvent.subject_id == unit_id)
            .order_by(AuditEvent.id)
        ).scalars()
        return [
            {
                "action": r.action,
                "actor_id": r.actor_id,
                "actor_label": r.actor_label,
                "jurisdiction_id": r.jurisdiction_id,
                "request_id": r.request_id,
                "state_before": r.state_before,
                "state_after": r.state_after,
            }
            for r in rows
        ]


def db_unit(app: Flask, unit_id: int) -> dict[str, Any]:
    with app.app_context():
        row = db.session.get(Unit, unit_id)
        assert row is not None
        return {c.key: getattr(row, c.key) for c in Unit.__table__.columns}


def listed(api: Api, query: str, as_: str = "admin@city") -> list[int]:
    resp = api.get(f"{UNITS}?{query}", as_=as_)
    assert resp.status_code == 200, resp.json
    return [u["id"] for u in resp.json]


def assert_error(resp: Any, status: int, code: str, field: str | None = None) -> None:
    assert resp.status_code == status, resp.get_data(as_text=True)
    body = resp.json
    assert body["status"] == status
    assert body["code"] == code
    assert body["message"]
    assert body["request_id"] == resp.headers["X-Request-ID"]
    if field is not None:
        assert body["errors"]["json"][field], body


# --- create ---------------------------------------------------------------------------------------------------


def test_create_answers_201_with_fields_etag_and_an_audit_record(api: Api, app: Flask) -> None:
    payload = unit_payload(api.world.ids["east_t1"], address="东一镇工业路1号", mobile_members=2)
    resp = api.post(UNITS, json=payload, as_="handler@east_t1")

    assert resp.status_code == 201, resp.json
    unit = resp.json
    for key in (
        "credit_code",
        "name",
        "kind",
        "industry",
        "address",
        "employees",
        "formal_members",
        "probationary_members",
        "mobile_members",
        "investor_or_head",
    ):
        assert unit[key] == payload[key], key
    assert unit["jurisdiction"] == {"id": api.world.ids["east_t1"], "code": "east_t1", "name": "东一镇"}
    assert unit["kind_label"] == "非公企业"
    assert unit["operating_status"] == "operating"
    assert unit["operating_status_label"] == "正常经营"
    assert unit["in_scope"] is True
    assert unit["version"] == 1
    assert unit["party_org_id"] is None and unit["instructor_id"] is None and unit["deregistered_at"] is None
    assert unit["created_at"] == "2026-09-25T02:00:00+00:00"  # the fixed clock
    assert resp.headers["ETag"] == etag(unit["id"], 1)

    [event] = audit_rows(app, unit["id"])
    assert event["action"] == "unit.create"
    assert event["request_id"] == resp.headers["X-Request-ID"]
    assert event["actor_id"] == api.world.users["handler@east_t1"]
    assert event["actor_label"] == "handler.east_t1"
    assert event["jurisdiction_id"] == api.world.ids["east_t1"]
    assert event["state_before"] is None
    after = event["state_after"]
    assert after["id"] == unit["id"]
    assert after["credit_code"] == payload["credit_code"]
    assert after["employees"] == 60 and after["in_scope"] is True and after["version"] == 1


def test_a_callers_request_id_is_kept_in_the_audit_trail(api: Api, app: Flask) -> None:
    resp = api.post(
        UNITS,
        json=unit_payload(api.world.ids["east_t1"]),
        as_="portal@east_t1",
        headers={"X-Request-ID": "portal-batch-42.7"},
    )
    assert resp.status_code == 201
    assert resp.headers["X-Request-ID"] == "portal-batch-42.7"
    assert [e["request_id"] for e in audit_rows(app, resp.json["id"])] == ["portal-batch-42.7"]


def test_the_audit_trail_is_readable_by_subject_through_the_api(api: Api) -> None:
    unit = created(api)
    resp = api.get(f"/api/v1/audit?subject_type=unit&subject_id={unit['id']}", as_="supervisor@city")
    assert resp.status_code == 200, resp.json
    assert [e["action"] for e in resp.json] == ["unit.create"]


@pytest.mark.parametrize("role", ["admin", "supervisor", "handler", "portal"])
def test_writer_roles_may_create(api: Api, role: str) -> None:
    assert create(api, as_=f"{role}@east_t1").status_code == 201


@pytest.mark.parametrize("role", ["approver", "instructor"])
def test_reader_roles_may_not_create_or_change(api: Api, app: Flask, role: str) -> None:
    assert_error(create(api, as_=f"{role}@east_t1"), 403, "forbidden")
    unit = created(api)
    assert_error(patch(api, unit, {"employees": 70}, as_=f"{role}@east_t1"), 403, "forbidden")
    assert db_unit(app, unit["id"])["employees"] == 60


def test_units_outside_the_callers_jurisdiction_are_not_found(api: Api, app: Flask) -> None:
    unit = created(api)
    assert_error(api.get(f"{UNITS}/{unit['id']}", as_="handler@west_t1"), 404, "not_found")
    assert_error(patch(api, unit, {"employees": 70}, as_="handler@west_t1"), 404, "not_found")
    assert_error(create(api, place="east_t1", as_="handler@west_t1"), 404, "not_found")
    assert db_unit(app, unit["id"])["employees"] == 60
    assert api.get(f"{UNITS}/{unit['id']}", as_="handler@east").status_code == 200  # the county sees below it


# --- in_scope derived at the edges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "employees", "expected"),
    [("enterprise", 49, False), ("enterprise", 50, True), ("social_org", 29, False), ("social_org", 30, True)],
)
def test_in_scope_is_derived_from_the_thresholds(api: Api, kind: str, employees: int, expected: bool) -> None:
    unit = created(api, kind=kind, employees=employees)
    assert unit["in_scope"] is expected
    assert api.get(f"{UNITS}/{unit['id']}").json["in_scope"] is expected


def test_a_suspended_unit_stays_in_scope(api: Api) -> None:
    assert created(api, operating_status="suspended", employees=50)["in_scope"] is True


def test_a_unit_cannot_be_created_deregistered(api: Api) -> None:
    assert_error(create(api, operating_status="deregistered"), 422, "create_deregistered", "operating_status")


def test_in_scope_is_not_writable(api: Api) -> None:
    resp = create(api, employees=10, in_scope=True)
    assert resp.status_code == 422
    assert "in_scope" in resp.json["errors"]["json"]


def test_changing_employees_across_the_threshold_flips_in_scope(api: Api, app: Flask) -> None:
    unit = created(api, employees=50)
    assert unit["in_scope"] is True

    down = patch(api, unit, {"employees": 49})
    assert down.status_code == 200, down.json
    assert down.json["in_scope"] is False
    up = patch(api, down.json, {"employees": 50})
    assert up.status_code == 200, up.json
    assert up.json["in_scope"] is True

    events = audit_rows(app, unit["id"])
    assert [e["action"] for e in events] == ["unit.create", "unit.update", "unit.update"]
    assert events[1]["state_before"] == {"employees": 50, "in_scope": True, "version": 1}
    assert events[1]["state_after"] == {"employees": 49, "in_scope": False, "version": 2}


def test_changing_kind_re_derives_in_scope(api: Api) -> None:
    unit = created(api, kind="enterprise", employees=40)
    assert unit["in_scope"] is False
    resp = patch(api, unit, {"kind": "social_org"})
    assert resp.status_code == 200
    assert resp.json["in_scope"] is True


# --- credit codes -----------------------------------------------------------------------------------------------


def test_a_real_credit_code_is_accepted(api: Api) -> None:
    assert created(api, credit_code=REAL_CODE)["credit_code"] == REAL_CODE


def test_lower_case_and_surrounding_spaces_are_normalised(api: Api) -> None:
    unit = created(api, credit_code=f"  {REAL_CODE.lower()} ")
    assert unit["credit_code"] == REAL_CODE
    assert api.get(f"{UNITS}/{unit['id']}").json["credit_code"] == REAL_CODE


def test_a_wrong_check_character_is_refused(api: Api, app: Flask) -> None:
    resp = create(api, credit_code=REAL_CODE[:17] + "4")
    assert_error(resp, 422, "credit_code_check", "credit_code")
    assert listed(api, "") == []


@pytest.mark.parametrize("code", [REAL_CODE[:17], REAL_CODE + "0", "", "9" * 32])
def test_a_wrong_length_is_refused(api: Api, code: str) -> None:
    assert_error(create(api, credit_code=code), 422, "credit_code_length", "credit_code")


def test_an_absurdly_long_credit_code_is_refused_by_the_schema(api: Api) -> None:
    assert_error(create(api, credit_code="9" * 33), 422, "validation_failed", "credit_code")


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_letters_outside_the_alphabet_are_refused(api: Api, letter: str) -> None:
    code = REAL_CODE[:8] + letter + REAL_CODE[9:]  # replaces the M
    resp = create(api, credit_code=code)
    assert_error(resp, 422, "credit_code_characters", "credit_code")
    assert letter in resp.json["errors"]["json"]["credit_code"][0]


def test_a_duplicate_credit_code_is_a_conflict(api: Api) -> None:
    first = created(api, credit_code=REAL_CODE)
    assert_error(create(api, credit_code=REAL_CODE), 409, "duplicate_credit_code", "credit_code")
    # Normalisation happens before the uniqueness check.
    assert_error(
        create(api, place="west_t1", as_="handler@west_t1", credit_code=REAL_CODE.lower()),
        409,
        "duplicate_credit_code",
        "credit_code",
    )
    assert listed(api, "") == [first["id"]]


def test_patching_onto_another_units_credit_code_is_a_conflict(api: Api, app: Flask) -> None:
    first = created(api, credit_code=REAL_CODE)
    second = created(api)
    assert_error(patch(api, second, {"credit_code": REAL_CODE}), 409, "duplicate_credit_code", "credit_code")
    assert db_unit(app, second["id"])["credit_code"] == second["credit_code"]
    assert db_unit(app, second["id"])["version"] == 1
    # Re-sending a unit's own code is no conflict.
    resp = patch(api, first, {"credit_code": REAL_CODE.lower(), "name": "改名"})
    assert resp.status_code == 200, resp.json
    assert resp.json["credit_code"] == REAL_CODE


def test_patching_a_credit_code_validates_it(api: Api) -> None:
    unit = created(api)
    assert_error(patch(api, unit, {"credit_code": REAL_CODE[:17] + "4"}), 422, "credit_code_check", "credit_code")
    code = new_credit_code()
    resp = patch(api, unit, {"credit_code": code.lower()})
    assert resp.status_code == 200
    assert resp.json["credit_code"] == code


# --- list filters -----------------------------------------------------------------------------------------------


@pytest.fixture
def ledger(api: Api) -> dict[str, dict[str, Any]]:
    return {
        "t1_big": created(api, "east_t1", name="Alpha 机械", employees=120),
        "t1_small": created(api, "east_t1", name="Beta 商贸", employees=12, formal_members=1, probationary_members=0),
        "t2_social": created(api, "east_t2", as_="handler@east", name="Gamma 协会", kind="social_org", employees=35),
        "west": created(api, "west_t1", as_="handler@west_t1", name="Delta 物流", employees=80),
    }


def test_jurisdiction_filter_covers_the_subtree(api: Api, ledger: dict[str, dict[str, Any]]) -> None:
    ids = api.world.ids
    east = {ledger["t1_big"]["id"], ledger["t1_small"]["id"], ledger["t2_social"]["id"]}
    assert set(listed(api, f"jurisdiction_id={ids['east']}")) == east
    assert set(listed(api, f"jurisdiction_id={ids['east_t1']}")) == {ledger["t1_big"]["id"], ledger["t1_small"]["id"]}
    assert set(listed(api, f"jurisdiction_id={ids['city']}")) == east | {ledger["west"]["id"]}
    assert listed(api, f"jurisdiction_id={ids['east_ic']}") == []


def test_the_list_is_limited_to_the_callers_scope(api: Api, ledger: dict[str, dict[str, Any]]) -> None:
    assert set(listed(api, "", as_="approver@east_t1")) == {ledger["t1_big"]["id"], ledger["t1_small"]["id"]}
    assert listed(api, "", as_="handler@west_t1") == [ledger["west"]["id"]]


def test_a_jurisdiction_filter_outside_scope_is_not_found(api: Api, ledger: dict[str, dict[str, Any]]) -> None:
    ids = api.world.ids
    assert_error(api.get(f"{UNITS}?jurisdiction_id={ids['west']}", as_="handler@east"), 404, "not_found")
    # A body above the caller is outside its scope too.
    assert_error(api.get(f"{UNITS}?jurisdiction_id={ids['east']}", as_="handler@east_t1"), 404, "not_found")
    assert_error(api.get(f"{UNITS}?jurisdiction_id=2147483647"), 404, "not_found")


def test_kind_and_in_scope_filters(api: Api, ledger: dict[str, dict[str, Any]]) -> None:
    assert listed(api, "kind=social_org") == [ledger["t2_social"]["id"]]
    assert set(listed(api, "kind=enterprise")) == {ledger[k]["id"] for k in ("t1_big", "t1_small", "west")}
    assert listed(api, "in_scope=false") == [ledger["t1_small"]["id"]]
    assert set(listed(api, "in_scope=true&jurisdiction_id=" + str(api.world.ids["east"]))) == {
        ledger["t1_big"]["id"],
        ledger["t2_social"]["id"],
    }


def test_has_party_org_filter(api: Api, app: Flask, ledger: dict[str, dict[str, Any]]) -> None:
    with app.app_context():
        org = PartyOrg(
            name="Alpha 机械党支部",
            kind="branch",
            jurisdiction_id=api.world.ids["east_t1"],
            status="active",
            founded_on=date(2025, 7, 1),
            term_years=3,
        )
        db.session.add(org)
        db.session.flush()
        unit = db.session.get(Unit, ledger["t1_big"]["id"])
        assert unit is not None
        unit.party_org_id = org.id
        db.session.commit()

    assert listed(api, "has_party_org=true") == [ledger["t1_big"]["id"]]
    assert set(listed(api, "has_party_org=false")) == {ledger[k]["id"] for k in ("t1_small", "t2_social", "west")}
    got = api.get(f"{UNITS}/{ledger['t1_big']['id']}").json
    assert got["party_org_id"] is not None
    assert "no_org_reason" not in got["missing_clears"]  # an organisation answers the fifth clear


def test_has_instructor_filter_and_instructor_assignment(api: Api, ledger: dict[str, dict[str, Any]]) -> None:
    small = ledger["t1_small"]
    resp = patch(api, small, {"instructor_id": api.world.users["instructor@east_t1"]})
    assert resp.status_code == 200, resp.json
    assert resp.json["instructor_id"] == api.world.users["instructor@east_t1"]

    assert listed(api, "has_instructor=true") == [small["id"]]
    assert small["id"] not in listed(api, "has_instructor=false")
    assert len(listed(api, "has_instructor=false")) == 3


def test_an_instructor_from_above_may_serve(api: Api) -> None:
    unit = created(api)
    resp = patch(api, unit, {"instructor_id": api.world.users["instructor@east"]})
    assert resp.status_code == 200, resp.json


@pytest.mark.parametrize(
    ("user", "code"),
    [
        ("instructor@west_t1", "instructor_out_of_area"),
        ("handler@east_t1", "instructor_invalid"),
        ("approver@city", "instructor_invalid"),
    ],
)
def test_an_instructor_from_elsewhere_or_a_non_instructor_is_refused(
    api: Api, app: Flask, user: str, code: str
) -> None:
    unit = created(api)
    assert_error(patch(api, unit, {"instructor_id": api.world.users[user]}), 422, code, "instructor_id")
    assert_error(create(api, instructor_id=api.world.users[user]), 422, code, "instructor_id")
    assert db_unit(app, unit["id"])["instructor_id"] is None
    assert listed(api, "") == [unit["id"]]


def test_an_instructor_that_does_not_exist_is_refused(api: Api) -> None:
    assert_error(create(api, instructor_id=2_000_000_000), 422, "instructor_invalid", "instructor_id")


# --- search, sort, pagination -----------------------------------------------------------------------------------


def test_q_searches_names_and_credit_code_prefixes(api: Api) -> None:
    a = created(api, name="青山机械有限公司", credit_code=REAL_CODE)
    b = created(api, name="绿水商贸有限公司")
    assert listed(api, "q=机械") == [a["id"]]
    assert set(listed(api, "q=有限公司")) == {a["id"], b["id"]}
    assert listed(api, f"q={REAL_CODE[:10]}") == [a["id"]]
    assert listed(api, f"q={REAL_CODE[:10].lower()}") == [a["id"]]  # codes are searched upper-cased
    assert listed(api, f"q={REAL_CODE[2:10]}") == []  # a prefix, not a substring
    assert listed(api, "q=不存在") == []


def test_q_treats_like_wildcards_literally(api: Api) -> None:
    created(api, name="普通企业")
    pct = created(api, name="百分之100%企业")
    assert listed(api, "q=%25") == [pct["id"]]
    assert listed(api, "q=_") == []


def test_sort_by_employees_descending_then_name_with_id_tie_break(api: Api) -> None:
    b1 = created(api, name="Beta", employees=80)
    a = created(api, name="Alpha", employees=80)
    c = created(api, name="Gamma", employees=200)
    b2 = created(api, name="Beta", employees=80)
    d = created(api, name="Delta", employees=10)
    assert listed(api, "sort=-employees,name") == [c["id"], a["id"], b1["id"], b2["id"], d["id"]]
    assert listed(api, "sort=name") == [a["id"], b1["id"], b2["id"], d["id"], c["id"]]
    assert listed(api, "") == listed(api, "sort=name")  # name is the default
    assert listed(api, "sort=-name") == [c["id"], d["id"], b1["id"], b2["id"], a["id"]]  # id still ascending


def test_pagination_totals_are_in_the_header(api: Api) -> None:
    ids = [created(api, name=f"Unit {i}")["id"] for i in range(5)]
    first = api.get(f"{UNITS}?page_size=2")
    assert first.status_code == 200
    meta = json.loads(first.headers["X-Pagination"])
    assert meta["total"] == 5
    assert meta["total_pages"] == 3
    assert meta["page"] == 1
    assert [u["id"] for u in first.json] == ids[:2]

    last = api.get(f"{UNITS}?page_size=2&page=3")
    assert json.loads(last.headers["X-Pagination"])["page"] == 3
    assert [u["id"] for u in last.json] == ids[4:]
    filtered = api.get(f"{UNITS}?page_size=2&q=Unit 1")
    assert json.loads(filtered.headers["X-Pagination"])["total"] == 1


@pytest.mark.parametrize("query", ["page_size=201", "page_size=0", "page=0"])
def test_page_bounds_are_validated(api: Api, query: str) -> None:
    resp = api.get(f"{UNITS}?{query}")
    assert resp.status_code == 422
    assert resp.json["code"] == "validation_failed"
    assert resp.json["errors"]["query"][query.split("=")[0]]


def test_page_size_200_is_allowed(api: Api) -> None:
    created(api)
    assert api.get(f"{UNITS}?page_size=200").status_code == 200


# --- PATCH, ETags, deregistering --------------------------------------------------------------------------------


def test_patch_without_if_match_is_428_and_changes_nothing(api: Api, app: Flask) -> None:
    unit = created(api)
    resp = api.patch(f"{UNITS}/{unit['id']}", json={"name": "新名称"}, as_="handler@east_t1")
    assert_error(resp, 428, "precondition_required")
    row = db_unit(app, unit["id"])
    assert row["name"] == unit["name"] and row["version"] == 1
    assert [e["action"] for e in audit_rows(app, unit["id"])] == ["unit.create"]


def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(api: Api, app: Flask) -> None:
    unit = created(api)
    assert patch(api, unit, {"name": "第一次修改"}).status_code == 200
    stale = patch(api, unit, {"name": "第二次修改"})  # still carries v1
    assert_error(stale, 412, "precondition_failed")
    row = db_unit(app, unit["id"])
    assert row["name"] == "第一次修改" and row["version"] == 2
    assert [e["action"] for e in audit_rows(app, unit["id"])] == ["unit.create", "unit.update"]


def test_patch_with_the_current_etag_succeeds_and_audits_only_the_changes(api: Api, app: Flask) -> None:
    unit = created(api)
    read = api.get(f"{UNITS}/{unit['id']}")
    assert read.headers["ETag"] == etag(unit["id"], 1)

    resp = api.patch(
        f"{UNITS}/{unit['id']}",
        json={"name": "新名称", "address": "新地址"},
        as_="supervisor@east",
        headers={"If-Match": read.headers["ETag"]},
    )
    assert resp.status_code == 200, resp.json
    assert resp.headers["ETag"] == etag(unit["id"], 2)
    assert resp.json["version"] == 2
    assert resp.json["name"] == "新名称" and resp.json["address"] == "新地址"
    assert resp.json["employees"] == unit["employees"]

    event = audit_rows(app, unit["id"])[-1]
    assert event["action"] == "unit.update"
    assert event["request_id"] == resp.headers["X-Request-ID"]
    assert event["actor_id"] == api.world.users["supervisor@east"]
    assert event["state_before"] == {"name": unit["name"], "address": None, "version": 1}
    assert event["state_after"] == {"name": "新名称", "address": "新地址", "version": 2}


def test_if_match_star_is_refused(api: Api) -> None:
    """`*` names no version: accepting it would switch the lost-update check off (issue 7)."""
    unit = created(api)
    assert patch(api, unit, {"employees": 61}).status_code == 200
    star = api.patch(f"{UNITS}/{unit['id']}", json={"employees": 62}, as_="handler@east_t1", headers={"If-Match": "*"})
    assert star.status_code == 428
    assert star.json["code"] == "precondition_required"
    assert api.get(f"{UNITS}/{unit['id']}", as_="handler@east_t1").headers["ETag"] == etag(unit["id"], 2)


def test_patch_counts_are_checked_against_the_stored_values(api: Api, app: Flask) -> None:
    unit = created(api, employees=60, formal_members=3, probationary_members=1)
    assert_error(patch(api, unit, {"formal_members": 60}), 422, "members_exceed_employees", "formal_members")
    assert_error(patch(api, unit, {"employees": 3}), 422, "members_exceed_employees", "formal_members")
    assert db_unit(app, unit["id"])["version"] == 1


def test_deregistering_leaves_scope_and_freezes_the_row(api: Api, app: Flask) -> None:
    unit = created(api, employees=300)
    assert unit["in_scope"] is True

    resp = patch(api, unit, {"operating_status": "deregistered"})
    assert resp.status_code == 200, resp.json
    gone = resp.json
    assert gone["in_scope"] is False
    assert gone["operating_status"] == "deregistered"
    assert gone["operating_status_label"] == "已注销"
    assert gone["deregistered_at"] == "2026-09-25T02:00:00+00:00"
    assert gone["version"] == 2

    event = audit_rows(app, unit["id"])[-1]
    assert event["action"] == "unit.deregister"
    assert event["state_before"]["operating_status"] == "operating"
    assert event["state_before"]["deregistered_at"] is None
    assert event["state_after"]["in_scope"] is False

    # Final: any further change, even with the current ETag, is refused.
    for changes in ({"employees": 10}, {"operating_status": "operating"}, {"name": "复活"}):
        assert_error(patch(api, gone, changes), 409, "unit_deregistered", "operating_status")
    row = db_unit(app, unit["id"])
    assert row["version"] == 2 and row["operating_status"] == "deregistered"
    assert len(audit_rows(app, unit["id"])) == 2

    # The history is kept and readable.
    read = api.get(f"{UNITS}/{unit['id']}", as_="approver@east_t1")
    assert read.status_code == 200
    assert read.json["operating_status"] == "deregistered"
    assert listed(api, "operating_status=deregistered") == [unit["id"]]
    assert listed(api, "in_scope=true") == []


def test_if_none_match_answers_304_until_the_unit_changes(api: Api) -> None:
    unit = created(api)
    tag = etag(unit["id"], 1)
    cached = api.get(f"{UNITS}/{unit['id']}", headers={"If-None-Match": tag})
    assert cached.status_code == 304
    assert cached.headers["ETag"] == tag
    assert cached.get_data() == b""

    assert patch(api, unit, {"employees": 70}).status_code == 200
    fresh = api.get(f"{UNITS}/{unit['id']}", headers={"If-None-Match": tag})
    assert fresh.status_code == 200
    assert fresh.headers["ETag"] == etag(unit["id"], 2)
    assert fresh.json["employees"] == 70


# --- the five clears --------------------------------------------------------------------------------------------


def test_missing_clears_lists_what_the_row_does_not_answer(api: Api) -> None:
    bare = created(api, investor_or_head=None)
    assert bare["missing_clears"] == ["investor_or_head", "no_org_reason"]
    blank_head = created(api, investor_or_head="   ", no_org_reason="正式党员不足3名，已派指导员")
    assert blank_head["missing_clears"] == ["investor_or_head"]
    complete = created(api, investor_or_head="李四", no_org_reason="正式党员不足3名")
    assert complete["missing_clears"] == []

    resp = patch(api, bare, {"investor_or_head": "王五", "no_org_reason": "筹建中"})
    assert resp.status_code == 200
    assert resp.json["missing_clears"] == []


# --- printable Unicode is kept as sent --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["企业😀", "家庭👨‍👩‍👧服务社", "Ｆｕｌｌｗｉｄｔｈ企业", "عربي企业\u200f", "e\u0301cole 企业", "𠀀𪚥企业"],
    ids=["emoji", "zwj-sequence", "fullwidth", "rtl-mark", "combining-accent", "cjk-extension-b"],
)
def test_printable_unicode_names_are_accepted_and_round_trip(api: Api, name: str) -> None:
    """Decision: emoji, joiners, format marks and astral CJK are legitimate in names; only control
    characters are refused (tests/api/test_bad_input.py)."""
    unit = created(api, name=name, address=f"{name}路1号")
    assert unit["name"] == name
    got = api.get(f"{UNITS}/{unit['id']}").json
    assert got["name"] == name and got["address"] == f"{name}路1号"
    assert listed(api, f"q={name[:2]}") == [unit["id"]]


def test_text_may_hold_line_breaks_and_tabs_but_not_control_characters(api: Api) -> None:
    assert created(api, no_org_reason="第一行\n第二行\t缩进")["no_org_reason"] == "第一行\n第二行\t缩进"
    assert_error(create(api, no_org_reason="响铃\x07"), 422, "validation_failed", "no_org_reason")
