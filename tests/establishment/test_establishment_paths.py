"""Establishment cases end to end through HTTP: every form founded, and the returned / withdrawn /
rejected / cancelled paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest

from service.clock import FixedClock
from tests.support.establishment import (
    AUDIT,
    CASES,
    DOC_NO,
    TODAY,
    UNITS,
    approve_level,
    approved_branch,
    assert_error,
    audit_actions,
    decide,
    found,
    get_case,
    inbox,
    make_unit,
    meeting,
    new_case,
    route,
    submit,
    submitted_branch,
    task_for,
    total,
    vote,
)
from tests.support.world import Api, World


@dataclass(frozen=True)
class FormSpec:
    form: str
    units: tuple[tuple[str, dict[str, int]], ...]  # (place, member counts)
    body: str  # where the case lives: the lowest jurisdiction covering its units
    levels: tuple[tuple[str, str], ...]  # (level_name, approving user) in order
    term_years: int
    committee: int | None = None  # people elected at the founding meeting (None: the rules' choice)
    extra: dict[str, Any] = field(default_factory=dict)


FORMS = [
    FormSpec(
        "branch", (("east_t1", {"formal_members": 3}),), "east_t1", (("superior_approval", "approver@east_t1"),), 3
    ),
    FormSpec(
        "joint_branch",
        (("east_t1", {"formal_members": 1}), ("east_t1", {"formal_members": 2})),
        "east_t1",
        (("superior_approval", "approver@east_t1"),),
        3,
    ),
    FormSpec(
        "joint_branch",
        (
            ("east_t1", {"formal_members": 1}),
            ("east_t2", {"formal_members": 2}),
            ("east_t1", {"formal_members": 0, "probationary_members": 2}),
        ),
        "east",
        (("superior_approval", "approver@east"),),
        3,
    ),
    FormSpec(
        "general_branch",
        (("east_t1", {"formal_members": 51}),),
        "east_t1",
        (("superior_approval", "approver@east_t1"),),
        3,
        committee=5,
    ),
    FormSpec(
        "primary_committee",
        (("east_t1", {"formal_members": 100}),),
        "east_t1",
        (("superior_review", "approver@east_t1"), ("county_approval", "approver@east")),
        5,
        committee=5,
    ),
    FormSpec(
        "primary_committee",
        (("east_t1", {"formal_members": 120, "probationary_members": 9}),),
        "east_t1",
        (("superior_review", "approver2@east_t1"), ("county_approval", "approver2@east")),
        5,
        committee=3,
        extra={"term_start": "2026-10-01"},
    ),
    FormSpec(
        "functional_org",
        # 2 formal + 4 mobile members vote at a functional organisation's founding: 6, so a secretary only.
        (("east_t1", {"formal_members": 2, "mobile_members": 4}),),
        "east_t1",
        (("superior_approval", "approver@east_t1"),),
        3,
    ),
]


def _units_covered(api: Api, covered: bool) -> int:
    return total(api.get(f"{UNITS}?has_party_org={str(covered).lower()}&page_size=1", as_="admin@city"))


@pytest.mark.parametrize("spec", FORMS, ids=lambda s: f"{s.form}-{len(s.units)}u-{s.body}")
def test_every_form_founded_end_to_end(api: Api, colleagues: World, clock: FixedClock, spec: FormSpec) -> None:
    units = [make_unit(api, place, employees=200, **counts) for place, counts in spec.units]
    ids = [u["id"] for u in units]
    formal = sum(u["formal_members"] for u in units)
    covered, uncovered = _units_covered(api, True), _units_covered(api, False)

    options = api.get(f"{CASES}/form-options?" + "&".join(f"unit_ids={i}" for i in ids), as_="portal@east")
    assert options.status_code == 200, options.json
    assert {o["form"]: o["allowed"] for o in options.json}[spec.form] is True

    case = new_case(api, ids, spec.form, proposed_name=f"测试{spec.form}党组织")
    cid = case["id"]
    assert case["state"] == "preparing"
    assert case["jurisdiction"]["code"] == spec.body
    assert case["formal_total"] == formal
    assert sorted(u["id"] for u in case["units"]) == sorted(ids)
    submit(api, cid)

    for n, (level_name, user) in enumerate(spec.levels):
        got = get_case(api, cid)
        assert got["state"] == "submitted"
        assert [s["level_name"] for s in got["steps"]] == [name for name, _ in spec.levels[: n + 1]]
        assert got["steps"][-1]["status"] == "pending" and got["steps"][-1]["level_name"] == level_name
        approve_level(api, cid, user, final=n == len(spec.levels) - 1)

    approved = get_case(api, cid)
    assert approved["state"] == "approved"
    assert approved["approval_doc_no"] == DOC_NO
    assert approved["approved_on"] == TODAY
    assert [s["status"] for s in approved["steps"]] == ["approved"] * len(spec.levels)

    payload = meeting(formal, committee=spec.committee, **spec.extra)
    if "term_start" in spec.extra:
        # A term may not start in the future: record the founding on the term's first day.
        clock.set(datetime.combine(date.fromisoformat(spec.extra["term_start"]), datetime.min.time(), UTC))
    res = found(api, cid, payload)
    assert res.status_code == 200, res.json
    assert res.json["state"] == "founded"
    org_id = res.json["party_org_id"]

    org = api.get(f"/api/v1/party-orgs/{org_id}", as_="portal@east")
    assert org.status_code == 200, org.json
    start = spec.extra.get("term_start", TODAY)
    assert org.json["kind"] == spec.form
    assert sorted(u["id"] for u in org.json["units"]) == sorted(ids)
    assert org.json["term_years"] == spec.term_years
    assert org.json["term_due_on"] == f"{int(start[:4]) + spec.term_years}{start[4:]}"
    assert org.json["founded_on"] == TODAY
    assert org.json["approval_doc_no"] == DOC_NO
    assert org.json["secretary_name"] == payload["secretary"]
    elected = len(payload["elected"])
    assert org.json["committee_size"] == (elected if elected > 1 else 0)
    assert org.json["formal_members"] == formal

    for unit_id in ids:
        assert api.get(f"{UNITS}/{unit_id}", as_="admin@city").json["party_org_id"] == org_id
    assert _units_covered(api, True) == covered + len(ids)
    assert _units_covered(api, False) == uncovered - len(ids)

    history = get_case(api, cid, as_="portal@east")["history"]
    transitions = [
        (h["action"], (h["state_before"] or {}).get("state"), (h["state_after"] or {}).get("state"))
        for h in history
        if h["action"].startswith("establishment.")
    ]
    assert transitions == [
        ("establishment.create", None, "preparing"),
        ("establishment.submit", "preparing", "submitted"),
        ("establishment.approve", "submitted", "approved"),
        ("establishment.found", "approved", "founded"),
    ]
    trail = audit_actions(api, cid)
    assert [a for a in trail if a.startswith("establishment.")] == [t[0] for t in transitions]
    assert trail.count("approval_step.open") == len(spec.levels)
    assert trail.count("task.approve") == len(spec.levels)
    org_trail = api.get(f"{AUDIT}?subject_type=party_org&subject_id={org_id}", as_="supervisor@city").json
    assert [e["action"] for e in org_trail] == ["party_org.create"]
    for unit_id in ids:
        unit_trail = api.get(
            f"{AUDIT}?subject_type=unit&subject_id={unit_id}&action=unit.covered", as_="supervisor@city"
        ).json
        assert len(unit_trail) == 1 and unit_trail[0]["state_after"]["party_org_id"] == org_id


# -- returned, withdrawn, rejected, cancelled -------------------------------------------------------------------


def test_returned_case_is_edited_resubmitted_and_approved(api: Api) -> None:
    case = submitted_branch(api)
    cid = case["id"]
    task = task_for(api, "approver@east_t1", cid)
    assert_error(decide(api, task["id"], "approver@east_t1", "return"), 422, "reason_required")
    assert get_case(api, cid)["state"] == "submitted"

    r = decide(api, task["id"], "approver@east_t1", "return", comment="请补充党员花名册")
    assert r.status_code == 200, r.json
    returned = api.get(f"{CASES}/{cid}", as_="portal@east")
    assert returned.json["state"] == "returned"
    assert returned.json["return_reason"] == "请补充党员花名册"
    assert returned.json["steps"][0]["status"] == "returned"
    assert "submit" in returned.json["allowed_actions"]
    assert inbox(api, "approver@east_t1") == []

    change = {"proposed_name": "改名后的党支部", "request_text": "已补充花名册"}
    assert_error(api.patch(f"{CASES}/{cid}", as_="portal@east", json=change), 428, "precondition_required")
    stale = api.patch(f"{CASES}/{cid}", as_="portal@east", json=change, headers={"If-Match": '"stale"'})
    assert_error(stale, 412, "precondition_failed")
    etag = returned.headers["ETag"]
    edited = api.patch(f"{CASES}/{cid}", as_="portal@east", json=change, headers={"If-Match": etag})
    assert edited.status_code == 200, edited.json
    assert edited.json["proposed_name"] == "改名后的党支部"
    assert edited.json["state"] == "returned"

    again = submit(api, cid)
    assert again["return_reason"] is None
    assert [s["status"] for s in again["steps"]] == ["returned", "pending"]
    approve_level(api, cid, "approver@east_t1")
    done = get_case(api, cid)
    assert done["state"] == "approved"
    assert done["proposed_name"] == "改名后的党支部"
    trail = [a for a in audit_actions(api, cid) if a.startswith("establishment.")]
    assert trail == [
        "establishment.create",
        "establishment.submit",
        "establishment.return_for_changes",
        "establishment.update",
        "establishment.submit",
        "establishment.approve",
    ]


def test_withdrawn_before_decision_cancels_open_tasks(api: Api) -> None:
    case = submitted_branch(api)
    cid = case["id"]
    task = task_for(api, "approver@east_t1", cid)
    r = api.post(f"{CASES}/{cid}/withdraw", as_="portal@east", json={"reason": "单位合并，暂缓组建"})
    assert r.status_code == 200, r.json
    assert r.json["state"] == "withdrawn"
    assert r.json["closed_reason"] == "单位合并，暂缓组建"
    assert r.json["steps"][0]["status"] == "cancelled"
    assert {t["status"] for t in r.json["steps"][0]["tasks"]} == {"cancelled"}
    assert inbox(api, "approver@east_t1") == []
    late = vote(api, task["id"], "approver@east_t1", approval_doc_no=DOC_NO)
    assert_error(late, 409, "step_already_decided")
    assert get_case(api, cid)["state"] == "withdrawn"
    assert "establishment.withdraw" in audit_actions(api, cid)
    # The unit is free again for a new request.
    unit_id = case["units"][0]["id"]
    assert new_case(api, [unit_id], "branch")["state"] == "preparing"


def test_withdraw_after_approval_is_refused(api: Api) -> None:
    case = approved_branch(api)
    r = api.post(f"{CASES}/{case['id']}/withdraw", as_="portal@east", json={"reason": "不想建了"})
    assert_error(r, 409, "transition_not_allowed")
    after = get_case(api, case["id"])
    assert after["state"] == "approved"
    assert after["closed_reason"] is None
    assert "establishment.withdraw" not in audit_actions(api, case["id"])


def test_rejected_case_is_terminal(api: Api) -> None:
    route(api, "east_t1", "any_one")
    case = submitted_branch(api)
    cid = case["id"]
    task = task_for(api, "approver@east_t1", cid)
    assert_error(decide(api, task["id"], "approver@east_t1", "reject", comment="  "), 422, "reason_required")
    r = decide(api, task["id"], "approver@east_t1", "reject", comment="党员组织关系未转入")
    assert r.status_code == 200, r.json
    rejected = get_case(api, cid)
    assert rejected["state"] == "rejected"
    assert rejected["decision_reason"] == "党员组织关系未转入"
    assert rejected["allowed_actions"] == []
    assert_error(api.post(f"{CASES}/{cid}/submit", as_="portal@east"), 409, "transition_not_allowed")
    assert_error(api.post(f"{CASES}/{cid}/withdraw", as_="portal@east", json={}), 409, "transition_not_allowed")
    assert_error(found(api, cid, meeting(3)), 409, "transition_not_allowed")
    assert get_case(api, cid)["state"] == "rejected"
    trail = audit_actions(api, cid)
    assert trail.count("establishment.reject") == 1 and "establishment.submit" in trail
    # A rejected request frees the unit for a new one.
    assert new_case(api, [case["units"][0]["id"]], "branch")["state"] == "preparing"


@pytest.mark.parametrize("stage", ["preparing", "approved"])
def test_cancelled_case_is_terminal(api: Api, stage: str) -> None:
    if stage == "approved":
        case = approved_branch(api)
    else:
        unit = make_unit(api, formal_members=4)
        case = new_case(api, [unit["id"]], "branch")
    cid = case["id"]
    assert_error(api.post(f"{CASES}/{cid}/cancel", as_="approver@east_t1", json={}), 422, "validation_failed")
    r = api.post(f"{CASES}/{cid}/cancel", as_="approver@east_t1", json={"reason": "单位已迁出本辖区"})
    assert r.status_code == 200, r.json
    assert r.json["state"] == "cancelled"
    assert r.json["closed_reason"] == "单位已迁出本辖区"
    assert_error(found(api, cid, meeting(4)), 409, "transition_not_allowed")
    assert_error(api.post(f"{CASES}/{cid}/submit", as_="portal@east"), 409, "transition_not_allowed")
    assert get_case(api, cid)["state"] == "cancelled"
    assert audit_actions(api, cid).count("establishment.cancel") == 1
    assert new_case(api, [case["units"][0]["id"]], "branch")["state"] == "preparing"
