"""The access matrix's vocabulary: the scene (one of each resource in every jurisdiction), the request a row
builds, and the row itself. Shared by tests/api/test_access.py (the rows of the service's own endpoints) and
tests/<folder>/access_<workflow>.py (each declared workflow's rows, found through workflows.registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from flask import Flask
from sqlalchemy import select

from service.auth import system_actor
from service.extensions import db
from service.models import User
from tests.support.factories import unit_payload
from tests.support.world import ROLES, Api, World
from workflows.approval import RouteSpec

_seq = count(1)

ALL = frozenset(ROLES)

DOC_NO = "东一委复〔2026〕8号"
TODAY = "2026-09-25"  # the injected clock's civil date in Asia/Shanghai
CASES = "/api/v1/establishment-cases"
TASKS = "/api/v1/tasks"


def etag(app: Flask, model: type, ident: int) -> str:
    with app.app_context():
        row = db.session.get(model, ident)
        assert row is not None
        tag = f'"{row.__tablename__}-{row.id}-v{row.version}"'
        db.session.remove()
    return tag


@dataclass
class Scene:
    """The world plus one of each resource in every jurisdiction (keyed by jurisdiction code), an approver in
    every body (so cases anywhere can be submitted), any-one approval routes and a second approver at east_t1."""

    app: Flask
    api: Api
    world: World
    units: dict[str, int]
    orgs: dict[str, int]
    users: dict[str, int]
    colleague: int = 0

    def fresh_token(self, code: str) -> int:
        from service.operations.reference import users

        with self.app.app_context():
            user = db.session.get(User, self.users[code])
            token, _ = users.issue_token(system_actor("test"), user, f"spare-{next(_seq)}")
            ident = token.id
            db.session.remove()
        return ident

    def _ok(self, res: Any) -> dict[str, Any]:
        assert res.status_code in (200, 201), res.get_data(as_text=True)
        return dict(res.json)

    def case(self, code: str, state: str = "preparing") -> dict[str, Any]:
        """A fresh one-unit branch request in `code`: preparing, submitted (a group task open at the body),
        claimed by approver@east_t1 (inside only) or approved."""
        api = self.api
        unit = self._ok(
            api.post("/api/v1/units", as_="admin@city", json=unit_payload(self.world.ids[code], formal_members=3))
        )
        case = self._ok(
            api.post(
                CASES,
                as_="admin@city",
                json={"unit_ids": [unit["id"]], "form": "branch", "proposed_name": f"{code}测试党支部{next(_seq)}"},
            )
        )
        if state == "preparing":
            return case
        case = self._ok(api.post(f"{CASES}/{case['id']}/submit", as_="admin@city"))
        task = self.open_task(case["id"])
        case["task_id"] = task
        if state == "claimed":
            self._ok(api.post(f"{TASKS}/{task}/claim", as_="approver@east_t1"))
        elif state == "approved":
            self._ok(
                api.post(
                    f"{TASKS}/{task}/decide",
                    as_="approver@east_t1",
                    json={"action": "approve", "approval_doc_no": DOC_NO, "meeting_on": TODAY},
                )
            )
        return case

    def open_task(self, case_id: int) -> int:
        from service.models import ApprovalTask

        with self.app.app_context():
            ident = db.session.execute(
                select(ApprovalTask.id).where(ApprovalTask.subject_id == case_id, ApprovalTask.status == "open")
            ).scalar_one()
            db.session.remove()
        return int(ident)

    def task(self, code: str, state: str = "submitted") -> int:
        return int(self.case(code, state if code == INSIDE else "submitted")["task_id"])

    def route(self, code: str, mode: str) -> None:
        from service.operations.engines import approvals

        with self.app.app_context():
            approvals.routes.put_route(
                system_actor("test"),
                RouteSpec(
                    body_id=self.world.ids[code],
                    workflow="establishment",
                    level_name="superior_approval",
                    mode=mode,
                ),
            )
            db.session.remove()


@dataclass
class Call:
    path: str
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    # A multipart body (file uploads), built afresh for every send: a file object is read once.
    data: Callable[[], dict[str, Any]] | None = None
    # multipart uploads: field name -> file content (a fresh stream per request)
    files: dict[str, bytes] | None = None


Build = Callable[[Scene, str, str], Call]  # (scene, target jurisdiction code, caller) -> request


@dataclass
class Row:
    method: str
    rule: str
    allowed: frozenset[str]
    ok: int
    build: Build
    # For list endpoints: the jurisdiction id of an item, so every item can be checked to lie in scope.
    item_jurisdiction: Callable[[dict[str, Any]], int | None] | None = None
    # What an out-of-scope target yields for an allowed role: 404, or (lists) 200 with nothing outside;
    # None: the endpoint addresses nothing that lives in a jurisdiction.
    outside_status: int | None = 404
    # The in-scope answer where business rules, not the role gate, decide: keyed by caller, role or place
    # (e.g. nothing can sit under a township; only the task's candidates may act on it).
    ok_by: dict[str, int] = field(default_factory=dict)
    # Audit records a successful write leaves: exactly this many, or (None) at least one.
    audit_records: int | None = 1
    # Run once before the row's calls (e.g. an approval route the endpoint needs).
    setup: Callable[[Scene], None] | None = None
    # Whether an in-scope list answer must be non-empty.
    nonempty: bool = True
    # Build the request afresh for every caller, not once per place: for resources that belong to one user
    # (a notification), which a read leaves unchanged.
    per_caller: bool = False
    # A GET whose first success writes (a document issued at its first download): checked like a write.
    issues_on_read: bool = False
    # A write answered 200 item by item (a batch): from its answer, whether it did anything; when it did not
    # (every item refused: out of scope, not the caller's), it must have changed nothing.
    wrote: Callable[[Any], bool] | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.rule

    @property
    def id(self) -> str:
        return f"{self.method} {self.rule}"

    def expected_inside(self, caller: str) -> int:
        role, place = caller.split("@", 1)
        if role not in self.allowed:
            return 403
        for key in (caller, role, place):
            if key in self.ok_by:
                return self.ok_by[key]
        return self.ok


def _place(caller: str) -> str:
    return caller.split("@", 1)[1]


CALLER_PLACES = ("east", "east_t1")
INSIDE = "east_t1"  # inside the subtree of every caller place
OUTSIDE = {"east": ("west_t1", "west", "city"), "east_t1": ("west_t1", "east", "east_t2", "city")}
