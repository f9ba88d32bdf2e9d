"""Access rows of the establishment-case endpoints (建立党组织): every role reads; applicants file, edit, submit,
withdraw and found; the applicant side (not an approver who did not file it) edits, submits and withdraws.
The approval tasks a submitted case opens are the approval engine's (their rows stay in tests/api/test_access.py)."""

from __future__ import annotations

from typing import Any

from tests.support.access.matrix import ALL, CASES, INSIDE, TODAY, Build, Call, Row, Scene, _seq
from tests.support.factories import unit_payload

APPLICANTS = frozenset({"admin", "portal", "handler", "approver"})
CANCELLERS = frozenset({"admin", "supervisor", "approver"})
# A portal sees and acts on the cases it filed only; the scene's cases are filed by admin@city.
NOT_FILED_BY_PORTAL = {"portal": 404}
FOUNDING = {
    "held_on": TODAY,
    "entitled": 3,
    "present": 3,
    "secretary": "王书记",
    "elected": [{"name": "王书记", "votes": 3}],
}


def _new_case(s: Scene, code: str, caller: str) -> Call:
    unit = s._ok(s.api.post("/api/v1/units", as_="admin@city", json=unit_payload(s.world.ids[code], formal_members=3)))
    return Call(CASES, {"unit_ids": [unit["id"]], "form": "branch", "proposed_name": f"新党支部{next(_seq)}"})


def _case_patch(s: Scene, code: str, caller: str) -> Call:
    case = s.case(code)
    tag = s.api.get(f"{CASES}/{case['id']}", as_="admin@city").headers["ETag"]
    return Call(f"{CASES}/{case['id']}", {"proposed_secretary": "王书记"}, {"If-Match": tag})


def _case_action(action: str, state: str, body: Any = None) -> Build:
    def build(s: Scene, code: str, caller: str) -> Call:
        case = s.case(code, state if code == INSIDE else "preparing")
        return Call(f"{CASES}/{case['id']}/{action}", body)

    return build


def _case_in_inside(s: Scene) -> None:
    s.case(INSIDE)
    # and one filed by each calling portal, the only ones it lists
    for portal in ("portal@east", "portal@east_t1"):
        unit = s._ok(
            s.api.post("/api/v1/units", as_="admin@city", json=unit_payload(s.world.ids[INSIDE], formal_members=3))
        )
        body = {"unit_ids": [unit["id"]], "form": "branch", "proposed_name": f"自报党支部{next(_seq)}"}
        s._ok(s.api.post(CASES, as_=portal, json=body))


ROWS = [
    Row(
        "GET",
        CASES,
        ALL,
        200,
        lambda s, c, who: Call(f"{CASES}?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_case_in_inside,
    ),
    Row(
        "GET", f"{CASES}/form-options", ALL, 200, lambda s, c, who: Call(f"{CASES}/form-options?unit_ids={s.units[c]}")
    ),
    Row("POST", CASES, APPLICANTS, 201, _new_case),
    Row(
        "GET",
        f"{CASES}/<int:case_id>",
        ALL,
        200,
        lambda s, c, who: Call(f"{CASES}/{s.case(c)['id']}"),
        ok_by=NOT_FILED_BY_PORTAL,
    ),
    Row(
        "PATCH",
        f"{CASES}/<int:case_id>",
        APPLICANTS,
        200,
        _case_patch,
        ok_by={"approver": 403, **NOT_FILED_BY_PORTAL},
    ),
    Row(
        "POST",
        f"{CASES}/<int:case_id>/submit",
        APPLICANTS,
        200,
        _case_action("submit", "preparing"),
        ok_by={"approver": 403, **NOT_FILED_BY_PORTAL},
        audit_records=None,
    ),
    Row(
        "POST",
        f"{CASES}/<int:case_id>/withdraw",
        APPLICANTS,
        200,
        _case_action("withdraw", "preparing", {"reason": "单位情况变化"}),
        ok_by={"approver": 403, **NOT_FILED_BY_PORTAL},
    ),
    Row(
        "POST",
        f"{CASES}/<int:case_id>/cancel",
        CANCELLERS,
        200,
        _case_action("cancel", "preparing", {"reason": "重复申请"}),
    ),
    Row(
        "POST",
        f"{CASES}/<int:case_id>/found",
        APPLICANTS,
        200,
        _case_action("found", "approved", FOUNDING),
        ok_by=NOT_FILED_BY_PORTAL,
        audit_records=None,
    ),
]
