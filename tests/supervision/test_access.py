"""Roles, sides and scope on every supervision-ticket and interview endpoint: the wrong role is 403 before
anything is looked up, a body beside the ticket gets 404 (indistinguishable from missing), the wrong side of a
visible ticket gets 403 — and no refusal changes anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from flask import Flask

from service.clock import FixedClock
from tests.support.database import fingerprint
from tests.support.supervision import (
    INTERVIEWS,
    TICKETS,
    acknowledged,
    draft,
    issued,
    move,
    ok,
    rectifying,
    report_body,
    submitted,
)
from tests.support.world import Api


@dataclass
class Scene:
    """Tickets from east to east_t1 in each state, one with a pending extension, and a scheduled interview."""

    tickets: dict[str, dict[str, Any]]
    extension: int
    interview: int


@pytest.fixture
def scene(api: Api) -> Scene:
    tickets = {
        "draft": draft(api),
        "issued": issued(api),
        "acknowledged": acknowledged(api),
        "rectifying": rectifying(api),
        "submitted": submitted(api),
    }
    with_request = issued(api)
    ext = ok(
        api.post(
            f"{TICKETS}/{with_request['id']}/extensions",
            as_="handler@east_t1",
            json={"new_deadline": "2026-10-16", "reason": "需延期"},
        ),
        201,
    )
    tickets["pending"] = ext
    interview = ok(
        api.post(
            INTERVIEWS,
            as_="supervisor@east",
            json={
                "ticket_id": tickets["rectifying"]["id"],
                "reason": "逾期",
                "scheduled_at": "2026-09-28T09:00:00",
                "place": "会议室",
            },
        ),
        201,
    )
    return Scene(tickets, ext["extensions"][0]["id"], interview["id"])


Build = Callable[[Scene], tuple[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    build: Build
    roles: frozenset[str]
    side: str  # "issuer", "handler", "interviewer", "read"

    def call(self, api: Api, scene: Scene, caller: str) -> Any:
        path, body = self.build(scene)
        headers = {}
        if self.method == "PATCH":  # the current ETag as the caller sees it (`*` is refused); refusals come first
            headers["If-Match"] = api.call("GET", path, as_=caller).headers.get("ETag", '"unseen"')
        return api.call(self.method, path, as_=caller, json=body, headers=headers)


ALL = frozenset({"admin", "supervisor", "approver", "handler", "portal", "instructor"})
ISSUERS = frozenset({"admin", "supervisor"})
HANDLERS = frozenset({"handler"})
READERS = ALL - {"portal"}  # supervision is not a portal's business


def _t(state: str, suffix: str = "", body: Any = None) -> Build:
    def build(s: Scene) -> tuple[str, Any]:
        return f"{TICKETS}/{s.tickets[state]['id']}{suffix}", body(s) if callable(body) else body

    return build


def _i(suffix: str, body: Any = None) -> Build:
    return lambda s: (f"{INTERVIEWS}/{s.interview}{suffix}", body)


HELD = {"minutes": "记录", "commitments": ["承诺"], "new_deadline": "2026-10-16"}
TICKET_ENDPOINTS = [
    Endpoint("detail", "GET", _t("issued"), READERS, "read"),
    Endpoint("patch", "PATCH", _t("draft", "", {"title": "改"}), ISSUERS, "issuer"),
    Endpoint("issue", "POST", _t("draft", "/issue"), ISSUERS, "issuer"),
    Endpoint("acknowledge", "POST", _t("issued", "/acknowledge"), HANDLERS, "handler"),
    Endpoint("start", "POST", _t("acknowledged", "/start"), HANDLERS, "handler"),
    Endpoint(
        "report",
        "POST",
        _t("rectifying", "/report", lambda s: report_body(s.tickets["rectifying"])),
        HANDLERS,
        "handler",
    ),
    Endpoint("close", "POST", _t("submitted", "/close", {}), ISSUERS, "issuer"),
    Endpoint("return", "POST", _t("submitted", "/return", {"reason": "退回"}), ISSUERS, "issuer"),
    Endpoint("cancel", "POST", _t("issued", "/cancel", {"reason": "撤销"}), ISSUERS, "issuer"),
    Endpoint(
        "extension",
        "POST",
        _t("issued", "/extensions", {"new_deadline": "2026-10-16", "reason": "延"}),
        HANDLERS,
        "handler",
    ),
    Endpoint(
        "decide",
        "POST",
        lambda s: (f"{TICKETS}/{s.tickets['pending']['id']}/extensions/{s.extension}/decide", {"decision": "approve"}),
        ISSUERS,
        "issuer",
    ),
]
INTERVIEW_ENDPOINTS = [
    Endpoint("interview detail", "GET", _i(""), READERS, "read"),
    Endpoint("reschedule", "POST", _i("/reschedule", {"scheduled_at": "2026-09-29T09:00:00"}), ISSUERS, "interviewer"),
    Endpoint("hold", "POST", _i("/hold", HELD), ISSUERS, "interviewer"),
    Endpoint("follow-up", "POST", _i("/follow-up", {"follow_up_note": "回访"}), ISSUERS, "interviewer"),
    Endpoint("interview close", "POST", _i("/close", {}), ISSUERS, "interviewer"),
    Endpoint("interview cancel", "POST", _i("/cancel", {"reason": "取消"}), ISSUERS, "interviewer"),
]
ENDPOINTS = TICKET_ENDPOINTS + INTERVIEW_ENDPOINTS
WRITES = [e for e in ENDPOINTS if e.method != "GET"]


def _refused(app: Flask, api: Api, scene: Scene, endpoint: Endpoint, caller: str, status: int) -> None:
    before = fingerprint(app)
    res = endpoint.call(api, scene, caller)
    assert res.status_code == status, (endpoint.name, caller, res.status_code, res.get_json())
    assert res.json["code"] == {403: "forbidden", 404: "not_found"}[status]
    assert fingerprint(app) == before, f"{endpoint.name} refused for {caller} but changed state"


SIDE_REFUSALS: dict[str, dict[str, int]] = {
    "read": {},
    # the handling body's own supervisors and admins may not review, cancel or decide its tickets; drafts are
    # not even visible to it
    "issuer": {"supervisor@east_t1": 403, "admin@east_t1": 403},
    # the issuing side (and handlers above the handling body) may not act for the handling body
    "handler": {"handler@east": 403, "handler@city": 403},
    # the interviewed body's supervisors read the interview but may not act on it
    "interviewer": {"supervisor@east_t1": 403, "admin@east_t1": 403},
}
DRAFT_ONLY = {"patch", "issue"}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_refusals(app: Flask, api: Api, scene: Scene, endpoint: Endpoint) -> None:
    # roles the endpoint is not meant for: 403 before anything is looked up, wherever they sit
    for role in sorted(ALL - endpoint.roles):
        for place in ("east", "east_t1", "west_t1"):
            _refused(app, api, scene, endpoint, f"{role}@{place}", 403)
    # west_t1 is neither the issuing nor the handling side: every allowed role there is told "not found"
    for role in sorted(endpoint.roles):
        _refused(app, api, scene, endpoint, f"{role}@west_t1", 404)
    # the wrong side of a ticket it can see
    for caller, status in SIDE_REFUSALS[endpoint.side].items():
        expected = 404 if endpoint.name in DRAFT_ONLY and caller.endswith("@east_t1") else status
        _refused(app, api, scene, endpoint, caller, expected)


# follow-up and close need a held interview first: their successes are in test_interviews.
RIGHT_SIDE = [e for e in WRITES if e.name not in {"follow-up", "interview close"}]


@pytest.mark.parametrize("endpoint", RIGHT_SIDE, ids=lambda e: e.name)
def test_the_right_side_succeeds(api: Api, scene: Scene, clock: FixedClock, endpoint: Endpoint) -> None:
    """The counterpart of the refusals: the same call by the right caller works (no refusal is vacuous)."""
    move(clock, date(2026, 9, 28), hour=3)  # after the interview's time, before every deadline
    caller = {"issuer": "supervisor@city", "handler": "handler@east_t1", "interviewer": "supervisor@east"}
    res = endpoint.call(api, scene, caller[endpoint.side])
    assert res.status_code in (200, 201), (endpoint.name, res.get_json())


def test_reads_in_scope_for_every_role(api: Api, scene: Scene) -> None:
    issued_id = scene.tickets["issued"]["id"]
    for place in ("city", "east", "east_t1"):
        for role in sorted(READERS):
            caller = f"{role}@{place}"
            assert api.get(f"{TICKETS}/{issued_id}", as_=caller).status_code == 200, caller
            assert api.get(f"{INTERVIEWS}/{scene.interview}", as_=caller).status_code == 200, caller
            listed = {t["id"] for t in api.get(f"{TICKETS}?page_size=200", as_=caller).json}
            assert issued_id in listed, caller
            assert api.get(f"{TICKETS}/board", as_=caller).status_code == 200, caller
    for role in sorted(READERS):
        caller = f"{role}@west_t1"
        assert api.get(f"{TICKETS}?page_size=200", as_=caller).json == [], caller
        assert api.get(INTERVIEWS, as_=caller).json == [], caller
        assert api.get(f"{TICKETS}/board", as_=caller).json["bodies"] == [], caller


def test_creating_tickets_and_interviews_is_for_supervisors_and_admins(app: Flask, api: Api, scene: Scene) -> None:
    payload = {
        "title": "整改",
        "jurisdiction_id": api.world.ids["east_t1"],
        "responsible_person": "刘",
        "problems": [{"description": "问题", "measure": "措施"}],
        "rectification_workdays": 5,
    }
    interview = {"ticket_id": scene.tickets["issued"]["id"], "reason": "约谈"}
    for role in ("approver", "handler", "portal", "instructor"):
        before = fingerprint(app)
        assert api.post(TICKETS, as_=f"{role}@east", json=payload).status_code == 403, role
        assert api.post(INTERVIEWS, as_=f"{role}@east", json=interview).status_code == 403, role
        assert fingerprint(app) == before
    assert api.post(TICKETS, as_="supervisor@west_t1", json=payload).status_code == 404
    assert api.post(INTERVIEWS, as_="supervisor@west_t1", json=interview).status_code == 404
    assert api.get(f"{TICKETS}/inbox", as_="approver@east_t1").status_code == 403
    assert api.post(TICKETS, as_="admin@east", json=payload).status_code == 201
