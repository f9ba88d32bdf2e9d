"""Access rows of the re-election endpoints (换届): every role but portals reads within its scope; the
workflow's `request` group (admin, handler: the organisation's side) asks and records the meeting; out of
scope is 404. Approvals are the approval engine's task endpoints (their rows are the matrix's)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.support.access.matrix import INSIDE, Build, Call, Row, Scene
from tests.support.re_election import URL, approve, elected, meeting, org, send_back, slate, submitted

READERS = frozenset({"admin", "supervisor", "approver", "handler", "instructor"})
REQUESTERS = frozenset({"admin", "handler"})


def _request(s: Scene, code: str, state: str = "submitted") -> int:
    r = submitted(s.app, s.api, code)
    if state == "approved" and code == INSIDE:
        approve(s.app, s.api, r["id"])
    elif state == "returned" and code == INSIDE:
        send_back(s.app, s.api, r["id"])
    return int(r["id"])


def _org_inside(s: Scene) -> None:
    org(s.app, s.api, INSIDE)


def _elected(s: Scene, code: str) -> int:
    return int(elected(s.app, s.api, code)["id"]) if code == INSIDE else _request(s, code)


def _no_pdf_converter(s: Scene) -> None:
    settings = s.app.config["SETTINGS"]
    s.app.config["SETTINGS"] = replace(settings, documents=replace(settings.documents, pdf_converter="none"))


def _inside(s: Scene) -> None:
    _request(s, INSIDE)


def _action(suffix: str, state: str, json: Any = None) -> Build:
    return lambda s, code, who: Call(f"{URL}/{_request(s, code, state)}/{suffix}", json)


ROWS = [
    Row(
        "GET",
        f"{URL}/due",
        READERS,
        200,
        lambda s, c, who: Call(f"{URL}/due?jurisdiction_id={s.world.ids[c]}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        setup=_org_inside,
    ),
    Row(
        "GET",
        f"{URL}/due/export.xlsx",
        READERS,
        200,
        lambda s, c, who: Call(f"{URL}/due/export.xlsx?jurisdiction_id={s.world.ids[c]}"),
        setup=_org_inside,
    ),
    Row("GET", f"{URL}/due/counts", READERS, 200, lambda s, c, who: Call(f"{URL}/due/counts"), outside_status=None),
    Row(
        "GET",
        URL,
        READERS,
        200,
        lambda s, c, who: Call(f"{URL}?party_org_id={_request_org(s, c)}"),
        item_jurisdiction=lambda item: item["jurisdiction"]["id"],
        outside_status=200,
        setup=_inside,
    ),
    Row("POST", URL, REQUESTERS, 201, lambda s, c, who: Call(URL, slate(org(s.app, s.api, c))), audit_records=None),
    Row("GET", f"{URL}/<int:request_id>", READERS, 200, lambda s, c, who: Call(f"{URL}/{_request(s, c)}")),
    Row(
        "POST",
        f"{URL}/<int:request_id>/resubmit",
        REQUESTERS,
        200,
        _action("resubmit", "returned", {"candidates": ["李明", "张华", "赵强"]}),
        audit_records=None,  # the request's and its new step's
    ),
    Row("POST", f"{URL}/<int:request_id>/withdraw", REQUESTERS, 200, _action("withdraw", "submitted", {})),
    Row(
        "POST",
        f"{URL}/<int:request_id>/election",
        REQUESTERS,
        200,
        _action("election", "approved", meeting()),
        audit_records=2,
    ),
]


def _request_org(s: Scene, code: str) -> int:
    r = submitted(s.app, s.api, code)
    return int(r["party_org"]["id"])


ROWS += [
    Row(
        "GET",
        f"{URL}/<int:request_id>/report.docx",
        READERS,
        200,
        lambda s, c, who: Call(f"{URL}/{_elected(s, c)}/report.docx"),
    ),
    Row(
        "GET",
        f"{URL}/<int:request_id>/report.pdf",
        READERS,
        501,  # run without a converter, as the documents' rows are; the conversion is the documents engine's
        lambda s, c, who: Call(f"{URL}/{_elected(s, c)}/report.pdf"),
        setup=_no_pdf_converter,
    ),
]
