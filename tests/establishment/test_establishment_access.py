"""Scope and roles on every establishment, task and route endpoint: out of scope is 404 (indistinguishable
from missing), the wrong role is 403, and neither changes anything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask

from tests.support.establishment import (
    CASES,
    DOC_NO,
    ROUTES,
    TASKS,
    approved_branch,
    make_unit,
    meeting,
    new_case,
    submitted_branch,
    task_for,
    write_fingerprint,
)
from tests.support.world import Api, World


@dataclass
class Scene:
    """A preparing, a submitted (with its open group task) and an approved case, all in east_t1."""

    preparing: int
    submitted: int
    approved: int
    task: int
    unit: int
    ids: dict[str, int]

    def fill(self, template: str) -> str:
        return template.format(
            p=self.preparing, s=self.submitted, a=self.approved, t=self.task, u=self.unit, **self.ids
        )


@pytest.fixture
def scene(api: Api, colleagues: World) -> Scene:
    unit = make_unit(api, formal_members=4)
    preparing = new_case(api, [unit["id"]], "branch")
    submitted = submitted_branch(api)
    approved = approved_branch(api)
    task = task_for(api, "approver@east_t1", submitted["id"])
    spare = make_unit(api, formal_members=3)
    return Scene(preparing["id"], submitted["id"], approved["id"], task["id"], spare["id"], colleagues.ids)


def _route_body(ids: dict[str, int]) -> dict[str, Any]:
    return {
        "body_id": ids["east_t1"],
        "workflow": "establishment",
        "level_name": "superior_approval",
        "mode": "any_one",
        "approver_ids": None,
    }


# (method, path, json) for every write on a case, a task or a route, with a valid body.
CASE_WRITES: list[tuple[str, str, Any]] = [
    ("POST", CASES, {"unit_ids": ["{u}"], "form": "branch", "proposed_name": "越权党支部"}),
    ("PATCH", CASES + "/{p}", {"proposed_name": "越权修改"}),
    ("POST", CASES + "/{p}/submit", None),
    ("POST", CASES + "/{s}/withdraw", {"reason": "越权撤回"}),
    ("POST", CASES + "/{p}/cancel", {"reason": "越权取消"}),
    ("POST", CASES + "/{a}/found", meeting(3)),
]
TASK_WRITES: list[tuple[str, str, Any]] = [
    ("POST", TASKS + "/{t}/claim", None),
    ("POST", TASKS + "/{t}/release", None),
    ("POST", TASKS + "/{t}/decide", {"action": "approve", "approval_doc_no": DOC_NO}),
    ("POST", TASKS + "/{t}/decide", {"action": "reject", "comment": "越权否决"}),
    (
        "POST",
        TASKS + "/{t}/vote",
        {"members": 9, "present": 9, "votes_for": 9, "votes_against": 0, "approval_doc_no": DOC_NO},
    ),
    ("POST", TASKS + "/{t}/delegate", {"to_user_id": 1, "comment": "越权转办"}),
    ("POST", TASKS + "/{t}/comment", {"comment": "越权评论"}),
]
READS: list[tuple[str, str, Any]] = [
    ("GET", CASES + "/{s}", None),
    ("GET", CASES + "/form-options?unit_ids={u}", None),
    ("GET", TASKS + "/{t}", None),
]

# Out of scope: the role is allowed, the resource lies outside the caller's subtree.
OUT_OF_SCOPE: list[tuple[str, str, str, Any]] = [
    *[
        (user, m, p, j)
        for m, p, j in READS
        for user in ("approver@west_t1", "portal@west_t1", "admin@west_t1")
        if not (user.startswith("portal@") and p.startswith(TASKS))
    ],  # tasks refuse portals first (403)
    *[("portal@west_t1", m, p, j) for m, p, j in CASE_WRITES if not p.endswith("cancel")],
    *[("approver@west_t1", m, p, j) for m, p, j in CASE_WRITES],
    ("admin@west_t1", "POST", CASES + "/{p}/cancel", {"reason": "越权取消"}),
    ("supervisor@west_t1", "POST", CASES + "/{s}/cancel", {"reason": "越权取消"}),
    *[("approver@west_t1", m, p, j) for m, p, j in TASK_WRITES],
    *[("approver2@west_t1", m, p, j) for m, p, j in TASK_WRITES],
    ("admin@west_t1", "PUT", ROUTES, "route"),
]

# Wrong role: refused before any lookup.
WRONG_ROLE: list[tuple[str, str, str, Any]] = [
    *[("instructor@east_t1", m, p, j) for m, p, j in CASE_WRITES],
    *[("supervisor@east", m, p, j) for m, p, j in CASE_WRITES if not p.endswith(("cancel", "withdraw"))],
    *[
        (user, "POST", CASES + "/{p}/cancel", {"reason": "无权取消"})
        for user in ("portal@east", "handler@east_t1", "instructor@east")
    ],
    *[
        (user, m, p, j)
        for m, p, j in TASK_WRITES
        for user in ("handler@east_t1", "portal@east", "admin@east_t1", "supervisor@city", "instructor@east_t1")
    ],
    *[
        (user, "PUT", ROUTES, "route")
        for user in ("supervisor@city", "approver@east_t1", "handler@east", "portal@east", "instructor@east_t1")
    ],
    # In scope and the right role, but not a candidate of the task / not the applicant's side.
    ("approver@east", "POST", TASKS + "/{t}/claim", None),
    ("approver@east", "POST", TASKS + "/{t}/decide", {"action": "approve", "approval_doc_no": DOC_NO}),
    (
        "approver@east",
        "POST",
        TASKS + "/{t}/vote",
        {"members": 9, "present": 9, "votes_for": 9, "votes_against": 0, "approval_doc_no": DOC_NO},
    ),
    ("approver@east_t1", "POST", CASES + "/{s}/withdraw", {"reason": "审批人不能替申请人撤回"}),
    ("approver@east_t1", "PATCH", CASES + "/{p}", {"proposed_name": "审批人不能改申请"}),
]


def _call(api: Api, scene: Scene, user: str, method: str, path: str, body: Any) -> Any:
    payload: Any
    if body == "route":
        payload = _route_body(scene.ids)
    elif isinstance(body, dict):
        payload = {k: ([int(scene.fill(x)) for x in v] if k == "unit_ids" else v) for k, v in body.items()}
    else:
        payload = body
    headers = {}
    if method == "PATCH":  # the current ETag as the caller sees it (`*` is refused); refusals come first
        headers["If-Match"] = api.call("GET", scene.fill(path), as_=user).headers.get("ETag", '"unseen"')
    return api.call(method, scene.fill(path), as_=user, json=payload, headers=headers)


def _label(row: tuple[str, str, str, Any]) -> str:
    return f"{row[0]} {row[1]} {row[2]}"


def test_out_of_scope_is_not_found_and_changes_nothing(api: Api, app: Flask, scene: Scene) -> None:
    before = write_fingerprint(app)
    failures = []
    for row in OUT_OF_SCOPE:
        r = _call(api, scene, *row)
        if r.status_code != 404 or r.json["code"] != "not_found":
            failures.append((_label(row), r.status_code, r.json))
    assert failures == []
    assert write_fingerprint(app) == before


def test_wrong_role_is_forbidden_and_changes_nothing(api: Api, app: Flask, scene: Scene) -> None:
    before = write_fingerprint(app)
    failures = []
    for row in WRONG_ROLE:
        r = _call(api, scene, *row)
        if r.status_code != 403 or r.json["code"] != "forbidden":
            failures.append((_label(row), r.status_code, r.json))
    assert failures == []
    assert write_fingerprint(app) == before


def test_lists_hide_what_is_out_of_scope(api: Api, scene: Scene) -> None:
    for user in ("approver@west_t1", "portal@west_t1", "admin@west_t1"):
        r = api.get(CASES, as_=user)
        assert r.status_code == 200 and r.json == [], user
        assert api.get(f"{TASKS}/inbox", as_=user).json == [], user
    mine = api.get(f"{CASES}?jurisdiction_id={scene.ids['east_t1']}", as_="portal@east")
    assert {c["id"] for c in mine.json} == {scene.preparing, scene.submitted, scene.approved}
    by_unit = api.get(f"{CASES}?unit_id={scene.unit}", as_="portal@east")
    assert by_unit.status_code == 200 and by_unit.json == []
    assert api.get(f"{CASES}?jurisdiction_id={scene.ids['east_t1']}", as_="portal@west_t1").status_code == 404

    assert api.call("PUT", ROUTES, as_="admin@east", json=_route_body(scene.ids)).status_code == 200
    assert len(api.get(f"{ROUTES}?body_id={scene.ids['east_t1']}", as_="approver@east_t1").json) == 1
    assert api.get(f"{ROUTES}?body_id={scene.ids['east_t1']}", as_="admin@west_t1").json == []


def test_the_rightful_callers_still_succeed(api: Api, scene: Scene) -> None:
    """The same calls as the refused ones work for the right people (the tables test the access rules,
    not broken requests)."""
    assert (
        _call(api, scene, "approver@east_t1", "POST", TASKS + "/{t}/comment", {"comment": "同意上报"}).status_code
        == 200
    )
    assert _call(api, scene, "approver@east_t1", "POST", TASKS + "/{t}/claim", None).status_code == 200
    assert _call(api, scene, "approver@east_t1", "POST", TASKS + "/{t}/release", None).status_code == 200
    assert _call(api, scene, "portal@east", "PATCH", CASES + "/{p}", {"proposed_name": "改名"}).status_code == 200
    assert _call(api, scene, "portal@east", "POST", CASES + "/{p}/submit", None).status_code == 200
    assert _call(api, scene, "portal@east", "POST", CASES + "/{s}/withdraw", {"reason": "撤回"}).status_code == 200
    assert _call(api, scene, "portal@east", "POST", CASES + "/{a}/found", meeting(3)).status_code == 200
    assert (
        _call(
            api,
            scene,
            "approver@east_t1",
            "POST",
            CASES,
            {"unit_ids": ["{u}"], "form": "branch", "proposed_name": "审批人代为申请"},
        ).status_code
        == 201
    )
    assert _call(api, scene, "admin@east_t1", "PUT", ROUTES, "route").status_code == 200
