"""Issue 7: dates that contradict each other are refused through the API with 422, the field and a Chinese
message, and nothing changes. The clock is Friday 2026-09-25 (Beijing); cases are submitted that day."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Flask

from service.clock import FixedClock
from tests.support.establishment import (
    DOC_NO,
    TODAY,
    approved_branch,
    found,
    get_case,
    meeting,
    org_total,
    submitted_branch,
    table_counts,
    task_for,
    vote,
)
from tests.support.world import Api


def _refused(resp: Any, code: str, field: str) -> None:
    assert resp.status_code == 422, resp.json
    assert resp.json["code"] == code, resp.json
    (message,) = resp.json["errors"]["json"][field]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_founding_meeting_before_the_approval_is_refused(api: Api, app: Flask, clock: FixedClock) -> None:
    # Submitted 09-25, approved 09-28 (recorded that day), founded: the meeting may not predate the reply.
    case = submitted_branch(api)
    clock.set(datetime(2026, 9, 28, 2, 0, tzinfo=UTC))
    task = task_for(api, "approver@east_t1", case["id"])
    r = vote(api, task["id"], "approver@east_t1", approval_doc_no=DOC_NO)
    assert r.status_code == 200, r.json
    assert get_case(api, case["id"])["approved_on"] == "2026-09-28"
    before = table_counts(app, "party_orgs", "audit_events")
    _refused(found(api, case["id"], meeting(3, held_on="2026-09-27")), "meeting_before_approval", "held_on")
    _refused(found(api, case["id"], meeting(3, held_on="2026-09-29")), "meeting_in_future", "held_on")
    assert table_counts(app, "party_orgs", "audit_events") == before
    got = get_case(api, case["id"])
    assert got["state"] == "approved" and got["party_org_id"] is None
    # The day of the approval is the first day a founding meeting may be held.
    ok = found(api, case["id"], meeting(3, held_on="2026-09-28"))
    assert ok.status_code == 200, ok.json
    org = api.get(f"/api/v1/party-orgs/{ok.json['party_org_id']}", as_="portal@east").json
    assert (org["approved_on"], org["founded_on"]) == ("2026-09-28", "2026-09-28")


def test_term_start_before_the_meeting_or_in_the_future_is_refused(api: Api, app: Flask) -> None:
    case = approved_branch(api)
    before = org_total(api)
    _refused(found(api, case["id"], meeting(3, term_start="2026-09-24")), "term_start_before_meeting", "term_start")
    _refused(found(api, case["id"], meeting(3, term_start="2026-09-26")), "term_start_in_future", "term_start")
    assert org_total(api) == before
    ok = found(api, case["id"], meeting(3, term_start=TODAY))
    assert ok.status_code == 200, ok.json


def test_reply_dates_before_submission_or_in_the_future_are_refused(api: Api, app: Flask, clock: FixedClock) -> None:
    case = submitted_branch(api)  # submitted 2026-09-25
    clock.set(datetime(2026, 9, 29, 2, 0, tzinfo=UTC))
    task = task_for(api, "approver@east_t1", case["id"])
    before = table_counts(app, "audit_events")
    refused = [
        ({"meeting_on": "2026-09-24"}, "meeting_on_before_submission", "meeting_on"),
        ({"approved_on": "2026-09-24"}, "approved_on_before_submission", "approved_on"),
        ({"meeting_on": "2026-09-30"}, "meeting_on_in_future", "meeting_on"),
        ({"approved_on": "2026-09-30"}, "approved_on_in_future", "approved_on"),
        ({"meeting_on": "2026-09-28", "approved_on": "2026-09-27"}, "approved_on_before_meeting", "approved_on"),
    ]
    for reply, code, field in refused:
        _refused(vote(api, task["id"], "approver@east_t1", approval_doc_no=DOC_NO, **reply), code, field)
    assert table_counts(app, "audit_events") == before
    got = get_case(api, case["id"])
    assert got["state"] == "submitted" and got["steps"][-1]["status"] == "pending"
    assert task_for(api, "approver@east_t1", case["id"])["status"] == "open"
    # Edges that pass: the meeting on the day of submission, the document today.
    r = vote(
        api, task["id"], "approver@east_t1", approval_doc_no=DOC_NO, meeting_on="2026-09-25", approved_on="2026-09-29"
    )
    assert r.status_code == 200, r.json
    got = get_case(api, case["id"])
    assert (got["state"], got["approval_meeting_on"], got["approved_on"]) == ("approved", "2026-09-25", "2026-09-29")
