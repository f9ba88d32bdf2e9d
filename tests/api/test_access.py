"""Authentication, roles and jurisdiction scope for every endpoint.

- every /api/v1 rule answers 401 without a (valid) token, so a new endpoint cannot slip through;
- a table-driven matrix: every endpoint x every role, for resources inside the caller's subtree (the
  expected success status or 403) and outside it (404 for every role that would otherwise be allowed);
- the matrix must have a row for every /api/v1 rule in url_map;
- revoked tokens and deactivated users answer 401.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from service.auth import system_actor
from service.extensions import db
from service.models import ApiToken, Jurisdiction, PartyOrg, Unit, User
from tests.instructors.access_instructor_assignment import ATTACHMENT_ROWS as VISIT_ATTACHMENT_ROWS
from tests.support.access import workflow_rows
from tests.support.access.common import INTERVIEWS, SUPERVISION_READERS, TICKETS, interview, saved_opinion, ticket
from tests.support.access.matrix import (
    ALL,
    CALLER_PLACES,
    CASES,
    DOC_NO,
    INSIDE,
    OUTSIDE,
    TASKS,
    TODAY,
    Build,
    Call,
    Row,
    Scene,
    _place,
    _seq,
    etag,
)
from tests.support.database import audit_count, fingerprint
from tests.support.factories import new_credit_code, new_unit, unit_payload
from tests.support.world import ROLES, WORLD_TREE, Api, World
from workflows.approval import RouteSpec

API_PREFIX = "/api/v1/"
IGNORED_METHODS = {"HEAD", "OPTIONS"}
NOT_FOUND_BODY = {"status": 404, "code": "not_found", "message": "资源不存在"}


# --------------------------------------------------------------------------------------------------
# helpers shared with the other API test modules


def api_rules(app: Flask) -> set[tuple[str, str]]:
    """(method, rule) for every /api/v1 endpoint, HEAD and OPTIONS aside."""
    out: set[tuple[str, str]] = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(API_PREFIX):
            for method in (rule.methods or set()) - IGNORED_METHODS:
                out.add((method, rule.rule))
    return out


def concrete_path(rule: str, value: int = 1) -> str:
    """Fill every converter (<int:x>, <x>) with a value."""
    return re.sub(r"<(?:[^:<>]+:)?[^<>]+>", str(value), rule)


def subtree_codes(place: str) -> set[str]:
    """Jurisdiction codes in the subtree rooted at `place` (itself included), from the world tree."""
    parent = {code: p for code, _, _, p in WORLD_TREE}
    out = set()
    for code in parent:
        node: str | None = code
        while node is not None:
            if node == place:
                out.add(code)
                break
            node = parent[node]
    return out


# --------------------------------------------------------------------------------------------------
# (a) every rule under /api/v1 needs a token


def test_api_rules_exist(app: Flask) -> None:
    rules = api_rules(app)
    assert ("GET", "/api/v1/units") in rules
    assert len(rules) >= 18


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer dj_not-a-real-token", "Basic YWRtaW46YWRtaW4=", "Token dj_x", "dj_x"],
    ids=["none", "empty", "scheme-only", "scheme-blank", "bogus", "basic", "other-scheme", "no-scheme"],
)
def test_every_api_rule_refuses_missing_or_bogus_token(
    app: Flask, client: FlaskClient, world: World, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(API_PREFIX):
            continue
        for method in sorted((rule.methods or set()) - {"OPTIONS"}):
            path = concrete_path(rule.rule, world.ids["east_t1"])
            before = audit_count(app) if method not in {"GET", "HEAD"} else None
            res = client.open(path, method=method, headers=headers, json={} if method in {"POST", "PATCH"} else None)
            assert res.status_code == 401, (method, path, res.status_code)
            assert res.headers["WWW-Authenticate"].startswith("Bearer"), (method, path)
            assert res.headers["X-Request-ID"]
            if method != "HEAD":
                assert res.json["status"] == 401
                assert res.json["code"] == "unauthorized"
                assert res.json["message"]
                assert res.json["request_id"] == res.headers["X-Request-ID"]
            if before is not None:
                assert audit_count(app) == before
            checked += 1
    assert checked >= 18


def test_tokens_that_only_resemble_a_valid_one_are_refused(api: Api, world: World) -> None:
    real = world.tokens["admin@city"]
    assert api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {real}"}, as_=None).status_code == 200
    for forged in (
        hashlib.sha256(real.encode()).hexdigest(),  # the stored hash is not a credential
        real[:-1],
        real + "x",
        real.upper(),
        real[:10],  # the listed prefix
    ):
        res = api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {forged}"}, as_=None)
        assert res.status_code == 401, forged
        assert "WWW-Authenticate" in res.headers


def test_unknown_api_path_does_not_reveal_routing_without_a_token(api: Api) -> None:
    # Authentication runs before routing, so probing for endpoints only ever yields 401.
    res = api.get("/api/v1/no-such-thing", as_=None)
    assert res.status_code == 401
    assert api.get("/api/v1/no-such-thing").status_code == 404


# --------------------------------------------------------------------------------------------------
# (b) the role x scope matrix


@pytest.fixture
def scene(app: Flask, api: Api, world: World) -> Scene:
    from service.inputs import NewUser
    from service.operations.reference import units, users

    actor = system_actor("test")
    unit_ids: dict[str, int] = {}
    org_ids: dict[str, int] = {}
    user_ids: dict[str, int] = {}
    with app.app_context():
        for code, place in world.ids.items():
            unit_ids[code] = units.create(actor, new_unit(place)).id
            org = PartyOrg(name=f"{code} 党支部", kind="branch", jurisdiction_id=place, status="active")
            db.session.add(org)
            db.session.commit()
            org_ids[code] = org.id
            user = users.create(
                actor, NewUser(username=f"target.{code}", display_name=code, role="handler", jurisdiction_id=place)
            )
            user_ids[code] = user.id
            if f"approver@{code}" not in world.users:
                users.create(
                    actor,
                    NewUser(username=f"approver.{code}", display_name=code, role="approver", jurisdiction_id=place),
                )
        colleague = users.create(
            actor,
            NewUser(
                username="colleague.east_t1", display_name="同事", role="approver", jurisdiction_id=world.ids["east_t1"]
            ),
        ).id
        db.session.remove()
    s = Scene(app, api, world, unit_ids, org_ids, user_ids, colleague)
    for code in world.ids:
        s.route(code, "any_one")
    return s


ADMIN = frozenset({"admin"})
UNIT_WRITERS = frozenset({"admin", "supervisor", "handler", "portal"})
AUDIT_READERS = frozenset({"admin", "supervisor"})
APPROVERS = frozenset({"approver"})
# Only approvers of the body a task is offered to may act on it; an approver above is in scope but no candidate.
CANDIDATES_ONLY = {"approver@east": 403}


def _jurisdiction_patch(s: Scene, code: str, caller: str) -> Call:
    ident = s.world.ids[code]
    return Call(
        f"/api/v1/jurisdictions/{ident}",
        {"name": f"改名{next(_seq)}"},
        {"If-Match": etag(s.app, Jurisdiction, ident)},
    )


def _unit_patch(s: Scene, code: str, caller: str) -> Call:
    ident = s.units[code]
    changes = {"address": f"{caller} 路 {next(_seq)} 号"}
    return Call(f"/api/v1/units/{ident}", changes, {"If-Match": etag(s.app, Unit, ident)})


def _user_patch(s: Scene, code: str, caller: str) -> Call:
    ident = s.users[code]
    changes = {"display_name": f"by {caller} {next(_seq)}"}
    return Call(f"/api/v1/users/{ident}", changes, {"If-Match": etag(s.app, User, ident)})


def _new_user(s: Scene, code: str, caller: str) -> Call:
    payload = {
        "username": f"new.{next(_seq)}",
        "display_name": "新用户",
        "role": "handler",
        "jurisdiction_id": s.world.ids[code],
    }
    return Call("/api/v1/users", payload)


def _revoke(s: Scene, code: str, caller: str) -> Call:
    return Call(f"/api/v1/users/{s.users[code]}/tokens/{s.fresh_token(code)}")


def _task_action(action: str, body: Callable[[Scene], Any] | None = None, state: str = "submitted") -> Build:
    def build(s: Scene, code: str, caller: str) -> Call:
        return Call(f"{TASKS}/{s.task(code, state)}/{action}", body(s) if body else None)

    return build


def consult_task(s: Scene, code: str, caller: str) -> int:
    """委派: inside, the colleague at east_t1 asks the caller (an approver there) for an opinion on a fresh
    task: the caller's consult task. Elsewhere (or for another caller) the fresh task itself, which the caller
    may not answer (403) or does not see (404)."""
    from service.auth import Actor
    from service.models import Jurisdiction
    from service.operations.engines import approvals

    task = s.task(code)
    if code != INSIDE or caller != "approver@east_t1":
        return task
    with s.app.app_context():
        place = db.session.get(Jurisdiction, s.world.ids[INSIDE])
        assert place is not None
        owner = Actor(s.colleague, "colleague.east_t1", "approver", place.id, place.path)
        approvals.acting.act(owner, task, "consult", delegate_to=s.world.users[caller])
        consult = max(t.id for t in approvals.reads.tasks_of([approvals.reads.get_task(owner, task).step_id]))
        db.session.remove()
    return consult


def named_task(s: Scene, code: str) -> int:
    """A fresh task of a countersign step naming the approver at `code` and (inside) the colleague: 加签 and
    减签 need named approvers. The place's route goes back to any_one (group offers) afterwards."""
    from service.operations.engines import approvals

    if code != INSIDE:
        return s.task(code)  # out of the caller's reach whatever the route
    approvers = [s.world.users[f"approver@{code}"], s.colleague]
    spec = RouteSpec(s.world.ids[code], "establishment", "superior_approval", "countersign", approvers)
    with s.app.app_context():
        approvals.routes.put_route(system_actor("test"), spec)
        db.session.remove()
    from service.models import ApprovalTask

    try:
        case = s.case(code, "preparing")
        assert s.api.post(f"/api/v1/establishment-cases/{case['id']}/submit", as_="admin@city").status_code == 200
        with s.app.app_context():
            mine = db.session.execute(
                select(ApprovalTask.id).where(
                    ApprovalTask.subject_id == case["id"], ApprovalTask.assignee_id == approvers[0]
                )
            ).scalar_one()
            db.session.remove()
        return int(mine)
    finally:
        s.route(code, "any_one")


def approved_task(s: Scene, code: str) -> int:
    """Inside: a countersign task the approver at east_t1 has approved while the colleague has not (拿回)."""
    task = named_task(s, code)
    if code == INSIDE:
        r = s.api.post(f"{TASKS}/{task}/decide", as_="approver@east_t1", json={"action": "approve"})
        assert r.status_code == 200, r.json
    return task


def county_task(s: Scene, code: str, caller: str) -> int:
    """退回 to an earlier level: for the county's approver, the county's task of a primary committee request at
    east_t1 that east_t1 has reviewed (it may go back to the review); for anyone else a fresh task of a
    one-level request (nowhere earlier to go: 422 for its own approver) at `code`."""
    from service.models import ApprovalTask
    from tests.support.establishment import make_unit, new_case, submit

    if code != INSIDE or caller != "approver@east":
        return s.task(code)
    unit = make_unit(s.api, INSIDE, as_="admin@city", formal_members=100, employees=400)
    case = new_case(s.api, [unit["id"]], "primary_committee", as_="admin@city")
    submit(s.api, case["id"], as_="admin@city")
    review = s.open_task(case["id"])
    r = s.api.post(f"{TASKS}/{review}/decide", as_="approver@east_t1", json={"action": "approve"})
    assert r.status_code == 200, r.json
    with s.app.app_context():
        county = db.session.execute(
            select(ApprovalTask.id).where(ApprovalTask.subject_id == case["id"], ApprovalTask.status == "open")
        ).scalar_one()
        db.session.remove()
    return int(county)


def third_approver(s: Scene) -> int:
    """One more approver at east_t1 (neither the approver nor the colleague), to add (加签); made once."""
    from service.inputs import NewUser
    from service.operations.reference import users

    with s.app.app_context():
        found = db.session.execute(select(User.id).where(User.username == "third.east_t1")).scalar_one_or_none()
        if found is None:
            place = s.world.ids[INSIDE]
            found = users.create(
                system_actor("test"),
                NewUser(username="third.east_t1", display_name="第三人", role="approver", jurisdiction_id=place),
            ).id
        db.session.remove()
    return int(found)


def _overdue_task(s: Scene, code: str, caller: str) -> Call:
    """A fresh open task at `code`, made overdue (due yesterday), to urge (催办)."""
    from datetime import date

    from sqlalchemy import update

    from service.models import ApprovalTask

    ident = s.task(code)
    with s.app.app_context():
        db.session.execute(update(ApprovalTask).where(ApprovalTask.id == ident).values(due_on=date(2026, 9, 24)))
        db.session.commit()
        db.session.remove()
    return Call(f"{TASKS}/{ident}/urge", {"message": "请尽快审批"})


VOTE = {"members": 9, "present": 7, "votes_for": 6, "votes_against": 1, "approval_doc_no": DOC_NO, "meeting_on": TODAY}


NOTIFICATIONS = "/api/v1/notifications"
WEBHOOKS = "/api/v1/webhooks"
CALENDAR = "/api/v1/calendar"


def _notification_read(s: Scene, code: str, caller: str) -> Call:
    """Inside: a fresh notification of the caller's own; outside: one of the handler's at that place."""
    from sqlalchemy import func

    from service.models import Notification
    from service.operations.engines.notifications import notify

    owner = s.world.users[caller] if code == INSIDE else s.users[code]
    with s.app.app_context():
        notify([owner], "task.assigned", "矩阵通知")
        db.session.commit()
        ident = db.session.execute(select(func.max(Notification.id)).where(Notification.user_id == owner)).scalar_one()
        db.session.remove()
    return Call(f"{NOTIFICATIONS}/{ident}/read")


COPIES = "/api/v1/copies"
COPIERS_OF_CASES = frozenset({"admin", "supervisor", "approver", "handler"})
COPIERS_OF_TICKETS = frozenset({"admin", "supervisor", "handler"})


def _copy_case(s: Scene, code: str, caller: str) -> Call:
    """A fresh case at `code`, copied to the second approver of east_t1 (who sees the cases there)."""
    return Call(f"{CASES}/{s.case(code)['id']}/copies", {"user_ids": [s.colleague], "note": "请阅知"})


def _copy_ticket(s: Scene, code: str, caller: str) -> Call:
    """A fresh ticket issued to `code`, copied to the second approver of east_t1 (a supervision reader)."""
    return Call(f"{TICKETS}/{ticket(s, code)['id']}/copies", {"user_ids": [s.colleague]})


def _copy_read(s: Scene, code: str, caller: str) -> Call:
    """Inside: a fresh copy of the caller's own; outside: one of the handler's at that place."""
    from service.clock import now
    from service.models import Copy

    owner = s.world.users[caller] if code == INSIDE else s.users[code]
    with s.app.app_context():
        row = Copy(
            subject_type="establishment",
            subject_id=next(_seq),
            jurisdiction_id=s.world.ids[INSIDE if code == INSIDE else code],
            recipient_id=owner,
            created_at=now(),
        )
        db.session.add(row)
        db.session.commit()
        ident = row.id
        db.session.remove()
    return Call(f"{COPIES}/{ident}/read")


def _own_webhook(s: Scene, code: str, caller: str, failed_delivery: bool = False) -> tuple[int, int | None]:
    """A webhook (and optionally a failed delivery of it). Inside: portal@<caller's place>'s, at that place — the
    portal's own and in the admin's scope, whichever role asks first. Outside: one at `code`, owned by its handler."""
    from service.clock import now
    from service.models import Webhook, WebhookDelivery

    place = _place(caller) if code == INSIDE else code
    owner = s.world.users[f"portal@{place}"] if code == INSIDE else s.users[code]
    with s.app.app_context():
        hook = Webhook(
            owner_id=owner,
            jurisdiction_id=s.world.ids[place],
            url="https://portal.example.org/h",
            secret="whsec_matrix",
            events=["*"],
            active=True,
        )
        db.session.add(hook)
        db.session.flush()
        delivery = None
        if failed_delivery:
            row = WebhookDelivery(
                webhook_id=hook.id,
                event="task.assigned",
                payload={"event": "task.assigned"},
                status="failed",
                attempts=8,
                created_at=now(),
            )
            db.session.add(row)
            db.session.flush()
            delivery = row.id
        db.session.commit()
        ident = hook.id
        db.session.remove()
    return ident, delivery


def _webhook_call(suffix: str = "", json: Any = None, if_match: bool = False) -> Build:
    def build(s: Scene, code: str, caller: str) -> Call:
        from service.models import Webhook

        ident, _ = _own_webhook(s, code, caller)
        headers = {"If-Match": etag(s.app, Webhook, ident)} if if_match else {}
        return Call(f"{WEBHOOKS}/{ident}{suffix}", json, headers)

    return build


def _redeliver(s: Scene, code: str, caller: str) -> Call:
    ident, delivery = _own_webhook(s, code, caller, failed_delivery=True)
    return Call(f"{WEBHOOKS}/{ident}/deliveries/{delivery}/redeliver")


def _webhooks_at_both_places(s: Scene) -> None:
    for place in CALLER_PLACES:
        _own_webhook(s, INSIDE, f"portal@{place}")


IMPORTS_V1 = "/api/v1/units/imports"


def _ledger_xlsx() -> bytes:
    from tests.support.excel import xlsx

    return xlsx([[new_credit_code(), "矩阵企业", "非公企业", "east_t1", 60, 3]])


def _import(s: Scene, code: str) -> int:
    """A finished import uploaded by the handler at `code`."""
    from service.clock import now
    from service.models import UnitImport

    with s.app.app_context():
        row = UnitImport(
            user_id=s.users[code],
            jurisdiction_id=s.world.ids[code],
            mode="all_or_nothing",
            filename="ledger.xlsx",
            size_bytes=1,
            content=_ledger_xlsx(),
            sheet_title="Sheet",
            headers=["统一社会信用代码", "单位名称", "单位类型", "所属管辖单位代码", "从业人员数", "正式党员数"],
            unknown_columns=[],
            status="succeeded",
            total_rows=1,
            created_at=now(),
        )
        db.session.add(row)
        db.session.commit()
        ident = row.id
        db.session.remove()
    return ident


CALENDAR_2027 = {
    "notice": "（虚构示例）2027年节假日安排",
    "days": [{"date": "2027-10-01", "workday": False, "name": "国庆节"}],
}


def _no_pdf_converter(s: Scene) -> None:
    """The .pdf rows run without a converter (501 for every caller in scope, 404 outside); the conversion
    itself is tested in tests/engines/documents/test_pdf.py where LibreOffice is installed."""
    from dataclasses import replace

    settings = s.app.config["SETTINGS"]
    s.app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))


def _template_file() -> dict[str, Any]:
    import io

    from service.documents.render import default_template

    return {"file": (io.BytesIO(default_template("circular")), "通报.docx")}


def _customised(s: Scene, code: str, caller: str) -> Call:
    """A body with its own circular template, to be reset."""
    from service.operations.engines import document_templates

    with s.app.app_context():
        document_templates.upload(
            system_actor("test"), "circular", s.world.ids[code], "t.docx", _template_file()["file"][0].read()
        )
        db.session.remove()
    return Call(f"{TEMPLATES_V1}/circular?jurisdiction_id={s.world.ids[code]}")


TEMPLATES_V1 = "/api/v1/document-templates"


def _document_rows() -> list[Row]:
    """Documents: whoever reads the subject reads its document (the first download issues it: one audit
    record); templates: admins, for bodies in their scope."""
    ticket_document = lambda ext: lambda s, c, who: Call(f"{TICKETS}/{ticket(s, c)['id']}/document.{ext}")  # noqa: E731
    notice = lambda ext: lambda s, c, who: Call(f"{INTERVIEWS}/{interview(s, c)}/notice.{ext}")  # noqa: E731

    def reply(ext: str) -> Build:
        def build(s: Scene, c: str, who: str) -> Call:
            return Call(f"{CASES}/{s.case(c, 'approved' if c == INSIDE else 'submitted')['id']}/reply.{ext}")

        return build

    rows = []
    # 督办单 and 约谈通知 were issued with their subject: a download only reads. Not portals (no supervision).
    # The 批复 is recorded at its first download, and read by every role that reads the case.
    # A portal reads the 批复 of the cases it filed only (the scene's are filed by admin@city).
    for rule, build, readers, issues, ok_by in (
        (f"{TICKETS}/<int:ticket_id>/document", ticket_document, SUPERVISION_READERS, False, {}),
        (f"{INTERVIEWS}/<int:interview_id>/notice", notice, SUPERVISION_READERS, False, {}),
        (f"{CASES}/<int:case_id>/reply", reply, ALL, True, {"portal": 404}),
    ):
        rows.append(Row("GET", f"{rule}.docx", readers, 200, build("docx"), issues_on_read=issues, ok_by=ok_by))
        rows.append(Row("GET", f"{rule}.pdf", readers, 501, build("pdf"), setup=_no_pdf_converter, ok_by=ok_by))
    # 审批单: read only in any state (nothing issued), by every role that reads the case
    form = lambda ext: lambda s, c, who: Call(f"{CASES}/{s.case(c, 'submitted')['id']}/approval-form.{ext}")  # noqa: E731
    rule = f"{CASES}/<int:case_id>/approval-form"
    rows.append(Row("GET", f"{rule}.docx", ALL, 200, form("docx"), ok_by={"portal": 404}))
    rows.append(Row("GET", f"{rule}.pdf", ALL, 501, form("pdf"), setup=_no_pdf_converter, ok_by={"portal": 404}))
    # 请示: read only in any state (a draft is marked 草稿), by every role that reads the case
    request = lambda ext: lambda s, c, who: Call(f"{CASES}/{s.case(c, 'submitted')['id']}/request.{ext}")  # noqa: E731
    rule = f"{CASES}/<int:case_id>/request"
    rows.append(Row("GET", f"{rule}.docx", ALL, 200, request("docx"), ok_by={"portal": 404}))
    rows.append(Row("GET", f"{rule}.pdf", ALL, 501, request("pdf"), setup=_no_pdf_converter, ok_by={"portal": 404}))
    circular = lambda ext: lambda s, c, who: Call(f"{COVERAGE}/circulars/{_circular(s, c)}/document.{ext}")  # noqa: E731
    rule = f"{COVERAGE}/circulars/<int:circular_id>/document"
    rows.append(Row("GET", f"{rule}.docx", COVERAGE_READERS, 200, circular("docx")))  # numbered when issued
    rows.append(Row("GET", f"{rule}.pdf", COVERAGE_READERS, 501, circular("pdf"), setup=_no_pdf_converter))
    place = lambda s, c: f"?jurisdiction_id={s.world.ids[c]}"  # noqa: E731
    rows += [
        Row("GET", TEMPLATES_V1, ADMIN, 200, lambda s, c, who: Call(f"{TEMPLATES_V1}{place(s, c)}")),
        Row(
            "GET",
            f"{TEMPLATES_V1}/<kind>/template.docx",
            ADMIN,
            200,
            lambda s, c, who: Call(f"{TEMPLATES_V1}/approval_reply/template.docx{place(s, c)}"),
        ),
        Row(
            "PUT",
            f"{TEMPLATES_V1}/<kind>",
            ADMIN,
            201,
            lambda s, c, who: Call(f"{TEMPLATES_V1}/circular{place(s, c)}", data=_template_file),
        ),
        Row("DELETE", f"{TEMPLATES_V1}/<kind>", ADMIN, 200, _customised, per_caller=True),
    ]
    return rows


COVERAGE = "/api/v1/coverage"
COVERAGE_READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
CIRCULAR_ISSUERS = frozenset({"admin", "supervisor"})
CIRCULAR_BODY = {"period_start": "2026-09-01", "period_end": "2026-09-30"}
CIRCULAR_PERIOD = "period_start=2026-09-01&period_end=2026-09-30"


def _circular(s: Scene, code: str) -> int:
    """A circular issued (by the city) for jurisdiction `code`."""
    res = s.api.post(
        f"{COVERAGE}/circulars", as_="admin@city", json={"jurisdiction_id": s.world.ids[code], **CIRCULAR_BODY}
    )
    assert res.status_code == 201, res.json
    return int(res.json["id"])


def _circular_inside(s: Scene) -> None:
    _circular(s, INSIDE)


MATRIX: list[Row] = [
    # jurisdictions: every role reads (scoped), admins write
    Row(
        "GET",
        "/api/v1/jurisdictions",
        ALL,
        200,
        # in scope: the whole visible tree; out of scope: the children of a body the caller cannot see
        lambda s, c, who: Call(
            "/api/v1/jurisdictions" if c == INSIDE else f"/api/v1/jurisdictions?parent_id={s.world.ids[c]}"
        ),
        item_jurisdiction=lambda item: item["id"],
        outside_status=200,
    ),
    Row(
        "POST",
        "/api/v1/jurisdictions",
        ADMIN,
        201,
        # in scope: a new township under the caller's own body (a township itself can have no children)
        lambda s, c, who: Call(
            "/api/v1/jurisdictions",
            {
                "code": f"J{next(_seq)}",
                "name": "新镇",
                "kind": "township",
                "parent_id": s.world.ids[_place(who) if c == INSIDE else c],
            },
        ),
        ok_by={"east_t1": 422},
    ),
    Row(
        "GET",
        "/api/v1/jurisdictions/<int:jurisdiction_id>",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/jurisdictions/{s.world.ids[c]}"),
    ),
    Row("PATCH", "/api/v1/jurisdictions/<int:jurisdiction_id>", ADMIN, 200, _jurisdiction_patch),
    # units: every role reads, admin/supervisor/handler/portal write
    Row(
        "GET",
        "/api/v1/units",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/units?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
    ),
    Row(
        "POST",
        "/api/v1/units",
        UNIT_WRITERS,
        201,
        lambda s, c, who: Call("/api/v1/units", unit_payload(s.world.ids[c])),
        audit_records=2,  # the unit, and the 组建准备 item an in-scope unit without an organisation opens
    ),
    Row("GET", "/api/v1/units/<int:unit_id>", ALL, 200, lambda s, c, who: Call(f"/api/v1/units/{s.units[c]}")),
    Row("PATCH", "/api/v1/units/<int:unit_id>", UNIT_WRITERS, 200, _unit_patch),
    # party organisations: every role reads
    Row(
        "GET",
        "/api/v1/party-orgs",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/party-orgs?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
    ),
    Row("GET", "/api/v1/party-orgs/<int:org_id>", ALL, 200, lambda s, c, who: Call(f"/api/v1/party-orgs/{s.orgs[c]}")),
    # users: admins only, except /users/me
    Row("GET", "/api/v1/users/me", ALL, 200, lambda s, c, who: Call("/api/v1/users/me"), outside_status=None),
    Row(
        "GET",
        "/api/v1/users",
        ADMIN,
        200,
        lambda s, c, who: Call(f"/api/v1/users?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        outside_status=200,
    ),
    Row("POST", "/api/v1/users", ADMIN, 201, _new_user),
    Row("GET", "/api/v1/users/<int:user_id>", ADMIN, 200, lambda s, c, who: Call(f"/api/v1/users/{s.users[c]}")),
    Row("PATCH", "/api/v1/users/<int:user_id>", ADMIN, 200, _user_patch),
    Row(
        "GET",
        "/api/v1/users/<int:user_id>/tokens",
        ADMIN,
        200,
        lambda s, c, who: Call(f"/api/v1/users/{s.users[c]}/tokens"),
    ),
    Row(
        "POST",
        "/api/v1/users/<int:user_id>/tokens",
        ADMIN,
        201,
        lambda s, c, who: Call(f"/api/v1/users/{s.users[c]}/tokens", {"name": "matrix"}),
    ),
    Row("DELETE", "/api/v1/users/<int:user_id>/tokens/<int:token_id>", ADMIN, 200, _revoke),
    # audit: admins and supervisors
    Row(
        "GET",
        "/api/v1/audit",
        AUDIT_READERS,
        200,
        lambda s, c, who: Call(f"/api/v1/audit?subject_type=unit&subject_id={s.units[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        outside_status=200,
    ),
    # approval tasks: everyone may read a task in scope and their own inbox; approvers act on tasks
    # offered to their body
    Row(
        "GET", f"{TASKS}/inbox", ALL, 200, lambda s, c, who: Call(f"{TASKS}/inbox"), outside_status=None, nonempty=False
    ),
    # not portals: a task shows the case it decides, and a portal sees only the cases it filed
    Row("GET", f"{TASKS}/<int:task_id>", ALL - {"portal"}, 200, lambda s, c, who: Call(f"{TASKS}/{s.task(c)}")),
    Row("POST", f"{TASKS}/<int:task_id>/claim", APPROVERS, 200, _task_action("claim"), ok_by=CANDIDATES_ONLY),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/release",
        APPROVERS,
        200,
        _task_action("release", state="claimed"),
        ok_by={"approver@east": 409},
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/decide",
        APPROVERS,
        200,
        _task_action("decide", lambda s: {"action": "approve", "approval_doc_no": DOC_NO, "meeting_on": TODAY}),
        ok_by=CANDIDATES_ONLY,
        audit_records=None,
    ),
    # a batch answers 200 item by item: a task out of scope is refused as not_found, one in scope that is not
    # the caller's as forbidden, and neither changes anything
    Row(
        "POST",
        f"{TASKS}/batch",
        APPROVERS,
        200,
        lambda s, c, who: Call(f"{TASKS}/batch", {"action": "return", "task_ids": [s.task(c)], "comment": "材料不全"}),
        outside_status=200,
        audit_records=2,  # the task's return and the case's
        wrote=lambda body: body["done"] > 0,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/vote",
        APPROVERS,
        200,
        _task_action("vote", lambda s: VOTE),
        ok_by=CANDIDATES_ONLY,
        audit_records=None,
        setup=lambda s: s.route(INSIDE, "committee_vote"),
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/delegate",
        APPROVERS,
        200,
        _task_action("delegate", lambda s: {"to_user_id": s.colleague, "comment": "请同事办理"}),
        ok_by=CANDIDATES_ONLY,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/consult",
        APPROVERS,
        200,
        _task_action("consult", lambda s: {"to_user_id": s.colleague, "comment": "请同事提出意见"}),
        ok_by=CANDIDATES_ONLY,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/opinion",
        APPROVERS,
        200,
        lambda s, c, who: Call(f"{TASKS}/{consult_task(s, c, who)}/opinion", {"comment": "同意"}),
        ok_by=CANDIDATES_ONLY,
        per_caller=True,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/add-approvers",
        APPROVERS,
        200,
        lambda s, c, who: Call(
            f"{TASKS}/{named_task(s, c)}/add-approvers",
            {"user_ids": [third_approver(s)], "reason": "加签"},
        ),
        ok_by=CANDIDATES_ONLY,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/remove-approvers",
        APPROVERS,
        200,
        lambda s, c, who: Call(
            f"{TASKS}/{named_task(s, c)}/remove-approvers", {"user_ids": [s.colleague], "reason": "减签"}
        ),
        ok_by=CANDIDATES_ONLY,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/return-to",
        APPROVERS,
        200,
        lambda s, c, who: Call(
            f"{TASKS}/{county_task(s, c, who)}/return-to", {"level_name": "superior_review", "reason": "复核"}
        ),
        ok_by={"approver@east_t1": 422},
        per_caller=True,
        audit_records=2,  # the return, and the review's new step opening
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/take-back",
        APPROVERS,
        200,
        lambda s, c, who: Call(f"{TASKS}/{approved_task(s, c)}/take-back", {"comment": "再核实"}),
        ok_by=CANDIDATES_ONLY,
    ),
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/comment",
        APPROVERS,
        200,
        _task_action("comment", lambda s: {"comment": "材料齐全"}),
        ok_by=CANDIDATES_ONLY,
    ),
    # 催办: the applicant side (portals, handling bodies) and supervisors urge an overdue task in scope
    Row(
        "POST",
        f"{TASKS}/<int:task_id>/urge",
        frozenset({"admin", "supervisor", "portal", "handler"}),
        201,
        _overdue_task,
    ),
    # approval routes: everyone reads (scoped), admins set
    Row(
        "GET",
        "/api/v1/approval-routes",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/approval-routes?body_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["body_id"],
        outside_status=200,
    ),
    Row(
        "PUT",
        "/api/v1/approval-routes",
        ADMIN,
        200,
        lambda s, c, who: Call(
            "/api/v1/approval-routes",
            {
                "body_id": s.world.ids[c],
                "workflow": "establishment",
                "level_name": "superior_approval",
                "mode": "sequential" if next(_seq) % 2 else "countersign",
            },
        ),
    ),
    # workflow descriptions: public to every role, nothing scoped
    Row("GET", "/api/v1/workflows", ALL, 200, lambda s, c, who: Call("/api/v1/workflows"), outside_status=None),
    Row(
        "GET",
        "/api/v1/workflows/<name>",
        ALL,
        200,
        lambda s, c, who: Call("/api/v1/workflows/establishment"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/api/v1/workflows/<name>/diagram",
        ALL,
        200,
        lambda s, c, who: Call("/api/v1/workflows/establishment/diagram"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/api/v1/workflows/<name>/diagram.svg",
        ALL,
        200,
        lambda s, c, who: Call("/api/v1/workflows/supervision_ticket/diagram.svg?current=issued"),
        outside_status=None,
    ),
    # notifications: every user, own inbox only (someone else's notification answers 404)
    Row("GET", NOTIFICATIONS, ALL, 200, lambda s, c, who: Call(NOTIFICATIONS), outside_status=None),
    Row(
        "GET",
        f"{NOTIFICATIONS}/unread-count",
        ALL,
        200,
        lambda s, c, who: Call(f"{NOTIFICATIONS}/unread-count"),
        outside_status=None,
    ),
    Row(
        "POST",
        f"{NOTIFICATIONS}/read-all",
        ALL,
        200,
        lambda s, c, who: Call(f"{NOTIFICATIONS}/read-all"),
        outside_status=None,
        audit_records=0,
    ),
    Row(
        "POST",
        f"{NOTIFICATIONS}/<int:notification_id>/read",
        ALL,
        200,
        _notification_read,
        audit_records=0,
        per_caller=True,
    ),
    # 抄送 / 待阅: those who act on a case or a ticket copy it (in scope); every user reads and marks their own
    Row("POST", f"{CASES}/<int:case_id>/copies", COPIERS_OF_CASES, 201, _copy_case),
    Row("POST", f"{TICKETS}/<int:ticket_id>/copies", COPIERS_OF_TICKETS, 201, _copy_ticket),
    Row("GET", COPIES, ALL, 200, lambda s, c, who: Call(COPIES), outside_status=None),
    Row("POST", f"{COPIES}/<int:copy_id>/read", ALL, 200, _copy_read, audit_records=0, per_caller=True),
    # webhooks: portals their own, admins those in scope; the event list is public
    Row("GET", f"{WEBHOOKS}/events", ALL, 200, lambda s, c, who: Call(f"{WEBHOOKS}/events"), outside_status=None),
    Row(
        "GET",
        WEBHOOKS,
        frozenset({"admin", "portal"}),
        200,
        lambda s, c, who: Call(WEBHOOKS),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        outside_status=None,
        setup=_webhooks_at_both_places,
    ),
    Row(
        "POST",
        WEBHOOKS,
        frozenset({"admin", "portal"}),
        201,
        lambda s, c, who: Call(WEBHOOKS, {"url": "https://portal.example.org/h", "events": ["*"]}),
        outside_status=None,
    ),
    Row("GET", f"{WEBHOOKS}/<int:webhook_id>", frozenset({"admin", "portal"}), 200, _webhook_call()),
    Row(
        "PATCH",
        f"{WEBHOOKS}/<int:webhook_id>",
        frozenset({"admin", "portal"}),
        200,
        _webhook_call(json={"events": ["task.assigned"]}, if_match=True),
    ),
    Row("DELETE", f"{WEBHOOKS}/<int:webhook_id>", frozenset({"admin", "portal"}), 200, _webhook_call()),
    Row(
        "GET",
        f"{WEBHOOKS}/<int:webhook_id>/deliveries",
        frozenset({"admin", "portal"}),
        200,
        _webhook_call("/deliveries"),
    ),
    Row(
        "POST",
        f"{WEBHOOKS}/<int:webhook_id>/deliveries/<int:delivery_id>/redeliver",
        frozenset({"admin", "portal"}),
        200,
        _redeliver,
    ),
    # rotating a secret: admins only (in scope); a portal asks its admin
    Row(
        "POST", f"{WEBHOOKS}/<int:webhook_id>/rotate-secret", frozenset({"admin"}), 200, _webhook_call("/rotate-secret")
    ),
    # calendar: every role reads and computes deadlines; the calendar is national, so only admins of the top-level
    # body (the city) load or unload a year — the matrix's county and township admins are refused (403 is the
    # expected answer for every caller here; tests/engines/calendar/test_calendar.py covers the city admin)
    Row(
        "GET",
        f"{CALENDAR}/deadline",
        ALL,
        200,
        lambda s, c, who: Call(f"{CALENDAR}/deadline?start=2026-09-25&workdays=5"),
        outside_status=None,
    ),
    Row("GET", f"{CALENDAR}/<int:year>", ALL, 200, lambda s, c, who: Call(f"{CALENDAR}/2026"), outside_status=None),
    Row(
        "PUT",
        f"{CALENDAR}/<int:year>",
        ADMIN,
        403,
        lambda s, c, who: Call(f"{CALENDAR}/2027", CALENDAR_2027),
        outside_status=None,
    ),
    Row(
        "DELETE", f"{CALENDAR}/<int:year>", ADMIN, 403, lambda s, c, who: Call(f"{CALENDAR}/2027"), outside_status=None
    ),
    # console passwords and 已办
    Row(
        "PUT",
        "/api/v1/users/<int:user_id>/password",
        ADMIN,
        200,
        lambda s, c, who: Call(f"/api/v1/users/{s.users[c]}/password", {"password": f"Kennwort-{next(_seq)}"}),
    ),
    # Nobody in the world has a password yet, so the old one is wrong for everyone: 422, nothing changes.
    Row(
        "PUT",
        "/api/v1/users/me/password",
        ALL,
        422,
        lambda s, c, who: Call("/api/v1/users/me/password", {"old_password": "x", "new_password": "Kennwort-1"}),
        outside_status=None,
    ),
    Row("GET", "/api/v1/tasks/done", ALL, 200, lambda s, c, who: Call("/api/v1/tasks/done"), outside_status=None),
    # 常用意见: every user their own; another user's id is 404 (the outside targets delete someone else's)
    Row("GET", "/api/v1/me/opinions", ALL, 200, lambda s, c, who: Call("/api/v1/me/opinions"), outside_status=None),
    Row(
        "POST",
        "/api/v1/me/opinions",
        ALL,
        201,
        lambda s, c, who: Call("/api/v1/me/opinions", {"text": f"同意。{next(_seq)}"}),
        outside_status=None,
    ),
    Row(
        "DELETE",
        "/api/v1/me/opinions/<int:opinion_id>",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/me/opinions/{saved_opinion(s, c, who)}"),
        per_caller=True,
    ),
    # Excel: every role exports what it may list (a jurisdiction outside is 404); unit writers import. An upload
    # addresses no jurisdiction (its rows are checked by the job); an import is seen from its uploader's body up.
    Row(
        "GET",
        "/api/v1/units/export.xlsx",
        ALL,
        200,
        lambda s, c, who: Call(f"/api/v1/units/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "GET",
        f"{TICKETS}/export.xlsx",
        SUPERVISION_READERS,
        200,
        lambda s, c, who: Call(f"{TICKETS}/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "POST",
        IMPORTS_V1,
        UNIT_WRITERS,
        202,
        lambda s, c, who: Call(IMPORTS_V1, files={"file": _ledger_xlsx()}),
        outside_status=None,
    ),
    Row(
        "GET", f"{IMPORTS_V1}/<int:import_id>", UNIT_WRITERS, 200, lambda s, c, w: Call(f"{IMPORTS_V1}/{_import(s, c)}")
    ),
    Row(
        "GET",
        f"{IMPORTS_V1}/<int:import_id>/errors.xlsx",
        UNIT_WRITERS,
        200,
        lambda s, c, w: Call(f"{IMPORTS_V1}/{_import(s, c)}/errors.xlsx"),
    ),
    # coverage: every role but portals reads (scoped), admins and supervisors issue circulars
    Row(
        "GET",
        f"{COVERAGE}/export.xlsx",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "GET",
        f"{COVERAGE}/must-establish/export.xlsx",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/must-establish/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row("GET", COVERAGE, COVERAGE_READERS, 200, lambda s, c, who: Call(f"{COVERAGE}?jurisdiction_id={s.world.ids[c]}")),
    Row(
        "GET",
        f"{COVERAGE}/must-establish",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/must-establish?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
    ),
    Row(
        "GET",
        f"{COVERAGE}/trend",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/trend?jurisdiction_id={s.world.ids[c]}"),
    ),
    Row(
        "GET",
        f"{COVERAGE}/circular",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/circular?jurisdiction_id={s.world.ids[c]}&{CIRCULAR_PERIOD}"),
    ),
    Row(
        "POST",
        f"{COVERAGE}/circulars",
        CIRCULAR_ISSUERS,
        201,
        lambda s, c, who: Call(f"{COVERAGE}/circulars", {"jurisdiction_id": s.world.ids[c], **CIRCULAR_BODY}),
        audit_records=2,  # the circular's and its 通报's (numbered at issue)
    ),
    Row(
        "GET",
        f"{COVERAGE}/circulars",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/circulars?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction_id"],
        setup=_circular_inside,
    ),
    Row(
        "GET",
        f"{COVERAGE}/circulars/<int:circular_id>",
        COVERAGE_READERS,
        200,
        lambda s, c, who: Call(f"{COVERAGE}/circulars/{_circular(s, c)}"),
    ),
]

MATRIX += _document_rows()

ATTACHMENT_PDF = b"%PDF-1.4\n%%EOF\n"


def _attachment_file() -> dict[str, Any]:
    return {"kind": "", "file": (io.BytesIO(ATTACHMENT_PDF), "佐证.pdf")}


def _attached(s: Scene, subject_type: str, model: type, subject_id: int) -> int:
    """An attachment of the subject, written directly (row and bytes), whoever may add one there."""
    from service.attachments.storage import LocalStorage
    from service.clock import now
    from service.models import Attachment
    from service.operations.engines import attachments

    with s.app.app_context():
        store: LocalStorage = attachments.storage()
        with store.spool(io.BytesIO(ATTACHMENT_PDF), 1024) as spooled:
            store.keep(spooled)
        subject = db.session.get(model, subject_id)
        row = Attachment(
            subject_type=subject_type,
            subject_id=subject_id,
            jurisdiction_id=subject.jurisdiction_id,
            kind="x",
            filename="佐证.pdf",
            content_type="application/pdf",
            size=spooled.size,
            sha256=spooled.sha256,
            uploaded_at=now(),
        )
        db.session.add(row)
        db.session.commit()
        ident = row.id
        db.session.remove()
    return ident


def _attachment_rows() -> list[Row]:
    """Attachments (附件): readers of the subject list and download; the side that acts on it adds and
    withdraws (a case: its applicant side and approvers; a ticket: the handling body's handlers; an interview:
    the interviewer side). A portal reads only the cases it filed (the scene's are filed by admin@city)."""
    from service.models import EstablishmentCase, Interview, SupervisionTicket

    subjects: list[tuple[str, str, type, Callable[[Scene, str], int], str, frozenset[str], frozenset[str], Any]] = [
        (
            CASES,
            "establishment",
            EstablishmentCase,
            lambda s, c: int(s.case(c)["id"]),
            "request",
            ALL,
            frozenset({"admin", "portal", "handler", "approver"}),
            {"portal": 404},
        ),
        (
            TICKETS,
            "supervision_ticket",
            SupervisionTicket,
            lambda s, c: int(ticket(s, c)["id"]),
            "evidence",
            SUPERVISION_READERS,
            frozenset({"handler"}),
            {"handler@east": 403},  # the issuing body's handlers read the ticket but do not handle it
        ),
        (
            INTERVIEWS,
            "interview",
            Interview,
            lambda s, c: interview(s, c),
            "record",
            SUPERVISION_READERS,
            frozenset({"admin", "supervisor"}),
            {"east_t1": 403},  # the interviewed body reads its interview, the interviewer side acts
        ),
    ]
    rows = []
    for prefix, subject_type, model, make, kind, readers, writers, write_ok_by in subjects:
        rule = f"{prefix}/<int:subject_id>/attachments"
        read_ok_by = {"portal": 404} if prefix == CASES else {}

        def upload(s: Scene, c: str, who: str, prefix: str = prefix, make: Any = make, kind: str = kind) -> Call:
            return Call(f"{prefix}/{make(s, c)}/attachments", data=lambda: {**_attachment_file(), "kind": kind})

        def one(s: Scene, c: str, who: str, prefix: str = prefix, make: Any = make, t: str = subject_type,
                model: type = model, body: Any = None) -> Call:  # fmt: skip
            ident = make(s, c)
            return Call(f"{prefix}/{ident}/attachments/{_attached(s, t, model, ident)}", json=body)

        def withdrawal(s: Scene, c: str, who: str, one: Any = one) -> Call:
            return one(s, c, who, body={"reason": "上传错了"})

        rows += [
            Row("POST", rule, writers, 201, upload, ok_by=write_ok_by),
            Row(
                "GET",
                rule,
                readers,
                200,
                lambda s, c, who, prefix=prefix, make=make: Call(f"{prefix}/{make(s, c)}/attachments"),
                ok_by=read_ok_by,
            ),
            Row("GET", f"{rule}/<int:attachment_id>", readers, 200, one, ok_by=read_ok_by),
            Row("DELETE", f"{rule}/<int:attachment_id>", writers, 200, withdrawal, ok_by=write_ok_by),
        ]
    return rows


MATRIX += _attachment_rows() + VISIT_ATTACHMENT_ROWS

# Each declared workflow's rows (tests/<folder>/access_<workflow>.py), found through the registry.
WORKFLOW_ROWS = workflow_rows()
MATRIX += [row for rows in WORKFLOW_ROWS.values() for row in rows]


def test_matrix_covers_every_api_rule(app: Flask) -> None:
    keys = [row.key for row in MATRIX]
    assert len(keys) == len(set(keys)), "duplicate matrix rows"
    missing = api_rules(app) - set(keys)
    assert not missing, f"endpoints without an access-matrix row: {sorted(missing)}"
    stale = set(keys) - api_rules(app)
    assert not stale, f"matrix rows for endpoints that no longer exist: {sorted(stale)}"


def test_outside_targets_really_are_outside() -> None:
    for place, codes in OUTSIDE.items():
        assert INSIDE in subtree_codes(place)
        assert not set(codes) & subtree_codes(place)


def _send(api: Api, row: Row, call: Call, caller: str) -> Any:
    if call.data is not None:
        return api.call(
            row.method,
            call.path,
            as_=caller,
            data=call.data(),
            headers=call.headers,
            content_type="multipart/form-data",
        )
    if call.files is not None:
        data = {name: (io.BytesIO(content), "ledger.xlsx") for name, content in call.files.items()}
        return api.call(row.method, call.path, as_=caller, headers=call.headers, data=data)
    return api.call(row.method, call.path, as_=caller, json=call.json, headers=call.headers)


def _check(
    scene: Scene,
    row: Row,
    res: Any,
    expected: int,
    caller: str,
    target: str,
    before: tuple[Any, ...],
    after: tuple[Any, ...],
    problems: list[str],
) -> None:
    label = f"{row.id} as {caller} on {target}"
    if res.status_code != expected:
        problems.append(f"{label}: expected {expected}, got {res.status_code} {res.get_data(as_text=True)[:300]}")
        return
    writes = row.method not in {"GET", "HEAD"} or row.issues_on_read
    if expected >= 400:
        body = res.json
        if expected == 403 and body.get("code") != "forbidden":
            problems.append(f"{label}: 403 body {body}")
        if expected == 404 and (body.get("code"), body.get("status")) != ("not_found", 404):
            problems.append(f"{label}: 404 body {body}")
        if after != before:
            problems.append(f"{label}: refused with {expected} but changed state {before} -> {after}")
        return
    if row.wrote is not None and not row.wrote(res.json):
        if after != before:
            problems.append(f"{label}: answered that nothing was done but changed state {before} -> {after}")
        return
    records = after[0] - before[0]
    if writes and (records < 1 if row.audit_records is None else records != row.audit_records):
        problems.append(f"{label}: a successful write left {records} audit records (expected {row.audit_records})")
    if not writes and after != before:
        problems.append(f"{label}: a read changed state")
    if row.item_jurisdiction is not None:
        allowed = {scene.world.ids[c] for c in subtree_codes(_place(caller))}
        outside = [item for item in res.json if row.item_jurisdiction(item) not in allowed]
        if outside:
            problems.append(f"{label}: list shows items outside the caller's scope: {outside}")


@pytest.mark.parametrize("row", MATRIX, ids=lambda r: r.id)
def test_access_matrix(api: Api, scene: Scene, row: Row) -> None:
    if row.setup is not None:
        row.setup(scene)
    problems: list[str] = []
    successes = 0
    # Requests are rebuilt only after one changed something, so refused calls share one prepared target.
    prepared: dict[tuple[str, str], Call] = {}
    # The state after one call is the state before the next, unless a request was built in between.
    last: tuple[Any, ...] | None = None

    def attempt(caller: str, code: str, expected: int) -> Any:
        nonlocal last
        key = (code, caller if row.per_caller else _place(caller))
        if key not in prepared:
            prepared[key] = row.build(scene, code, caller)
            last = None
        before = last if last is not None else fingerprint(scene.app)
        res = _send(api, row, prepared[key], caller)
        after = last = fingerprint(scene.app)
        if after != before:
            prepared.pop(key)
        _check(scene, row, res, expected, caller, code, before, after, problems)
        return res

    for place in CALLER_PLACES:
        for role in ROLES:
            caller = f"{role}@{place}"
            allowed = role in row.allowed
            # in scope: success (or the business answer) for allowed roles, 403 for the others
            res = attempt(caller, INSIDE, row.expected_inside(caller))
            if allowed and res.status_code == row.ok:
                successes += 1
                if row.item_jurisdiction is not None and row.nonempty and not res.json:
                    problems.append(f"{row.id} as {caller}: in-scope list is empty")
            if row.outside_status is None:
                continue
            # out of scope: existence is not revealed; roles that may not call it at all still get 403
            for code in OUTSIDE[place]:
                attempt(caller, code, row.outside_status if allowed else 403)
    assert successes >= 1, f"{row.id}: no caller succeeded"
    assert not problems, "\n".join(problems)


def test_matrix_users_me_is_the_caller(api: Api, world: World) -> None:
    for caller, ident in world.users.items():
        res = api.get("/api/v1/users/me", as_=caller)
        assert res.status_code == 200
        assert res.json["id"] == ident
        assert res.json["username"] == caller.replace("@", ".")


def test_same_resource_is_visible_from_above_and_hidden_from_beside(api: Api, scene: Scene) -> None:
    unit = scene.units["west_t1"]
    for caller in ("handler@west_t1", "supervisor@city", "instructor@city"):
        assert api.get(f"/api/v1/units/{unit}", as_=caller).status_code == 200, caller
    for caller in ("admin@east", "handler@east_t1", "supervisor@east"):
        assert api.get(f"/api/v1/units/{unit}", as_=caller).status_code == 404, caller
    west = scene.world.ids["west"]
    assert api.get(f"/api/v1/jurisdictions/{west}", as_="admin@east_t1").status_code == 404
    assert api.get(f"/api/v1/users/{scene.world.users['handler@west_t1']}", as_="admin@east").status_code == 404
    # a missing id and a hidden one answer identically
    hidden = api.get(f"/api/v1/units/{unit}", as_="admin@east").json
    missing = api.get("/api/v1/units/987654", as_="admin@east").json
    assert {k: v for k, v in hidden.items() if k != "request_id"} == {
        k: v for k, v in missing.items() if k != "request_id"
    }


# --------------------------------------------------------------------------------------------------
# revoked tokens and deactivated users


def _token_id(app: Flask, user_id: int) -> int:
    with app.app_context():
        ident = db.session.execute(select(ApiToken.id).where(ApiToken.user_id == user_id)).scalar_one()
        db.session.remove()
    return ident


def test_revoked_token_is_refused_on_the_next_request(app: Flask, api: Api, world: World) -> None:
    victim = "handler@east_t1"
    assert api.get("/api/v1/units", as_=victim).status_code == 200
    tid = _token_id(app, world.users[victim])
    res = api.delete(f"/api/v1/users/{world.users[victim]}/tokens/{tid}", as_="admin@east")
    assert res.status_code == 200
    assert res.json["revoked_at"] is not None
    nxt = api.get("/api/v1/units", as_=victim)
    assert nxt.status_code == 401
    assert nxt.headers["WWW-Authenticate"].startswith("Bearer")
    assert nxt.json["code"] == "unauthorized"
    # other users' tokens are untouched
    assert api.get("/api/v1/units", as_="handler@east").status_code == 200


def test_admin_revoking_its_own_token_locks_itself_out(app: Flask, api: Api, world: World) -> None:
    me = world.users["admin@east_t1"]
    tid = _token_id(app, me)
    assert api.delete(f"/api/v1/users/{me}/tokens/{tid}", as_="admin@east_t1").status_code == 200
    assert api.get("/api/v1/users/me", as_="admin@east_t1").status_code == 401


def test_deactivated_user_is_refused_and_reactivation_needs_another_admin(app: Flask, api: Api, world: World) -> None:
    victim = world.users["approver@east_t1"]
    got = api.get(f"/api/v1/users/{victim}", as_="admin@east")
    res = api.patch(
        f"/api/v1/users/{victim}", as_="admin@east", json={"active": False}, headers={"If-Match": got.headers["ETag"]}
    )
    assert res.status_code == 200, res.json
    assert res.json["active"] is False
    for path in ("/api/v1/users/me", "/api/v1/units", "/api/v1/jurisdictions"):
        refused = api.get(path, as_="approver@east_t1")
        assert refused.status_code == 401
        assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    # a deactivated admin is locked out too, even with a valid token
    admin = world.users["admin@east_t1"]
    got = api.get(f"/api/v1/users/{admin}", as_="admin@east")
    assert (
        api.patch(
            f"/api/v1/users/{admin}",
            as_="admin@east",
            json={"active": False},
            headers={"If-Match": got.headers["ETag"]},
        ).status_code
        == 200
    )
    assert (
        api.post(
            "/api/v1/users",
            as_="admin@east_t1",
            json={
                "username": "sneaky",
                "display_name": "x",
                "role": "admin",
                "jurisdiction_id": world.ids["east_t1"],
            },
        ).status_code
        == 401
    )
