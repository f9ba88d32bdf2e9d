"""Every console page against every role and place, like the API's matrix (tests/api/test_access.py), with
the same scene: in scope the page works (200 / a redirect after a form) or answers the 403 page for a role
that may not use it; out of scope it answers the 404 page; signed out every page sends the browser to the
sign-in page. A refused request changes nothing. The rows are data: a new console page adds a row (the
coverage test fails until it does)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import pytest
from flask import Flask

from service.extensions import db
from tests.api.test_access import CALLER_PLACES, DOC_NO, INSIDE, OUTSIDE, TODAY, Scene, fingerprint, scene
from tests.conftest import ROLES
from tests.console.conftest import Console

__all__ = ["scene"]  # the API matrix's scene fixture, reused

_seq = count(1)
ALL = frozenset(ROLES)
ADMIN = frozenset({"admin"})
INBOX_USERS = frozenset({"approver", "handler"})
DECIDERS = frozenset({"approver"})
APPLICANTS = frozenset({"admin", "portal", "handler", "approver"})
# Pages anyone may open signed out.
PUBLIC = {("GET", "/sign-in"), ("POST", "/sign-in"), ("POST", "/sign-out")}


@dataclass
class Page:
    path: str
    data: dict[str, Any] | None = None


Build = Callable[[Scene, str, str], Page]


@dataclass
class Row:
    method: str
    rule: str
    allowed: frozenset[str]
    ok: int
    build: Build
    outside_status: int | None = 404
    ok_by: dict[str, int] = field(default_factory=dict)
    per_caller: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.rule

    def expected_inside(self, caller: str) -> int:
        role, place = caller.split("@", 1)
        if role not in self.allowed:
            return 403
        for key in (caller, role, place):
            if key in self.ok_by:
                return self.ok_by[key]
        return self.ok


def _notification(s: Scene, code: str, caller: str) -> Page:
    """One of the caller's own notifications inside; someone else's for the outside targets."""
    from service.operations.notifications import notify

    owner = s.world.users[caller] if code == INSIDE else s.users[code]
    with s.app.app_context():
        notify([owner], "test", f"通知{next(_seq)}")
        db.session.commit()
        from sqlalchemy import func, select

        from service.models import Notification

        ident = db.session.execute(select(func.max(Notification.id))).scalar_one()
        db.session.remove()
    return Page(f"/notifications/{ident}/read", {})


def _found(s: Scene, code: str, caller: str) -> Page:
    case = s.case(code, "approved" if code == INSIDE else "preparing")
    data = {"held_on": TODAY, "entitled": "3", "present": "3", "secretary": "王书记", "elected": "王书记 3"}
    return Page(f"/cases/{case['id']}/found", data)


def _new_password(path: str) -> Page:
    password = f"Kennwort-{next(_seq)}"
    return Page(path, {"password": password, "password_again": password})


ROWS: list[Row] = [
    Row("GET", "/", ALL, 302, lambda s, c, w: Page("/"), outside_status=None),
    Row(
        "GET",
        "/inbox",
        INBOX_USERS,
        200,
        lambda s, c, w: Page(f"/inbox?body={s.world.ids[c]}"),
    ),
    Row("GET", "/tasks/<int:task_id>", ALL, 200, lambda s, c, w: Page(f"/tasks/{s.task(c)}")),
    Row("GET", "/cases/<int:case_id>", ALL, 200, lambda s, c, w: Page(f"/cases/{s.case(c)['id']}")),
    Row(
        "POST",
        "/tasks/<int:task_id>/decide",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/tasks/{s.task(c)}/decide", {"action": "approve", "approval_doc_no": DOC_NO, "meeting_on": TODAY}
        ),
        # only the body's approvers are candidates: an approver above is in scope but may not act
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/vote",
        DECIDERS,
        422,  # the scene's steps are any-one: a vote is refused by the rule, and nothing changes
        lambda s, c, w: Page(
            f"/tasks/{s.task(c)}/vote",
            {"members": "5", "present": "5", "votes_for": "5", "votes_against": "0", "meeting_on": TODAY},
        ),
        ok_by={"approver@east": 403},
    ),
    Row("POST", "/cases/<int:case_id>/found", APPLICANTS, 302, _found),
    Row("GET", "/done", ALL, 200, lambda s, c, w: Page("/done?unit=x&date_from=2026-01-01"), outside_status=None),
    Row("GET", "/notifications", ALL, 200, lambda s, c, w: Page("/notifications"), outside_status=None),
    Row("POST", "/notifications/<int:notification_id>/read", ALL, 302, _notification, per_caller=True),
    Row(
        "POST",
        "/notifications/read-all",
        ALL,
        302,
        lambda s, c, w: Page("/notifications/read-all", {}),
        outside_status=None,
    ),
    Row("GET", "/account", ALL, 200, lambda s, c, w: Page("/account"), outside_status=None),
    Row(
        "POST",
        "/account",
        ALL,
        422,  # a wrong old password: refused next to the field, nothing changes
        lambda s, c, w: Page(
            "/account", {"old_password": "nope", "new_password": "Kennwort-9", "new_password_again": "Kennwort-9"}
        ),
        outside_status=None,
    ),
    Row(
        "GET",
        "/admin/users/<int:user_id>/password",
        ADMIN,
        200,
        lambda s, c, w: Page(f"/admin/users/{s.users[c]}/password"),
    ),
    Row(
        "POST",
        "/admin/users/<int:user_id>/password",
        ADMIN,
        302,
        lambda s, c, w: _new_password(f"/admin/users/{s.users[c]}/password"),
    ),
]


def console_rules(app: Flask) -> set[tuple[str, str]]:
    out = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("console."):
            for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
                out.add((method, rule.rule))
    return out


def test_every_console_route_has_a_row(app: Flask) -> None:
    keys = [row.key for row in ROWS]
    assert len(keys) == len(set(keys)), "duplicate rows"
    missing = console_rules(app) - set(keys) - PUBLIC
    assert not missing, f"console routes without an access row: {sorted(missing)}"
    assert not set(keys) - console_rules(app), "rows for routes that no longer exist"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.method} {r.rule}")
def test_console_access_matrix(console: Console, scene: Scene, row: Row) -> None:
    problems: list[str] = []
    prepared: dict[tuple[str, str], Page] = {}
    successes = 0

    def attempt(caller: str, code: str, expected: int) -> None:
        nonlocal successes
        key = (code, caller if row.per_caller else caller.split("@", 1)[1])
        if key not in prepared:
            prepared[key] = row.build(scene, code, caller)
        target = prepared[key]
        before = fingerprint(scene.app)
        if row.method == "GET":
            res = console.get(target.path, as_=caller)
        else:
            res = console.post(target.path, as_=caller, data=target.data)
        after = fingerprint(scene.app)
        if after != before:
            prepared.pop(key)
        label = f"{row.method} {target.path} as {caller} on {code}"
        if res.status_code != expected:
            problems.append(f"{label}: expected {expected}, got {res.status_code}")
            return
        text = res.get_data(as_text=True)
        if expected == 403 and "无权访问" not in text:
            problems.append(f"{label}: 403 without the Chinese page")
        if expected == 404 and "页面不存在" not in text:
            problems.append(f"{label}: 404 without the Chinese page")
        if expected >= 400 and after != before:
            problems.append(f"{label}: refused with {expected} but changed state")
        if expected == 302 and res.headers["Location"].startswith("/sign-in"):
            problems.append(f"{label}: a signed-in caller was sent to sign in")
        if expected == row.ok and row.allowed & {caller.split("@")[0]}:
            successes += 1

    for place in CALLER_PLACES:
        for role in ROLES:
            caller = f"{role}@{place}"
            attempt(caller, INSIDE, row.expected_inside(caller))
            if row.outside_status is None:
                continue
            for code in OUTSIDE[place]:
                attempt(caller, code, row.outside_status if role in row.allowed else 403)
    assert successes >= 1, f"{row.key}: no caller succeeded"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.method} {r.rule}")
def test_signed_out_goes_to_the_sign_in_page(app: Flask, client: Any, world: Any, row: Row) -> None:
    path = row.rule.replace("<int:task_id>", "1").replace("<int:case_id>", "1")
    path = path.replace("<int:notification_id>", "1").replace("<int:user_id>", str(world.users["handler@east_t1"]))
    before = fingerprint(app)
    res = client.open(path, method=row.method, data={} if row.method == "POST" else None)
    assert res.status_code == 302, (row.key, res.status_code)
    assert res.headers["Location"].startswith("/sign-in"), res.headers["Location"]
    assert fingerprint(app) == before
