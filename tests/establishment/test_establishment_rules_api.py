"""The establishment rules through the API: every refusal names its rule (422 / 409) and creates nothing;
the edges on the allowed side are accepted."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from flask import Flask

from tests.support.establishment import (
    CASES,
    UNITS,
    approve_level,
    approved_branch,
    assert_error,
    audit_actions,
    case_total,
    create_case,
    found,
    founded_branch,
    get_case,
    make_unit,
    meeting,
    new_case,
    org_total,
    submit,
    table_counts,
)
from tests.support.world import Api

Units = list[tuple[str, dict[str, int]]]

REFUSED: list[tuple[str, Units, str, dict[str, Any], str]] = [
    ("branch-2-formal", [("east_t1", {"formal_members": 2})], "branch", {}, "branch_needs_more_formal"),
    (
        "branch-probationary-not-counted",
        [("east_t1", {"formal_members": 2, "probationary_members": 5})],
        "branch",
        {},
        "branch_needs_more_formal",
    ),
    ("branch-51-without-reason", [("east_t1", {"formal_members": 51})], "branch", {}, "branch_oversize_needs_reason"),
    (
        "branch-51-blank-reason",
        [("east_t1", {"formal_members": 51})],
        "branch",
        {"branch_oversize_reason": "  "},
        "branch_oversize_needs_reason",
    ),
    (
        "branch-two-units",
        [("east_t1", {"formal_members": 3}), ("east_t1", {"formal_members": 4})],
        "branch",
        {},
        "form_needs_single_unit",
    ),
    ("general-50", [("east_t1", {"formal_members": 50})], "general_branch", {}, "general_branch_needs_more_formal"),
    (
        "general-50-plus-probationary",
        [("east_t1", {"formal_members": 50, "probationary_members": 10})],
        "general_branch",
        {},
        "general_branch_needs_more_formal",
    ),
    (
        "primary-99",
        [("east_t1", {"formal_members": 99})],
        "primary_committee",
        {},
        "primary_committee_needs_more_formal",
    ),
    (
        "primary-99-plus-probationary",
        [("east_t1", {"formal_members": 99, "probationary_members": 30})],
        "primary_committee",
        {},
        "primary_committee_needs_more_formal",
    ),
    ("joint-one-unit", [("east_t1", {"formal_members": 2})], "joint_branch", {}, "joint_too_few_units"),
    ("joint-four-units", [("east_t1", {"formal_members": 1})] * 4, "joint_branch", {}, "joint_too_many_units"),
    (
        "joint-cross-county",
        [("east_t1", {"formal_members": 1}), ("west_t1", {"formal_members": 2})],
        "joint_branch",
        {},
        "joint_cross_county",
    ),
    (
        "joint-unit-can-stand-alone",
        [("east_t1", {"formal_members": 3}), ("east_t1", {"formal_members": 1})],
        "joint_branch",
        {},
        "joint_unit_can_stand_alone",
    ),
    (
        "joint-total-below-3",
        [("east_t1", {"formal_members": 1}), ("east_t2", {"formal_members": 1})],
        "joint_branch",
        {},
        "joint_needs_more_formal_total",
    ),
    (
        "joint-probationary-not-counted",
        [("east_t1", {"formal_members": 1, "probationary_members": 4}), ("east_t1", {"formal_members": 1})],
        "joint_branch",
        {},
        "joint_needs_more_formal_total",
    ),
    (
        "functional-3-mobile",
        [("east_t1", {"formal_members": 3, "mobile_members": 3})],
        "functional_org",
        {},
        "functional_needs_more_mobile",
    ),
]

ACCEPTED: list[tuple[str, Units, str, dict[str, Any], str]] = [
    ("branch-3", [("east_t1", {"formal_members": 3, "probationary_members": 0})], "branch", {}, "east_t1"),
    ("branch-50", [("east_t1", {"formal_members": 50})], "branch", {}, "east_t1"),
    ("general-51", [("east_t1", {"formal_members": 51})], "general_branch", {}, "east_t1"),
    (
        "branch-51-with-reason",
        [("east_t1", {"formal_members": 51})],
        "branch",
        {"branch_oversize_reason": "生产一线集中，便于组织生活"},
        "east_t1",
    ),
    ("primary-100", [("east_t1", {"formal_members": 100})], "primary_committee", {}, "east_t1"),
    (
        "joint-two-units",
        [("east_t1", {"formal_members": 1}), ("east_t1", {"formal_members": 2})],
        "joint_branch",
        {},
        "east_t1",
    ),
    (
        "joint-three-units-two-townships",
        [("east_t1", {"formal_members": 1}), ("east_t2", {"formal_members": 1}), ("east_t1", {"formal_members": 1})],
        "joint_branch",
        {},
        "east",
    ),
    ("functional-4-mobile", [("east_t1", {"formal_members": 3, "mobile_members": 4})], "functional_org", {}, "east_t1"),
]


def _units(api: Api, units: Units) -> list[int]:
    # admin@city reaches both counties (the cross-county joint request needs it).
    return [make_unit(api, place, as_="admin@city", employees=500, **counts)["id"] for place, counts in units]


def _options(api: Api, ids: list[int]) -> dict[str, dict[str, Any]]:
    r = api.get(f"{CASES}/form-options?" + "&".join(f"unit_ids={i}" for i in ids), as_="admin@city")
    assert r.status_code == 200, r.json
    return {o["form"]: o for o in r.json}


@pytest.mark.parametrize(("units", "form", "extra", "code"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_requests_name_the_rule_and_create_nothing(
    api: Api, app: Flask, units: Units, form: str, extra: dict[str, Any], code: str
) -> None:
    ids = _units(api, units)
    option = _options(api, ids)[form]
    if code == "branch_oversize_needs_reason":
        assert option["allowed"] is True and option["needs_reason"] is True
    else:
        assert option["allowed"] is False and option["code"] == code
    before = table_counts(app, "establishment_cases", "establishment_case_units", "audit_events")
    r = create_case(api, ids, form, as_="admin@city", **extra)
    assert_error(r, 422, code)
    assert r.json["message"]  # a readable Chinese reason
    assert table_counts(app, "establishment_cases", "establishment_case_units", "audit_events") == before


@pytest.mark.parametrize(("units", "form", "extra", "body"), [r[1:] for r in ACCEPTED], ids=[r[0] for r in ACCEPTED])
def test_accepted_edges(api: Api, units: Units, form: str, extra: dict[str, Any], body: str) -> None:
    ids = _units(api, units)
    assert _options(api, ids)[form]["allowed"] is True
    case = new_case(api, ids, form, as_="admin@city", **extra)
    assert case["state"] == "preparing"
    assert case["jurisdiction"]["code"] == body
    assert case["formal_total"] == sum(c["formal_members"] for _, c in units)
    assert submit(api, case["id"], as_="admin@city")["steps"][0]["status"] == "pending"


def test_a_changed_threshold_shows_in_the_message_and_the_detail(
    api: Api, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same as ESTABLISHMENT_SETTINGS='{"primary_committee_min_formal": 80}' at start-up.
    settings = app.config["SETTINGS"]
    changed = replace(settings, establishment=replace(settings.establishment, primary_committee_min_formal=80))
    monkeypatch.setitem(app.config, "SETTINGS", changed)
    small = make_unit(api, employees=500, formal_members=79)["id"]
    option = _options(api, [small])["primary_committee"]
    assert option["code"] == "primary_committee_needs_more_formal" and "达到80名" in option["reason"]
    r = create_case(api, [small], "primary_committee")
    assert_error(r, 422, "primary_committee_needs_more_formal")
    assert r.json["message"] == "正式党员79名，须达到80名才能成立基层党委"
    assert r.json["detail"] == {"threshold": 80, "formal_members": 79}
    assert r.json["errors"] == {"json": {"form": [r.json["message"]]}}
    enough = make_unit(api, employees=500, formal_members=80)["id"]
    assert new_case(api, [enough], "primary_committee")["state"] == "preparing"


def test_the_oversize_reason_field_is_named_for_the_rule_not_the_number(api: Api) -> None:
    uid = make_unit(api, employees=500, formal_members=51)["id"]
    r = create_case(api, [uid], "branch", branch_over_50_reason="旧字段")
    assert r.status_code == 422 and "branch_over_50_reason" in r.json["errors"]["json"], r.json
    r = create_case(api, [uid], "branch")
    assert_error(r, 422, "branch_oversize_needs_reason")
    assert list(r.json["errors"]["json"]) == ["branch_oversize_reason"]
    assert r.json["detail"] == {"soft_max": 50, "formal_members": 51}
    case = new_case(api, [uid], "branch", branch_oversize_reason="生产一线集中，便于组织生活")
    assert case["branch_oversize_reason"] == "生产一线集中，便于组织生活"
    assert "branch_over_50_reason" not in case
    assert "branch_over_50_reason" not in get_case(api, case["id"])


def test_rule_refusals_without_numbers_carry_no_detail(api: Api) -> None:
    uid = make_unit(api, formal_members=5)["id"]
    r = create_case(api, [uid, uid], "branch")
    assert_error(r, 422, "duplicate_units")
    assert "detail" not in r.json


def test_unit_with_a_party_org_is_refused(api: Api) -> None:
    case = founded_branch(api)
    unit_id = case["units"][0]["id"]
    before = case_total(api)
    assert_error(create_case(api, [unit_id], "branch"), 409, "unit_has_party_org")
    partner = make_unit(api, formal_members=1)
    assert_error(create_case(api, [unit_id, partner["id"]], "joint_branch"), 409, "unit_has_party_org")
    assert case_total(api) == before


def test_unit_in_an_open_case_is_refused_until_that_case_is_withdrawn(api: Api) -> None:
    a, b = make_unit(api, formal_members=1), make_unit(api, formal_members=2)
    first = new_case(api, [a["id"], b["id"]], "joint_branch")
    before = case_total(api)
    c = make_unit(api, formal_members=2)
    assert_error(create_case(api, [a["id"], c["id"]], "joint_branch"), 409, "unit_has_open_case")
    submit(api, first["id"])
    assert_error(create_case(api, [b["id"], c["id"]], "joint_branch"), 409, "unit_has_open_case")
    assert case_total(api) == before
    # Editing another case to take the busy unit is refused too.
    other = new_case(api, [c["id"], make_unit(api, formal_members=1)["id"]], "joint_branch")
    etag = api.get(f"{CASES}/{other['id']}", as_="portal@east").headers["ETag"]
    r = api.patch(
        f"{CASES}/{other['id']}", as_="portal@east", json={"unit_ids": [c["id"], b["id"]]}, headers={"If-Match": etag}
    )
    assert_error(r, 409, "unit_has_open_case")

    w = api.post(f"{CASES}/{first['id']}/withdraw", as_="portal@east", json={"reason": "改为与其他单位联合"})
    assert w.status_code == 200, w.json
    again = new_case(api, [a["id"], make_unit(api, formal_members=2)["id"]], "joint_branch")
    assert again["state"] == "preparing"


def test_duplicate_units_are_refused(api: Api) -> None:
    a = make_unit(api, formal_members=1)
    assert_error(create_case(api, [a["id"], a["id"]], "joint_branch"), 422, "duplicate_units")
    assert case_total(api) == 0


def _deregister(api: Api, unit_id: int) -> None:
    etag = api.get(f"{UNITS}/{unit_id}", as_="portal@east").headers["ETag"]
    r = api.patch(
        f"{UNITS}/{unit_id}", as_="portal@east", json={"operating_status": "deregistered"}, headers={"If-Match": etag}
    )
    assert r.status_code == 200, r.json


def test_deregistered_unit_is_refused(api: Api) -> None:
    unit = make_unit(api, formal_members=5)
    _deregister(api, unit["id"])
    assert_error(create_case(api, [unit["id"]], "branch"), 422, "unit_deregistered")
    assert case_total(api) == 0


def test_unit_deregistered_while_preparing_cannot_be_submitted(api: Api) -> None:
    unit = make_unit(api, formal_members=5)
    case = new_case(api, [unit["id"]], "branch")
    _deregister(api, unit["id"])
    assert_error(api.post(f"{CASES}/{case['id']}/submit", as_="portal@east"), 422, "unit_deregistered")
    assert get_case(api, case["id"])["state"] == "preparing"


def test_unit_deregistered_after_approval_cannot_be_founded(api: Api) -> None:
    case = approved_branch(api, formal=5)
    _deregister(api, case["units"][0]["id"])
    before = org_total(api)
    assert_error(found(api, case["id"], meeting(5)), 422, "unit_deregistered")
    assert get_case(api, case["id"])["state"] == "approved"
    assert org_total(api) == before


# -- the founding general meeting ------------------------------------------------------------------------------

NAMES = ["王书记", "李委员", "张委员", "赵委员", "钱委员", "孙委员", "周委员", "吴委员"]


def _elected(n: int, votes: int) -> list[dict[str, Any]]:
    return [{"name": name, "votes": votes} for name in NAMES[:n]]


def _meeting(entitled: int, present: int, elected: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {
        "held_on": "2026-09-25",
        "entitled": entitled,
        "present": present,
        "secretary": "王书记",
        "elected": elected,
        **kw,
    }


FOUNDING_REFUSED_10: list[tuple[str, dict[str, Any], str]] = [
    ("exactly-four-fifths-present", _meeting(10, 8, _elected(3, 8)), "meeting_quorum_not_met"),
    ("present-above-entitled", _meeting(10, 11, _elected(3, 8)), "meeting_present_exceeds_entitled"),
    ("entitled-above-formal", _meeting(11, 11, _elected(3, 11)), "entitled_exceeds_members"),
    (
        "exactly-half-the-votes",
        _meeting(10, 10, [*_elected(2, 10), {"name": "张委员", "votes": 5}]),
        "candidate_not_elected",
    ),
    ("votes-above-present", _meeting(10, 9, _elected(3, 10)), "votes_exceed_present"),
    ("secretary-only-with-10-formal", _meeting(10, 10, _elected(1, 10)), "committee_required"),
    ("committee-of-2", _meeting(10, 10, _elected(2, 10)), "committee_too_small"),
    ("committee-of-6-without-reason", _meeting(10, 10, _elected(6, 10)), "committee_oversize_needs_reason"),
    ("secretary-not-elected", {**_meeting(10, 10, _elected(3, 10)), "secretary": "外来人"}, "secretary_not_elected"),
    ("meeting-in-the-future", _meeting(10, 10, _elected(3, 10), held_on="2026-09-26"), "meeting_in_future"),
]


def test_founding_meeting_rules_with_ten_formal_members(api: Api, app: Flask) -> None:
    case = approved_branch(api, formal=10)
    cid = case["id"]
    before = table_counts(app, "party_orgs", "audit_events")
    for label, payload, code in FOUNDING_REFUSED_10:
        r = found(api, cid, payload)
        assert r.status_code == 422 and r.json["code"] == code, (label, r.json)
    assert table_counts(app, "party_orgs", "audit_events") == before
    after = get_case(api, cid)
    assert after["state"] == "approved" and after["party_org_id"] is None and after["general_meeting"] is None

    # Nine of ten present (more than 4/5) and five votes of nine (more than half): valid.
    ok = found(api, cid, _meeting(10, 9, _elected(3, 5)))
    assert ok.status_code == 200, ok.json
    assert ok.json["state"] == "founded"
    assert ok.json["general_meeting"]["present"] == 9
    org = api.get(f"/api/v1/party-orgs/{ok.json['party_org_id']}", as_="portal@east").json
    assert org["committee_size"] == 3 and org["secretary_name"] == "王书记"
    assert audit_actions(api, cid)[-1] == "establishment.found"


@pytest.mark.parametrize(
    ("formal", "elected", "extra", "code"),
    [
        (6, 3, {}, "committee_not_allowed"),
        (6, 1, {}, None),
        (7, 1, {}, "committee_required"),
        (7, 3, {}, None),
        (10, 5, {}, None),
        (10, 6, {"oversize_reason": "下设多个车间党小组"}, None),
        (10, 8, {"oversize_reason": "规模较大"}, "committee_too_large"),
    ],
    ids=[
        "6-formal-committee",
        "6-formal-secretary",
        "7-formal-secretary",
        "7-formal-committee-3",
        "10-formal-committee-5",
        "10-formal-committee-6-with-reason",
        "10-formal-committee-8",
    ],
)
def test_committee_size_follows_formal_members(
    api: Api, formal: int, elected: int, extra: dict[str, Any], code: str | None
) -> None:
    case = approved_branch(api, formal=formal)
    r = found(api, case["id"], _meeting(formal, formal, _elected(elected, formal), **extra))
    if code is None:
        assert r.status_code == 200, r.json
        org = api.get(f"/api/v1/party-orgs/{r.json['party_org_id']}", as_="portal@east").json
        assert org["committee_size"] == (elected if elected > 1 else 0)
    else:
        assert_error(r, 422, code)
        assert get_case(api, case["id"])["state"] == "approved"


def test_found_before_approval_is_refused(api: Api) -> None:
    unit = make_unit(api, formal_members=3)
    case = new_case(api, [unit["id"]], "branch")
    assert_error(found(api, case["id"], meeting(3)), 409, "transition_not_allowed")
    submit(api, case["id"])
    assert_error(found(api, case["id"], meeting(3)), 409, "transition_not_allowed")
    approve_level(api, case["id"], "approver@east_t1")
    assert found(api, case["id"], meeting(3)).status_code == 200
    assert_error(found(api, case["id"], meeting(3)), 409, "transition_not_allowed")
    assert org_total(api) == 1
