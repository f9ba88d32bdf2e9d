"""Adjustment cases through the API: ledger writes open them (one per organisation), the superior body decides
in its 待办, and only an approved case changes the organisation — coverage follows at once."""

from __future__ import annotations

from flask import Flask

from tests.support.adjustment import (
    CASES,
    DOC_NO,
    cases_of,
    deregistered_case,
    open_task,
    org_row,
    org_with_units,
    patch_unit,
    submitted,
    unit_org,
)
from tests.support.world import Api, World


def test_a_deregistration_opens_a_case_and_the_organisation_stays(app: Flask, api: Api, world: World) -> None:
    org, (unit,) = org_with_units(app, world.ids["east_t1"], "branch", [5])
    patch_unit(api, unit, {"operating_status": "deregistered"})
    (case,) = cases_of(api, org)
    assert (case["state"], case["trigger"], case["action"]) == ("proposed", "deregistered", "dissolve")
    assert case["jurisdiction"]["id"] == world.ids["east_t1"] and case["unit"]["id"] == unit
    assert case["next_escalation_level"] == "reminder" and case["next_escalation_at"]
    # The ledger change stands; the organisation is untouched until a decision.
    assert org_row(app, org) == ("active", "branch", world.ids["east_t1"]) and unit_org(app, unit) == org


def decide(api: Api, task: int, action: str, **extra: str) -> dict:
    """An approval decision; the superior body decides by committee vote (the mode by default), so approving
    and rejecting record the meeting's tally."""
    if action == "return":
        body, path = {"action": action, **extra}, "decide"
    else:
        votes_for = 6 if action == "approve" else 2
        body = {"members": 9, "present": 7, "votes_for": votes_for, "votes_against": 7 - votes_for, **extra}
        path = "vote"
    resp = api.post(f"/api/v1/tasks/{task}/{path}", json=body, as_="approver@east_t1")
    assert resp.status_code == 200, resp.json
    return dict(resp.json)


def must_establish(api: Api, world: World) -> set[int]:
    """The units on east_t1's must-establish list (应建未建)."""
    path = f"/api/v1/coverage/must-establish?jurisdiction_id={world.ids['east_t1']}&page_size=200"
    return {u["id"] for u in api.get(path, as_="admin@city").json}


def test_approved_dissolution_changes_the_organisation_and_coverage_at_once(app: Flask, api: Api, world: World) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    org, unit = case["party_org"]["id"], case["unit"]["id"]
    after = submitted(api, case["id"])
    assert after["state"] == "submitted" and after["next_escalation_level"] == "reminder"
    task = open_task(app, case["id"])
    # The final decision is the reply: without its number it is refused and changes nothing.
    tally = {"members": 9, "present": 7, "votes_for": 6, "votes_against": 1}
    resp = api.post(f"/api/v1/tasks/{task}/vote", json=tally, as_="approver@east_t1")
    assert resp.status_code == 422 and resp.json["code"] == "approval_doc_no_required", resp.json
    assert org_row(app, org)[0] == "active"
    decide(api, task, "approve", approval_doc_no=DOC_NO)
    done = api.get(f"{CASES}/{case['id']}", as_="admin@city").json
    assert (done["state"], done["approval_doc_no"], done["next_escalation_at"]) == ("applied", DOC_NO, None)
    assert done["approving_body"] == "东一镇"
    assert org_row(app, org)[0] == "dissolved" and unit_org(app, unit) is None
    actions = [h["action"] for h in done["history"]]
    assert actions[0] == "adjustment.open" and "adjustment.submit" in actions and "adjustment.apply" in actions
    audit = api.get(f"/api/v1/audit?subject_type=party_org&subject_id={org}", as_="admin@city").json
    assert [e["action"] for e in audit] == ["party_org.adjust"]


def test_returned_then_rejected_leaves_the_organisation(app: Flask, api: Api, world: World) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    submitted(api, case["id"])
    decide(api, open_task(app, case["id"]), "return", comment="请补充注销证明")
    back = api.get(f"{CASES}/{case['id']}", as_="admin@city").json
    assert (back["state"], back["return_reason"]) == ("returned", "请补充注销证明")
    submitted(api, case["id"], {"note": "已补充注销证明"})
    decide(api, open_task(app, case["id"]), "reject", comment="单位拟恢复经营")
    assert api.get(f"{CASES}/{case['id']}", as_="admin@city").json["state"] == "rejected"
    assert org_row(app, case["party_org"]["id"])[0] == "active"


def test_a_second_trigger_is_recorded_on_the_open_case(app: Flask, api: Api, world: World) -> None:
    org, (unit,) = org_with_units(app, world.ids["east_t1"], "general_branch", [60])
    patch_unit(api, unit, {"formal_members": 50})
    (case,) = cases_of(api, org)
    assert (case["trigger"], case["action"], case["proposed_form"]) == ("below_form", "change_form", "branch")
    patch_unit(api, unit, {"formal_members": 2})
    patch_unit(api, unit, {"operating_status": "deregistered"})
    (same,) = cases_of(api, org)
    assert same["id"] == case["id"] and [t["trigger"] for t in same["triggers"]] == [
        "below_form",
        "deregistered",
    ]
    # The first proposal stands until the township corrects it at submission.
    assert same["action"] == "change_form"
    # Correcting the action names afresh what the new action needs.
    resp = api.post(f"{CASES}/{case['id']}/submit", json={"action": "transfer"}, as_="handler@east_t1")
    assert resp.status_code == 422 and resp.json["code"] == "target_jurisdiction_required", resp.json
    resp = api.post(f"{CASES}/{case['id']}/submit", json={"action": "change_form"}, as_="handler@east_t1")
    assert resp.status_code == 422 and resp.json["code"] == "proposed_form_required", resp.json
    fixed = submitted(api, case["id"], {"action": "dissolve"})
    assert (fixed["action"], fixed["proposed_form"]) == ("dissolve", None)


def test_change_of_form_and_transfer_when_approved(app: Flask, api: Api, world: World) -> None:
    org, (unit,) = org_with_units(app, world.ids["east_t1"], "primary_committee", [100])
    patch_unit(api, unit, {"formal_members": 99})
    (case,) = cases_of(api, org)
    assert case["proposed_form"] == "general_branch"
    submitted(api, case["id"])
    decide(api, open_task(app, case["id"]), "approve", approval_doc_no=DOC_NO)
    assert org_row(app, org)[:2] == ("active", "general_branch") and unit_org(app, unit) == org

    org2, (moving,) = org_with_units(app, world.ids["east_t1"], "branch", [8])
    patch_unit(api, moving, {"jurisdiction_id": world.ids["east_t2"]}, as_="handler@east")
    (move,) = cases_of(api, org2)
    assert (move["action"], move["target_jurisdiction"]["id"]) == ("transfer", world.ids["east_t2"])
    submitted(api, move["id"])
    decide(api, open_task(app, move["id"]), "approve", approval_doc_no=DOC_NO)
    assert org_row(app, org2) == ("active", "branch", world.ids["east_t2"])


def test_members_crossing_upward_only_list_the_unit_as_eligible(app: Flask, api: Api, world: World) -> None:
    org, (unit,) = org_with_units(app, world.ids["east_t1"], "branch", [50])
    eligible = api.get(f"{CASES}/upgrade-eligible", as_="handler@east_t1").json
    assert unit not in [e["unit"]["id"] for e in eligible]
    patch_unit(api, unit, {"formal_members": 51})
    assert cases_of(api, org) == []
    (row,) = [e for e in api.get(f"{CASES}/upgrade-eligible", as_="handler@east_t1").json if e["unit"]["id"] == unit]
    assert (row["eligible_form"], row["formal_members"]) == ("general_branch", 51)
    patch_unit(api, unit, {"formal_members": 100, "employees": 300})
    (row,) = [e for e in api.get(f"{CASES}/upgrade-eligible", as_="handler@east_t1").json if e["unit"]["id"] == unit]
    assert row["eligible_form"] == "primary_committee"
    # Not seen outside the scope.
    assert unit not in [e["unit"]["id"] for e in api.get(f"{CASES}/upgrade-eligible", as_="handler@west_t1").json]


def test_joint_branch_shrinkage_and_a_unit_that_can_stand_alone(app: Flask, api: Api, world: World) -> None:
    org, (_, b) = org_with_units(app, world.ids["east_t1"], "joint_branch", [2, 1])
    patch_unit(api, b, {"formal_members": 0})  # total 3 -> 2
    (case,) = cases_of(api, org)
    assert (case["trigger"], case["action"]) == ("joint_below_total", "refound_joint")
    org2, (c, d) = org_with_units(app, world.ids["east_t1"], "joint_branch", [2, 1])
    patch_unit(api, c, {"formal_members": 2})  # nothing changed: no record, no case
    patch_unit(api, d, {"formal_members": 2})  # total 4, nobody alone: fine
    assert cases_of(api, org2) == []
    patch_unit(api, c, {"formal_members": 3})  # c can stand alone now
    (alone,) = cases_of(api, org2)
    assert alone["trigger"] == "joint_unit_stands_alone" and alone["unit"]["id"] == c
    # A member unit deregistered shrinks the joint branch: recorded on the case, re-found rather than dissolved.
    org3, (e, f, g) = org_with_units(app, world.ids["east_t1"], "joint_branch", [1, 1, 1])
    assert not {e, f} & must_establish(api, world)
    patch_unit(api, g, {"operating_status": "deregistered"})
    (shrunk,) = cases_of(api, org3)
    assert (shrunk["trigger"], shrunk["action"]) == ("deregistered", "refound_joint")
    # Two units with 1 formal member each remain: the shrunk joint branch is flagged on the same case.
    assert [t["trigger"] for t in shrunk["triggers"]] == ["deregistered", "joint_below_total"]
    submitted(api, shrunk["id"])
    decide(api, open_task(app, shrunk["id"]), "approve", approval_doc_no=DOC_NO)
    assert org_row(app, org3)[0] == "dissolved" and unit_org(app, e) is None and unit_org(app, f) is None
    # Their units are back on the must-establish list at once, to found a joint branch again.
    assert {e, f} <= must_establish(api, world)


def test_an_import_opens_cases_set_based_in_one_batch(app: Flask, api: Api, world: World) -> None:
    from tests.support.excel import imported, xlsx

    orgs = [org_with_units(app, world.ids["east_t1"], "branch", [5]) for _ in range(3)]
    codes = []
    for _, (unit,) in orgs:
        codes.append(api.get(f"/api/v1/units/{unit}", as_="admin@city").json)
    rows = [[u["credit_code"], u["name"], "非公企业", "east_t1", u["employees"], 2] for u in codes]
    assert imported(app, api, xlsx(rows))["updated_count"] == 3
    for org, _ in orgs:
        (case,) = cases_of(api, org)
        assert (case["trigger"], case["action"]) == ("below_form", "refound_joint")


def test_mergers_and_splits_are_recorded_by_hand(app: Flask, api: Api, world: World) -> None:
    org, _ = org_with_units(app, world.ids["east_t1"], "branch", [9])
    body = {"party_org_id": org, "trigger": "merged", "action": "transfer", "note": "并入东二街道某公司"}
    resp = api.post(CASES, json=body, as_="handler@east_t1")
    assert resp.status_code == 422 and resp.json["code"] == "target_jurisdiction_required", resp.json
    resp = api.post(CASES, json={**body, "target_jurisdiction_id": world.ids["east_t2"]}, as_="handler@east")
    assert resp.status_code == 201, resp.json
    assert resp.json["trigger_label"] == "单位合并" and resp.json["action_label"] == "隶属关系调整"
    again = api.post(CASES, json={**body, "action": "dissolve"}, as_="handler@east")
    assert again.status_code == 409 and again.json["code"] == "adjustment_case_open"
    bad = api.post(CASES, json={**body, "trigger": "deregistered"}, as_="handler@east")
    assert bad.status_code == 422 and "trigger" in bad.json["errors"]["json"]


def test_refusals_change_nothing(app: Flask, api: Api, world: World) -> None:
    from tests.support.database import fingerprint

    case = deregistered_case(api, app, world.ids["east_t1"])
    before = fingerprint(app)
    for path, body, who, status in (
        (f"{CASES}/{case['id']}/cancel", {"reason": " "}, "handler@east_t1", 422),
        (f"{CASES}/{case['id']}/cancel", {"reason": "误报"}, "approver@east_t1", 403),
        (f"{CASES}/{case['id']}/submit", {}, "handler@west_t1", 404),
        (f"{CASES}/{case['id']}/submit", {"action": "explode"}, "handler@east_t1", 422),
        (f"{CASES}/{case['id']}/submit", {}, "handler@east_t1", 412),
    ):
        headers = {"If-Match": '"adjustment_cases-1-v999"'} if status == 412 else {}
        resp = api.post(path, json=body, as_=who, headers=headers)
        assert resp.status_code == status, (path, who, resp.json)
    assert fingerprint(app) == before
    assert api.get(f"{CASES}/{case['id']}", as_="portal@east_t1").status_code == 403
    cancelled = api.post(f"{CASES}/{case['id']}/cancel", json={"reason": "误报注销"}, as_="handler@east_t1").json
    assert cancelled["state"] == "cancelled" and cancelled["next_escalation_at"] is None
    again = api.post(f"{CASES}/{case['id']}/submit", json={}, as_="handler@east_t1")
    assert again.status_code == 409


def test_a_joint_branch_shrunk_below_three_is_flagged_on_the_deregistration_case(
    app: Flask, api: Api, world: World
) -> None:
    org, (a, _) = org_with_units(app, world.ids["east_t1"], "joint_branch", [2, 1])
    patch_unit(api, a, {"operating_status": "deregistered"})
    (case,) = cases_of(api, org)
    assert [t["trigger"] for t in case["triggers"]] == ["deregistered", "joint_below_total"]
    assert case["action"] == "refound_joint"
