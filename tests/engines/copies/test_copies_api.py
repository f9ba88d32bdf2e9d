"""抄送 / 待阅 through the API: copying a case or a ticket (who may, to whom, idempotence, the notification and
the audit record written with it), the recipient's 待阅 list and the read mark."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import func, select

from service.extensions import db
from service.models import AuditEvent, Copy, Notification
from tests.support.database import fingerprint
from tests.support.establishment import CASES, submitted_branch, total
from tests.support.supervision import TICKETS, acknowledged, draft, issued
from tests.support.world import Api

COPIES = "/api/v1/copies"


def copy_case(api: Api, case_id: int, *users: str, as_: str = "approver@east_t1", note: str | None = None) -> Any:
    body: dict[str, Any] = {"user_ids": [api.world.users[u] for u in users]}
    if note is not None:
        body["note"] = note
    return api.post(f"{CASES}/{case_id}/copies", as_=as_, json=body)


def copy_ticket(api: Api, ticket_id: int, *users: str, as_: str = "handler@east_t1") -> Any:
    return api.post(f"{TICKETS}/{ticket_id}/copies", as_=as_, json={"user_ids": [api.world.users[u] for u in users]})


def count(app: Flask, model: Any, *where: Any) -> int:
    with app.app_context():
        n = int(db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one())
        db.session.remove()
    return n


def test_copying_a_case_writes_the_copy_its_notification_and_its_audit_record(app: Flask, api: Api) -> None:
    case = submitted_branch(api)
    res = copy_case(api, case["id"], "supervisor@east", "handler@east_t1", note="请知悉")
    assert res.status_code == 201, res.json
    assert res.json["created"] == 2
    first = res.json["copies"][0]
    assert first["subject_type"] == "establishment"
    assert first["subject_id"] == case["id"]
    assert first["subject_label"] == "建立党组织申请"
    assert first["title"] == case["proposed_name"]
    assert first["state_label"] == "审批中"
    assert first["sender_name"] == "approver@east_t1"
    assert first["note"] == "请知悉"
    assert first["read"] is False
    assert first["subject_path"] == f"{CASES}/{case['id']}"
    sup = api.world.users["supervisor@east"]
    assert count(app, Notification, Notification.kind == "copy.received", Notification.user_id == sup) == 1
    assert count(app, AuditEvent, AuditEvent.action == "establishment.copy", AuditEvent.subject_id == case["id"]) == 2
    notes = api.get("/api/v1/notifications", as_="supervisor@east").json
    note = next(n for n in notes if n["kind"] == "copy.received")
    assert (note["subject_type"], note["subject_id"]) == ("establishment", case["id"])
    assert "approver@east_t1" in note["title"] and note["body"] == "请知悉"


def test_a_second_copy_while_unread_is_idempotent(app: Flask, api: Api) -> None:
    case = submitted_branch(api)
    first = copy_case(api, case["id"], "supervisor@east")
    assert first.status_code == 201
    before = fingerprint(app)
    again = copy_case(api, case["id"], "supervisor@east", as_="handler@east_t1")
    assert again.status_code == 200, again.json
    assert again.json["created"] == 0
    assert again.json["copies"][0]["id"] == first.json["copies"][0]["id"]
    assert fingerprint(app) == before  # no row, no notification, no audit record
    # One new and one already held: only the new one is written.
    mixed = copy_case(api, case["id"], "supervisor@east", "admin@east")
    assert mixed.status_code == 201 and mixed.json["created"] == 1
    assert mixed.json["copies"][0]["id"] == first.json["copies"][0]["id"]
    # Once read, a new copy is a new row.
    assert api.post(f"{COPIES}/{first.json['copies'][0]['id']}/read", as_="supervisor@east").status_code == 200
    later = copy_case(api, case["id"], "supervisor@east")
    assert later.status_code == 201 and later.json["copies"][0]["id"] != first.json["copies"][0]["id"]


def test_out_of_scope_recipients_are_refused_by_name_and_nothing_is_written(app: Flask, api: Api) -> None:
    case = submitted_branch(api)  # filed by portal@east
    before = fingerprint(app)
    # A portal sees only the cases it filed: portal@east_t1 did not file this one.
    res = copy_case(api, case["id"], "supervisor@east", "portal@east_t1")
    assert res.status_code == 422
    assert res.json["code"] == "recipient_out_of_scope"
    assert res.json["errors"]["json"]["user_ids"] == ["「portal@east_t1」无权查看该事项，不能抄送"]
    # Another county's handler: refused, and (outside the sender's line) named by number only.
    west = api.world.users["handler@west_t1"]
    res = copy_case(api, case["id"], "handler@west_t1")
    assert res.status_code == 422
    assert res.json["errors"]["json"]["user_ids"] == [f"「用户 {west}」无权查看该事项，不能抄送"]
    res = api.post(f"{CASES}/{case['id']}/copies", as_="approver@east_t1", json={"user_ids": [2_000_000]})
    assert res.status_code == 422 and res.json["code"] == "unknown_recipient"
    assert fingerprint(app) == before
    # The portal that filed it may receive a copy of its own case.
    assert copy_case(api, case["id"], "portal@east").status_code == 201


def test_copy_to_oneself_is_refused(api: Api) -> None:
    case = submitted_branch(api)
    res = copy_case(api, case["id"], "approver@east_t1")
    assert res.status_code == 422
    assert (res.json["code"], res.json["errors"]["json"]["user_ids"]) == ("copy_to_self", ["不能抄送给自己"])


def test_who_may_copy(api: Api) -> None:
    case = submitted_branch(api)
    for caller in ("portal@east", "instructor@east_t1"):
        assert copy_case(api, case["id"], "supervisor@east", as_=caller).status_code == 403
    # Out of the caller's scope: as missing.
    assert copy_case(api, case["id"], "supervisor@east", as_="approver@west_t1").status_code == 404
    ticket = issued(api)
    for caller in ("portal@east_t1", "instructor@east_t1", "approver@east_t1"):
        assert copy_ticket(api, ticket["id"], "supervisor@east", as_=caller).status_code == 403
    assert copy_ticket(api, ticket["id"], "supervisor@east", as_="handler@west_t1").status_code == 404


def test_bad_bodies_answer_field_messages(api: Api) -> None:
    case = submitted_branch(api)
    path = f"{CASES}/{case['id']}/copies"
    for body, field in (({}, "user_ids"), ({"user_ids": []}, "user_ids"), ({"user_ids": ["x"]}, "user_ids")):
        res = api.post(path, as_="approver@east_t1", json=body)
        assert res.status_code == 422, res.json
        assert field in res.json["errors"]["json"]
    res = api.post(path, as_="approver@east_t1", json={"user_ids": [1], "note": "字" * 501})
    assert res.status_code == 422 and "note" in res.json["errors"]["json"]


def test_ticket_copies_reach_only_those_who_see_the_ticket(api: Api) -> None:
    ticket = issued(api)
    assert copy_ticket(api, ticket["id"], "supervisor@east_t1").status_code == 201
    # Portals read no supervision, whatever their place.
    res = copy_ticket(api, ticket["id"], "portal@east_t1")
    assert res.status_code == 422 and res.json["code"] == "recipient_out_of_scope"
    # A draft is the issuing side's alone: its handling body cannot receive it yet.
    d = draft(api)
    res = copy_ticket(api, d["id"], "handler@east_t1", as_="supervisor@east")
    assert res.status_code == 422 and res.json["code"] == "recipient_out_of_scope"


def test_my_list_shows_the_subject_as_it_is_unread_first(app: Flask, api: Api) -> None:
    ticket = issued(api)
    case = submitted_branch(api)
    t = copy_ticket(api, ticket["id"], "supervisor@east_t1").json["copies"][0]
    c = copy_case(api, case["id"], "supervisor@east_t1").json["copies"][0]
    # The ticket moves on after it was copied: the list shows it as it is now.
    api.post(f"{TICKETS}/{ticket['id']}/acknowledge", as_="handler@east_t1")
    res = api.get(COPIES, as_="supervisor@east_t1")
    assert res.status_code == 200 and total(res) == 2
    assert [x["id"] for x in res.json] == [c["id"], t["id"]]
    assert res.json[1]["state_label"] == "已签收"
    read = api.post(f"{COPIES}/{c['id']}/read", as_="supervisor@east_t1")
    assert read.status_code == 200 and read.json["read"] is True
    again = api.post(f"{COPIES}/{c['id']}/read", as_="supervisor@east_t1")
    assert again.json["read_at"] == read.json["read_at"]
    listed = api.get(COPIES, as_="supervisor@east_t1").json
    assert [x["id"] for x in listed] == [t["id"], c["id"]]  # unread first
    unread = api.get(f"{COPIES}?unread=true", as_="supervisor@east_t1")
    assert [x["id"] for x in unread.json] == [t["id"]] and total(unread) == 1
    assert [x["id"] for x in api.get(f"{COPIES}?unread=false", as_="supervisor@east_t1").json] == [c["id"]]
    # Nobody else sees or marks them.
    assert api.get(COPIES, as_="supervisor@east").json == []
    assert api.post(f"{COPIES}/{t['id']}/read", as_="supervisor@east").status_code == 404
    assert count(app, Copy, Copy.read_at.is_(None)) == 1


def test_the_list_is_paginated(api: Api) -> None:
    acknowledged(api)
    ticket = issued(api)
    copy_ticket(api, ticket["id"], "supervisor@east_t1")
    res = api.get(f"{COPIES}?page_size=1&page=2", as_="supervisor@east_t1")
    assert res.status_code == 200 and res.json == [] and total(res) == 1
    assert api.get(f"{COPIES}?page=0", as_="supervisor@east_t1").status_code == 422


def test_reading_a_copy_reads_its_notification(app: Flask, api: Api) -> None:
    case = submitted_branch(api)
    other = submitted_branch(api)
    c = copy_case(api, case["id"], "supervisor@east").json["copies"][0]
    copy_case(api, other["id"], "supervisor@east")
    sup = api.world.users["supervisor@east"]
    unread = (Notification.user_id == sup, Notification.kind == "copy.received", Notification.read_at.is_(None))
    assert count(app, Notification, *unread) == 2
    api.post(f"{COPIES}/{c['id']}/read", as_="supervisor@east")
    assert count(app, Notification, *unread, Notification.subject_id == other["id"]) == 1  # the other stays unread
    assert count(app, Notification, *unread) == 1
