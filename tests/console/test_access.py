"""Every console page against every role and place, like the API's matrix (tests/api/test_access.py), with
the same scene: in scope the page works (200 / a redirect after a form) or answers the 403 page for a role
that may not use it; out of scope it answers the 404 page; signed out every page sends the browser to the
sign-in page. A refused request changes nothing. The rows are data: a new console page adds a row (the
coverage test fails until it does)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import pytest
from flask import Flask

from service.extensions import db
from tests.api.test_access import (
    CALLER_PLACES,
    DOC_NO,
    INSIDE,
    OUTSIDE,
    TODAY,
    Scene,
    _attached,
    _circular,
    _import,
    approved_task,
    consult_task,
    county_task,
    named_task,
    scene,
    third_approver,
)
from tests.support import re_election
from tests.support.access.common import interview, saved_opinion, ticket
from tests.support.adjustment import ledger_case, ledger_task
from tests.support.console import Console
from tests.support.database import fingerprint
from tests.support.world import ROLES

__all__ = ["scene"]  # the API matrix's scene fixture, reused

_seq = count(1)
ALL = frozenset(ROLES)
ADMIN = frozenset({"admin"})
INBOX_USERS = frozenset({"approver", "handler"})
DECIDERS = frozenset({"approver"})
APPLICANTS = frozenset({"admin", "portal", "handler", "approver"})
SUPERVISION_READERS = ALL - {"portal"}  # the board, tickets, interviews and their documents
NOT_FILED = {"portal": 404}  # a case a portal did not file does not exist for it
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
    from service.operations.engines.notifications import notify

    owner = s.world.users[caller] if code == INSIDE else s.users[code]
    with s.app.app_context():
        notify([owner], "test", f"通知{next(_seq)}")
        db.session.commit()
        from sqlalchemy import func, select

        from service.models import Notification

        ident = db.session.execute(select(func.max(Notification.id))).scalar_one()
        db.session.remove()
    return Page(f"/notifications/{ident}/read", {})


def _notification_open(s: Scene, code: str, caller: str) -> Page:
    """Opening one of the caller's own (it leads nowhere: back to the list); someone else's is not found."""
    return Page(_notification(s, code, caller).path.replace("/read", "/open"))


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
    Row("GET", "/tasks/<int:task_id>", ALL - {"portal"}, 200, lambda s, c, w: Page(f"/tasks/{s.task(c)}")),
    # A portal sees the cases it filed only: the scene's are filed by admin@city.
    Row("GET", "/cases/<int:case_id>", ALL, 200, lambda s, c, w: Page(f"/cases/{s.case(c)['id']}"), ok_by=NOT_FILED),
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
    # 批量审批 answers its result page item by item: out of scope "不存在", not the caller's "无权" — neither
    # changes anything (the API's row says the same of POST /api/v1/tasks/batch)
    Row(
        "POST",
        "/inbox/batch",
        DECIDERS,
        200,
        lambda s, c, w: Page("/inbox/batch", {"action": "return", "task_ids": str(s.task(c)), "comment": "材料不全"}),
        outside_status=200,
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
    # the approver's other task actions (签收, 退回到组, 转办, 添加意见): as the API's rows for the same actions
    Row(
        "POST",
        "/tasks/<int:task_id>/claim",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{s.task(c)}/claim", {}),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/release",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{s.task(c, 'claimed')}/release", {}),
        # the task is approver@east_t1's: an approver above may not give it back (409, as the API answers)
        ok_by={"approver@east": 409},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/delegate",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{s.task(c)}/delegate", {"to_user_id": str(s.colleague), "comment": "请同事办理"}),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/consult",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{s.task(c)}/consult", {"to_user_id": str(s.colleague), "comment": "请提意见"}),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/opinion",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{consult_task(s, c, w)}/opinion", {"comment": "同意"}),
        ok_by={"approver@east": 403},
        per_caller=True,
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/add-approvers",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/tasks/{named_task(s, c)}/add-approvers", {"user_ids": str(third_approver(s)), "reason": "加签"}
        ),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/remove-approvers",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/tasks/{named_task(s, c)}/remove-approvers", {"user_ids": str(s.colleague), "reason": "减签"}
        ),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/return-to",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/tasks/{county_task(s, c, w)}/return-to", {"level_name": "superior_review", "reason": "复核"}
        ),
        ok_by={"approver@east_t1": 422},
        per_caller=True,
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/take-back",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{approved_task(s, c)}/take-back", {"comment": "再核实"}),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/tasks/<int:task_id>/comment",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/tasks/{s.task(c)}/comment", {"comment": "材料齐全"}),
        ok_by={"approver@east": 403},
    ),
    Row("POST", "/cases/<int:case_id>/found", APPLICANTS, 302, _found, ok_by=NOT_FILED),
    Row("GET", "/done", ALL, 200, lambda s, c, w: Page("/done?unit=x&date_from=2026-01-01"), outside_status=None),
    Row("GET", "/notifications", ALL, 200, lambda s, c, w: Page("/notifications"), outside_status=None),
    Row("POST", "/notifications/<int:notification_id>/read", ALL, 302, _notification, per_caller=True),
    Row("GET", "/notifications/<int:notification_id>/open", ALL, 302, _notification_open, per_caller=True),
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
    # 常用意见 on the account page: my own only (someone else's: the 404 page)
    Row(
        "POST",
        "/account/opinions",
        ALL,
        302,
        lambda s, c, w: Page("/account/opinions", {"text": f"同意。{next(_seq)}"}),
        outside_status=None,
    ),
    Row(
        "POST",
        "/account/opinions/examples",
        ALL,
        302,
        lambda s, c, w: Page("/account/opinions/examples", {}),
        outside_status=None,
    ),
    Row(
        "POST",
        "/account/opinions/<int:opinion_id>/delete",
        ALL,
        302,
        lambda s, c, w: Page(f"/account/opinions/{saved_opinion(s, c, w)}/delete", {}),
        per_caller=True,
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


# -- 督办, 管理, 流程图 -----------------------------------------------------------------------------------
# Tickets and interviews come from the access matrix's builders (tests/support/access/common.py).
ISSUERS = frozenset({"admin", "supervisor"})
HANDLERS = frozenset({"handler"})


def _ticket_page(action: str, state: str, data: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Build:
    def build(s: Scene, code: str, caller: str) -> Page:
        t = ticket(s, code, state)
        return Page(f"/board/tickets/{t['id']}/{action}", data(t) if data else {})

    return build


def _report(t: dict[str, Any]) -> dict[str, Any]:
    return {f"measures_{p['id']}": "已整改" for p in t["problems"]}


def _decide_page(s: Scene, code: str, caller: str) -> Page:
    t = ticket(s, code, "pending")
    ext = t["extensions"][0]["id"] if code == INSIDE else 1
    return Page(f"/board/tickets/{t['id']}/decide-extension", {"extension_id": str(ext), "decision": "approve"})


def _interview_page(s: Scene, code: str, caller: str) -> Page:
    iv = interview(s, code, "due")
    ticket_id = s.api.get(f"/api/v1/interviews/{iv}", as_="admin@city").json["ticket"]["id"]
    return Page(
        f"/board/tickets/{ticket_id}/interviews/{iv}/hold",
        {"minutes": "约谈记录", "commitments": "限期整改", "new_deadline": "2026-10-16"},
    )


def _user_form(s: Scene, code: str, caller: str) -> Page:
    return Page(
        "/admin/users",
        {
            "username": f"u{next(_seq)}",
            "display_name": "新用户",
            "role": "handler",
            "jurisdiction_id": s.world.ids[code],
        },
    )


def _jurisdiction_form(s: Scene, code: str, caller: str) -> Page:
    parent = s.world.ids[caller.split("@", 1)[1] if code == INSIDE else code]
    return Page(
        "/admin/jurisdictions", {"code": f"J{next(_seq)}", "name": "新镇", "kind": "township", "parent_id": parent}
    )


ROWS += [
    Row("GET", "/board", SUPERVISION_READERS, 200, lambda s, c, w: Page(f"/board?body={s.world.ids[c]}&light=red")),
    Row(
        "GET",
        "/board/tickets/<int:ticket_id>",
        SUPERVISION_READERS,
        200,
        lambda s, c, w: Page(f"/board/tickets/{ticket(s, c)['id']}"),
    ),
    Row("GET", "/board/tickets/new", ISSUERS, 200, lambda s, c, w: Page("/board/tickets/new"), outside_status=None),
    Row(
        "POST",
        "/board/tickets/new",
        ISSUERS,
        302,
        lambda s, c, w: Page(
            "/board/tickets/new",
            {
                "title": "推进滞后",
                "jurisdiction_id": str(s.world.ids[c]),
                "responsible_person": "刘镇长",
                "rectification_workdays": "5",
                "problem": "覆盖率未达标",
                "measure": "限期组建",
            },
        ),
        ok_by={"east_t1": 422},  # a body may not supervise itself
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/issue",
        ISSUERS,
        302,
        _ticket_page("issue", "draft"),
        ok_by={"east_t1": 404},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/acknowledge",
        HANDLERS,
        302,
        _ticket_page("acknowledge", "issued"),
        ok_by={"handler@east": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/start",
        HANDLERS,
        302,
        _ticket_page("start", "acknowledged"),
        ok_by={"handler@east": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/report",
        HANDLERS,
        302,
        _ticket_page("report", "rectifying", _report),
        ok_by={"handler@east": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/close",
        ISSUERS,
        302,
        _ticket_page("close", "submitted"),
        ok_by={"east_t1": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/return",
        ISSUERS,
        302,
        _ticket_page("return", "submitted", lambda t: {"reason": "材料不全"}),
        ok_by={"east_t1": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/cancel",
        ISSUERS,
        302,
        _ticket_page("cancel", "issued", lambda t: {"reason": "重复"}),
        ok_by={"east_t1": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/request-extension",
        HANDLERS,
        302,
        _ticket_page("request-extension", "issued", lambda t: {"new_deadline": "2026-10-16", "reason": "需延期"}),
        ok_by={"handler@east": 403},
    ),
    Row("POST", "/board/tickets/<int:ticket_id>/decide-extension", ISSUERS, 302, _decide_page, ok_by={"east_t1": 403}),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/interviews",
        ISSUERS,
        302,
        _ticket_page("interviews", "issued", lambda t: {"reason": "逾期未整改"}),
        ok_by={"east_t1": 403},
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/interviews/<int:interview_id>/<action>",
        ISSUERS,
        302,
        _interview_page,
        ok_by={"east_t1": 403},
    ),
    Row("GET", "/workflows", ALL, 200, lambda s, c, w: Page("/workflows"), outside_status=None),
    Row("GET", "/admin", ADMIN, 200, lambda s, c, w: Page("/admin"), outside_status=None),
    Row("GET", "/admin/users", ADMIN, 200, lambda s, c, w: Page("/admin/users?role=handler"), outside_status=None),
    Row("POST", "/admin/users", ADMIN, 302, _user_form),
    Row("GET", "/admin/users/<int:user_id>", ADMIN, 200, lambda s, c, w: Page(f"/admin/users/{s.users[c]}")),
    Row(
        "POST",
        "/admin/users/<int:user_id>",
        ADMIN,
        302,
        lambda s, c, w: Page(
            f"/admin/users/{s.users[c]}",
            {
                "display_name": f"改名{next(_seq)}",
                "role": "approver",
                "jurisdiction_id": str(s.world.ids[c]),
                "active": "1",
            },
        ),
    ),
    Row(
        "POST",
        "/admin/users/<int:user_id>/tokens",
        ADMIN,
        201,
        lambda s, c, w: Page(f"/admin/users/{s.users[c]}/tokens", {"name": "门户"}),
    ),
    Row(
        "POST",
        "/admin/users/<int:user_id>/tokens/<int:token_id>/revoke",
        ADMIN,
        302,
        lambda s, c, w: Page(f"/admin/users/{s.users[c]}/tokens/{s.fresh_token(c)}/revoke", {}),
    ),
    Row("GET", "/admin/jurisdictions", ADMIN, 200, lambda s, c, w: Page("/admin/jurisdictions"), outside_status=None),
    Row("POST", "/admin/jurisdictions", ADMIN, 302, _jurisdiction_form, ok_by={"east_t1": 422}),
    Row(
        "POST",
        "/admin/jurisdictions/<int:jurisdiction_id>",
        ADMIN,
        302,
        lambda s, c, w: Page(f"/admin/jurisdictions/{s.world.ids[c]}", {"name": f"改名{next(_seq)}", "active": "1"}),
    ),
    Row("GET", "/admin/calendar", ADMIN, 200, lambda s, c, w: Page("/admin/calendar?year=2027"), outside_status=None),
    Row(
        "POST",
        "/admin/calendar",
        ADMIN,
        403,  # only the top-level (city) admin loads a year; tests/console/test_admin.py loads one
        lambda s, c, w: Page("/admin/calendar?year=2027", {"notice": "通知", "days": "2027-10-01 休 国庆节"}),
        outside_status=None,
    ),
    Row("GET", "/admin/routes", ADMIN, 200, lambda s, c, w: Page("/admin/routes"), outside_status=None),
    Row(
        "POST",
        "/admin/routes",
        ADMIN,
        302,
        lambda s, c, w: Page(
            "/admin/routes",
            {
                "body_id": str(s.world.ids[c]),
                "workflow": "establishment",
                "level_name": "superior_approval",
                "mode": "any_one",
            },
        ),
    ),
]


# -- 覆盖 (report, list, exports, import, circulars) and the documents' downloads ---------------------
COVERAGE_READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
CIRCULAR_ISSUERS = frozenset({"admin", "supervisor"})
UNIT_WRITERS = frozenset({"admin", "supervisor", "handler", "portal"})


def _in(path: str) -> Build:
    return lambda s, c, w: Page(f"{path}?jurisdiction_id={s.world.ids[c]}")


def _upload(s: Scene, code: str, caller: str) -> Page:
    import io

    from tests.api.test_access import _ledger_xlsx

    return Page("/coverage/imports", {"mode": "valid_rows_only", "file": (io.BytesIO(_ledger_xlsx()), "台账.xlsx")})


def _request_pdf(s: Scene, code: str, caller: str) -> Page:
    """Without a converter (501 in scope, 404 outside): the conversion is tested in tests/engines/documents."""
    from dataclasses import replace

    settings = s.app.config["SETTINGS"]
    s.app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    return Page(f"/cases/{s.case(code)['id']}/request.pdf")


def _reply(s: Scene, code: str, caller: str) -> Page:
    return Page(f"/cases/{s.case(code, 'approved' if code == INSIDE else 'submitted')['id']}/reply.docx")


ROWS += [
    Row("GET", "/coverage", COVERAGE_READERS, 200, _in("/coverage")),
    Row("GET", "/coverage/must-establish", COVERAGE_READERS, 200, _in("/coverage/must-establish")),
    Row("GET", "/coverage/export.xlsx", COVERAGE_READERS, 200, _in("/coverage/export.xlsx")),
    Row(
        "GET",
        "/coverage/must-establish/export.xlsx",
        COVERAGE_READERS,
        200,
        _in("/coverage/must-establish/export.xlsx"),
    ),
    Row("GET", "/exports/ledger.xlsx", ALL, 200, _in("/exports/ledger.xlsx")),
    Row("GET", "/exports/tickets.xlsx", SUPERVISION_READERS, 200, _in("/exports/tickets.xlsx")),
    Row("GET", "/coverage/imports", UNIT_WRITERS, 200, lambda s, c, w: Page("/coverage/imports"), outside_status=None),
    # an upload addresses no jurisdiction (the job checks each row's): a fresh file per caller
    Row("POST", "/coverage/imports", UNIT_WRITERS, 303, _upload, outside_status=None, per_caller=True),
    Row(
        "GET",
        "/coverage/imports/<int:import_id>",
        UNIT_WRITERS,
        200,
        lambda s, c, w: Page(f"/coverage/imports/{_import(s, c)}"),
    ),
    Row(
        "GET",
        "/coverage/imports/<int:import_id>/errors.xlsx",
        UNIT_WRITERS,
        200,
        lambda s, c, w: Page(f"/coverage/imports/{_import(s, c)}/errors.xlsx"),
    ),
    Row("GET", "/coverage/circulars", COVERAGE_READERS, 200, _in("/coverage/circulars")),
    Row(
        "POST",
        "/coverage/circulars",
        CIRCULAR_ISSUERS,
        303,
        lambda s, c, w: Page(
            "/coverage/circulars",
            {
                "jurisdiction_id": str(s.world.ids[c]),
                "period_start": "2026-09-01",
                "period_end": "2026-09-20",
                "previewed": "1",
            },
        ),
    ),
    Row(
        "GET",
        "/coverage/circulars/preview",
        CIRCULAR_ISSUERS,
        200,
        lambda s, c, w: Page(
            f"/coverage/circulars/preview?jurisdiction_id={s.world.ids[c]}&period_start=2026-09-01&period_end=2026-09-20"
        ),
    ),
    Row(
        "GET",
        "/coverage/circulars/<int:circular_id>/document.docx",
        COVERAGE_READERS,
        200,
        lambda s, c, w: Page(f"/coverage/circulars/{_circular(s, c)}/document.docx"),
    ),
    Row(
        "GET",
        "/board/tickets/<int:ticket_id>/document.docx",
        SUPERVISION_READERS,
        200,
        lambda s, c, w: Page(f"/board/tickets/{ticket(s, c)['id']}/document.docx"),
    ),
    Row(
        "GET",
        "/interviews/<int:interview_id>/notice.docx",
        SUPERVISION_READERS,
        200,
        lambda s, c, w: Page(f"/interviews/{interview(s, c)}/notice.docx"),
    ),
    Row("GET", "/cases/<int:case_id>/reply.docx", ALL, 200, _reply, ok_by=NOT_FILED),
    Row(
        "GET",
        "/cases/<int:case_id>/approval-form.docx",
        ALL,
        200,
        lambda s, c, w: Page(f"/cases/{s.case(c, 'submitted')['id']}/approval-form.docx"),
        ok_by=NOT_FILED,
    ),
    # 请示: its page and downloads, read only in any state, by every role that reads the case
    Row(
        "GET",
        "/cases/<int:case_id>/request",
        ALL,
        200,
        lambda s, c, w: Page(f"/cases/{s.case(c)['id']}/request"),
        ok_by=NOT_FILED,
    ),
    Row(
        "GET",
        "/cases/<int:case_id>/request.docx",
        ALL,
        200,
        lambda s, c, w: Page(f"/cases/{s.case(c)['id']}/request.docx"),
        ok_by=NOT_FILED,
    ),
    Row("GET", "/cases/<int:case_id>/request.pdf", ALL, 501, _request_pdf, ok_by=NOT_FILED),
]


# -- 全部事项 (search), the worklists' Excel exports and the import template ---------------------------------------
SEARCHERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})

ROWS += [
    Row("GET", "/search", SEARCHERS, 200, lambda s, c, w: Page(f"/search?body={s.world.ids[c]}&unit=x")),
    Row(
        "GET", "/search/export.xlsx", SEARCHERS, 200, lambda s, c, w: Page(f"/search/export.xlsx?body={s.world.ids[c]}")
    ),
    Row(
        "GET", "/inbox/export.xlsx", INBOX_USERS, 200, lambda s, c, w: Page(f"/inbox/export.xlsx?body={s.world.ids[c]}")
    ),
    Row("GET", "/done/export.xlsx", ALL, 200, lambda s, c, w: Page("/done/export.xlsx?unit=x"), outside_status=None),
    Row(
        "GET",
        "/coverage/imports/template.xlsx",
        UNIT_WRITERS,
        200,
        lambda s, c, w: Page("/coverage/imports/template.xlsx"),
        outside_status=None,
    ),
]


# -- 申请: the applicant's establishment applications ------------------------------------------------------------
# The scene's cases are filed by admin@city: handlers act for the applicant (APPLICANT_PROXIES), a portal sees
# only the cases it filed (404), an approver may file its own but not act on another's (403).
NOT_THE_APPLICANT = {"approver": 403, **NOT_FILED}


def _fresh_unit(s: Scene, code: str) -> int:
    from tests.support.factories import unit_payload

    res = s.api.post("/api/v1/units", as_="admin@city", json=unit_payload(s.world.ids[code], formal_members=3))
    assert res.status_code == 201, res.get_data(as_text=True)
    return int(res.json["id"])


def _application_form(s: Scene, code: str, caller: str) -> Page:
    unit = _fresh_unit(s, code)
    return Page(
        "/applications/new", {"unit_ids": str(unit), "form": "branch", "proposed_name": f"新党支部{next(_seq)}"}
    )


def _application_action(action: str, data: dict[str, Any]) -> Build:
    def build(s: Scene, code: str, caller: str) -> Page:
        case = s.case(code)
        return Page(f"/applications/{case['id']}/{action}", {**data, "version": str(case["version"])})

    return build


ROWS += [
    Row(
        "GET",
        "/applications",
        APPLICANTS,
        200,
        lambda s, c, w: Page("/applications?state=preparing&mine=1"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/applications/new",
        APPLICANTS,
        200,
        lambda s, c, w: Page(f"/applications/new?q=x&unit_ids={s.units[c]}"),
    ),
    Row("POST", "/applications/new", APPLICANTS, 302, _application_form),
    Row(
        "GET",
        "/applications/<int:case_id>",
        APPLICANTS,
        200,
        lambda s, c, w: Page(f"/applications/{s.case(c)['id']}"),
        ok_by=NOT_FILED,
    ),
    Row(
        "GET",
        "/applications/<int:case_id>/edit",
        APPLICANTS,
        200,
        lambda s, c, w: Page(f"/applications/{s.case(c)['id']}/edit"),
        ok_by=NOT_FILED,
    ),
    Row(
        "POST",
        "/applications/<int:case_id>/edit",
        APPLICANTS,
        302,
        _application_action("edit", {"form": "branch", "proposed_name": "改名党支部", "proposed_secretary": "王书记"}),
        ok_by=NOT_THE_APPLICANT,
    ),
    Row(
        "POST",
        "/applications/<int:case_id>/submit",
        APPLICANTS,
        302,
        _application_action("submit", {"confirm": "1"}),
        ok_by=NOT_THE_APPLICANT,
    ),
    Row(
        "POST",
        "/applications/<int:case_id>/withdraw",
        APPLICANTS,
        302,
        _application_action("withdraw", {"confirm": "1", "reason": "不再需要"}),
        ok_by=NOT_THE_APPLICANT,
    ),
]

# 换届 (re-elections): the due list, the request form and page, its task page and actions.
RE_READERS = ALL - {"portal"}
RE_REQUESTERS = frozenset({"admin", "handler"})


def _re_request(s: Scene, code: str, state: str = "submitted") -> dict[str, Any]:
    r = re_election.submitted(s.app, s.api, code)
    if code == INSIDE and state == "approved":
        r = re_election.approve(s.app, s.api, r["id"])
    elif code == INSIDE and state == "returned":
        re_election.send_back(s.app, s.api, r["id"])
    return dict(r)


def _re_task(s: Scene, code: str) -> int:
    return re_election.open_task(s.app, _re_request(s, code)["id"])


def _re_action(suffix: str, state: str, data: dict[str, str]) -> Build:
    return lambda s, c, w: Page(f"/re-elections/{_re_request(s, c, state)['id']}/{suffix}", data)


ELECTION_FORM = {
    "held_on": TODAY,
    "entitled": "9",
    "present": "8",
    "secretary": "李明",
    "elected": "李明 8\n张华 7\n赵强 5",
}

ROWS += [
    Row("GET", "/re-elections/due", RE_READERS, 200, lambda s, c, w: Page("/re-elections/due"), outside_status=None),
    Row(
        "GET",
        "/re-elections/due/export.xlsx",
        RE_READERS,
        200,
        lambda s, c, w: Page("/re-elections/due/export.xlsx"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/re-elections/new",
        RE_REQUESTERS,
        200,
        lambda s, c, w: Page(f"/re-elections/new?org={re_election.org(s.app, s.api, c)}"),
    ),
    Row(
        "POST",
        "/re-elections/new",
        RE_REQUESTERS,
        302,
        lambda s, c, w: Page(
            "/re-elections/new",
            {**re_election.slate(re_election.org(s.app, s.api, c)), "candidates": "李明\n张华\n赵强\n孙丽"},
        ),
    ),
    Row(
        "GET",
        "/re-elections/<int:request_id>",
        RE_READERS,
        200,
        lambda s, c, w: Page(f"/re-elections/{_re_request(s, c)['id']}"),
    ),
    Row(
        "GET",
        "/re-elections/tasks/<int:task_id>",
        RE_READERS,
        200,
        lambda s, c, w: Page(f"/re-elections/tasks/{_re_task(s, c)}"),
    ),
    Row(
        "POST",
        "/re-elections/tasks/<int:task_id>/decide",
        DECIDERS,
        302,
        lambda s, c, w: Page(f"/re-elections/tasks/{_re_task(s, c)}/decide", {"action": "return", "comment": "请补充"}),
        ok_by={"approver@east": 403},  # only the body's approvers are candidates
    ),
    Row(
        "POST",
        "/re-elections/tasks/<int:task_id>/vote",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/re-elections/tasks/{_re_task(s, c)}/vote",
            {
                "members": "9",
                "present": "7",
                "votes_for": "6",
                "votes_against": "1",
                "approval_doc_no": DOC_NO,
                "meeting_on": TODAY,
            },
        ),
        ok_by={"approver@east": 403},
    ),
    Row(
        "POST",
        "/re-elections/<int:request_id>/election",
        RE_REQUESTERS,
        302,
        _re_action("election", "approved", ELECTION_FORM),
    ),
    Row(
        "POST",
        "/re-elections/<int:request_id>/resubmit",
        RE_REQUESTERS,
        302,
        _re_action("resubmit", "returned", {"candidates": "李明\n张华\n赵强"}),
    ),
    Row(
        "GET",
        "/re-elections/<int:request_id>/report.docx",
        RE_READERS,
        200,
        lambda s, c, w: Page(
            f"/re-elections/{re_election.elected(s.app, s.api, c)['id'] if c == INSIDE else _re_request(s, c)['id']}"
            "/report.docx"
        ),
    ),
    Row(
        "POST",
        "/re-elections/<int:request_id>/withdraw",
        RE_REQUESTERS,
        302,
        _re_action("withdraw", "submitted", {"confirm": "1", "reason": "推迟"}),
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
    # The state after one call is the state before the next, unless a request was built in between.
    last: tuple[Any, ...] | None = None

    def attempt(caller: str, code: str, expected: int) -> None:
        nonlocal successes, last
        key = (code, caller if row.per_caller else caller.split("@", 1)[1])
        if key not in prepared:
            prepared[key] = row.build(scene, code, caller)
            last = None
        target = prepared[key]
        before = last if last is not None else fingerprint(scene.app)
        if row.method == "GET":
            res = console.get(target.path, as_=caller)
        else:
            res = console.post(target.path, as_=caller, data=target.data)
        after = last = fingerprint(scene.app)
        if after != before:
            prepared.pop(key)
        label = f"{row.method} {target.path} as {caller} on {code}"
        if res.status_code != expected:
            problems.append(f"{label}: expected {expected}, got {res.status_code}")
            return
        text = res.get_data().decode("utf-8", "replace")  # downloads (.xlsx, .docx) are binary
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
    path = re.sub(r"<(?:int:)?[a-z_]+>", "1", path)  # the other ids and <action>
    before = fingerprint(app)
    res = client.open(path, method=row.method, data={} if row.method == "POST" else None)
    assert res.status_code == 302, (row.key, res.status_code)
    assert res.headers["Location"].startswith("/sign-in"), res.headers["Location"]
    assert fingerprint(app) == before


# -- the supervisors' 待办 and 催办 -------------------------------------------------------------------------------
TASK_URGERS = frozenset({"admin", "supervisor", "portal", "handler"})


def _urge_task(s: Scene, code: str, caller: str) -> Page:
    """A fresh task at `code`, overdue: the console's urge form for it."""
    from tests.api.test_access import _overdue_task

    path = _overdue_task(s, code, caller).path.removeprefix("/api/v1")
    return Page(path, {"message": "请尽快审批"})


ROWS += [
    Row("GET", "/oversight", ISSUERS, 200, lambda s, c, w: Page("/oversight"), outside_status=None),
    Row("POST", "/tasks/<int:task_id>/urge", TASK_URGERS, 302, _urge_task),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/urge",
        ISSUERS,
        302,
        lambda s, c, w: Page(f"/board/tickets/{ticket(s, c, 'rectifying')['id']}/urge", {"message": "请按期整改"}),
        # the handling body's own supervisors see the ticket but are not its issuing side
        ok_by={"east_t1": 403},
    ),
]


# -- 待阅 and 抄送 -------------------------------------------------------------------------------------------------
CASE_COPIERS = frozenset({"admin", "supervisor", "approver", "handler"})
TICKET_COPIERS = frozenset({"admin", "supervisor", "handler"})


def _copy_read(s: Scene, code: str, caller: str) -> Page:
    """One of the caller's own copies inside; the handler's at that place for the outside targets."""
    from tests.api.test_access import _copy_read as api_copy_read

    return Page(api_copy_read(s, code, caller).path.removeprefix("/api/v1"), {})


def _copy_open(s: Scene, code: str, caller: str) -> Page:
    """Opening one of the caller's own (its subject is gone: back to the list); someone else's is not found."""
    return Page(_copy_read(s, code, caller).path.replace("/read", "/open"))


ROWS += [
    Row("GET", "/copies", ALL, 200, lambda s, c, w: Page("/copies"), outside_status=None),
    Row("POST", "/copies/<int:copy_id>/read", ALL, 302, _copy_read, per_caller=True),
    Row("GET", "/copies/<int:copy_id>/open", ALL, 302, _copy_open, per_caller=True),
    Row(
        "POST",
        "/cases/<int:case_id>/copies",
        CASE_COPIERS,
        302,
        lambda s, c, w: Page(f"/cases/{s.case(c)['id']}/copies", {"user_ids": str(s.colleague), "note": "请阅知"}),
    ),
    Row(
        "POST",
        "/board/tickets/<int:ticket_id>/copies",
        TICKET_COPIERS,
        302,
        lambda s, c, w: Page(f"/board/tickets/{ticket(s, c)['id']}/copies", {"user_ids": str(s.colleague)}),
    ),
]


class _FreshUpload(dict):  # type: ignore[type-arg]
    """A form with a file that reads from its start at every send (a file object is read once)."""

    def keys(self) -> Any:
        return [*super().keys(), "file"]

    def __iter__(self) -> Any:
        return iter(self.keys())

    def __getitem__(self, key: str) -> Any:
        if key == "file":
            return (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "请示.pdf")
        return super().__getitem__(key)


def _case_attachment(s: Scene, code: str, caller: str, suffix: str = "", data: Any = None) -> Page:
    from service.models import EstablishmentCase

    case_id = int(s.case(code)["id"])
    ident = _attached(s, "establishment", EstablishmentCase, case_id)
    return Page(f"/attachments/establishment/{case_id}/{ident}{suffix}", data)


# 附件 (service/console/pages/attachments.py), on a case: its readers download, its applicant side (and the
# approvers) add and withdraw; a portal reads only the cases it filed.
ROWS += [
    Row(
        "POST",
        "/attachments/<subject_type>/<int:subject_id>",
        APPLICANTS,
        302,
        lambda s, c, w: Page(
            f"/attachments/establishment/{s.case(c)['id']}", _FreshUpload(kind="request", back="/applications")
        ),
        ok_by=NOT_FILED,
    ),
    Row(
        "GET",
        "/attachments/<subject_type>/<int:subject_id>/<int:attachment_id>",
        ALL,
        200,
        _case_attachment,
        ok_by=NOT_FILED,
    ),
    Row(
        "POST",
        "/attachments/<subject_type>/<int:subject_id>/<int:attachment_id>/withdraw",
        APPLICANTS,
        302,
        lambda s, c, w: _case_attachment(s, c, w, "/withdraw", {"reason": "上传错了", "back": "/applications"}),
        ok_by=NOT_FILED,
    ),
]


# -- 结对共建 (service/console/pages/pairing.py): the workflow's `manage` group lists, drafts and acts; every role
# reads an agreement and its 责任书 as the API allows; out of scope is the 404 page.
PAIRING_MANAGERS = frozenset({"admin", "supervisor", "handler"})


def _pairing_form(s: Scene, code: str, caller: str) -> Page:
    from tests.pairing.access_pairing_agreement import body

    data = {k: str(v) for k, v in body(s, code).items()}
    return Page("/pairing/new", data)


def _pairing_action(suffix: str, state: str, data: dict[str, str]) -> Build:
    def build(s: Scene, code: str, caller: str) -> Page:
        from tests.pairing.access_pairing_agreement import agreement

        return Page(f"/pairing/{agreement(s, code, state)}/{suffix}", dict(data))

    return build


def _pairing_page(suffix: str = "", state: str = "draft") -> Build:
    def build(s: Scene, code: str, caller: str) -> Page:
        from tests.pairing.access_pairing_agreement import agreement

        return Page(f"/pairing/{agreement(s, code, state)}{suffix}")

    return build


def _pairing_letter_pdf(s: Scene, code: str, caller: str) -> Page:
    """Without a converter (501 in scope, 404 outside): tests/pairing/test_letter.py converts."""
    from dataclasses import replace

    settings = s.app.config["SETTINGS"]
    s.app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))
    return _pairing_page("/letter.pdf", "signed")(s, code, caller)


ROWS += [
    Row("GET", "/pairing", PAIRING_MANAGERS, 200, lambda s, c, w: Page(f"/pairing?body={s.world.ids[c]}")),
    Row(
        "GET",
        "/pairing/export.xlsx",
        PAIRING_MANAGERS,
        200,
        lambda s, c, w: Page(f"/pairing/export.xlsx?body={s.world.ids[c]}"),
    ),
    Row("GET", "/pairing/new", PAIRING_MANAGERS, 200, lambda s, c, w: Page("/pairing/new"), outside_status=None),
    Row("POST", "/pairing/new", PAIRING_MANAGERS, 302, _pairing_form),
    Row("GET", "/pairing/<int:agreement_id>", ALL, 200, _pairing_page()),
    Row(
        "POST",
        "/pairing/<int:agreement_id>/sign",
        PAIRING_MANAGERS,
        302,
        _pairing_action("sign", "draft", {"signed_on": "2026-09-24"}),
    ),
    Row(
        "POST",
        "/pairing/<int:agreement_id>/take-effect",
        PAIRING_MANAGERS,
        302,
        _pairing_action("take-effect", "signed", {}),
    ),
    Row(
        "POST",
        "/pairing/<int:agreement_id>/progress",
        PAIRING_MANAGERS,
        302,
        _pairing_action("progress", "in_force", {"visits": "1"}),
    ),
    Row("POST", "/pairing/<int:agreement_id>/review", PAIRING_MANAGERS, 302, _pairing_action("review", "in_force", {})),
    Row(
        "POST",
        "/pairing/<int:agreement_id>/terminate",
        PAIRING_MANAGERS,
        302,
        _pairing_action("terminate", "draft", {"reason": "一方党组织撤销"}),
    ),
    Row("GET", "/pairing/<int:agreement_id>/letter.docx", ALL, 200, _pairing_page("/letter.docx", "signed")),
    Row("GET", "/pairing/<int:agreement_id>/letter.pdf", ALL, 501, _pairing_letter_pdf),
]


# 五个同步 (service/console/pages/synchronisation.py): every role but portals reads the two lists in scope; admins,
# handlers and instructors record activities (an instructor for a unit they guide), admins, supervisors and
# handlers inspections.
def _sync_form(path: str, data: Callable[[int], dict[str, Any]] | None = None) -> Build:
    from tests.support.synchronisation import scene_unit

    def build(s: Scene, code: str, caller: str) -> Page:
        unit = scene_unit(s, code, caller)
        return Page(f"{path}?unit_id={unit}", None if data is None else {"unit_id": str(unit), **data(unit)})

    return build


SYNC_READERS = ALL - {"portal"}
ROWS += [
    Row("GET", "/synchronisation/inactive", SYNC_READERS, 200, _in("/synchronisation/inactive")),
    Row(
        "GET", "/synchronisation/inactive/export.xlsx", SYNC_READERS, 200, _in("/synchronisation/inactive/export.xlsx")
    ),
    Row(
        "GET",
        "/synchronisation/unchecked",
        SYNC_READERS,
        200,
        lambda s, c, w: Page("/synchronisation/unchecked"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/synchronisation/activities/new",
        frozenset({"admin", "handler", "instructor"}),
        200,
        _sync_form("/synchronisation/activities/new"),
    ),
    Row(
        "POST",
        "/synchronisation/activities/new",
        frozenset({"admin", "handler", "instructor"}),
        302,
        _sync_form(
            "/synchronisation/activities/new",
            lambda u: {"kind": "theme_day", "held_on": "2026-09-20", "attendance": "5", "description": "主题党日"},
        ),
        per_caller=True,
    ),
    Row(
        "GET",
        "/synchronisation/inspections/new",
        frozenset({"admin", "supervisor", "handler"}),
        200,
        _sync_form("/synchronisation/inspections/new"),
    ),
    Row(
        "POST",
        "/synchronisation/inspections/new",
        frozenset({"admin", "supervisor", "handler"}),
        302,
        _sync_form(
            "/synchronisation/inspections/new",
            lambda u: {"year": "2026", "inspected_on": "2026-06-01", "result": "passed", "party_work_checked": "true"},
        ),
    ),
]


# 党建指导员 (service/console/pages/instructors.py): the bodies' page for every reader but instructors, its forms
# for the workflow's managers; 我的联系单位 and 记录走访 for instructors, on their own units only.
def _instr_builders() -> Any:
    from tests.support import instructors as instr

    return instr


INSTR_MANAGERS = frozenset({"admin", "supervisor", "handler"})
INSTR_BODY_READERS = frozenset({"admin", "supervisor", "approver", "handler"})
INSTRUCTORS_ONLY = frozenset({"instructor"})


def _own_unit(s: Scene, code: str, caller: str) -> int:
    """The caller's own assignment when the caller is an instructor who may serve there; else another's."""
    mine = caller.startswith("instructor@") and code == INSIDE
    return int(_instr_builders().assigned(s.app, s.world, code, s.world.users[caller] if mine else None))


def _assign_form(s: Scene, code: str, caller: str) -> Page:
    instr = _instr_builders()
    who, unit = instr.new_instructor(s.app, s.world, code), instr.uncovered_unit(s.app, s.world, code)
    return Page("/instructors/assign", {"instructor_id": str(who), "unit_ids": [str(unit)]})


ROWS += [
    Row("GET", "/instructors", INSTR_BODY_READERS, 200, lambda s, c, w: Page("/instructors"), outside_status=None),
    Row("POST", "/instructors/assign", INSTR_MANAGERS, 302, _assign_form),
    Row(
        "GET",
        "/instructors/<int:user_id>",
        INSTR_BODY_READERS,
        200,
        lambda s, c, w: Page(f"/instructors/{_instr_builders().new_instructor(s.app, s.world, c)}"),
    ),
    Row(
        "POST",
        "/instructors/<int:user_id>/profile",
        INSTR_MANAGERS,
        302,
        lambda s, c, w: Page(
            f"/instructors/{_instr_builders().new_instructor(s.app, s.world, c)}/profile",
            {"employment": "part_time", "home_unit": "镇党委", "phone": "13800138000"},
        ),
    ),
    Row(
        "POST",
        "/instructors/assignments/<int:assignment_id>/release",
        INSTR_MANAGERS,
        302,
        lambda s, c, w: Page(
            f"/instructors/assignments/{_instr_builders().assigned(s.app, s.world, c)}/release", {"reason": "调整"}
        ),
    ),
    Row("GET", "/my-units", INSTRUCTORS_ONLY, 200, lambda s, c, w: Page("/my-units"), outside_status=None),
    Row(
        "GET",
        "/my-units/<int:assignment_id>/visit",
        INSTRUCTORS_ONLY,
        200,
        lambda s, c, w: Page(f"/my-units/{_own_unit(s, c, w)}/visit"),
        per_caller=True,
    ),
    Row(
        "POST",
        "/my-units/<int:assignment_id>/visit",
        INSTRUCTORS_ONLY,
        302,
        lambda s, c, w: Page(
            f"/my-units/{_own_unit(s, c, w)}/visit", {"visited_on": TODAY, "kind": "visit", "done": "走访了解情况"}
        ),
        per_caller=True,
    ),
]


# 组织调整 (adjustment cases): every role but portals reads; admin, supervisor, handler submit and cancel; approvers
# decide on their task's page (the committee vote is the superior body's default mode).
ADJUSTMENT_READERS = ALL - {"portal"}
ADJUSTMENT_MANAGERS = frozenset({"admin", "supervisor", "handler"})
ROWS += [
    Row(
        "GET",
        "/adjustments",
        ADJUSTMENT_READERS,
        200,
        lambda s, c, w: Page("/adjustments"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/adjustments/upgrade-eligible",
        ADJUSTMENT_READERS,
        200,
        lambda s, c, w: Page("/adjustments/upgrade-eligible"),
        outside_status=None,
    ),
    Row(
        "GET",
        "/adjustments/<int:case_id>",
        ADJUSTMENT_READERS,
        200,
        lambda s, c, w: Page(f"/adjustments/{ledger_case(s.app, s.world.ids[c])}"),
    ),
    Row(
        "GET",
        "/adjustments/tasks/<int:task_id>",
        ADJUSTMENT_READERS,
        200,
        lambda s, c, w: Page(f"/adjustments/tasks/{ledger_task(s.app, s.world.ids[c])}"),
    ),
    Row(
        "POST",
        "/adjustments/<int:case_id>/submit",
        ADJUSTMENT_MANAGERS,
        302,
        lambda s, c, w: Page(f"/adjustments/{ledger_case(s.app, s.world.ids[c])}/submit", {"note": "单位已注销"}),
    ),
    Row(
        "POST",
        "/adjustments/<int:case_id>/cancel",
        ADJUSTMENT_MANAGERS,
        302,
        lambda s, c, w: Page(f"/adjustments/{ledger_case(s.app, s.world.ids[c])}/cancel", {"reason": "误报注销"}),
    ),
    Row(
        "POST",
        "/adjustments/tasks/<int:task_id>/decide",
        DECIDERS,
        302,
        lambda s, c, w: Page(
            f"/adjustments/tasks/{ledger_task(s.app, s.world.ids[c])}/decide",
            {
                "action": "approve",
                "members": "9",
                "present": "7",
                "votes_for": "6",
                "votes_against": "1",
                "approval_doc_no": DOC_NO,
            },
        ),
        ok_by={"approver@east": 403},  # the step is east_t1's committee's: an approver above may not vote on it
    ),
]
